"""Markdown as plain text: the one walk over the parser's tokens.

:func:`blocks` turns a fragment's markdown-it tokens into text blocks
(paragraphs with their list prefixes, tables as rows of cell text, code). The
terminal's article text (``render.article_text``) lays them out with wrapping
and citation numbers; :func:`plain` flattens them into what a section's search
document holds, so the two cannot read a table or a list differently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from markdown_it.token import Token

from sjsref.content.mdparse import inline_text

Rows = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Block:
    """One block of a Markdown fragment, as text.

    Attributes:
        kind: ``text`` (a paragraph or heading), ``table``, ``code``, or
            ``list_end`` where the outermost list closes.
        text: The paragraph's or heading's text, or the code.
        rows: A table's rows of cell text, the header row first.
        bullet: The prefix of a list item's first line (``"- "``,
            ``"  1. "``); None elsewhere.
        indent: The indent of a list item's further lines; None outside lists.
        level: A heading's level (3 for ``###``); 0 for a paragraph.
    """

    kind: Literal["text", "table", "code", "list_end"]
    text: str = ""
    rows: Rows = ()
    bullet: str | None = None
    indent: str | None = None
    level: int = 0


def blocks(tokens: list[Token], text: Callable[[Token], str] = inline_text) -> Iterator[Block]:
    """The text blocks of a fragment, in reading order.

    Args:
        tokens: markdown-it block tokens (``mdparse.parse``).
        text: The text of one ``inline`` token; by default without citations.
    """
    markers: list[str] = []  # one entry per open list: "-" or the next number
    indents: list[str] = []  # continuation indent of each open list item
    first: str | None = None  # bullet prefix waiting for the item's first line
    rows: list[list[str]] | None = None
    level = 0
    for token in tokens:
        kind = token.type
        if rows is not None and kind in ("tr_open", "inline", "table_close"):
            if kind == "tr_open":
                rows.append([])
            elif kind == "inline":
                rows[-1].append(text(token))
            else:
                yield Block("table", rows=tuple(tuple(row) for row in rows))
                rows = None
        elif kind == "table_open":
            rows = []
        elif kind in ("bullet_list_open", "ordered_list_open"):
            markers.append("-" if kind == "bullet_list_open" else str(token.attrs.get("start", 1)))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            markers.pop()
            if not markers:
                yield Block("list_end")
        elif kind == "list_item_open":
            marker = markers[-1]
            bullet = "- " if marker == "-" else f"{marker}. "
            if marker != "-":
                markers[-1] = str(int(marker) + 1)
            base = indents[-1] if indents else ""
            first = base + bullet
            indents.append(base + " " * len(bullet))
        elif kind == "list_item_close":
            indents.pop()
            first = None
        elif kind in ("heading_open", "heading_close"):
            level = int(token.tag[1:]) if kind == "heading_open" else 0
        elif kind == "inline":
            indent = indents[-1] if indents else None
            yield Block("text", text(token), bullet=first, indent=indent, level=level)
            first = None
        elif kind in ("fence", "code_block"):
            yield Block("code", token.content)


@dataclass(frozen=True)
class Plain:
    """A fragment's text for search: one line of prose, its tables, its headings.

    Attributes:
        text: Every block's text without markup or citations, each table row
            as ``"a; b; c."``, whitespace collapsed to single spaces.
        tables: Each table's rows of cell text, the header row first.
        headings: The ``###`` (and deeper) headings inside the fragment.
    """

    text: str
    tables: tuple[Rows, ...]
    headings: tuple[str, ...]


def plain(tokens: list[Token]) -> Plain:
    """Flatten a fragment's tokens (see :func:`blocks`) into its search text."""
    parts: list[str] = []
    tables: list[Rows] = []
    headings: list[str] = []
    for block in blocks(tokens):
        if block.kind == "table":
            rows = tuple(tuple(squash(c) for c in row) for row in block.rows)
            tables.append(rows)
            parts += ["; ".join(c for c in row if c) + "." for row in rows if any(row)]
        elif block.kind != "list_end":
            parts.append(block.text)
            if block.level >= 3:
                headings.append(squash(block.text))
    return Plain(squash(" ".join(parts)), tuple(tables), tuple(headings))


def squash(text: str) -> str:
    """Whitespace collapsed, and no space left before ``, . ; :`` (where a citation was)."""
    # str.split is several times faster than a \\s+ regex on long text.
    text = " ".join(text.split())
    for mark in ",.;:":
        text = text.replace(f" {mark}", mark)
    return text
