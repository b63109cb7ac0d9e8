"""Ctrl+P and Export PDF through the real window; the PDF is read back with pdftotext.

Every number checked on paper is the one the clinical layer computes for the
inputs typed (Bastuji-Garin 2000 development table for SCORTEN), so the page
is checked against what it prints, not against itself.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QFileDialog

from sjsref import version
from sjsref.clinical import alden
from sjsref.clinical.assessment import assessment
from sjsref.clinical.bsa_charts import View
from sjsref.clinical.units import GlucoseUnit, UreaUnit
from sjsref.ui import printing
from sjsref.ui.app import create_window, load_content
from sjsref.ui.body_map import Mode
from sjsref.ui.body_outline import PARTS
from sjsref.ui.state import APPLICATION, ORGANISATION, ViewState
from sjsref.ui.views import Views

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is installed by dev.sh"
)
WHEN = datetime(2026, 11, 22, 14, 5)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, resources_root, settings):
    """The real window, its calculators stamped with a fixed time."""
    made = create_window(
        ViewState(QSettings(ORGANISATION, APPLICATION)),
        Views(clock=lambda: WHEN),
        load=lambda: load_content(resources_root),
    )
    qtbot.addWidget(made)
    with qtbot.waitSignal(made.ready, timeout=30_000):
        made.show()
    return made


def pdf_text(path: Path) -> str:
    """The PDF's text on one line: ligatures undone, runs of spaces made one."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", out.stdout))


def _layout(path: Path) -> str:
    """The PDF's text as laid out on the page (columns kept side by side)."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.M).group(1))


def _export(window, qtbot, monkeypatch, path: Path) -> str:
    """Press Ctrl+Shift+E and answer the save dialog with ``path``."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "PDF (*.pdf)"))
    )
    qtbot.keyClick(window.stack.currentWidget(), Qt.Key.Key_E, CTRL_SHIFT)
    assert path.exists(), window.statusBar().currentMessage()
    return pdf_text(path)


def _fill(page, qtbot, **values):
    for name, text in values.items():
        edit = page.fields[name].edit
        edit.clear()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)


def _type(qtbot, edit, text):
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _map_click(qtbot, page, region, view):
    path = dict(PARTS[view])[region]
    point = page.map.figure_transform(view).map(path.boundingRect().center())
    qtbot.mouseClick(page.map, Qt.MouseButton.LeftButton, pos=point.toPoint())


def _scorten(window):
    window.navigate("calc:scorten")
    page = window.calculators["scorten"]
    page.lab("urea").set_unit(UreaUnit.MMOL_L)
    page.lab("glucose").set_unit(GlucoseUnit.MMOL_L)
    return page


DAY1 = {"age_years": "62", "heart_rate_bpm": "128", "detached_bsa_percent": "35",
        "urea": "14", "bicarbonate_mmol_l": "24", "glucose": "9"}  # fmt: skip
DAY3 = {"heart_rate_bpm": "132", "detached_bsa_percent": "45", "urea": "16",
        "bicarbonate_mmol_l": "18", "glucose": "15"}  # fmt: skip


def _stamp_and_sources(window, text: str) -> None:
    library = window.content.library
    reviewed = library.last_reviewed
    assert f"Printed 22-Nov-2026 14:05 · SJSRef {version()}" in text
    assert f"content last reviewed {reviewed:%d}-{reviewed:%b}-{reviewed.year}" in text
    ref = library.reference("bastujigarin2000")
    assert f"{ref.number}. {ref.text[:60]}" in text  # the full AMA reference, numbered


def test_scorten_pdf_has_inputs_verdicts_score_mortality_and_stamp(
    window, qtbot, monkeypatch, tmp_path
):
    page = _scorten(window)
    _fill(page, qtbot, **DAY1)
    page.fields["malignancy"].set_value(False)
    text = _export(window, qtbot, monkeypatch, tmp_path / "scorten.pdf")
    assert "SJSRef assessment: SCORTEN" in text
    assert "SCORTEN 4 of 7 (day 1)" in text
    # Bastuji-Garin 2000: score 4 -> 14 of 24 died, 58.3 % (95 % CI 36.6-77.9).
    assert "Observed mortality 58.3 % (14 of 24 died; 95 % CI 36.6–77.9 %)" in text
    assert "Age > 40 years 62 years MET" in text
    assert "Heart rate > 120 /min 128 /min MET" in text
    assert "Serum urea (or BUN) > 10 mmol/L urea 14 mmol/L urea MET" in text
    assert "Serum bicarbonate < 20 mmol/L 24 mmol/L not met" in text
    assert "Serum glucose > 14 mmol/L 9 mmol/L not met" in text
    assert "⚠ Check the unit:" in text  # the warning travels with the result
    _stamp_and_sources(window, text)
    assert pdf_pages(tmp_path / "scorten.pdf") == 1
    assert "Saved SCORTEN assessment as PDF (1 page)" in window.statusBar().currentMessage()


def test_day_1_and_day_3_print_on_one_page(window, qtbot, monkeypatch, tmp_path):
    page = _scorten(window)
    _fill(page, qtbot, **DAY1)
    page.fields["malignancy"].set_value(False)
    qtbot.mouseClick(page.fields["day"].button(3), Qt.MouseButton.LeftButton)
    _fill(page, qtbot, **DAY3)
    text = _export(window, qtbot, monkeypatch, tmp_path / "course.pdf")
    assert pdf_pages(tmp_path / "course.pdf") == 1
    assert "Day 1 against day 3 Rose by 2 points: 4 on day 1, 6 on day 3" in text
    assert "SCORTEN 4 of 7 (day 1)" in text and "SCORTEN 6 of 7 (day 3)" in text
    # Side by side, as in the window (Bastuji-Garin 2000: score 4, 14 of 24 died).
    # (read in layout order: pdftotext's plain order splits short cells)
    laid_out = _layout(tmp_path / "course.pdf")
    assert re.search(r"Day 1 \(admission\) +Day 3\n\s*SCORTEN +4 of 7 +6 of 7\n", laid_out)
    assert "Observed mortality 58.3 % (14 of 24 died) 90 % (9 of 10 died)" in text
    assert "Observed mortality 90 % (9 of 10 died; 95 % CI 55.5–99.8 %)" in text
    assert "Heart rate > 120 /min 132 /min MET" in text
    assert "144 patients, of whom 28 died (19.4 %)" in text  # Guégan 2006 abstract
    guegan = window.content.library.reference("guegan2006")
    assert f"{guegan.number}. {guegan.text[:50]}" in text
    _stamp_and_sources(window, text)


def test_abcd10_classification_and_bsa(window, qtbot, monkeypatch, tmp_path):
    window.navigate("calc:abcd10")
    page = window.calculators["abcd10"]
    _fill(page, qtbot, age_years="71", detached_bsa_percent="12")
    text = _export(window, qtbot, monkeypatch, tmp_path / "abcd10.pdf")
    assert "ABCD-10 predictors: 2 of 5 present; no score" in text
    assert "Age ≥ 50 years 71 years MET" in text and "Active cancer not answered ?" in text
    assert "No ABCD-10 score or mortality" in text

    window.navigate("calc:classify")
    page = window.calculators["classify"]
    _fill(page, qtbot, detached_bsa_percent="20")
    page.fields["spots"].set_value(True)
    text = _export(window, qtbot, monkeypatch, tmp_path / "classify.pdf")
    # Bastuji-Garin 1993: 10-30 % detachment with spots is SJS/TEN overlap.
    assert "Classification: SJS/TEN overlap" in text
    assert "Detached + detachable BSA 20 %" in text and "with spots" in text

    window.navigate("calc:bsa")
    page = window.calculators["bsa"]
    _fill(page, qtbot, age_years="40")
    edit = page.lund.rows["anterior-trunk"][0].edit
    edit.clear()
    qtbot.keyClicks(edit, "50")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    text = _export(window, qtbot, monkeypatch, tmp_path / "bsa.pdf")
    # Lund-Browder adult column: anterior trunk 13 % of the body; half of it 6.5 %.
    assert "Detached BSA: 6.5 %" in text
    assert "Anterior trunk 50 % of region 6.5 % BSA" in text
    assert "Classification: SJS" in text
    for name in ("abcd10", "classify", "bsa"):
        assert pdf_pages(tmp_path / f"{name}.pdf") == 1


def _paper_of(window, qtbot, monkeypatch, path: Path, locale: QLocale) -> str:
    before = QLocale()
    QLocale.setDefault(locale)
    try:
        _export(window, qtbot, monkeypatch, path)
    finally:
        QLocale.setDefault(before)
    assert pdf_pages(path) == 1
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return re.search(r"^Page size:\s+(.*)$", info.stdout, re.M).group(1)


def test_letter_where_the_locale_measures_in_inches_else_a4(window, qtbot, monkeypatch, tmp_path):
    page = _scorten(window)
    _fill(page, qtbot, **DAY1)
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert (
        _paper_of(window, qtbot, monkeypatch, tmp_path / "us.pdf", us) == "612 x 792 pts (letter)"
    )
    assert (
        _paper_of(window, qtbot, monkeypatch, tmp_path / "de.pdf", germany) == "595 x 842 pts (A4)"
    )


def test_an_alden_result_prints(window, tmp_path):
    index = date(2026, 3, 10)
    drug = {"name": "allopurinol", "start": index - timedelta(days=14), "notoriety": "strong",
            "prechallenge": "unknown", "impaired_elimination": False,
            "continued_without_harm": False}  # fmt: skip
    result = alden.compute(alden.AldenInput(index_day=index, drugs=[drug]))
    citer = window.calculators.get("scorten") or window.stack.calculator("scorten")
    body = printing.assessment_html(assessment(result, "ALDEN"), citer.panel.citer, WHEN)
    path = tmp_path / "alden.pdf"
    assert printing.write_pdf(printing.Printout("ALDEN assessment", body, True), path) == 1
    text = pdf_text(path)
    assert "Index day 10-Mar-2026" in text and "1. allopurinol" in text
    assert "allopurinol: 6, " in text  # the chart note's own headline


def test_the_body_map_prints_with_age_and_erythema(window, qtbot, monkeypatch, tmp_path):
    window.navigate("calc:bsa")
    page = window.calculators["bsa"]
    _fill(page, qtbot, age_years="40")
    _map_click(qtbot, page, "anterior-trunk", View.FRONT)
    qtbot.mouseClick(page.body.mode_buttons[Mode.ERYTHEMA], Qt.MouseButton.LeftButton)
    _map_click(qtbot, page, "posterior-trunk", View.BACK)
    text = _export(window, qtbot, monkeypatch, tmp_path / "map.pdf")
    # Lund-Browder: each trunk half is 13 % of the body at every age.
    assert "Detached BSA: 13 % Age: 40 years Method: Lund-Browder chart, adult column" in text
    assert "Anterior trunk 100 % of region 13 % BSA" in text
    assert "Posterior trunk 0 % of region 0 % BSA (erythema 13 % BSA, not counted)" in text
    assert pdf_pages(tmp_path / "map.pdf") == 1


def test_the_alden_page_exports(window, qtbot, monkeypatch, tmp_path):
    window.navigate("calc:alden")
    page = window.calculators["alden"]
    _type(qtbot, page.fields["index_day"].edit, "10-03-2026")
    _type(qtbot, page.drug_name, "allopurinol")
    _type(qtbot, page.cards[-1].start.edit, "17-02-2026")  # 21 days before
    text = _export(window, qtbot, monkeypatch, tmp_path / "alden-window.pdf")
    assert "SJSRef assessment: ALDEN" in text and "Index day 10-Mar-2026" in text
    # Sassolas 2010: 5-28 days +3, strongly associated +3: 6, very probable.
    assert "1. allopurinol allopurinol: 6, very probable" in text
    assert "Printed 22-Nov-2026 14:05" in text
    assert pdf_pages(tmp_path / "alden-window.pdf") == 1


def test_an_article_exports_with_its_references(window, qtbot, monkeypatch, tmp_path):
    window.navigate("article:severity#when-to-score")
    text = _export(window, qtbot, monkeypatch, tmp_path / "article.pdf")
    article = window.content.library.article("severity")
    assert article.title in text
    reviewed = article.last_reviewed
    assert f"content last reviewed {reviewed:%d}-{reviewed:%b}-{reviewed.year}" in text
    assert "When to score" in text and "References" in text
    assert "Guégan S, Bastuji-Garin S" in text
    assert pdf_pages(tmp_path / "article.pdf") >= 2


def test_ctrl_p_prints_through_the_print_dialog(window, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "printed.pdf"

    def accept(dialog):  # the clinician picks "Print to file" and presses Print
        dialog.printer().setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    page = _scorten(window)
    _fill(page, qtbot, **DAY1)
    qtbot.keyClick(page.fields["age_years"].edit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "Sent to the printer: SCORTEN assessment"
    assert "SCORTEN incomplete (day 1): 6 of 7 answered" in pdf_text(target)


def test_nothing_to_print_says_so(window, qtbot, monkeypatch, tmp_path):
    window.navigate("home:")
    window.export_pdf(str(tmp_path / "home.pdf"))
    assert window.statusBar().currentMessage() == printing.NOTHING
    window.navigate("calc:scorten")
    window.calculators["scorten"].fields["heart_rate_bpm"].set_text("400")  # refused
    window.export_pdf(str(tmp_path / "bad.pdf"))
    assert window.statusBar().currentMessage().startswith("Nothing to print: this calculator")
    assert not (tmp_path / "home.pdf").exists() and not (tmp_path / "bad.pdf").exists()


def test_the_print_button_offers_both(window):
    actions = [a.text() for a in window.print_button.menu().actions()]
    assert actions == ["Print…\tCtrl+P", "Export PDF…\tCtrl+Shift+E"]
