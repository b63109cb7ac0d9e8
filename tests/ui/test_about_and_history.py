"""The About box and the back/forward history, each on its own."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from sjsref import version
from sjsref.ui.about import DISCLAIMER, AboutDialog, about_html
from sjsref.ui.navigation import History


def test_about_states_version_review_date_check_and_disclaimer(qtbot) -> None:
    dialog = AboutDialog(dt.date(2026, 11, 30), "Content verified: 20 files match.")
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert f"SJSRef {version()}" in text
    assert "30 November 2026" in text and "Content verified: 20 files match." in text
    assert DISCLAIMER in text and "never sends or fetches anything" in text
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_about_without_a_library_says_the_review_date_is_unknown() -> None:
    assert "unknown (library not loaded)" in about_html(None, "not checked")
    assert "&lt;b&gt;" in about_html(None, "<b>")  # a status line is text, never markup


def test_history_goes_back_and_forward_and_a_new_page_drops_the_forward_ones() -> None:
    history = History()
    assert history.current is None and not history.can_go(-1) and history.go(-1) is None
    for target in ("home:", "calc:scorten", "article:severity"):
        history.push(target)
    assert history.current is not None and history.current.target == "article:severity"
    back = history.go(-1)
    assert back is not None and back.target == "calc:scorten" and history.can_go(1)
    back.scroll = 120
    history.push("refs:")  # a new page from the middle drops "article:severity"
    assert not history.can_go(1)
    previous = history.go(-1)
    assert previous is not None and (previous.target, previous.scroll) == ("calc:scorten", 120)
