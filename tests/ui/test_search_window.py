"""The search box drives the window: type, move, open, escape."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sjsref.ui.calc_page import CalculatorPage


def test_search_box_has_focus_at_start(window, qtbot):
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search)


def test_type_scor_and_open_scorten_with_enter(window, qtbot):
    qtbot.keyClicks(window.search, "scor")
    assert window.results.current_target() == "calc:scorten"
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    page = window.stack.currentWidget()
    assert isinstance(page, CalculatorPage)
    assert page.info.id == "scorten"
    # The cursor waits in the first field: the clinician types the age at once.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.fields["age_years"].edit)
    qtbot.keyClicks(QApplication.focusWidget(), "65")
    assert page.fields["age_years"].edit.text() == "65"


def test_results_update_on_every_keystroke_and_show_highlight(window, qtbot):
    counts = []
    for letter in "tox":
        qtbot.keyClick(window.search, letter)
        counts.append(window.results.count())
    assert all(counts)
    from sjsref.ui.search_panel import HTML_ROLE

    shown = [window.results.item(n).data(HTML_ROLE) for n in range(window.results.count())]
    assert any("<b>" in text for text in shown)


def test_arrow_keys_move_and_escape_returns_to_box(window, qtbot):
    qtbot.keyClicks(window.search, "scorten")
    first = window.results.currentRow()
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.results.currentRow() == first + 1
    qtbot.keyClick(window.search, Qt.Key.Key_Up)
    assert window.results.currentRow() == first
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not window.search)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search)
    assert window.search.selectedText() == "scorten"  # ready to type over


def test_ctrl_k_and_slash_focus_the_box(window, qtbot):
    window.navigate("calc:scorten")
    window.stack.currentWidget().fields["age_years"].edit.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search)
    window.navigate("home:")
    window.home.setFocus()
    qtbot.keyClick(window.home, Qt.Key.Key_Slash)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search)


def test_empty_box_lists_calculators_articles_and_references(window):
    targets = window.results.targets()
    assert {"calc:scorten", "calc:abcd10", "calc:bsa", "calc:classify", "refs:"} <= set(targets)
    assert any(t.startswith("article:") for t in targets)


def test_section_hit_opens_the_article_at_its_section(window, qtbot):
    library = window.content.library
    article = library.articles[0]
    section = article.sections[-1]
    window.navigate(f"article:{article.id}#{section.id}")
    assert window.stack.currentWidget() is window.article_view
    assert window.article_view.article_id == article.id
    assert window.article_view.contents.currentItem().text() == section.title
