"""Every calculator the app offers, described for the search and the window.

Criteria labels are generated from the same rule objects that compute the
scores, so what the search shows cannot drift from what is computed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sjsref.clinical import abcd10, bsa_charts, classification, scorten
from sjsref.clinical.citations import (
    BASTUJI_GARIN_1993,
    BASTUJI_GARIN_2000,
    DUPLISEA_2021,
    GUEGAN_2006,
    KOH_2020,
    LUND_1944,
    NOE_2019,
    PROHASKA_2022,
    RHODES_2013,
    ROSSITER_1996,
    WALLACE_1951,
)
from sjsref.clinical.scoring import NumericCriterion, YesNoCriterion


@dataclass(frozen=True)
class CalculatorInfo:
    """A calculator as the search and the window list it."""

    id: str
    name: str
    purpose: str
    criteria: tuple[str, ...]
    citation_keys: tuple[str, ...]
    keywords: tuple[str, ...] = ()


def _labels(criteria: tuple[NumericCriterion | YesNoCriterion, ...]) -> tuple[str, ...]:
    return tuple(
        c.question if isinstance(c, YesNoCriterion) else f"{c.name} {c.threshold.label()}"
        for c in criteria
    )


CALCULATORS = (
    CalculatorInfo(
        id="scorten",
        name="SCORTEN",
        purpose="Severity-of-illness score for TEN: predicts in-hospital mortality from seven "
        "criteria on day 1 and day 3 of admission.",
        criteria=_labels(scorten.CRITERIA),
        citation_keys=(BASTUJI_GARIN_2000, GUEGAN_2006, PROHASKA_2022),
        keywords=("mortality", "prognosis", "severity", "urea", "BUN", "glucose", "bicarbonate"),
    ),
    CalculatorInfo(
        id="abcd10",
        name="ABCD-10 predictors",
        purpose="The five admission predictors of the ABCD-10 mortality model (US adults), each "
        "shown met or not met. No score or mortality: its point weights could not be verified.",
        criteria=_labels(abcd10.CRITERIA),
        citation_keys=(NOE_2019, KOH_2020, DUPLISEA_2021),
        keywords=("mortality", "prognosis", "dialysis", "cancer"),
    ),
    CalculatorInfo(
        id="bsa",
        name="Body-surface area (detachment)",
        purpose="Detached body-surface area from a Lund-Browder chart by age, the adult rule "
        "of nines, or the patient's palm.",
        criteria=tuple(bsa_charts.lund_browder(bsa_charts.AgeColumn.ADULT))
        + tuple(bsa_charts.RULE_OF_NINES),
        citation_keys=(LUND_1944, WALLACE_1951, ROSSITER_1996, RHODES_2013),
        keywords=("BSA", "TBSA", "Lund-Browder", "rule of nines", "palm", "hand", "detachment"),
    ),
    CalculatorInfo(
        id="classify",
        name="Classification: SJS, overlap or TEN",
        purpose="Classifies SJS (< 10 %), SJS/TEN overlap (10-30 %) and TEN (> 30 %, or > 10 % "
        "without spots) from detached BSA.",
        criteria=(
            f"SJS: detachment {classification.SJS_BELOW.label()}",
            "SJS/TEN overlap: detachment 10-30 % BSA",
            f"TEN: detachment {classification.TEN_ABOVE.label()}",
            f"TEN without spots: {classification.TEN_NO_SPOTS_ABOVE.label()} in sheets",
        ),
        citation_keys=(BASTUJI_GARIN_1993,),
        keywords=("classification", "Stevens-Johnson", "toxic epidermal necrolysis", "overlap"),
    ),
)

CALCULATOR_IDS = frozenset(c.id for c in CALCULATORS)


def calculator(calc_id: str) -> CalculatorInfo:
    for info in CALCULATORS:
        if info.id == calc_id:
            return info
    raise KeyError(calc_id)
