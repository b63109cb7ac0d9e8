"""Parse one article file: TOML front matter, ``## `` sections, citations, links."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it.token import Token
from pydantic import ValidationError

from sjsref.content.errors import Problems, plain_message
from sjsref.content.mdparse import CITATION_TOKEN, inline_plain, inline_tokens, parse, slugify
from sjsref.content.models import FrontMatter, Section
from sjsref.content.targets import ARTICLE_SCHEMES, WRITTEN_FORMS, Scheme, Target

FENCE = "+++"

# Something that reads as an HTML tag: "<img", "</a>", "<!--". With raw HTML off
# it would show as text; the loader refuses it so the writer hears of it.
_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>?")


@dataclass(frozen=True)
class Link:
    """An internal link, kept until every article is known."""

    target: Target
    line: int


@dataclass(frozen=True)
class Cite:
    """One cited key, in reading order."""

    key: str
    section_id: str
    line: int


@dataclass
class ParsedArticle:
    """What one file holds, before the library-wide checks."""

    path: Path
    front: FrontMatter
    id_line: int
    sections: list[Section] = field(default_factory=list)
    cites: list[Cite] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def parse_article(path: Path, keys: Collection[str], problems: Problems) -> ParsedArticle | None:
    """Parse and check one article; record problems and return None if unusable.

    Args:
        path: The ``.md`` file.
        keys: The known citation keys.
        problems: Collects every fault found.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        problems.add(path, None, f"cannot read the file ({exc.strerror or exc})")
        return None
    except UnicodeDecodeError:
        problems.add(path, None, "cannot read the file (not UTF-8 text)")
        return None
    lines = text.removeprefix("\ufeff").splitlines()
    if not lines or lines[0].strip() != FENCE:
        problems.add(path, 1, f"must start with a '{FENCE}' line opening the TOML front matter")
        return None
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        problems.add(path, 1, f"front matter is not closed by a '{FENCE}' line")
        return None
    front = _front_matter(path, lines[1:close], problems)
    if front is None:
        return None
    article = ParsedArticle(path, front, _assignment_line(lines[1:close], "id"))
    _body(article, lines, close + 1, keys, problems)
    return article


def _front_matter(path: Path, lines: list[str], problems: Problems) -> FrontMatter | None:
    try:
        data = tomllib.loads("\n".join(lines))
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = 1 + int(match.group(1)) if match else 1
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        problems.add(path, line, f"front matter is not valid TOML: {message}")
        return None
    try:
        return FrontMatter.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            line = _assignment_line(lines, name)
            if error["type"] == "missing":
                problems.add(path, line, f"front matter: missing required field '{name}'")
            else:
                problems.add(path, line, f"front matter: field '{name}': {plain_message(error)}")
        return None


def _assignment_line(front_lines: list[str], name: str) -> int:
    pattern = re.compile(rf"^\s*{re.escape(name)}\s*=")
    for number, text in enumerate(front_lines, start=2):
        if pattern.match(text):
            return number
    return 1


def _body(
    article: ParsedArticle,
    lines: list[str],
    offset: int,
    keys: Collection[str],
    problems: Problems,
) -> None:
    body = lines[offset:]
    tokens = parse("\n".join(body))
    path = article.path
    starts = [
        i
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2" and t.level == 0
    ]
    if not starts:
        problems.add(path, offset + 1, "no '## ' section")
        return
    for token in tokens[: starts[0]]:
        if token.map:
            problems.add(path, offset + token.map[0] + 1, "text before the first '## ' section")
            break
    ids: dict[str, int] = {}
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(tokens)
        heading = tokens[start]
        assert heading.map is not None  # markdown-it maps every block token
        line = offset + heading.map[0] + 1
        title = inline_plain(tokens[start + 1])
        slug = slugify(title)
        if not slug:
            problems.add(path, line, f"section title {title!r} gives an empty anchor")
            continue
        if slug in ids:
            problems.add(path, line, f"section anchor '{slug}' repeats the one at line {ids[slug]}")
        ids[slug] = line
        first_body = heading.map[1]
        last_body = _block_end(tokens, end, len(body))
        markdown = "\n".join(body[first_body:last_body]).strip("\n")
        if not markdown.strip():
            problems.add(path, line, f"section '{title}' is empty")
        # tokens[start : start + 3] are the heading's open, inline and close.
        section = Section.parsed(slug, title, markdown, line, tokens[start + 3 : end])
        article.sections.append(section)
        _inline_checks(article, tokens[start + 1 : end], body, offset, slug, keys, problems)


def _block_end(tokens: list[Token], end: int, body_len: int) -> int:
    if end < len(tokens) and tokens[end].map:
        return tokens[end].map[0]  # type: ignore[index]
    return body_len


def _inline_checks(
    article: ParsedArticle,
    tokens: list[Token],
    body: list[str],
    offset: int,
    section_id: str,
    keys: Collection[str],
    problems: Problems,
) -> None:
    path = article.path
    for hit in inline_tokens(tokens):
        token = hit.token
        if token.type == CITATION_TOKEN:
            line = offset + _find_line(body, hit.block_line, hit.block_end, token.content) + 1
            for key in token.meta["keys"]:
                if key not in keys:
                    problems.add(path, line, f"unknown citation key '@{key}'{_suggest(key, keys)}")
                else:
                    article.cites.append(Cite(key, section_id, line))
        elif token.type == "text" and "[@" in token.content:
            line = offset + _find_line(body, hit.block_line, hit.block_end, "[@") + 1
            problems.add(path, line, "malformed citation: write [@key] or [@key1; @key2]")
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            line = offset + _find_line(body, hit.block_line, hit.block_end, href) + 1
            target = Target.parse(href)
            if target is None or target.scheme not in ARTICLE_SCHEMES:
                problems.add(path, line, f"link target '{href}' is not {WRITTEN_FORMS}")
            elif target.scheme is not Scheme.WEB:
                article.links.append(Link(target, line))
        elif token.type == "image":
            line = offset + _find_line(body, hit.block_line, hit.block_end, "![") + 1
            problems.add(path, line, "images are not allowed in an article")
        elif token.type == "text" and (tag := _HTML_TAG.search(token.content)):
            line = offset + _find_line(body, hit.block_line, hit.block_end, tag.group(0)) + 1
            problems.add(path, line, f"raw HTML is not allowed in an article: '{tag.group(0)}'")


def _find_line(body: list[str], start: int, end: int, needle: str) -> int:
    first = needle.splitlines()[0] if needle else needle
    for number in range(start, max(end, start + 1)):
        if number < len(body) and first in body[number]:
            return number
    return start


def _suggest(key: str, keys: Collection[str]) -> str:
    import difflib  # only for a misspelt key; a sound library never needs it

    close = difflib.get_close_matches(key, list(keys), n=1)
    return f" (did you mean '@{close[0]}'?)" if close else ""
