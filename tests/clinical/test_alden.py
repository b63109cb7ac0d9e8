"""ALDEN: every criterion at every value, every day boundary, criterion 6, bands, ranking."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from sjsref.clinical import alden, citations
from sjsref.clinical import alden_rules as r
from sjsref.clinical.results import MessageKind

INDEX = dt.date(2026, 3, 10)

# The published values, typed from PMC9124451 Table 1 (a copy of the paper's
# Table 1), independently of the constants in alden_rules.
DELAY_TABLE = {-30: -3, -1: -3, 0: -3, 1: 1, 4: 1, 5: 3, 28: 3, 29: 2, 56: 2, 57: -1, 900: -1}
DELAY_TABLE_AFTER_REACTION = {0: -3, 1: 3, 4: 3, 5: 1, 28: 1, 29: 1, 56: 1, 57: -1}
PRECHALLENGE_TABLE = {
    "same-sjs": 4,
    "similar-sjs": 2,
    "same-other": 2,
    "similar-other": 1,
    "unknown": 0,
    "tolerated": -2,
}
NOTORIETY_TABLE = {"strong": 3, "associated": 2, "suspected": 1, "unknown": 0, "not-suspected": -1}
# Secondary copies: < 0 very unlikely, 0-1 unlikely, 2-3 possible, 4-5 probable, >= 6 very probable.
BAND_TABLE = {
    -12: "very unlikely",
    -1: "very unlikely",
    0: "unlikely",
    1: "unlikely",
    2: "possible",
    3: "possible",
    4: "probable",
    5: "probable",
    6: "very probable",
    10: "very probable",
}


def drug(name: str = "drug a", days: int = 14, **over: Any) -> dict[str, Any]:
    """A drug started ``days`` before the index day, still taken, all answers neutral."""
    base: dict[str, Any] = {
        "name": name,
        "start": INDEX - dt.timedelta(days=days),
        "notoriety": "unknown",
        "prechallenge": "unknown",
        "impaired_elimination": False,
        "continued_without_harm": False,
    }
    return {**base, **over}


def assess(*drugs: dict[str, Any]) -> alden.AldenResult:
    return alden.compute(alden.AldenInput(index_day=INDEX, drugs=drugs))


def one(**over: Any) -> alden.AldenDrugResult:
    return assess(drug(**over)).drugs[0]


def crit(result: alden.AldenDrugResult, cid: str) -> alden.AldenCriterion:
    return next(c for c in result.criteria if c.id == cid)


# Criterion 1 -------------------------------------------------------------


@pytest.mark.parametrize(("days", "points"), DELAY_TABLE.items())
def test_delay_at_every_boundary(days: int, points: int) -> None:
    result = one(days=days, stop=INDEX + dt.timedelta(days=40))
    assert result.delay_days == days
    assert crit(result, "delay").points == points
    assert f"{days} day" in crit(result, "delay").rule or days <= 0


@pytest.mark.parametrize("previous", ["same-sjs", "same-other"])
@pytest.mark.parametrize(("days", "points"), DELAY_TABLE_AFTER_REACTION.items())
def test_delay_windows_shift_after_a_reaction_to_the_same_drug(
    previous: str, days: int, points: int
) -> None:
    result = one(days=days, prechallenge=previous, stop=INDEX + dt.timedelta(days=1))
    assert crit(result, "delay").points == points
    if days > 0:
        assert "shifted" in crit(result, "delay").rule


@pytest.mark.parametrize("previous", ["similar-sjs", "similar-other", "unknown", "tolerated"])
def test_windows_do_not_shift_without_a_reaction_to_the_same_drug(previous: str) -> None:
    assert crit(one(days=3, prechallenge=previous), "delay").points == 1
    assert crit(one(days=10, prechallenge=previous), "delay").points == 3


def test_delay_rule_names_the_dates_and_the_day_count() -> None:
    rule = crit(one(days=21), "delay").rule
    assert "21 days from first intake (2026-02-17) to index day (2026-03-10)" in rule
    assert rule.endswith("5-28 days: Suggestive (+3)")
    assert "on the index day" in crit(one(days=0), "delay").rule
    assert "2 days after the index day" in crit(one(days=-2), "delay").rule
    assert crit(one(days=1), "delay").rule.startswith("1 day from first intake")


def test_window_labels_come_from_the_windows() -> None:
    assert [w.label() for w in r.DELAY_WINDOWS] == [
        "1-4 days",
        "5-28 days",
        "29-56 days",
        "> 56 days",
    ]


# Criterion 2 -------------------------------------------------------------


def _stopped(days_before: int, **over: Any) -> alden.AldenDrugResult:
    return one(days=60, stop=INDEX - dt.timedelta(days=days_before), **over)


@pytest.mark.parametrize("stop", [None, INDEX, INDEX + dt.timedelta(days=3)])
def test_drug_taken_up_to_the_index_day_is_present(stop: dt.date | None) -> None:
    result = one(days=10, stop=stop)
    assert crit(result, "present").points == 0 and crit(result, "present").answered


@pytest.mark.parametrize(
    ("days_before", "impaired", "points"),
    [
        (1, False, 0),
        (4, False, 0),
        (5, False, 0),  # 120 h: exactly five half-lives of 24 h is not "more than"
        (6, False, -3),
        (6, True, -1),
        (30, False, -3),
        (30, True, -1),
        (5, True, 0),
    ],
)
def test_five_half_lives_on_both_sides(days_before: int, impaired: bool, points: int) -> None:
    result = _stopped(days_before, half_life_h=24, impaired_elimination=impaired)
    assert crit(result, "present").points == points
    assert result.days_stop_to_index == days_before


def test_five_half_lives_rule_text_shows_the_arithmetic() -> None:
    rule = crit(_stopped(6, half_life_h=24), "present").rule
    assert "6 days (144 h) before the index day" in rule
    assert "5 half-lives = 5 x 24 h = 120 h" in rule
    assert rule.endswith("Excluded (-3)")


def test_dates_too_coarse_for_five_half_lives_are_flagged() -> None:
    # Five half-lives of 25 h = 125 h: 5 days (120 h) and 6 days (144 h) are both
    # within a day of it, so the dates cannot settle the answer.
    for days_before in (5, 6):
        result = _stopped(days_before, half_life_h=25)
        assert [w.kind for w in result.warnings] == [MessageKind.BOUNDARY]
    assert crit(_stopped(5, half_life_h=25), "present").points == 0
    assert crit(_stopped(6, half_life_h=25), "present").points == -3
    # 4 days (96 h) and 7 days (168 h) are a day or more away from 120 h or 125 h.
    assert _stopped(4, half_life_h=24).warnings == []
    assert _stopped(7, half_life_h=25).warnings == []


def test_unknown_half_life_is_not_answered_rather_than_guessed() -> None:
    result = _stopped(3, notoriety="strong")
    present = crit(result, "present")
    assert present.answered is False and present.points is None and present.value is None
    assert "could not be derived" in present.rule
    assert not result.complete and result.score is None and result.band is None
    # Delay 60 days -1, notoriety +3, drug present -3 to 0: from -1 to 2.
    assert (result.score_min, result.score_max) == (-1, 2)
    assert [w.kind for w in result.warnings] == [MessageKind.MISSING]
    assert "Enter the half-life" in result.warnings[0].text


# Criteria 3, 4, 5 --------------------------------------------------------


@pytest.mark.parametrize(("answer", "points"), PRECHALLENGE_TABLE.items())
def test_prechallenge_every_value(answer: str, points: int) -> None:
    result = one(days=40, prechallenge=answer)
    assert crit(result, "prechallenge").points == points


@pytest.mark.parametrize(("continued", "points"), [(False, 0), (True, -2)])
def test_dechallenge_both_values(continued: bool, points: int) -> None:
    assert crit(one(continued_without_harm=continued), "dechallenge").points == points


@pytest.mark.parametrize(("answer", "points"), NOTORIETY_TABLE.items())
def test_notoriety_every_value(answer: str, points: int) -> None:
    assert crit(one(notoriety=answer), "notoriety").points == points


def test_criterion_ranges_match_the_published_ranges() -> None:
    def span(points: tuple[int, ...]) -> tuple[int, int]:
        return min(points), max(points)

    assert span(r.DELAY_POINTS) == (-3, 3)
    assert span(r.PRESENT_POINTS) == (-3, 0)
    assert span(r.PRECHALLENGE_POINTS) == (-2, 4)
    assert span(r.DECHALLENGE_POINTS) == (-2, 0)
    assert span(r.NOTORIETY_POINTS) == (-1, 3)
    assert (r.INTERMEDIATE_MIN, r.INTERMEDIATE_MAX) == (-11, 10)
    assert (r.SCORE_MIN, r.SCORE_MAX) == (-12, 10)


def test_every_value_is_cited_to_the_paper_with_a_locator() -> None:
    keys = {v for k, v in vars(citations).items() if k.isupper() and isinstance(v, str)}
    outcomes = [w.outcome for w in r.DELAY_WINDOWS + r.DELAY_WINDOWS_AFTER_PREVIOUS_REACTION]
    outcomes += [r.DELAY_EXCLUDED, r.PRESENT_DEFINITE, r.PRESENT_DOUBTFUL, r.PRESENT_EXCLUDED]
    outcomes += [o for o, _ in (*r.PRECHALLENGE.values(), *r.NOTORIETY.values())]
    outcomes += [r.DECHALLENGE_NEUTRAL, r.DECHALLENGE_NEGATIVE]
    outcomes += [r.OTHER_CAUSE_NONE, r.OTHER_CAUSE_POSSIBLE]
    sources = [o.source for o in outcomes] + [edge.source for edge in r.BANDS]
    for source in sources:
        assert source.key == citations.SASSOLAS_2010 in keys
        assert "Table 1" in source.locator
    secondary = {s for s in sources if "secondary" in s.locator}
    assert secondary == {
        r.NOTORIETY_SECONDARY_SOURCE,
        r.OTHER_CAUSE_SOURCE,
        r.BAND_SOURCE,
    }


# Criterion 6 -------------------------------------------------------------


def test_one_drug_above_three_lowers_every_other_drug() -> None:
    result = assess(
        drug("allopurinol", days=21, notoriety="strong"),  # 3 + 0 + 0 + 0 + 3 = 6
        drug("drug x", days=40),  # 2
        drug("drug y", days=2),  # 1
    )
    by_name = {d.name: d for d in result.drugs}
    assert crit(by_name["allopurinol"], "other_cause").points == 0
    assert by_name["allopurinol"].score == 6
    for name, score in (("drug x", 1), ("drug y", 0)):
        sixth = crit(by_name[name], "other_cause")
        assert sixth.points == -1 and "allopurinol" in sixth.rule
        assert by_name[name].score == score
    assert result.warnings == []


def test_intermediate_score_of_exactly_three_lowers_nobody() -> None:
    result = assess(drug("a", days=10), drug("b", days=10, notoriety="unknown"))
    assert [d.intermediate_score for d in result.drugs] == [3, 3]
    assert all(crit(d, "other_cause").points == 0 for d in result.drugs)


def test_two_drugs_above_three_the_top_ranked_keeps_its_score_and_the_result_says_why() -> None:
    result = assess(
        drug("carbamazepine", days=20, notoriety="strong"),  # 6
        drug("lamotrigine", days=10, notoriety="associated"),  # 5
        drug("paracetamol", days=2),  # 1
    )
    scores = {d.name: (d.intermediate_score, d.score) for d in result.drugs}
    # The leading suspect is not moved down a band by the drug it outranks.
    assert scores == {"carbamazepine": (6, 6), "lamotrigine": (5, 4), "paracetamol": (1, 0)}
    assert "ranks first" in crit(result.drugs[0], "other_cause").rule
    # Lowered once, not once per other high-scoring drug.
    assert crit(result.drugs[2], "other_cause").points == -1
    assert len(result.warnings) == 1 and result.warnings[0].kind == MessageKind.METHOD
    assert "carbamazepine, lamotrigine" in result.warnings[0].text
    assert any("every drug but the top-ranked one" in n.text for n in result.notes)


def test_two_drugs_tied_at_the_top_both_keep_their_score() -> None:
    result = assess(
        drug("carbamazepine", days=20, notoriety="strong"),  # 6
        drug("cotrimoxazole", days=20, notoriety="strong"),  # 6
        drug("paracetamol", days=2),  # 1 -> 0
    )
    assert [(d.score, crit(d, "other_cause").points) for d in result.drugs] == [
        (6, 0),
        (6, 0),
        (0, -1),
    ]


def test_other_cause_undecided_while_a_missing_answer_decides_it() -> None:
    # Drug a: 3 + (-3..0) + 0 + 0 + 3 = 3..6, so whether it is above 3 is unknown.
    result = assess(
        drug("a", days=20, stop=INDEX - dt.timedelta(days=2), notoriety="strong"),
        drug("b", days=10),
    )
    b = next(d for d in result.drugs if d.name == "b")
    sixth = crit(b, "other_cause")
    assert sixth.answered is False and sixth.points is None and "a" in sixth.rule
    assert (b.score_min, b.score_max, b.score, b.band) == (2, 3, None, None)


# Bands, examples, ranking ------------------------------------------------


@pytest.mark.parametrize(("score", "band"), BAND_TABLE.items())
def test_band_edges(score: int, band: str) -> None:
    assert r.band_of(score) == band


def test_every_score_has_exactly_one_band_and_bands_never_fall() -> None:
    order = [edge.band for edge in reversed(r.BANDS)]
    bands = [r.band_of(s) for s in range(r.SCORE_MIN, r.SCORE_MAX + 1)]
    assert [order.index(b) for b in bands] == sorted(order.index(b) for b in bands)
    assert set(bands) == set(r.Band)


def test_band_labels_are_generated_from_the_edges() -> None:
    assert alden.band_table() == [
        ("very probable", "very probable (6 or more)"),
        ("probable", "probable (4 to 5)"),
        ("possible", "possible (2 to 3)"),
        ("unlikely", "unlikely (0 to 1)"),
        ("very unlikely", "very unlikely (below 0)"),
    ]


@pytest.mark.parametrize(
    ("over", "points", "score", "band"),
    [
        # Started 3 weeks before, still taken, no prior exposure, high-risk drug.
        ({"days": 21, "notoriety": "strong"}, [3, 0, 0, 0, 3, 0], 6, "very probable"),
        # Restarted 3 days before after SJS on the same drug (shifted window).
        (
            {"days": 3, "notoriety": "strong", "prechallenge": "same-sjs"},
            [3, 0, 4, 0, 3, 0],
            10,
            "very probable",
        ),
        # Published application (Eur J Med Res 2023, Table 3): +3, -3, 0, 0, +2, 0 = 2.
        (
            {
                "days": 20,
                "stop": INDEX - dt.timedelta(days=10),
                "half_life_h": 12,
                "notoriety": "associated",
            },
            [3, -3, 0, 0, 2, 0],
            2,
            "possible",
        ),
        # Taken for months, tolerated before, continued without harm.
        (
            {"days": 100, "continued_without_harm": True, "prechallenge": "tolerated"},
            [-1, 0, -2, -2, 0, 0],
            -5,
            "very unlikely",
        ),
    ],
)
def test_worked_examples(over: dict[str, Any], points: list[int], score: int, band: str) -> None:
    result = one(**over)
    assert [c.points for c in result.criteria] == points
    assert (result.score, result.band) == (score, band)


def test_drugs_are_ranked_by_score_then_by_highest_possible_score() -> None:
    result = assess(
        drug("low", days=100),  # -1, and -1 for "high": -2
        drug("unknown half-life", days=20, stop=INDEX - dt.timedelta(days=3)),  # -1 to 2
        drug("high", days=21, notoriety="strong"),  # 6
        drug("tie", days=100),  # -2, entered after "low"
    )
    assert [(d.rank, d.name) for d in result.drugs] == [
        (1, "high"),
        (2, "unknown half-life"),
        (3, "low"),
        (3, "tie"),  # the same score shares the rank; entry order is kept
    ]


def test_json_follows_the_command_line_contract() -> None:
    data = assess(drug("a"), drug("b", days=3)).model_dump(mode="json")
    assert data["calculator"] == "alden" and data["index_day"] == "2026-03-10"
    assert data["citations"] == ["sassolas2010"]
    first = data["drugs"][0]
    assert {"name", "score", "band", "criteria", "warnings"} <= set(first)
    assert [c["id"] for c in first["criteria"]] == [
        "delay",
        "present",
        "prechallenge",
        "dechallenge",
        "notoriety",
        "other_cause",
    ]
    assert {"id", "label", "value", "points", "rule"} <= set(first["criteria"][0])


# Input checks ------------------------------------------------------------


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"stop": INDEX - dt.timedelta(days=30)}, "stop 2026-02-08 is before start"),
        ({"half_life_h": -2}, "greater than 0"),
        ({"half_life_h": 0}, "greater than 0"),
        ({"half_life_h": math.nan}, "finite number"),
        ({"dose": 300}, "Extra inputs are not permitted"),
        ({"notoriety": "high"}, "'strong', 'associated'"),
        ({"prechallenge": "yes"}, "'same-sjs'"),
        ({"start": "2026-02-30"}, "valid date"),
        ({"name": "  "}, "at least 1 character"),
    ],
)
def test_bad_drug_input_is_refused(over: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        alden.AldenInput(index_day=INDEX, drugs=[drug(**over)])


@pytest.mark.parametrize(
    "field", ["notoriety", "prechallenge", "impaired_elimination", "continued_without_harm"]
)
def test_no_answer_is_filled_in_silently(field: str) -> None:
    incomplete = drug()
    del incomplete[field]
    with pytest.raises(ValidationError, match="Field required"):
        alden.AldenInput(index_day=INDEX, drugs=[incomplete])


def test_patient_level_input_checks() -> None:
    with pytest.raises(ValidationError, match="at least 1 item"):
        alden.AldenInput(index_day=INDEX, drugs=[])
    with pytest.raises(ValidationError, match="Allopurinol: listed twice"):
        alden.AldenInput(index_day=INDEX, drugs=[drug("allopurinol"), drug("Allopurinol")])
    stopped_early = drug(continued_without_harm=True, stop=INDEX - dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="prechallenge 'tolerated'"):
        alden.AldenInput(index_day=INDEX, drugs=[stopped_early])


# Properties --------------------------------------------------------------

_DRUG = st.fixed_dictionaries(
    {
        "days": st.integers(-20, 200),
        "stop_before": st.none() | st.integers(-5, 60),
        "half_life_h": st.none() | st.floats(0.5, 500),
        "notoriety": st.sampled_from(list(r.Notoriety)),
        "prechallenge": st.sampled_from(list(r.Prechallenge)),
        "impaired_elimination": st.booleans(),
        "continued_without_harm": st.booleans(),
    }
)


def _patient(specs: list[dict[str, Any]]) -> alden.AldenInput:
    drugs = []
    for n, spec in enumerate(specs):
        start = INDEX - dt.timedelta(days=spec["days"])
        stop = None if spec["stop_before"] is None else INDEX - dt.timedelta(spec["stop_before"])
        if stop is not None and stop < start:
            stop = start
        continued = spec["continued_without_harm"] and (stop is None or stop >= INDEX)
        drugs.append(
            {
                **{k: v for k, v in spec.items() if k not in ("days", "stop_before")},
                "name": f"drug {n}",
                "start": start,
                "stop": stop,
                "continued_without_harm": continued,
            }
        )
    return alden.AldenInput(index_day=INDEX, drugs=drugs)


@given(st.lists(_DRUG, min_size=1, max_size=6))
def test_scores_stay_in_the_published_range_and_are_ranked(specs: list[dict[str, Any]]) -> None:
    result = alden.compute(_patient(specs))
    for d in result.drugs:  # one more than the drugs strictly ahead of it (ties share)
        ahead = [o for o in result.drugs if (o.score_max, o.score_min) > (d.score_max, d.score_min)]
        assert d.rank == 1 + len(ahead)
    assert [d.score_max for d in result.drugs] == sorted(
        (d.score_max for d in result.drugs), reverse=True
    )
    for d in result.drugs:
        assert r.SCORE_MIN <= d.score_min <= d.score_max <= r.SCORE_MAX
        assert d.complete == (d.score is not None) == (d.band is not None)
        if d.intermediate_score is not None:
            assert r.INTERMEDIATE_MIN <= d.intermediate_score <= r.INTERMEDIATE_MAX
        if d.score is not None:
            assert d.score == sum(c.points or 0 for c in d.criteria)
            assert d.band == r.band_of(d.score)


@given(st.lists(_DRUG, min_size=2, max_size=5))
def test_other_cause_only_ever_lowers_by_one(specs: list[dict[str, Any]]) -> None:
    result = alden.compute(_patient(specs))
    above = [d for d in result.drugs if (d.intermediate_score or 0) > r.OTHER_CAUSE_CUTOFF]
    for d in result.drugs:
        sixth = crit(d, "other_cause")
        assert sixth.points in (None, 0, -1)
        others_above = [o for o in above if o is not d]
        top = d.intermediate_score is not None and all(
            (d.intermediate_score or 0) >= (o.intermediate_score or 0) for o in result.drugs
        )
        if others_above and not top and all(o.intermediate_score is not None for o in result.drugs):
            assert sixth.points == -1
