"""How a tired clinician gets a calculator wrong, driven through the real window.

Each test types into the widgets as a person does (keys, Enter, clicks) and
reads what the page shows; the clinical figures behind it are the clinical
layer's, checked there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sjsref.clinical.units import GlucoseUnit, UreaUnit
from sjsref.ui.fields import SETTLE_MS

# A US-unit patient: BUN 20 mg/dL and glucose 140 mg/dL score neither lab criterion.
US_PATIENT = {
    "age_years": "35",
    "heart_rate_bpm": "90",
    "detached_bsa_percent": "5",
    "bicarbonate_mmol_l": "24",
    "urea": "20",
    "glucose": "140",
}


def _scorten(window):
    window.navigate("calc:scorten")
    return window.calculators["scorten"]


def _enter(qtbot, edit, text):
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _fill(page, qtbot, values):
    for name, text in values.items():
        _enter(qtbot, page.fields[name].edit, text)


def test_us_values_with_no_unit_chosen_are_not_scored(window, qtbot):
    page = _scorten(window)
    assert page.lab("urea").unit() is None and page.lab("glucose").unit() is None  # nothing assumed
    _fill(page, qtbot, US_PATIENT)
    qtbot.mouseClick(page.fields["malignancy"].no, Qt.MouseButton.LeftButton)
    # Five criteria answered, the two labs not: a range, never the SI reading (3).
    assert page.panel.headline.text() == (
        "SCORTEN incomplete (day 1): 5 of 7 answered; score between 0 and 2"
    )
    assert "NOT SCORED: no unit chosen" in page.lab("urea").status.text()
    assert "⚠ Check the unit" in page.panel.warnings.text()
    page.lab("urea").unit_box.set_value(UreaUnit.BUN_MG_DL)
    page.lab("glucose").unit_box.set_value(GlucoseUnit.MG_DL)
    assert page.panel.headline.text() == "SCORTEN 0 of 7 (day 1)"
    assert "20 mg/dL BUN = 7.1 mmol/L urea = 42.9 mg/dL urea" in page.lab("urea").status.text()


def test_the_unit_chosen_is_remembered_and_the_values_are_not(make_window, qtbot):
    first = make_window()
    page = _scorten(first)
    page.lab("urea").unit_box.set_value(UreaUnit.BUN_MG_DL)
    page.lab("glucose").unit_box.set_value(GlucoseUnit.MG_DL)
    _fill(page, qtbot, {"urea": "20"})
    first.close()
    second = make_window()
    again = _scorten(second)
    assert (again.lab("urea").unit(), again.lab("glucose").unit()) == (
        UreaUnit.BUN_MG_DL,
        GlucoseUnit.MG_DL,
    )
    assert again.lab("urea").edit.text() == ""


def _click(qtbot, page, field, name):
    button = field.hold.findChild(type(page.copy_button), f"{field.name}_{name}")
    assert button is not None and button.isVisibleTo(page), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return button


def test_switching_the_unit_asks_and_converts_on_request(window, qtbot):
    page = _scorten(window)
    page.lab("urea").unit_box.set_value(UreaUnit.MMOL_L)
    _fill(page, qtbot, {"urea": "12"})
    assert "✔ MET" in page.lab("urea").status.text()
    page.lab("urea").unit_box.set_value(UreaUnit.BUN_MG_DL)
    # A switch is ambiguous (converting, or correcting the unit?): not scored until told.
    assert (
        "NOT SCORED" in page.lab("urea").status.text()
        or "not answered" in page.lab("urea").status.text()
    )
    assert "⚠ Unit changed from mmol/L urea to mg/dL BUN" in page.lab("urea").status.text()
    assert page.panel.headline.text().startswith("SCORTEN incomplete")
    _click(qtbot, page, page.lab("urea"), "convert")
    # 12 mmol/L urea is 33.6 mg/dL BUN: the value follows the unit, and says so.
    assert page.lab("urea").edit.text() == "33.6"
    assert "↻ Converted: 12 mmol/L urea is 33.6 mg/dL BUN." in page.lab("urea").status.text()
    assert "✔ MET" in page.lab("urea").status.text()
    _enter(qtbot, page.lab("urea").edit, "34")  # a new value: the old conversion note goes
    assert "Converted" not in page.lab("urea").status.text()


def test_a_number_not_yet_entered_is_in_the_unit_it_was_typed_under(window, qtbot):
    # Seen under X: the unit changed twice by the arrows before the typed "20"
    # was entered (no focus change, the pause not over), so the second switch
    # found no value and "20" was then read in the last unit without asking.
    page = _scorten(window)
    urea = page.lab("urea")
    qtbot.keyClicks(urea.edit, "20")  # typed, not entered: no Tab, no Enter, no pause
    urea.unit_box.set_value(UreaUnit.MMOL_L)
    assert "✔ MET" in urea.status.text()  # 20 mmol/L
    urea.unit_box.set_value(UreaUnit.MG_DL)
    assert "⚠ Unit changed from mmol/L urea to mg/dL urea" in urea.status.text()
    assert urea.value() is None  # not scored until convert or keep


def test_correcting_a_wrongly_chosen_unit_keeps_the_number(window, qtbot):
    # The review's trap: mmol/L remembered, BUN 20 and glucose 140 typed as the lab
    # reports them, then the clinician fixes the unit boxes.
    page = _scorten(window)
    page.lab("urea").unit_box.set_value(UreaUnit.MMOL_L)
    page.lab("glucose").unit_box.set_value(GlucoseUnit.MMOL_L)
    _fill(page, qtbot, {"urea": "20", "glucose": "140"})
    page.lab("urea").unit_box.set_value(UreaUnit.BUN_MG_DL)
    _click(qtbot, page, page.lab("urea"), "keep_typed")
    page.lab("glucose").unit_box.set_value(GlucoseUnit.MG_DL)
    _click(qtbot, page, page.lab("glucose"), "keep_typed")
    assert (page.lab("urea").edit.text(), page.lab("glucose").edit.text()) == ("20", "140")
    assert (
        "✘ not met" in page.lab("urea").status.text()
        and "✘ not met" in page.lab("glucose").status.text()
    )


def test_a_unit_switch_at_the_cut_off_never_crosses_it(window, qtbot):
    page = _scorten(window)
    page.lab("urea").unit_box.set_value(UreaUnit.MMOL_L)
    _fill(page, qtbot, {"urea": "10.01"})  # just above 10 mmol/L: met
    page.lab("urea").unit_box.set_value(UreaUnit.BUN_MG_DL)
    _click(qtbot, page, page.lab("urea"), "convert")
    assert page.lab("urea").edit.text() == "28.04"  # 28.0 would have read as 9.995 mmol/L
    assert "✔ MET" in page.lab("urea").status.text()


def test_glucose_140_in_mmol_l_is_held_until_yes_mg_dl(window, qtbot):
    page = _scorten(window)
    page.lab("glucose").unit_box.set_value(GlucoseUnit.MMOL_L)
    _fill(page, qtbot, {"glucose": "140"})
    assert "NOT SCORED: unit to confirm" in page.lab("glucose").status.text()
    assert page.lab("glucose").hold.isVisible()
    yes = _click(qtbot, page, page.lab("glucose"), "yes_mg_dl")
    assert yes.text() == "Yes, mg/dL"
    # Read as mg/dL, not converted: 140 mg/dL (7.8 mmol/L) does not meet > 14 mmol/L.
    assert page.lab("glucose").unit() == GlucoseUnit.MG_DL
    assert page.lab("glucose").edit.text() == "140"
    assert "✘ not met" in page.lab("glucose").status.text()
    assert not page.lab("glucose").hold.isVisible()


def test_glucose_held_can_be_kept_in_mmol_l_on_purpose(window, qtbot):
    page = _scorten(window)
    page.lab("glucose").unit_box.set_value(GlucoseUnit.MMOL_L)
    _fill(page, qtbot, {"glucose": "90"})
    keep = _click(qtbot, page, page.lab("glucose"), "keep")
    assert keep.text() == "No, keep mmol/L"
    assert "✔ MET" in page.lab("glucose").status.text()
    assert "Re-check" in page.panel.warnings.text()


def test_a_number_is_judged_once_typed_never_at_its_first_digit(window, qtbot):
    page = _scorten(window)
    seen: list[str] = []
    page.fields["heart_rate_bpm"].error.setText = _recording(
        page.fields["heart_rate_bpm"].error.setText, seen
    )
    edit = page.fields["heart_rate_bpm"].edit
    qtbot.keyClicks(edit, "128")
    qtbot.wait(SETTLE_MS + 200)  # a pause counts as entering it
    assert not any("/min" in text for text in seen)
    assert "✔ MET" in page.fields["heart_rate_bpm"].status.text()


def _recording(set_text, seen):
    def record(text):
        seen.append(text)
        set_text(text)

    return record


def test_typing_and_errors_do_not_make_the_form_jump(window, qtbot):
    page = _scorten(window)
    QApplication.processEvents()
    below = page.fields["malignancy"]

    def where():
        QApplication.processEvents()
        return below.mapTo(page, below.rect().topLeft())

    start = where()
    edit = page.fields["heart_rate_bpm"].edit
    for key in "128":  # typed at a clinician's pace: nothing below moves
        qtbot.keyClicks(edit, key)
        qtbot.wait(SETTLE_MS // 3)
        assert where() == start
    _enter(qtbot, edit, "400")  # an error may need more room than kept, once...
    assert page.fields["heart_rate_bpm"].error.isVisible()
    grown = where()
    for text in ("128", "2,000", "12", "400"):  # ...and keeps it: no jumping to and fro
        _enter(qtbot, edit, text)
        assert where() == grown


def test_an_ambiguous_comma_is_refused_and_a_decimal_comma_is_read(window, qtbot):
    page = _scorten(window)
    _enter(qtbot, page.fields["age_years"].edit, "2,000")
    assert "'2,000' is ambiguous: write 2000 or 2.0" in page.fields["age_years"].error_text()
    assert "SCORTEN" not in page.panel.headline.text()
    _enter(qtbot, page.fields["age_years"].edit, "12,5")
    assert page.fields["age_years"].value() == 12.5
    assert not page.fields["age_years"].error_text()


def test_new_patient_empties_every_calculator_but_keeps_the_units(window, qtbot):
    page = _scorten(window)
    page.lab("urea").unit_box.set_value(UreaUnit.BUN_MG_DL)
    _fill(page, qtbot, US_PATIENT)
    page.fields["malignancy"].set_value(True)
    qtbot.mouseClick(page.fields["day"].button(3), Qt.MouseButton.LeftButton)
    window.navigate("calc:classify")
    classify = window.calculators["classify"]
    _enter(qtbot, classify.fields["detached_bsa_percent"].edit, "22")
    classify.fields["spots"].set_value(False)
    window.navigate("calc:bsa")
    bsa = window.calculators["bsa"]
    bsa.method.setCurrentIndex(2)
    _enter(qtbot, bsa.fields["count"].edit, "12")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    for calc in (page, classify, bsa):
        typed = {n: f.value() for n, f in calc.fields.items() if n != "day"}
        assert all(v is None for v in typed.values()), (calc.info.id, typed)
    assert (
        page.fields["day"].value() == 1
        and page.fields["day"].button(1).isChecked()
        and bsa.method.currentIndex() == 0
    )
    assert page.lab("urea").unit() == UreaUnit.BUN_MG_DL  # a preference, not patient data
    assert page.panel.headline.text().startswith("SCORTEN incomplete (day 1): 0 of 7")
    assert window.statusBar().currentMessage().startswith("New patient")
    assert window.new_patient_button.text() == "New patient"


def test_clear_puts_the_choices_back_too(window, qtbot):
    # The review's trap: Clear kept the last patient's sex and method on the BSA page.
    window.navigate("calc:bsa")
    page = window.calculators["bsa"]
    page.method.setCurrentIndex(2)
    page.sex.setCurrentIndex(2)
    _enter(qtbot, page.fields["count"].edit, "30")
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.method.currentIndex() == 0 and page.sex.currentIndex() == 0
    scorten = _scorten(window)
    qtbot.mouseClick(scorten.fields["day"].button(3), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(scorten.clear_button, Qt.MouseButton.LeftButton)
    assert scorten.fields["day"].button(1).isChecked()
