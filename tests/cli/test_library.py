"""`sjsref articles`, `sjsref show ID` and `sjsref references` on a small library."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from sjsref.cli import library as library_cli
from sjsref.content.paths import ENV_VAR
from tests.content.conftest import LibraryMaker


def run(argv: list[str]) -> int:
    """Parse with only the library sub-commands and run the handler."""
    parser = argparse.ArgumentParser(prog="sjsref")
    library_cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    result: int = args.handler(args)
    return result


@pytest.fixture
def resources(make_library: LibraryMaker, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_library()
    monkeypatch.setenv(ENV_VAR, str(root))
    return root


def test_articles_text(resources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["articles"]) == 0
    assert capsys.readouterr().out == "alpha  Alpha article\nbeta   Beta article\n"


def test_articles_json(resources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["articles", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in data] == ["alpha", "beta"]
    assert data[0]["last_reviewed"] == "2026-01-02"
    assert data[0]["sections"][1] == {"id": "table-and-links", "title": "Table and links"}


def test_show_text(resources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["show", "beta"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Beta article\n============\n")
    assert "More [1,2] and [3]." in out
    assert "3. Brown RS. Skin & <mucosa>." in out


def test_show_json(resources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["show", "alpha", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sections"][0]["markdown"] == "SJS is rare [@smith2020]."
    assert [r["number"] for r in data["references"]] == [1, 2]


def test_show_unknown_id_exits_2(resources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["show", "gamma"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "sjsref show: no article with id 'gamma' (see `sjsref articles`)\n"


def test_references_text_and_json(resources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["references"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(".")[0] for line in lines] == ["1", "2", "3"]
    assert run(["references", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["key"] == "smith2020"
    assert data[0]["doi"] == "10.1000/jt.2020.1"
    assert data[0]["cited_in"] == [
        {"article_id": "alpha", "section_id": "overview"},
        {"article_id": "beta", "section_id": "details"},
    ]
    assert data[2]["csl"]["title"] == "Skin & <mucosa>"


def test_broken_library_is_one_line_and_exit_1(
    resources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (resources / "references.json").write_text("[", encoding="utf-8")
    assert run(["articles"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("sjsref: references.json:1: invalid JSON")
    assert captured.err.count("\n") == 1


def test_registered_in_the_sjsref_command(
    resources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sjsref.cli import main

    assert main(["articles"]) == 0
    assert "alpha" in capsys.readouterr().out
