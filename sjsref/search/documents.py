"""Turn the loaded library and the calculators into search documents.

One document per article (title, summary, keywords), per section, per
calculator (name, criteria, purpose), per reference (authors, title, journal,
year, DOI), per row of an article's table (kind ``row``, whose target is the
section holding it), and per row of the drug and HLA tables (kinds ``drug``
and ``allele``, whose targets are the rows themselves). Sections come already
as plain text from the content loader (``Section.text``, ``Section.tables``);
nothing here reads Markdown.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sjsref.clinical.registry import CalculatorInfo
from sjsref.content.models import Article, Library, Reference, Table
from sjsref.content.tables import DrugRow, HlaRow
from sjsref.search.index import SearchIndex
from sjsref.search.results import Document
from sjsref.search.synonyms import load_synonyms

# The synonym file, in resources/.
SYNONYMS_FILE = "synonyms.toml"
# A table row's title is its first cell, cut here so a long cell stays a title.
MAX_ROW_TITLE = 80
# Between the article and the section in a row's context ("Severity › SCORTEN"):
# the window names a row's table by the part after it.
CONTEXT_SEPARATOR = " › "


def documents_from(library: Library, calculators: Iterable[CalculatorInfo]) -> list[Document]:
    """Every searchable document of the library and the calculators.

    Args:
        library: The loaded library (``sjsref.content.loader.load_library``).
        calculators: The calculator registry
            (``sjsref.clinical.registry.CALCULATORS``).

    Returns:
        Documents: calculators first, then each article followed by its
        sections and table rows, then the references.
    """
    documents = [calculator_document(c) for c in calculators]
    for article in library.articles:
        documents.extend(article_documents(article))
    documents.extend(drug_document(row) for row in library.tables.drugs)
    documents.extend(allele_document(row) for row in library.tables.hla)
    documents.extend(reference_document(r) for r in library.references)
    return documents


def drug_document(row: DrugRow) -> Document:
    """A drug of the drug table, found by any of its names (brands too) and its evidence."""
    parts = [row.drug_class, f"{row.association.value} association", row.evidence]
    parts += [f"Latency: {row.latency}"] if row.latency else []
    return Document(
        kind="drug",
        title=row.name,
        body="; ".join(parts),
        target=f"table:drugs#{row.id}",
        keywords=row.lookup_names,
        context="Drug table",
    )


def allele_document(row: HlaRow) -> Document:
    """An allele and its drugs, found by either (and by the populations and CPIC advice)."""
    return Document(
        kind="allele",
        title=f"{row.allele} · {', '.join(row.drugs)}",
        body="; ".join([row.reaction, row.populations, row.association, f"CPIC: {row.cpic}"]),
        target=f"table:hla#{row.id}",
        keywords=(row.allele, *row.drugs),
        context="HLA table",
    )


def calculator_document(calculator: CalculatorInfo) -> Document:
    """A calculator, found by its name, purpose and the criteria it asks for."""
    criteria = list(calculator.criteria)
    return Document(
        kind="calculator",
        title=calculator.name,
        body=" ".join([calculator.purpose, *(f"{c}." for c in criteria)]),
        target=f"calc:{calculator.id}",
        # "calculator": what "how do I calculate SCORTEN" is looking for.
        keywords=(calculator.id, "calculator", *calculator.keywords),
        context="Calculator",
    )


def article_documents(article: Article) -> list[Document]:
    """The article itself, each of its sections, and each table row."""
    documents = [
        Document(
            kind="article",
            title=article.title,
            body=article.summary,
            target=f"article:{article.id}",
            keywords=tuple(article.keywords),
        )
    ]
    for section in article.sections:
        target = f"article:{article.id}#{section.id}"
        documents.append(
            Document(
                kind="section",
                title=section.title,
                body=section.text,
                target=target,
                # The ### headings inside: labels its author chose, like keywords.
                keywords=tuple(section.headings),
                context=article.title,
            )
        )
        context = f"{article.title}{CONTEXT_SEPARATOR}{section.title}"
        documents.extend(table_row_documents(section.tables, target, context))
    return documents


def _cut(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a space, with "…" (not "after a resp")."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip(" ·,;") + "…"


def table_row_documents(tables: Iterable[Table], target: str, context: str) -> list[Document]:
    """One ``row`` document per body row of each table of a section.

    The title is the row's first cells that name it (e.g. allele and drug);
    the body pairs each header with its cell ("Reaction: SJS/TEN; ...");
    the context ends with the section's title, which names the table (the
    articles' tables have no captions of their own).
    """
    documents: list[Document] = []
    for table in tables:
        for cells in table.rows:
            if not any(cells):
                continue
            title = _cut(" · ".join(c for c in cells[:2] if c), MAX_ROW_TITLE)
            pairs = [
                f"{n}: {c}" if n else c for n, c in zip(table.header, cells, strict=False) if c
            ]
            documents.append(
                Document(
                    kind="row",
                    title=title,
                    body="; ".join(pairs),
                    target=target,
                    context=context,
                )
            )
    return documents


def reference_document(reference: Reference) -> Document:
    """A reference, found by authors, title, journal, year and DOI."""
    item = reference.item
    authors = [n.literal or " ".join(p for p in (n.family, n.given) if p) for n in item.author]
    journal = [j for j in (item.container_title, item.container_title_short) if j]
    year = str(item.issued.year) if item.issued else ""
    families = tuple(n.family for n in item.author if n.family)
    # "Micheletti 2018": how the articles and clinicians name a paper.
    label = f"{families[0]} {year}".strip() if families else ""
    body_parts = [", ".join(authors), *journal, year]
    if item.DOI:
        body_parts.append(f"doi:{item.DOI}")
    if item.PMID:
        body_parts.append(f"PMID {item.PMID}")
    return Document(
        kind="reference",
        title=item.title,
        body=". ".join(body_parts),
        target=f"ref:{reference.key}",
        keywords=(label, *families) if label else families,
        context=f"{journal[-1]} {year}".strip() if journal else year,
    )


def build_index(
    library: Library, calculators: Iterable[CalculatorInfo], resources: Path
) -> SearchIndex:
    """The app's index: every document, with the synonyms in ``resources/``.

    The index is warmed (see :meth:`SearchIndex.warm`), so run this off the
    GUI thread.

    Raises:
        SynonymError: When ``synonyms.toml`` is malformed.
        OSError: When it cannot be read.
    """
    synonyms = load_synonyms(resources / SYNONYMS_FILE)
    index = SearchIndex(documents_from(library, calculators), synonyms)
    index.warm()
    return index
