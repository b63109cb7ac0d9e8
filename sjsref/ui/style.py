"""Readable defaults that still follow the system font family, and one zoom for everything.

The zoom scales the application font. Every widget that takes its font from
the application (text, lists, fields, buttons, combo boxes, menus) follows at
once, and controls measured from the font (line heights, button and field
sizes) grow with it. The few widgets given a size of their own (a headline 1.5
times the text) keep their proportion: :func:`apply_zoom` rescales them too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from sjsref.ui.qt_lazy import Qt  # the first paint does not wait for Qt's enums

# At least 11 pt body text (issue 6): small system defaults (9-10 pt) are hard
# to read at arm's length from a bedside workstation.
MIN_POINT_SIZE = 11.0

# The unzoomed size, kept on the application object (no module globals).
_BASE_PROPERTY = "sjsref_base_point_size"
# A widget's own font size as a multiple of the application font, recorded
# the first time a zoom meets it.
_RATIO_PROPERTY = "sjsref_font_ratio"


def apply_base_font(app: QApplication) -> None:
    """Raise the application font to 11 pt if the system default is smaller."""
    font = app.font()
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
    app.setProperty(_BASE_PROPERTY, font.pointSizeF())


def base_point_size(app: QApplication) -> float:
    """The application font's size at 100 % zoom."""
    value = app.property(_BASE_PROPERTY)
    if isinstance(value, float) and value > 0:
        return value
    size = app.font().pointSizeF()
    app.setProperty(_BASE_PROPERTY, size)
    return size


def apply_zoom(app: QApplication, percent: int) -> None:
    """Scale every widget's font, and so its controls, to ``percent`` of the base size."""
    size = base_point_size(app) * percent / 100
    old = app.font().pointSizeF()
    if abs(size - old) < 0.01:
        return
    # Widgets with a size of their own do not follow the application font:
    # note how they relate to it before it changes, then keep that relation.
    own = [w for w in app.allWidgets() if _has_own_size(w)]
    for widget in own:
        if widget.property(_RATIO_PROPERTY) is None:
            widget.setProperty(_RATIO_PROPERTY, widget.font().pointSizeF() / old)
    font = app.font()
    font.setPointSizeF(size)
    app.setFont(font)
    # Qt posts the change to each widget; deliver it now, so every font has
    # grown when this returns (the next zoom measures the ratios above from it).
    QApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    for widget in own:
        ratio = widget.property(_RATIO_PROPERTY)
        scaled = widget.font()
        scaled.setPointSizeF(size * float(ratio))
        widget.setFont(scaled)
    restyle_sheets(app, skip=own)


def restyle_sheets(app: QApplication, skip: list[QWidget] | None = None) -> None:
    """Polish again the widgets with a style sheet of their own (the Theme button).

    They keep the font and colours they were polished with: after a zoom or a
    theme switch they would stay small, or in the old colours.
    """
    for widget in app.allWidgets():
        if widget.styleSheet() and widget not in (skip or []):
            widget.setStyleSheet(widget.styleSheet())


def _has_own_size(widget: QWidget) -> bool:
    """True for a widget whose font size was set on it (not one only made bold)."""
    if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
        return False
    return bool(widget.font().resolveMask() & _size_bit()) and widget.font().pointSizeF() > 0


def _size_bit() -> int:
    # PySide6 does not expose QFont::ResolveProperties; a font with only its
    # size set shows which bit that is.
    probe = QFont()
    probe.setResolveMask(0)
    probe.setPointSizeF(12)
    return probe.resolveMask()
