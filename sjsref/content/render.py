"""Draw articles and references as Qt rich-text HTML or as plain text.

The HTML stays in the HTML 4 subset that QTextBrowser understands: ``h1``-``h3``,
``p``, lists, ``table border``, ``sup`` and ``a name``/``a href``. Link schemes
the window follows: ``ref:KEY`` (a citation), ``article:ID[#section]`` and
``calc:ID``.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from sjsref.clinical.registry import calculator
from sjsref.content.mdparse import CITATION_TOKEN, inline_text, make_parser, parse
from sjsref.content.models import Article, Library, Reference
from sjsref.content.plaintext import Rows, blocks
from sjsref.content.targets import Target

WIDTH = 78  # plain-text wrap column, for an 80-column terminal


def _citation_numbers(keys: Sequence[str], library: Library) -> list[Reference]:
    return sorted((library.reference(k) for k in dict.fromkeys(keys)), key=lambda r: r.number)


def _render_citation(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    library: Library = env["library"]
    links = [
        f'<a href="ref:{html.escape(r.key)}">{r.number}</a>'
        for r in _citation_numbers(tokens[idx].meta["keys"], library)
    ]
    return f"<sup>{','.join(links)}</sup>"


def _render_table_open(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # Qt rich text ignores CSS borders on tables but honours the HTML 4 attributes.
    return '<table border="1" cellspacing="0" cellpadding="4">\n'


def _render_cell_open(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    style = str(token.attrs.get("style", ""))
    align = style.removeprefix("text-align:") if style.startswith("text-align:") else ""
    # Qt honours the HTML 4 align attribute more reliably than inline CSS.
    attr = f' align="{align}"' if align else ""
    return f"<{token.tag}{attr}>"


def _render_link_open(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # Only targets the app knows become links (doi: is resolved at doi.org); the
    # loader refuses the rest, and this keeps any that slip through inert.
    target = Target.parse(str(tokens[idx].attrs.get("href", "")))
    return f'<a href="{html.escape(str(target))}">' if target is not None else "<a>"


def _render_image(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # Never an <img>: the window loads no picture from content (the loader refuses them).
    return html.escape(tokens[idx].content)


def _html_parser() -> MarkdownIt:
    md = make_parser()
    md.add_render_rule(CITATION_TOKEN, _render_citation)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("table_open", _render_table_open)
    md.add_render_rule("th_open", _render_cell_open)
    md.add_render_rule("td_open", _render_cell_open)
    return md


_HTML = _html_parser()


def markdown_html(markdown: str, library: Library) -> str:
    """Render one Markdown fragment (e.g. a section body) to Qt rich-text HTML."""
    rendered: str = _HTML.render(markdown, {"library": library})
    return rendered


def article_html(article: Article, library: Library) -> str:
    """The whole article as one HTML page: title, sections, then its references.

    Each section starts with ``<a name="SECTION-ID">`` so a search hit can open
    at it; each reference in the list has ``<a name="ref-KEY">``.
    """
    parts = [f"<h1>{html.escape(article.title)}</h1>"]
    for section in article.sections:
        parts.append(f'<a name="{section.id}"></a><h2>{html.escape(section.title)}</h2>')
        parts.append(markdown_html(section.markdown, library))
    if article.citations:
        parts.append('<a name="references"></a><h2>References</h2>')
        cited = sorted((library.reference(k) for k in article.citations), key=lambda r: r.number)
        parts.extend(reference_html(ref) for ref in cited)
    return "\n".join(parts)


def reference_html(reference: Reference) -> str:
    """One numbered reference paragraph with its ``ref-KEY`` anchor."""
    return f'<p><a name="ref-{reference.key}"></a>{reference.number}. {reference.html}</p>'


def references_html(library: Library, copy_links: bool = False) -> str:
    """The full reference list, each entry followed by where it is cited.

    Args:
        library: The loaded library.
        copy_links: Put a ``copy:KEY`` link before each "Cited in" (the
            window copies that reference to the clipboard).

    Returns:
        The entries only; the page's title is the caller's (the window puts
        the count and a Copy-all button beside it).
    """
    parts = []
    for ref in library.references:
        sites = []
        for site in ref.cited_in:
            article = library.article(site.article_id)
            title = html.escape(f"{article.title}: {article.section(site.section_id).title}")
            sites.append(f'<a href="article:{site.article_id}#{site.section_id}">{title}</a>')
        for calc_id in ref.calculators:
            name = html.escape(calculator(calc_id).name)
            sites.append(f'<a href="calc:{calc_id}">{name} calculator</a>')
        copy = f'<a href="copy:{html.escape(ref.key)}">Copy</a> · ' if copy_links else ""
        parts.append(reference_html(ref))
        parts.append(f'<p style="margin-left:2em">{copy}Cited in: {"; ".join(sites)}</p>')
    return "\n".join(parts)


def reference_line(reference: Reference) -> str:
    """``"12. Author A, ... doi:..."``: one reference as plain text."""
    return f"{reference.number}. {reference.text}"


def article_text(article: Article, library: Library) -> str:
    """The article as plain text for a terminal: citations become ``[n]``."""
    out = [article.title, "=" * len(article.title), "", *_wrap(article.summary), ""]
    for section in article.sections:
        out += [section.title, "-" * len(section.title), ""]
        out += _blocks_text(parse(section.markdown), library)
    if article.citations:
        out += ["References", "-" * len("References"), ""]
        cited = sorted((library.reference(k) for k in article.citations), key=lambda r: r.number)
        for ref in cited:
            out += _wrap(reference_line(ref), indent="    ")
    return "\n".join(out).rstrip() + "\n"


def markdown_text(markdown: str, library: Library) -> str:
    """One Markdown fragment (e.g. a section body) as the terminal shows it.

    Citations become ``[n]`` and tables records, as in :func:`article_text`.
    (The search reads ``Section.text`` instead, which has no citation numbers.)
    """
    return "\n".join(_blocks_text(parse(markdown), library)).strip() + "\n"


def _wrap(text: str, prefix: str = "", indent: str | None = None) -> list[str]:
    follow = indent if indent is not None else " " * len(prefix)
    return textwrap.wrap(
        text, WIDTH, initial_indent=prefix, subsequent_indent=follow, break_on_hyphens=False
    ) or [prefix.rstrip()]


def _inline_text(token: Token, library: Library) -> str:
    def numbers(keys: list[str]) -> str:
        return "[" + ",".join(str(r.number) for r in _citation_numbers(keys, library)) + "]"

    return inline_text(token, numbers, code="`")


def _blocks_text(tokens: list[Token], library: Library) -> list[str]:
    out: list[str] = []
    for block in blocks(tokens, lambda token: _inline_text(token, library)):
        if block.kind == "table":
            out += _table_text(block.rows)
        elif block.kind == "list_end":
            out.append("")
        elif block.kind == "code":
            out += ["    " + line for line in block.text.rstrip("\n").splitlines()] + [""]
        elif block.bullet is not None:
            out += _wrap(block.text, block.bullet, block.indent)
        elif block.indent is not None:
            out += _wrap(block.text, block.indent)
        else:
            out += [*_wrap(block.text), ""]
    return out


def _table_text(rows: Rows) -> list[str]:
    # A terminal cannot show wide tables; each row becomes one wrapped record
    # that names its columns, e.g. "- Drug: carbamazepine; Risk: high [2]".
    header, *body = rows or ((),)
    lines: list[str] = []
    for cells in body:
        pairs = [f"{h}: {c}" if h else c for h, c in zip(header, cells, strict=False) if c]
        lines += _wrap("; ".join(pairs), "- ", "  ")
    return [*lines, ""]
