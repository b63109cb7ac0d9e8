"""SCORTEN: severity-of-illness score for toxic epidermal necrolysis.

Bastuji-Garin S et al., J Invest Dermatol 2000;115:149-153. Seven criteria,
one point each, score 0-7, computed within 24 h of admission and again on
day 3 (Guegan S et al., J Invest Dermatol 2006;126:272-276).

Comparison operators: the primary abstract words every rule as "above" or
"below" (strict). Widely reproduced secondary tables print ">= 40 years,
>= 120 /min, >= 10 %" instead, and ">250 mg/dL" for glucose where 14 mmol/L is
252.2 mg/dL. We score by the primary paper's wording; a value where the two
readings disagree is reported with the score under the other reading.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from sjsref.clinical import plausibility as lim
from sjsref.clinical.citations import (
    BASTUJI_GARIN_2000,
    GUEGAN_2006,
    GUST_2024,
    MICHELETTI_2018,
    SORRELL_2017,
    Source,
)
from sjsref.clinical.inputs import (
    AgeYears,
    BicarbonateMmolL,
    HeartRateBpm,
    PercentBsa,
    recheck_notes,
)
from sjsref.clinical.lab_input import LabAnswer, lab_answer
from sjsref.clinical.numbers import format_exact, format_number
from sjsref.clinical.populations import SCORTEN_ADULTS
from sjsref.clinical.results import Message, MessageKind, ScoreResult
from sjsref.clinical.rules import Op, Threshold
from sjsref.clinical.scoring import (
    Answer,
    NumericCriterion,
    Tally,
    YesNoCriterion,
    missing_message,
    tally,
)
from sjsref.clinical.scorten_mortality import (
    LOGIT_INTERCEPT,
    LOGIT_SLOPE,
    model_mortality_percent,
    mortality_table,
    observed_band,
    observed_basis,
)
from sjsref.clinical.units import (
    BUN_MG_DL_PER_MMOL_L,
    GLUCOSE,
    GLUCOSE_MG_DL_PER_MMOL_L,
    UREA,
    GlucoseUnit,
    UreaUnit,
)

_ABSTRACT = Source(BASTUJI_GARIN_2000, "abstract")

AGE_YEARS = Threshold(Op.GT, 40, "years", _ABSTRACT)  # "age above 40 y"
HEART_RATE_BPM = Threshold(Op.GT, 120, "/min", _ABSTRACT)  # "tachycardia above 120 per min"
DETACHED_BSA_PERCENT = Threshold(Op.GT, 10, "% BSA", _ABSTRACT)  # "detachment above 10%"
UREA_MMOL_L = Threshold(Op.GT, 10, "mmol/L", _ABSTRACT)  # "serum urea above 10 mmol per liter"
GLUCOSE_MMOL_L = Threshold(Op.GT, 14, "mmol/L", _ABSTRACT)  # "glucose above 14 mmol per liter"
BICARBONATE_MMOL_L = Threshold(Op.LT, 20, "mmol/L", _ABSTRACT)  # "bicarbonate below 20 mmol/L"

# The reading of secondary tables (e.g. MSD Manual), reported but never scored.
_SECONDARY = Source(BASTUJI_GARIN_2000, "secondary tables' reading")
AGE_OTHER = Threshold(Op.GE, 40, "years", _SECONDARY)
HEART_RATE_OTHER = Threshold(Op.GE, 120, "/min", _SECONDARY)
DETACHED_BSA_OTHER = Threshold(Op.GE, 10, "% BSA", _SECONDARY)
# "> 28 mg/dL BUN" in secondary tables is 9.995 mmol/L, just under 10.
UREA_OTHER_BUN_MG_DL = 28.0
UREA_OTHER = Threshold(Op.GT, UREA_OTHER_BUN_MG_DL / BUN_MG_DL_PER_MMOL_L, "mmol/L", _SECONDARY)
GLUCOSE_OTHER_MG_DL = 250.0
GLUCOSE_OTHER = Threshold(
    Op.GT, GLUCOSE_OTHER_MG_DL / GLUCOSE_MG_DL_PER_MMOL_L, "mmol/L", _SECONDARY
)


def _at_threshold_text(name: str, primary: Threshold, other: Threshold) -> str:
    return (
        f"{name} is exactly {format_number(primary.value)} {primary.unit}. The primary paper "
        f"says 'above' ({primary.label()}) and scores it 0; tables that print "
        f"'{other.label()}' would score 1."
    )


def _strict_or_at_least(
    cid: str, name: str, primary: Threshold, other: Threshold
) -> NumericCriterion:
    return NumericCriterion(
        cid,
        name,
        primary,
        1,
        other,
        _at_threshold_text(name, primary, other),
        f"{name.lower()} {other.label()}",
    )


CRITERIA = (
    _strict_or_at_least("age", "Age", AGE_YEARS, AGE_OTHER),
    YesNoCriterion(
        "malignancy",
        "Malignancy",
        "Malignancy (cancer or haematological malignancy)",
        1,
        _ABSTRACT,
    ),
    _strict_or_at_least("heart_rate", "Heart rate", HEART_RATE_BPM, HEART_RATE_OTHER),
    _strict_or_at_least(
        "detached_bsa", "Epidermal detachment", DETACHED_BSA_PERCENT, DETACHED_BSA_OTHER
    ),
    NumericCriterion(
        "urea",
        "Serum urea (or BUN)",
        UREA_MMOL_L,
        1,
        UREA_OTHER,
        f"Urea lies between {format_number(UREA_OTHER_BUN_MG_DL)} mg/dL BUN (printed by some "
        f"secondary tables) and {format_exact(UREA.from_si(10, UreaUnit.BUN_MG_DL))} mg/dL BUN "
        "(10 mmol/L, the primary paper). The primary paper scores it 0; the "
        f"'> {format_number(UREA_OTHER_BUN_MG_DL)} mg/dL BUN' tables would score 1.",
        f"BUN > {format_number(UREA_OTHER_BUN_MG_DL)} mg/dL",
    ),
    NumericCriterion("bicarbonate", "Serum bicarbonate", BICARBONATE_MMOL_L, 1),
    NumericCriterion(
        "glucose",
        "Serum glucose",
        GLUCOSE_MMOL_L,
        1,
        GLUCOSE_OTHER,
        f"Glucose lies between {format_number(GLUCOSE_OTHER_MG_DL)} mg/dL (printed by some "
        f"secondary tables) and {format_exact(GLUCOSE.from_si(14, GlucoseUnit.MG_DL))} "
        "mg/dL (14 mmol/L, the primary paper). The primary paper scores it 0; "
        f"the '> {format_number(GLUCOSE_OTHER_MG_DL)} mg/dL' tables would score 1.",
        f"glucose > {format_number(GLUCOSE_OTHER_MG_DL)} mg/dL",
    ),
)
MAX_SCORE = sum(c.points or 0 for c in CRITERIA)

# Guegan 2006 assessed SCORTEN on each of days 1 to 5 of hospitalisation (good on
# each, slightly better on day 3); other days are refused rather than scored
# against evidence that does not cover them. Days 1 and 3 are the ones to use.
VALIDATED_DAYS = (1, 2, 3, 4, 5)
RECOMMENDED_DAYS = (1, 3)


class ScortenInput(BaseModel):
    """What a clinician enters. Any criterion may be left unanswered (None).

    A lab unit comes before its value, so the value is checked in its unit.
    ``*_unit_confirmed`` is the clinician's "keep this unit" for a value that
    is far more likely in another unit; without it such a value is held.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    age_years: AgeYears = None
    heart_rate_bpm: HeartRateBpm = None
    malignancy: bool | None = None
    detached_bsa_percent: PercentBsa = None
    urea_unit: UreaUnit | None = None
    urea: float | None = None
    urea_unit_confirmed: bool = False
    bicarbonate_mmol_l: BicarbonateMmolL = None
    glucose_unit: GlucoseUnit | None = None
    glucose: float | None = None
    glucose_unit_confirmed: bool = False
    day: int = 1

    @field_validator("urea")
    @classmethod
    def _urea(cls, v: float | None, info: ValidationInfo) -> float | None:
        if v is not None:
            UREA.check(v, info.data.get("urea_unit"))
        return v

    @field_validator("glucose")
    @classmethod
    def _glucose(cls, v: float | None, info: ValidationInfo) -> float | None:
        if v is not None:
            GLUCOSE.check(v, info.data.get("glucose_unit"))
        return v

    @field_validator("day")
    @classmethod
    def _day(cls, v: int) -> int:
        if v not in VALIDATED_DAYS:
            first, last = VALIDATED_DAYS[0], VALIDATED_DAYS[-1]
            raise ValueError(
                f"Day {v}: SCORTEN's performance was assessed on days {first} to {last} of "
                f"admission only; enter {first} to {last} (days 1 and 3 are recommended)."
            )
        return v


def _labs(inp: ScortenInput) -> dict[str, LabAnswer]:
    return {
        "urea": lab_answer(
            UREA, "urea", inp.urea, inp.urea_unit, inp.urea_unit_confirmed, UREA_MMOL_L
        ),
        "glucose": lab_answer(
            GLUCOSE,
            "glucose",
            inp.glucose,
            inp.glucose_unit,
            inp.glucose_unit_confirmed,
            GLUCOSE_MMOL_L,
        ),
    }


def _answers(inp: ScortenInput, labs: dict[str, LabAnswer]) -> dict[str, Answer]:
    return {
        "age": Answer(inp.age_years, shown_unit="years"),
        "malignancy": Answer(inp.malignancy),
        "heart_rate": Answer(inp.heart_rate_bpm, shown_unit="/min"),
        "detached_bsa": Answer(inp.detached_bsa_percent, shown_unit="% BSA"),
        "urea": labs["urea"].answer,
        "bicarbonate": Answer(inp.bicarbonate_mmol_l, shown_unit="mmol/L"),
        "glucose": labs["glucose"].answer,
    }


def _warnings(inp: ScortenInput, labs: dict[str, LabAnswer]) -> list[Message]:
    warnings = [m for lab in labs.values() for m in lab.messages]
    if SCORTEN_ADULTS.excludes(inp.age_years):
        warnings.append(
            Message(
                kind=MessageKind.POPULATION,
                text=(
                    f"Patient is under {format_number(SCORTEN_ADULTS.min_age_years)}: "
                    "SCORTEN was developed in adults. "
                    "In children the evidence is small and conflicting: one series found it "
                    "tracked outcome, another that it over-estimated mortality."
                ),
                citations=[BASTUJI_GARIN_2000, SORRELL_2017, GUST_2024],
            )
        )
    scored_labs: list[tuple[float | None, lim.Limits]] = []
    if inp.urea_unit and labs["urea"].answer.value is not None:
        scored_labs.append((inp.urea, UREA.limits(inp.urea_unit)))
    if inp.glucose_unit and labs["glucose"].answer.value is not None:
        scored_labs.append((inp.glucose, GLUCOSE.limits(inp.glucose_unit)))
    for note in recheck_notes(
        [
            (inp.age_years, lim.AGE),
            (inp.heart_rate_bpm, lim.HEART_RATE),
            (inp.bicarbonate_mmol_l, lim.BICARBONATE_MMOL_L),
            *scored_labs,
        ]
    ):
        warnings.append(Message(kind=MessageKind.RECHECK, text=note))
    return warnings


def _notes(day: int) -> list[Message]:
    if day == 1:
        timing = (
            "Day 1: computed within the first 24 h of admission. Recompute on day 3, "
            "when SCORTEN predicts slightly better."
        )
    elif day in RECOMMENDED_DAYS:
        timing = f"Day {day} of admission, when SCORTEN predicts slightly better than on day 1."
    else:
        timing = (
            f"Day {day} of admission: SCORTEN performed well on each of days 1 to 5; "
            "days 1 and 3 are the ones recommended."
        )
    return [
        Message(kind=MessageKind.TIMING, text=timing, citations=[GUEGAN_2006]),
        Message(
            kind=MessageKind.METHOD,
            text=(
                "Mortality shown is the proportion of patients with that score who died in the "
                "paper's development sample (n = 165; scores 0-1 and 5-7 pooled), with its "
                "95 % confidence interval: observed, not a model prediction. The paper's "
                f"logistic formula (logit = {LOGIT_INTERCEPT} + {LOGIT_SLOPE} x score) gives "
                "the model figure shown beneath it."
            ),
            citations=[BASTUJI_GARIN_2000],
        ),
        Message(
            kind=MessageKind.CALIBRATION,
            text=(
                "In a US multicentre cohort SCORTEN over-estimated in-hospital mortality "
                "(54 deaths observed vs about 78 expected)."
            ),
            citations=[MICHELETTI_2018],
        ),
    ]


def _other_reading(t: Tally, score: int | None) -> tuple[int | None, str | None]:
    """The score under the secondary tables' reading, and which rules it reads differently."""
    if score is None or not t.other_reading_delta:
        return None, None
    return score + t.other_reading_delta, ", ".join(t.other_readings)


def compute(inp: ScortenInput) -> ScoreResult:
    """SCORTEN for one patient on one day."""
    labs = _labs(inp)
    t = tally(CRITERIA, _answers(inp, labs))
    warnings = _warnings(inp, labs)
    score = t.points if t.complete else None
    other, other_rule = _other_reading(t, score)
    if not t.complete:
        warnings.insert(0, missing_message(t, len(CRITERIA)))
    warnings.extend(t.boundary)
    band = None if score is None else observed_band(score)
    return ScoreResult(
        calculator="scorten",
        name="SCORTEN",
        complete=t.complete,
        answered=t.answered,
        total=len(CRITERIA),
        score=score,
        score_min=t.points,
        score_max=t.points + t.missing_points,
        max_score=MAX_SCORE,
        mortality_percent=None if band is None else band.percent,
        mortality_basis=None if band is None else observed_basis(inp.day),
        mortality_deaths=None if band is None else band.deaths,
        mortality_patients=None if band is None else band.patients,
        mortality_ci95=None if band is None else band.ci95,
        mortality_table=mortality_table(score),
        model_mortality_percent=None if score is None else round(model_mortality_percent(score), 1),
        model_mortality_basis=None
        if score is None
        else "logistic formula of Bastuji-Garin 2000, for comparison",
        score_other_reading=other,
        score_other_reading_rule=other_rule,
        mortality_percent_other_reading=None if other is None else observed_band(other).percent,
        day=inp.day,
        criteria=t.criteria,
        units_to_confirm=[lab.query for lab in labs.values() if lab.query is not None],
        warnings=warnings,
        notes=_notes(inp.day),
        citations=[BASTUJI_GARIN_2000, GUEGAN_2006, MICHELETTI_2018],
    )
