"""Which library sections a result links to: data keyed by calculator and band."""

from __future__ import annotations

from datetime import date, timedelta

from sjsref.clinical import abcd10, alden, bsa, classification, next_steps, scorten
from sjsref.clinical.next_steps import (
    ABCD10_VALIDATION,
    BOUNDARIES,
    CHILDREN,
    RESCORE_DAY3,
    SPOTS,
    STEPS,
    WHERE_TO_TREAT,
    band,
)
from sjsref.clinical.scorten_mortality import OBSERVED_BANDS
from tests.clinical.conftest import scorten_input

INDEX = date(2026, 3, 10)
ALLOPURINOL = {
    "name": "allopurinol", "start": INDEX - timedelta(days=14), "notoriety": "strong",
    "prechallenge": "unknown", "impaired_elimination": False, "continued_without_harm": False,
}  # fmt: skip


def test_every_scorten_band_has_its_steps() -> None:
    assert {("scorten", b.scores) for b in OBSERVED_BANDS} <= STEPS.keys()
    result = scorten.compute(
        scorten_input(age_years=65, heart_rate_bpm=130, detached_bsa_percent=35)
    )
    assert band(result) == ("scorten", "3")
    steps = next_steps.next_steps(result)
    assert WHERE_TO_TREAT in steps and RESCORE_DAY3 in steps and CHILDREN not in steps


def test_incomplete_scorten_and_a_child() -> None:
    result = scorten.compute(scorten.ScortenInput(age_years=12))
    assert band(result) == ("scorten", "incomplete")
    assert next_steps.next_steps(result)[-1] == CHILDREN


def test_an_empty_form_has_none() -> None:
    assert next_steps.next_steps(scorten.compute(scorten.ScortenInput())) == ()


def test_abcd10_has_no_band_but_its_validation() -> None:
    result = abcd10.compute(abcd10.Abcd10Input(age_years=70))
    assert band(result) == ("abcd10", "any")
    assert ABCD10_VALIDATION in next_steps.next_steps(result)


def test_classes_and_the_unclassified() -> None:
    def steps(bsa_percent: float, spots: bool | None) -> tuple[next_steps.NextStep, ...]:
        inp = classification.ClassifyInput(detached_bsa_percent=bsa_percent, spots=spots)
        return next_steps.next_steps(classification.classify(inp))

    assert BOUNDARIES in steps(20, True)  # overlap
    assert BOUNDARIES not in steps(40, True)  # TEN
    assert steps(20, None)[0] == SPOTS  # spots decide: read the lesions first


def test_bsa_follows_its_class() -> None:
    result = bsa.from_palms(bsa.PalmInput(count=12, sex="male"))
    assert band(result) is not None and band(result)[0] == "bsa"  # type: ignore[index]
    assert WHERE_TO_TREAT in next_steps.next_steps(result)
    unsexed = bsa.from_palms(bsa.PalmInput(count=13.5))  # 9.4-10.8 %: sex decides
    assert band(unsexed) == ("bsa", "not classified")


def test_other_results_have_none() -> None:
    result = alden.compute(alden.AldenInput(index_day=INDEX, drugs=[ALLOPURINOL]))
    assert band(result) is None and next_steps.next_steps(result) == ()
