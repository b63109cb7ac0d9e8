"""Short source names come from the reference list itself, or not at all."""

from __future__ import annotations

import shutil
from pathlib import Path

from sjsref.content.integrity import MANIFEST_NAME, write_manifest
from sjsref.content.paths import resources_dir
from sjsref.content.short_sources import short_name, short_sources


def test_every_reference_has_a_short_name_from_its_csl_record() -> None:
    names = short_sources()
    assert names["bastujigarin2000"] == "Bastuji-Garin et al., J Invest Dermatol 2000"
    assert names["wallace1951"].startswith("Wallace, Lancet 1951")
    assert all(names.values())


def test_a_record_with_little_in_it_still_gives_a_name() -> None:
    assert short_name({"id": "x2000"}) == "x2000"
    assert short_name({"id": "y", "author": [{"literal": "WHO"}]}) == "WHO"


def test_a_modified_library_gives_no_names_and_calculators_still_work(tmp_path: Path) -> None:
    copy = tmp_path / "resources"
    shutil.copytree(resources_dir(), copy, ignore=shutil.ignore_patterns(MANIFEST_NAME))
    write_manifest(copy)
    (copy / "references.json").write_text("[]", encoding="utf-8")
    assert short_sources(copy) == {}
