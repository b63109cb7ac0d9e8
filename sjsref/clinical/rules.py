"""Threshold rules: one object both decides a criterion and writes its label.

The label a clinician reads ("Heart rate > 120 /min") is generated from the
same rule that computes the point, so the prose cannot drift from the code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from sjsref.clinical.citations import Source
from sjsref.clinical.numbers import EPSILON, format_exact


class Op(StrEnum):
    """A comparison against a threshold, written as the paper writes it."""

    GT = ">"
    GE = "≥"
    LT = "<"
    LE = "≤"

    def holds(self, value: float, threshold: float) -> bool:
        """Whether ``value <op> threshold``, treating near-equal as equal."""
        if math.isclose(value, threshold, rel_tol=EPSILON, abs_tol=EPSILON):
            return self in (Op.GE, Op.LE)
        if self in (Op.GT, Op.GE):
            return value > threshold
        return value < threshold


@dataclass(frozen=True)
class Threshold:
    """``value <op> threshold`` in a stated unit, with where it comes from."""

    op: Op
    value: float
    unit: str
    source: Source

    def met(self, value: float) -> bool:
        return self.op.holds(value, self.value)

    def label(self, value: float | None = None, unit: str | None = None) -> str:
        """The rule as text, optionally re-expressed in another unit.

        A converted cut-off is printed exactly (60.056 mg/dL, not 60.1), so a
        value beside it never reads as being on the other side of it.
        """
        shown = self.value if value is None else value
        return f"{self.op.value} {format_exact(shown)} {unit or self.unit}".strip()
