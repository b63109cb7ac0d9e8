"""Readable defaults that still follow the system palette and font family."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

# At least 11 pt body text (issue 6): small system defaults (9-10 pt) are hard
# to read at arm's length from a bedside workstation.
MIN_POINT_SIZE = 11.0


def apply_base_font(app: QApplication) -> None:
    """Raise the application font to 11 pt if the system default is smaller."""
    font = app.font()
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
