"""Shared pydantic field validation: plausibility limits at the boundary."""

from __future__ import annotations

from pydantic import ValidationError

from sjsref.clinical.plausibility import Limits


def check_optional(value: float | None, limits: Limits) -> float | None:
    """Reject an impossible value; pass through None (unanswered)."""
    if value is not None:
        limits.check(value)
    return value


def recheck_notes(pairs: list[tuple[float | None, Limits]]) -> list[str]:
    """Notes for values that are possible but unusual enough to re-check."""
    notes = []
    for value, limits in pairs:
        if value is not None:
            note = limits.check(value)
            if note:
                notes.append(note)
    return notes


# Field names shown to a clinician in error messages.
FIELD_LABELS = {
    "age_years": "Age",
    "heart_rate_bpm": "Heart rate",
    "malignancy": "Malignancy",
    "detached_bsa_percent": "Detached body-surface area",
    "urea": "Urea",
    "urea_unit": "Urea unit",
    "bicarbonate_mmol_l": "Bicarbonate",
    "glucose": "Glucose",
    "glucose_unit": "Glucose unit",
    "day": "Day of admission",
    "active_cancer": "Active cancer",
    "dialysis_before_admission": "Dialysis before admission",
    "spots": "Spots",
    "count": "Number of hand areas",
    "surface": "Hand surface",
    "sex": "Sex",
    "regions": "Regions",
    "detached_percent": "Detached % of the region",
    "erythema_percent": "Erythema % of the region",
    "method": "Method",
}

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


def field_errors(exc: ValidationError) -> list[tuple[str, str]]:
    """(field, message) pairs a clinician understands, from a ValidationError."""
    out: list[tuple[str, str]] = []
    for err in exc.errors():
        loc = [str(part) for part in err["loc"]]
        field = loc[0] if loc else ""
        label = FIELD_LABELS.get(field, field.replace("_", " ").capitalize())
        if err["type"] == "value_error":
            message = str(err["msg"]).removeprefix("Value error, ")
        else:
            hint = _TYPE_HINTS.get(err["type"], str(err["msg"]).lower())
            got = err.get("input")
            shown = f" (got {got!r})" if got is not None and not isinstance(got, dict) else ""
            message = f"{label}: {hint}{shown}."
        out.append((field, message))
    return out
