"""The library as the window shows it, read from the content pack: plain dataclasses.

The pack (``resources/library.sqlite``, written by ``python -m
sjsref.search.build``) holds what the loader checked and the renderer drew,
once, at build time. Reading it needs only ``sqlite3`` and ``json``: neither
pydantic nor markdown-it is imported to show the library, which keeps them
off the start-up path. The field names are those of
:mod:`sjsref.content.models` and :mod:`sjsref.content.tables`, so a view reads
either; enumerations (a drug's association, its ALDEN notoriety) are their
string values here, which compare equal to the enumeration members.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

# The pack's own version: a reader refuses a pack written in another layout.
PACK_FORMAT = "1"


@dataclass(frozen=True)
class Section:
    """One ``## `` section of an article: its anchor and heading."""

    id: str
    title: str


@dataclass(frozen=True)
class Article:
    """One article, with its HTML rendered at build time (``content.render.article_html``)."""

    id: str
    title: str
    summary: str
    keywords: tuple[str, ...]
    last_reviewed: dt.date
    file: str
    citations: tuple[str, ...]
    sections: tuple[Section, ...]
    html: str

    def section(self, section_id: str) -> Section:
        """The section with this anchor; KeyError if there is none."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"article {self.id!r} has no section {section_id!r}")


@dataclass(frozen=True)
class CiteSite:
    """Where a reference is cited: an article and one of its sections."""

    article_id: str
    section_id: str


@dataclass(frozen=True)
class Reference:
    """A numbered reference with its AMA text and HTML (rendered at build time)."""

    key: str
    number: int
    text: str
    html: str
    csl: dict[str, Any] = field(hash=False)
    cited_in: tuple[CiteSite, ...]
    calculators: tuple[str, ...]
    tables: tuple[str, ...]

    @property
    def doi_url(self) -> str | None:
        """The resolver link for the DOI, if the reference has one."""
        doi = self.csl.get("DOI")
        return f"https://doi.org/{doi}" if doi else None


@dataclass(frozen=True)
class DrugRow:
    """One row of the drug table (the fields of ``content.tables.DrugRow``)."""

    id: str
    name: str
    synonyms: tuple[str, ...]
    members: tuple[str, ...]
    brands: tuple[str, ...]
    drug_class: str
    association: str
    evidence: str
    evidence_sources: tuple[str, ...]
    notoriety: str
    latency: str | None
    latency_sources: tuple[str, ...]
    half_life_h: float | None
    half_life_note: str | None
    half_life_sources: tuple[str, ...]
    sources: tuple[str, ...]
    lookup_names: tuple[str, ...]


@dataclass(frozen=True)
class HlaRow:
    """One row of the HLA table (the fields of ``content.tables.HlaRow``)."""

    id: str
    allele: str
    drugs: tuple[str, ...]
    reaction: str
    populations: str
    association: str
    association_sources: tuple[str, ...]
    cpic: str
    cpic_strength: str | None
    cpic_sources: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Tables:
    """The drug and HLA tables."""

    drugs: tuple[DrugRow, ...] = ()
    hla: tuple[HlaRow, ...] = ()

    def drug(self, name: str) -> DrugRow | None:
        """The row a generic name, synonym, group member or brand names (any case).

        As ``content.tables.Tables.drug``: the ALDEN page matches typed names here.
        """
        wanted = name.strip().casefold()
        for row in self.drugs:
            if wanted in (n.casefold() for n in row.lookup_names):
                return row
        return None


@dataclass(frozen=True)
class Calculator:
    """What the home page and the browse list say about a calculator (no pydantic)."""

    id: str
    name: str
    purpose: str


@dataclass(frozen=True)
class Library:
    """Everything the window shows of the library.

    Attributes:
        articles: In file order.
        references: Ordered by number.
        tables: The drug and HLA tables.
        calculators: The calculators, as the registry listed them at build time.
        references_html: The whole reference list as the window shows it.
        integrity: The content check's one-line summary.
    """

    articles: tuple[Article, ...]
    references: tuple[Reference, ...]
    tables: Tables
    calculators: tuple[Calculator, ...]
    references_html: str
    integrity: str = ""
    _articles: dict[str, Article] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )
    _references: dict[str, Reference] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self._articles.update((a.id, a) for a in self.articles)
        self._references.update((r.key, r) for r in self.references)

    def article(self, article_id: str) -> Article:
        """The article with this id; KeyError if there is none."""
        try:
            return self._articles[article_id]
        except KeyError:
            raise KeyError(f"no article with id {article_id!r}") from None

    def reference(self, key: str) -> Reference:
        """The reference with this citation key; KeyError if there is none."""
        try:
            return self._references[key]
        except KeyError:
            raise KeyError(f"no reference with key {key!r}") from None

    @property
    def last_reviewed(self) -> dt.date:
        """The newest ``last_reviewed`` date of all articles."""
        return max(a.last_reviewed for a in self.articles)


def reference_line(reference: Reference) -> str:
    """``"12. Author A, ... doi:..."``: one reference as plain text (as ``content.render``)."""
    return f"{reference.number}. {reference.text}"


def read_library(db: sqlite3.Connection, integrity: str = "") -> Library:
    """Read the library tables of an open content pack.

    Raises:
        sqlite3.DatabaseError: The pack is damaged or not a pack (a caller
            reports it as a content error).
        ValueError, KeyError, TypeError: A row does not hold what it should.
    """
    articles = tuple(
        Article(
            id=id_,
            title=title,
            summary=summary,
            keywords=tuple(json.loads(keywords)),
            last_reviewed=dt.date.fromisoformat(reviewed),
            file=file,
            citations=tuple(json.loads(citations)),
            sections=tuple(Section(s_id, s_title) for s_id, s_title in json.loads(sections)),
            html=html,
        )
        for id_, title, summary, keywords, reviewed, file, citations, sections, html in db.execute(
            "SELECT id, title, summary, keywords, last_reviewed, file, citations, sections, html "
            "FROM articles ORDER BY position"
        )
    )
    references = tuple(
        Reference(
            key=key,
            number=number,
            text=text,
            html=html,
            csl=json.loads(csl),
            cited_in=tuple(CiteSite(a, s) for a, s in json.loads(cited_in)),
            calculators=tuple(json.loads(calculators)),
            tables=tuple(json.loads(tables)),
        )
        for key, number, text, html, csl, cited_in, calculators, tables in db.execute(
            "SELECT key, number, text, html, csl, cited_in, calculators, tables "
            "FROM refs ORDER BY number"
        )
    )
    drugs = tuple(DrugRow(**_tupled(row)) for row in _json_rows(db, "drugs"))
    hla = tuple(HlaRow(**_tupled(row)) for row in _json_rows(db, "hla"))
    calculators = tuple(
        Calculator(*row)
        for row in db.execute("SELECT id, name, purpose FROM calculators ORDER BY position")
    )
    (page,) = db.execute("SELECT html FROM pages WHERE name = 'references'").fetchone()
    return Library(articles, references, Tables(drugs, hla), calculators, page, integrity)


def _json_rows(db: sqlite3.Connection, table: str) -> list[dict[str, Any]]:
    rows = db.execute(f"SELECT row FROM {table} ORDER BY position")  # table: a constant
    return [json.loads(text) for (text,) in rows]


def _tupled(row: dict[str, Any]) -> dict[str, Any]:
    """JSON arrays back to the tuples the dataclasses hold."""
    return {k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}
