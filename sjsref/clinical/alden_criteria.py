"""ALDEN criteria 1 to 5 for one drug: each gives its value, points and the rule used.

Day counting. The paper counts "days" from the first intake of the drug to
the index day (the first day of the reaction) without saying whether the
first day of intake is day 0 or day 1. SJSRef uses the plain calendar
difference, index day minus start date: a drug started the day before the
index day has a delay of 1 day, one started on the index day 0 days (and is
"excluded", started on or after the index day). The count used is shown.

Drug present on the index day. Calendar dates do not say at what hour the
last dose was taken or the reaction began, so the time from the stop date to
the index day is taken as whole days (index day minus stop date, times 24 h).
Only "more than five half-lives" counts as eliminated; exactly five counts as
present, since the paper's "more than" is what lowers the score. When five
half-lives fall within a day of that count, a boundary message says the dates
cannot settle it.
"""

from __future__ import annotations

import datetime as dt
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sjsref.clinical import alden_rules as r
from sjsref.clinical.numbers import format_number
from sjsref.clinical.results import Message, MessageKind

HOURS_PER_DAY = 24


class AldenCriterion(BaseModel):
    """One criterion for one drug: the value found, its points and the rule that gave them."""

    id: str
    number: int
    label: str
    value: str | None
    points: int | None
    rule: str
    answered: bool
    citation: str
    locator: str


class DrugExposure(BaseModel):
    """One suspect drug: dates, half-life and the four answers ALDEN needs."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=120)
    start: dt.date = Field(description="first day of intake")
    stop: dt.date | None = Field(
        default=None, description="last day of intake; None: still taken on the index day"
    )
    half_life_h: float | None = Field(
        default=None, gt=0, allow_inf_nan=False, description="elimination half-life, hours"
    )
    notoriety: r.Notoriety
    prechallenge: r.Prechallenge
    impaired_elimination: bool = Field(
        description="liver or kidney function alterations, or suspected drug interactions"
    )
    continued_without_harm: bool = Field(description="drug continued after onset without harm")
    notoriety_from: str = Field(
        default="", description="where the notoriety came from, if not typed"
    )
    half_life_from: str = Field(
        default="", description="where the half-life came from, if not typed"
    )

    @model_validator(mode="after")
    def _stop_after_start(self) -> Self:
        if self.stop is not None and self.stop < self.start:
            raise ValueError(
                f"{self.name}: stop {self.stop} is before start {self.start}; "
                "the stop date must be on or after the start date"
            )
        return self


def points_text(points: int) -> str:
    """'+3', '0', '-1'."""
    return f"{points:+d}" if points else "0"


def _criterion(number: int, cid: str, label: str, outcome: r.Outcome, rule: str) -> AldenCriterion:
    return AldenCriterion(
        id=cid,
        number=number,
        label=label,
        value=outcome.value,
        points=outcome.points,
        rule=f"{rule}: {outcome.value} ({points_text(outcome.points)})",
        answered=True,
        citation=outcome.source.key,
        locator=outcome.source.locator,
    )


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def delay_days(index_day: dt.date, start: dt.date) -> int:
    """Days from first intake to the index day: index day minus start date."""
    return (index_day - start).days


def delay(drug: DrugExposure, index_day: dt.date) -> AldenCriterion:
    """Criterion 1: delay from the first intake to the index day."""
    days = delay_days(index_day, drug.start)
    label = "Delay from first intake to index day"
    if days <= 0:
        when = "on the index day" if days == 0 else f"{_days(-days)} after the index day"
        rule = f"Started {drug.start}, {when}; started on or after the index day"
        return _criterion(1, "delay", label, r.DELAY_EXCLUDED, rule)
    shifted = drug.prechallenge in r.PREVIOUS_REACTION_TO_SAME_DRUG
    windows = r.DELAY_WINDOWS_AFTER_PREVIOUS_REACTION if shifted else r.DELAY_WINDOWS
    window = next(w for w in windows if w.holds(days))
    rule = f"{_days(days)} from first intake ({drug.start}) to index day ({index_day}); "
    if shifted:
        rule += "previous reaction to the same drug, so the shifted windows apply; "
    rule += window.label()
    return _criterion(1, "delay", label, window.outcome, rule)


def present(drug: DrugExposure, index_day: dt.date) -> tuple[AldenCriterion, list[Message]]:
    """Criterion 2: drug present in the body on the index day (five half-lives rule)."""
    label = "Drug present in the body on index day"
    if drug.stop is None or drug.stop >= index_day:
        taken = "No stop date" if drug.stop is None else f"Stopped {drug.stop}"
        rule = f"{taken}, so taken up to the index day"
        return _criterion(2, "present", label, r.PRESENT_DEFINITE, rule), []
    days = (index_day - drug.stop).days
    stopped = f"Stopped {drug.stop}, {_days(days)} ({days * HOURS_PER_DAY} h) before the index day"
    if drug.half_life_h is None:
        return _not_derived(label, stopped), [
            Message(
                kind=MessageKind.MISSING,
                text=(
                    f"{drug.name}: the elimination half-life is not in the drug table and was "
                    "not entered, so whether the drug was still present on the index day "
                    "cannot be derived. Enter the half-life; until then this criterion "
                    "counts as not answered."
                ),
                citations=[r.PRESENT_SOURCE.key],
            )
        ]
    limit_h = r.HALF_LIVES_TO_ELIMINATE * drug.half_life_h
    elapsed_h = days * HOURS_PER_DAY
    source = f" (half-life from {drug.half_life_from})" if drug.half_life_from else ""
    five = (
        f"{r.HALF_LIVES_TO_ELIMINATE} half-lives = {r.HALF_LIVES_TO_ELIMINATE} x "
        f"{format_number(drug.half_life_h)} h{source} = {format_number(limit_h)} h"
    )
    warnings = _boundary(drug.name, elapsed_h, limit_h)
    if elapsed_h <= limit_h:
        rule = f"{stopped}; {five}: not more than five half-lives"
        return _criterion(2, "present", label, r.PRESENT_DEFINITE, rule), warnings
    rule = f"{stopped}; {five}: more than five half-lives, "
    if drug.impaired_elimination:
        rule += "but liver or kidney function alterations or suspected drug interactions"
        return _criterion(2, "present", label, r.PRESENT_DOUBTFUL, rule), warnings
    rule += "no liver or kidney function alterations or suspected drug interactions"
    return _criterion(2, "present", label, r.PRESENT_EXCLUDED, rule), warnings


def _not_derived(label: str, stopped: str) -> AldenCriterion:
    low, high = min(r.PRESENT_POINTS), max(r.PRESENT_POINTS)
    return AldenCriterion(
        id="present",
        number=2,
        label=label,
        value=None,
        points=None,
        rule=(
            f"{stopped}; elimination half-life unknown: could not be derived, "
            f"counted as not answered ({points_text(low)} to {points_text(high)})"
        ),
        answered=False,
        citation=r.PRESENT_SOURCE.key,
        locator=r.PRESENT_SOURCE.locator,
    )


def _boundary(name: str, elapsed_h: int, limit_h: float) -> list[Message]:
    # The last dose may have been early or late on the stop day, and the
    # reaction may have begun early or late on the index day: the true
    # interval lies within a day either side of the whole-day count.
    if abs(limit_h - elapsed_h) >= HOURS_PER_DAY:
        return []
    return [
        Message(
            kind=MessageKind.BOUNDARY,
            text=(
                f"{name}: five half-lives ({format_number(limit_h)} h) fall within a day of "
                f"the time counted from the stop date ({elapsed_h} h). Dates alone cannot "
                "tell whether the drug was eliminated; check the time of the last dose."
            ),
            citations=[r.PRESENT_SOURCE.key],
        )
    ]


def prechallenge(drug: DrugExposure) -> AldenCriterion:
    """Criterion 3: prechallenge or rechallenge."""
    outcome, rule = r.PRECHALLENGE[drug.prechallenge]
    return _criterion(3, "prechallenge", "Prechallenge/rechallenge", outcome, _sentence(rule))


def dechallenge(drug: DrugExposure) -> AldenCriterion:
    """Criterion 4: dechallenge."""
    if drug.continued_without_harm:
        outcome, rule = r.DECHALLENGE_NEGATIVE, "Drug continued without harm"
    else:
        outcome, rule = r.DECHALLENGE_NEUTRAL, "Drug stopped (or not known)"
    return _criterion(4, "dechallenge", "Dechallenge", outcome, rule)


def notoriety(drug: DrugExposure) -> AldenCriterion:
    """Criterion 5: type of drug (notoriety)."""
    outcome, rule = r.NOTORIETY[drug.notoriety]
    if drug.notoriety_from:
        rule = f"{rule} (from {drug.notoriety_from})"
    return _criterion(5, "notoriety", "Type of drug (notoriety)", outcome, _sentence(rule))


def _sentence(text: str) -> str:
    """The first letter upper case, the rest as written ("SJS/TEN" stays)."""
    return text[:1].upper() + text[1:]
