"""SCORTEN through its widgets: score, mortality, units, errors, copy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sjsref.clinical.units import GlucoseUnit, UreaUnit


def _open(window, qtbot, units=True):
    """Open SCORTEN from the search; choose SI units unless told not to."""
    qtbot.keyClicks(window.search, "scor")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    page = window.calculators["scorten"]
    if units:
        page.lab("urea").set_unit(UreaUnit.MMOL_L)
        page.lab("glucose").set_unit(GlucoseUnit.MMOL_L)
    return page


def _fill(page, qtbot, **values):
    """Type each value as a clinician does and press Enter."""
    for name, text in values.items():
        page.fields[name].edit.clear()
        qtbot.keyClicks(page.fields[name].edit, text)
        qtbot.keyClick(page.fields[name].edit, Qt.Key.Key_Return)


CASE = {
    "age_years": "62",
    "heart_rate_bpm": "128",
    "detached_bsa_percent": "35",
    "urea": "14",
    "bicarbonate_mmol_l": "24",
    "glucose": "9",
}


def test_fill_a_case_and_read_score_and_mortality(window, qtbot):
    page = _open(window, qtbot)
    assert "incomplete" in page.panel.headline.text()
    _fill(page, qtbot, **CASE)
    qtbot.mouseClick(page.fields["malignancy"].no, Qt.MouseButton.LeftButton)
    # age, heart rate, detachment, urea: 4 points; Bastuji-Garin 2000 observed 58.3 %.
    assert page.panel.headline.text() == "SCORTEN 4 of 7 (day 1)"
    assert "Observed mortality 58.3 % (14 of 24 died; 95 % CI 36.6–77.9 %)" in (
        page.panel.mortality.text()
    )
    assert page.panel.model_mortality.text().startswith("Model: 62.2 %")
    model_size = page.panel.model_mortality.font().pointSizeF()
    assert model_size < page.panel.mortality.font().pointSizeF()
    assert "<b>◀ this patient</b>" in page.panel.detail.text()
    assert "✔ MET" in page.fields["age_years"].status.text()
    assert "✘ not met" in page.fields["glucose"].status.text()


def test_switching_urea_unit_gives_the_same_score(window, qtbot):
    page = _open(window, qtbot)
    _fill(page, qtbot, **CASE)
    page.fields["malignancy"].set_value(False)
    before = page.panel.headline.text()
    page.lab("urea").unit_box.set_value(UreaUnit.BUN_MG_DL)
    _fill(page, qtbot, urea="39.2")  # 14 mmol/L urea as BUN: 14 x 2.8014
    assert page.panel.headline.text() == before
    assert "> 28.014 mg/dL BUN" in page.fields["urea"].status.text()
    page.lab("urea").unit_box.set_value(UreaUnit.MG_DL)
    _fill(page, qtbot, urea="84.1")
    assert page.panel.headline.text() == before
    assert "> 60.056 mg/dL urea" in page.fields["urea"].status.text()


def test_day_3_is_shown_and_unanswered_is_never_zero(window, qtbot):
    page = _open(window, qtbot)
    _fill(page, qtbot, age_years="30")
    assert page.fields["heart_rate_bpm"].value() is None
    assert "○ not answered" in page.fields["heart_rate_bpm"].status.text()
    qtbot.mouseClick(page.fields["day"].button(3), Qt.MouseButton.LeftButton)
    assert "day 3" in page.panel.headline.text()


def test_bad_value_is_marked_at_its_field_and_hides_the_score(window, qtbot):
    page = _open(window, qtbot)
    _fill(page, qtbot, **{**CASE, "heart_rate_bpm": "400"})
    assert "Heart rate 400 /min is not possible" in page.fields["heart_rate_bpm"].error_text()
    assert page.fields["heart_rate_bpm"].error.isVisible()
    assert "SCORTEN" not in page.panel.headline.text()
    assert not page.copy_button.isEnabled()


def test_lab_value_out_of_range_is_marked_at_the_lab_field(window, qtbot):
    page = _open(window, qtbot)
    page.lab("glucose").unit_box.set_value(GlucoseUnit.MG_DL)
    _fill(page, qtbot, glucose="9000")
    assert "Glucose 9000 mg/dL is not possible" in page.fields["glucose"].error_text()
    assert not page.fields["age_years"].error_text()


def test_warning_for_a_child_is_in_words_not_only_colour(window, qtbot):
    page = _open(window, qtbot)
    _fill(page, qtbot, **{**CASE, "age_years": "12"})
    assert page.panel.warning_box.isVisible()
    assert "⚠ Outside the population" in page.panel.warnings.text()


def test_copy_puts_the_chart_note_on_the_clipboard(window, qtbot):
    page = _open(window, qtbot)
    _fill(page, qtbot, **CASE)
    page.fields["malignancy"].set_value(False)
    QApplication.clipboard().clear()
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    text = QApplication.clipboard().text()
    assert text.startswith("SCORTEN 4 of 7 (day 1)\n")
    assert window.statusBar().currentMessage() == "Chart note copied: SCORTEN"
    assert "Bastuji-Garin" in text
    QApplication.clipboard().clear()
    page.fields["age_years"].edit.setFocus()
    qtbot.keyClick(
        page.fields["age_years"].edit,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QApplication.clipboard().text().startswith("SCORTEN 4 of 7 (day 1)")


def test_clear_empties_the_form(window, qtbot):
    page = _open(window, qtbot)
    _fill(page, qtbot, **CASE)
    page.fields["malignancy"].set_value(True)
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert all(f.value() is None for n, f in page.fields.items() if n != "day")
    assert page.fields["day"].value() == 1
    assert "0 of 7 answered" in page.panel.headline.text()
