"""The engine shared by the points scores: criteria as data, one tally.

A criterion whose ``points`` is None has a weight we could not verify: it
is shown met or not met but adds nothing. A criterion that was not answered
is never scored as normal: it widens the possible range of the score instead
("5 of 7 answered: 2 to 4 points").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sjsref.clinical.citations import Source
from sjsref.clinical.results import CriterionResult, Message, MessageKind
from sjsref.clinical.rules import Threshold


@dataclass(frozen=True)
class NumericCriterion:
    """A measured value scored against a threshold.

    ``other_reading`` is a second published reading of the same rule (e.g.
    ">= 40" where the primary paper says "above 40"); it never changes the
    score, but a value where the two readings disagree is reported, and
    ``other_reading_label`` names that reading in a headline ("age ≥ 40 years").
    """

    id: str
    name: str
    threshold: Threshold
    points: int | None
    other_reading: Threshold | None = None
    other_reading_text: str = ""
    other_reading_label: str = ""


@dataclass(frozen=True)
class YesNoCriterion:
    """A yes/no finding that scores when present."""

    id: str
    name: str
    question: str
    points: int | None
    source: Source


Criterion = NumericCriterion | YesNoCriterion


@dataclass(frozen=True)
class Answer:
    """What was entered for one criterion.

    ``value`` is in the criterion's own unit (for numeric criteria) and is what
    gets scored; ``shown_*`` are what the clinician typed, in their unit.
    """

    value: float | bool | None
    shown_value: float | bool | None = None
    shown_unit: str | None = None
    shown_threshold: str | None = None
    pending: str | None = None  # why a typed value is held back (its unit)


@dataclass
class Tally:
    """The outcome of scoring every criterion."""

    criteria: list[CriterionResult] = field(default_factory=list)
    points: int = 0
    missing_points: int = 0
    answered: int = 0
    other_reading_delta: int = 0
    other_readings: list[str] = field(default_factory=list)
    boundary: list[Message] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing


def _criterion_label(criterion: Criterion, threshold_text: str | None) -> str:
    if isinstance(criterion, YesNoCriterion):
        return criterion.question
    return f"{criterion.name} {threshold_text}"


def _score_numeric(criterion: NumericCriterion, value: float, tally: Tally) -> bool:
    met = criterion.threshold.met(value)
    other = criterion.other_reading
    if other is not None and other.met(value) != met:
        points = criterion.points or 0
        tally.other_reading_delta += points if other.met(value) else -points
        tally.other_readings.append(criterion.other_reading_label)
        tally.boundary.append(
            Message(
                kind=MessageKind.BOUNDARY,
                text=criterion.other_reading_text,
                citations=[criterion.threshold.source.key],
            )
        )
    return met


def tally(criteria: tuple[Criterion, ...], answers: dict[str, Answer]) -> Tally:
    """Score every criterion; unanswered ones are listed, never counted as normal."""
    result = Tally()
    for criterion in criteria:
        answer = answers.get(criterion.id, Answer(None))
        if isinstance(criterion, NumericCriterion):
            threshold_text = answer.shown_threshold or criterion.threshold.label()
            citation = criterion.threshold.source.key
        else:
            threshold_text = None
            citation = criterion.source.key
        met: bool | None = None
        if answer.value is None:
            result.missing.append(criterion.name)
            result.missing_points += criterion.points or 0
        else:
            result.answered += 1
            if isinstance(criterion, NumericCriterion):
                met = _score_numeric(criterion, float(answer.value), result)
            else:
                met = bool(answer.value)
            result.points += (criterion.points or 0) if met else 0
        shown = answer.shown_value if answer.shown_value is not None else answer.value
        result.criteria.append(
            CriterionResult(
                id=criterion.id,
                label=_criterion_label(criterion, threshold_text),
                threshold=threshold_text,
                value=shown,
                unit=answer.shown_unit,
                answered=answer.value is not None,
                met=met,
                points=criterion.points,
                citation=citation,
                pending=answer.pending,
            )
        )
    return result


def missing_message(t: Tally, total: int) -> Message:
    names = ", ".join(t.missing)
    return Message(
        kind=MessageKind.MISSING,
        text=(
            f"Only {t.answered} of {total} answered. Not answered: {names}. "
            f"The score is at least {t.points} and at most {t.points + t.missing_points}; "
            "no mortality is given until every criterion is answered."
        ),
    )
