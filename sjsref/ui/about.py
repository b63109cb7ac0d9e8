"""The About box: version, content review date, integrity, and the disclaimer.

``python -m sjsref.ui.about`` opens it alone.
"""

from __future__ import annotations

import datetime as dt
import html
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sjsref import version
from sjsref.clinical import dates

DISCLAIMER = (
    "SJSRef is a reference, not a substitute for clinical judgement. Check every figure "
    "against the patient in front of you and the sources cited; decisions remain those of "
    "the treating clinician."
)


def about_html(last_reviewed: dt.date | None, integrity: str) -> str:
    """The text of the box (also used by the self-test)."""
    reviewed = dates.long(last_reviewed) if last_reviewed else "unknown (library not loaded)"
    return (
        f"<h2>SJSRef {html.escape(version())}</h2>"
        "<p>Offline reference and bedside calculators for Stevens-Johnson syndrome and "
        "toxic epidermal necrolysis.</p>"
        f"<p><b>Content last reviewed:</b> {reviewed}<br>"
        f"<b>Content check:</b> {html.escape(integrity)}</p>"
        f"<p><b>⚠ {html.escape(DISCLAIMER)}</b></p>"
        "<p>SJSRef works entirely offline: it never sends or fetches anything, and it "
        "does not save what you type. DOI links open in your browser only when you click "
        "them.</p>"
        f"<p><small>Qt for Python {html.escape(pyside_version)}.</small></p>"
    )


class AboutDialog(QDialog):
    """Modal About box."""

    def __init__(
        self, last_reviewed: dt.date | None, integrity: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle("About SJSRef")
        layout = QVBoxLayout(self)
        self.text = QLabel(about_html(last_reviewed, integrity), self)
        self.text.setObjectName("about_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    sys.exit(AboutDialog(dt.date.today(), "Content unverified (preview).").exec())
