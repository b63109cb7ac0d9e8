"""bm25 from weights computed when the index is built, not by FTS5 for every row.

FTS5's ``bm25()`` is a sum over the query's phrases of a score that depends on
one phrase and one document only (https://sqlite.org/fts5.html#the_bm25_function;
``fts5Bm25Function`` in SQLite's ``fts5_aux.c``)::

    s(p, D) = idf(p) * f(p, D) * (k1 + 1) / (f(p, D) + k1 * (1 - b + b * |D| / avgdl))

where ``f`` counts the phrase in ``D``, each column by its weight, ``|D|`` is the
document's length in tokens, and ``idf(p) = ln((N - n + 0.5) / (n + 0.5))``
(at least 1e-6) with ``n`` the documents holding ``p``. Computed per row, with
one scan of the index per phrase for ``n``, that cost 20-60 ms for a common
word in a library 100 times ours. So :func:`write_weights` computes ``s`` for
every indexed word and document once, when the index is built, and a query
adds stored numbers: the same numbers ``bm25()`` gives, for every matching row
(no cap on the rows ranked).

A prefix ("steroid*") is one phrase to bm25: its ``f`` is the sum of the
words it expands to, its ``n`` the documents holding any. Prefixes of up to
three letters, which expand to thousands of words, are stored whole; longer
ones are summed from the words' ``f`` when asked. A phrase of several words
needs positions: the synonyms' are stored (scored by FTS5 when the index is
built), any other is found by FTS5 and scored by ``bm25()`` alone, which is
``s`` too.

The tables are computed from ``fts5vocab``'s list of every token, so they
tokenise as the index does; tests/search/test_weights.py checks the numbers
against ``bm25()`` itself.
"""

from __future__ import annotations

import math
import sqlite3
import sys
from array import array
from collections.abc import Callable, Iterable, Mapping
from typing import Generic, TypeVar

from sjsref.search.query import Phrase

# bm25 column weights: title, keywords, body, context. A word in a title or in
# the keywords an author chose says far more about a document than the same
# word in its prose; the context (the parent article's title) only breaks ties.
# These weights and the boosts in ranking.py were tuned by hand on the judged
# queries (tests/search/judged_queries.toml); change them only with that test
# green (and rebuild the pack: they are baked into it).
COLUMN_WEIGHTS = (10.0, 6.0, 1.0, 0.5)
COLUMNS = ("title", "keywords", "body", "context")
# Rows holding one phrase, with the (positive) bm25 FTS5 gives it: for
# phrases of several words, which need positions.
BM25_SQL = (
    f"SELECT rowid, -bm25(docs, {', '.join(map(str, COLUMN_WEIGHTS))}) FROM docs WHERE docs MATCH ?"
)
# FTS5's bm25 constants (fts5_aux.c).
K1 = 1.2
B = 0.75
MIN_IDF = 1e-6
# Prefixes up to this many letters are stored whole (see the module docstring):
# at 100 times our library, summing a three-letter prefix's words ("rel*")
# took up to 20 ms a keystroke; storing them made the pack 0.25 MB bigger.
STORED_PREFIX = 3
# Bumped whenever the tables below change shape or meaning: a pack of another
# version is rebuilt, never read.
WEIGHTS_FORMAT = "1"

WEIGHTS_SCHEMA = """
CREATE TABLE weights(
    term TEXT PRIMARY KEY, docs BLOB NOT NULL, scores BLOB NOT NULL, freqs BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE prefix_weights(
    prefix TEXT PRIMARY KEY, docs BLOB NOT NULL, scores BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE phrase_weights(
    phrase TEXT PRIMARY KEY, docs BLOB NOT NULL, scores BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE weight_norms(documents INTEGER NOT NULL, norms BLOB NOT NULL);
"""
# Phrase scores kept between keystrokes (a question repeats all but its last
# word); counted in rows, since one common word in a big library holds thousands.
CACHE_ROWS = 400_000

# Row -> bm25 score, for the rows holding a phrase or a unit.
Scores = Mapping[int, float]
# A word, the rows holding it, and its column-weighted count in each.
_Word = tuple[str, list[int], list[float]]


def _blob(values: array[int] | array[float]) -> bytes:
    """Little-endian bytes, whatever the machine (the pack is built once, read anywhere)."""
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _rows(data: bytes) -> array[int]:
    values = array("i")
    values.frombytes(data)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _floats(data: bytes, typecode: str = "d") -> array[float]:
    values: array[float] = array(typecode)
    values.frombytes(data)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def idf(documents: int, holding: int) -> float:
    """bm25's inverse document frequency, as FTS5 computes it."""
    value = math.log((documents - holding + 0.5) / (holding + 0.5))
    return value if value > 0.0 else MIN_IDF


def _scored(
    docs: Iterable[int], freqs: Iterable[float], weight: float, norms: array[float]
) -> dict[int, float]:
    """Row -> s(p, row) for a phrase of inverse document frequency ``weight``."""
    k = K1 + 1.0
    return {d: weight * ((f * k) / (f + norms[d])) for d, f in zip(docs, freqs, strict=True)}


def _best_first(
    docs: list[int],
    freqs: list[float],
    documents: int,
    norms: array[float],
    *,
    scored: bool = False,
) -> tuple[bytes, bytes, bytes]:
    """Rows, scores and ``freqs`` of one phrase as blobs, best first, ties by row.

    ``docs`` must be in row order; ``scored`` says ``freqs`` are the scores
    already. Stored best first, a phrase's top N is a slice.
    """
    weight = idf(documents, len(docs))
    scores = freqs if scored else list(_scored(docs, freqs, weight, norms).values())
    if len(docs) > 1:
        # A stable sort keeps rows in order among equal scores.
        order = sorted(range(len(docs)), key=scores.__getitem__, reverse=True)
        docs = [docs[i] for i in order]
        freqs = [freqs[i] for i in order]
        scores = [scores[i] for i in order]
    # Counts weighted by halves and whole numbers: exact in single precision.
    return _blob(array("i", docs)), _blob(array("d", scores)), _blob(array("f", freqs))


class _Prefixes:
    """Running sums of ``f`` per document for the short prefix of the words seen.

    The words come in sorted order, so each prefix's words are consecutive.
    """

    def __init__(self, size: int, documents: int, norms: array[float]) -> None:
        self.size = size
        self._documents = documents
        self._norms = norms
        self.prefix = ""
        self.summed: dict[int, float] = {}
        self.done: list[tuple[str, bytes, bytes]] = []

    def add(self, term: str, docs: list[int], freqs: list[float]) -> None:
        if len(term) < self.size:
            return
        if term[: self.size] != self.prefix:
            self.flush()
            self.prefix = term[: self.size]
        summed = self.summed
        for d, f in zip(docs, freqs, strict=True):
            summed[d] = summed.get(d, 0.0) + f

    def flush(self) -> None:
        """Score the prefix whose words are all seen."""
        summed = self.summed
        if summed:
            docs = sorted(summed)
            freqs = [summed[d] for d in docs]
            rows, scores, _ = _best_first(docs, freqs, self._documents, self._norms)
            self.done.append((self.prefix, rows, scores))
        self.summed = {}


def _counts(db: sqlite3.Connection, documents: int) -> tuple[list[_Word], list[int]]:
    """Each indexed word's rows and column-weighted counts, and each row's length in tokens.

    Read straight from the ``instance`` table of ``fts5vocab``, which lists the
    index in order (word, row, column, offset): SQLite's GROUP BY over it took
    ten times longer than this one pass.
    """
    weight = dict(zip(COLUMNS, COLUMN_WEIGHTS, strict=True))
    lengths = [0] * documents
    words: list[_Word] = []
    docs: list[int] = []
    freqs: list[float] = []
    db.execute("CREATE VIRTUAL TABLE temp.instances USING fts5vocab(main, docs, 'instance')")
    try:
        term, last = "", -1
        for word, doc, col in db.execute("SELECT term, doc, col FROM temp.instances"):
            lengths[doc] += 1
            if word != term:
                if word < term:
                    raise ValueError(f"fts5vocab listed {word!r} after {term!r}")
                if docs:
                    words.append((term, docs, freqs))
                term, last, docs, freqs = word, -1, [], []
            if doc != last:
                if doc < last:
                    raise ValueError(f"fts5vocab listed row {doc} after {last} for {term!r}")
                docs.append(doc)
                freqs.append(0.0)
                last = doc
            freqs[-1] += weight[col]
        if docs:
            words.append((term, docs, freqs))
    finally:
        db.execute("DROP TABLE temp.instances")
    return words, lengths


def write_weights(db: sqlite3.Connection, phrases: Iterable[Phrase] = ()) -> None:
    """Compute and store s(p, D) for every word and short prefix of the ``docs`` table.

    Args:
        db: The connection holding ``docs``; the weight tables are added.
        phrases: Phrases of several words to store too (the synonyms'; any
            other is scored by FTS5 when asked for).
    """
    db.executescript(WEIGHTS_SCHEMA)
    (documents,) = db.execute("SELECT count(*) FROM docs").fetchone()
    words, lengths = _counts(db, documents)
    average = sum(lengths) / documents if documents else 1.0
    norms = array("d", (K1 * (1 - B + B * n / average) for n in lengths))
    db.execute("INSERT INTO weight_norms VALUES (?, ?)", (documents, _blob(norms)))
    prefixes = [_Prefixes(size, documents, norms) for size in range(1, STORED_PREFIX + 1)]
    stored: list[tuple[str, bytes, bytes, bytes]] = []
    for term, docs, freqs in words:
        stored.append((term, *_best_first(docs, freqs, documents, norms)))
        for running in prefixes:
            running.add(term, docs, freqs)
    db.executemany("INSERT INTO weights VALUES (?, ?, ?, ?)", stored)
    for running in prefixes:
        running.flush()
        db.executemany("INSERT INTO prefix_weights VALUES (?, ?, ?)", running.done)
    for key in sorted({p.fts() for p in phrases if len(p.tokens) > 1}):
        scores = dict(db.execute(BM25_SQL, (key,)).fetchall())
        docs = sorted(scores)
        rows, values, _ = _best_first(
            docs, [scores[d] for d in docs], documents, norms, scored=True
        )
        db.execute("INSERT INTO phrase_weights VALUES (?, ?, ?)", (key, rows, values))


K = TypeVar("K")


class Remembered(Generic[K]):
    """Scores kept between keystrokes, the least recently used dropped first.

    Counted in rows, since one common word in a big library holds thousands.

    Args:
        rows: Most rows kept, over all the keys.
    """

    def __init__(self, rows: int) -> None:
        self._rows = rows
        self._held = 0
        self._kept: dict[K, Scores] = {}

    def get(self, key: K, compute: Callable[[K], Scores]) -> Scores:
        """The scores of ``key``, computed if not kept."""
        found = self._kept.pop(key, None)
        if found is None:
            found = compute(key)
            self._held += len(found)
            while self._kept and self._held > self._rows:
                self._held -= len(self._kept.pop(next(iter(self._kept))))
        self._kept[key] = found  # most recently used last
        return found


class Weights:
    """bm25 scores of phrases, from the tables :func:`write_weights` filled.

    Args:
        db: The connection holding ``docs`` and the weight tables.
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        documents, norms = db.execute("SELECT documents, norms FROM weight_norms").fetchone()
        self._documents: int = documents
        self._norms = _floats(norms)
        self._cache: Remembered[Phrase] = Remembered(CACHE_ROWS)

    def scores(self, phrase: Phrase) -> Scores:
        """Row -> bm25 score of ``phrase`` alone, for every row holding it (do not modify)."""
        return self._cache.get(phrase, self._compute)

    def best(self, phrase: Phrase, limit: int) -> list[tuple[int, float]] | None:
        """The ``limit`` best rows for ``phrase`` alone, if stored in order; else None."""
        stored = self._stored(phrase)
        if stored is None:
            return None
        row = self._db.execute(*stored).fetchone()
        if row is None:
            return None if len(phrase.tokens) > 1 else []
        docs, scores = _rows(row[0]), _floats(row[1])
        return list(zip(docs[:limit], scores[:limit], strict=True))

    def _stored(self, phrase: Phrase) -> tuple[str, tuple[str]] | None:
        """The query reading ``phrase``'s rows and scores, if they are stored whole."""
        if len(phrase.tokens) > 1:
            return "SELECT docs, scores FROM phrase_weights WHERE phrase = ?", (phrase.fts(),)
        (token,) = phrase.tokens
        if not _plain(token):
            return None
        if not phrase.prefix:
            return "SELECT docs, scores FROM weights WHERE term = ?", (token,)
        if len(token) <= STORED_PREFIX:
            return "SELECT docs, scores FROM prefix_weights WHERE prefix = ?", (token,)
        return None

    def _compute(self, phrase: Phrase) -> Scores:
        stored = self._stored(phrase)
        if stored is not None:
            row = self._db.execute(*stored).fetchone()
            if row is not None:
                return dict(zip(_rows(row[0]), _floats(row[1]), strict=True))
            if len(phrase.tokens) == 1:
                return {}
        token = phrase.tokens[0]
        if len(phrase.tokens) > 1 or not _plain(token):
            return self._by_fts(phrase)
        words = self._db.execute(
            "SELECT docs, scores, freqs FROM weights WHERE term >= ? AND term < ?",
            (token, token + "\U0010ffff"),
        ).fetchall()
        if len(words) == 1:
            # One word: its stored scores are the prefix's.
            return dict(zip(_rows(words[0][0]), _floats(words[0][1]), strict=True))
        summed: dict[int, float] = {}
        for docs, _, freqs in words:
            for d, f in zip(_rows(docs), _floats(freqs, "f"), strict=True):
                summed[d] = summed.get(d, 0.0) + f
        return _scored(summed, summed.values(), idf(self._documents, len(summed)), self._norms)

    def _by_fts(self, phrase: Phrase) -> Scores:
        try:
            return dict(self._db.execute(BM25_SQL, (phrase.fts(),)).fetchall())
        except sqlite3.OperationalError:
            return {}


def _plain(token: str) -> bool:
    """True if FTS5 indexes ``token`` as it is (ASCII letters and digits, lower case)."""
    return token.isascii() and token.isalnum() and token == token.lower()
