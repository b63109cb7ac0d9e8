"""What goes into the index (:class:`Document`) and what comes out.

A search answers with a :class:`SearchResult`: the ranked :class:`Hit` values
plus what the engine did to the query (words corrected, words dropped because
nothing in the library matched them), so the window and the command line can
say "Showing results for ..." from one source.

Snippets are plain text plus match spans (character offsets), never HTML:
the window and the command line mark them up their own way, and
:meth:`Hit.snippet_html` gives the minimal ``<b>`` form for Qt rich text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, get_args, overload

# "row": a row of an article's table; "drug" and "allele": rows of the drug and HLA tables.
Kind = Literal["article", "section", "calculator", "reference", "row", "drug", "allele"]
# Read from the literal, so a new kind is declared once.
KINDS: tuple[Kind, ...] = get_args(Kind)


@dataclass(frozen=True)
class Document:
    """One searchable thing.

    Attributes:
        kind: What it is; the window shows it next to the title. ``drug``
            is one row of a Markdown table (the library's are drug/HLA tables).
        title: Heading shown in the results and weighted highest.
        body: Plain text (Markdown already stripped) searched and snippeted.
        target: Where Enter goes: ``article:ID``, ``article:ID#SECTION``,
            ``calc:ID`` or ``ref:KEY``.
        keywords: Terms the author chose; weighted just under the title.
        context: The parent's title (article of a section), weakly weighted.
    """

    kind: Kind
    title: str
    body: str
    target: str
    keywords: tuple[str, ...] = ()
    context: str = ""


@dataclass(frozen=True)
class Hit:
    """One search result.

    Attributes:
        rank: Position, 1 for the best hit.
        kind: The document kind.
        title: The document title.
        snippet: Plain text around the match (may start or end with "…").
        spans: ``(start, end)`` offsets in ``snippet`` of the matched words.
        target: Where opening the hit goes.
        context: The parent's title ("" for top-level documents).
        score: Relevance, larger is better (negated, boosted bm25).
    """

    rank: int
    kind: Kind
    title: str
    snippet: str
    spans: tuple[tuple[int, int], ...]
    target: str
    context: str
    score: float

    def marked(self, open_mark: str, close_mark: str, escape: Callable[[str], str] = str) -> str:
        """The snippet with each match between the marks; ``escape`` applies to the text."""
        parts: list[str] = []
        position = 0
        for start, end in self.spans:
            parts += [escape(self.snippet[position:start]), open_mark]
            parts += [escape(self.snippet[start:end]), close_mark]
            position = end
        parts.append(escape(self.snippet[position:]))
        return "".join(parts)

    def snippet_html(self) -> str:
        """The snippet as escaped HTML with matches in ``<b>``."""
        return self.marked("<b>", "</b>", html.escape)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "rank": self.rank,
            "kind": self.kind,
            "title": self.title,
            "context": self.context,
            "snippet": self.snippet,
            "spans": [list(s) for s in self.spans],
            "target": self.target,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class SearchResult(Sequence[Hit]):
    """The hits for one query, and how the query was understood.

    It is a sequence of its hits (``result[0]``, ``len(result)``, iteration),
    so code that only wants the hits can ignore the rest.

    Attributes:
        hits: Best first.
        corrections: Misspelt word -> the vocabulary words searched instead.
        dropped: Words left out because nothing in the library matched them.
        searched: The query as it was searched when that differs from what was
            typed (a word corrected or dropped), else ``""``.
    """

    hits: tuple[Hit, ...] = ()
    corrections: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    dropped: tuple[str, ...] = ()
    searched: str = ""

    @overload
    def __getitem__(self, index: int) -> Hit: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Hit, ...]: ...

    def __getitem__(self, index: int | slice) -> Hit | tuple[Hit, ...]:
        return self.hits[index]

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form (without the query itself)."""
        return {
            "searched": self.searched,
            "corrections": {word: list(meant) for word, meant in self.corrections.items()},
            "dropped": list(self.dropped),
            "hits": [hit.as_dict() for hit in self.hits],
        }
