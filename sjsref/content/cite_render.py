"""Development tool: render the references in AMA style with citeproc-py.

Run ``python -m sjsref.content.cite_render [RESOURCES]`` after changing the
reference list. It writes ``references.rendered.json`` (key -> plain text and
Qt rich-text HTML) so that the app needs neither citeproc-py nor lxml at run
time; the loader refuses a file whose digest does not match the references.
citeproc-py is imported lazily: it is a development dependency only.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path
from typing import Any

from sjsref.content.errors import ContentError, Problems
from sjsref.content.paths import resources_dir
from sjsref.content.references import (
    RENDERED_FILE,
    STYLE_FILE,
    SourcedItem,
    authors_truncated,
    load_items,
    source_digest,
)

# The style numbers each entry ("1."); the app numbers references itself.
_LEADING_NUMBER = re.compile(r"^\s*\d+\.\s*")
# PubMed writes initials run together ("RS"); citeproc-py takes such a given
# name for one word and would print "Stern R". Spaced initials print "Stern RS".
_RUN_TOGETHER_INITIALS = re.compile(r"^[A-Z]{2,4}$")
# CSL asks processors to merge a title's "?" or "!" with the following period;
# citeproc-py 0.11 prints "...death?." so the merge is done here.
_DOUBLED_PUNCTUATION = re.compile(r"([?!])\.")
_DOI_TEXT = re.compile(r"doi:(10\.\d{4,9}/\S+?)(?=\.?(?:\s|$))")
_ET_AL = "et al"


def render_all(items: dict[str, SourcedItem], style: Path) -> dict[str, dict[str, str]]:
    """Render every item as AMA plain text and HTML, without the leading number.

    Args:
        items: The validated reference list.
        style: The CSL style file.

    Returns:
        key -> {"text": ..., "html": ...}.
    """
    plain = _render([_prepared(f.raw, escape=False) for f in items.values()], style, html_out=False)
    rich = _render([_prepared(f.raw, escape=True) for f in items.values()], style, html_out=True)
    out: dict[str, dict[str, str]] = {}
    for key, found in items.items():
        text, markup = plain[key], rich[key]
        if authors_truncated(found.raw):
            title = found.item.title
            text = with_et_al(text, title)
            markup = with_et_al(markup, html.escape(title, quote=False))
        out[key] = {"text": text, "html": _link_doi(markup)}
    return out


def with_et_al(rendered: str, title: str) -> str:
    """Add "et al" after the authors of a rendering whose author list is cut short.

    AMA writes "et al" itself only past six authors; a shorter list that is
    known to be incomplete would otherwise read as the whole list. The author
    group is everything before ". " and the title.

    Raises:
        ContentError: When the title cannot be found after the authors.
    """
    cut = rendered.find(". " + title[:40])
    if cut < 0:
        raise ContentError.at(
            Path(RENDERED_FILE), None, f"cannot find the title in {rendered!r} to add et al"
        )
    if _ET_AL in rendered[:cut]:
        return rendered
    return f"{rendered[:cut]}, {_ET_AL}{rendered[cut:]}"


def rendered_document(root: Path, items: dict[str, SourcedItem]) -> dict[str, Any]:
    """The content of ``references.rendered.json`` for the library in ``root``."""
    return {
        "generator": "python -m sjsref.content.cite_render (citeproc-py)",
        "style": STYLE_FILE,
        "source_sha256": source_digest(items),
        "items": dict(sorted(render_all(items, root / STYLE_FILE).items())),
    }


def dumps(document: dict[str, Any]) -> str:
    """Serialise the document the same way every time (stable diffs)."""
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write(root: Path) -> Path:
    """Render the references under ``root`` and write the rendered file.

    Raises:
        ContentError: When the reference list itself is broken.
    """
    problems = Problems()
    items = load_items(root, problems)
    problems.raise_if_any()
    target = root / RENDERED_FILE
    target.write_text(dumps(rendered_document(root, items)), encoding="utf-8")
    return target


def _prepared(raw: dict[str, Any], *, escape: bool) -> dict[str, Any]:
    item: dict[str, Any] = json.loads(json.dumps(raw))
    # citeproc-py does not know "custom"; the flags in it are applied after rendering.
    item.pop("custom", None)
    for name in item.get("author", []):
        given = name.get("given")
        if isinstance(given, str) and _RUN_TOGETHER_INITIALS.match(given):
            name["given"] = " ".join(given)
    if escape:
        # citeproc-py's HTML formatter does not escape field text; a title with
        # "<" or "&" would otherwise become markup.
        item = _escape_strings(item)
    return item


def _escape_strings(value: Any) -> Any:
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escape_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: (v if k == "id" else _escape_strings(v)) for k, v in value.items()}
    return value


def _render(items: list[dict[str, Any]], style_path: Path, *, html_out: bool) -> dict[str, str]:
    from citeproc import (  # type: ignore[import-untyped]
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON  # type: ignore[import-untyped]

    if not style_path.is_file():
        raise ContentError.at(style_path, None, "the citation style file is missing")
    style = CitationStylesStyle(str(style_path), validate=False)
    source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(
        style, source, formatter.html if html_out else formatter.plain
    )
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    out: dict[str, str] = {}
    for key, entry in zip(bibliography.keys, bibliography.bibliography(), strict=True):
        text = _LEADING_NUMBER.sub("", str(entry)).strip()
        out[str(key)] = _DOUBLED_PUNCTUATION.sub(r"\1", text)
    return out


def _link_doi(text: str) -> str:
    return _DOI_TEXT.sub(
        lambda m: f'<a href="https://doi.org/{m.group(1)}">doi:{m.group(1)}</a>', text
    )


def main(argv: list[str] | None = None) -> int:
    """Write ``references.rendered.json`` for the given or the found resources."""
    args = sys.argv[1:] if argv is None else argv
    try:
        target = write(Path(args[0]) if args else resources_dir())
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
