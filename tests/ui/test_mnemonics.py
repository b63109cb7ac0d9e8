"""No two things on a page answer the same Alt+letter: walked over every page.

Qt cycles between widgets that share a mnemonic instead of acting, so a clash
(ABCD-10 had Alt+C for "Active cancer" and "Clear") silently breaks the keys.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from sjsref.clinical.registry import CALCULATORS
from sjsref.ui.shortcuts import SHORTCUTS


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return widget.text() if widget.buddy() is not None else ""
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def mnemonics(window) -> dict[str, list[str]]:
    """Alt+letter -> the visible widgets it would go to (labels by their text)."""
    found: dict[str, list[str]] = defaultdict(list)
    for widget in window.findChildren(QWidget):
        text = _text(widget)
        if not text or not widget.isVisible():
            continue
        key = QKeySequence.mnemonic(text).toString()
        if key:
            found[key].append(f"{type(widget).__name__} {text!r}")
    for entry in SHORTCUTS:  # the window's own Alt keys take their letter too
        for keys in entry.keys:
            if keys.startswith("Alt+") and len(keys) == len("Alt+X") and keys[-1].isalpha():
                found[keys].append(f"shortcut {entry.text!r}")
    return found


def _clashes(window) -> dict[str, list[str]]:
    return {k: v for k, v in mnemonics(window).items() if len(v) > 1}


def _pages(window, qtbot):
    """Each page, and each state of a page that shows other widgets, in turn."""
    window.navigate("home:")
    yield "home"
    for calc in CALCULATORS:
        window.navigate(f"calc:{calc.id}")
        page = window.calculators[calc.id]
        yield calc.id
        method = getattr(page, "method", None)
        if method is not None:  # BSA: the map, the nines, the hand
            for index in range(method.count()):
                method.setCurrentIndex(index)
                yield f"{calc.id} method {index}"
        if hasattr(page, "add_drug"):  # ALDEN: with its drug cards
            page.add_drug("carbamazepine")
            card = page.add_drug("allopurinol")
            qtbot.waitUntil(card.isVisible)  # Qt shows a widget added to a layout later
            yield f"{calc.id} with two drugs"
    for article in window.content.library.articles:
        window.navigate(f"article:{article.id}")
        yield article.id
    for target in ("refs:", "table:drugs", "table:hla"):
        window.navigate(target)
        yield target
    window.show_shortcuts()
    yield "shortcuts"


def test_no_page_has_two_things_on_one_alt_letter(window, qtbot):
    walked = []
    for page in _pages(window, qtbot):
        walked.append(page)
        assert _clashes(window) == {}, page
    assert len(walked) > len(CALCULATORS) + len(window.content.library.articles)


def test_the_walk_would_catch_a_clash(window):
    window.navigate("calc:abcd10")
    page = window.calculators["abcd10"]
    assert "Alt+C" in mnemonics(window)
    page.copy_button.setText("&Copy chart note")  # the same letter as Clear
    assert "Alt+C" in _clashes(window)
