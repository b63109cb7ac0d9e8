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

import math
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sjsref.clinical import plausibility as lim
from sjsref.clinical.citations import (
    BASTUJI_GARIN_2000,
    GUEGAN_2006,
    GUST_2024,
    MICHELETTI_2018,
    SORRELL_2017,
    Source,
)
from sjsref.clinical.inputs import check_optional, recheck_notes
from sjsref.clinical.results import Message, MessageKind, ScoreResult
from sjsref.clinical.rules import Op, Threshold, format_number
from sjsref.clinical.scoring import (
    Answer,
    NumericCriterion,
    YesNoCriterion,
    missing_message,
    tally,
)
from sjsref.clinical.units import (
    GLUCOSE_MG_DL_PER_MMOL_L,
    GlucoseUnit,
    UreaUnit,
    glucose_from_mmol_l,
    glucose_to_mmol_l,
    urea_from_mmol_l,
    urea_to_mmol_l,
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
GLUCOSE_OTHER_MG_DL = 250.0
GLUCOSE_OTHER = Threshold(
    Op.GT, GLUCOSE_OTHER_MG_DL / GLUCOSE_MG_DL_PER_MMOL_L, "mmol/L", _SECONDARY
)


def _at_threshold_text(name: str, value: str) -> str:
    return (
        f"{name} is exactly {value}. The primary paper says 'above' and scores it 0; "
        "tables that print '≥' would score 1."
    )


CRITERIA = (
    NumericCriterion("age", "Age", AGE_YEARS, 1, AGE_OTHER, _at_threshold_text("Age", "40 years")),
    YesNoCriterion(
        "malignancy",
        "Malignancy",
        "Malignancy (cancer or haematological malignancy)",
        1,
        _ABSTRACT,
    ),
    NumericCriterion(
        "heart_rate",
        "Heart rate",
        HEART_RATE_BPM,
        1,
        HEART_RATE_OTHER,
        _at_threshold_text("Heart rate", "120 /min"),
    ),
    NumericCriterion(
        "detached_bsa",
        "Epidermal detachment",
        DETACHED_BSA_PERCENT,
        1,
        DETACHED_BSA_OTHER,
        _at_threshold_text("Detached body-surface area", "10 %"),
    ),
    NumericCriterion("urea", "Serum urea (or BUN)", UREA_MMOL_L, 1),
    NumericCriterion("bicarbonate", "Serum bicarbonate", BICARBONATE_MMOL_L, 1),
    NumericCriterion(
        "glucose",
        "Serum glucose",
        GLUCOSE_MMOL_L,
        1,
        GLUCOSE_OTHER,
        "Glucose lies between 250 mg/dL (13.9 mmol/L, printed by some secondary tables) and "
        "252.2 mg/dL (14 mmol/L, the primary paper). The primary paper scores it 0; "
        "the '>250 mg/dL' tables would score 1.",
    ),
)
MAX_SCORE = sum(c.points or 0 for c in CRITERIA)

# Observed in-hospital mortality by SCORTEN in the development sample (n = 165),
# Bastuji-Garin 2000, results table. Scores 0 and 1 are pooled, as are 5-7.
OBSERVED_MORTALITY_SOURCE = Source(BASTUJI_GARIN_2000, "mortality by SCORTEN, development sample")
OBSERVED_MORTALITY_PERCENT = {0: 3.2, 1: 3.2, 2: 12.1, 3: 35.3, 4: 58.3, 5: 90.0, 6: 90.0, 7: 90.0}

# The paper's logistic model: logit = -4.448 + 1.237 x SCORTEN (abstract).
LOGIT_INTERCEPT = -4.448
LOGIT_SLOPE = 1.237
LOGIT_SOURCE = _ABSTRACT

# Validated within the first 24 h (day 1) and on day 3 (Guegan 2006).
VALIDATED_DAYS = (1, 3)
ADULT_AGE_YEARS = 18


def model_mortality_percent(score: int) -> float:
    """Probability of death from the paper's logistic formula, in percent."""
    logit = LOGIT_INTERCEPT + LOGIT_SLOPE * score
    return 100 * math.exp(logit) / (1 + math.exp(logit))


class ScortenInput(BaseModel):
    """What a clinician enters. Any criterion may be left unanswered (None)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    age_years: float | None = None
    heart_rate_bpm: float | None = None
    malignancy: bool | None = None
    detached_bsa_percent: float | None = None
    urea: float | None = None
    urea_unit: UreaUnit | None = None
    bicarbonate_mmol_l: float | None = None
    glucose: float | None = None
    glucose_unit: GlucoseUnit | None = None
    day: int = Field(default=1, ge=1, le=60)

    @field_validator("age_years")
    @classmethod
    def _age(cls, v: float | None) -> float | None:
        return check_optional(v, lim.AGE)

    @field_validator("heart_rate_bpm")
    @classmethod
    def _hr(cls, v: float | None) -> float | None:
        return check_optional(v, lim.HEART_RATE)

    @field_validator("detached_bsa_percent")
    @classmethod
    def _bsa(cls, v: float | None) -> float | None:
        return check_optional(v, lim.PERCENT_BSA)

    @field_validator("bicarbonate_mmol_l")
    @classmethod
    def _bicarbonate(cls, v: float | None) -> float | None:
        return check_optional(v, lim.BICARBONATE_MMOL_L)

    @model_validator(mode="after")
    def _lab_units(self) -> Self:
        if self.urea is not None:
            if self.urea_unit is None:
                raise ValueError("Urea: choose its unit: mmol/L, mg/dL (urea) or BUN mg/dL.")
            urea_limits(self.urea_unit).check(self.urea)
        if self.glucose is not None:
            if self.glucose_unit is None:
                raise ValueError("Glucose: choose its unit: mmol/L or mg/dL.")
            glucose_limits(self.glucose_unit).check(self.glucose)
        return self


def urea_limits(unit: UreaUnit) -> lim.Limits:
    limits = lim.UREA_MMOL_L.in_unit(urea_from_mmol_l(1, unit), unit.label)
    return lim.Limits("Urea" if unit != UreaUnit.BUN_MG_DL else "BUN", *_rest(limits))


def glucose_limits(unit: GlucoseUnit) -> lim.Limits:
    return lim.GLUCOSE_MMOL_L.in_unit(glucose_from_mmol_l(1, unit), unit.label)


def _rest(limits: lim.Limits) -> tuple[str, float, float, float, float]:
    return (limits.unit, limits.hard_min, limits.hard_max, limits.soft_min, limits.soft_max)


def _lab_answer(value: float | None, si: float | None, unit: str, threshold: str) -> Answer:
    return Answer(si, shown_value=value, shown_unit=unit, shown_threshold=threshold)


def urea_threshold_text(unit: UreaUnit) -> str:
    """The urea rule in the clinician's unit, e.g. '> 28 mg/dL BUN'."""
    shown = urea_from_mmol_l(UREA_MMOL_L.value, unit)
    return UREA_MMOL_L.label(shown, unit.label, decimals=1)


def glucose_threshold_text(unit: GlucoseUnit) -> str:
    """The glucose rule in the clinician's unit, e.g. '> 252.2 mg/dL'."""
    shown = glucose_from_mmol_l(GLUCOSE_MMOL_L.value, unit)
    return GLUCOSE_MMOL_L.label(shown, unit.label, decimals=1)


def _answers(inp: ScortenInput) -> dict[str, Answer]:
    urea_unit = inp.urea_unit or UreaUnit.MMOL_L
    glucose_unit = inp.glucose_unit or GlucoseUnit.MMOL_L
    urea_si = None if inp.urea is None else urea_to_mmol_l(inp.urea, urea_unit)
    glucose_si = None if inp.glucose is None else glucose_to_mmol_l(inp.glucose, glucose_unit)
    return {
        "age": Answer(inp.age_years, shown_unit="years"),
        "malignancy": Answer(inp.malignancy),
        "heart_rate": Answer(inp.heart_rate_bpm, shown_unit="/min"),
        "detached_bsa": Answer(inp.detached_bsa_percent, shown_unit="% BSA"),
        "urea": _lab_answer(inp.urea, urea_si, urea_unit.label, urea_threshold_text(urea_unit)),
        "bicarbonate": Answer(inp.bicarbonate_mmol_l, shown_unit="mmol/L"),
        "glucose": _lab_answer(
            inp.glucose, glucose_si, glucose_unit.label, glucose_threshold_text(glucose_unit)
        ),
    }


def _warnings(inp: ScortenInput) -> list[Message]:
    warnings = []
    if inp.age_years is not None and inp.age_years < ADULT_AGE_YEARS:
        warnings.append(
            Message(
                kind=MessageKind.POPULATION,
                text=(
                    f"Patient is under {ADULT_AGE_YEARS}: SCORTEN was developed in adults. "
                    "In children the evidence is small and conflicting: one series found it "
                    "tracked outcome, another that it over-estimated mortality."
                ),
                citations=[BASTUJI_GARIN_2000, SORRELL_2017, GUST_2024],
            )
        )
    if inp.day not in VALIDATED_DAYS:
        warnings.append(
            Message(
                kind=MessageKind.TIMING,
                text=(
                    f"Computed for day {inp.day}: SCORTEN is validated within 24 h of admission "
                    "(day 1) and on day 3; outside those days its figures are not validated."
                ),
                citations=[BASTUJI_GARIN_2000, GUEGAN_2006],
            )
        )
    units = [(inp.urea, urea_limits(inp.urea_unit))] if inp.urea_unit else []
    units += [(inp.glucose, glucose_limits(inp.glucose_unit))] if inp.glucose_unit else []
    for note in recheck_notes(
        [
            (inp.age_years, lim.AGE),
            (inp.heart_rate_bpm, lim.HEART_RATE),
            (inp.bicarbonate_mmol_l, lim.BICARBONATE_MMOL_L),
            *units,
        ]
    ):
        warnings.append(Message(kind=MessageKind.RECHECK, text=note))
    return warnings


def _notes(day: int) -> list[Message]:
    timing = (
        "Day 1: computed within the first 24 h of admission. Recompute on day 3, "
        "when SCORTEN predicts slightly better."
        if day == 1
        else f"Day {day} of admission."
    )
    return [
        Message(kind=MessageKind.TIMING, text=timing, citations=[GUEGAN_2006]),
        Message(
            kind=MessageKind.METHOD,
            text=(
                "Mortality shown is the proportion of patients with that score who died in the "
                "paper's development sample (n = 165; scores 0-1 and 5-7 pooled), "
                "not a model prediction. The paper's logistic formula "
                f"(logit = {LOGIT_INTERCEPT} + {LOGIT_SLOPE} x score) is given beside it."
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


def compute(inp: ScortenInput) -> ScoreResult:
    """SCORTEN for one patient on one day."""
    t = tally(CRITERIA, _answers(inp))
    warnings = _warnings(inp)
    notes = _notes(inp.day)
    score = t.points if t.complete else None
    other = None if score is None or not t.other_reading_delta else score + t.other_reading_delta
    if not t.complete:
        warnings.insert(0, missing_message(t, len(CRITERIA)))
    warnings.extend(t.boundary)
    if other is not None:
        warnings.append(
            Message(
                kind=MessageKind.BOUNDARY,
                text=(
                    f"Under the other reading the score would be {other} "
                    f"(observed mortality {format_number(OBSERVED_MORTALITY_PERCENT[other])} %)."
                ),
                citations=[BASTUJI_GARIN_2000],
            )
        )
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
        mortality_percent=None if score is None else OBSERVED_MORTALITY_PERCENT[score],
        mortality_basis=None
        if score is None
        else "observed mortality in the development sample (Bastuji-Garin 2000)",
        model_mortality_percent=None if score is None else round(model_mortality_percent(score), 1),
        model_mortality_basis=None
        if score is None
        else "logistic formula of Bastuji-Garin 2000 (for comparison)",
        score_other_reading=other,
        mortality_percent_other_reading=None
        if other is None
        else OBSERVED_MORTALITY_PERCENT[other],
        day=inp.day,
        criteria=t.criteria,
        warnings=warnings,
        notes=notes,
        citations=[BASTUJI_GARIN_2000, GUEGAN_2006, MICHELETTI_2018],
    )
