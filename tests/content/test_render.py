"""Rendering to Qt rich-text HTML and to plain text."""

from __future__ import annotations

import re

import pytest

from sjsref.content.loader import load_library
from sjsref.content.models import Library
from sjsref.content.render import (
    article_html,
    article_text,
    markdown_html,
    markdown_text,
    reference_line,
    references_html,
)
from tests.content.conftest import LibraryMaker, references


@pytest.fixture
def library(make_library: LibraryMaker) -> Library:
    return load_library(make_library())


def test_citation_becomes_numbered_superscript_link(library: Library) -> None:
    html = markdown_html("Rare [@smith2020].", library)
    assert html == '<p>Rare <sup><a href="ref:smith2020">1</a></sup>.</p>\n'


def test_grouped_citation_is_sorted_by_number(library: Library) -> None:
    html = markdown_html("See [@brown2018; @smith2020].", library)
    assert '<sup><a href="ref:smith2020">1</a>,<a href="ref:brown2018">3</a></sup>' in html


def test_citation_in_code_span_stays_text(library: Library) -> None:
    assert markdown_html("Write `[@key]`.", library) == "<p>Write <code>[@key]</code>.</p>\n"


def test_sections_have_anchors_and_headings(library: Library) -> None:
    html = article_html(library.article("alpha"), library)
    assert html.startswith("<h1>Alpha article</h1>")
    assert '<a name="overview"></a><h2>Overview</h2>' in html
    assert '<a name="table-and-links"></a><h2>Table and links</h2>' in html
    assert html.index('name="overview"') < html.index('name="table-and-links"')


def test_table_renders_with_border_and_alignment(library: Library) -> None:
    html = article_html(library.article("alpha"), library)
    assert '<table border="1" cellspacing="0" cellpadding="4">' in html
    assert '<th align="right">Risk</th>' in html
    assert "<td>carbamazepine</td>" in html
    assert "style=" not in html  # Qt rich text: attributes, not CSS


def test_internal_links_keep_their_scheme(library: Library) -> None:
    html = article_html(library.article("alpha"), library)
    assert '<a href="article:beta#details">beta</a>' in html
    assert '<a href="calc:scorten">SCORTEN calculator</a>' in html


def test_article_ends_with_its_references(library: Library) -> None:
    html = article_html(library.article("alpha"), library)
    tail = html[html.index("<h2>References</h2>") :]
    assert re.findall(r'<a name="ref-(\w+)"></a>(\d+)\. ', tail) == [
        ("smith2020", "1"),
        ("jones2019", "2"),
    ]
    assert "brown2018" not in tail  # cited only in beta
    assert '<a href="https://doi.org/10.1000/jt.2020.1">' in tail


def test_references_page_says_where_each_is_cited(library: Library) -> None:
    html = references_html(library)
    assert '<a name="ref-brown2018"></a>3. ' in html
    assert '<a href="article:beta#details">Beta article: Details</a>' in html


def test_plain_text_article(library: Library) -> None:
    text = article_text(library.article("alpha"), library)
    lines = text.splitlines()
    assert lines[:2] == ["Alpha article", "============="]
    assert "SJS is rare [1]." in lines
    assert "- Drug: carbamazepine; Risk: high [2]" in lines
    assert "See beta and the SCORTEN calculator." in lines
    assert lines[lines.index("References") + 3].startswith("1. Smith A, Adams A, Baker A, et al.")


def test_plain_text_lists_and_grouped_citations(library: Library) -> None:
    text = article_text(library.article("beta"), library)
    assert "More [1,2] and [3]." in text
    assert "- a list item\n- another see alpha\n" in text


def test_plain_text_wraps_long_lines(library: Library) -> None:
    text = article_text(library.article("alpha"), library)
    assert max(len(line) for line in text.splitlines()) <= 78


def test_reference_line(library: Library) -> None:
    assert reference_line(library.reference("jones2019")).startswith("2. Jones B, Ng C.")


def test_references_page_links_calculators(make_library: LibraryMaker) -> None:
    lund = {
        "id": "lund1944",
        "type": "article-journal",
        "author": [{"family": "Lund", "given": "CC"}],
        "title": "The estimation of areas of burns",
        "container-title": "Surg Gynecol Obstet",
        "issued": {"date-parts": [[1944]]},
    }
    library = load_library(make_library(refs=[*references(), lund]))
    html = references_html(library)
    assert '<a name="ref-lund1944"></a>4. ' in html
    assert '<a href="calc:bsa">' in html


def test_markdown_text_of_a_section(library: Library) -> None:
    section = library.article("alpha").sections[1]
    assert markdown_text(section.markdown, library) == (
        "- Drug: carbamazepine; Risk: high [2]\n\nSee beta and the SCORTEN calculator.\n"
    )


def test_references_page_has_copy_links_only_when_asked(library: Library) -> None:
    assert "copy:" not in references_html(library)
    html = references_html(library, copy_links=True)
    assert html.count('href="copy:') == len(library.references)
    assert '<a href="copy:brown2018">Copy</a> · Cited in: <a href="article:beta#details">' in html
