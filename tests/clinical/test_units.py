"""Unit factors from molar masses; conversions round-trip."""

from enum import StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sjsref.clinical import units
from sjsref.clinical.numbers import side
from sjsref.clinical.units import GLUCOSE, UREA, GlucoseUnit, UreaUnit


def test_factors_follow_from_iupac_molar_masses() -> None:
    assert units.UREA_G_PER_MOL == pytest.approx(60.056)
    assert units.UREA_NITROGEN_G_PER_MOL == pytest.approx(28.014)
    assert units.GLUCOSE_G_PER_MOL == pytest.approx(180.156)
    assert units.UREA_MG_DL_PER_MMOL_L == pytest.approx(6.0056)
    assert units.BUN_MG_DL_PER_MMOL_L == pytest.approx(2.8014)
    assert units.GLUCOSE_MG_DL_PER_MMOL_L == pytest.approx(18.0156)


@pytest.mark.parametrize(
    ("mmol_l", "unit", "expected"),
    [
        (10, UreaUnit.MMOL_L, 10.0),
        (10, UreaUnit.MG_DL, 60.06),  # urea 10 mmol/L = 60.1 mg/dL of urea
        (10, UreaUnit.BUN_MG_DL, 28.01),  # ... = 28.0 mg/dL of urea nitrogen
    ],
)
def test_urea_thresholds_in_each_unit(mmol_l: float, unit: UreaUnit, expected: float) -> None:
    assert UREA.from_si(mmol_l, unit) == pytest.approx(expected, abs=0.01)


def test_glucose_threshold_in_mg_dl() -> None:
    assert GLUCOSE.from_si(14, GlucoseUnit.MG_DL) == pytest.approx(252.2, abs=0.05)


def test_unit_labels_keep_urea_and_bun_apart() -> None:
    assert UreaUnit.MG_DL.label != UreaUnit.BUN_MG_DL.label
    assert GlucoseUnit.MG_DL.label == "mg/dL"


@given(st.floats(0, 1000), st.sampled_from(list(UreaUnit)))
def test_urea_conversion_round_trips(value: float, unit: UreaUnit) -> None:
    back = UREA.from_si(UREA.to_si(value, unit), unit)
    assert back == pytest.approx(value, rel=1e-12, abs=1e-12)


@given(st.floats(0, 3000), st.sampled_from(list(GlucoseUnit)))
def test_glucose_conversion_round_trips(value: float, unit: GlucoseUnit) -> None:
    back = GLUCOSE.from_si(GLUCOSE.to_si(value, unit), unit)
    assert back == pytest.approx(value, rel=1e-12, abs=1e-12)


def test_each_lab_value_shows_its_conversions() -> None:
    # The example: 12 mmol/L urea = 72.1 mg/dL urea = 33.6 mg/dL BUN.
    line = UREA.conversions(12, UreaUnit.MMOL_L)
    assert line == "12 mmol/L urea = 72.1 mg/dL urea = 33.6 mg/dL BUN"
    assert GLUCOSE.conversions(140, GlucoseUnit.MG_DL) == "140 mg/dL = 7.8 mmol/L"


def test_a_conversion_beside_a_cut_off_keeps_its_side() -> None:
    # BUN 28.02 mg/dL is above 10 mmol/L (28.014): it must not print as 10 mmol/L.
    line = UREA.conversions(28.02, UreaUnit.BUN_MG_DL, threshold_si=10)
    assert "10.002 mmol/L urea" in line


@pytest.mark.parametrize(
    ("value", "unit", "likely"),
    [
        (140, GlucoseUnit.MMOL_L, [GlucoseUnit.MG_DL]),  # 140 mg/dL typed into mmol/L
        (5, GlucoseUnit.MG_DL, [GlucoseUnit.MMOL_L]),  # 5 mmol/L typed into mg/dL
        (45, GlucoseUnit.MMOL_L, []),  # usual in both: not held (the score note says so)
        (55, GlucoseUnit.MMOL_L, []),  # rare but real (hyperosmolar state): never a slip
        (36, GlucoseUnit.MG_DL, []),  # severe hypoglycaemia: real, never a slip
        (90, GlucoseUnit.MMOL_L, [GlucoseUnit.MG_DL]),  # 1621 mg/dL: beyond any patient
        (6, GlucoseUnit.MMOL_L, []),
    ],
)
def test_a_glucose_far_more_likely_in_the_other_unit_is_found(
    value: float, unit: GlucoseUnit, likely: list[GlucoseUnit]
) -> None:
    assert GLUCOSE.likely_units(value, unit) == likely


def test_urea_far_outside_mmol_l_is_likely_either_mg_dl() -> None:
    assert UREA.likely_units(150, UreaUnit.MMOL_L) == [UreaUnit.MG_DL, UreaUnit.BUN_MG_DL]
    assert UREA.likely_units(20, UreaUnit.MMOL_L) == []
    assert UREA.plausible_others(20, UreaUnit.MMOL_L) == [UreaUnit.MG_DL, UreaUnit.BUN_MG_DL]
    assert UREA.plausible_others(150, UreaUnit.MMOL_L) == []


def test_an_impossible_value_suggests_the_unit_it_is_usual_in() -> None:
    with pytest.raises(ValueError, match="Did you mean mg/dL"):
        GLUCOSE.check(200, GlucoseUnit.MMOL_L)
    with pytest.raises(ValueError, match="not possible; enter"):
        GLUCOSE.check(-1, GlucoseUnit.MMOL_L)
    with pytest.raises(ValueError, match="not possible in any unit"):
        UREA.check(99999, None)
    UREA.check(20, None)  # possible in some unit: held for its unit, not refused


@pytest.mark.parametrize(
    ("value", "old", "new", "expected"),
    [
        (12, UreaUnit.MMOL_L, UreaUnit.BUN_MG_DL, 33.6),  # the example
        (10.01, UreaUnit.MMOL_L, UreaUnit.BUN_MG_DL, 28.04),  # 28.0 would fall to 9.995
        (10, UreaUnit.MMOL_L, UreaUnit.BUN_MG_DL, 28.014),  # on the cut-off stays on it
        (252.3, GlucoseUnit.MG_DL, GlucoseUnit.MMOL_L, 14.005),  # 14.0 would sit on 14
    ],
)
def test_a_unit_switch_converts_without_crossing_the_cut_off(
    value: float, old: StrEnum, new: StrEnum, expected: float
) -> None:
    lab = UREA if isinstance(old, UreaUnit) else GLUCOSE
    threshold = 10 if lab is UREA else 14
    assert lab.convert_typed(value, old, new, threshold) == expected  # type: ignore[arg-type]


@given(
    st.floats(0.5, 140),
    st.sampled_from(list(UreaUnit)),
    st.sampled_from(list(UreaUnit)),
)
def test_no_urea_unit_switch_moves_a_value_across_the_cut_off(
    value: float, old: UreaUnit, new: UreaUnit
) -> None:
    converted = UREA.convert_typed(value, old, new, 10)
    assert side(UREA.to_si(converted, new), 10) == side(UREA.to_si(value, old), 10)


def test_a_value_a_hair_above_the_cut_off_keeps_every_decimal_it_needs() -> None:
    # 10.00001 mmol/L is 28.01403 mg/dL BUN: four decimals would put it on 28.014.
    converted = UREA.convert_typed(10.00001, UreaUnit.MMOL_L, UreaUnit.BUN_MG_DL, 10)
    assert converted == round(10.00001 * units.BUN_MG_DL_PER_MMOL_L, 4)
