"""The printable assessment: blocks, rows with units and verdicts, and the day 1 / day 3 page."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from pydantic import BaseModel

from sjsref.clinical import abcd10, alden, bsa, classification, scorten
from sjsref.clinical.assessment import Row, assessment, course_assessment, day_stamp, stamp
from sjsref.clinical.report import course_note
from sjsref.clinical.scorten_course import compare
from tests.clinical.conftest import scorten_input

WHEN = datetime(2026, 11, 22, 14, 5)


def test_stamp_is_dd_mmm_yyyy_and_24_hour() -> None:
    assert stamp(WHEN) == "22-Nov-2026 14:05"
    assert stamp(datetime(2027, 1, 3, 21, 7)) == "03-Jan-2027 21:07"
    assert day_stamp(date(2026, 5, 9)) == "09-May-2026"


def test_scorten_rows_carry_unit_threshold_and_verdict() -> None:
    result = scorten.compute(scorten_input(age_years=62, heart_rate_bpm=128, urea=39.2,
                                           urea_unit="BUN-mg/dL"))  # fmt: skip
    page = assessment(result, "SCORTEN")
    (block,) = page.blocks
    assert block.headline == "SCORTEN 3 of 7 (day 1)"
    assert Row(label="Age > 40 years", value="62 years", status="MET") in block.rows
    assert Row(label="Serum urea (or BUN) > 28.014 mg/dL BUN", value="39.2 mg/dL BUN",
               status="MET") in block.rows  # fmt: skip
    assert Row(label="Serum glucose > 14 mmol/L", value="6 mmol/L", status="not met") in block.rows
    # Bastuji-Garin 2000: score 3 -> 12 of 34 died (35.3 %, 95 % CI 19.8-53.5).
    assert block.lines[0].startswith(
        "Observed mortality 35.3 % (12 of 34 died; 95 % CI 19.8–53.5 %): observed"
    )
    assert block.lines[1].startswith("Model: ")
    assert page.citations == ["bastujigarin2000", "guegan2006", "micheletti2018"]
    assert page.notes and not page.comparison


def test_abcd10_says_why_there_is_no_score() -> None:
    page = assessment(abcd10.compute(abcd10.Abcd10Input(age_years=70)), "ABCD-10")
    assert page.blocks[0].lines[0].startswith("No ABCD-10 score or mortality")
    assert Row(label="Age ≥ 50 years", value="70 years", status="MET") in page.blocks[0].rows
    assert Row(label="Active cancer", value="not answered", status="?") in page.blocks[0].rows


def test_classification_and_bsa() -> None:
    inp = classification.ClassifyInput(detached_bsa_percent=20, spots=None)
    page = assessment(classification.classify(inp), "Classification")
    assert page.blocks[0].headline.startswith("Classification: not classified: SJS/TEN overlap")
    assert page.blocks[0].rows[1].value == "spots not answered"
    regions = bsa.from_regions(bsa.RegionsInput(
        age_years=30,
        regions=[{"region": "anterior-trunk", "detached_percent": 50, "erythema_percent": 20},
                 {"region": "posterior-trunk", "detached_percent": 50}],
    ))  # fmt: skip
    block = assessment(regions, "BSA").blocks[0]
    assert block.headline == "Detached BSA: 13 %"
    # Lund-Browder adult: each trunk half is 13 %; 20 % of the front is 2.6 % erythema.
    assert block.rows[0].value == "50 % of region"
    assert block.rows[0].status == "6.5 % BSA (erythema 2.6 % BSA, not counted)"
    assert block.rows[1].status == "6.5 % BSA"
    assert any(line.startswith("Erythema (recorded, not counted)") for line in block.lines)
    palms = assessment(bsa.from_palms(bsa.PalmInput(count=2, sex="male")), "BSA")
    assert not any(line.startswith("Erythema") for line in palms.blocks[0].lines)


def test_alden_has_one_block_per_drug() -> None:
    index = date(2026, 3, 10)
    drug = {"name": "allopurinol", "start": index - timedelta(days=14), "notoriety": "strong",
            "prechallenge": "unknown", "impaired_elimination": False,
            "continued_without_harm": False}  # fmt: skip
    page = assessment(alden.compute(alden.AldenInput(index_day=index, drugs=[drug])), "ALDEN")
    assert page.blocks[0].headline == "Index day 10-Mar-2026"
    assert page.blocks[1].heading == "1. allopurinol"
    assert page.blocks[1].rows[0].label.startswith("1. ")


def test_an_unknown_result_is_refused() -> None:
    class Other(BaseModel):
        pass

    with pytest.raises(TypeError):
        assessment(Other(), "x")


DAY1 = scorten_input(age_years=62, detached_bsa_percent=15)
DAY3 = scorten_input(age_years=62, detached_bsa_percent=15, heart_rate_bpm=130,
                     bicarbonate_mmol_l=18, day=3)  # fmt: skip


def test_day_1_and_day_3_on_one_page() -> None:
    course = compare(scorten.compute(DAY1), scorten.compute(DAY3))
    page = course_assessment(course, "SCORTEN")
    assert [b.heading for b in page.blocks] == ["Day 1 (admission)", "Day 3"]
    assert [b.headline for b in page.blocks] == ["SCORTEN 2 of 7 (day 1)", "SCORTEN 4 of 7 (day 3)"]
    assert page.comparison[0] == "Rose by 2 points: 2 on day 1, 4 on day 3"
    assert "Guégan" in page.comparison[2]
    score, mortality = page.comparison_rows
    assert (score.label, score.value, score.status) == ("SCORTEN", "2 of 7", "4 of 7")
    # Bastuji-Garin 2000 development sample: 14 of 24 with a score of 4 died.
    assert mortality.status == "58.3 % (14 of 24 died)"
    assert page.citations == ["bastujigarin2000", "guegan2006", "micheletti2018"]
    # A note said on both days is printed once; the timing notes give way to the comparison.
    texts = [n.text for n in page.notes]
    assert len(texts) == len(set(texts)) and not any("Recompute" in t for t in texts)


def test_warnings_name_their_day_unless_both_days_say_them() -> None:
    child1 = scorten.compute(scorten_input(age_years=12, glucose=None))
    child3 = scorten.compute(scorten_input(age_years=12, day=3))
    page = course_assessment(compare(child1, child3), "SCORTEN")
    texts = [w.text for w in page.warnings]
    assert sum("developed in adults" in t for t in texts) == 1
    assert any(t.startswith("Day 1 (admission): Only 6 of 7 answered") for t in texts)
    assert not any(t.startswith("Day 3") for t in texts)


def test_course_note_carries_both_days() -> None:
    course = compare(scorten.compute(DAY1), scorten.compute(DAY3))
    note = course_note(course, WHEN, {"guegan2006": "Guégan et al., 2006"})
    assert note.startswith("SCORTEN day 1 and day 3: Rose by 2 points: 2 on day 1, 4 on day 3\n")
    assert "\nDay 1 (admission):\nSCORTEN 2 of 7 (day 1)\n" in note
    assert "\nDay 3:\nSCORTEN 4 of 7 (day 3)\n" in note
    assert "Source: bastujigarin2000; Guégan et al., 2006; micheletti2018" in note


def test_one_day_alone_is_not_a_course() -> None:
    course = compare(scorten.compute(DAY1), None)
    with pytest.raises(ValueError):
        course_assessment(course, "SCORTEN")
    with pytest.raises(ValueError):
        course_note(course, WHEN)
