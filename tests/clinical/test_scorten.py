"""SCORTEN: published table, formula, every threshold, units, missing values."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from sjsref.clinical import plausibility as lim
from sjsref.clinical import scorten
from sjsref.clinical.results import CriterionResult, MessageKind, ScoreResult
from sjsref.clinical.rules import Op
from sjsref.clinical.scoring import NumericCriterion

from .conftest import ABNORMAL, NORMAL, scorten_input

# Bastuji-Garin 2000: observed mortality by SCORTEN in the development sample.
PUBLISHED_OBSERVED = {0: 3.2, 1: 3.2, 2: 12.1, 3: 35.3, 4: 58.3, 5: 90.0, 6: 90.0, 7: 90.0}
# The paper's formula logit = -4.448 + 1.237 x score, worked by hand to 0.1 %.
FORMULA_PERCENT = {0: 1.2, 1: 3.9, 2: 12.2, 3: 32.4, 4: 62.2, 5: 85.0, 6: 95.1, 7: 98.5}
FIELDS = list(ABNORMAL)


def _with_score(n: int) -> ScoreResult:
    return scorten.compute(scorten_input(**{f: ABNORMAL[f] for f in FIELDS[:n]}))


@pytest.mark.parametrize("score", range(8))
def test_every_mortality_row_matches_the_published_table(score: int) -> None:
    result = _with_score(score)
    assert result.score == score
    assert result.mortality_percent == PUBLISHED_OBSERVED[score]
    assert result.model_mortality_percent == FORMULA_PERCENT[score]
    assert result.complete and result.answered == 7


def test_formula_figure_is_labelled_apart_from_the_observed_figure() -> None:
    result = _with_score(3)
    assert "observed" in (result.mortality_basis or "")
    assert "formula" in (result.model_mortality_basis or "")
    assert any("not a model prediction" in n.text for n in result.notes)


def test_the_issue_example_scores_six() -> None:
    result = scorten.compute(
        scorten.ScortenInput(
            age_years=45,
            heart_rate_bpm=125,
            malignancy=False,
            detached_bsa_percent=12,
            urea=11,
            urea_unit="mmol/L",
            bicarbonate_mmol_l=18,
            glucose=15,
            glucose_unit="mmol/L",
        )
    )
    assert result.score == 6
    assert result.mortality_percent == 90.0
    assert [c.met for c in result.criteria] == [True, False, True, True, True, True, True]


_FIELD_OF = {
    "age": "age_years",
    "heart_rate": "heart_rate_bpm",
    "detached_bsa": "detached_bsa_percent",
    "urea": "urea",
    "bicarbonate": "bicarbonate_mmol_l",
    "glucose": "glucose",
}
_NUMERIC = [c for c in scorten.CRITERIA if isinstance(c, NumericCriterion)]


@pytest.mark.parametrize("criterion", _NUMERIC, ids=lambda c: c.id)
@pytest.mark.parametrize("offset", [-0.01, 0.0, 0.01])
def test_each_threshold_on_both_sides_and_exactly_on_it(
    criterion: NumericCriterion, offset: float
) -> None:
    t = criterion.threshold
    value = t.value + offset
    expected = {Op.GT: value > t.value, Op.LT: value < t.value}[t.op] if offset else False
    result = scorten.compute(scorten_input(**{_FIELD_OF[criterion.id]: value}))
    met = {c.id: c.met for c in result.criteria}[criterion.id]
    assert met is expected
    assert result.score == int(expected)


def test_primary_reading_is_strict_for_age_heart_rate_and_detachment() -> None:
    for c in _NUMERIC:
        assert c.threshold.op in (Op.GT, Op.LT)
        assert c.threshold.source.key == "bastujigarin2000"


@pytest.mark.parametrize(
    ("field", "value"),
    [("age_years", 40), ("heart_rate_bpm", 120), ("detached_bsa_percent", 10)],
)
def test_value_where_readings_differ_gives_the_other_score(field: str, value: float) -> None:
    result = scorten.compute(scorten_input(**{field: value}))
    assert result.score == 0
    assert result.score_other_reading == 1
    assert result.mortality_percent_other_reading == 3.2
    assert [w.kind for w in result.warnings].count(MessageKind.BOUNDARY) == 1
    assert "≥" in (result.score_other_reading_rule or "")


def test_all_three_at_the_boundary_is_zero_or_three() -> None:
    result = scorten.compute(
        scorten_input(age_years=40, heart_rate_bpm=120, detached_bsa_percent=10)
    )
    assert (result.score, result.score_other_reading) == (0, 3)
    assert (result.mortality_percent, result.mortality_percent_other_reading) == (3.2, 35.3)
    assert result.score_other_reading_rule == (
        "age ≥ 40 years, heart rate ≥ 120 /min, epidermal detachment ≥ 10 % BSA"
    )


@pytest.mark.parametrize(("mg_dl", "other"), [(250, None), (251, 1), (252, 1), (252.3, None)])
def test_glucose_between_250_and_252_mg_dl_is_reported(mg_dl: float, other: int | None) -> None:
    result = scorten.compute(scorten_input(glucose=mg_dl, glucose_unit="mg/dL"))
    assert result.score == (1 if mg_dl > 252.2 else 0)
    assert result.score_other_reading == other


def test_boundary_away_from_the_threshold_reports_nothing() -> None:
    result = scorten.compute(scorten_input(age_years=41))
    assert result.score_other_reading is None
    assert not [w for w in result.warnings if w.kind == MessageKind.BOUNDARY]


# The same patient, each lab in every unit; one row per unit pair.
_UREA = {"mmol/L": 11.0, "mg/dL": 66.06, "BUN-mg/dL": 30.82}
_GLUCOSE = {"mmol/L": 15.0, "mg/dL": 270.2}


@pytest.mark.parametrize(("urea_unit", "glucose_unit"), list(itertools.product(_UREA, _GLUCOSE)))
def test_same_patient_in_si_and_us_units_gives_the_same_score(
    urea_unit: str, glucose_unit: str
) -> None:
    fields = {**ABNORMAL, "urea": _UREA[urea_unit], "glucose": _GLUCOSE[glucose_unit]}
    result = scorten.compute(
        scorten.ScortenInput(**fields, urea_unit=urea_unit, glucose_unit=glucose_unit)
    )
    assert result.score == 7


def test_urea_mg_dl_is_not_bun_mg_dl() -> None:
    # 40 mg/dL of urea is 6.7 mmol/L (not met); 40 mg/dL of BUN is 14.3 mmol/L (met).
    as_urea = scorten.compute(scorten_input(urea=40, urea_unit="mg/dL"))
    as_bun = scorten.compute(scorten_input(urea=40, urea_unit="BUN-mg/dL"))
    assert (as_urea.score, as_bun.score) == (0, 1)


def _criterion(result: ScoreResult, cid: str) -> CriterionResult:
    return next(c for c in result.criteria if c.id == cid)


@pytest.mark.parametrize(
    ("unit", "rule"),
    [
        ("mmol/L", "> 10 mmol/L urea"),
        # Printed exactly, so 60.06 (met) never sits under "> 60.1" and 28.01 (not met)
        # never under "> 28".
        ("mg/dL", "> 60.056 mg/dL urea"),
        ("BUN-mg/dL", "> 28.014 mg/dL BUN"),
    ],
)
def test_a_threshold_is_shown_exactly_in_the_clinicians_unit(unit: str, rule: str) -> None:
    urea = _criterion(scorten.compute(scorten_input(urea=30, urea_unit=unit)), "urea")
    assert urea.threshold == rule
    assert urea.label == f"Serum urea (or BUN) {rule}"


@pytest.mark.parametrize(
    ("field", "value", "unit", "met"),
    [
        ("urea", 60.06, "mg/dL", True),
        ("urea", 28.01, "BUN-mg/dL", False),
        ("glucose", 252.21, "mg/dL", False),
        ("glucose", 252.22, "mg/dL", True),
    ],
)
def test_a_value_beside_its_converted_rule_never_contradicts_it(
    field: str, value: float, unit: str, met: bool
) -> None:
    result = scorten.compute(scorten_input(**{field: value, f"{field}_unit": unit}))
    criterion = _criterion(result, field)
    assert criterion.met is met
    threshold = float((criterion.threshold or "").split()[1])
    assert (value > threshold) is met


@pytest.mark.parametrize("missing", [f for f in NORMAL if not f.endswith("_unit")])
def test_an_unanswered_criterion_makes_the_result_incomplete(missing: str) -> None:
    fields = {k: v for k, v in {**NORMAL, **ABNORMAL}.items() if k != missing}
    result = scorten.compute(scorten.ScortenInput(**fields))
    assert result.complete is False
    assert result.score is None and result.mortality_percent is None
    assert result.answered == 6
    assert (result.score_min, result.score_max) == (6, 7)
    assert result.warnings[0].kind == MessageKind.MISSING
    assert "6 of 7 answered" in result.warnings[0].text


def test_nothing_answered_spans_the_whole_range() -> None:
    result = scorten.compute(scorten.ScortenInput())
    assert (result.answered, result.score_min, result.score_max) == (0, 0, 7)


def test_child_gets_a_population_warning_with_its_sources() -> None:
    result = scorten.compute(scorten_input(age_years=12))
    warning = next(w for w in result.warnings if w.kind == MessageKind.POPULATION)
    assert "under 18" in warning.text
    assert {"sorrell2017", "gust2024"} <= set(warning.citations)
    assert not [w for w in _with_score(2).warnings if w.kind == MessageKind.POPULATION]


@pytest.mark.parametrize("day", [1, 2, 3, 4, 5])
def test_result_carries_its_day_on_the_days_guegan_assessed(day: int) -> None:
    # Guegan 2006: SCORTEN assessed on each of days 1 to 5; days 1 and 3 recommended.
    result = scorten.compute(scorten_input(day=day))
    assert result.day == day
    assert not any(w.kind == MessageKind.TIMING for w in result.warnings)
    timing = next(n for n in result.notes if n.kind == MessageKind.TIMING).text
    assert ("recommended" in timing) is (day in (2, 4, 5))


@pytest.mark.parametrize("day", [0, 6, 60])
def test_a_day_the_evidence_does_not_cover_is_refused(day: int) -> None:
    with pytest.raises(ValidationError, match="assessed on days 1 to 5"):
        scorten_input(day=day)


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("heart_rate_bpm", 0, "Heart rate 0 /min is not possible"),
        ("heart_rate_bpm", 400, "range 20–300 /min"),
        ("age_years", 200, "Age 200 years"),
        ("age_years", -1, "Age -1 years"),
        ("detached_bsa_percent", 101, "0–100 %"),
        ("bicarbonate_mmol_l", 0, "Bicarbonate 0 mmol/L"),
        ("glucose", -1, "Glucose -1 mmol/L"),
        ("urea", -2, "Urea -2 mmol/L"),
        ("heart_rate_bpm", float("nan"), "not possible"),
    ],
)
def test_impossible_values_are_rejected_naming_field_value_and_range(
    field: str, value: float, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        scorten_input(**{field: value})
    assert words in str(caught.value)


def test_impossible_value_in_us_units_names_the_us_unit() -> None:
    with pytest.raises(ValidationError) as caught:
        scorten_input(urea=500, urea_unit="BUN-mg/dL")
    assert "Urea 500 mg/dL BUN is not possible" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        scorten_input(glucose=3000, glucose_unit="mg/dL")
    assert "Glucose 3000 mg/dL" in str(caught.value)


@pytest.mark.parametrize("lab", ["urea", "glucose"])
def test_a_lab_without_its_unit_is_not_scored_and_asks_for_it(lab: str) -> None:
    result = scorten.compute(scorten_input(**{lab: 12, f"{lab}_unit": None}))
    criterion = _criterion(result, lab)
    assert not criterion.answered and criterion.met is None
    assert (criterion.value, criterion.pending) == (12, "no unit chosen")
    assert result.score is None and (result.score_min, result.score_max) == (0, 1)
    [query] = result.units_to_confirm
    assert (query.input, query.unit) == (lab, None)
    assert "Choose its unit" in query.text
    assert any(w.kind == MessageKind.UNIT for w in result.warnings)


def test_the_issue_example_us_values_with_no_unit_never_score_as_si() -> None:
    # BUN 20 mg/dL and glucose 140 mg/dL with no unit chosen: not scored at all...
    unset = scorten.compute(scorten_input(urea=20, urea_unit=None, glucose=140, glucose_unit=None))
    assert unset.score is None and (unset.score_min, unset.score_max) == (0, 2)
    # ...and once mg/dL is chosen they are scored right: neither criterion is met.
    chosen = scorten.compute(
        scorten_input(urea=20, urea_unit="BUN-mg/dL", glucose=140, glucose_unit="mg/dL")
    )
    assert chosen.score == 0


def test_a_glucose_far_more_likely_mg_dl_is_held_until_confirmed() -> None:
    held = scorten.compute(scorten_input(glucose=140, glucose_unit="mmol/L"))
    assert held.score is None
    glucose = _criterion(held, "glucose")
    assert (glucose.answered, glucose.pending) == (False, "unit to confirm")
    [query] = held.units_to_confirm
    assert (query.unit, query.likely_units) == ("mmol/L", ["mg/dL"])
    assert "Did you mean mg/dL?" in query.text
    kept = scorten.compute(
        scorten_input(glucose=140, glucose_unit="mmol/L", glucose_unit_confirmed=True)
    )
    assert kept.score == 1 and not kept.units_to_confirm
    assert any(w.kind == MessageKind.RECHECK for w in kept.warnings)


def test_a_value_usual_in_both_units_is_scored_and_the_other_reading_is_named() -> None:
    # Urea 20: usual as mmol/L (met) and as BUN or urea mg/dL (not met).
    result = scorten.compute(scorten_input(urea=20, urea_unit="mmol/L"))
    assert result.score == 1 and not result.units_to_confirm
    [note] = [w for w in result.warnings if w.kind == MessageKind.UNIT]
    assert "Read as urea 20 mg/dL (3.3 mmol/L) or BUN 20 mg/dL (7.1 mmol/L)" in note.text
    typed_bun = scorten.compute(scorten_input(urea=20, urea_unit="BUN-mg/dL"))
    [note] = [w for w in typed_bun.warnings if w.kind == MessageKind.UNIT]
    assert "Read as urea 20 mmol/L it would" in note.text  # not "(20 mmol/L)" again
    same = scorten.compute(scorten_input(urea=5, urea_unit="mmol/L"))
    assert not [w for w in same.warnings if w.kind == MessageKind.UNIT]


@pytest.mark.parametrize(
    ("field", "value"),
    [("heart_rate_bpm", 230), ("age_years", 110), ("bicarbonate_mmol_l", 50)],
)
def test_extreme_but_possible_values_are_accepted_and_flagged(field: str, value: float) -> None:
    result = scorten.compute(scorten_input(**{field: value}))
    assert result.score is not None
    assert any(w.kind == MessageKind.RECHECK for w in result.warnings)


# Each measured input over its whole possible range, read from its plausibility limits.
_LIMITS = {
    "age_years": lim.AGE,
    "heart_rate_bpm": lim.HEART_RATE,
    "detached_bsa_percent": lim.PERCENT_BSA,
    "urea": lim.UREA_MMOL_L,
    "bicarbonate_mmol_l": lim.BICARBONATE_MMOL_L,
    "glucose": lim.GLUCOSE_MMOL_L,
}
_values = st.fixed_dictionaries(
    {
        **{name: st.floats(limits.hard_min, limits.hard_max) for name, limits in _LIMITS.items()},
        "malignancy": st.booleans(),
    }
)
# The direction in which each value gets worse.
_WORSE = {"bicarbonate_mmol_l": -1}


@given(_values, st.sampled_from(list(ABNORMAL)), st.floats(0, 50))
def test_a_score_never_falls_when_a_value_worsens(
    values: dict[str, float], field: str, step: float
) -> None:
    # Confirmed units: a value held for its unit has no score to compare.
    units = {
        "urea_unit": "mmol/L",
        "glucose_unit": "mmol/L",
        "urea_unit_confirmed": True,
        "glucose_unit_confirmed": True,
    }
    before = scorten.compute(scorten.ScortenInput(**values, **units))
    worse = dict(values)
    if field == "malignancy":
        worse[field] = True
    else:
        lo, hi = _LIMITS[field].hard_min, _LIMITS[field].hard_max
        worse[field] = min(hi, max(lo, values[field] + _WORSE.get(field, 1) * step))
    after = scorten.compute(scorten.ScortenInput(**worse, **units))
    assert before.score is not None and after.score is not None
    assert after.score >= before.score
    assert 0 <= after.score <= scorten.MAX_SCORE


def test_a_lab_explicitly_left_empty_is_unanswered() -> None:
    result = scorten.compute(scorten_input(urea=None, glucose=None))
    assert [c.answered for c in result.criteria if c.id in ("urea", "glucose")] == [False, False]


@pytest.mark.parametrize(("value", "unit"), [(55, "mmol/L"), (36, "mg/dL")])
def test_a_rare_but_real_glucose_is_scored_with_the_other_reading_named(
    value: float, unit: str
) -> None:
    result = scorten.compute(scorten_input(glucose=value, glucose_unit=unit))
    assert not result.units_to_confirm and result.score is not None
    [note] = [w for w in result.warnings if w.kind == MessageKind.UNIT]
    assert "Read as glucose" in note.text
