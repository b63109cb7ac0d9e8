"""Every command that reads the library refuses modified content, naming the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sjsref.content.integrity import MANIFEST_NAME, write_manifest
from tests.cli.conftest import Done, run_cli

REPO_RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def _run(resources: Path, *args: str) -> Done:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SJSREF_RESOURCES", str(resources))
        return run_cli(*args)


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    resources = tmp_path / "resources"
    shutil.copytree(REPO_RESOURCES, resources, ignore=shutil.ignore_patterns(MANIFEST_NAME))
    write_manifest(resources)
    return resources


COMMANDS = [("show", "severity"), ("references",), ("articles",), ("search", "scorten")]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_an_edited_article_is_refused_by_every_library_command(shipped, command) -> None:
    # The probe's edit: "heart rate above 120" changed to "above 100".
    severity = shipped / "articles" / "08-severity.md"
    severity.write_text(severity.read_text(encoding="utf-8").replace("120", "100"), "utf-8")
    done = _run(shipped, *command)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "Content modified, so it is not shown" in done.stderr
    assert "articles/08-severity.md" in done.stderr


@pytest.mark.parametrize(
    ("target", "command"),
    [("references.rendered.json", ("references",)), ("synonyms.toml", ("search", "lyell"))],
)
def test_edited_references_or_synonyms_are_refused(shipped, target, command) -> None:
    path = shipped / target
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    done = _run(shipped, *command)
    assert done.returncode == 1 and target in done.stderr


def test_a_hidden_article_is_refused(shipped) -> None:
    shutil.copy(shipped / "articles" / "08-severity.md", shipped / "articles" / ".rogue.md")
    done = _run(shipped, "articles")
    assert done.returncode == 1 and "articles/.rogue.md" in done.stderr


def test_the_untouched_shipped_library_is_read(shipped) -> None:
    done = _run(shipped, "show", "severity")
    assert done.returncode == 0 and "SCORTEN" in done.stdout
