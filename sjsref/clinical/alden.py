"""ALDEN: which drug caused the SJS/TEN? One assessment for every suspect drug of a patient.

Sassolas B et al., Clin Pharmacol Ther 2010;88:60-68. Each drug gets six
criteria; criteria 1-5 sum to an intermediate score (-11 to +10), criterion 6
lowers the other drugs when one drug scores above 3, and the final score
(-12 to +10) falls in one of five bands. The values, and which of them were
seen only in secondary copies of the paper's table, are in ``alden_rules``;
day counting and the five half-lives rule are explained in ``alden_criteria``.

Criterion 6. The rule, as its copies give it: rank the drugs by their
intermediate score; if at least one scores above 3, subtract 1 from each of
the *other* drugs (another cause is more likely). SJSRef reads "the other
drugs" as every drug but the top-ranked one: the drug (or drugs, when tied)
with the highest intermediate score keeps its score, and every other drug
loses 1 once, even if it is itself above 3. The ranking step would do nothing
under the reading that lowers every drug, and that reading would move the
leading suspect down a band. When two drugs are above 3, the result says how
the rule was read.

Nothing here fills in a missing answer: notoriety, prechallenge, impaired
elimination and dechallenge must each be given (the command line and the
window supply the defaults of issue 14's contract, visibly). Only the
half-life may be unknown; then criterion 2 is not answered and the score is
given as a range, with no band, until it is entered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sjsref.clinical import alden_criteria as c
from sjsref.clinical import alden_rules as r
from sjsref.clinical.alden_criteria import AldenCriterion, DrugExposure, points_text
from sjsref.clinical.citations import SASSOLAS_2010
from sjsref.clinical.results import Message, MessageKind

__all__ = ["AldenCriterion", "AldenDrugResult", "AldenInput", "AldenResult", "DrugExposure"]


class AldenInput(BaseModel):
    """A patient: the index day (first day of the reaction) and every suspect drug."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    index_day: dt.date
    drugs: tuple[DrugExposure, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        seen: set[str] = set()
        for drug in self.drugs:
            if drug.name.casefold() in seen:
                raise ValueError(f"{drug.name}: listed twice; enter each drug once")
            seen.add(drug.name.casefold())
            if drug.continued_without_harm and drug.stop is not None and drug.stop < self.index_day:
                raise ValueError(
                    f"{drug.name}: continued without harm, but stopped {drug.stop}, before the "
                    "index day; a drug taken again later without reaction is prechallenge "
                    "'tolerated'"
                )
        return self


class AldenDrugResult(BaseModel):
    """One drug's assessment; ``score`` and ``band`` are None until every criterion is known."""

    name: str
    rank: int
    score: int | None
    score_min: int
    score_max: int
    intermediate_score: int | None
    band: r.Band | None
    complete: bool
    delay_days: int
    days_stop_to_index: int | None
    criteria: list[AldenCriterion]
    warnings: list[Message]


class AldenResult(BaseModel):
    """Every suspect drug of one patient, ranked from the most to the least likely culprit."""

    calculator: Literal["alden"] = "alden"
    name: str = "ALDEN"
    index_day: dt.date
    drugs: list[AldenDrugResult]
    warnings: list[Message]
    notes: list[Message]
    citations: list[str]


@dataclass(frozen=True)
class _Partial:
    """Criteria 1-5 of one drug, with the range its intermediate score can take."""

    drug: DrugExposure
    criteria: list[AldenCriterion]
    warnings: list[Message]
    low: int
    high: int

    def above_cutoff(self) -> bool | None:
        """Whether the intermediate score is > 3; None when the missing answer decides."""
        if self.low > r.OTHER_CAUSE_CUTOFF:
            return True
        if self.high <= r.OTHER_CAUSE_CUTOFF:
            return False
        return None


def _partial(drug: DrugExposure, index_day: dt.date) -> _Partial:
    present, warnings = c.present(drug, index_day)
    criteria = [
        c.delay(drug, index_day),
        present,
        c.prechallenge(drug),
        c.dechallenge(drug),
        c.notoriety(drug),
    ]
    known = sum(k.points for k in criteria if k.points is not None)
    low = high = known
    if not present.answered:
        low, high = known + min(r.PRESENT_POINTS), known + max(r.PRESENT_POINTS)
    return _Partial(drug=drug, criteria=criteria, warnings=warnings, low=low, high=high)


def _is_top(partial: _Partial, others: list[_Partial]) -> bool | None:
    """Whether this drug ranks first (ties included); None when a missing answer decides."""
    if not others or partial.low >= max(o.high for o in others):
        return True
    if partial.high < max(o.low for o in others):
        return False
    return None


def _other_cause(partial: _Partial, others: list[_Partial]) -> AldenCriterion:
    label = "Other cause"
    above = [o for o in others if o.above_cutoff()]
    undecided = [o for o in others if o.above_cutoff() is None]
    top = _is_top(partial, others)
    source = r.OTHER_CAUSE_SOURCE
    if top is True and (above or undecided):
        outcome = r.OTHER_CAUSE_NONE
        rule = "This drug ranks first: the rule lowers only the other drugs"
    elif above and top is False:
        names = ", ".join(o.drug.name for o in above)
        outcome = r.OTHER_CAUSE_POSSIBLE
        rule = f"Another drug has an intermediate score above {r.OTHER_CAUSE_CUTOFF} ({names})"
    elif above or undecided:
        names = ", ".join(o.drug.name for o in [*above, *undecided])
        return AldenCriterion(
            id="other_cause",
            number=6,
            label=label,
            value=None,
            points=None,
            rule=(
                f"Whether another drug scores above {r.OTHER_CAUSE_CUTOFF}, or ranks above "
                f"this one, depends on a missing answer ({names}): not answered (-1 to 0)"
            ),
            answered=False,
            citation=source.key,
            locator=source.locator,
        )
    else:
        outcome = r.OTHER_CAUSE_NONE
        rule = f"No other drug has an intermediate score above {r.OTHER_CAUSE_CUTOFF}"
    return AldenCriterion(
        id="other_cause",
        number=6,
        label=label,
        value=outcome.value,
        points=outcome.points,
        rule=f"{rule}: {outcome.value} ({points_text(outcome.points)})",
        answered=True,
        citation=source.key,
        locator=source.locator,
    )


def _drug_result(partial: _Partial, others: list[_Partial], index_day: dt.date) -> AldenDrugResult:
    sixth = _other_cause(partial, others)
    low, high = partial.low, partial.high
    if sixth.points is None:
        low, high = low + min(r.OTHER_CAUSE_POINTS), high + max(r.OTHER_CAUSE_POINTS)
    else:
        low, high = low + sixth.points, high + sixth.points
    complete = low == high
    drug = partial.drug
    stop_days = None if drug.stop is None else (index_day - drug.stop).days
    return AldenDrugResult(
        name=drug.name,
        rank=0,
        score=low if complete else None,
        score_min=low,
        score_max=high,
        intermediate_score=partial.low if partial.low == partial.high else None,
        band=r.band_of(low) if complete else None,
        complete=complete,
        delay_days=c.delay_days(index_day, drug.start),
        days_stop_to_index=stop_days,
        criteria=[*partial.criteria, sixth],
        warnings=partial.warnings,
    )


def _ranked(results: list[AldenDrugResult]) -> list[AldenDrugResult]:
    # An incomplete drug ranks by the highest score it could reach, so a
    # possible culprit is never pushed down by a missing answer. Drugs that
    # tie share a rank (1, 1, 3), so entry order never reads as a preference;
    # within a tie they stay in the order entered.
    def key(d: AldenDrugResult) -> tuple[int, int]:
        return (-d.score_max, -d.score_min)

    order = sorted(results, key=key)
    return [d.model_copy(update={"rank": 1 + sum(key(o) < key(d) for o in order)}) for d in order]


def _patient_warnings(partials: list[_Partial]) -> list[Message]:
    above = [p.drug.name for p in partials if p.above_cutoff()]
    if len(above) < 2:
        return []
    return [
        Message(
            kind=MessageKind.METHOD,
            text=(
                f"{len(above)} drugs have an intermediate score above "
                f"{r.OTHER_CAUSE_CUTOFF} ({', '.join(above)}). The rule ranks the drugs and "
                "lowers 'each of the other drugs'; it does not say what happens to a second "
                "high scorer. SJSRef keeps the score of the top-ranked drug (all of them, "
                "if tied) and lowers every other drug by 1. Each of them remains a likely "
                "culprit."
            ),
            citations=[SASSOLAS_2010],
        )
    ]


def _notes() -> list[Message]:
    return [
        Message(
            kind=MessageKind.METHOD,
            text=(
                "Days are counted as index day minus start date (a drug started the day "
                "before the reaction began has a delay of 1 day; one started on the index "
                "day, 0 days, is excluded). The paper does not say whether the first day "
                "of intake is day 0 or day 1."
            ),
            citations=[SASSOLAS_2010],
        ),
        Message(
            kind=MessageKind.METHOD,
            text=(
                "Other cause (criterion 6): when at least one drug has an intermediate score "
                f"above {r.OTHER_CAUSE_CUTOFF}, every drug but the top-ranked one (all of "
                "them, if tied) loses 1 point."
            ),
            citations=[SASSOLAS_2010],
        ),
        Message(
            kind=MessageKind.METHOD,
            text=(
                "Criteria 1-4 and three notoriety values were checked against faithful copies "
                "of the paper's Table 1. The notoriety values 'unknown' (0) and 'not "
                "suspected' (-1), the other-cause rule and the five score bands were seen "
                "only in secondary copies of the table, not in the paper itself."
            ),
            citations=[SASSOLAS_2010],
        ),
        Message(
            kind=MessageKind.CALIBRATION,
            text=(
                "ALDEN grades how likely each drug is; it is not a test. Infection can cause "
                "the same picture, and a drug may be the culprit with a low score."
            ),
            citations=[SASSOLAS_2010],
        ),
    ]


def compute(inp: AldenInput) -> AldenResult:
    """ALDEN for every suspect drug of one patient, ranked by final score."""
    partials = [_partial(drug, inp.index_day) for drug in inp.drugs]
    results = [
        _drug_result(p, [o for o in partials if o is not p], inp.index_day) for p in partials
    ]
    return AldenResult(
        index_day=inp.index_day,
        drugs=_ranked(results),
        warnings=_patient_warnings(partials),
        notes=_notes(),
        citations=[SASSOLAS_2010],
    )


# The six criteria as the search lists them.
CRITERIA_LABELS = (
    "Delay from first intake to the index day",
    "Drug present in the body on the index day",
    "Prechallenge or rechallenge",
    "Dechallenge",
    "Type of drug (notoriety)",
    "Other cause",
)


def band_table() -> list[tuple[str, str]]:
    """Each band with its score range, for help and chart text."""
    return [(edge.band.value, r.band_label(edge.band)) for edge in r.BANDS]
