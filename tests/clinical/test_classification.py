"""Bastuji-Garin 1993 classification: every boundary, with and without spots."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from sjsref.clinical.classification import Category, ClassifyInput, classify, shown_bsa
from sjsref.clinical.plausibility import PERCENT_BSA
from sjsref.clinical.results import MessageKind

CASES = [
    (0, True, Category.SJS),
    (9.99, True, Category.SJS),
    (10, True, Category.OVERLAP),  # "between 10 and 30 %": 10 is overlap
    (10.01, True, Category.OVERLAP),
    (29.99, True, Category.OVERLAP),
    (30, True, Category.OVERLAP),  # TEN needs "above 30 %"
    (30.01, True, Category.TEN),
    (100, True, Category.TEN),
    (9.99, False, Category.SJS),
    (10, False, Category.OVERLAP),  # TEN without spots needs "above 10 %"
    (10.01, False, Category.TEN),
    (22, False, Category.TEN),
]


@pytest.mark.parametrize(("bsa", "spots", "expected"), CASES)
def test_classification_at_every_boundary(bsa: float, spots: bool, expected: Category) -> None:
    result = classify(ClassifyInput(detached_bsa_percent=bsa, spots=spots))
    assert result.classification == expected
    assert result.citations[0] == "bastujigarin1993"


@pytest.mark.parametrize("bsa", [10, 30])
def test_exact_boundaries_are_explained(bsa: float) -> None:
    warnings = classify(ClassifyInput(detached_bsa_percent=bsa, spots=True)).warnings
    assert any(w.kind == MessageKind.BOUNDARY and "overlap" in w.text for w in warnings)


def test_exactly_30_names_the_later_sources_that_count_it_as_ten() -> None:
    at = classify(ClassifyInput(detached_bsa_percent=30, spots=True))
    assert at.classification == Category.OVERLAP
    other = [w for w in at.warnings if "ingenhouszoro2018" in w.citations]
    assert other and "this is TEN" in other[0].text
    for bsa in (29.99, 30.01):
        result = classify(ClassifyInput(detached_bsa_percent=bsa, spots=True))
        assert not [w for w in result.warnings if "ingenhouszoro2018" in w.citations]


def test_overlap_with_spots_says_what_it_would_be_without() -> None:
    notes = classify(ClassifyInput(detached_bsa_percent=22, spots=True)).notes
    assert any("without spots, this is TEN" in n.text for n in notes)


def test_sjs_reminds_that_erythema_multiforme_is_not_assessed() -> None:
    notes = classify(ClassifyInput(detached_bsa_percent=5, spots=None)).notes
    assert any("erythema multiforme" in n.text for n in notes)
    assert any("erythema alone is not counted" in n.text for n in notes)


@pytest.mark.parametrize("bsa", [-1, 100.5])
def test_impossible_bsa_is_rejected(bsa: float) -> None:
    with pytest.raises(ValidationError, match="not possible"):
        ClassifyInput(detached_bsa_percent=bsa, spots=True)


_ORDER = [Category.SJS, Category.OVERLAP, Category.TEN]
_AREA = st.floats(PERCENT_BSA.hard_min, PERCENT_BSA.hard_max)


@given(_AREA, _AREA, st.booleans())
def test_more_detachment_never_gives_a_milder_category(a: float, b: float, spots: bool) -> None:
    lo, hi = sorted((a, b))
    first = classify(ClassifyInput(detached_bsa_percent=lo, spots=spots)).classification
    second = classify(ClassifyInput(detached_bsa_percent=hi, spots=spots)).classification
    assert _ORDER.index(second) >= _ORDER.index(first)


def test_spots_have_no_default() -> None:
    with pytest.raises(ValidationError, match="spots"):
        ClassifyInput(detached_bsa_percent=15)  # type: ignore[call-arg]


@pytest.mark.parametrize("bsa", [10.01, 15, 22, 30])
def test_unanswered_spots_where_they_decide_give_both_classes(bsa: float) -> None:
    result = classify(ClassifyInput(detached_bsa_percent=bsa, spots=None))
    assert result.classification is None and not result.complete
    assert result.classification_if_spots == Category.OVERLAP
    assert result.classification_if_no_spots == Category.TEN
    assert "Spots decide" in result.rule
    assert result.warnings[0].kind == MessageKind.MISSING


@pytest.mark.parametrize(
    ("bsa", "expected"),
    [(0, Category.SJS), (9.96, Category.SJS), (10, Category.OVERLAP), (30.01, Category.TEN)],
)
def test_unanswered_spots_where_they_do_not_decide_classify(bsa: float, expected: Category) -> None:
    result = classify(ClassifyInput(detached_bsa_percent=bsa, spots=None))
    assert result.classification == expected
    assert result.classification_if_spots == result.classification_if_no_spots == expected
    assert not [w for w in result.warnings if w.kind == MessageKind.MISSING]


@pytest.mark.parametrize(("bsa", "shown"), [(9.96, "9.96 %"), (10, "10 %"), (30.004, "30.004 %")])
def test_a_detachment_is_printed_on_the_side_of_the_cut_off_it_was_classified(
    bsa: float, shown: str
) -> None:
    assert shown_bsa(bsa) == shown


@given(_AREA, st.booleans() | st.none())
def test_the_answer_on_spots_only_ever_picks_one_of_the_two_classes(
    bsa: float, spots: bool | None
) -> None:
    result = classify(ClassifyInput(detached_bsa_percent=bsa, spots=spots))
    if spots is not None:
        expected = result.classification_if_spots if spots else result.classification_if_no_spots
        assert result.classification == expected
    else:
        both = {result.classification_if_spots, result.classification_if_no_spots}
        assert result.classification == (both.pop() if len(both) == 1 else None)
