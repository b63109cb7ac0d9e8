"""Library sub-commands: ``articles``, ``show ID`` and ``references``.

Text for a person, ``--json`` for a script. A broken library is one line on
stderr and exit status 1; an unknown article id is exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sjsref.clinical.numbers import printable
from sjsref.content.errors import ContentError
from sjsref.content.loader import load_library
from sjsref.content.models import Article, Library, Reference
from sjsref.content.render import article_text, reference_line


def register(subparsers: Any) -> None:
    """Add the library sub-commands to the ``sjsref`` parser."""
    articles = subparsers.add_parser("articles", help="list the articles of the library")
    articles.add_argument("--json", action="store_true", help="print JSON")
    articles.set_defaults(handler=_articles)

    show = subparsers.add_parser("show", help="print one article as text")
    show.add_argument("id", metavar="ID", help="article id, as listed by `sjsref articles`")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=_show)

    refs = subparsers.add_parser("references", help="list the references (AMA style)")
    refs.add_argument("--json", action="store_true", help="print JSON")
    refs.set_defaults(handler=_references)


def _load() -> Library | None:
    try:
        return load_library()
    except ContentError as exc:
        sys.stderr.write(f"sjsref: {exc}\n")
        return None


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _article_summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "summary": article.summary,
        "keywords": article.keywords,
        "last_reviewed": article.last_reviewed.isoformat(),
        "sections": [{"id": s.id, "title": s.title} for s in article.sections],
    }


def _reference_json(ref: Reference) -> dict[str, Any]:
    return {
        "number": ref.number,
        "key": ref.key,
        "text": ref.text,
        "doi": ref.item.DOI,
        "pmid": ref.item.PMID,
        "cited_in": [site.model_dump() for site in ref.cited_in],
        "csl": ref.csl,
    }


def _articles(args: argparse.Namespace) -> int:
    library = _load()
    if library is None:
        return 1
    if args.json:
        _print_json([_article_summary(a) for a in library.articles])
        return 0
    width = max(len(a.id) for a in library.articles)
    for article in library.articles:
        sys.stdout.write(f"{article.id:<{width}}  {article.title}\n")
    return 0


def _show(args: argparse.Namespace) -> int:
    library = _load()
    if library is None:
        return 1
    try:
        article = library.article(args.id)
    except KeyError:
        shown = printable(args.id)
        sys.stderr.write(f"sjsref show: no article with id '{shown}' (see `sjsref articles`)\n")
        return 2
    if args.json:
        data = _article_summary(article)
        data["sections"] = [
            {"id": s.id, "title": s.title, "markdown": s.markdown} for s in article.sections
        ]
        cited = sorted((library.reference(k) for k in article.citations), key=lambda r: r.number)
        data["references"] = [{"number": r.number, "key": r.key, "text": r.text} for r in cited]
        _print_json(data)
        return 0
    sys.stdout.write(article_text(article, library))
    return 0


def _references(args: argparse.Namespace) -> int:
    library = _load()
    if library is None:
        return 1
    if args.json:
        _print_json([_reference_json(r) for r in library.references])
        return 0
    for ref in library.references:
        sys.stdout.write(reference_line(ref) + "\n")
    return 0
