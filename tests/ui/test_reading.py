"""Articles and references: citations, back/forward, links, zoom, copy, DOI."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QPointF, Qt, QUrl
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from sjsref.ui.state import ZOOM_DEFAULT, ZOOM_STEP


def _cited_article(window):
    return next(a for a in window.content.library.articles if a.citations)


def _key(key: Qt.Key) -> QKeyEvent:
    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)


def _anchor_at_cursor(browser) -> str:
    cursor = browser.textCursor()
    cursor.setPosition(cursor.selectionStart() + 1)
    return cursor.charFormat().anchorHref()


def _click_link(browser, href: str) -> int:
    """Activate a link the way a keyboard user does: Tab to it, then Enter.

    Returns the scroll position at the link (tabbing scrolls it into view).
    """
    browser.setFocus()
    for _ in range(500):
        QApplication.sendEvent(browser, _key(Qt.Key.Key_Tab))
        if browser.textCursor().hasSelection() and _anchor_at_cursor(browser) == href:
            at_link = browser.scroll_position()
            QApplication.sendEvent(browser, _key(Qt.Key.Key_Return))
            return at_link
    raise AssertionError(f"no link {href!r} reachable by Tab")


def test_citation_jumps_to_its_reference_and_back_returns(window, qtbot):
    article = _cited_article(window)
    key = article.citations[0]
    window.navigate(f"article:{article.id}")
    browser = window.article_view.browser
    at_citation = _click_link(browser, f"ref:{key}")
    assert window.article_view.article_id == article.id
    at_reference = browser.scroll_position()
    assert at_reference > at_citation  # the reference list is at the foot
    assert window.back_button.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert browser.scroll_position() == at_citation
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert browser.scroll_position() == at_reference


def test_mouse_back_button_goes_back(window, qtbot):
    window.navigate("calc:bsa")
    window.navigate("refs:")
    viewport = window.references_view.browser.viewport()
    event = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(5, 5),
        viewport.mapToGlobal(QPointF(5, 5)),
        Qt.MouseButton.BackButton,
        Qt.MouseButton.BackButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)
    assert window.stack.currentWidget() is window.calculators["bsa"]


def test_calc_link_in_an_article_opens_the_calculator(window):
    window.navigate(f"article:{window.content.library.articles[0].id}")
    window.article_view.browser.anchorClicked.emit(QUrl("calc:scorten"))
    assert window.stack.currentWidget() is window.calculators["scorten"]


def test_reference_list_copy_one_and_all_and_doi_only_on_click(window, qtbot, opened_urls):
    window.navigate("refs:")
    view = window.references_view
    first = window.content.library.references[0]
    view.browser.anchorClicked.emit(QUrl(f"copy:{first.key}"))
    assert QApplication.clipboard().text().startswith(f"1. {first.text[:20]}")
    qtbot.mouseClick(view.copy_all_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text().count("\n") == len(window.content.library.references) - 1
    assert opened_urls == []  # nothing opened until a DOI is clicked
    with_doi = next(r for r in window.content.library.references if r.doi_url)
    view.browser.anchorClicked.emit(QUrl(with_doi.doi_url))
    assert opened_urls == [with_doi.doi_url]


def test_reference_cited_only_by_a_calculator_links_it(window):
    # wallace1951 (the rule of nines) is cited by the BSA calculator alone; the
    # window's list once showed an empty "Cited in:" for it.
    window.navigate("refs:")
    browser = window.references_view.browser
    page = browser.toHtml()
    entry = page[page.index('name="ref-wallace1951"') :]
    entry = entry[: entry.index('name="ref-', 1)] if 'name="ref-' in entry[1:] else entry
    links = re.findall(r'href="([^"]+)"', entry)
    assert "calc:bsa" in links
    assert "copy:wallace1951" in links
    browser.anchorClicked.emit(QUrl("calc:bsa"))
    assert window.stack.currentWidget() is window.calculators["bsa"]


def test_zoom_keys(window, qtbot):
    window.navigate(f"article:{window.content.library.articles[0].id}")
    size = window.article_view.browser.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_percent == ZOOM_DEFAULT + ZOOM_STEP
    assert window.article_view.browser.font().pointSizeF() > size
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_percent == ZOOM_DEFAULT - ZOOM_STEP
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom_percent == ZOOM_DEFAULT
    assert window.article_view.browser.font().pointSizeF() == size
