"""Pinned and recent pages: app items, kept across a restart; typed text never."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from sjsref.ui.state import APPLICATION, ORGANISATION

CTRL = Qt.KeyboardModifier.ControlModifier


def _home_text(window) -> str:
    window.go_home()
    return window.home.toPlainText()


def test_ctrl_d_pins_a_calculator_and_a_section_and_both_survive_a_restart(make_window, qtbot):
    window = make_window()
    article = max(window.content.library.articles, key=lambda a: len(a.sections))
    section = article.sections[-2]
    window.navigate("calc:abcd10")
    window.calculators["abcd10"].fields["age_years"].set_text("67")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_D, CTRL)
    assert window.pin_button.isChecked() and window.pin_button.text() == "★ Pinned"
    window.navigate(f"article:{article.id}#{section.id}")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_D, CTRL)
    window.navigate("calc:scorten")  # opened, not pinned
    home = _home_text(window)
    pinned, _, recent = home.partition("Recently opened")
    assert "ABCD-10" in pinned and section.title in pinned and "SCORTEN" not in pinned
    assert recent.index("SCORTEN") < recent.index(article.title)  # newest first
    window.close()
    QApplication.processEvents()

    again = make_window()
    home = _home_text(again)
    pinned, _, recent = home.partition("Recently opened")
    assert "ABCD-10" in pinned and section.title in pinned
    assert "SCORTEN" in recent
    # A pin opens where it points: the section, with its heading highlighted.
    again.navigate(f"article:{article.id}#{section.id}")
    assert again.article_view.contents.currentItem().text() == section.title
    again.navigate("calc:abcd10")
    assert again.calculators["abcd10"].fields["age_years"].edit.text() == ""  # no patient data
    qtbot.keyClick(again.focusWidget(), Qt.Key.Key_D, CTRL)  # unpin
    assert not again.pin_button.isChecked()
    assert "calc:abcd10" not in QSettings(ORGANISATION, APPLICATION).value("library/pinned", [])


def test_the_home_page_and_the_search_box_cannot_be_pinned(window, qtbot):
    window.navigate("home:")
    assert not window.pin_button.isEnabled()
    qtbot.keyClicks(window.search, "scorten")
    window.toggle_pin()
    assert "Only a calculator" in window.statusBar().currentMessage()
    stored = QSettings(ORGANISATION, APPLICATION)
    assert all("scorten" not in str(v) for v in (stored.value("library/pinned", []),))
