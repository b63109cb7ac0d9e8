"""Allele normalisation, tokens and snippet parsing."""

from __future__ import annotations

import pytest

from sjsref.search.text import (
    MARK_CLOSE,
    MARK_OPEN,
    canonicalise_alleles,
    find_alleles,
    fold,
    marked_spans,
    words,
)

KNOWN = frozenset({"HLA-B*15:02", "HLA-A*31:01", "HLA-B*58:01"})


@pytest.mark.parametrize(
    "spelling",
    [
        "HLA-B*15:02",
        "hla-b*15:02",
        "HLA-B*1502",
        "HLA B*15:02",
        "HLA-B 15:02",
        "HLA-B1502",
        "HLA–B*15:02",  # en dash, as word processors write it
        "B*15:02",
        "B*1502",
        "B1502",
        "b1502",
        "b 15 02",
        "B15:02",
        "hla b 15 02",
        "HLA-B*15:02:01",
        "1502",
        "15:02",
    ],
)
def test_every_spelling_of_b1502_is_one_allele(spelling: str) -> None:
    (allele,) = find_alleles(fold(spelling), KNOWN)
    assert allele.name == "HLA-B*15:02"
    assert allele.words == ("hla", "b", "15", "02")


@pytest.mark.parametrize("spelling", ["A*3101", "hla-a 31 01", "a3101"])
def test_other_alleles_normalise(spelling: str) -> None:
    assert [a.name for a in find_alleles(fold(spelling), KNOWN)] == ["HLA-A*31:01"]


@pytest.mark.parametrize("text", ["vitamin b 12", "b 12 34", "grade c 10", "1234", "10:30 am"])
def test_unknown_bare_numbers_are_not_alleles(text: str) -> None:
    assert find_alleles(fold(text), KNOWN) == []


def test_an_explicit_allele_not_in_the_list_still_counts() -> None:
    assert [a.name for a in find_alleles(fold("HLA-B*57:01"), KNOWN)] == ["HLA-B*57:01"]


def test_allele_being_typed_is_partial() -> None:
    (allele,) = find_alleles(fold("HLA-B*15:0"), KNOWN)
    assert allele.partial
    assert allele.words == ("hla", "b", "15", "0")


def test_allele_group_without_second_field() -> None:
    (allele,) = find_alleles(fold("HLA-B*15"), KNOWN)
    assert allele.name == "HLA-B*15"


def test_several_alleles_in_one_query_keep_their_order() -> None:
    names = [a.name for a in find_alleles(fold("b*58:01 or a*3101 vs 1502"), KNOWN)]
    assert names == ["HLA-B*58:01", "HLA-A*31:01", "HLA-B*15:02"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("carriers of HLA-B*1502 and B*58:01", "carriers of HLA-B*15:02 and HLA-B*58:01"),
        ("HLA-A*31:01 in Europeans", "HLA-A*31:01 in Europeans"),
        ("serotype HLA-B15 and vitamin B 12", "serotype HLA-B15 and vitamin B 12"),
    ],
)
def test_canonicalise_rewrites_only_unambiguous_spellings(text: str, expected: str) -> None:
    assert canonicalise_alleles(text) == expected


def test_fold_and_words_match_unicode61() -> None:
    assert fold("Guégan ÉRYTHÈME") == "guegan erytheme"
    assert words("Stevens-Johnson syndrome (SJS)/TEN_x") == [
        "stevens",
        "johnson",
        "syndrome",
        "sjs",
        "ten",
        "x",
    ]


def test_marked_spans_gives_offsets_in_the_clean_text() -> None:
    text, spans = marked_spans(f"…the {MARK_OPEN}urea{MARK_CLOSE} and {MARK_OPEN}BUN{MARK_CLOSE}")
    assert text == "…the urea and BUN"
    assert [text[a:b] for a, b in spans] == ["urea", "BUN"]
