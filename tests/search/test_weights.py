"""The stored bm25 weights give FTS5's own bm25() numbers, row for row (real SQLite)."""

from __future__ import annotations

import sqlite3

import pytest

from sjsref.search.index import SearchIndex, fill_docs
from sjsref.search.query import Phrase, synonym_phrases
from sjsref.search.weights import BM25_SQL, STORED_PREFIX, Weights, write_weights


@pytest.fixture(scope="module")
def weighed(real_index: SearchIndex) -> tuple[sqlite3.Connection, Weights, list[str]]:
    """The real library's documents indexed and weighed, and its words."""
    db = sqlite3.connect(":memory:")
    fill_docs(db, real_index.documents)
    write_weights(db, synonym_phrases(real_index.synonyms))
    words = [term for (term,) in db.execute("SELECT term FROM weights ORDER BY term")]
    return db, Weights(db), words


def _bm25(db: sqlite3.Connection, phrase: Phrase) -> dict[int, float]:
    return dict(db.execute(BM25_SQL, (phrase.fts(),)).fetchall())


def _phrases(words: list[str]) -> list[Phrase]:
    every_tenth = words[::10]
    prefixes = {w[:size] for w in every_tenth for size in range(1, STORED_PREFIX + 3)}
    return [
        *(Phrase((w,)) for w in every_tenth),
        *(Phrase((p,), prefix=True) for p in sorted(prefixes)),
        # Stored synonym phrases, and phrases nobody stored.
        Phrase(("toxic", "epidermal", "necrolysis")),
        Phrase(("stevens", "johnson"), prefix=True),
        Phrase(("burn", "unit")),
        Phrase(("sjs", "t"), prefix=True),
        Phrase(("qqqzzx",)),
    ]


def test_every_phrase_scores_as_bm25_does(weighed):
    db, weights, words = weighed
    for phrase in _phrases(words):
        assert weights.scores(phrase) == _bm25(db, phrase), phrase


def test_the_best_rows_of_a_stored_phrase_come_first(weighed):
    db, weights, words = weighed
    for phrase in [Phrase((w,)) for w in words[::25]] + [Phrase(("s",), prefix=True)]:
        want = sorted(_bm25(db, phrase).items(), key=lambda pair: (-pair[1], pair[0]))
        assert weights.best(phrase, 5) == want[:5], phrase


def test_the_synonym_phrases_are_stored(weighed, real_index: SearchIndex):
    db, _, _ = weighed
    (stored,) = db.execute("SELECT count(*) FROM phrase_weights").fetchone()
    wanted = {p.fts() for p in synonym_phrases(real_index.synonyms)}
    assert stored == len(wanted) > 50
