"""The one Markdown parser the loader and the renderers share.

CommonMark plus GitHub pipe tables, and an inline rule for pandoc-style
citations (``[@key]``, ``[@a; @b]``) that produces ``citation`` tokens. Because
the loader checks and the renderers draw the same tokens, a citation inside a
code span is neither checked nor rendered, and nothing can slip between them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

# Keys are lowercase ASCII per resources/README.md; the parser accepts a little
# more so that a badly spelled key is reported as unknown, not as stray text.
_CITATION = re.compile(r"\[@([\w-]+)((?:\s*;\s*@[\w-]+)*)\]")
_KEY = re.compile(r"@([\w-]+)")

CITATION_TOKEN = "citation"


def _citation_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[@", state.pos):
        return False
    match = _CITATION.match(state.src, state.pos, state.posMax)
    if match is None:
        return False
    if not silent:
        token = state.push(CITATION_TOKEN, "", 0)
        token.meta = {"keys": _KEY.findall(match.group(0))}
        token.content = match.group(0)
    state.pos = match.end()
    return True


def _any_link(url: str) -> bool:
    return True


def make_parser() -> MarkdownIt:
    """Return a fresh CommonMark + tables parser that knows citations.

    Raw HTML is off: a tag in an article is text, never markup (the loader
    refuses it too, so a writer hears of it).
    """
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    # Every [text](target) becomes a link token, whatever its scheme: the loader
    # refuses the targets the app does not know and the renderer never links them.
    # (markdown-it's own filter would turn javascript:/file: links into plain
    # text, where no check sees them.)
    md.validateLink = _any_link  # type: ignore[method-assign]
    md.inline.ruler.before("link", CITATION_TOKEN, _citation_rule)
    return md


_PARSER = make_parser()


def parse(text: str) -> list[Token]:
    """Parse Markdown into markdown-it block tokens (inline ones as children)."""
    return _PARSER.parse(text)


@dataclass(frozen=True)
class InlineHit:
    """A token found inside a block, with the block's first line (0-based)."""

    token: Token
    block_line: int
    block_end: int


def inline_tokens(tokens: list[Token]) -> Iterator[InlineHit]:
    """Yield every inline child token with the line span of its block."""
    for block in tokens:
        if block.type != "inline" or block.children is None:
            continue
        start, end = block.map if block.map else (0, 0)
        for child in block.children:
            yield InlineHit(child, start, end)


def _no_citation(keys: list[str]) -> str:
    return ""


def inline_text(
    token: Token, cite: Callable[[list[str]], str] = _no_citation, code: str = ""
) -> str:
    """The text of an inline token as a reader sees it (escapes and markup removed).

    Args:
        token: An ``inline`` token.
        cite: How a citation reads, from its keys; by default it is left out.
        code: Put on both sides of a code span (the terminal shows backticks).
    """
    pieces: list[str] = []
    for child in token.children or []:
        if child.type == CITATION_TOKEN:
            pieces.append(cite(child.meta["keys"]))
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
        elif child.type == "code_inline":
            pieces.append(f"{code}{child.content}{code}")
        elif child.type in ("text", "image"):
            pieces.append(child.content)
    return "".join(pieces)


def inline_plain(token: Token) -> str:
    """The text of an inline token without citations, trimmed (a heading's title)."""
    return inline_text(token).strip()


def slugify(title: str) -> str:
    """Section anchor from its heading: lowercase, non-alphanumeric runs to ``-``.

    Args:
        title: The heading text as written after ``## ``.

    Returns:
        The slug, e.g. ``"SCORTEN: the 7 items"`` -> ``"scorten-the-7-items"``.
    """
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
