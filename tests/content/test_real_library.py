"""The shipped library itself obeys every rule (resources/README.md)."""

from __future__ import annotations

import re

import pytest

from sjsref.clinical.registry import CALCULATOR_IDS
from sjsref.content.cite_render import dumps, rendered_document
from sjsref.content.errors import Problems
from sjsref.content.loader import clinical_citations, load_library
from sjsref.content.models import Library, Section
from sjsref.content.references import RENDERED_FILE, load_items
from sjsref.content.render import article_html, article_text
from tests.content.conftest import REPO_RESOURCES


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(REPO_RESOURCES)


def test_loads_without_problems(library: Library) -> None:
    assert library.articles
    assert library.references


def test_every_article_has_non_empty_sections(library: Library) -> None:
    for article in library.articles:
        assert article.sections, article.id
        for section in article.sections:
            assert section.markdown.strip(), f"{article.id}#{section.id}"


def test_ids_are_unique(library: Library) -> None:
    ids = [a.id for a in library.articles]
    assert len(ids) == len(set(ids))
    keys = [r.key for r in library.references]
    assert len(keys) == len(set(keys))


def test_every_reference_is_cited(library: Library) -> None:
    for ref in library.references:
        assert ref.cited_in or ref.calculators or ref.tables, ref.key


def test_numbers_follow_first_citation_across_articles(library: Library) -> None:
    order = list(dict.fromkeys(k for a in library.articles for k in a.citations))
    numbered = [r.key for r in library.references]
    assert numbered[: len(order)] == order
    assert [r.number for r in library.references] == list(range(1, len(numbered) + 1))


def test_every_clinical_citation_key_is_in_the_library(library: Library) -> None:
    known = {r.key for r in library.references}
    assert set(clinical_citations()) - known == set()


def test_every_internal_link_resolves(library: Library) -> None:
    for article in library.articles:
        html = article_html(article, library)
        for href in re.findall(r'href="((?:article|calc|ref):[^"]*)"', html):
            scheme, _, target = href.partition(":")
            if scheme == "calc":
                assert target in CALCULATOR_IDS, (article.id, href)
            elif scheme == "ref":
                assert f'<a name="ref-{target}">' in html, (article.id, href)
                library.reference(target)
            else:
                other, _, section = target.partition("#")
                if section:
                    library.article(other).section(section)
                else:
                    library.article(other)


def test_every_article_renders_to_text(library: Library) -> None:
    for article in library.articles:
        text = article_text(article, library)
        assert "[@" not in text, article.id


def test_every_section_has_plain_text_for_the_search(library: Library) -> None:
    for article in library.articles:
        for section in article.sections:
            where = f"{article.id}#{section.id}"
            assert section.text, where
            assert not re.search(r"\[@|\*\*|\]\(|^#", section.text), where
            # The loader's share of the article's tokens reads as the section alone.
            alone = Section.parsed(section.id, section.title, section.markdown, section.line)
            assert section == alone, where


def test_rendered_references_match_citeproc() -> None:
    problems = Problems()
    items = load_items(REPO_RESOURCES, problems)
    problems.raise_if_any()
    committed = (REPO_RESOURCES / RENDERED_FILE).read_text(encoding="utf-8")
    assert committed == dumps(rendered_document(REPO_RESOURCES, items)), (
        "run `python -m sjsref.content.cite_render`"
    )
