"""Readable and reachable: 11 pt text, and a name on every input for screen readers."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit

from sjsref.ui.style import MIN_POINT_SIZE, apply_base_font

INPUTS = (QLineEdit, QComboBox, QAbstractButton)


def test_default_text_is_at_least_11_pt(qapp):
    apply_base_font(qapp)
    assert QApplication.font().pointSizeF() >= MIN_POINT_SIZE >= 11


def test_every_input_has_an_accessible_name(window):
    pages = [window]
    for calc in window.content.calculators:
        window.navigate(f"calc:{calc.id}")
        pages.append(window.calculators[calc.id])
    unnamed = []
    for page in pages:
        for kind in INPUTS:
            for widget in page.findChildren(kind):
                name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
                if not name.strip() and widget.isVisibleTo(page):
                    unnamed.append(f"{type(page).__name__}/{widget.objectName() or kind.__name__}")
    assert not unnamed, unnamed
