"""Chart-note text: inputs with units, result, source, date and time."""

from datetime import date, datetime, timedelta

from sjsref.clinical import abcd10, alden, bsa, classification, scorten
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
    assert note.startswith("SCORTEN 6 of 7 (day 1)\n")
    # The observed figure with its evidence; the formula's figure labelled as a model.
    assert "Observed mortality 90 % (9 of 10 died; 95 % CI 55.5–99.8 %)" in note
    assert "Model: 95.1 % (logistic formula" in note
    assert "- Serum urea (or BUN) > 28.014 mg/dL BUN: 30.8 mg/dL BUN [MET]" in note
    assert "- Malignancy (cancer or haematological malignancy): no [not met]" in note
    assert "Source: bastujigarin2000; guegan2006; micheletti2018" in note  # keys, unnamed
    assert "2026-11-22 14:05" in note
    named = chart_note(result, WHEN, {"bastujigarin2000": "Bastuji-Garin et al., 2000"})
    assert "Source: Bastuji-Garin et al., 2000; guegan2006" in named


def test_incomplete_scorten_note_says_so() -> None:
    note = chart_note(scorten.compute(scorten.ScortenInput(malignancy=True)), WHEN)
    assert note.startswith("SCORTEN incomplete (day 1): 1 of 7 answered; score between 1 and 7")
    assert "not answered [?]" in note
    assert "WARNING: Only 1 of 7 answered" in note


def test_abcd10_note_lists_predictors_and_the_withheld_figures() -> None:
    note = chart_note(abcd10.compute(abcd10.Abcd10Input(active_cancer=True)), WHEN)
    assert note.startswith("ABCD-10 predictors: 1 of 5 present; no score (1 of 5 answered)\n")
    assert "- Active cancer: yes [MET]" in note
    assert "\nNo ABCD-10 score or mortality" in note


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
    # Words a clinician reads: no ids such as "lund-browder" or "anterior-trunk".
    assert "Detached BSA: 13 % (Lund-Browder chart, adult column (16 and over))" in note
    assert "- Anterior trunk: 100 % of region = 13 % BSA" in note
    assert "Erythema (not counted): 1 %" in note
    assert "Classification: not classified: SJS/TEN overlap with spots, TEN without" in note
    assert "lund-browder" not in note and "anterior-trunk" not in note
    palms = chart_note(bsa.from_palms(bsa.PalmInput(count=12)), WHEN)
    assert (
        "Detached BSA: 8.4–9.6 % (Patient's hand (palm with fingers, sex not given: "
        "0.7-0.8 % each))" in palms
    )
    male = chart_note(bsa.from_palms(bsa.PalmInput(count=12, sex="male")), WHEN)
    assert "(Patient's hand (palm with fingers, male: 0.8 % each, 12 areas))" in male
    assert "Classification: SJS" in palms


def test_a_lund_browder_note_names_the_age_column_in_words() -> None:
    child = bsa.from_regions(
        bsa.RegionsInput(age_years=7, regions=[bsa.RegionEntry(region="head", detached_percent=10)])
    )
    assert "(Lund-Browder chart, age 5-9 column)" in chart_note(child, WHEN)


def test_classification_note() -> None:
    result = classification.classify(
        classification.ClassifyInput(detached_bsa_percent=22, spots=False)
    )
    note = chart_note(result, WHEN)
    assert note.startswith("Classification: TEN (detached 22 % BSA, without spots")
    assert "Source: bastujigarin1993" in note


def test_a_generic_score_without_day_or_mortality_still_reads_well() -> None:
    base = scorten.compute(scorten.ScortenInput())
    result = base.model_copy(
        update={"score": 2, "max_score": 5, "day": None, "mortality_percent": None}
    )
    note = chart_note(result, WHEN)
    assert note.startswith("SCORTEN 2 of 5\n")
    assert "Mortality" not in note
    plain = result.model_copy(update={"mortality_percent": 12.0, "mortality_basis": "a table"})
    assert "Observed mortality 12 %: a table" in chart_note(plain, WHEN)


def test_palm_range_across_a_boundary_names_no_class() -> None:
    note = chart_note(bsa.from_palms(bsa.PalmInput(count=13.5)), WHEN)
    assert "9.4–10.8 %" in note
    assert "Classification: not classified: depends on sex" in note


def test_a_value_just_above_a_rule_is_never_printed_as_equal_to_it() -> None:
    note = chart_note(scorten.compute(scorten.ScortenInput(age_years=40.001)), WHEN)
    assert "- Age > 40 years: 40.001 years [MET]" in note
    classify = classification.ClassifyInput(detached_bsa_percent=9.96, spots=None)
    assert chart_note(classification.classify(classify), WHEN).startswith(
        "Classification: SJS (detached 9.96 % BSA"
    )


def test_the_other_reading_is_in_the_headline_with_its_mortality() -> None:
    result = scorten.compute(
        scorten.ScortenInput(
            age_years=40,
            heart_rate_bpm=120,
            malignancy=True,
            detached_bsa_percent=10,
            urea=12,
            urea_unit="mmol/L",
            bicarbonate_mmol_l=18,
            glucose=6,
            glucose_unit="mmol/L",
        )
    )
    note = chart_note(result, WHEN)
    assert note.startswith(
        "SCORTEN 3 of 7 (day 1); 6 of 7 if read as age ≥ 40 years, heart rate ≥ 120 /min, "
        "epidermal detachment ≥ 10 % BSA\n"
    )
    assert (
        "Observed mortality 35.3 % (12 of 34 died; 95 % CI 19.8–53.5 %); 90 % (9 of 10) under"
        in note
    )


def test_a_lab_value_held_for_its_unit_is_not_scored_and_says_why() -> None:
    result = scorten.compute(scorten.ScortenInput(glucose=140, glucose_unit="mmol/L"))
    note = chart_note(result, WHEN)
    assert "- Serum glucose > 14 mmol/L: 140 mmol/L, unit to confirm: not scored [?]" in note
    assert "WARNING: Glucose 140 mmol/L is not scored" in note


def test_a_region_share_is_printed_beside_the_class_cut_offs() -> None:
    # 76.92 % of a 13 % trunk is 9.9996 % of the body: never printed as "10".
    result = bsa.from_regions(
        bsa.RegionsInput(
            age_years=30,
            regions=[
                bsa.RegionEntry(region="anterior-trunk", detached_percent=76.92),
                bsa.RegionEntry(region="neck", detached_percent=0, erythema_percent=50),
            ],
        )
    )
    note = chart_note(result, WHEN)
    assert "- Anterior trunk: 76.92 % of region = 9.9996 % BSA" in note
    assert "- Neck: erythema only (not counted)" in note
    assert "Classification: SJS" in note


def test_a_value_typed_with_many_decimals_is_printed_as_typed() -> None:
    note = chart_note(scorten.compute(scorten.ScortenInput(detached_bsa_percent=10.00001)), WHEN)
    assert "- Epidermal detachment > 10 % BSA: 10.00001 % BSA [MET]" in note


def test_alden_note_ranks_drugs_and_shows_an_incomplete_range() -> None:
    index = date(2026, 3, 10)
    drugs = [
        {"name": "allopurinol", "start": index - timedelta(days=14), "notoriety": "strong",
         "prechallenge": "unknown", "impaired_elimination": False,
         "continued_without_harm": False},
        # Stopped 3 days before with no half-life: criterion 2 cannot be answered.
        {"name": "drug b", "start": index - timedelta(days=60), "stop": index - timedelta(days=3),
         "notoriety": "unknown", "prechallenge": "unknown", "impaired_elimination": False,
         "continued_without_harm": False},
    ]  # fmt: skip
    result = alden.compute(alden.AldenInput(index_day=index, drugs=drugs))
    note = chart_note(result, WHEN)
    assert note.startswith("ALDEN drug causality, index day 10-Mar-2026\n1. allopurinol: 6, ")
    assert "\n2. drug b: incomplete, between -5 and -2\n" in note
    assert "half-life unknown: could not be derived, counted as not answered (-3 to 0)" in note
    assert "   WARNING: drug b: the elimination half-life is not in the drug table" in note
    assert "Source: sassolas2010" in note
