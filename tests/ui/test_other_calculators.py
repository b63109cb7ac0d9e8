"""BSA, classification and ABCD-10 through their widgets: result, error, clear.

Each expected figure is recomputed from ``sjsref.clinical`` (or worked out by
hand in the comment), so the page is checked against the layer it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from sjsref.clinical import bsa, bsa_charts
from sjsref.ui.bsa_view import PALM


def _open(window, calc_id):
    window.navigate(f"calc:{calc_id}")
    return window.calculators[calc_id]


def _enter(qtbot, edit, text):
    """Type as a clinician does, then press Enter: the value counts once entered."""
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _type(page, qtbot, name, text):
    _enter(qtbot, page.fields[name].edit, text)


def _type_row(table, qtbot, region, text, column=0):
    """Type into the region row's visible box (0: detached, 1: erythema)."""
    edit = table.rows[region][column].edit
    assert edit.isVisibleTo(table)
    _enter(qtbot, edit, text)


def test_bsa_fresh_form_asks_for_input_without_an_error(window):
    page = _open(window, "bsa")
    assert page.panel.headline.text() == "No area yet"
    assert not any(field.error_text() for field in page.fields.values())


def test_bsa_lund_browder_adult_case_matches_the_clinical_layer(window, qtbot):
    page = _open(window, "bsa")
    _type(page, qtbot, "age_years", "40")
    # Both charts have a trunk row: the Lund-Browder one must be the one read.
    _type_row(page.lund, qtbot, "anterior-trunk", "100")
    _type_row(page.lund, qtbot, "posterior-trunk", "50")
    _type_row(page.lund, qtbot, "posterior-trunk", "30", column=1)  # erythema: never counted
    share = bsa_charts.lund_browder(bsa_charts.AgeColumn.ADULT)
    expected = share["anterior-trunk"] + share["posterior-trunk"] / 2  # 13 + 6.5
    assert page.panel.headline.text() == f"Detached {expected:g} % BSA"
    assert "TEN" in page.panel.mortality.text()  # > 30 %: Bastuji-Garin 1993
    assert "Lund-Browder chart, adult column (16 and over)" in page.panel.detail.text()
    assert "Anterior trunk" in page.panel.detail.text()
    assert "anterior-trunk" not in page.panel.detail.text()
    assert "Erythema (recorded, not counted)" in page.panel.detail.text()


def test_bsa_region_without_age_marks_the_age_field(window, qtbot):
    page = _open(window, "bsa")
    _type_row(page.lund, qtbot, "head", "50")
    assert "Age" in page.fields["age_years"].error_text()
    assert not page.copy_button.isEnabled()
    _type(page, qtbot, "age_years", "3")  # a child: the head's share is larger
    child = bsa_charts.lund_browder(bsa_charts.age_column(3.0))
    assert page.panel.headline.text() == f"Detached {child['head'] / 2:g} % BSA"


def test_bsa_palm_method_without_sex_gives_the_range(window, qtbot):
    page = _open(window, "bsa")
    page.method.set_value(PALM)
    _type(page, qtbot, "age_years", "50")
    _type(page, qtbot, "count", "20")
    low = 20 * bsa.HAND_FRACTION_PERCENT[(bsa.HandSurface.HAND, bsa.Sex.FEMALE)]
    high = 20 * bsa.HAND_FRACTION_PERCENT[(bsa.HandSurface.HAND, bsa.Sex.MALE)]
    assert page.panel.headline.text() == f"Detached {low:g}–{high:g} % BSA"  # 14-16 %
    page.sex.set_value(bsa.Sex.MALE)
    assert page.panel.headline.text() == f"Detached {high:g} % BSA"


def test_classification_boundaries_and_bad_value(window, qtbot):
    page = _open(window, "classify")
    _type(page, qtbot, "detached_bsa_percent", "15")
    # Spots not answered: both classes, never a guess.
    assert page.panel.headline.text().startswith("Not classified: SJS/TEN overlap with spots")
    qtbot.mouseClick(page.fields["spots"].yes, Qt.MouseButton.LeftButton)
    assert "overlap" in page.panel.headline.text().lower()
    qtbot.mouseClick(page.fields["spots"].no, Qt.MouseButton.LeftButton)
    assert page.panel.headline.text() == "TEN"
    _type(page, qtbot, "detached_bsa_percent", "150")
    assert "Invalid" in page.fields["detached_bsa_percent"].error_text()
    page.clear_button.click()
    assert page.fields["detached_bsa_percent"].edit.text() == ""
    assert not page.fields["detached_bsa_percent"].error_text()


def test_abcd10_marks_predictors_and_withholds_unverified_mortality(window, qtbot):
    page = _open(window, "abcd10")
    _type(page, qtbot, "age_years", "50")  # >= 50 counts (Noe 2019)
    _type(page, qtbot, "bicarbonate_mmol_l", "21")
    assert "✔ MET" in page.fields["age_years"].status.text()
    assert "✘ not met" in page.fields["bicarbonate_mmol_l"].status.text()
    assert (
        page.panel.headline.text()
        == "ABCD-10 predictors: 1 of 5 present; no score (2 of 5 answered)"
    )
    assert page.panel.mortality.text().startswith("No ABCD-10 score or mortality")
    assert "%" not in page.panel.mortality.text()
    assert window.windowTitle() and page.info.name == "ABCD-10 predictors"


def test_bsa_erythema_alone_asks_for_the_regions_detachment(window, qtbot):
    page = _open(window, "bsa")
    _type(page, qtbot, "age_years", "40")
    _type_row(page.lund, qtbot, "neck", "30", column=1)
    detached = page.lund.rows["neck"][0]
    assert detached.error_text() == (
        "⚠ Invalid: Neck: erythema is entered but not how much of the region is detached; "
        "enter the detached % (0 if none of it is)."
    )
    assert page.panel.headline.text() == "No result: correct the marked field first."
    _enter(qtbot, detached.edit, "0")
    assert page.panel.headline.text() == "Detached 0 % BSA"


def test_bsa_rule_of_nines_reads_its_own_rows(window, qtbot):
    page = _open(window, "bsa")
    page.method.set_value(bsa.Method.RULE_OF_NINES)
    _type(page, qtbot, "age_years", "40")
    _type_row(page.nines, qtbot, "anterior-trunk", "50")
    half = bsa_charts.RULE_OF_NINES["anterior-trunk"] / 2  # 18 % / 2
    assert page.panel.headline.text() == f"Detached {half:g} % BSA"
    page.method.set_value(bsa.Method.LUND_BROWDER)
    assert page.panel.headline.text() == "No area yet"  # the other chart's rows are empty
