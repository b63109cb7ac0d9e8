"""The rich-text browser every reading page uses (home, article, references).

Kept free of the content layer so the window can show it before the library
has loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPalette, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from sjsref.ui.qt_lazy import Qt  # the first paint does not wait for Qt's enums

# Qt draws <sup> at two thirds of the text size; "large" (1.2x) brings a
# citation number to 0.8 of it, readable at arm's length. Relative, so it zooms.
STYLE = "sup { font-size: large; }"
# Width of the frame drawn while the text has the focus: the viewport covers the
# inside, so it shows in the frame's own pixels, round the whole text.
FOCUS_FRAME = 2


class ReadingBrowser(QTextBrowser):
    """A QTextBrowser that reports links and mouse back/forward instead of following them."""

    link = Signal(str)
    historyButton = Signal(int)  # -1 back, +1 forward
    _html = ""  # the HTML last shown, read again when the palette changes
    _pending = False

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(name.replace("_", " "))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(STYLE)
        # Qt's default also breaks inside a word when a table column is narrow
        # ("Recommendati-on"); between words only, the table widens instead.
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.anchorClicked.connect(lambda url: self.link.emit(url.toString()))
        self.viewport().installEventFilter(self)
        room = max(0, FOCUS_FRAME - self.frameWidth())
        self.setViewportMargins(room, room, room, room)  # the focus frame's full width shows

    def setHtml(self, text: str) -> None:
        self._html = text
        super().setHtml(text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._html and not self._pending:
            # Later, not inside the palette change (reading HTML there can crash
            # Qt); the timer dies with the widget.
            self._pending = True
            QTimer.singleShot(0, self, self._read_again)

    def _read_again(self) -> None:
        """Read the HTML again in the new palette: Qt fixes link colours as it reads.

        A theme switch would otherwise leave the old theme's links (dark blue on
        the dark theme's background). Scroll position and marks are kept.
        """
        self._pending = False
        scroll = self.scroll_position()
        marks = [(m.cursor.anchor(), m.cursor.position(), m.format) for m in self.extraSelections()]
        super().setHtml(self._html)
        selections = []
        for anchor, position, fmt in marks:
            mark = QTextEdit.ExtraSelection()
            mark.cursor = QTextCursor(self.document())
            mark.cursor.setPosition(anchor)
            mark.cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
            mark.format = fmt
            selections.append(mark)
        self.setExtraSelections(selections)
        self.set_scroll_position(scroll)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Load nothing: content has no pictures, and a URL in it must never reach a file."""
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The class first: paint events then never build QEvent's enumeration.
        if isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseButtonPress:
            if event.button() == Qt.MouseButton.BackButton:
                self.historyButton.emit(-1)
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.historyButton.emit(1)
                return True
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        """The frame in the highlight colour while the text has the keyboard focus."""
        handled = super().event(event)
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.update()  # the frame, outside the viewport
        elif event.type() == QEvent.Type.Paint and self.hasFocus():
            painter = QPainter(self)
            colour = self.palette().color(QPalette.ColorRole.Highlight)
            painter.setPen(QPen(colour, FOCUS_FRAME))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
            painter.end()
        return handled

    def scroll_position(self) -> int:
        return self.verticalScrollBar().value()

    def set_scroll_position(self, value: int) -> None:
        self.verticalScrollBar().setValue(value)
