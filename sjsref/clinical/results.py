"""What every calculator returns: plain pydantic models, ready for JSON.

The window and the command line show these; they never recompute anything.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel


class MessageKind(StrEnum):
    """Why a message travels with a result."""

    MISSING = "missing"  # a criterion was not answered
    POPULATION = "population"  # outside the population the tool was derived in
    TIMING = "timing"  # outside the validated time window
    RECHECK = "recheck"  # an extreme but possible value
    BOUNDARY = "boundary"  # a value where published readings of a rule differ
    CALIBRATION = "calibration"  # known limits of the tool's predictions
    METHOD = "method"  # how a number was obtained


class Message(BaseModel):
    """A warning or note with the sources that back it."""

    kind: MessageKind
    text: str
    citations: list[str] = []


class CriterionResult(BaseModel):
    """One criterion: its rule, what was entered, whether it was met."""

    id: str
    label: str
    threshold: str | None
    value: float | bool | None
    unit: str | None
    answered: bool
    met: bool | None
    points: int | None
    citation: str


class ScoreResult(BaseModel):
    """A points score (SCORTEN, ABCD-10) and what it predicts."""

    calculator: str
    name: str
    complete: bool
    answered: int
    total: int
    score: int | None
    score_min: int
    score_max: int
    max_score: int
    mortality_percent: float | None
    mortality_basis: str | None
    model_mortality_percent: float | None = None
    model_mortality_basis: str | None = None
    score_other_reading: int | None = None
    mortality_percent_other_reading: float | None = None
    day: int | None = None
    criteria: list[CriterionResult]
    warnings: list[Message]
    notes: list[Message]
    citations: list[str]

    @property
    def answered_text(self) -> str:
        return f"{self.answered} of {self.total} answered"
