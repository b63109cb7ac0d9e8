"""Plausibility limits for what a clinician types.

These are not clinical thresholds and change no score. A value outside the
hard limits cannot be a living patient's (heart rate 400 /min, age 200 y) and
is rejected with a message naming the field, the value and the accepted range.
A value inside them but outside the soft limits is accepted and flagged so it
is re-checked (a typing slip such as 1.5 for 15 is common at the bedside).
The limits are our own choice, set wide enough for extreme but real patients.
"""

from __future__ import annotations

from dataclasses import dataclass

from sjsref.clinical.numbers import format_number


@dataclass(frozen=True)
class Limits:
    """Hard (reject) and soft (flag) limits for one quantity, in one unit."""

    label: str
    unit: str
    hard_min: float
    hard_max: float
    soft_min: float
    soft_max: float

    def in_unit(self, factor: float, unit: str) -> Limits:
        """The same limits expressed in another unit (value x factor)."""
        return Limits(
            self.label,
            unit,
            self.hard_min * factor,
            self.hard_max * factor,
            self.soft_min * factor,
            self.soft_max * factor,
        )

    def range_text(self) -> str:
        lo = format_number(self.hard_min, 1)
        hi = format_number(self.hard_max, 1)
        return f"{lo}–{hi} {self.unit}".rstrip()

    def check(self, value: float) -> str | None:
        """Raise ValueError if impossible; return a re-check note if extreme."""
        shown = f"{format_number(value, 2)} {self.unit}".rstrip()
        if value != value or not self.hard_min <= value <= self.hard_max:  # NaN fails too
            raise ValueError(
                f"{self.label} {shown} is not possible; "
                f"enter a value in the range {self.range_text()}."
            )
        if not self.soft_min <= value <= self.soft_max:
            return f"{self.label} {shown} is unusual; please re-check it."
        return None


AGE = Limits("Age", "years", 0, 120, 0, 105)
HEART_RATE = Limits("Heart rate", "/min", 20, 300, 40, 220)
PERCENT_BSA = Limits("Detached body-surface area", "%", 0, 100, 0, 100)
# Urea: reference interval about 2.5-7.8 mmol/L; > 100 mmol/L is exceptional.
UREA_MMOL_L = Limits("Urea", "mmol/L", 0, 150, 1, 60)
# Glucose: survivable extremes have been reported near 0.5 and above 100 mmol/L.
GLUCOSE_MMOL_L = Limits("Glucose", "mmol/L", 0.1, 150, 2.2, 50)

# The app's rule for a unit slip (sjsref.clinical.units): the range, in mmol/L, a
# value may take in a real patient, extremes included (severe hypoglycaemia and
# the hyperglycaemic hyperosmolar state for glucose; uraemia for urea). A value
# outside it in the unit chosen, but inside it in another unit, is far more
# likely to be in that other unit. Wider than the re-check limits above: a rare
# but real value (glucose 55 mmol/L, or 36 mg/dL) is never called a slip.
UREA_SLIP_RANGE_MMOL_L = (0.5, 100.0)
GLUCOSE_SLIP_RANGE_MMOL_L = (1.0, 70.0)
# Bicarbonate: reference interval about 22-29 mmol/L.
BICARBONATE_MMOL_L = Limits("Bicarbonate", "mmol/L", 0.1, 60, 5, 45)
