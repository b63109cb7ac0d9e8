"""The FTS5 engine on a small synthetic document set (real SQLite)."""

from __future__ import annotations

import pytest

from sjsref.search.index import (
    DIRECT_SNIPPET_DOCS,
    KINDS,
    Document,
    Hit,
    SearchIndex,
)
from sjsref.search.ranking import MAX_ROWS_PER_TABLE


def targets(index: SearchIndex, query: str) -> list[str]:
    return [hit.target for hit in index.search(query)]


def test_prefix_finds_from_the_first_letters(small_index: SearchIndex) -> None:
    assert targets(small_index, "sco")[0] == "calc:scorten"
    assert targets(small_index, "scor")[0] == "calc:scorten"


def test_title_outranks_body(small_index: SearchIndex) -> None:
    # "Ciclosporin" is the section's title; the other documents only mention it.
    assert targets(small_index, "ciclosporin")[0] == "article:immunomodulation#ciclosporin"


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("scroten", "calc:scorten"),
        ("scrotne", "calc:scorten"),
        ("carbamazapine", "article:pharmacogenomics#hla-b-15-02"),
        ("ciclosprin", "article:immunomodulation#ciclosporin"),
    ],
)
def test_typos_are_corrected(small_index: SearchIndex, query: str, target: str) -> None:
    assert target in targets(small_index, query)[:2]


def test_correction_is_reported(small_index: SearchIndex) -> None:
    compiled = small_index.compile("scroten")
    assert compiled is not None
    assert compiled.corrections == {"scroten": ["scorten"]}


@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("Lyell", "calc:scorten"),
        ("BUN", "calc:scorten"),
        ("Tegretol", "article:pharmacogenomics#hla-b-15-02"),
        ("cyclosporine", "article:immunomodulation#ciclosporin"),
        ("Neoral", "article:immunomodulation#ciclosporin"),
        ("hemoglobin", "article:first-24-hours#labs"),
    ],
)
def test_synonyms_find_what_is_meant(small_index: SearchIndex, query: str, target: str) -> None:
    assert target in targets(small_index, query)


def test_bun_and_urea_find_each_other_with_the_criterion_first(small_index: SearchIndex) -> None:
    assert targets(small_index, "BUN")[0] == "calc:scorten"
    assert targets(small_index, "urea")[0] == "calc:scorten"
    assert "article:first-24-hours#labs" in targets(small_index, "BUN")


@pytest.mark.parametrize("query", ["HLA-B*15:02", "hla-b*1502", "B*15:02", "B1502", "b 15 02"])
def test_allele_spellings_find_the_same_section(small_index: SearchIndex, query: str) -> None:
    found = targets(small_index, query)
    assert "article:pharmacogenomics#hla-b-15-02" in found[:2]
    # B*58:01 shares the words "hla" and "b" but not the allele.
    assert "article:pharmacogenomics#table" not in found


def test_allele_in_text_is_indexed_in_canonical_form(small_index: SearchIndex) -> None:
    # The section body writes "B*1502"; the snippet shows the canonical name.
    hit = next(h for h in small_index.search("b1502") if h.kind == "section")
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["HLA-B*15:02"]


def test_stopwords_are_dropped_from_questions(small_index: SearchIndex) -> None:
    assert targets(small_index, "when to transfer")[0] == "article:first-24-hours#transfer"
    assert targets(small_index, "how to transfer")[0] == "article:first-24-hours#transfer"


def test_all_words_must_match_before_any_word_does(small_index: SearchIndex) -> None:
    hits = small_index.search("eye care")
    assert hits[0].target == "article:mucosa#eyes"
    # "ocular care" has no document with both words; the loose query fills in.
    assert targets(small_index, "ocular surgery")[0] == "article:mucosa#eyes"


def test_hits_carry_kind_title_snippet_target(small_index: SearchIndex) -> None:
    hit = small_index.search("bicarbonate")[0]
    assert isinstance(hit, Hit)
    assert hit.rank == 1
    assert hit.kind in KINDS
    assert hit.title == "Laboratory tests"
    assert hit.target == "article:first-24-hours#labs"
    assert hit.context == "First 24 hours"
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["bicarbonate"]
    assert hit.snippet_html().count("<b>bicarbonate</b>") == 1
    assert hit.as_dict()["target"] == hit.target


def test_snippet_html_escapes_text() -> None:
    hit = Hit(1, "section", "T", "a < b & c", ((4, 5),), "article:x", "", 1.0)
    assert hit.snippet_html() == "a &lt; <b>b</b> &amp; c"


def test_ranks_are_consecutive_and_scores_descend(small_index: SearchIndex) -> None:
    hits = small_index.search("TEN")
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_limit(small_index: SearchIndex) -> None:
    assert len(small_index.search("a", limit=2)) <= 2
    assert small_index.search("scorten", limit=0).hits == ()


def test_nothing_found_is_an_empty_list(small_index: SearchIndex) -> None:
    assert small_index.search("zebrafish").hits == ()
    assert small_index.search("   ").hits == ()


def test_empty_index() -> None:
    assert SearchIndex([]).search("scorten").hits == ()


def test_rows_of_one_table_are_capped() -> None:
    rows = [Document("row", f"Drug {i}", "carbamazepine row", "article:a#table") for i in range(6)]
    section = Document("section", "Carbamazepine", "text", "article:a#carbamazepine")
    hits = SearchIndex([*rows, section]).search("carbamazepine")
    assert sum(h.kind == "row" for h in hits) == MAX_ROWS_PER_TABLE
    assert "article:a#carbamazepine" in [h.target for h in hits]


def test_documents_keep_their_order(small_index: SearchIndex) -> None:
    assert len(small_index) == len(small_index.documents)
    assert small_index.documents[0].target == "calc:scorten"


def test_a_finished_question_drops_its_stopwords(small_index: SearchIndex) -> None:
    compiled = small_index.compile("when to transfer ")
    assert compiled is not None
    assert compiled.strict == '("transfer" *)'


def test_a_one_letter_word_just_begun_is_ignored(small_index: SearchIndex) -> None:
    assert small_index.compile("eye c") == small_index.compile("eye ")
    assert targets(small_index, "eye c")[0] == "article:mucosa#eyes"


def test_a_half_typed_brand_finds_its_generic(small_index: SearchIndex) -> None:
    assert "article:pharmacogenomics#hla-b-15-02" in targets(small_index, "tegre")


def test_a_half_typed_allele(small_index: SearchIndex) -> None:
    assert targets(small_index, "hla-b*15:0")[0] == "article:pharmacogenomics#hla-b-15-02"


def test_every_match_is_ranked_in_a_big_index() -> None:
    # More matches than bm25() once ranked (the first 1000, and title
    # matches): the document titled with the query still comes first, and
    # the body saying the word most often comes next, though it is last.
    filler = [
        Document("section", f"Note {i}", "urea urea urea measured", f"article:n#{i}")
        for i in range(1200)
    ]
    target = Document("calculator", "Urea", "serum urea criterion", "calc:scorten")
    last = Document("section", "Note", "urea urea urea urea urea urea", "article:n#last")
    index = SearchIndex([*filler, target, last])
    assert [hit.target for hit in index.search("urea")[:2]] == ["calc:scorten", "article:n#last"]
    assert len(index.search("urea", limit=50)) == 50


def test_snippets_in_a_big_index_come_from_the_scratch_table() -> None:
    filler = [
        Document("section", f"Note {i}", f"unrelated text number {i}", f"article:n#{i}")
        for i in range(DIRECT_SNIPPET_DOCS + 10)
    ]
    target = Document("section", "Mouth", "Daily oral care with a soft brush.", "article:m#m")
    hit = SearchIndex([*filler, target]).search("oral care")[0]
    assert hit.target == "article:m#m"
    assert [hit.snippet[a:b] for a, b in hit.spans] == ["oral", "care"]


def test_a_half_typed_phrase_finds_its_synonyms(small_index: SearchIndex) -> None:
    # "toxic epid" can only become "toxic epidermal necrolysis" = TEN.
    assert "calc:scorten" in targets(small_index, "toxic epid")


def test_words_run_together_are_split(small_index: SearchIndex) -> None:
    # "burncentre" is "burn centre" written as one word.
    assert targets(small_index, "burncentre")[0] == "article:first-24-hours#transfer"
