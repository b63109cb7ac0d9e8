"""Numbers as a clinician types them, read one way only, and printed so they never lie.

One reader serves the window and the command line. A single decimal comma is
accepted (``12,5`` is 12.5: many keyboards and labs write it so), but a comma
followed by exactly three digits reads as a thousands separator to some and as
a decimal point to others (``2,000``), so it is refused, as is more than one
separator (``1,234.5``). ``0,125`` stays a decimal: nobody writes a thousands
separator after a lone zero.
"""

from __future__ import annotations

import math
import re

_PLAIN = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_THOUSANDS_LIKE = re.compile(r"^[+-]?([1-9]\d*),\d{3}$")

# Values closer than this to a threshold count as equal to it. Unit conversion
# in floating point can land a value typed exactly at a threshold a few ulps
# to either side (e.g. BUN 28.014 mg/dL -> 10.000000000000002 mmol/L).
EPSILON = 1e-9

# Typed values carry at most this many decimals (the window's fields allow four).
TYPED_DECIMALS = 4


def parse_number(text: str) -> float:
    """Read a typed number; raise ValueError with a message a clinician understands."""
    cleaned = text.strip()
    if _THOUSANDS_LIKE.match(cleaned):
        whole, _, rest = cleaned.partition(",")
        raise ValueError(
            f"'{cleaned}' is ambiguous: write {whole}{rest} or {whole}.{rest.rstrip('0') or '0'}"
        )
    if not _PLAIN.match(cleaned):
        raise ValueError(f"'{printable(cleaned)}' is not a number; write it like 12 or 12.5")
    return float(cleaned.replace(",", "."))


def printable(text: str, limit: int = 40) -> str:
    """Text safe to echo on one line: control characters escaped, length capped."""
    shown = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def format_number(value: float, decimals: int = 1) -> str:
    """A number as a clinician writes it: no trailing zeros, at most ``decimals``."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_typed(value: float) -> str:
    """A value as it was typed: never rounded (10.00001 stays 10.00001), no float noise."""
    return f"{value:.12g}"


def format_exact(value: float, max_decimals: int = 6) -> str:
    """The fewest decimals that still give ``value`` exactly (a converted threshold)."""
    for decimals in range(max_decimals + 1):
        if math.isclose(round(value, decimals), value, rel_tol=1e-12, abs_tol=1e-12):
            return format_number(value, decimals)
    return format_number(value, max_decimals)


def format_beside(value: float, thresholds: tuple[float, ...], decimals: int = 1) -> str:
    """``value`` rounded, but with enough decimals never to read as another side of a cut-off.

    9.96 beside a 10 % rule prints as 9.96, not 10; 40.001 beside 40 prints as 40.001.
    """
    for places in range(decimals, TYPED_DECIMALS + 3):
        shown = round(value, places)
        if all(side(shown, t) == side(value, t) for t in thresholds):
            return format_number(value, places)
    return f"{value:.12g}"  # a hair from the cut-off: show the hair


def side(value: float, threshold: float) -> int:
    """-1, 0 or 1: below, at (within float noise) or above ``threshold``."""
    # The same tolerance as the rules: float noise at a cut-off counts as on it.
    if math.isclose(value, threshold, rel_tol=EPSILON, abs_tol=EPSILON):
        return 0
    return 1 if value > threshold else -1
