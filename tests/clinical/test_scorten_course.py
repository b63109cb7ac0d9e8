"""Day 1 against day 3: both scores side by side, the change, and which to go by."""

from __future__ import annotations

from sjsref.clinical import scorten
from sjsref.clinical.citations import GUEGAN_2006
from sjsref.clinical.scorten_course import compare, entered

# Day 1: age and detachment score (2); day 3: heart rate and bicarbonate are added (4).
DAY1 = scorten.ScortenInput(
    age_years=62,
    heart_rate_bpm=100,
    malignancy=False,
    detached_bsa_percent=15,
    urea=8,
    urea_unit="mmol/L",
    bicarbonate_mmol_l=24,
    glucose=9,
    glucose_unit="mmol/L",
    day=1,
)
DAY3 = DAY1.model_copy(update={"heart_rate_bpm": 130, "bicarbonate_mmol_l": 18, "day": 3})


def _run(inp: scorten.ScortenInput) -> scorten.ScoreResult:
    return scorten.compute(inp)


def test_a_rise_from_2_to_4_with_both_observed_bands() -> None:
    course = compare(_run(DAY1), _run(DAY3))
    assert course.change == 2
    assert course.change_text == "Rose by 2 points: 2 on day 1, 4 on day 3"
    # Bastuji-Garin 2000 development table: score 2 -> 8 of 66 (12.1 %), 4 -> 14 of 24 (58.3 %).
    assert [d.score for d in course.days] == ["2 of 7", "4 of 7"]
    assert [d.mortality for d in course.days] == ["12.1 % (8 of 66 died)", "58.3 % (14 of 24 died)"]
    assert course.advice.startswith("Day 3 recomputed, as Guégan 2006 recommend")
    assert course.both_entered
    assert course.evidence.citations == [GUEGAN_2006]
    assert "144 patients" in course.evidence.text
    assert "slightly better on day 3" in course.evidence.text


def test_a_fall_of_one_point_and_an_unchanged_score() -> None:
    fell = compare(_run(DAY3), _run(DAY3.model_copy(update={"bicarbonate_mmol_l": 24})))
    assert fell.change == -1 and fell.change_text == "Fell by 1 point: 4 on day 1, 3 on day 3"
    same = compare(_run(DAY1), _run(DAY1.model_copy(update={"day": 3})))
    assert same.change == 0 and same.change_text == "Unchanged: 2 on day 1 and on day 3"


def test_day_3_not_entered_asks_for_it() -> None:
    for missing in (None, _run(scorten.ScortenInput(day=3))):
        course = compare(_run(DAY1), missing)
        assert course.change is None
        assert course.change_text.startswith("Day 3 not entered yet")
        assert course.days[1].score == "not entered" and course.days[1].mortality == ""
        assert course.advice.startswith("Recompute on day 3")
        assert not course.both_entered


def test_day_1_not_entered() -> None:
    course = compare(None, _run(DAY3))
    assert course.change is None
    assert course.change_text == "Day 1 not entered: no change to show."
    assert course.advice.startswith("Day 3 recomputed, as Guégan 2006 recommend")


def test_an_incomplete_day_shows_what_is_answered_and_no_change() -> None:
    partial = _run(scorten.ScortenInput(age_years=62, day=3))
    course = compare(_run(DAY1), partial)
    assert course.days[1].score == "incomplete: 1 of 7 answered"
    assert course.change is None
    assert course.change_text == "Change shown once both days are complete."
    assert course.advice.startswith("Recompute on day 3")


def test_entered_means_anything_answered() -> None:
    assert not entered(None)
    assert not entered(_run(scorten.ScortenInput()))
    assert entered(_run(scorten.ScortenInput(malignancy=False)))
