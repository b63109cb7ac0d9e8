"""Every calculator the app offers: one declarative spec each, and the dispatch.

The command line, the window's forms, the search and the error messages are
all generated from these specs (``sjsref.clinical.spec``). Adding a calculator
is its clinical module plus one spec here. Criteria labels are generated from
the same rule objects that compute the scores, so what the search shows
cannot drift from what is computed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from sjsref.clinical import abcd10, alden, bsa, bsa_charts, classification, scorten, units
from sjsref.clinical import plausibility as lim
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
    SASSOLAS_2010,
    WALLACE_1951,
)
from sjsref.clinical.spec import (
    CalculatorInfo,
    CalculatorSpec,
    InputSpec,
    Kind,
    criterion_labels,
    from_model,
)
from sjsref.clinical.units import GlucoseUnit, UreaUnit

__all__ = ["CALCULATORS", "CALCULATOR_IDS", "SPECS", "CalculatorInfo", "calculator", "spec"]


def _age(criterion: str | None = None, help_text: str = "age in years") -> InputSpec:
    return InputSpec(
        "age_years", "Age", "--age", Kind.NUMBER, help_text, unit="years", mnemonic="A",
        criterion=criterion, limits=lim.AGE,
    )  # fmt: skip


def _bicarbonate() -> InputSpec:
    return InputSpec(
        "bicarbonate_mmol_l", "Serum bicarbonate", "--bicarbonate", Kind.NUMBER,
        "serum bicarbonate, mmol/L = mEq/L", unit="mmol/L", mnemonic="b",
        criterion="bicarbonate", limits=lim.BICARBONATE_MMOL_L,
    )  # fmt: skip


def _detached(label: str = "Detached BSA", criterion: str | None = "detached_bsa") -> InputSpec:
    return InputSpec(
        "detached_bsa_percent", label, "--detached-bsa", Kind.NUMBER,
        "detached + detachable skin, % of BSA", unit="% BSA", mnemonic="D",
        criterion=criterion, limits=lim.PERCENT_BSA, required=criterion is None,
    )  # fmt: skip


def _day_label(day: int) -> str:
    return f"Day {day}" + (" (first 24 h)" if day == 1 else "")


SCORTEN = CalculatorSpec(
    info=CalculatorInfo(
        id="scorten",
        name="SCORTEN",
        purpose="Severity-of-illness score for TEN: predicts in-hospital mortality from seven "
        "criteria on day 1 and day 3 of admission.",
        criteria=criterion_labels(scorten.CRITERIA),
        citation_keys=(BASTUJI_GARIN_2000, GUEGAN_2006, PROHASKA_2022),
        keywords=("mortality", "prognosis", "severity", "urea", "BUN", "glucose", "bicarbonate"),
    ),
    inputs=(
        _age("age"),
        InputSpec(
            "heart_rate_bpm", "Heart rate", "--heart-rate", Kind.NUMBER, "heart rate per minute",
            unit="/min", mnemonic="H", criterion="heart_rate", limits=lim.HEART_RATE,
        ),
        InputSpec(
            "malignancy", "Malignancy", "--malignancy", Kind.YES_NO,
            "cancer or haematological malignancy", mnemonic="M", criterion="malignancy",
            question="Malignancy (cancer or haematological)",
        ),
        _detached(),
        InputSpec(
            "urea", "Serum urea / BUN", "--urea", Kind.LAB, "serum urea or BUN, in --urea-unit",
            mnemonic="u", criterion="urea", lab=units.UREA,
            choices=(
                ("mmol/L (urea)", UreaUnit.MMOL_L),
                ("mg/dL (urea)", UreaUnit.MG_DL),
                ("mg/dL (BUN, urea nitrogen)", UreaUnit.BUN_MG_DL),
            ),
        ),
        _bicarbonate(),
        InputSpec(
            "glucose", "Serum glucose", "--glucose", Kind.LAB, "serum glucose, in --glucose-unit",
            mnemonic="g", criterion="glucose", lab=units.GLUCOSE,
            choices=(("mmol/L", GlucoseUnit.MMOL_L), ("mg/dL", GlucoseUnit.MG_DL)),
        ),
        InputSpec(
            "day", "Day of admission", "--day", Kind.CHOICE,
            "day of admission, 1 (first 24 h) to 5, the days SCORTEN was assessed on; "
            "compute it on day 1 and again on day 3",
            mnemonic="y", choices=tuple((_day_label(d), d) for d in scorten.VALIDATED_DAYS),
        ),
    ),
    run=from_model(scorten.ScortenInput, scorten.compute),
    criteria=scorten.CRITERIA,
)  # fmt: skip


ABCD10 = CalculatorSpec(
    info=CalculatorInfo(
        id="abcd10",
        name="ABCD-10 predictors",
        purpose="The five admission predictors of the ABCD-10 mortality model (US adults), each "
        "shown met or not met. No score or mortality: its point weights could not be verified.",
        criteria=criterion_labels(abcd10.CRITERIA),
        citation_keys=(NOE_2019, KOH_2020, DUPLISEA_2021),
        keywords=("mortality", "prognosis", "dialysis", "cancer"),
    ),
    inputs=(
        _age("age"),
        _bicarbonate(),
        InputSpec(
            "active_cancer", "Active cancer", "--cancer", Kind.YES_NO, "active cancer",
            mnemonic="n", criterion="cancer",  # "c" is Clear
        ),
        InputSpec(
            "dialysis_before_admission", "Dialysis before admission", "--dialysis",
            Kind.YES_NO, "dialysis before admission", mnemonic="i", criterion="dialysis",
        ),
        _detached(),
    ),
    run=from_model(abcd10.Abcd10Input, abcd10.compute),
    criteria=abcd10.CRITERIA,
)  # fmt: skip


def _region_entries(
    detached: list[tuple[str, float]], erythema: list[tuple[str, float]]
) -> list[dict[str, Any]]:
    """Entries from REGION=PERCENT pairs; a region with erythema only is 0 % detached."""
    red = dict(erythema)
    entries: list[dict[str, Any]] = [
        {"region": name, "detached_percent": pct, "erythema_percent": red.pop(name, 0.0)}
        for name, pct in detached
    ]
    entries += [
        {"region": name, "detached_percent": 0.0, "erythema_percent": pct}
        for name, pct in red.items()
    ]
    return entries


def _run_bsa(values: Mapping[str, Any]) -> BaseModel:
    """The palm method when a hand count is given, else the chart regions."""
    if "count" in values:
        palm = ("count", "surface", "sex", "age_years")
        return bsa.from_palms(bsa.PalmInput(**{k: values[k] for k in palm if k in values}))
    entries = _region_entries(values.get("regions", []), values.get("erythema", []))
    chart = ("method", "age_years")
    model = bsa.RegionsInput(regions=entries, **{k: values[k] for k in chart if k in values})
    return bsa.from_regions(model)


_REGIONS = frozenset({"regions"})
_PALMS = frozenset({"palms"})
BSA = CalculatorSpec(
    info=CalculatorInfo(
        id="bsa",
        name="Body-surface area (detachment)",
        purpose="Detached body-surface area from a Lund-Browder chart by age, the adult rule "
        "of nines, or the patient's palm.",
        criteria=tuple(bsa_charts.lund_browder(bsa_charts.AgeColumn.ADULT))
        + tuple(bsa_charts.RULE_OF_NINES),
        citation_keys=(LUND_1944, WALLACE_1951, ROSSITER_1996, RHODES_2013),
        keywords=("BSA", "TBSA", "Lund-Browder", "rule of nines", "palm", "hand", "detachment"),
    ),
    inputs=(
        InputSpec(
            "method", "Method", "--method", Kind.CHOICE, "chart for --region", mnemonic="M",
            modes=_REGIONS,
            choices=tuple((m.label, m) for m in bsa.Method),
        ),
        _age(help_text="age in years (picks the Lund-Browder column)"),
        InputSpec(
            "regions", "Region detached", "--region", Kind.REGIONS,
            "percent of that region detached; repeat for each region", modes=_REGIONS,
        ),
        InputSpec(
            "erythema", "Region with erythema", "--erythema", Kind.REGIONS,
            "percent of that region with erythema only (recorded, never counted)",
            modes=_REGIONS,
        ),
        InputSpec(
            "count", "Hand areas detached", "--palms", Kind.NUMBER,
            "number of the patient's hand areas detached", mnemonic="r", modes=_PALMS,
        ),
        InputSpec(
            "surface", "Hand surface", "--hand", Kind.CHOICE,
            "hand = palm with fingers (default), palm = palm alone", mnemonic="f",
            modes=_PALMS, choices=tuple((h.label, h) for h in reversed(bsa.HandSurface)),
        ),
        InputSpec(
            "sex", "Sex", "--sex", Kind.CHOICE, "the hand's share differs by sex",
            mnemonic="x", modes=_PALMS, choices=tuple((s.value, s) for s in bsa.Sex),
        ),
    ),
    run=_run_bsa,
    view="bsa",
)  # fmt: skip


CLASSIFY = CalculatorSpec(
    info=CalculatorInfo(
        id="classify",
        name="Classification: SJS, overlap or TEN",
        purpose="Classifies SJS (< 10 %), SJS/TEN overlap (10-30 %) and TEN (> 30 %, or > 10 % "
        "without spots) from detached BSA.",
        criteria=classification.criteria_labels(),
        citation_keys=(BASTUJI_GARIN_1993,),
        keywords=("classification", "Stevens-Johnson", "toxic epidermal necrolysis", "overlap"),
    ),
    inputs=(
        _detached("Detached + detachable BSA", criterion=None),
        InputSpec(
            "spots", "Spots", "--spots", Kind.YES_NO,
            "purpuric macules or flat atypical targets present; without an answer, a "
            "detachment where it decides the class (over 10 and up to 30 %) gets both classes",
            mnemonic="S", off_flag="--no-spots",
            question="Spots (purpuric macules or flat atypical targets)",
        ),
    ),
    run=from_model(classification.ClassifyInput, classification.classify),
)  # fmt: skip

ALDEN = CalculatorSpec(
    info=CalculatorInfo(
        id="alden",
        name="ALDEN: which drug caused it",
        purpose="Drug causality in SJS/TEN for every suspect drug, side by side: delay, drug "
        "present, prechallenge, dechallenge, notoriety and other causes, ranked.",
        criteria=alden.CRITERIA_LABELS,
        citation_keys=(SASSOLAS_2010,),
        keywords=(
            "ALDEN", "drug causality", "culprit drug", "which drug", "causality assessment",
            "imputability", "suspect drug",
        ),
    ),
    inputs=(),
    run=from_model(alden.AldenInput, alden.compute),
    view="alden",
    cli=False,
)  # fmt: skip

SPECS = (SCORTEN, ABCD10, BSA, CLASSIFY, ALDEN)
CALCULATORS = tuple(s.info for s in SPECS)
CALCULATOR_IDS = frozenset(s.id for s in SPECS)


def spec(calc_id: str) -> CalculatorSpec:
    """The spec of one calculator.

    Raises:
        KeyError: No calculator has this id.
    """
    for found in SPECS:
        if found.id == calc_id:
            return found
    raise KeyError(calc_id)


def calculator(calc_id: str) -> CalculatorInfo:
    """The search's and the window's description of one calculator."""
    return spec(calc_id).info
