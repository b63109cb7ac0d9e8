"""Write the library's part of the content pack: articles, references, tables, pages.

Runs at build time only (``python -m sjsref.search.build``), on a library
the loader has checked: it renders each article and the reference list once
here, so the app never renders Markdown. :mod:`sjsref.content.packed` reads
what this writes; the search layer adds the index.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from sjsref.clinical.registry import CalculatorInfo
from sjsref.content.models import Library
from sjsref.content.render import article_html, references_html

LIBRARY_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(
    position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    summary TEXT NOT NULL, keywords TEXT NOT NULL, last_reviewed TEXT NOT NULL,
    file TEXT NOT NULL, citations TEXT NOT NULL, sections TEXT NOT NULL, html TEXT NOT NULL);
CREATE TABLE refs(
    number INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, text TEXT NOT NULL,
    html TEXT NOT NULL, csl TEXT NOT NULL, cited_in TEXT NOT NULL,
    calculators TEXT NOT NULL, tables TEXT NOT NULL);
CREATE TABLE drugs(position INTEGER PRIMARY KEY, row TEXT NOT NULL);
CREATE TABLE hla(position INTEGER PRIMARY KEY, row TEXT NOT NULL);
CREATE TABLE calculators(
    position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    purpose TEXT NOT NULL);
CREATE TABLE pages(name TEXT PRIMARY KEY, html TEXT NOT NULL);
"""


def _json(value: Any) -> str:
    # Sorted keys and no spaces: the same library always gives the same bytes.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def write_library(
    db: sqlite3.Connection, library: Library, calculators: Iterable[CalculatorInfo]
) -> None:
    """Create the library tables in ``db`` and fill them from a checked library."""
    db.executescript(LIBRARY_SCHEMA)
    db.executemany(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                position,
                a.id,
                a.title,
                a.summary,
                _json(a.keywords),
                a.last_reviewed.isoformat(),
                a.file,
                _json(a.citations),
                _json([[s.id, s.title] for s in a.sections]),
                article_html(a, library),
            )
            for position, a in enumerate(library.articles)
        ),
    )
    db.executemany(
        "INSERT INTO refs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                r.number,
                r.key,
                r.text,
                r.html,
                _json(r.csl),
                _json([[s.article_id, s.section_id] for s in r.cited_in]),
                _json(r.calculators),
                _json(r.tables),
            )
            for r in library.references
        ),
    )
    drugs = [
        {**row.model_dump(mode="json"), "id": row.id, "sources": row.sources}
        | {"lookup_names": row.lookup_names}
        for row in library.tables.drugs
    ]
    hla = [
        {**row.model_dump(mode="json"), "id": row.id, "sources": row.sources}
        for row in library.tables.hla
    ]
    db.executemany("INSERT INTO drugs VALUES (?, ?)", enumerate(map(_json, drugs)))
    db.executemany("INSERT INTO hla VALUES (?, ?)", enumerate(map(_json, hla)))
    db.executemany(
        "INSERT INTO calculators VALUES (?, ?, ?, ?)",
        ((n, c.id, c.name, c.purpose) for n, c in enumerate(calculators)),
    )
    page = references_html(library, copy_links=True)
    db.execute("INSERT INTO pages VALUES ('references', ?)", (page,))
