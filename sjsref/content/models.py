"""The library's schema: front matter, CSL-JSON items, and the loaded library."""

from __future__ import annotations

import datetime as dt
from typing import Any

from markdown_it.token import Token
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from sjsref.content.mdparse import parse
from sjsref.content.plaintext import plain
from sjsref.content.tables import Tables

# CSL 1.0.2 item types (https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types).
CSL_TYPES = frozenset(
    {
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    }
)

# Types whose AMA form names a journal or book the item sits in.
_NEEDS_CONTAINER = frozenset({"article-journal", "chapter"})


class FrontMatter(BaseModel):
    """The TOML block between ``+++`` lines at the top of an article."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    keywords: list[str]
    last_reviewed: dt.date

    @field_validator("last_reviewed", mode="before")
    @classmethod
    def _toml_date(cls, value: object) -> object:
        # A quoted "2026-11-22" or a date-time would pass pydantic's lax parsing;
        # the format asks for a bare TOML date so that tomllib checks it.
        if type(value) is not dt.date:
            raise ValueError("must be a TOML date such as 2026-11-22 (no quotes, no time)")
        return value


class Table(BaseModel):
    """A table of a section as plain text (markup and citations removed)."""

    model_config = ConfigDict(frozen=True)

    header: list[str]
    rows: list[list[str]] = Field(description="body rows, each a list of cell texts")


class Section(BaseModel):
    """One ``## `` section of an article, as written and as plain text."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    markdown: str
    line: int = Field(description="1-based line of the heading in the article file")
    text: str = Field(description="plain text: no markup or citations, table rows as 'a; b.'")
    tables: list[Table]
    headings: list[str] = Field(description="the ### (and deeper) headings inside")

    @classmethod
    def parsed(
        cls, id: str, title: str, markdown: str, line: int, tokens: list[Token] | None = None
    ) -> Section:
        """A section with its plain text and tables read from its markdown-it tokens.

        Args:
            id: The anchor.
            title: The heading's text.
            markdown: The body as written.
            line: 1-based line of the heading in the article file.
            tokens: The body's tokens if already parsed; else ``markdown`` is parsed.
        """
        found = plain(parse(markdown) if tokens is None else tokens)
        return cls(
            id=id,
            title=title,
            markdown=markdown,
            line=line,
            text=found.text,
            tables=[
                Table(header=list(h), rows=[list(r) for r in rest]) for h, *rest in found.tables
            ],
            headings=list(found.headings),
        )


class Article(BaseModel):
    """One Markdown file of the library."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    summary: str
    keywords: list[str]
    last_reviewed: dt.date
    sections: list[Section]
    file: str
    citations: list[str] = Field(description="reference keys in order of first citation")

    def section(self, section_id: str) -> Section:
        """Return the section with this anchor.

        Raises:
            KeyError: No such section.
        """
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"article {self.id!r} has no section {section_id!r}")


class CslName(BaseModel):
    """A CSL name: a person (family, given) or an organisation (literal)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    family: str | None = Field(default=None, min_length=1)
    given: str | None = Field(default=None, min_length=1)
    literal: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _person_or_group(self) -> CslName:
        if self.literal is None and (self.family is None or self.given is None):
            raise ValueError("a name needs both 'family' and 'given' (or 'literal' for a group)")
        return self


class CslDate(BaseModel):
    """A CSL date; only ``date-parts`` is used: ``[[year, month?, day?]]``."""

    model_config = ConfigDict(extra="allow", frozen=True)

    date_parts: list[list[int]] = Field(alias="date-parts", min_length=1, max_length=2)

    @field_validator("date_parts")
    @classmethod
    def _valid_parts(cls, parts: list[list[int]]) -> list[list[int]]:
        for part in parts:
            if not 1 <= len(part) <= 3:
                raise ValueError("each date needs [year], [year, month] or [year, month, day]")
            year, month, day = (*part, 1, 1)[:3]
            if not 1800 <= year <= 2100:
                raise ValueError(f"year {year} is not plausible")
            try:
                dt.date(year, month, day)
            except ValueError as exc:
                raise ValueError(f"{part} is not a calendar date ({exc})") from None
        return parts

    @property
    def year(self) -> int:
        """The (first) year."""
        return self.date_parts[0][0]


class CslItem(BaseModel):
    """One CSL-JSON item; fields the app reads are checked, others are kept."""

    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    type: str
    author: list[CslName] = Field(min_length=1)
    title: str = Field(min_length=1)
    container_title: str | None = Field(default=None, alias="container-title", min_length=1)
    container_title_short: str | None = Field(default=None, alias="container-title-short")
    # None only for a peer-reviewed item whose date could not be confirmed;
    # its ``note`` must say so, and its key ends in "nd" (no date).
    issued: CslDate | None = None
    note: str | None = None
    volume: str | None = None
    issue: str | None = None
    page: str | None = None
    DOI: str | None = Field(default=None, pattern=r"^10\.\d{4,9}/\S+$")
    PMID: str | None = Field(default=None, pattern=r"^[0-9]{1,9}$")

    @field_validator("type")
    @classmethod
    def _csl_type(cls, value: str) -> str:
        if value not in CSL_TYPES:
            raise ValueError(f"{value!r} is not a CSL item type")
        return value

    @model_validator(mode="after")
    def _container(self) -> CslItem:
        if self.type in _NEEDS_CONTAINER and self.container_title is None:
            raise ValueError(f"a {self.type} needs 'container-title'")
        if self.issued is None and not self.note:
            raise ValueError("'issued' is missing; an undated item needs a 'note' saying why")
        return self


class CiteSite(BaseModel):
    """Where a reference is cited: an article and one of its sections."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    section_id: str


class Reference(BaseModel):
    """A reference with its global number and its AMA rendering."""

    model_config = ConfigDict(frozen=True)

    key: str
    number: int = Field(ge=1)
    item: CslItem
    csl: dict[str, Any] = Field(description="the CSL-JSON item exactly as stored")
    text: str = Field(description="AMA style, plain text, without the number")
    html: str = Field(description="AMA style, Qt rich-text HTML, without the number")
    cited_in: list[CiteSite] = Field(description="article sections, in reading order")
    calculators: list[str] = Field(
        default_factory=list, description="ids of the calculators whose rules cite it"
    )
    tables: list[str] = Field(
        default_factory=list, description="the tables ('drugs', 'hla') whose rows cite it"
    )

    @property
    def doi_url(self) -> str | None:
        """The resolver link for the DOI, if the reference has one."""
        return f"https://doi.org/{self.item.DOI}" if self.item.DOI else None


class Library(BaseModel):
    """Everything the loader checked: articles in file order, numbered references."""

    model_config = ConfigDict(frozen=True)

    articles: list[Article]
    references: list[Reference] = Field(description="ordered by number")
    integrity: str = Field(default="", description="the content check's one-line summary")
    tables: Tables = Field(default_factory=Tables, description="the drug and HLA tables")
    _articles: dict[str, Article] = PrivateAttr(default_factory=dict)
    _references: dict[str, Reference] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        """Index articles and references by id."""
        self._articles.update((a.id, a) for a in self.articles)
        self._references.update((r.key, r) for r in self.references)

    def article(self, article_id: str) -> Article:
        """Return the article with this id.

        Raises:
            KeyError: No such article.
        """
        try:
            return self._articles[article_id]
        except KeyError:
            raise KeyError(f"no article with id {article_id!r}") from None

    def reference(self, key: str) -> Reference:
        """Return the reference with this citation key.

        Raises:
            KeyError: No such reference.
        """
        try:
            return self._references[key]
        except KeyError:
            raise KeyError(f"no reference with key {key!r}") from None

    @property
    def last_reviewed(self) -> dt.date:
        """The newest ``last_reviewed`` date of all articles."""
        return max(a.last_reviewed for a in self.articles)
