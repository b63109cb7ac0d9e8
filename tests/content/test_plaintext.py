"""A section's plain text and tables, as the loader gives them to the search."""

from __future__ import annotations

from sjsref.content.loader import load_library
from sjsref.content.models import Section, Table
from tests.content.conftest import LibraryMaker


def _section(markdown: str) -> Section:
    return Section.parsed("s", "S", markdown, 1)


def test_plain_text_keeps_prose_and_drops_markup() -> None:
    markdown = (
        "### Detail\n\n- **Bold** claim with *emphasis* [@smith2020; @jones2021].\n"
        "- See [the calculator](calc:scorten) and HLA-B\\*15:02 `code`.\n"
    )
    section = _section(markdown)
    assert section.text == (
        "Detail Bold claim with emphasis. See the calculator and HLA-B*15:02 code."
    )
    assert section.headings == ["Detail"]


def test_tables_are_split_into_rows_of_plain_cells() -> None:
    markdown = (
        "Intro\n\n| Allele | Drug |\n|:---|---:|\n| HLA-B\\*15:02 | Carbamazepine |\n"
        "| HLA-B\\*58:01 | Allopurinol \\| febuxostat [@hung2005] |\n\nAfter\n"
    )
    (table,) = _section(markdown).tables
    assert table == Table(
        header=["Allele", "Drug"],
        rows=[["HLA-B*15:02", "Carbamazepine"], ["HLA-B*58:01", "Allopurinol | febuxostat"]],
    )


def test_plain_text_turns_table_rows_into_prose() -> None:
    markdown = "Before.\n\n| Drug | Risk |\n|---|---|\n| Allopurinol | High |\n"
    assert _section(markdown).text == "Before. Drug; Risk. Allopurinol; High."


def test_a_cell_holding_only_a_citation_is_empty() -> None:
    markdown = "| Drug | Risk | Source |\n|---|---|---|\n| Allopurinol | High | [@hung2005] |\n"
    section = _section(markdown)
    assert section.text == "Drug; Risk; Source. Allopurinol; High."
    assert section.tables[0].rows == [["Allopurinol", "High", ""]]


def test_citation_inside_a_code_span_stays_text() -> None:
    assert _section("Write `[@key]` [@key].").text == "Write [@key]."


def test_loader_fills_text_and_tables_from_the_tokens(make_library: LibraryMaker) -> None:
    library = load_library(make_library())
    overview, table = library.article("alpha").sections
    assert overview.text == "SJS is rare."
    assert table.text == "Drug; Risk. carbamazepine; high. See beta and the SCORTEN calculator."
    assert table.tables == [Table(header=["Drug", "Risk"], rows=[["carbamazepine", "high"]])]
    for article in library.articles:
        for section in article.sections:
            assert section == _same(section)


def _same(section: Section) -> Section:
    # What parsing the section alone gives: the loader's share of the
    # article's tokens must read the same.
    return Section.parsed(section.id, section.title, section.markdown, section.line)


def test_code_is_kept_as_text() -> None:
    assert _section("Type:\n\n    sjsref search ten\n").text == "Type: sjsref search ten"
