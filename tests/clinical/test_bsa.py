"""Body-surface area: charts, regions, erythema, palm method, warnings."""

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from sjsref.clinical import bsa
from sjsref.clinical import plausibility as lim
from sjsref.clinical.bsa_charts import (
    RULE_OF_NINES,
    AgeColumn,
    View,
    age_column,
    lund_browder,
    region_percent,
    view_percents,
    view_share,
    views_of,
)
from sjsref.clinical.classification import Category
from sjsref.clinical.inputs import field_errors
from sjsref.clinical.report import chart_note
from sjsref.clinical.results import MessageKind


@pytest.mark.parametrize("column", list(AgeColumn))
def test_every_lund_browder_column_sums_to_100(column: AgeColumn) -> None:
    assert sum(lund_browder(column).values()) == pytest.approx(100)


def test_rule_of_nines_sums_to_100() -> None:
    assert sum(RULE_OF_NINES.values()) == 100


def test_children_differ_from_adults_in_head_and_legs_only() -> None:
    infant, adult = lund_browder(AgeColumn.BIRTH), lund_browder(AgeColumn.ADULT)
    differ = {region for region in adult if infant[region] != adult[region]}
    assert differ == {
        "head",
        "right-thigh",
        "left-thigh",
        "right-lower-leg",
        "left-lower-leg",
    }
    assert (infant["head"], adult["head"]) == (19, 7)


@pytest.mark.parametrize(
    ("age", "column"),
    [
        (0, AgeColumn.BIRTH),
        (0.99, AgeColumn.BIRTH),
        (1, AgeColumn.ONE),
        (4.99, AgeColumn.ONE),
        (5, AgeColumn.FIVE),
        (9.99, AgeColumn.FIVE),
        (10, AgeColumn.TEN),
        (14.99, AgeColumn.TEN),
        (15, AgeColumn.FIFTEEN),
        (15.99, AgeColumn.FIFTEEN),
        (16, AgeColumn.ADULT),
        (90, AgeColumn.ADULT),
    ],
)
def test_age_picks_its_lund_browder_column(age: float, column: AgeColumn) -> None:
    assert age_column(age) == column


def test_negative_age_has_no_column() -> None:
    with pytest.raises(ValueError, match="not possible"):
        age_column(-1)


def _regions(age: float, *entries: tuple[str, float, float], method: str = "lund-browder"):
    return bsa.from_regions(
        bsa.RegionsInput(
            method=method,
            age_years=age,
            regions=[
                bsa.RegionEntry(region=r, detached_percent=d, erythema_percent=e)
                for r, d, e in entries
            ],
        )
    )


def test_issue_example_adult_head_and_trunk() -> None:
    # 2 % of a 7 % head + 50 % of a 13 % anterior trunk = 0.14 + 6.5 = 6.64 % BSA,
    # kept exact (not rounded to 6.6) so the class is decided on the value shown.
    result = _regions(30, ("head", 2, 0), ("anterior-trunk", 50, 0))
    assert result.detached_bsa_percent == 6.64
    assert result.classification == Category.SJS
    assert result.age_column == "adult"


def test_same_regions_in_an_infant_weigh_the_head_more() -> None:
    result = _regions(0.5, ("head", 100, 0))
    assert result.detached_bsa_percent == 19
    # 19 % is where spots decide, and the BSA page does not ask: both classes, no guess.
    assert result.classification is None
    assert result.classification_if_spots == Category.OVERLAP
    assert result.classification_if_no_spots == Category.TEN


def test_a_region_total_just_under_ten_is_sjs_and_reads_so() -> None:
    # 99.6 % of one adult hand (2.5 %) = 2.49; with 7.47 % elsewhere = 9.96 % in all.
    result = _regions(30, ("right-hand", 99.6, 0), ("anterior-trunk", 57.4615, 0))
    assert result.detached_bsa_percent < 10
    assert result.classification == Category.SJS
    assert chart_note(result, datetime(2026, 1, 1)).startswith("Detached BSA: 9.96 %")


def test_erythema_is_recorded_but_never_counted() -> None:
    result = _regions(30, ("posterior-trunk", 20, 80))
    assert result.detached_bsa_percent == 2.6
    assert result.erythema_bsa_percent == 10.4
    assert any("never counted" in n.text for n in result.notes)


def test_whole_body_detached_is_100_percent_ten() -> None:
    everything = [(region, 100.0, 0.0) for region in lund_browder(AgeColumn.ADULT)]
    result = _regions(40, *everything)
    assert result.detached_bsa_percent == 100
    assert result.classification == Category.TEN


def test_rule_of_nines_in_a_child_warns() -> None:
    result = _regions(6, ("head-neck", 100, 0), method="rule-of-nines")
    assert result.detached_bsa_percent == 9
    assert result.warnings[0].kind == MessageKind.POPULATION
    assert "Lund-Browder" in result.warnings[0].text
    assert not _regions(40, ("head-neck", 100, 0), method="rule-of-nines").warnings


def test_lund_browder_says_which_shares_were_checked() -> None:
    lund = _regions(30, ("neck", 50, 0))
    nines = _regions(30, ("right-leg", 50, 0), method="rule-of-nines")
    assert bsa.LUND_BROWDER_NOTE in lund.notes
    assert "not checked against the 1944 paper" in bsa.LUND_BROWDER_NOTE.text
    assert bsa.LUND_BROWDER_NOTE not in nines.notes


def test_rule_of_nines_without_age_warns() -> None:
    result = bsa.from_regions(
        bsa.RegionsInput(
            method="rule-of-nines",
            regions=[bsa.RegionEntry(region="right-leg", detached_percent=50)],
        )
    )
    assert "Age not given" in result.warnings[0].text


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"regions": [{"region": "head", "detached_percent": 5}]}, "Age: needed"),
        (
            {"age_years": 30, "regions": [{"region": "foot", "detached_percent": 5}]},
            "not on the Lund-Browder chart",
        ),
        (
            {
                "age_years": 30,
                "regions": [
                    {"region": "neck", "detached_percent": 5},
                    {"region": "neck", "detached_percent": 6},
                ],
            },
            "entered twice",
        ),
        (
            {
                "age_years": 30,
                "regions": [{"region": "neck", "detached_percent": 60, "erythema_percent": 50}],
            },
            "more than the whole region",
        ),
        ({"age_years": 30, "regions": [{"region": "neck", "detached_percent": 101}]}, "100"),
        (
            {"age_years": 30, "regions": [{"region": "neck", "erythema_percent": 30}]},
            r"Neck: erythema is entered but not how much of the region is detached; "
            r"enter the detached % \(0 if none of it is\)",
        ),
        ({"age_years": 30, "regions": [{"region": "neck"}]}, "detached_percent"),
        ({"age_years": 250, "regions": []}, "not possible"),
    ],
)
def test_bad_region_input_is_rejected_clearly(kwargs: dict, words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        bsa.RegionsInput(**kwargs)


@pytest.mark.parametrize(
    ("surface", "sex", "expected"),
    [
        ("hand", "male", 9.6),
        ("hand", "female", 8.4),
        ("palm", "male", 6.0),
        ("palm", "female", 4.8),
    ],
)
def test_palm_method_uses_rossiters_fractions(surface: str, sex: str, expected: float) -> None:
    result = bsa.from_palms(bsa.PalmInput(count=12, surface=surface, sex=sex))
    assert result.detached_bsa_percent == expected
    assert "rossiter1996" in result.citations


def test_palm_method_without_sex_gives_a_range_not_a_guess() -> None:
    result = bsa.from_palms(bsa.PalmInput(count=12))
    assert result.detached_bsa_percent is None
    assert result.detached_bsa_range == (8.4, 9.6)
    assert result.classification == Category.SJS
    assert result.classification_if_no_spots == Category.SJS
    assert result.warnings[0].kind == MessageKind.MISSING


def test_palm_range_across_a_boundary_has_no_classification() -> None:
    result = bsa.from_palms(bsa.PalmInput(count=13.5))  # 9.45 to 10.8 % BSA
    assert result.classification is None


def test_palm_method_in_a_child_warns() -> None:
    result = bsa.from_palms(bsa.PalmInput(count=5, sex="female", age_years=8))
    assert any(w.kind == MessageKind.POPULATION for w in result.warnings)


@pytest.mark.parametrize("kwargs", [{"count": -1}, {"count": 3, "age_years": 300}])
def test_bad_palm_input_is_rejected(kwargs: dict) -> None:
    with pytest.raises(ValidationError):
        bsa.PalmInput(**kwargs)


_region_names = list(lund_browder(AgeColumn.ADULT))


@given(
    st.floats(lim.AGE.hard_min, lim.AGE.hard_max),
    st.dictionaries(st.sampled_from(_region_names), st.floats(0, 100), min_size=1),
    st.sampled_from(_region_names),
    st.floats(0, 100),
)
def test_detached_area_stays_in_range_and_grows_with_any_region(
    age: float, regions: dict[str, float], grow: str, extra: float
) -> None:
    before = _regions(age, *[(r, p, 0) for r, p in regions.items()])
    regions[grow] = min(100.0, regions.get(grow, 0.0) + extra)
    after = _regions(age, *[(r, p, 0) for r, p in regions.items()])
    assert before.detached_bsa_percent is not None and after.detached_bsa_percent is not None
    assert 0 <= before.detached_bsa_percent <= after.detached_bsa_percent <= 100


@pytest.mark.parametrize(
    ("surface", "sex", "most"),
    [
        ("hand", "male", 125),  # 100 / 0.8
        ("hand", "female", 100 / 0.7),
        ("palm", "male", 200),  # 100 / 0.5
        ("palm", "female", 250),  # 100 / 0.4
        ("hand", None, 125),  # sex unknown: the larger hand bounds the count
        ("palm", None, 200),
    ],
)
def test_hand_areas_are_bounded_by_what_that_hand_allows(
    surface: str, sex: str | None, most: float
) -> None:
    whole = bsa.from_palms(bsa.PalmInput(count=most, surface=surface, sex=sex))
    top = whole.detached_bsa_percent or max(whole.detached_bsa_range or (0.0,))
    assert top == pytest.approx(100)
    with pytest.raises(ValidationError, match="whole body is") as caught:
        bsa.PalmInput(count=most + 0.01, surface=surface, sex=sex)
    assert field_errors(caught.value)[0][0] == "count"


def test_the_issue_example_250_male_hands_is_refused_naming_the_limit() -> None:
    with pytest.raises(ValidationError, match="enter 0 to 125"):
        bsa.PalmInput(count=250, sex="male")


def _any_bsa(result: bsa.BsaResult) -> list[float]:
    return [result.detached_bsa_percent or 0.0, *(result.detached_bsa_range or ())]


@given(
    st.floats(-10, 400) | st.just(float("nan")),
    st.sampled_from(list(bsa.HandSurface)),
    st.sampled_from([None, *bsa.Sex]),
)
def test_no_hand_count_yields_more_than_the_whole_body(
    count: float, surface: bsa.HandSurface, sex: bsa.Sex | None
) -> None:
    try:
        result = bsa.from_palms(bsa.PalmInput(count=count, surface=surface, sex=sex))
    except ValidationError:
        return
    assert all(0 <= v <= 100 for v in _any_bsa(result))


@given(
    st.sampled_from(list(bsa.Method)),
    st.floats(lim.AGE.hard_min, lim.AGE.hard_max),
    st.dictionaries(
        st.sampled_from(sorted({*_region_names, *RULE_OF_NINES})),
        st.floats(-5, 120) | st.just(float("nan")),
        min_size=1,
    ),
)
def test_no_region_assessment_yields_more_than_the_whole_body(
    method: bsa.Method, age: float, regions: dict[str, float]
) -> None:
    try:
        result = _regions(age, *[(r, p, 0) for r, p in regions.items()], method=method.value)
    except ValidationError:
        return
    assert all(0 <= v <= 100 for v in _any_bsa(result))


def test_a_bad_method_or_hand_is_reported_once_by_its_own_field() -> None:
    with pytest.raises(ValidationError) as caught:
        bsa.RegionsInput(
            method="by eye", age_years=30, regions=[{"region": "head", "detached_percent": 5}]
        )
    assert [f for f, _ in field_errors(caught.value)] == ["method"]
    with pytest.raises(ValidationError) as caught:
        bsa.PalmInput(surface="foot", count=3)
    assert [f for f, _ in field_errors(caught.value)] == ["surface"]


# The chart's halves, as published: A = front or back of the head, B = of one
# thigh, C = of one lower leg, by age column 0, 1, 5, 10, 15, adult (Lund 1944
# chart as reproduced at academy2.activheal.com, topic five; see research notes).
_HALVES = {
    "head": (9.5, 8.5, 6.5, 5.5, 4.5, 3.5),
    "right-thigh": (2.75, 3.25, 4, 4.25, 4.5, 4.75),
    "left-lower-leg": (2.5, 2.5, 2.75, 3, 3.25, 3.5),
}


@pytest.mark.parametrize("region", list(_HALVES))
def test_a_figure_shows_the_published_half_of_head_thigh_and_leg(region: str) -> None:
    for column, half in zip(AgeColumn, _HALVES[region], strict=True):
        assert views_of(region) == (View.FRONT, View.BACK)
        assert view_share(column, region) == half


def test_every_region_is_drawn_and_each_column_adds_up_over_the_figures() -> None:
    for column in AgeColumn:
        parts = [
            view_share(column, region) for region in lund_browder(column) for _ in views_of(region)
        ]
        assert sum(parts) == pytest.approx(100)
    assert views_of("anterior-trunk") == (View.FRONT,)
    assert views_of("genitalia") == (View.FRONT,)
    assert views_of("right-buttock") == (View.BACK,)


def test_region_percent_averages_its_figures_and_spreads_back_evenly() -> None:
    assert region_percent("head", {View.FRONT: 100}) == 50
    assert region_percent("head", {View.FRONT: 50, View.BACK: 100}) == 75
    assert region_percent("posterior-trunk", {View.BACK: 25}) == 25
    assert view_percents("head", 30) == {View.FRONT: 30, View.BACK: 30}
    assert view_percents("genitalia", 30) == {View.FRONT: 30}


def test_regions_are_listed_head_to_foot() -> None:
    order = list(lund_browder(AgeColumn.ADULT))
    assert order[0] == "head"
    assert order.index("right-thigh") < order.index("right-lower-leg") < order.index("right-foot")
    assert order[-2:] == ["right-foot", "left-foot"]
    nines = list(RULE_OF_NINES)
    assert nines.index("perineum") < nines.index("right-leg")
