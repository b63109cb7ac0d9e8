"""Numbers in the chart note as clinicians write them (issue 16): 0.5, no trailing zeros,
a space before the unit, and the unit the clinician chose."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sjsref.clinical.units import GlucoseUnit, UreaUnit


def _type(page, qtbot, name: str, text: str) -> None:
    page.fields[name].edit.clear()
    qtbot.keyClicks(page.fields[name].edit, text)
    qtbot.keyClick(page.fields[name].edit, Qt.Key.Key_Return)


def test_chart_note_writes_numbers_and_units_as_typed_in_the_chosen_unit(window, qtbot):
    window.navigate("calc:scorten")
    page = window.calculators["scorten"]
    page.lab("urea").set_unit(UreaUnit.BUN_MG_DL)
    page.lab("glucose").set_unit(GlucoseUnit.MG_DL)
    typed = {
        "age_years": "62",
        "heart_rate_bpm": "128.0",
        "detached_bsa_percent": ".5",
        "urea": "39.20",
        "bicarbonate_mmol_l": "24",
        "glucose": "162",
    }
    for name, text in typed.items():
        _type(page, qtbot, name, text)
    page.fields["malignancy"].set_value(False)
    QApplication.clipboard().clear()
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    note = QApplication.clipboard().text()
    assert "0.5 %" in note
    assert re.findall(r"(?<![\d])\.\d", note) == []  # never a bare ".5"
    assert "128 " in note and "128.0" not in note
    assert "39.2 mg/dL" in note and "39.20" not in note  # the unit chosen, not mmol/L
    assert "162 mg/dL" in note
    # No number runs into its unit, and none ends in a decimal zero.
    assert re.findall(r"\d(?:%|mg|mmol|kg|/min)", note) == []
    assert re.findall(r"\d\.\d*0(?![\d])", note) == []
