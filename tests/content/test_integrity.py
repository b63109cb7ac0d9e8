"""The content manifest: written at build time, checked at start-up and self-test."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from sjsref.content.errors import ContentError
from sjsref.content.integrity import (
    MANIFEST_NAME,
    IntegrityStatus,
    build_manifest,
    check_integrity,
    content_files,
    verify_manifest,
    write_manifest,
)
from sjsref.content.loader import load_library

REPO_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the real library with its manifest written, as in the bundle."""
    resources = tmp_path / "resources"
    shutil.copytree(REPO_RESOURCES, resources, ignore=shutil.ignore_patterns(MANIFEST_NAME))
    write_manifest(resources)
    return resources


def test_source_checkout_without_manifest_is_unverified_not_an_error(tmp_path: Path) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(REPO_RESOURCES, resources, ignore=shutil.ignore_patterns(MANIFEST_NAME))
    report = check_integrity(resources)
    assert report.status is IntegrityStatus.UNVERIFIED
    assert verify_manifest(resources) == []
    assert "unverified" in report.summary().lower()


def test_shipped_library_verifies(shipped: Path) -> None:
    report = check_integrity(shipped)
    assert report.status is IntegrityStatus.VERIFIED, report.problems
    listed = (shipped / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    assert report.files_checked == len(listed)
    # Every real content file is listed, including nested articles.
    assert any(line.endswith("  articles/01-classification.md") for line in listed)


def test_manifest_is_what_sha256sum_checks(shipped: Path) -> None:
    sha256sum = shutil.which("sha256sum")
    if sha256sum is None:
        pytest.skip("sha256sum (GNU coreutils) not installed")
    done = subprocess.run(
        [sha256sum, "--check", "--strict", MANIFEST_NAME],
        cwd=shipped,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_one_changed_byte_is_reported(shipped: Path) -> None:
    article = next((shipped / "articles").glob("*.md"))
    data = bytearray(article.read_bytes())
    data[-1] ^= 0x01
    article.write_bytes(bytes(data))
    report = check_integrity(shipped)
    assert report.status is IntegrityStatus.MODIFIED
    rel = article.relative_to(shipped).as_posix()
    assert report.problems == (f"Content file changed since it was shipped: {rel}",)
    assert "reinstall" in report.summary().lower()


def test_removed_and_added_files_are_reported(shipped: Path) -> None:
    removed = next((shipped / "articles").glob("*.md"))
    removed.unlink()
    (shipped / "articles" / "99-extra.md").write_text("+++\n+++\n", encoding="utf-8")
    problems = verify_manifest(shipped)
    rel = removed.relative_to(shipped).as_posix()
    assert f"Missing content file: {rel}" in problems
    assert "Content file not in the shipped manifest: articles/99-extra.md" in problems


def test_malformed_and_escaping_manifest_lines_are_problems(shipped: Path) -> None:
    manifest = shipped / MANIFEST_NAME
    good = manifest.read_text(encoding="utf-8")
    manifest.write_text(good + "not a line\n" + "0" * 64 + "  ../outside\n", encoding="utf-8")
    problems = verify_manifest(shipped)
    assert any("is not '<sha256>  <path>'" in p for p in problems)
    assert any("points outside resources: ../outside" in p for p in problems)


def test_empty_manifest_is_a_problem(shipped: Path) -> None:
    (shipped / MANIFEST_NAME).write_text("", encoding="utf-8")
    problems = verify_manifest(shipped)
    assert problems[0] == f"{MANIFEST_NAME} is empty."
    # ... and every real file is then unlisted, so nothing passes silently.
    assert len(problems) == 1 + len(list(content_files(shipped)))


def test_python_and_file_browser_litter_is_not_content(shipped: Path) -> None:
    (shipped / "__pycache__").mkdir()
    (shipped / "__pycache__" / "x.pyc").write_bytes(b"\0")
    (shipped / "articles" / ".DS_Store").write_bytes(b"\0")
    assert check_integrity(shipped).status is IntegrityStatus.VERIFIED


def test_a_hidden_file_is_content_like_any_other(shipped: Path) -> None:
    # A copy saved as articles/.rogue.md used to pass the check and be loaded.
    rogue = shipped / "articles" / ".rogue.md"
    rogue.write_bytes((shipped / "articles" / "08-severity.md").read_bytes())
    assert verify_manifest(shipped) == [
        "Content file not in the shipped manifest: articles/.rogue.md"
    ]
    with pytest.raises(ContentError, match=r"articles/\.rogue\.md"):
        load_library(shipped)


def test_an_installed_app_without_its_manifest_is_modified(shipped: Path) -> None:
    (shipped / MANIFEST_NAME).unlink()
    report = check_integrity(shipped, installed=True)
    assert report.status is IntegrityStatus.MODIFIED
    assert "MANIFEST.sha256 is missing" in report.problems[0]
    assert check_integrity(shipped, installed=False).status is IntegrityStatus.UNVERIFIED


@pytest.mark.parametrize(
    ("target", "edit"),
    [
        ("articles/08-severity.md", lambda t: t.replace("120", "100")),
        ("references.rendered.json", lambda t: t.replace("SCORTEN", "SCORTEM")),
        ("synonyms.toml", lambda t: t + "\n# edited\n"),
    ],
)
def test_the_loader_refuses_modified_content_naming_the_file(
    shipped: Path, target: str, edit
) -> None:
    path = shipped / target
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_library(shipped)
    assert str(caught.value).startswith("Content modified, so it is not shown:")
    assert target in str(caught.value) and "Reinstall SJSRef" in str(caught.value)


def test_a_hidden_article_in_a_source_checkout_is_refused_by_the_loader(tmp_path: Path) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(REPO_RESOURCES, resources, ignore=shutil.ignore_patterns(MANIFEST_NAME))
    (resources / "articles" / ".rogue.md").write_text("+++\n+++\n", encoding="utf-8")
    with pytest.raises(ContentError, match="hidden article file is not allowed"):
        load_library(resources)


def test_the_library_carries_its_content_check(shipped: Path) -> None:
    assert load_library(shipped).integrity.startswith("Content verified")


def test_manifest_is_sorted_and_stable(shipped: Path) -> None:
    text = build_manifest(shipped)
    assert text == build_manifest(shipped)
    paths = [line.split("  ", 1)[1] for line in text.splitlines()]
    assert paths == sorted(paths)
    assert MANIFEST_NAME not in paths
