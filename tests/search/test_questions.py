"""Questions typed as sentences (issue 15): coverage ranking, dropped words,
common words, stems, and the result that says what was searched."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sjsref.search.index import DIRECT_SNIPPET_DOCS, UBIQUITOUS_SHARE, SearchIndex
from sjsref.search.query import light_stem
from sjsref.search.results import Document, Hit, SearchResult
from sjsref.search.synonyms import Synonyms
from sjsref.search.text import words

STOPWORDS = ["what", "is", "the", "how", "to", "a", "of", "patient"]

# Three documents holding one, two and three of "glucose insulin pump"; the
# one with a single word has it in its title, so bm25 alone would rank it first.
# The others make every word rare enough to count (see UBIQUITOUS_SHARE).
COVERAGE = [
    Document("section", "Glucose", "Glucose, glucose and glucose again.", "article:g#one"),
    Document("section", "Diabetes care", "Glucose and insulin at the bedside.", "article:g#two"),
    Document("section", "Devices", "An insulin pump set to glucose targets.", "article:g#three"),
    *(
        Document("section", f"Other {i}", "Nothing about that here.", f"article:g#none{i}")
        for i in range(7)
    ),
]


@pytest.fixture(scope="module")
def coverage_index() -> SearchIndex:
    return SearchIndex(COVERAGE, Synonyms.from_groups([], stopwords=STOPWORDS))


def targets(result: SearchResult) -> list[str]:
    return [hit.target for hit in result]


def test_more_words_held_rank_first_then_bm25(coverage_index: SearchIndex) -> None:
    found = targets(coverage_index.search("glucose insulin pump"))
    assert found == ["article:g#three", "article:g#two", "article:g#one"]


def test_scores_still_descend_under_coverage_ranking(coverage_index: SearchIndex) -> None:
    scores = [hit.score for hit in coverage_index.search("glucose insulin pump")]
    assert scores == sorted(scores, reverse=True)


def test_a_word_matching_nothing_is_dropped_and_named(coverage_index: SearchIndex) -> None:
    result = coverage_index.search("what is the insulin qqqzzx dose")
    assert targets(result)[:2] == ["article:g#two", "article:g#three"]
    assert result.dropped == ("qqqzzx", "dose")
    assert result.searched == "what is the insulin"


def test_nothing_dropped_or_corrected_means_no_searched_line(coverage_index: SearchIndex) -> None:
    result = coverage_index.search("insulin pump")
    assert (result.dropped, result.corrections, result.searched) == ((), {}, "")


def test_question_words_alone_still_search(coverage_index: SearchIndex) -> None:
    # Only "the" matches anything: better its hits than nothing.
    result = coverage_index.search("the qqqzzx")
    assert "article:g#two" in targets(result)
    assert result.dropped == ("qqqzzx",)


def test_no_hit_at_all_drops_nothing(coverage_index: SearchIndex) -> None:
    result = coverage_index.search("qqqzzx wwwvvy")
    assert (result.hits, result.dropped) == ((), ())


def test_a_question_word_typed_last_need_not_match(coverage_index: SearchIndex) -> None:
    compiled = coverage_index.compile("insulin pump patient")
    assert compiled is not None
    assert [u.text for u in compiled.content] == ["insulin", "pump"]
    assert targets(coverage_index.search("insulin pump patient"))[0] == "article:g#three"


def test_corrections_come_with_the_hits(small_index: SearchIndex) -> None:
    result = small_index.search("scroten")
    assert result.corrections == {"scroten": ("scorten",)}
    assert result.searched == "scorten"
    assert result[0].target == "calc:scorten"


def test_the_result_is_a_sequence_of_hits(small_index: SearchIndex) -> None:
    result = small_index.search("urea")
    assert len(result) == len(result.hits) > 1
    assert result[0] is result.hits[0]
    assert result[:2] == result.hits[:2]
    assert list(result) == list(result.hits)
    assert all(isinstance(hit, Hit) for hit in result)
    payload = result.as_dict()
    assert payload["hits"] == [hit.as_dict() for hit in result.hits]
    assert payload["corrections"] == {} and payload["dropped"] == []


def test_a_word_in_most_documents_is_not_required() -> None:
    # "ten" is in four of ten documents: a page on the mechanism need not
    # repeat it, but one that does ranks higher, and pages holding only "ten"
    # come after both.
    documents = [
        Document("section", "A", "Mechanism of keratinocyte death.", "article:p#a"),
        Document("section", "B", "Mechanism of TEN death.", "article:p#b"),
        *(Document("section", f"T{i}", f"TEN note {i}.", f"article:p#t{i}") for i in range(3)),
        *(Document("section", f"O{i}", f"Other text {i}.", f"article:p#o{i}") for i in range(5)),
    ]
    assert 3 / 10 < UBIQUITOUS_SHARE < 4 / 10
    index = SearchIndex(documents)
    compiled = index.compile("mechanism TEN")
    assert compiled is not None and [u.text for u in compiled.content] == ["mechanism", "ten"]
    found = targets(index.search("mechanism TEN"))
    assert found[:2] == ["article:p#b", "article:p#a"]
    assert set(found[2:]) == {"article:p#t0", "article:p#t1", "article:p#t2"}
    # Found in three of ten, "note" is not common: every word is required.
    assert targets(index.search("note TEN"))[:3] == [f"article:p#t{i}" for i in range(3)]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("treated", "treat"),
        ("starting", "start"),
        ("stopped", "stop"),
        ("called", "call"),
        ("dressed", "dress"),
        ("detachment", "detach"),
        ("involvements", "involve"),
        ("therapies", "therap"),
        ("drugs", "drug"),
        ("used", "used"),
        ("bleed", "bleed"),
        ("being", "being"),
    ],
)
def test_light_stem(word: str, stem: str) -> None:
    assert light_stem(word) == stem


def test_inflections_find_each_other() -> None:
    documents = [
        Document("section", "Where to treat", "Burn unit or ICU.", "article:f#where"),
        Document("section", "Detached skin", "Count the detached area.", "article:c#skin"),
    ]
    index = SearchIndex(documents)
    assert targets(index.search("treated "))[0] == "article:f#where"
    assert targets(index.search("treated"))[0] == "article:f#where"
    assert targets(index.search("detachment area"))[0] == "article:c#skin"


def test_coverage_in_an_index_too_big_to_count_every_match() -> None:
    # Past DIRECT_SNIPPET_DOCS the coverage stage works on a scratch table.
    filler = [
        Document("section", f"Note {i}", f"reading number {i}", f"article:n#{i}")
        for i in range(DIRECT_SNIPPET_DOCS + 10)
    ]
    index = SearchIndex([*filler, *COVERAGE])
    result = index.search("glucose insulin pump")
    assert targets(result)[:3] == ["article:g#three", "article:g#two", "article:g#one"]
    assert [result[0].snippet[a:b].lower() for a, b in result[0].spans] == [
        "insulin",
        "pump",
        "glucose",
    ]
    # "reading" is in nearly every document: not counted, but not required.
    result = index.search("insulin reading")
    assert targets(result)[:2] == ["article:g#two", "article:g#three"]
    result = index.search("insulin pump qqqzzx")
    assert targets(result)[0] == "article:g#three"
    assert result.dropped == ("qqqzzx",)


VOCABULARY = sorted({w for d in COVERAGE for w in words(f"{d.title} {d.body}")})


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    known=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3),
    junk=st.lists(st.text("qxzj", min_size=5, max_size=8), max_size=3),
    order=st.randoms(use_true_random=False),
)
def test_never_empty_when_some_word_matches(
    coverage_index: SearchIndex, known: list[str], junk: list[str], order: object
) -> None:
    typed = [*known, *junk]
    order.shuffle(typed)  # type: ignore[attr-defined]
    result = coverage_index.search(" ".join(typed) + " ")
    assert len(result) > 0
    assert set(result.dropped) <= set(junk)


def test_a_word_the_library_has_in_longer_forms_is_not_corrected() -> None:
    documents = [
        Document("section", "Units", "The calculator converts urea to mmol/L.", "article:s#units"),
        Document("section", "Calibration", "SCORTEN over-estimated deaths.", "article:s#cal"),
    ]
    index = SearchIndex(documents)
    result = index.search("convert urea ")
    assert (result.corrections, result.searched) == ({}, "")
    assert targets(result)[0] == "article:s#units"
    # Written whole in the question, hyphenated in the text.
    assert targets(index.search("overestimate deaths"))[0] == "article:s#cal"
