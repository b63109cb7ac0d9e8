"""``sjsref alden``, ``sjsref drugs`` and ``sjsref hla``: the contract of issue 14."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import run_cli

INDEX = ["--index-day", "2026-11-20"]


def _json(*args: str) -> dict:
    done = run_cli("alden", *INDEX, *args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_json_has_the_contract_keys_and_ranks_the_drugs() -> None:
    out = _json(
        "--drug", "amoxicillin,start=2026-10-11,stop=2026-11-01,half-life-h=1.5",
        "--drug", "allopurinol,start=2026-10-30",
    )  # fmt: skip
    assert out["calculator"] == "alden" and out["index_day"] == "2026-11-20"
    assert out["citations"] == ["sassolas2010"]
    first, second = out["drugs"]
    assert (first["name"], first["score"], first["band"]) == ("allopurinol", 6, "very probable")
    assert second["name"] == "amoxicillin (aminopenicillins)" and second["rank"] == 2
    criterion = first["criteria"][0]
    assert {"id", "label", "value", "points", "rule"} <= set(criterion)
    assert [c["points"] for c in first["criteria"]] == [3, 0, 0, 0, 3, 0]


def test_a_brand_name_takes_the_tables_notoriety_and_says_so() -> None:
    out = _json("--drug", "Tegretol,start=2026-11-01,stop=2026-11-10")
    [drug] = out["drugs"]
    assert drug["name"] == "Tegretol (carbamazepine)"
    present, notoriety = drug["criteria"][1], drug["criteria"][4]
    assert notoriety["points"] == 3 and "from the drug table" in notoriety["rule"]
    # Carbamazepine's half-life changes with auto-induction: asked for, never guessed.
    assert present["points"] is None and "half-life unknown" in present["rule"]


def test_a_half_life_from_the_table_is_named_in_the_rule() -> None:
    [drug] = _json("--drug", "phenobarbitone,start=2026-11-01,stop=2026-11-10")["drugs"]
    assert drug["name"] == "phenobarbitone (phenobarbital)"
    present = drug["criteria"][1]
    assert "5 x 133 h (half-life from the drug table's phenobarbital row)" in present["rule"]
    assert present["points"] == 0


def test_an_unknown_drug_without_a_half_life_is_asked_for_not_guessed() -> None:
    [drug] = _json("--drug", "novadrug,start=2026-10-01,stop=2026-11-01")["drugs"]
    assert drug["score"] is None and drug["band"] is None
    assert drug["criteria"][1]["points"] is None
    assert drug["criteria"][4]["value"] == "Unknown"


def test_the_text_is_a_chart_note() -> None:
    done = run_cli("alden", *INDEX, "--drug", "allopurinol,start=2026-10-30")
    assert done.returncode == 0
    assert done.stdout.startswith("ALDEN drug causality, index day 20-Nov-2026\n")
    assert "1. allopurinol: 6, very probable" in done.stdout


@pytest.mark.parametrize(
    ("drug", "message"),
    [
        ("x,start=2026-13-01", "--drug x: start: '2026-13-01': no such day"),
        ("x,start=2026-11-01,stop=2026-10-01", "--drug x: stop 2026-10-01 is before start"),
        ("x,start=2026-11-01,bogus=1", "--drug x: 'bogus=1' is not one of start="),
        ("x,start=2026-11-01,half-life-h=-3", "--drug x: half-life-h: input should be greater"),
        ("x,start=2026-11-01,notoriety=high", "--drug x: notoriety: 'high' is not strong|"),
        ("x,start=2026-11-01,prechallenge=yes", "--drug x: prechallenge: 'yes' is not same-sjs|"),
        ("x,stop=2026-11-01", "--drug x: start=YYYY-MM-DD is required"),
        (",start=2026-11-01", "begin with the drug's name"),
    ],
)
def test_bad_input_exits_2_naming_the_drug_and_the_key(drug: str, message: str) -> None:
    done = run_cli("alden", *INDEX, "--drug", drug)
    assert done.returncode == 2 and done.stdout == ""
    assert message in done.stderr and done.stderr.count("\n") == 1


def test_no_drug_and_a_drug_twice_are_refused() -> None:
    assert "give at least one suspect drug" in run_cli("alden", *INDEX).stderr
    twice = run_cli("alden", *INDEX, "--drug", "a,start=2026-11-01", "--drug", "A,start=2026-11-02")
    assert twice.returncode == 2 and "listed twice" in twice.stderr


@pytest.mark.parametrize("table", ["drugs", "hla"])
def test_the_tables_print_as_text_and_json(table: str) -> None:
    text = run_cli(table)
    assert text.returncode == 0 and text.stdout
    rows = json.loads(run_cli(table, "--json").stdout)
    assert rows and all(r.get("evidence_sources") or r.get("association_sources") for r in rows)
    if table == "drugs":
        assert text.stdout.startswith("allopurinol (Zyloprim, Zyloric)")
    else:
        assert "HLA-B*58:01 with allopurinol" in text.stdout


def test_one_drug_under_two_names_is_refused_but_group_members_are_not() -> None:
    done = run_cli(
        "alden", *INDEX, "--drug", "carbamazepine,start=2026-11-01",
        "--drug", "Tegretol,start=2026-11-01",
    )  # fmt: skip
    assert done.returncode == 2
    assert "--drug Tegretol: the same drug as --drug carbamazepine" in done.stderr
    out = _json(
        "--drug", "amoxicillin,start=2026-11-01", "--drug", "ampicillin,start=2026-11-02"
    )  # fmt: skip
    assert len(out["drugs"]) == 2


def test_a_near_miss_and_a_possible_repeat_are_noted_on_stderr() -> None:
    done = run_cli(
        "alden", *INDEX, "--json", "--drug", "carbamazepin,start=2026-11-01",
        "--drug", "piroxicam,start=2026-11-01", "--drug", "Feldene,start=2026-11-02",
    )  # fmt: skip
    assert done.returncode == 0
    assert (
        "note: --drug carbamazepin is not in the drug table (did you mean carbamazepine?); "
        "its notoriety is 'unknown'" in done.stderr
    )
    assert "--drug Feldene and --drug piroxicam are both the drug table's oxicam nsaids row" in (
        done.stderr
    )
    assert len(json.loads(done.stdout)["drugs"]) == 3


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("x,start=2026-11-01,half-life-h=12,5", "half-life-h: write a decimal point (12.5)"),
        ("x,start=2999-01-01", "start: '2999-01-01' (Tue 1 Jan 2999) is after today"),
        ("x,start=01/11/2026", "slashes are not read"),
    ],
)
def test_dates_and_numbers_are_read_as_the_window_reads_them(spec: str, message: str) -> None:
    done = run_cli("alden", *INDEX, "--drug", spec)
    assert done.returncode == 2 and message in done.stderr
