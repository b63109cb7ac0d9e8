"""ABCD-10: predictors, boundaries, withheld weights, warnings."""

import pytest
from pydantic import ValidationError

from sjsref.clinical import abcd10
from sjsref.clinical.results import MessageKind

FULL = {
    "age_years": 60,
    "bicarbonate_mmol_l": 18,
    "active_cancer": True,
    "dialysis_before_admission": False,
    "detached_bsa_percent": 15,
}


def _met(**fields: object) -> dict[str, bool | None]:
    result = abcd10.compute(abcd10.Abcd10Input(**{**FULL, **fields}))
    return {c.id: c.met for c in result.criteria}


def test_issue_example_shows_each_predictor() -> None:
    assert _met() == {
        "age": True,
        "bicarbonate": True,
        "cancer": True,
        "dialysis": False,
        "detached_bsa": True,
    }


@pytest.mark.parametrize(("age", "met"), [(49.99, False), (50, True), (50.01, True)])
def test_age_threshold_is_50_inclusive(age: float, met: bool) -> None:
    assert _met(age_years=age)["age"] is met


@pytest.mark.parametrize(("bicarb", "met"), [(19.99, True), (20, False), (20.01, False)])
def test_bicarbonate_threshold_is_below_20(bicarb: float, met: bool) -> None:
    assert _met(bicarbonate_mmol_l=bicarb)["bicarbonate"] is met


@pytest.mark.parametrize(("bsa", "met"), [(9.99, False), (10, True), (10.01, True)])
def test_detachment_threshold_and_its_disputed_boundary(bsa: float, met: bool) -> None:
    result = abcd10.compute(abcd10.Abcd10Input(**{**FULL, "detached_bsa_percent": bsa}))
    assert {c.id: c.met for c in result.criteria}["detached_bsa"] is met
    boundary = [w for w in result.warnings if w.kind == MessageKind.BOUNDARY]
    assert bool(boundary) is (bsa == 10)


def test_unverified_weights_and_mortality_are_withheld_and_said_so() -> None:
    result = abcd10.compute(abcd10.Abcd10Input(**FULL))
    assert result.score is None and result.mortality_percent is None
    assert all(c.points is None for c in result.criteria)
    assert (result.no_score_reason or "").startswith("No ABCD-10 score or mortality")
    assert result.name == "ABCD-10 predictors"


def test_calibration_against_scorten_travels_with_the_result() -> None:
    result = abcd10.compute(abcd10.Abcd10Input(**FULL))
    calibration = [n for n in result.notes if n.kind == MessageKind.CALIBRATION]
    assert calibration and "less well calibrated" in calibration[0].text
    assert {"koh2020", "duplisea2021"} <= set(calibration[0].citations)


def test_child_and_missing_values_are_flagged() -> None:
    result = abcd10.compute(abcd10.Abcd10Input(age_years=12, bicarbonate_mmol_l=50))
    kinds = [w.kind for w in result.warnings]
    assert MessageKind.POPULATION in kinds and MessageKind.RECHECK in kinds
    assert result.complete is False and result.answered == 2
    assert "2 of 5 answered" in result.warnings[0].text


@pytest.mark.parametrize(
    ("field", "value"),
    [("age_years", 130), ("bicarbonate_mmol_l", 90), ("detached_bsa_percent", -3)],
)
def test_impossible_values_are_rejected(field: str, value: float) -> None:
    with pytest.raises(ValidationError, match="not possible"):
        abcd10.Abcd10Input(**{**FULL, field: value})
