"""SCORTEN on the day of admission and again on day 3: both side by side, and the change.

Guégan S et al., J Invest Dermatol 2006;126:272-276 (abstract, PMID 16374461)
scored SCORTEN on each of the first five days of hospitalisation in 144
patients, 28 of whom died (19.4 %). It predicted well on every day (areas
under the ROC curve above 80 %), slightly better on day 3; the score rose slightly
over those days, significantly so between day 1 and day 4. The authors
recommend computing it again on day 3. Each day is scored by the same
``scorten.compute``; this module only sets the two results side by side.
"""

from __future__ import annotations

from pydantic import BaseModel

from sjsref.clinical.citations import GUEGAN_2006
from sjsref.clinical.numbers import format_number
from sjsref.clinical.results import Message, MessageKind, ScoreResult

ADMISSION_DAY = 1
RECHECK_DAY = 3  # Guégan 2006: slightly better performance, and the day they recommend

# Guégan 2006, abstract: cohort size, deaths, AUC "above 80%", "slightly better on day 3".
GUEGAN_FINDING = Message(
    kind=MessageKind.TIMING,
    text=(
        "Guégan et al. (2006) scored SCORTEN on each of the first five days of admission in "
        "144 patients, of whom 28 died (19.4 %). It predicted well on every day (areas under "
        "the ROC curve above 80 %), slightly better on day 3; scores rose slightly over those "
        "days (day 4 significantly higher than day 1). They recommend computing it again on "
        "day 3."
    ),
    citations=[GUEGAN_2006],
)


class DaySummary(BaseModel):
    """One day's column of the comparison."""

    day: int
    entered: bool
    score: str  # "4 of 7", "incomplete: 5 of 7 answered", "not entered"
    mortality: str  # "58.3 % (14 of 24 died)", or "" without a score


class Course(BaseModel):
    """Day 1 and day 3 side by side, the change between them and which to go by."""

    days: list[DaySummary]
    change: int | None  # day 3 score minus day 1 score, when both are complete
    change_text: str
    advice: str
    evidence: Message
    day1: ScoreResult | None
    day3: ScoreResult | None

    @property
    def both_entered(self) -> bool:
        return all(d.entered for d in self.days)


def entered(result: ScoreResult | None) -> bool:
    """True once anything was answered for that day."""
    return result is not None and result.answered > 0


def _summary(day: int, result: ScoreResult | None) -> DaySummary:
    if result is None or not entered(result):
        return DaySummary(day=day, entered=False, score="not entered", mortality="")
    if result.score is None:
        return DaySummary(
            day=day, entered=True, score=f"incomplete: {result.answered_text}", mortality=""
        )
    # A complete SCORTEN always falls in a band of the development table, with its counts.
    mortality = (
        f"{format_number(result.mortality_percent or 0)} % "
        f"({result.mortality_deaths} of {result.mortality_patients} died)"
    )
    return DaySummary(
        day=day, entered=True, score=f"{result.score} of {result.max_score}", mortality=mortality
    )


def _points(n: int) -> str:
    return f"{n} point" if n == 1 else f"{n} points"


def _change_text(first: int, later: int) -> str:
    if later == first:
        return f"Unchanged: {first} on day {ADMISSION_DAY} and on day {RECHECK_DAY}"
    verb = "Rose" if later > first else "Fell"
    return (
        f"{verb} by {_points(abs(later - first))}: "
        f"{first} on day {ADMISSION_DAY}, {later} on day {RECHECK_DAY}"
    )


def compare(day1: ScoreResult | None, day3: ScoreResult | None) -> Course:
    """Set the admission-day and day-3 SCORTEN side by side.

    Args:
        day1: The result computed from the day-1 inputs, if any were entered.
        day3: The result computed from the day-3 inputs, if any were entered.
    """
    days = [_summary(ADMISSION_DAY, day1), _summary(RECHECK_DAY, day3)]
    first, later = (day1.score if day1 else None), (day3.score if day3 else None)
    change = None if first is None or later is None else later - first
    if change is not None and first is not None and later is not None:
        change_text = _change_text(first, later)
    elif not days[1].entered:
        change_text = f"Day {RECHECK_DAY} not entered yet."
    elif not days[0].entered:
        change_text = f"Day {ADMISSION_DAY} not entered: no change to show."
    else:
        change_text = "Change shown once both days are complete."
    if later is not None:
        advice = (
            f"Day {RECHECK_DAY} recomputed, as Guégan 2006 recommend: SCORTEN predicted slightly "
            "better on day 3 than on day 1. The mortality beside each score is the day-1 "
            "development table."
        )
    else:
        advice = (
            f"Recompute on day {RECHECK_DAY}, as Guégan 2006 recommend: SCORTEN predicted "
            "slightly better on day 3."
        )
    return Course(
        days=days,
        change=change,
        change_text=change_text,
        advice=advice,
        evidence=GUEGAN_FINDING,
        day1=day1,
        day3=day3,
    )
