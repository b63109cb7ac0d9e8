"""Edit distance and the vocabulary's typo correction."""

from __future__ import annotations

import pytest

from sjsref.search.spelling import Vocabulary, max_edits, osa_distance

VOCABULARY = Vocabulary(
    {
        "scorten": 5,
        "score": 9,
        "carbamazepine": 7,
        "oxcarbazepine": 3,
        "lamotrigine": 4,
        "allopurinol": 6,
        "ciclosporin": 2,
        "urea": 3,
        "ten": 20,
    }
)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("scroten", "scorten", 1),  # neighbours swapped
        ("carbamazapine", "carbamazepine", 1),
        ("lamotrigin", "lamotrigine", 1),
        ("kitten", "sitting", 3),
        ("same", "same", 0),
        ("", "abc", 3),
    ],
)
def test_osa_distance(a: str, b: str, distance: int) -> None:
    assert osa_distance(a, b, limit=5) == distance


def test_osa_distance_stops_past_the_limit() -> None:
    assert osa_distance("allopurinol", "scorten", limit=2) == 3


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("scroten", "scorten"),
        ("carbamazapine", "carbamazepine"),
        ("lamotrigin", "lamotrigine"),
        ("alopurinol", "allopurinol"),
        ("cyclosporin", "ciclosporin"),
    ],
)
def test_whole_word_typos_are_corrected(typed: str, expected: str) -> None:
    assert VOCABULARY.correct(typed)[0] == expected


def test_a_word_being_typed_is_compared_with_word_starts() -> None:
    assert VOCABULARY.correct("scrot", prefix=True) == ["scorten"]
    assert VOCABULARY.correct("carbamaz", prefix=True)[0] == "carbamazepine"


def test_short_words_are_never_corrected() -> None:
    assert max_edits(3) == 0
    assert VOCABULARY.correct("tne") == []


def test_far_words_are_not_corrected() -> None:
    assert VOCABULARY.correct("zebrafish") == []


def test_prefix_lookup() -> None:
    assert VOCABULARY.has_prefix("carb")
    assert not VOCABULARY.has_prefix("carz")
    assert "urea" in VOCABULARY
    assert len(VOCABULARY) == 9


def test_corrections_are_remembered_and_copied() -> None:
    vocabulary = Vocabulary({"scorten": 1})
    first = vocabulary.correct("scroten")
    first.append("mutated")
    assert vocabulary.correct("scroten") == ["scorten"]


def test_split_finds_two_words_run_together() -> None:
    vocabulary = Vocabulary({"re": 1, "exposure": 1, "follow": 1, "up": 1})
    assert vocabulary.split("reexposure") == ("re", "exposure")
    assert vocabulary.split("followup") == ("follow", "up")
    assert vocabulary.split("reexpo", prefix=True) == ("re", "expo")
    assert vocabulary.split("reexpo") is None
