"""The in-memory full-text index: SQLite FTS5 with bm25 ranking.

Built from plain :class:`Document` values, so it knows nothing about where they
come from (``documents.py`` makes them from the library and the calculators).

Ranking, in two stages: documents holding every word asked for, by bm25; when
those are few (a question rarely has all its words in one place), documents by
how many of the words they hold (coverage), and by bm25 within one coverage.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from sjsref.search.query import CompiledQuery, Unit, compile_query
from sjsref.search.results import KINDS, Document, Hit, Kind, SearchResult
from sjsref.search.spelling import Vocabulary, merge
from sjsref.search.synonyms import Synonyms
from sjsref.search.text import MARK_CLOSE, MARK_OPEN, clean, marked_spans, words

__all__ = ["KINDS", "Document", "Hit", "Kind", "SearchIndex", "SearchResult"]

# bm25 column weights: title, keywords, body, context. A word in a title or in
# the keywords an author chose says far more about a document than the same
# word in its prose; the context (the parent article's title) only breaks ties.
# These weights and the boosts below were tuned by hand on the judged queries
# (tests/search/judged_queries.toml); change them only with that test green.
COLUMN_WEIGHTS = (10.0, 6.0, 1.0, 0.5)
# Tokens of body text around the match in a snippet (about one line).
SNIPPET_TOKENS = 16
# Up to this many documents, snippets come straight from the index, in one pass
# over the matches (about 0.3 ms for 20 hits in the real library); beyond, from
# a scratch table (about 1.5 ms, whatever the size of the index).
DIRECT_SNIPPET_DOCS = 2000
# Characters of body shown when the match is not in the body.
SNIPPET_CHARS = 110
# Rows of one table shown at most; more would push every other hit off screen
# for a query that names a drug the table lists many times.
MAX_ROWS_PER_TABLE = 2
# Kind prior, multiplied into bm25 (which is negative: larger is better). A
# calculator or a section is what a bedside query wants to open; a reference
# is what it wants least often, and references are many and title-heavy.
KIND_BOOST: dict[str, float] = {
    "calculator": 1.6,
    "section": 1.15,
    "article": 0.7,
    "drug": 0.85,
    "reference": 0.5,
}
# A title that holds every word asked for is multiplied by 1 + this times the
# share of its words that were asked for, so a title that *is* the query
# ("Mouth", "Skin biopsy", "SCORTEN") comes first: bm25 alone favours long
# keyword lists that repeat a common word.
TITLE_MATCH_BOOST = 1.5
# Rows bm25 ranks for one query, about. bm25 costs a few microseconds a row, so
# a common word in a library 100 times ours would take tens of milliseconds.
# Past this many matches, the rows ranked are the first RANK_CAP matches in
# document order plus the first RANK_CAP whose title or keywords match (or
# title alone, if those are too many): a tiered index, as large engines keep
# "champion lists". The real library never comes near.
RANK_CAP = 1000
# The coverage stage runs only when the strict (every word) query found fewer
# hits than this.
LOOSE_BELOW = 5
# A word found in more of the documents than this share is not required (see
# SearchIndex._tiers). In this library "SJS" (0.42), "TEN" (0.45) and "drug"
# (0.37) are above it; "skin" (0.28) and "mortality" (0.22) are below.
UBIQUITOUS_SHARE = 1 / 3
# Document shares remembered; cleared wholesale when full.
SHARE_CACHE_SIZE = 512
# Rows the coverage stage ranks in an index too big to count every word's
# matches (more than DIRECT_SNIPPET_DOCS documents): the best by bm25 of the
# any-word query, then ordered by coverage.
COVERAGE_POOL = 100


class SearchIndex:
    """An FTS5 index over documents, held in an in-memory SQLite database.

    Build it once (off the GUI thread if need be) and query it from one thread
    at a time: the connection is shared, not locked.

    Args:
        documents: What to index.
        synonyms: Synonym groups, known alleles and stopwords.
    """

    def __init__(self, documents: Iterable[Document], synonyms: Synonyms | None = None) -> None:
        self._documents = list(documents)
        self._synonyms = synonyms or Synonyms()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5("
            "title, keywords, body, context, "
            # Prefix indexes for one- and two-letter prefixes: the first
            # keystrokes would otherwise expand to thousands of terms.
            "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2')"
        )
        # Bodies are kept cleaned: snippets are cut from them again and again.
        self._bodies = [clean(d.body) for d in self._documents]
        self._db.executemany(
            "INSERT INTO docs(rowid, title, keywords, body, context) VALUES (?, ?, ?, ?, ?)",
            (
                (row, clean(d.title), clean(" ; ".join(d.keywords)), body, clean(d.context))
                for row, (d, body) in enumerate(zip(self._documents, self._bodies, strict=True))
            ),
        )
        self._db.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(docs, 'row')")
        # In a big index snippets are cut from a scratch table holding only the
        # hits' bodies: FTS5 cannot restrict a MATCH to a few rowids, so going
        # through the whole index costs time in proportion to its matches.
        self._db.execute(
            "CREATE VIRTUAL TABLE hits USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')"
        )
        self._vocabulary: Vocabulary | None = None
        self._title_words: dict[int, list[str]] = {}
        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
        self._select = (
            f"SELECT rowid, bm25(docs, {weights}) FROM docs WHERE docs MATCH ? "
            f"ORDER BY bm25(docs, {weights}) LIMIT ?"
        )
        self._select_capped = (
            f"SELECT rowid, bm25(docs, {weights}) FROM docs WHERE docs MATCH ? "
            "AND (rowid <= ? OR rowid IN (SELECT rowid FROM docs WHERE docs MATCH ? "
            f"ORDER BY rowid LIMIT {RANK_CAP})) ORDER BY bm25(docs, {weights}) LIMIT ?"
        )
        self._small = len(self._documents) <= DIRECT_SNIPPET_DOCS
        self._all_rows = "SELECT rowid FROM docs WHERE docs MATCH ?"
        self._first_row = f"{self._all_rows} LIMIT 1"
        self._count = "SELECT count(*) FROM docs WHERE docs MATCH ?"
        self._shares: dict[str, float] = {}
        self._probe = (
            f"SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid LIMIT {RANK_CAP}, 1"
        )
        self._snippet = (
            f"SELECT rowid, snippet(hits, 0, '{MARK_OPEN}', '{MARK_CLOSE}', '…', "
            f"{SNIPPET_TOKENS}) FROM hits WHERE hits MATCH ?"
        )
        # "AND rowid IN (...)" would re-run the MATCH once per listed rowid
        # (measured: 2 ms for 20 hits); one pass that cuts snippets only for
        # the wanted rows costs 0.3 ms.
        self._snippet_direct = (
            "SELECT rowid, CASE WHEN rowid IN ({rows}) THEN "
            f"snippet(docs, 2, '{MARK_OPEN}', '{MARK_CLOSE}', '…', {SNIPPET_TOKENS}) "
            "END FROM docs WHERE docs MATCH ?"
        )

    def __len__(self) -> int:
        return len(self._documents)

    @property
    def documents(self) -> list[Document]:
        """The indexed documents, in insertion order."""
        return list(self._documents)

    def warm(self) -> None:
        """Build what the first search would otherwise build (the vocabulary).

        Call it on the thread that built the index, so the first keystroke in
        the window does not pay for it.
        """
        self.vocabulary()

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
        pool = limit + 10
        tiers = self._tiers(compiled)
        expression = " AND ".join(u.fts() for u in tiers[0])
        ranked = self._ranked(expression, pool, tiers[0])
        dropped: tuple[Unit, ...] = ()
        if len(ranked) < min(limit, LOOSE_BELOW) and (len(tiers[0]) > 1 or not ranked):
            ranked, expression, dropped = self._by_coverage(tiers, pool, ranked)
            # Words are "dropped" only in favour of others that found something.
            dropped = dropped if ranked else ()
        ranked = self._spread(ranked)[:limit]
        return SearchResult(
            hits=tuple(self._hits(ranked, expression)),
            corrections={word: tuple(meant) for word, meant in compiled.corrections.items()},
            dropped=tuple(u.text for u in dropped),
            searched=compiled.searched(dropped),
        )

    def _hits(self, ranked: list[tuple[int, float]], expression: str) -> list[Hit]:
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

    def _tiers(self, compiled: CompiledQuery) -> list[tuple[Unit, ...]]:
        """The units to require, then those to fall back on, in order.

        The words of a question that must match come first. Words found in
        more than :data:`UBIQUITOUS_SHARE` of the documents ("SJS", "TEN",
        "drug" in this library) tell documents apart no better than "the", so
        they are not required when the query has other words; they are searched
        only if the other words match nothing, and question words after them.
        """
        content = compiled.content
        common: tuple[Unit, ...] = ()
        if len(content) > 1:
            common = tuple(u for u in content if self._share(u.fts()) > UBIQUITOUS_SHARE)
        required = tuple(u for u in content if u not in common)
        if not required:
            required, common = content, ()
        return [tier for tier in (required, common, compiled.optional) if tier]

    def _share(self, expression: str) -> float:
        """Share of the documents that match ``expression`` (remembered)."""
        share = self._shares.get(expression)
        if share is None:
            try:
                (count,) = self._db.execute(self._count, (expression,)).fetchone()
            except sqlite3.OperationalError:
                count = 0
            share = count / len(self._documents)
            if len(self._shares) >= SHARE_CACHE_SIZE:
                self._shares.clear()
            self._shares[expression] = share
        return share

    def _by_coverage(
        self, tiers: list[tuple[Unit, ...]], pool: int, strict: list[tuple[int, float]]
    ) -> tuple[list[tuple[int, float]], str, tuple[Unit, ...]]:
        """Rows by how many words they hold, then by bm25; and the words matching nothing.

        Returns:
            The ranked rows (scores made non-increasing, so a score still
            orders the hits), the expression to cut snippets with, and the
            units dropped because no document holds them.
        """
        dropped: list[Unit] = []
        live: list[Unit] = []
        found: dict[Unit, set[int]] = {}
        for tier in tiers:
            # The first tier with a word that matches anything is searched.
            found = {u: self._matching(u.fts()) for u in tier}
            live = [u for u in tier if found[u]]
            if live:
                dropped += [u for u in tier if not found[u]]
                break
            dropped += tier
        expression = " OR ".join(u.fts() for u in live)
        if len(live) <= 1:
            single = self._ranked(expression, pool, live) if live else []
            return single, expression, tuple(dropped)
        if self._small:
            candidates = dict(self._ranked(expression, len(self._documents), live))
        else:
            candidates = dict(self._ranked(expression, COVERAGE_POOL, live))
            candidates.update((row, score) for row, score in strict if row not in candidates)
            found = {u: self._rows_among(u.fts(), list(candidates)) for u in live}
        coverage = {row: sum(row in found[u] for u in live) for row in candidates}
        ordered = sorted(candidates.items(), key=lambda pair: (-coverage[pair[0]], -pair[1]))
        ranked: list[tuple[int, float]] = []
        ceiling = float("inf")
        for row, score in ordered[:pool]:
            ceiling = min(ceiling, score)
            ranked.append((row, ceiling))
        return ranked, expression, tuple(dropped)

    def _matching(self, expression: str) -> set[int]:
        """Rows matching ``expression``; in a big index, only the first one."""
        sql = self._all_rows if self._small else self._first_row
        try:
            return {row for (row,) in self._db.execute(sql, (expression,))}
        except sqlite3.OperationalError:
            return set()

    def _rows_among(self, expression: str, rows: Sequence[int]) -> set[int]:
        """Which of ``rows`` match ``expression``."""
        sql = f"{self._all_rows} AND rowid IN ({', '.join('?' * len(rows))})"
        try:
            return {row for (row,) in self._db.execute(sql, (expression, *rows))}
        except sqlite3.OperationalError:
            return set()

    def _ranked(
        self, expression: str, limit: int, units: Sequence[Unit]
    ) -> list[tuple[int, float]]:
        """Best rows by bm25, times the kind prior and the title boost for ``units``."""
        try:
            rows = self._bm25(expression, limit)
        except sqlite3.OperationalError:
            # Defensive only: compile_query quotes every token, and the
            # robustness test feeds it arbitrary text to keep this unreached.
            return []
        boosted = [
            (
                row,
                -score
                * KIND_BOOST.get(self._documents[row].kind, 1.0)
                * self._title_boost(row, units),
            )
            for row, score in rows
        ]
        boosted.sort(key=lambda pair: -pair[1])
        return boosted

    def _bm25(self, expression: str, limit: int) -> list[tuple[int, float]]:
        """Best rows by bm25, ranking about :data:`RANK_CAP` rows at most."""
        past_cap = self._db.execute(self._probe, (expression,)).fetchone()
        if past_cap is None:
            return list(self._db.execute(self._select, (expression, limit)).fetchall())
        # Rows up to the one past the cap, plus the best-placed title matches.
        narrow = f"{{title keywords}}: ({expression})"
        if self._db.execute(self._probe, (narrow,)).fetchone() is not None:
            narrow = f"{{title}}: ({expression})"
        parameters = (expression, past_cap[0] - 1, narrow, limit)
        return list(self._db.execute(self._select_capped, parameters).fetchall())

    def _title_boost(self, row: int, units: Sequence[Unit]) -> float:
        title = self._title_words.get(row)
        if title is None:
            title = words(clean(self._documents[row].title))
            self._title_words[row] = title
        covered: set[int] = set()
        for unit in units:
            found = _find_in(title, unit)
            if not found:
                return 1.0
            covered |= found
        return 1.0 + TITLE_MATCH_BOOST * len(covered) / max(len(title), 1)

    def _spread(self, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """Drop table rows beyond :data:`MAX_ROWS_PER_TABLE` for one section."""
        kept: list[tuple[int, float]] = []
        rows_per_target: dict[str, int] = {}
        for row, score in ranked:
            document = self._documents[row]
            if document.kind == "drug":
                seen = rows_per_target.get(document.target, 0)
                if seen >= MAX_ROWS_PER_TABLE:
                    continue
                rows_per_target[document.target] = seen + 1
            kept.append((row, score))
        return kept

    def _snippets(self, expression: str, rows: list[int]) -> dict[int, str]:
        if not rows:
            return {}
        try:
            if len(self._documents) <= DIRECT_SNIPPET_DOCS:
                sql = self._snippet_direct.format(rows=", ".join("?" * len(rows)))
                result = self._db.execute(sql, (*rows, expression))
            else:
                with self._db:
                    self._db.execute("DELETE FROM hits")
                    self._db.executemany(
                        "INSERT INTO hits(rowid, body) VALUES (?, ?)",
                        ((row, self._bodies[row]) for row in rows),
                    )
                result = self._db.execute(self._snippet, (expression,))
            found = dict(result.fetchall())
        except sqlite3.OperationalError:
            return {}
        # A hit that matched only in its title gets the start of its body.
        return {row: found.get(row) or self._lead(row) for row in rows}

    def _lead(self, row: int) -> str:
        text = self._bodies[row]
        cut = text[:SNIPPET_CHARS]
        return cut if len(text) <= SNIPPET_CHARS else cut.rsplit(" ", 1)[0] + "…"


def _find_in(title: list[str], unit: Unit) -> set[int]:
    """Positions of ``title`` covered by the first alternative of ``unit`` found there."""
    for phrase in unit.alternatives:
        tokens = phrase.tokens
        size = len(tokens)
        for start in range(len(title) - size + 1):
            if title[start] != tokens[0] and not (size == 1 and phrase.prefix):
                continue
            window = title[start : start + size]
            if size > 1 and tuple(window[:-1]) != tokens[:-1]:
                continue
            last, wanted = window[-1], tokens[-1]
            if last == wanted or (phrase.prefix and last.startswith(wanted)):
                return set(range(start, start + size))
    return set()
