"""The one load every front end shares: library, index, calculators, integrity."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sjsref.clinical.registry import CALCULATORS
from sjsref.content.errors import ContentError
from sjsref.content.paths import resources_dir
from sjsref.search.loaded import LOAD_ERRORS, Loaded, load_content


@pytest.fixture(scope="module")
def loaded() -> Loaded:
    return load_content()


def test_loads_the_shipped_library_and_indexes_it(loaded: Loaded) -> None:
    assert loaded.library.articles
    assert loaded.calculators == CALCULATORS
    assert loaded.integrity == loaded.library.integrity != ""
    targets = {d.target for d in loaded.index.documents}
    assert {f"calc:{c.id}" for c in CALCULATORS} <= targets
    assert f"ref:{loaded.library.references[0].key}" in targets
    assert loaded.index.search("scorten")[0].target == "calc:scorten"


def test_the_same_root_loads_the_same(loaded: Loaded) -> None:
    again = load_content(resources_dir())
    assert again.library == loaded.library
    assert again.index.documents == loaded.index.documents


def test_is_frozen(loaded: Loaded) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded.integrity = "changed"  # type: ignore[misc]


def test_a_missing_library_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_content(tmp_path / "nowhere")
    assert isinstance(caught.value, LOAD_ERRORS)
