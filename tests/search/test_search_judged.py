"""The judged query set, on the real library and calculators."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from sjsref.search.index import SearchIndex

JUDGED_FILE = Path(__file__).with_name("judged_queries.toml")
JUDGED: list[dict[str, Any]] = tomllib.loads(JUDGED_FILE.read_text(encoding="utf-8"))["query"]


def test_the_set_is_large_and_varied() -> None:
    assert len(JUDGED) >= 40
    assert {e["kind"] for e in JUDGED} >= {
        "abbreviation",
        "misspelling",
        "drug",
        "brand",
        "allele",
        "lab",
        "plain",
    }
    assert all(e["top"] in (1, 3) for e in JUDGED)


def test_every_target_exists(real_index: SearchIndex) -> None:
    known = {d.target for d in real_index.documents}
    assert [e["target"] for e in JUDGED if e["target"] not in known] == []


@pytest.mark.parametrize("entry", JUDGED, ids=[e["q"] for e in JUDGED])
def test_judged_query(real_index: SearchIndex, entry: dict[str, Any]) -> None:
    found = [hit.target for hit in real_index.search(entry["q"], limit=10)]
    assert entry["target"] in found[: entry["top"]], f"top hits: {found[:5]}"


def test_the_real_index_holds_every_kind(real_index: SearchIndex) -> None:
    kinds = {d.kind for d in real_index.documents}
    assert kinds == {"article", "section", "calculator", "reference", "drug"}
    calculators = {d.target for d in real_index.documents if d.kind == "calculator"}
    assert calculators == {"calc:scorten", "calc:abcd10", "calc:bsa", "calc:classify"}
