"""Every reference in AMA style: copy one or all, open a DOI only when clicked.

The app never touches the network itself: a DOI link is handed to the window,
which asks the system browser to open it.
``python -m sjsref.ui.references_view`` opens it alone.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sjsref.content.packed import Library, reference_line
from sjsref.ui.reading import ReadingBrowser


class ReferencesView(QWidget):
    """The whole reference list with copy actions."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("references_view")
        self._library = library
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h1>References ({len(library.references)})</h1>", self))
        top.addStretch(1)
        self.copy_all_button = QPushButton("Copy &all references", self)
        self.copy_all_button.setObjectName("copy_all")
        self.copy_all_button.clicked.connect(self.copy_all)
        top.addWidget(self.copy_all_button)
        layout.addLayout(top)
        hint = QLabel(
            "Click a DOI to open it in your web browser; SJSRef itself never goes online.", self
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.browser = ReadingBrowser("references_text", self)
        self.browser.setHtml(library.references_html)  # rendered when the pack was built
        layout.addWidget(self.browser, 1)
        self.link = self.browser.link
        self.historyButton = self.browser.historyButton

    def show_reference(self, key: str) -> None:
        if key:
            self.browser.scrollToAnchor(f"ref-{key}")
        else:
            self.browser.set_scroll_position(0)

    def copy_one(self, key: str) -> None:
        QGuiApplication.clipboard().setText(reference_line(self._library.reference(key)))

    def copy_all(self) -> None:
        text = "\n".join(reference_line(r) for r in self._library.references)
        QGuiApplication.clipboard().setText(text)

    def focus_in(self) -> None:
        """The keyboard lands in the text, so PageDown and the arrows scroll it."""
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)


def _preview(library: Library) -> ReferencesView:
    view = ReferencesView(library)
    view.link.connect(
        lambda t: view.copy_one(t[5:]) if t.startswith("copy:") else print(f"(would open {t})")
    )
    return view


if __name__ == "__main__":
    from sjsref.ui.preview import preview

    sys.exit(preview(lambda _citer: QWidget(), with_library=_preview))
