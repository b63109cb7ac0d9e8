"""The content pack: what the checking loader reads, and never used when stale or broken.

Each test builds a pack from a copy of the shipped resources, as the set-up,
the test command and the bundle build do, and opens it as the window does.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from sjsref.content.errors import ContentError
from sjsref.content.integrity import IntegrityStatus, check_integrity, write_manifest
from sjsref.content.pack_sources import BUILD_COMMAND, DIGEST_NAME, PACK_NAME, write_digest
from sjsref.content.paths import resources_dir
from sjsref.search.build import build_pack, main
from sjsref.search.loaded import Loaded, load_content
from sjsref.search.pack import Packed, open_pack

QUERIES = ("scorten", "carbamazepine", "HLA-B*15:02", "mortality", "ivig dose", "lyell")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped resources with a pack freshly built from them."""
    root = tmp_path_factory.mktemp("built") / "resources"
    shutil.copytree(
        resources_dir(), root, ignore=shutil.ignore_patterns(PACK_NAME, DIGEST_NAME, ".*")
    )
    build_pack(root)
    return root


@pytest.fixture
def root(built: Path, tmp_path: Path) -> Path:
    """A private copy of ``built``, free to break."""
    return Path(shutil.copytree(built, tmp_path / "resources"))


@pytest.fixture(scope="module")
def packed(built: Path) -> Packed:
    return open_pack(built)


@pytest.fixture(scope="module")
def loaded(built: Path) -> Loaded:
    return load_content(built)


def test_the_pack_holds_the_library_the_checking_loader_reads(packed, loaded):
    got, want = packed.library, loaded.library
    assert [(a.id, a.title, a.summary) for a in got.articles] == [
        (a.id, a.title, a.summary) for a in want.articles
    ]
    assert [(r.number, r.key, r.text) for r in got.references] == [
        (r.number, r.key, r.text) for r in want.references
    ]
    assert [r.name for r in got.tables.drugs] == [r.name for r in want.tables.drugs]
    assert [r.notoriety for r in got.tables.drugs] == [r.notoriety for r in want.tables.drugs]
    assert [r.allele for r in got.tables.hla] == [r.allele for r in want.tables.hla]
    assert [c.id for c in packed.calculators] == [c.id for c in loaded.calculators]
    assert got.last_reviewed == want.last_reviewed


def test_the_packed_index_ranks_as_the_one_built_at_start(packed, loaded):
    assert len(packed.index) == len(loaded.index)
    for query in QUERIES:
        got = [h.target for h in packed.index.search(query)]
        want = [h.target for h in loaded.index.search(query)]
        assert got == want, query
        assert got, query


def test_the_same_sources_build_the_same_bytes(built, tmp_path):
    again = build_pack(built, tmp_path / PACK_NAME)
    assert again.read_bytes() == (built / PACK_NAME).read_bytes()


def test_a_source_changed_after_the_build_is_refused_as_stale(root, capsys):
    article = sorted((root / "articles").glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nAdded later.\n", "utf-8")
    with pytest.raises(ContentError) as stale:
        open_pack(root)
    assert "built from other sources" in str(stale.value)
    assert BUILD_COMMAND in str(stale.value)
    assert main([str(root), "--check"]) == 1
    assert main([str(root)]) == 0  # what the set-up and the tests run: rebuilt
    assert any("Added later" in a.html for a in open_pack(root).library.articles)
    assert main([str(root), "--check"]) == 0
    capsys.readouterr()


def _damaged(root: Path) -> str:
    with pytest.raises(ContentError) as damaged:
        open_pack(root)
    message = str(damaged.value)
    assert "is damaged" in message and "nothing of it is shown" in message
    assert main([str(root), "--check"]) == 1  # the set-up and the tests rebuild it
    return message


def test_a_truncated_pack_is_refused_plainly(root):
    pack = root / PACK_NAME
    data = pack.read_bytes()
    pack.write_bytes(data[: len(data) // 2])
    assert "truncated or changed" in _damaged(root)


def test_a_byte_changed_inside_a_row_is_refused_plainly(root):
    # A changed figure inside an article's text: SQLite's own check cannot see it.
    pack = root / PACK_NAME
    data = pack.read_bytes()
    at = data.index(b"SCORTEN")
    pack.write_bytes(data[:at] + b"SCORTEX" + data[at + 7 :])
    with sqlite3.connect(pack) as db:
        assert db.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert "truncated or changed" in _damaged(root)


def test_a_pack_without_its_digest_is_refused_plainly(root):
    (root / DIGEST_NAME).unlink()
    assert DIGEST_NAME in _damaged(root)


def test_a_rewritten_pack_with_a_matching_digest_still_fails_its_own_checks(root):
    # Someone "fixes" the digest after overwriting pages: SQLite's check stops it.
    pack = root / PACK_NAME
    data = bytearray(pack.read_bytes())
    data[8192:12288] = bytes(4096)
    pack.write_bytes(bytes(data))
    write_digest(pack)
    _damaged(root)


@pytest.mark.parametrize("key", ["format", "weights"])
def test_a_pack_of_another_format_is_refused(root, key):
    pack = root / PACK_NAME
    with sqlite3.connect(pack) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = ?", (key,))
    db.close()
    write_digest(pack)
    with pytest.raises(ContentError, match="another version of SJSRef"):
        open_pack(root)
    # The build sees it too, and builds it again.
    assert main([str(root), "--check"]) == 1


def test_a_missing_pack_says_how_to_build_it(root):
    (root / PACK_NAME).unlink()
    with pytest.raises(ContentError, match="missing") as missing:
        open_pack(root)
    assert BUILD_COMMAND in str(missing.value)


def test_the_integrity_manifest_covers_the_pack(root):
    write_manifest(root, root / "MANIFEST.sha256")
    assert open_pack(root).integrity.startswith("Content verified")
    pack = root / PACK_NAME
    data = pack.read_bytes()
    at = data.index(b"SCORTEN")
    pack.write_bytes(data[:at] + b"SCORTEX" + data[at + 7 :])
    write_digest(pack)
    report = check_integrity(root)
    assert report.status is IntegrityStatus.MODIFIED
    assert any(PACK_NAME in p for p in report.problems)
    with pytest.raises(ContentError):
        open_pack(root)
