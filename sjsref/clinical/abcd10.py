"""ABCD-10: in-hospital mortality risk model for SJS/TEN.

Noe MH et al., JAMA Dermatol 2019;155:448-454: derived in 370 US adults
(18 centres) with five predictors measured at admission: age >= 50 years,
serum bicarbonate < 20 mmol/L, active cancer, dialysis before admission and
epidermal detachment of 10 % BSA.

What this release shows, and why: the predictors and their cut-offs are
confirmed from the paper's abstract and summaries. The point weight of each
predictor and the predicted mortality for each total could not be checked
against the paper's tables (only their ordering is confirmed: dialysis weighs
most [Koh 2020], cancer is up-weighted [Duplisea 2021]). A wrong mortality
figure is worse than none, so the weights and the mortality are withheld
(``points=None``) until they are verified; each predictor is still shown as
met or not met. External validations found ABCD-10 less well calibrated than
SCORTEN (Koh 2020; Duplisea 2021).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from sjsref.clinical import plausibility as lim
from sjsref.clinical.citations import DUPLISEA_2021, KOH_2020, NOE_2019, Source
from sjsref.clinical.inputs import AgeYears, BicarbonateMmolL, PercentBsa, recheck_notes
from sjsref.clinical.numbers import format_number
from sjsref.clinical.populations import ABCD10_ADULTS
from sjsref.clinical.results import Message, MessageKind, ScoreResult
from sjsref.clinical.rules import Op, Threshold
from sjsref.clinical.scoring import (
    Answer,
    NumericCriterion,
    YesNoCriterion,
    missing_message,
    tally,
)

_ABSTRACT = Source(NOE_2019, "abstract, predictors")
AGE_YEARS = Threshold(Op.GE, 50, "years", _ABSTRACT)  # "age >= 50 years"
BICARBONATE_MMOL_L = Threshold(Op.LT, 20, "mmol/L", _ABSTRACT)  # "bicarbonate < 20 mmol/L"
# "10% BSA": summaries print both ">= 10 %" and "> 10 %"; exactly 10 % is reported.
DETACHED_BSA_PERCENT = Threshold(Op.GE, 10, "% BSA", _ABSTRACT)
DETACHED_BSA_OTHER = Threshold(Op.GT, 10, "% BSA", Source(NOE_2019, "summaries' reading"))

CRITERIA = (
    NumericCriterion("age", "Age", AGE_YEARS, None),
    NumericCriterion("bicarbonate", "Serum bicarbonate", BICARBONATE_MMOL_L, None),
    YesNoCriterion("cancer", "Active cancer", "Active cancer", None, _ABSTRACT),
    YesNoCriterion(
        "dialysis", "Dialysis before admission", "Dialysis before admission", None, _ABSTRACT
    ),
    NumericCriterion(
        "detached_bsa",
        "Epidermal detachment",
        DETACHED_BSA_PERCENT,
        None,
        DETACHED_BSA_OTHER,
        "Epidermal detachment is exactly 10 %: published summaries of ABCD-10 differ on "
        "whether exactly 10 % counts ('≥ 10 %' or '> 10 %').",
    ),
)

WITHHELD = (
    "No ABCD-10 score or mortality: its point weights and predicted mortality could not be "
    "checked against the tables of Noe et al. 2019, so each predictor is shown met or not met. "
    "Use SCORTEN for a mortality estimate."
)


class Abcd10Input(BaseModel):
    """The five ABCD-10 predictors at admission; any may be unanswered."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    age_years: AgeYears = None
    bicarbonate_mmol_l: BicarbonateMmolL = None
    active_cancer: bool | None = None
    dialysis_before_admission: bool | None = None
    detached_bsa_percent: PercentBsa = None


def _warnings(inp: Abcd10Input) -> list[Message]:
    warnings: list[Message] = []
    if ABCD10_ADULTS.excludes(inp.age_years):
        warnings.append(
            Message(
                kind=MessageKind.POPULATION,
                text=(
                    f"Patient is under {format_number(ABCD10_ADULTS.min_age_years)}: ABCD-10 "
                    "was derived in US adults only."
                ),
                citations=[NOE_2019],
            )
        )
    for note in recheck_notes(
        [(inp.age_years, lim.AGE), (inp.bicarbonate_mmol_l, lim.BICARBONATE_MMOL_L)]
    ):
        warnings.append(Message(kind=MessageKind.RECHECK, text=note))
    return warnings


CALIBRATION = Message(
    kind=MessageKind.CALIBRATION,
    text=(
        "Derived in US adults. In external validations (Singapore, n = 196; a US burn centre, "
        "n = 192) ABCD-10 discriminated as well as SCORTEN but was less well calibrated; "
        "both groups favoured SCORTEN for predicting mortality."
    ),
    citations=[NOE_2019, KOH_2020, DUPLISEA_2021],
)


def compute(inp: Abcd10Input) -> ScoreResult:
    """Evaluate the ABCD-10 predictors for one patient at admission."""
    t = tally(
        CRITERIA,
        {
            "age": Answer(inp.age_years, shown_unit="years"),
            "bicarbonate": Answer(inp.bicarbonate_mmol_l, shown_unit="mmol/L"),
            "cancer": Answer(inp.active_cancer),
            "dialysis": Answer(inp.dialysis_before_admission),
            "detached_bsa": Answer(inp.detached_bsa_percent, shown_unit="% BSA"),
        },
    )
    warnings = _warnings(inp)
    if not t.complete:
        warnings.insert(0, missing_message(t, len(CRITERIA)))
    warnings.extend(t.boundary)
    return ScoreResult(
        calculator="abcd10",
        name="ABCD-10 predictors",
        complete=t.complete,
        answered=t.answered,
        total=len(CRITERIA),
        score=None,
        score_min=0,
        score_max=0,
        max_score=0,
        mortality_percent=None,
        mortality_basis=None,
        no_score_reason=WITHHELD,
        criteria=t.criteria,
        warnings=warnings,
        notes=[CALIBRATION],
        citations=[NOE_2019, KOH_2020, DUPLISEA_2021],
    )
