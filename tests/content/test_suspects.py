"""A typed suspect drug matched to the real drug table: defaults, identity, near misses."""

from __future__ import annotations

import pytest

from sjsref.clinical.alden_rules import Notoriety
from sjsref.content import suspects
from sjsref.search.loaded import load_content


@pytest.fixture(scope="module")
def tables():
    return load_content().library.tables


def test_a_brand_names_its_row_and_takes_its_defaults(tables) -> None:
    found = suspects.match(" Tegretol ", tables)
    assert found.name == "Tegretol (carbamazepine)" and found.suggestion is None
    assert found.answers() == {
        "name": "Tegretol (carbamazepine)",
        "notoriety": Notoriety.STRONG,
        "notoriety_from": "the drug table's carbamazepine row",
    }


def test_a_given_answer_names_the_row_only_while_it_equals_the_default(tables) -> None:
    found = suspects.match("phenobarbitone", tables)
    same = found.answers(half_life_h=133.0, notoriety=Notoriety.STRONG)
    assert same["half_life_from"] == same["notoriety_from"] == "the drug table's phenobarbital row"
    changed = found.answers(half_life_h=20.0, notoriety=Notoriety.SUSPECTED)
    assert "half_life_from" not in changed and "notoriety_from" not in changed
    assert found.answers(half_life_h=None)["half_life_h"] is None  # emptied: not refilled


def test_a_drug_not_in_the_table_is_unknown_and_says_so_unless_answered(tables) -> None:
    found = suspects.match("novadrug", tables)
    assert found.answers() == {
        "name": "novadrug",
        "notoriety": Notoriety.UNKNOWN,
        "notoriety_from": suspects.NOT_IN_TABLE,
    }
    assert "notoriety_from" not in found.answers(notoriety=Notoriety.UNKNOWN)


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("carbamazepin", "carbamazepine"),
        ("alopurinol", "allopurinol"),
        ("allopurinol 300 mg", "allopurinol"),
        ("Bactrim DS", "Bactrim"),
        ("Lamictal XR", "Lamictal"),
        ("ceftriaxone", None),
        ("novadrug", None),
    ],
)
def test_a_near_miss_gets_a_suggestion(tables, typed: str, suggested: str | None) -> None:
    assert suspects.match(typed, tables).suggestion == suggested


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("carbamazepine", "Tegretol", suspects.Same.YES),
        ("phenobarbital", "phenobarbitone", suspects.Same.YES),
        ("Allopurinol", "allopurinol", suspects.Same.YES),
        ("amoxicillin", "ampicillin", suspects.Same.NO),  # two members of one group row
        ("piroxicam", "Feldene", suspects.Same.MAYBE),  # a group brand: any member
        ("aminopenicillins", "amoxicillin", suspects.Same.MAYBE),
        ("allopurinol", "carbamazepine", suspects.Same.NO),
        ("novadrug", "otherdrug", suspects.Same.NO),
    ],
)
def test_one_drug_under_two_names(tables, first: str, second: str, same) -> None:
    one, two = suspects.match(first, tables), suspects.match(second, tables)
    assert suspects.same(one, two) is same
    assert suspects.same(two, one) is same
