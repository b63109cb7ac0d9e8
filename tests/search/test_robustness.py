"""Any string a user can type is answered with hits or nothing, never an error."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sjsref.search.index import Hit, SearchIndex, SearchResult

NASTY = [
    "",
    " ",
    '"',
    '""',
    "'",
    "*",
    "**",
    "sco*",
    "^scorten",
    "NEAR(ten sjs, 2)",
    "NEAR",
    "ten AND",
    "AND OR NOT",
    "NOT ten",
    "(((",
    "ten)",
    "title:ten",
    "{title body}: ten",
    "-ten",
    "+ten",
    "ten OR sjs",
    "'; DROP TABLE docs; --",
    '" OR 1=1 --',
    "x" * 10_000,
    "ten " * 2_500,
    "🙂",
    "TEN 🙂 urea",
    "\x00",
    "\x02urea\x03",
    "ß ǅ ﬁ İ",
    "²½Ⅻ",
    "中毒性表皮壊死症",
    "Лайелла",
    "HLA-B*",
    "HLA-B*15:",
    "b*:",
    "*15:02",
    "10.1001/archderm.1993",
    "a_b__c",
    "\u200b\u200d",
    "e\u0301",
]

# Text weighted towards what breaks query languages and tokenizers.
QUERIES = st.one_of(
    st.text(max_size=60),
    st.text(
        alphabet=st.sampled_from(list("\"*()^:{}+-_ '/\\.;,NEARORANDNOThlab0123456789")),
        max_size=40,
    ),
    st.lists(
        st.sampled_from(
            [
                "NEAR",
                "AND",
                "OR",
                "NOT",
                '"',
                "(",
                ")",
                "*",
                "^",
                "ten",
                "hla-b*15:02",
                "sco",
                "🙂",
                ":",
            ]
        ),
        max_size=12,
    ).map(" ".join),
)


def _fts_accepts(index: SearchIndex, query: str) -> None:
    """Run the compiled expressions on a fresh FTS5 table, where errors surface."""
    compiled = index.compile(query)
    if compiled is None:
        return
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize = 'unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t VALUES ('toxic epidermal necrolysis')")
    for expression in (compiled.strict, compiled.loose):
        if expression:
            db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()


@pytest.mark.parametrize("query", NASTY)
def test_nasty_strings(small_index: SearchIndex, query: str) -> None:
    _fts_accepts(small_index, query)
    result = small_index.search(query)
    assert isinstance(result, SearchResult)
    assert all(isinstance(h, Hit) for h in result.hits)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=QUERIES)
def test_any_string(small_index: SearchIndex, query: str) -> None:
    _fts_accepts(small_index, query)
    hits = small_index.search(query, limit=5)
    assert len(hits) <= 5
    for hit in hits:
        assert all(0 <= a < b <= len(hit.snippet) for a, b in hit.spans)


def test_a_long_paste_is_cut_but_still_searched(small_index: SearchIndex) -> None:
    assert small_index.search("scorten " + "x" * 10_000)[0].target == "calc:scorten"
