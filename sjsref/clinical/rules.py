"""Threshold rules: one object both decides a criterion and writes its label.

The label a clinician reads ("Heart rate > 120 /min") is generated from the
same rule that computes the point, so the prose cannot drift from the code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from sjsref.clinical.citations import Source

# Values closer than this to a threshold count as equal to it. Unit conversion
# in floating point can land a value typed exactly at a threshold a few ulps
# to either side (e.g. BUN 28.014 mg/dL -> 10.000000000000002 mmol/L).
_EPSILON = 1e-9


class Op(StrEnum):
    """A comparison against a threshold, written as the paper writes it."""

    GT = ">"
    GE = "≥"
    LT = "<"
    LE = "≤"

    def holds(self, value: float, threshold: float) -> bool:
        """Whether ``value <op> threshold``, treating near-equal as equal."""
        if math.isclose(value, threshold, rel_tol=_EPSILON, abs_tol=_EPSILON):
            return self in (Op.GE, Op.LE)
        if self in (Op.GT, Op.GE):
            return value > threshold
        return value < threshold


def format_number(value: float, decimals: int = 1) -> str:
    """A number as a clinician writes it: no trailing zeros, at most ``decimals``."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Threshold:
    """``value <op> threshold`` in a stated unit, with where it comes from."""

    op: Op
    value: float
    unit: str
    source: Source

    def met(self, value: float) -> bool:
        return self.op.holds(value, self.value)

    def label(self, value: float | None = None, unit: str | None = None, decimals: int = 1) -> str:
        """The rule as text, optionally re-expressed in another unit."""
        shown = self.value if value is None else value
        return f"{self.op.value} {format_number(shown, decimals)} {unit or self.unit}".strip()
