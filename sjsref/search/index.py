"""The full-text index: SQLite FTS5 for words and snippets, bm25 from stored weights.

Built from plain :class:`Document` values, so it knows nothing about where they
come from (``documents.py`` makes them from the library and the calculators).

Ranking, in two stages: documents holding every word asked for, by bm25; when
those are few (a question rarely has all its words in one place), documents by
how many of the words they hold (coverage), and by bm25 within one coverage.
bm25 is FTS5's, computed from weights stored when the index was built
(``weights.py``), for every matching document.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence

from sjsref.search.query import CompiledQuery, Unit, compile_query, synonym_phrases
from sjsref.search.ranking import (
    Ranked,
    Titles,
    best,
    by_coverage,
    combined,
    kind_boosts,
    scored_expression,
    spread,
    union,
)
from sjsref.search.results import KINDS, Document, Hit, Kind, SearchResult
from sjsref.search.spelling import Vocabulary, merge
from sjsref.search.synonyms import Synonyms
from sjsref.search.text import MARK_CLOSE, MARK_OPEN, clean, marked_spans
from sjsref.search.weights import COLUMN_WEIGHTS, Remembered, Scores, Weights, write_weights

__all__ = ["COLUMN_WEIGHTS", "KINDS", "Document", "Hit", "Kind", "SearchIndex", "SearchResult"]

# Tokens of body text around the match in a snippet (about one line).
SNIPPET_TOKENS = 16
# Up to this many documents, snippets come straight from the index, in one pass
# over the matches (about 0.3 ms for 20 hits in the real library); beyond, from
# a scratch table holding only the hits (about 1.5 ms to fill, whatever the
# size of the index): FTS5 cannot restrict a MATCH to a few rowids cheaply
# ("AND rowid IN (...)" cost 36-90 ms per word for 100 rows in a
# 27,500-document index).
DIRECT_SNIPPET_DOCS = 2000
# Characters of body shown when the match is not in the body.
SNIPPET_CHARS = 110
# The coverage stage runs only when the strict (every word) query found fewer
# hits than this.
LOOSE_BELOW = 5
# A word found in more of the documents than this share is not required (see
# SearchIndex._split_common). In this library "SJS" (0.42), "TEN" (0.45) and "drug"
# (0.37) are above it; "skin" (0.28) and "mortality" (0.22) are below.
UBIQUITOUS_SHARE = 1 / 3
# Rows of query units' scores remembered between keystrokes (a unit with
# synonyms sums several phrases, each remembered in weights.py).
UNIT_CACHE_ROWS = 200_000
# Rows the coverage stage boosts (kind, title) and orders: the best by
# coverage, then bm25. Every row of the real library fits; in a library 100
# times ours, the best 300 of thousands.
COVERAGE_POOL = 300


# The FTS5 table every index searches, in memory or in a content pack.
DOCS_TABLE = (
    "CREATE VIRTUAL TABLE docs USING fts5("
    "title, keywords, body, context, "
    # Prefix indexes for one- and two-letter prefixes: the first keystrokes
    # would otherwise expand to thousands of terms.
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2')"
)
INSERT_DOCS = "INSERT INTO docs(rowid, title, keywords, body, context) VALUES (?, ?, ?, ?, ?)"


def fill_docs(db: sqlite3.Connection, documents: Sequence[Document]) -> None:
    """Create the ``docs`` table and index ``documents`` (rowid = position in the list)."""
    db.execute(DOCS_TABLE)
    db.executemany(
        INSERT_DOCS,
        (
            (row, clean(d.title), clean(" ; ".join(d.keywords)), clean(d.body), clean(d.context))
            for row, d in enumerate(documents)
        ),
    )


class SearchIndex:
    """An FTS5 index over documents, in an SQLite database.

    Build it in memory from documents (off the GUI thread if need be), or open
    one built ahead of time (:meth:`prebuilt`, the content pack); query it from
    one thread at a time: the connection is shared, not locked.

    Args:
        documents: What to index.
        synonyms: Synonym groups, known alleles and stopwords.
    """

    def __init__(self, documents: Iterable[Document], synonyms: Synonyms | None = None) -> None:
        listed = list(documents)
        db = sqlite3.connect(":memory:", check_same_thread=False)
        fill_docs(db, listed)
        # Bodies are kept cleaned: snippets are cut from them again and again.
        self._setup(db, listed, [clean(d.body) for d in listed], synonyms or Synonyms())
        # The weights are computed with the vocabulary, by warm() or the first search.
        self._unweighted = True

    @classmethod
    def prebuilt(
        cls,
        db: sqlite3.Connection,
        documents: list[Document],
        bodies: list[str],
        synonyms: Synonyms,
    ) -> SearchIndex:
        """An index over a ``docs`` table already filled by :func:`fill_docs`.

        Args:
            db: The connection holding ``main.docs`` (may be read-only: the
                scratch tables go in its ``temp`` schema).
            documents: The documents, by rowid.
            bodies: Each document's body as indexed (cleaned), by rowid.
            synonyms: The synonyms the documents were indexed with.
        """
        index = cls.__new__(cls)
        index._setup(db, documents, bodies, synonyms)
        return index

    def _setup(
        self,
        db: sqlite3.Connection,
        documents: list[Document],
        bodies: list[str],
        synonyms: Synonyms,
    ) -> None:
        self._documents = documents
        self._bodies = bodies
        self._synonyms = synonyms
        self._db = db
        db.execute("PRAGMA temp_store = MEMORY")
        db.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, docs, 'row')")
        # In a big index, the rows in play are copied here (see
        # DIRECT_SNIPPET_DOCS); _pooled says which.
        db.execute(
            "CREATE VIRTUAL TABLE temp.pool USING fts5(title, keywords, body, context, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        self._pooled: frozenset[int] = frozenset()
        self._vocabulary: Vocabulary | None = None
        self._weights: Weights | None = None
        self._unweighted = False
        self._units: Remembered[Unit] = Remembered(UNIT_CACHE_ROWS)
        self._titles = Titles(self._documents)
        self._small = len(self._documents) <= DIRECT_SNIPPET_DOCS
        self._common_rows = int(UBIQUITOUS_SHARE * len(self._documents))
        # "AND rowid IN (...)" would re-run the MATCH once per listed rowid
        # (measured: 2 ms for 20 hits); one pass that cuts snippets only for
        # the wanted rows costs 0.3 ms.
        self._snippet = (
            "SELECT rowid, CASE WHEN rowid IN ({rows}) THEN "
            f"snippet({{table}}, 2, '{MARK_OPEN}', '{MARK_CLOSE}', '…', {SNIPPET_TOKENS}) "
            "END FROM {table} WHERE {table} MATCH ?"
        )

    def __len__(self) -> int:
        return len(self._documents)

    @property
    def documents(self) -> list[Document]:
        """The indexed documents, in insertion order."""
        return list(self._documents)

    @property
    def synonyms(self) -> Synonyms:
        """The synonym groups, alleles and stopwords the index was built with."""
        return self._synonyms

    def warm(self) -> None:
        """Build what the first search would otherwise build (vocabulary, weights).

        Call it on the thread that built the index, so the first keystroke in
        the window does not pay for it.
        """
        self.vocabulary()
        self._scorer()

    def _scorer(self) -> Weights:
        """The bm25 weights (computed here for an index built in memory)."""
        if self._weights is None:
            if self._unweighted:
                write_weights(self._db, synonym_phrases(self._synonyms))
                self._unweighted = False
            self._weights = Weights(self._db)
        return self._weights

    def vocabulary(self) -> Vocabulary:
        """Every indexed token and synonym word (built on first use)."""
        if self._vocabulary is None:
            rows = self._db.execute("SELECT term, doc FROM vocab")
            extra = ((w, 0) for w in self._synonyms.vocabulary())
            self._vocabulary = Vocabulary(merge(rows, extra))
        return self._vocabulary

    def compile(self, query: str) -> CompiledQuery | None:
        """The FTS5 expressions a query turns into (for tests and debugging)."""
        return compile_query(query, self._synonyms, self.vocabulary())

    def search(self, query: str, limit: int = 20) -> SearchResult:
        """Rank documents for a user query; never raises on odd input.

        Args:
            query: Anything the user typed, including nothing.
            limit: Most hits to return.

        Returns:
            The hits, best first (none when nothing matches), with the words
            corrected or dropped on the way.
        """
        if limit <= 0 or not self._documents:
            return SearchResult()
        compiled = self.compile(query)
        if compiled is None:
            return SearchResult()
        # Rank a few more than asked, since the kind prior can reorder them.
        wanted = limit + 10
        required, common = self._split_common(compiled.content)
        strict = " AND ".join(u.fts() for u in required)
        expression = scored_expression(strict, required, common)
        ranked = self._ranked(required, wanted, extra=common)
        dropped: tuple[Unit, ...] = ()
        if len(ranked) < min(limit, LOOSE_BELOW) and (len(compiled.content) > 1 or not ranked):
            tiers = [t for t in (required, common, compiled.optional) if t]
            ranked, expression, dropped = self._by_coverage(tiers, wanted, ranked, common)
            # Words are "dropped" only in favour of others that found something.
            dropped = dropped if ranked else ()
        ranked = spread(ranked, self._documents)[:limit]
        return SearchResult(
            hits=tuple(self._hits(ranked, expression)),
            corrections={word: tuple(meant) for word, meant in compiled.corrections.items()},
            dropped=tuple(u.text for u in dropped),
            searched=compiled.searched(dropped),
        )

    def _hits(self, ranked: Ranked, expression: str) -> list[Hit]:
        snippets = self._snippets(expression, [row for row, _ in ranked])
        hits: list[Hit] = []
        for position, (row, score) in enumerate(ranked, start=1):
            document = self._documents[row]
            text, spans = marked_spans(snippets.get(row, ""))
            hits.append(
                Hit(
                    rank=position,
                    kind=document.kind,
                    title=document.title,
                    snippet=text,
                    spans=spans,
                    target=document.target,
                    context=document.context,
                    score=score,
                )
            )
        return hits

    def _split_common(self, content: tuple[Unit, ...]) -> tuple[tuple[Unit, ...], tuple[Unit, ...]]:
        """The units to require, and the common ones that only add to the score.

        Words found in more than :data:`UBIQUITOUS_SHARE` of the documents
        ("SJS", "TEN", "drug" in this library) tell documents apart no better
        than "the": a page on the mechanism need not repeat "TEN" to answer
        "mechanism of TEN". They are not required when the query has other
        words, but a document holding them scores higher; if the other words
        match nothing, they are searched on their own (see :meth:`_by_coverage`).
        """
        if len(content) < 2:
            return content, ()
        common = tuple(u for u in content if len(self._unit(u)) > self._common_rows)
        required = tuple(u for u in content if u not in common)
        return (required, common) if required else (content, ())

    def _unit(self, unit: Unit) -> Scores:
        """Row -> bm25 score of ``unit`` (its phrases summed), for every row holding it."""
        return self._units.get(unit, self._summed)

    def _summed(self, unit: Unit) -> Scores:
        weights = self._scorer()
        phrases = [weights.scores(p) for p in unit.alternatives]
        return union(phrases)

    def _by_coverage(
        self, tiers: list[tuple[Unit, ...]], wanted: int, strict: Ranked, common: tuple[Unit, ...]
    ) -> tuple[Ranked, str, tuple[Unit, ...]]:
        """Rows by how many words they hold, then by bm25; and the words matching nothing.

        The first tier with a word that matches anything is searched. In the
        first (required) tier the common words are not counted but add to
        the score, and rows holding only them come after all the others.

        Returns:
            The ranked rows, the expression to cut snippets with, and the units
            dropped because no document holds them.
        """
        dropped: list[Unit] = []
        live: list[Unit] = []
        extra = common
        for tier in tiers:
            live = [u for u in tier if self._unit(u)]
            dropped += [u for u in tier if u not in live]
            if live:
                break
            extra = ()
        anything = " OR ".join(u.fts() for u in [*live, *extra])
        if len(live) <= 1 and not extra:
            return self._ranked(live, wanted, every=False), anything, tuple(dropped)
        held = [self._unit(u) for u in live]
        raw, scale = combined(held, [self._unit(u) for u in extra], every=False)
        coverage: Counter[int] = Counter()
        for rows in held:
            coverage.update(rows.keys())
        pool = best(raw, COVERAGE_POOL, lambda pair: (coverage[pair[0]], pair[1]), scale)
        scores = dict(self._boosted(pool, live))
        scores.update((row, score) for row, score in strict if row not in scores)
        if extra and len(scores) < wanted:
            # Rows holding only common words come last: they hold no counted word.
            common_only = self._ranked(extra, wanted, every=False)
            scores.update((row, score) for row, score in common_only if row not in scores)
        counted = {row: coverage[row] for row in scores}
        return by_coverage(scores, counted, wanted), anything, tuple(dropped)

    def _fill_pool(self, rows: Iterable[int]) -> None:
        """Copy ``rows`` into the scratch table, unless they are there already."""
        wanted = frozenset(rows)
        if wanted <= self._pooled:
            return
        with self._db:
            self._db.execute("DELETE FROM pool")
            self._db.execute(
                "INSERT INTO pool(rowid, title, keywords, body, context) "
                "SELECT rowid, title, keywords, body, context FROM docs "
                f"WHERE rowid IN ({', '.join('?' * len(wanted))})",
                tuple(wanted),
            )
        self._pooled = wanted

    def _ranked(
        self,
        units: Sequence[Unit],
        limit: int,
        *,
        every: bool = True,
        extra: Sequence[Unit] = (),
    ) -> Ranked:
        """The best rows holding every (or any) of ``units``, boosted for them.

        Rows are chosen by bm25 (``extra`` units add to it, see
        :func:`combined`), then multiplied by the kind prior and the title
        boost, as the rows ``bm25()`` ranked first were before.
        """
        if not units:
            return []
        alternatives = units[0].alternatives
        stored = None
        if len(units) == 1 and not extra and len(alternatives) == 1:
            # One phrase: its rows are stored best first.
            stored = self._scorer().best(alternatives[0], limit)
        if stored is None:
            held = [self._unit(u) for u in units]
            raw, scale = combined(held, [self._unit(u) for u in extra], every)
            stored = best(raw, limit, scale=scale)
        return self._boosted(stored, units)

    def _boosted(self, rows: Ranked, units: Sequence[Unit]) -> Ranked:
        """``rows`` with their bm25 times the kind prior and the title boost, best first."""
        kinds = kind_boosts(units)
        titles = self._titles.prepare(units)
        boosted = [
            (row, score * kinds[self._documents[row].kind] * self._titles.boost(row, titles))
            for row, score in rows
        ]
        boosted.sort(key=lambda pair: -pair[1])
        return boosted

    def _snippets(self, expression: str, rows: list[int]) -> dict[int, str]:
        if not rows:
            return {}
        try:
            if not self._small:
                self._fill_pool(rows)
            table = "docs" if self._small else "pool"
            sql = self._snippet.format(rows=", ".join("?" * len(rows)), table=table)
            found = dict(self._db.execute(sql, (*rows, expression)).fetchall())
        except sqlite3.OperationalError:
            return {}
        # A hit that matched only in its title gets the start of its body.
        return {row: found.get(row) or self._lead(row) for row in rows}

    def _lead(self, row: int) -> str:
        text = self._bodies[row]
        cut = text[:SNIPPET_CHARS]
        return cut if len(text) <= SNIPPET_CHARS else cut.rsplit(" ", 1)[0] + "…"
