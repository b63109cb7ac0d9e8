"""What every calculator returns: plain pydantic models, ready for JSON.

The window and the command line show these; they never recompute anything.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel


class MessageKind(StrEnum):
    """Why a message travels with a result."""

    MISSING = "missing"  # a criterion was not answered
    UNIT = "unit"  # a lab value whose unit is missing, unlikely or read two ways
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
    pending: str | None = None  # why a typed value is not scored yet (its unit)


class UnitQuery(BaseModel):
    """A typed lab value held back until its unit is chosen or confirmed."""

    input: str  # the input's name, e.g. "glucose"
    value: float
    unit: str | None  # the unit chosen, or None when none was
    likely_units: list[str]  # units the value is usual in, most likely first
    text: str


class MortalityRow(BaseModel):
    """One band of an observed mortality table: who died, of how many, and the 95 % CI."""

    scores: str  # "0-1", "2", "5-7"
    deaths: int
    patients: int
    percent: float
    ci95: tuple[float, float]
    patient: bool = False  # the band the patient's score falls in


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
    no_score_reason: str | None = None  # why a tool gives no score (ABCD-10's weights)
    mortality_deaths: int | None = None
    mortality_patients: int | None = None
    mortality_ci95: tuple[float, float] | None = None
    mortality_table: list[MortalityRow] = []
    model_mortality_percent: float | None = None
    model_mortality_basis: str | None = None
    score_other_reading: int | None = None
    score_other_reading_rule: str | None = None
    mortality_percent_other_reading: float | None = None
    day: int | None = None
    criteria: list[CriterionResult]
    units_to_confirm: list[UnitQuery] = []
    warnings: list[Message]
    notes: list[Message]
    citations: list[str]

    @property
    def answered_text(self) -> str:
        return f"{self.answered} of {self.total} answered"
