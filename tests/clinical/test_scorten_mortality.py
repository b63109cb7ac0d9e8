"""SCORTEN's observed mortality: counts that reproduce the published percentages and CIs."""

import math

import pytest

from sjsref.clinical import scorten
from sjsref.clinical.scorten_mortality import OBSERVED_BANDS, ObservedBand, mortality_table


def _binomial_cdf(k: int, n: int, p: float) -> float:
    """P(X <= k) for X ~ Binomial(n, p)."""
    return sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(k + 1))


def _solve(f, target: float) -> float:
    """The p in [0, 1] where the decreasing function f(p) equals target (bisection)."""
    lo, hi = 0.0, 1.0
    for _ in range(100):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if f(mid) > target else (lo, mid)
    return (lo + hi) / 2


def clopper_pearson(deaths: int, patients: int, alpha: float = 0.05) -> tuple[float, float]:
    """The exact two-sided binomial interval, in percent, computed here from first principles.

    Lower bound: P(X >= deaths) = alpha/2; upper: P(X <= deaths) = alpha/2.
    """
    lower = (
        0.0
        if deaths == 0
        else _solve(lambda p: _binomial_cdf(deaths - 1, patients, p), 1 - alpha / 2)
    )
    upper = (
        1.0
        if deaths == patients
        else _solve(lambda p: _binomial_cdf(deaths, patients, p), alpha / 2)
    )
    return 100 * lower, 100 * upper


@pytest.mark.parametrize("band", OBSERVED_BANDS, ids=lambda b: b.scores)
def test_each_band_reproduces_its_published_percentage_and_interval(band: ObservedBand) -> None:
    assert round(100 * band.deaths / band.patients, 1) == band.percent
    # Eight of the ten published bounds are the exact interval rounded to 0.1; two
    # (19.8 for 12/34, 99.8 for 9/10) sit 0.05 above the exact 19.75 and 99.75, as a
    # table computed with another routine or rounded up would. Every bound is within
    # 0.06 points of the exact interval; counts one death apart would be over a point away.
    exact = clopper_pearson(band.deaths, band.patients)
    assert all(abs(p - e) < 0.06 for p, e in zip(band.ci95, exact, strict=True))
    for deaths in (band.deaths - 1, band.deaths + 1):
        if 0 <= deaths <= band.patients:
            other = clopper_pearson(deaths, band.patients)
            assert any(abs(p - o) > 1 for p, o in zip(band.ci95, other, strict=True))


def test_the_bands_add_up_to_the_development_sample() -> None:
    # Bastuji-Garin 2000 abstract: 165 patients in the development sample; 44 died.
    assert sum(b.patients for b in OBSERVED_BANDS) == 165
    assert sum(b.deaths for b in OBSERVED_BANDS) == 44


def test_the_interval_helper_is_right_on_a_textbook_case() -> None:
    # 0 of 10: the exact upper bound is 1 - 0.025 ** (1/10) = 30.85 %.
    assert clopper_pearson(0, 10)[1] == pytest.approx(100 * (1 - 0.025**0.1), abs=1e-6)


@pytest.mark.parametrize(("score", "band"), [(0, "0-1"), (1, "0-1"), (3, "3"), (6, "5-7")])
def test_the_table_marks_the_patients_band(score: int, band: str) -> None:
    rows = mortality_table(score)
    assert [r.scores for r in rows if r.patient] == [band]
    assert not [r for r in mortality_table(None) if r.patient]


def test_a_score_carries_its_evidence() -> None:
    result = scorten.compute(
        scorten.ScortenInput(
            age_years=45,
            heart_rate_bpm=125,
            malignancy=False,
            detached_bsa_percent=12,
            urea=11,
            urea_unit="mmol/L",
            bicarbonate_mmol_l=25,
            glucose=8,
            glucose_unit="mmol/L",
        )
    )
    assert result.score == 4
    assert (result.mortality_deaths, result.mortality_patients) == (14, 24)
    assert result.mortality_ci95 == (36.6, 77.9)
    assert [r.patient for r in result.mortality_table] == [False, False, False, True, False]


def test_day_3_says_which_table_its_figure_comes_from() -> None:
    result = scorten.compute(scorten.ScortenInput(day=3))
    assert result.mortality_basis is None  # incomplete: no figure yet
    complete = {
        "age_years": 30,
        "heart_rate_bpm": 80,
        "malignancy": False,
        "detached_bsa_percent": 5,
        "urea": 5,
        "urea_unit": "mmol/L",
        "bicarbonate_mmol_l": 24,
        "glucose": 6,
        "glucose_unit": "mmol/L",
    }
    day3 = scorten.compute(scorten.ScortenInput(**complete, day=3))
    assert "day-1 table" in (day3.mortality_basis or "")
    assert "Guégan" in (day3.mortality_basis or "")
