"""From a library and calculators to search documents."""

from __future__ import annotations

import datetime as dt

from sjsref.clinical.registry import CalculatorInfo
from sjsref.content.models import Article, CslItem, Library, Reference, Section
from sjsref.search.documents import MAX_ROW_TITLE, documents_from, table_row_documents
from sjsref.search.index import Document, SearchIndex

TABLE = """Rows follow [@hung2005].

| Allele | Drug(s) | Source |
|---|---|---|
| HLA-B\\*58:01 | Allopurinol | [@hung2005] |
| HLA-B\\*15:02 | **Carbamazepine** | [@hung2005] |
"""


def _library() -> Library:
    item = CslItem.model_validate(
        {
            "id": "hung2005",
            "type": "article-journal",
            "author": [{"family": "Hung", "given": "SI"}, {"family": "Chung", "given": "WH"}],
            "title": "HLA-B*5801 allele as a genetic marker for severe cutaneous reactions",
            "container-title": "Proceedings of the National Academy of Sciences",
            "container-title-short": "Proc Natl Acad Sci U S A",
            "issued": {"date-parts": [[2005]]},
            "DOI": "10.1073/pnas.0409500102",
            "PMID": "15743917",
        }
    )
    article = Article(
        id="pharmacogenomics",
        title="Pharmacogenomics",
        summary="Which alleles, which drugs.",
        keywords=["HLA", "Tegretol"],
        last_reviewed=dt.date(2026, 11, 22),
        sections=[
            Section.parsed("why", "Why test", "Test *before* the first dose.", 8),
            Section.parsed("table", "Allele table", TABLE, 12),
        ],
        file="05-pharmacogenomics.md",
        citations=["hung2005"],
    )
    reference = Reference(
        key="hung2005",
        number=1,
        item=item,
        csl={},
        text="Hung SI, Chung WH. ...",
        html="",
        cited_in=[],
    )
    return Library(articles=[article], references=[reference])


CALCULATOR = CalculatorInfo(
    "scorten", "SCORTEN", "Predicts mortality.", ("Age > 40 years",), (), keywords=("BUN",)
)


def _by_target(documents: list[Document]) -> dict[str, list[Document]]:
    found: dict[str, list[Document]] = {}
    for document in documents:
        found.setdefault(document.target, []).append(document)
    return found


def test_every_kind_of_document_is_made() -> None:
    documents = documents_from(_library(), [CALCULATOR])
    assert [d.kind for d in documents] == [
        "calculator",
        "article",
        "section",
        "section",
        "row",
        "row",
        "reference",
    ]
    assert set(_by_target(documents)) == {
        "calc:scorten",
        "article:pharmacogenomics",
        "article:pharmacogenomics#why",
        "article:pharmacogenomics#table",
        "ref:hung2005",
    }


def test_calculator_document_holds_name_purpose_and_criteria() -> None:
    (calculator,) = _by_target(documents_from(_library(), [CALCULATOR]))["calc:scorten"]
    assert calculator.title == "SCORTEN"
    assert "Predicts mortality." in calculator.body
    assert "Age > 40 years" in calculator.body
    assert "BUN" in calculator.keywords


def test_article_document_holds_title_summary_keywords() -> None:
    (article,) = _by_target(documents_from(_library(), []))["article:pharmacogenomics"]
    assert (article.title, article.body) == ("Pharmacogenomics", "Which alleles, which drugs.")
    assert article.keywords == ("HLA", "Tegretol")


def test_sections_are_plain_text_with_their_article_as_context() -> None:
    why = _by_target(documents_from(_library(), []))["article:pharmacogenomics#why"][0]
    assert why.body == "Test before the first dose."
    assert why.context == "Pharmacogenomics"


def test_each_article_table_row_is_a_row_document_targeting_its_section() -> None:
    rows = [d for d in documents_from(_library(), []) if d.kind == "row"]
    assert [r.title for r in rows] == ["HLA-B*58:01 · Allopurinol", "HLA-B*15:02 · Carbamazepine"]
    assert rows[1].body == "Allele: HLA-B*15:02; Drug(s): Carbamazepine"
    assert {r.target for r in rows} == {"article:pharmacogenomics#table"}
    assert rows[0].context == "Pharmacogenomics › Allele table"


def test_reference_document_holds_authors_title_journal_year_doi() -> None:
    (reference,) = _by_target(documents_from(_library(), []))["ref:hung2005"]
    assert reference.title.startswith("HLA-B*5801 allele")
    for part in ("Hung SI", "Chung WH", "Proc Natl Acad Sci", "2005", "10.1073/pnas.0409500102"):
        assert part in reference.body
    assert "Hung" in reference.keywords


def test_the_documents_are_searchable_by_every_field() -> None:
    index = SearchIndex(documents_from(_library(), [CALCULATOR]))
    assert index.search("hung 2005")[0].target == "ref:hung2005"
    assert index.search("10.1073/pnas.0409500102")[0].target == "ref:hung2005"
    assert index.search("allopurinol")[0].kind == "row"
    assert index.search("B*58:01")[0].target.startswith("article:pharmacogenomics")


def test_a_table_row_with_nothing_but_citations_makes_no_document() -> None:
    markdown = "| Drug | Source |\n|---|---|\n| [@hung2005] | [@hung2005] |\n| Allopurinol | |\n"
    section = Section.parsed("t", "T", markdown, 1)
    rows = table_row_documents(section.tables, "article:a#t", "A › T")
    assert [r.title for r in rows] == ["Allopurinol"]


def test_a_long_row_title_is_cut_between_words() -> None:
    long = "Mycoplasma-induced rash and mucositis (MIRM) | Child or young adult after a respiratory"
    markdown = f"| Condition | Feature |\n|---|---|\n| {long} infection, mostly boys |\n"
    section = Section.parsed("t", "T", markdown, 1)
    (row,) = table_row_documents(section.tables, "article:a#t", "A › T")
    assert len(row.title) <= MAX_ROW_TITLE and row.title.endswith("…")
    cut = "Mycoplasma-induced rash and mucositis (MIRM) · Child or young adult after a…"
    assert row.title == cut
    short = table_row_documents(Section.parsed("t", "T", TABLE, 1).tables, "article:a#t", "A › T")
    assert short[0].title == "HLA-B*58:01 · Allopurinol"  # a short title as it is
