"""``sjsref search``: text and JSON output, limits, bad input (real library)."""

from __future__ import annotations

import json

import pytest

from sjsref.cli import main
from sjsref.cli.search import format_hits
from sjsref.search.index import Hit


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "scorten", "--json", "--limit", "3"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["query"] == "scorten"
    assert 1 <= len(payload["hits"]) <= 3
    first = payload["hits"][0]
    assert first["target"] == "calc:scorten"
    assert set(first) >= {"rank", "kind", "title", "snippet", "spans", "target"}


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Tegretol"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(" 1. [")
    assert "-> article:" in out
    assert "«" in out


def test_a_correction_is_shown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "scroten", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("(also searched for scorten instead of scroten)\n")
    assert "-> calc:scorten" in out
    assert main(["search", "scroten", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["corrections"] == {"scroten": ["scorten"]}


def test_a_dropped_word_is_shown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "scorten qqqzzx", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("(nothing matched qqqzzx; left out)\n")
    assert "-> calc:scorten" in out
    assert main(["search", "scorten qqqzzx", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["searched"], payload["dropped"]) == ("scorten", ["qqqzzx"])
    assert payload["hits"][0]["target"] == "calc:scorten"


def test_a_question_finds_its_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "is it contagious", "--json", "--limit", "3"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert "article:infection" in [hit["target"] for hit in payload["hits"]]
    assert (payload["searched"], payload["dropped"], payload["corrections"]) == ("", [], {})


def test_no_hits_is_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zzzzqqqq"]) == 0
    assert capsys.readouterr().out == "No results.\n"


@pytest.mark.parametrize("limit", ["0", "-1", "many"])
def test_bad_limit_exits_2(capsys: pytest.CaptureFixture[str], limit: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["search", "ten", "--limit", limit])
    assert exc.value.code == 2
    assert "--limit" in capsys.readouterr().err


def test_format_hits_marks_matches() -> None:
    hit = Hit(1, "calculator", "SCORTEN", "serum urea above", ((6, 10),), "calc:scorten", "", 2.0)
    assert format_hits([hit]) == (
        " 1. [calculator] SCORTEN\n    serum «urea» above\n    -> calc:scorten\n"
    )
