"""The calculator command line, run as a clinician runs it (in-process; one real process)."""

import json
import subprocess
import sys

import pytest

from tests.cli.conftest import Done, run_cli

SCORTEN = [
    "scorten", "--age", "45", "--heart-rate", "125", "--malignancy", "no",
    "--detached-bsa", "12", "--urea", "11", "--urea-unit", "mmol/L",
    "--bicarbonate", "18", "--glucose", "15", "--glucose-unit", "mmol/L",
]  # fmt: skip


def sjsref(*args: str) -> Done:
    return run_cli(*args)


def test_a_real_process_gives_the_same_chart_note() -> None:
    # The one smoke test through the interpreter: the entry point, imports, exit code.
    done = subprocess.run(
        [sys.executable, "-m", "sjsref", *SCORTEN], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.split("\n")[0] == sjsref(*SCORTEN).stdout.split("\n")[0]


def as_json(*args: str) -> dict:
    done = sjsref(*args, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_scorten_json_has_the_documented_keys() -> None:
    out = as_json(*SCORTEN)
    assert (out["score"], out["mortality_percent"], out["day"]) == (6, 90.0, 1)
    assert out["model_mortality_percent"] == 95.1
    assert {"criteria", "warnings", "citations"} <= set(out)
    assert out["criteria"][0] == {
        "id": "age",
        "label": "Age > 40 years",
        "threshold": "> 40 years",
        "value": 45.0,
        "unit": "years",
        "answered": True,
        "met": True,
        "points": 1,
        "citation": "bastujigarin2000",
        "pending": None,
    }


def test_scorten_us_units_and_day_3_give_the_same_score() -> None:
    us = [a for a in SCORTEN]
    us[us.index("11")], us[us.index("15")] = "30.8", "270.3"
    us[us.index("mmol/L")] = "BUN-mg/dL"
    us[len(us) - 1 - us[::-1].index("mmol/L")] = "mg/dL"
    out = as_json(*us, "--day", "3")
    assert (out["score"], out["day"]) == (6, 3)


def test_scorten_text_is_a_chart_note() -> None:
    done = sjsref(*SCORTEN)
    assert done.returncode == 0
    assert done.stdout.startswith(
        "SCORTEN 6 of 7 (day 1)\nObserved mortality 90 % (9 of 10 died; 95 % CI 55.5–99.8 %)"
    )


def test_abcd10_bsa_and_classify_examples() -> None:
    abcd = as_json(
        "abcd10", "--age", "60", "--bicarbonate", "18", "--cancer", "yes",
        "--dialysis", "no", "--detached-bsa", "15",
    )  # fmt: skip
    assert abcd["score"] is None and [c["met"] for c in abcd["criteria"]] == [
        True, True, True, False, True,
    ]  # fmt: skip
    regions = as_json("bsa", "--age", "30", "--region", "head=2", "--region", "anterior-trunk=50")
    assert (regions["detached_bsa_percent"], regions["classification"]) == (6.64, "SJS")
    assert regions["method"] == "lund-browder"  # ids stay in JSON; words in the text
    assert regions["regions"][1]["label"] == "Anterior trunk"
    palms = as_json("bsa", "--palms", "12", "--sex", "male")
    assert palms["detached_bsa_percent"] == 9.6
    spots = as_json("classify", "--detached-bsa", "22", "--spots", "yes")
    assert spots["classification"] == "SJS/TEN overlap"
    assert as_json("classify", "--detached-bsa", "22", "--no-spots")["classification"] == "TEN"
    assert as_json("classify", "--detached-bsa", "22", "--spots", "no")["classification"] == "TEN"


def test_classify_without_spots_where_they_decide_gives_both_classes() -> None:
    out = as_json("classify", "--detached-bsa", "15")
    assert out["classification"] is None
    assert (out["classification_if_spots"], out["classification_if_no_spots"]) == (
        "SJS/TEN overlap",
        "TEN",
    )
    text = sjsref("classify", "--detached-bsa", "15")
    assert text.returncode == 0
    assert text.stdout.startswith("Classification: not classified: SJS/TEN overlap with spots")
    assert as_json("classify", "--detached-bsa", "15", "--spots", "no")["classification"] == "TEN"
    for spots in ([], ["--spots", "yes"], ["--spots", "no"]):
        assert as_json("classify", "--detached-bsa", "35", *spots)["classification"] == "TEN"


def test_a_glucose_likely_in_mg_dl_is_refused_unless_confirmed() -> None:
    done = sjsref("scorten", "--glucose", "140", "--glucose-unit", "mmol/L")
    assert done.returncode == 2
    assert done.stderr.startswith("sjsref scorten: --glucose: Glucose 140 mmol/L is not scored")
    assert "Did you mean mg/dL?" in done.stderr and "--confirm-unusual" in done.stderr
    kept = as_json("scorten", "--glucose", "140", "--glucose-unit", "mmol/L", "--confirm-unusual")
    assert [c["met"] for c in kept["criteria"] if c["id"] == "glucose"] == [True]


def test_us_values_score_right_once_their_unit_is_given() -> None:
    us = as_json("scorten", "--urea", "20", "--urea-unit", "BUN-mg/dL", "--glucose", "140",
                 "--glucose-unit", "mg/dL")  # fmt: skip
    assert [c["met"] for c in us["criteria"] if c["id"] in ("urea", "glucose")] == [False, False]


def test_erythema_only_regions_are_recorded() -> None:
    out = as_json("bsa", "--age", "8", "--region", "head=10", "--erythema", "neck=50")
    assert (out["detached_bsa_percent"], out["erythema_bsa_percent"]) == (
        1.3,
        1.0,
    )  # head is 13 % at age 5-9
    assert out["age_column_label"] == "age 5-9 column"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scorten", "--heart-rate", "400"], "--heart-rate: Heart rate 400 /min is not possible"),
        (["scorten", "--age", "200"], "range 0–120 years"),
        (["scorten", "--glucose", "-5", "--glucose-unit", "mg/dL"], "Glucose -5 mg/dL"),
        (["scorten", "--urea", "11"], "--urea-unit: Urea 11 was typed without a unit"),
        (["scorten", "--urea", "-5", "--urea-unit", "mmol/L"], "--urea: Urea -5 mmol/L urea"),
        (["scorten", "--age", "forty"], "--age: 'forty' is not a number"),
        (["scorten", "--age", "nan"], "--age: 'nan' is not a number"),
        (["scorten", "--age", "1,234"], "--age: '1,234' is ambiguous: write 1234 or 1.234"),
        (["scorten", "--glucose", "2,000", "--glucose-unit", "mg/dL"], "write 2000 or 2.0"),
        (["scorten", "--malignancy", "maybe"], "--malignancy: answer yes or no"),
        (["scorten", "--urea-unit", "g/L"], "--urea-unit: choose mmol/L, mg/dL, BUN-mg/dL"),
        (["scorten", "--day", "0"], "--day: Day 0: SCORTEN's performance was assessed on days"),
        (["scorten", "--day", "6"], "--day: Day 6: SCORTEN's performance was assessed on days"),
        (["bsa", "--palms", "250", "--sex", "male"], "--palms: Hand areas: 250 is not possible"),
        (["bsa", "--palms", "126"], "enter 0 to 125"),
        (["bsa", "--age", "30", "--region", "foot=2"], "not on the Lund-Browder chart"),
        (["bsa", "--age", "30", "--region", "head"], "write REGION=PERCENT"),
        (["bsa", "--palms", "3", "--region", "head=2"], "--region: does not apply with --palms"),
        (["bsa", "--age", "30"], "give --region"),
        (["bsa", "--region", "head=2"], "--age: Age: needed"),
        (["classify", "--detached-bsa", "120"], "--detached-bsa: Detached"),
        (["classify", "--detached-bsa", "20", "--spots", "yes", "--no-spots"], "contradict"),
        (["classify"], "--detached-bsa: Detached + detachable BSA: not answered"),
        (["nosuchcommand"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_clear_line(args: list[str], message: str) -> None:
    done = sjsref(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stderr.startswith(f"sjsref {args[0]}: --") or args == ["nosuchcommand"]
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_version_and_help() -> None:
    assert sjsref("--version").stdout.startswith("sjsref ")
    helped = sjsref("--help")
    assert helped.returncode == 0 and "scorten" in helped.stdout
