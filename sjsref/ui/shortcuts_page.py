"""The page F1 opens: every shortcut, from the one table, and the way to About.

``python -m sjsref.ui.shortcuts_page`` opens it alone.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sjsref.ui.reading import ReadingBrowser
from sjsref.ui.shortcuts import shortcuts_html

TITLE = "Keyboard shortcuts"


class ShortcutsPage(QWidget):
    """The list of shortcuts with an About button above it.

    Args:
        calculators: Calculator names in registry order (what Alt+1.. opens).
    """

    about = Signal()

    def __init__(self, calculators: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_page")
        self.setWindowTitle(TITLE)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h1>{TITLE}</h1>", self))
        top.addStretch(1)
        self.about_button = QPushButton("&About SJSRef…", self)
        self.about_button.setObjectName("about_from_shortcuts")
        self.about_button.setToolTip("Version, content review date and disclaimer")
        self.about_button.clicked.connect(self.about)
        top.addWidget(self.about_button)
        layout.addLayout(top)
        self.browser = ReadingBrowser("shortcuts_text", self)
        self.browser.setHtml(shortcuts_html(calculators))
        layout.addWidget(self.browser, 1)
        self.link = self.browser.link
        self.historyButton = self.browser.historyButton

    def focus_in(self) -> None:
        """The keyboard lands in the list, so PageDown scrolls it."""
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    from sjsref.clinical.registry import CALCULATORS

    app = QApplication(sys.argv)
    page = ShortcutsPage([c.name for c in CALCULATORS])
    page.resize(700, 700)
    page.show()
    sys.exit(app.exec())
