"""SCORTEN on day 1 and again on day 3 in the real window, and the next-step links."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from sjsref.clinical.units import GlucoseUnit, UreaUnit


def _fill(page, qtbot, **values):
    for name, text in values.items():
        edit = page.fields[name].edit
        edit.clear()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)


def _day(page, qtbot, day):
    qtbot.mouseClick(page.fields["day"].button(day), Qt.MouseButton.LeftButton)


def _scorten(window):
    window.navigate("calc:scorten")
    page = window.calculators["scorten"]
    page.lab("urea").set_unit(UreaUnit.MMOL_L)
    page.lab("glucose").set_unit(GlucoseUnit.MMOL_L)
    return page


DAY1 = {"age_years": "62", "heart_rate_bpm": "100", "detached_bsa_percent": "15",
        "urea": "8", "bicarbonate_mmol_l": "24", "glucose": "9"}  # fmt: skip
DAY3 = {"heart_rate_bpm": "131.5", "detached_bsa_percent": "25", "urea": "8",
        "bicarbonate_mmol_l": "18.25", "glucose": "9"}  # fmt: skip


def _two_days(window, qtbot):
    page = _scorten(window)
    assert not page.course_strip.isVisible()
    _fill(page, qtbot, **DAY1)
    page.fields["malignancy"].set_value(False)
    assert page.panel.headline.text() == "SCORTEN 2 of 7 (day 1)"
    assert "Day 3 not entered yet" in page.course_strip.text()
    _day(page, qtbot, 3)
    # Age and malignancy do not change: carried over, and said so; the rest is empty.
    assert page.fields["age_years"].edit.text() == "62"
    assert page.fields["malignancy"].value() is False
    assert page.fields["heart_rate_bpm"].value() is None
    assert "carried over from day 1" in window.statusBar().currentMessage()
    _fill(page, qtbot, **DAY3)
    return page


def test_day_1_and_day_3_are_entered_apart_and_compared(window, qtbot):
    page = _two_days(window, qtbot)
    assert page.panel.headline.text() == "SCORTEN 4 of 7 (day 3)"
    strip = page.course_strip.text()
    assert page.course_strip.isVisible()
    # Bastuji-Garin 2000 development table: 2 -> 12.1 % (8 of 66), 4 -> 58.3 % (14 of 24).
    assert "<td>2 of 7</td><td>4 of 7</td>" in strip
    assert "12.1 % (8 of 66 died)" in strip and "58.3 % (14 of 24 died)" in strip
    assert "Rose by 2 points: 2 on day 1, 4 on day 3" in strip
    assert "slightly better on day 3" in strip and 'href="ref:guegan2006"' in strip
    _day(page, qtbot, 1)  # day 1's own inputs come back, scored as before
    assert page.fields["heart_rate_bpm"].edit.text() == "100"
    assert page.panel.headline.text() == "SCORTEN 2 of 7 (day 1)"
    _day(page, qtbot, 3)
    assert page.fields["bicarbonate_mmol_l"].edit.text() == "18.25"


def test_copy_carries_both_days_and_new_patient_forgets_them(window, qtbot):
    page = _two_days(window, qtbot)
    QApplication.clipboard().clear()
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    note = QApplication.clipboard().text()
    assert note.startswith("SCORTEN day 1 and day 3: Rose by 2 points")
    assert "\nDay 1 (admission):\nSCORTEN 2 of 7 (day 1)\n" in note
    assert "\nDay 3:\nSCORTEN 4 of 7 (day 3)\n" in note
    assert "- Heart rate > 120 /min: 131.5 /min [MET]" in note
    qtbot.keyClick(page.fields["age_years"].edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.fields["day"].value() == 1
    assert page.fields["heart_rate_bpm"].value() is None
    assert not page.course_strip.isVisible()
    _day(page, qtbot, 3)  # day 3 is gone too
    assert page.fields["heart_rate_bpm"].value() is None


def test_a_pending_unit_switch_is_held_not_misread_on_return(window, qtbot):
    page = _scorten(window)
    _fill(page, qtbot, glucose="9")
    page.lab("glucose").unit_box.set_value(GlucoseUnit.MG_DL)  # convert or keep? unanswered
    _day(page, qtbot, 3)
    _day(page, qtbot, 1)
    assert page.fields["glucose"].edit.text() == "9"
    assert page.lab("glucose").unit() is None  # asks for the unit again
    assert "- Serum glucose > 14 mmol/L: 9, no unit chosen: not scored [?]" in page.chart_note()


def test_no_day_is_written_to_disk(make_window, qtbot, private_home):
    window = make_window()
    page = _two_days(window, qtbot)
    assert page.fields["bicarbonate_mmol_l"].edit.text() == "18.25"
    window.close()
    QApplication.processEvents()
    for path in (p for p in Path(private_home).rglob("*") if p.is_file()):
        data = path.read_bytes()
        assert b"131.5" not in data and b"18.25" not in data, path


def test_next_steps_link_to_the_library_sections(window, qtbot):
    page = _scorten(window)
    assert not page.panel.next_steps.isVisible()
    _fill(page, qtbot, **DAY1)
    page.fields["malignancy"].set_value(False)
    text = page.panel.next_steps.text()
    assert page.panel.next_steps.isVisible() and "Next steps in the library" in text
    hrefs = re.findall(r'href="([^"]+)"', text)
    assert "article:first-24-hours#where-to-treat" in hrefs
    assert "article:mucosa#eyes-acute-care" in hrefs
    page.panel.next_steps.linkActivated.emit("article:first-24-hours#where-to-treat")
    assert window.stack.currentWidget() is window.article_view
    assert window.article_view.article_id == "first-24-hours"
    assert window.article_view.contents.currentItem().text() == "Where to treat"
    window.go(-1)  # Back returns to the calculator, the result still there
    assert window.stack.currentWidget() is page
    _fill(page, qtbot, heart_rate_bpm="400")  # refused: no result, no next steps
    assert not page.panel.next_steps.isVisible()


def test_next_steps_under_classification(window, qtbot):
    window.navigate("calc:classify")
    page = window.calculators["classify"]
    _fill(page, qtbot, detached_bsa_percent="20")  # spots unanswered: they decide
    hrefs = re.findall(r'href="([^"]+)"', page.panel.next_steps.text())
    assert hrefs[0] == "article:classification#reading-the-lesions"


def test_the_day_heads_the_form_and_the_tab_order(window, qtbot):
    page = _scorten(window)
    assert page.form.itemAt(0, page.form.ItemRole.FieldRole).widget() is page.fields["day"]
    page.fields["day"].button(1).setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.fields["age_years"].edit
    page.lab("glucose").unit_box.setFocus()  # the last input, then the actions
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.copy_button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.clear_button


# -- what a fresh review found a tired clinician could get wrong ------------------


def test_age_corrected_on_one_day_is_the_age_on_every_day_and_rescores_it(window, qtbot):
    page = _two_days(window, qtbot)  # age 62 on both days: day 1 scores 2, day 3 scores 4
    _day(page, qtbot, 1)
    _fill(page, qtbot, age_years="35")  # a typo corrected on day 1: no longer over 40
    assert page.panel.headline.text() == "SCORTEN 1 of 7 (day 1)"
    course = page.course()
    assert [d.score for d in course.days] == ["1 of 7", "3 of 7"]  # day 3 rescored with the new age
    assert page.day_results[3].score == 3
    _day(page, qtbot, 3)
    assert page.fields["age_years"].edit.text() == "35"
    assert page.panel.headline.text() == "SCORTEN 3 of 7 (day 3)"
    page.fields["malignancy"].set_value(True)  # and the other way round
    _day(page, qtbot, 1)
    assert page.fields["malignancy"].value() is True
    assert page.panel.headline.text() == "SCORTEN 2 of 7 (day 1)"


def test_a_unit_switch_after_a_day_round_trip_still_asks_convert_or_keep(window, qtbot):
    page = _scorten(window)
    _fill(page, qtbot, urea="22")
    _day(page, qtbot, 3)
    _day(page, qtbot, 1)
    assert page.fields["urea"].edit.text() == "22"
    page.lab("urea").set_unit(UreaUnit.MG_DL)
    assert page.lab("urea").value() is None  # held: 22 is never read as mg/dL silently
    assert page.findChild(QPushButton, "urea_convert") is not None


def test_clear_on_day_3_keeps_day_1(window, qtbot):
    page = _two_days(window, qtbot)
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.fields["day"].value() == 3
    assert page.fields["heart_rate_bpm"].value() is None
    assert page.fields["age_years"].edit.text() == "62"  # the patient's, shared with day 1
    assert "day 1 kept" in window.statusBar().currentMessage()
    _day(page, qtbot, 1)
    assert page.panel.headline.text() == "SCORTEN 2 of 7 (day 1)"
    window.new_patient()
    assert page.fields["day"].value() == 1 and page.fields["age_years"].value() is None


def test_only_looking_at_day_3_leaves_the_day_1_note_alone(window, qtbot):
    page = _scorten(window)
    _fill(page, qtbot, **DAY1)
    page.fields["malignancy"].set_value(False)
    note = page.chart_note()
    _day(page, qtbot, 3)  # age and malignancy carried in, nothing else entered
    _day(page, qtbot, 1)
    assert page.chart_note().split("\n")[1:] == note.split("\n")[1:]  # bar the time stamp
    assert "day 3" not in page.chart_note().lower()
