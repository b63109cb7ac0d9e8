"""Validation at the boundary: plausibility limits as types, and errors a clinician reads.

A measured input is declared once as an ``Annotated`` type that carries its
limits (``AgeYears``), so every model that takes an age checks it the same
way, and each error keeps its location, so the window marks the right field
and the command line names the right flag.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated

from pydantic import AfterValidator, ValidationError

from sjsref.clinical import plausibility as lim
from sjsref.clinical.plausibility import Limits


def _within(limits: Limits) -> Callable[[float | None], float | None]:
    def check(value: float | None) -> float | None:
        return check_optional(value, limits)

    return check


def check_optional(value: float | None, limits: Limits) -> float | None:
    """Reject an impossible value; pass through None (unanswered)."""
    if value is not None:
        limits.check(value)
    return value


# Each measured input with its limits; None is "not answered".
AgeYears = Annotated[float | None, AfterValidator(_within(lim.AGE))]
HeartRateBpm = Annotated[float | None, AfterValidator(_within(lim.HEART_RATE))]
PercentBsa = Annotated[float | None, AfterValidator(_within(lim.PERCENT_BSA))]
BicarbonateMmolL = Annotated[float | None, AfterValidator(_within(lim.BICARBONATE_MMOL_L))]


def recheck_notes(pairs: list[tuple[float | None, Limits]]) -> list[str]:
    """Notes for values that are possible but unusual enough to re-check."""
    notes = []
    for value, limits in pairs:
        if value is not None:
            note = limits.check(value)
            if note:
                notes.append(note)
    return notes


_TYPE_HINTS = {
    "float_parsing": "enter a number",
    "float_type": "enter a number",
    "int_parsing": "enter a whole number",
    "int_type": "enter a whole number",
    "int_from_float": "enter a whole number",
    "bool_parsing": "answer yes or no",
    "bool_type": "answer yes or no",
    "enum": "choose one of the listed options",
    "literal_error": "choose one of the listed options",
    "extra_forbidden": "is not an input of this calculator",
    "finite_number": "enter a finite number",
    "missing": "not answered",
}

Location = tuple[str | int, ...]


def located_errors(
    exc: ValidationError, labels: Mapping[str, str] | None = None
) -> list[tuple[Location, str]]:
    """(where, message) pairs a clinician understands, from a ValidationError.

    Args:
        exc: What the model raised.
        labels: Field name -> what a clinician calls it (a calculator spec's labels);
            a field not listed is named from its own name.

    Returns:
        Each error's location in the input (``("age_years",)``, or
        ``("regions", 0, "detached_percent")`` inside a list) and its message.
    """
    out: list[tuple[Location, str]] = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        if err["type"] == "value_error":
            message = str(err["msg"]).removeprefix("Value error, ")
        else:
            name = str(next((p for p in reversed(loc) if isinstance(p, str)), ""))
            label = (labels or {}).get(name, name.replace("_", " ").capitalize())
            hint = _TYPE_HINTS.get(err["type"], str(err["msg"]).lower())
            got = err.get("input")
            shown = f" (got {got!r})" if got is not None and not isinstance(got, dict) else ""
            message = f"{label}: {hint}{shown}."
        out.append((loc, message))
    return out


def field_errors(
    exc: ValidationError, labels: Mapping[str, str] | None = None
) -> list[tuple[str, str]]:
    """(top-level field, message) pairs: :func:`located_errors` for a flat form."""
    return [(str(loc[0]) if loc else "", message) for loc, message in located_errors(exc, labels)]
