"""Unit factors from molar masses; conversions round-trip."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sjsref.clinical import units
from sjsref.clinical.units import GlucoseUnit, UreaUnit


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
    assert units.urea_from_mmol_l(mmol_l, unit) == pytest.approx(expected, abs=0.01)


def test_glucose_threshold_in_mg_dl() -> None:
    assert units.glucose_from_mmol_l(14, GlucoseUnit.MG_DL) == pytest.approx(252.2, abs=0.05)


def test_unit_labels_keep_urea_and_bun_apart() -> None:
    assert UreaUnit.MG_DL.label != UreaUnit.BUN_MG_DL.label
    assert GlucoseUnit.MG_DL.label == "mg/dL"


@given(st.floats(0, 1000), st.sampled_from(list(UreaUnit)))
def test_urea_conversion_round_trips(value: float, unit: UreaUnit) -> None:
    back = units.urea_from_mmol_l(units.urea_to_mmol_l(value, unit), unit)
    assert back == pytest.approx(value, rel=1e-12, abs=1e-12)


@given(st.floats(0, 3000), st.sampled_from(list(GlucoseUnit)))
def test_glucose_conversion_round_trips(value: float, unit: GlucoseUnit) -> None:
    back = units.glucose_from_mmol_l(units.glucose_to_mmol_l(value, unit), unit)
    assert back == pytest.approx(value, rel=1e-12, abs=1e-12)
