"""Chart-note text: inputs with units, result, source, date and time."""

from datetime import datetime

from sjsref.clinical import abcd10, bsa, classification, scorten
from sjsref.clinical.report import chart_note

WHEN = datetime(2026, 11, 22, 14, 5)


def test_scorten_note_has_inputs_score_mortality_source_and_time() -> None:
    result = scorten.compute(
        scorten.ScortenInput(
            age_years=45,
            heart_rate_bpm=125,
            malignancy=False,
            detached_bsa_percent=12,
            urea=30.8,
            urea_unit="BUN-mg/dL",
            bicarbonate_mmol_l=18,
            glucose=270,
            glucose_unit="mg/dL",
        )
    )
    note = chart_note(result, WHEN)
    assert note.startswith("SCORTEN (day 1): 6/7")
    assert "Mortality 90 %" in note and "Formula estimate 95.1 %" in note
    assert "- Serum urea (or BUN) > 28 mg/dL (BUN): 30.8 mg/dL (BUN) [MET]" in note
    assert "- Malignancy (cancer or haematological malignancy): no [not met]" in note
    assert "Bastuji-Garin et al., J Invest Dermatol 2000" in note
    assert "2026-11-22 14:05" in note


def test_incomplete_scorten_note_says_so() -> None:
    note = chart_note(scorten.compute(scorten.ScortenInput(malignancy=True)), WHEN)
    assert "incomplete (1 of 7 answered), between 1 and 7" in note
    assert "not answered [?]" in note
    assert "WARNING: Only 1 of 7 answered" in note


def test_abcd10_note_lists_predictors_and_the_withheld_figures() -> None:
    note = chart_note(abcd10.compute(abcd10.Abcd10Input(active_cancer=True)), WHEN)
    assert note.startswith("ABCD-10: 1 of 5 answered")
    assert "- Active cancer: yes [MET]" in note
    assert "not shown" in note


def test_bsa_notes_give_area_regions_and_class() -> None:
    regions = bsa.from_regions(
        bsa.RegionsInput(
            age_years=30,
            regions=[
                bsa.RegionEntry(region="anterior-trunk", detached_percent=100, erythema_percent=0),
                bsa.RegionEntry(region="neck", detached_percent=0, erythema_percent=50),
            ],
        )
    )
    note = chart_note(regions, WHEN)
    assert "Detached BSA (lund-browder): 13 %" in note
    assert "Erythema (not counted): 1 %" in note
    assert "Classification: SJS/TEN overlap" in note
    palms = chart_note(bsa.from_palms(bsa.PalmInput(count=12)), WHEN)
    assert "Detached BSA (palm (hand)): 8.4-9.6 %" in palms


def test_classification_note() -> None:
    result = classification.classify(
        classification.ClassifyInput(detached_bsa_percent=22, spots=False)
    )
    note = chart_note(result, WHEN)
    assert note.startswith("Classification: TEN (detached 22 % BSA, without spots")
    assert "Arch Dermatol 1993" in note


def test_a_generic_score_without_day_or_mortality_still_reads_well() -> None:
    base = scorten.compute(scorten.ScortenInput())
    result = base.model_copy(
        update={"score": 2, "max_score": 5, "day": None, "mortality_percent": None}
    )
    note = chart_note(result, WHEN)
    assert note.startswith("SCORTEN: 2/5\n")
    assert "Mortality" not in note


def test_palm_range_across_a_boundary_names_no_class() -> None:
    note = chart_note(bsa.from_palms(bsa.PalmInput(count=13.5)), WHEN)
    assert "9.4-10.8 %" in note
    assert "Classification" not in note
