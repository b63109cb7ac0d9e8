"""Every reference can be traced, and a shortened author list says so.

A reference is traceable through its DOI or PMID; one with neither carries a
``note`` saying why. An author list that stops short of the real one is marked
in CSL-JSON (``custom.authors-truncated``) and prints "et al" after the names
listed, never a made-up author.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from sjsref.content.cite_render import with_et_al
from sjsref.content.errors import ContentError, Problems
from sjsref.content.loader import load_library
from sjsref.content.models import Library
from sjsref.content.references import AUTHORS_TRUNCATED, authors_truncated, load_items
from tests.content.conftest import REPO_RESOURCES, LibraryMaker, references

# Notes written for author lists that could not be confirmed in full.
_UNCONFIRMED_AUTHORS = re.compile(r"(authors|co-authors) after .* could not be confirmed", re.I)


@pytest.fixture(scope="module")
def raw_items() -> dict[str, dict[str, Any]]:
    problems = Problems()
    items = load_items(REPO_RESOURCES, problems)
    problems.raise_if_any()
    return {key: found.raw for key, found in items.items()}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(REPO_RESOURCES)


def test_every_reference_has_a_doi_a_pmid_or_a_note_why_not(
    raw_items: dict[str, dict[str, Any]],
) -> None:
    untraceable = [
        key
        for key, raw in raw_items.items()
        if not (raw.get("DOI") or raw.get("PMID") or str(raw.get("note", "")).strip())
    ]
    assert untraceable == []


def test_a_note_about_unconfirmed_authors_comes_with_the_flag(
    raw_items: dict[str, dict[str, Any]],
) -> None:
    for key, raw in raw_items.items():
        noted = bool(_UNCONFIRMED_AUTHORS.search(str(raw.get("note", ""))))
        assert noted == authors_truncated(raw), key


def test_shortened_author_lists_print_et_al_after_the_last_listed_name(
    raw_items: dict[str, dict[str, Any]], library: Library
) -> None:
    flagged = [key for key, raw in raw_items.items() if authors_truncated(raw)]
    assert flagged, "the library has author lists known to be incomplete"
    for key in flagged:
        ref = library.reference(key)
        shown = ref.item.author[: min(len(ref.item.author), 3)]
        last = shown[-1].family
        assert last is not None
        authors, _, _ = ref.text.partition(". ")
        assert authors.endswith(", et al"), ref.text
        assert last in authors, ref.text
        assert ", et al" in ref.html.partition(". ")[0], ref.html


def test_complete_short_lists_print_no_et_al(
    raw_items: dict[str, dict[str, Any]], library: Library
) -> None:
    for key, raw in raw_items.items():
        if not authors_truncated(raw) and len(raw["author"]) <= 6:
            assert "et al" not in library.reference(key).text.partition(". ")[0], key


def test_flag_is_the_csl_custom_field(make_library: LibraryMaker) -> None:
    refs = references()
    refs[1]["custom"] = {AUTHORS_TRUNCATED: True}
    root = make_library(refs=refs)
    text = load_library(root).reference("jones2019").text
    assert text.startswith("Jones B, Ng C, et al. Is it the drug?")
    stored = json.loads((root / "references.json").read_text(encoding="utf-8"))
    assert [a["family"] for a in stored[1]["author"]] == ["Jones", "Ng"]


def test_a_list_already_cut_by_the_style_gets_no_second_et_al() -> None:
    rendered = "Smith A, Adams A, Baker A, et al. A study of rare reactions. J Tests."
    assert with_et_al(rendered, "A study of rare reactions") == rendered


def test_missing_title_is_an_error_not_a_guess() -> None:
    with pytest.raises(ContentError, match="cannot find the title"):
        with_et_al("Smith A. Another paper. J Tests.", "A study of rare reactions")
