"""How hits are ordered once SQLite has scored them: priors, titles, coverage.

Pure functions over rows (document positions) and scores; the SQL lives in
``index.py``. The weights were tuned by hand on the judged queries
(tests/search/judged_queries.toml); change them only with that test green.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter

from sjsref.search.query import Phrase, Unit
from sjsref.search.results import Document
from sjsref.search.text import clean, words

# Kind prior, multiplied into bm25 (which is negative: larger is better). A
# calculator or a section is what a bedside query wants to open; a reference
# is what it wants least often, and references are many and title-heavy.
KIND_BOOST: dict[str, float] = {
    "calculator": 1.6,
    "section": 1.15,
    "article": 0.7,
    "row": 0.85,
    # A row of the drug table is an answer to "Zyloric"; the HLA rows stay a
    # little behind the article sections that explain an allele.
    "drug": 1.0,
    "allele": 0.6,
    "reference": 0.5,
}
# A query that searches for the word "calculator" (typed, or through a synonym
# such as "calculate" or "compute") asks for a calculator: the calculators'
# prior is multiplied by this.
CALCULATOR_INTENT = 2.0
CALCULATOR_WORD = Phrase(("calculator",), prefix=True)
# A title that holds every word asked for is multiplied by 1 + this times the
# share of its words that were asked for, so a title that *is* the query
# ("Mouth", "Skin biopsy", "SCORTEN") comes first: bm25 alone favours long
# keyword lists that repeat a common word.
TITLE_MATCH_BOOST = 1.5
# Rows of one table shown at most; more would push every other hit off screen
# for a query that names a drug the table lists many times.
MAX_ROWS_PER_TABLE = 2

Ranked = list[tuple[int, float]]


def kind_boosts(units: Sequence[Unit]) -> dict[str, float]:
    """The kind priors for a query made of ``units``."""
    boosts = dict(KIND_BOOST)
    if any(CALCULATOR_WORD in u.alternatives for u in units):
        boosts["calculator"] *= CALCULATOR_INTENT
    return boosts


def union(maps: Sequence[Mapping[int, float]]) -> Mapping[int, float]:
    """Rows in any of ``maps``, each with the sum of its scores there (``maps[0]`` if alone).

    Copies and set operations run in C; Python adds up only the rows in
    several maps.
    """
    if len(maps) == 1:
        return maps[0]
    scores = dict(maps[0])
    for other in maps[1:]:
        summed = {row: scores[row] + other[row] for row in scores.keys() & other.keys()}
        scores.update(other)
        scores.update(summed)
    return scores


def combined(
    units: Sequence[Mapping[int, float]], extra: Sequence[Mapping[int, float]], every: bool
) -> tuple[Mapping[int, float], float]:
    """Rows holding every (or any) of ``units``, with the bm25 score FTS5 would give.

    Each of ``units`` and ``extra`` maps the rows holding one query unit to
    its bm25 score there (the sum over its phrases). The score of a row is
    what ``bm25()`` gives for :func:`scored_expression` of the units: the
    sum over every phrase of the expression, so with ``extra`` the units'
    phrases count twice, and ``extra`` adds to the rows found but finds none.

    Returns:
        The rows with their scores divided by a scale, and the scale (2 when
        the units count twice: halving ``extra`` instead spares a pass over
        every row, and is exact in binary floating point).
    """
    if not units:
        return {}, 1.0
    if not every:
        found = union(units)
    elif len(units) == 1:
        found = units[0]
    else:
        rows = set(min(units, key=len).keys())
        for unit in units:
            rows &= unit.keys()
        found = {row: sum(unit[row] for unit in units) for row in rows}
    if not extra:
        return found, 1.0
    scores = dict(found)
    for unit in extra:
        if len(unit) < len(scores):
            for row, score in unit.items():
                if row in scores:
                    scores[row] += 0.5 * score
        else:
            for row in scores:
                scores[row] += 0.5 * unit.get(row, 0.0)
    return scores, 2.0


def best(
    scores: Mapping[int, float],
    limit: int,
    key: Callable[[tuple[int, float]], tuple[int, float]] | None = None,
    scale: float = 1.0,
) -> list[tuple[int, float]]:
    """The ``limit`` rows of highest score (or ``key``), best first, ties by row.

    The scores returned are multiplied by ``scale`` (see :func:`combined`).
    """
    if key is not None:
        chosen = heapq.nlargest(limit, scores.items(), key=key)
        chosen.sort(key=itemgetter(0))
        chosen.sort(key=key, reverse=True)
    else:
        if len(scores) > limit:
            # The limit-th best score, found among bare floats, then the rows.
            cut = heapq.nlargest(limit, scores.values())[-1]
            chosen = [(row, score) for row, score in scores.items() if score >= cut]
        else:
            chosen = list(scores.items())
        chosen.sort(key=itemgetter(0))
        chosen.sort(key=itemgetter(1), reverse=True)
        del chosen[limit:]
    return chosen if scale == 1.0 else [(row, score * scale) for row, score in chosen]


def scored_expression(required: str, units: Sequence[Unit], extra: Sequence[Unit]) -> str:
    """``required``, with ``extra`` units adding to the bm25 score but not required.

    bm25 sums over every phrase of the expression, whatever the operators: in
    ``R AND (E OR U)``, where every row of ``R`` holds a unit of ``U``, the
    rows are those of ``R`` and a row that also holds ``E`` scores more.
    ``U``'s phrases count twice, which only halves the weight of ``E``.
    """
    if not extra or not required:
        return required
    either = " OR ".join([*(u.fts() for u in extra), *(u.fts() for u in units)])
    return f"({required}) AND ({either})"


def by_coverage(scores: Mapping[int, float], coverage: Mapping[int, int], limit: int) -> Ranked:
    """Rows by coverage (words held), then score; scores made non-increasing.

    A hit's score then still orders the list, as callers expect.
    """
    ordered = sorted(scores.items(), key=lambda pair: (-coverage[pair[0]], -pair[1]))
    ranked: Ranked = []
    ceiling = float("inf")
    for row, score in ordered[:limit]:
        ceiling = min(ceiling, score)
        ranked.append((row, ceiling))
    return ranked


def spread(ranked: Ranked, documents: Sequence[Document]) -> Ranked:
    """Drop table rows beyond :data:`MAX_ROWS_PER_TABLE` for one section."""
    kept: Ranked = []
    rows_per_target: dict[str, int] = {}
    for row, score in ranked:
        document = documents[row]
        if document.kind == "row":  # rows of one article table share its section target
            seen = rows_per_target.get(document.target, 0)
            if seen >= MAX_ROWS_PER_TABLE:
                continue
            rows_per_target[document.target] = seen + 1
        kept.append((row, score))
    return kept


@dataclass(frozen=True)
class _Quick:
    """One unit, and a regular expression finding a title word that may start a match."""

    unit: Unit
    start: re.Pattern[str]


class Titles:
    """The title-match boost, with each document's title words kept once cut.

    Args:
        documents: The indexed documents, by row.
    """

    def __init__(self, documents: Sequence[Document]) -> None:
        self._documents = documents
        # Row -> the title's words, and the same joined with a space around each.
        self._words: dict[int, tuple[list[str], str]] = {}

    @staticmethod
    def prepare(units: Sequence[Unit]) -> list[_Quick]:
        """What :meth:`boost` needs for one query (computed once per query)."""
        prepared = []
        for unit in units:
            starts = {
                re.escape(p.tokens[0]) + ("" if len(p.tokens) == 1 and p.prefix else " ")
                for p in unit.alternatives
            }
            prepared.append(_Quick(unit, re.compile(" (?:" + "|".join(sorted(starts)) + ")")))
        return prepared

    def boost(self, row: int, units: Sequence[_Quick]) -> float:
        """1 plus :data:`TITLE_MATCH_BOOST` times the share of the title asked for.

        Only a title that holds every unit is boosted.
        """
        cached = self._words.get(row)
        if cached is None:
            title = words(clean(self._documents[row].title))
            cached = self._words[row] = (title, f" {' '.join(title)} ")
        title, spaced = cached
        # Most titles hold none of the words: rule them out before matching.
        if not all(quick.start.search(spaced) for quick in units):
            return 1.0
        covered: set[int] = set()
        for quick in units:
            found = find_in(title, quick.unit)
            if not found:
                return 1.0
            covered |= found
        return 1.0 + TITLE_MATCH_BOOST * len(covered) / max(len(title), 1)


def find_in(title: list[str], unit: Unit) -> set[int]:
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
