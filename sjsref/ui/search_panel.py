"""The search box and its results: kind, title, highlighted snippet.

The box keeps the keyboard: Up/Down/PageUp/PageDown move the selection in the
results, Enter opens it, Esc clears the box. The list never stores what was
typed; it is rebuilt from each query.
``python -m sjsref.ui.search_panel`` opens the box and list alone.
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QStyledItemDelegate, QWidget

from sjsref.ui.qt_lazy import Qt  # the first paint does not wait for Qt's enums

if TYPE_CHECKING:
    # Only named in annotations; the row painter imports what it uses when it
    # first draws a row. PySide6 builds a class (and its enumerations) on first
    # access: QStyle alone costs about 15 ms, before a first paint with no rows.
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtGui import QKeyEvent, QPainter, QTextDocument
    from PySide6.QtWidgets import QListView, QStyleOptionViewItem

    from sjsref.search.results import SearchResult

# Qt.ItemDataRole.UserRole (0x0100, the first role free for applications) and
# the next one, as numbers: reading them from Qt at import would build Qt's
# enumerations before the first paint (tests/ui check that they match).
TARGET_ROLE = 0x0100
HTML_ROLE = TARGET_ROLE + 1

# What the clinician reads for each kind of hit.
KIND_LABELS = {
    "article": "Article",
    "section": "Section",
    "calculator": "Calculator",
    "reference": "Reference",
    "row": "Table row",
    "drug": "Drug table",
    "allele": "HLA table",
    "page": "Page",
}
# A row of an article's table is labelled by its table, named after the section
# holding it: ``documents.table_row_documents`` writes "Article › Section".
CONTEXT_SEPARATOR = " › "
TABLE_LABEL = "Table"


def hit_label(kind: str, context: str) -> tuple[str, str]:
    """The label above a hit, and the context shown after its title.

    A row of an article's table is named by its own table ("Table · Evidence
    at a glance"), not by a kind shared with every other table's rows.
    """
    if kind == "row" and CONTEXT_SEPARATOR in context:
        article, _, section = context.rpartition(CONTEXT_SEPARATOR)
        return f"{TABLE_LABEL} · {section}", article
    return KIND_LABELS.get(kind, kind.capitalize()), context


@dataclass(frozen=True)
class Row:
    """One line of the list: what it is, its title, and a snippet (HTML, escaped)."""

    kind: str
    title: str
    snippet_html: str
    target: str
    context: str = ""


NO_MATCH = "No match. Try another spelling or fewer words."


def result_rows(result: SearchResult) -> tuple[list[Row], str]:
    """The rows for a search result, and the line shown above them.

    The line says what was searched when it is not what was typed (a word
    corrected or dropped), or that nothing matched.
    """
    rows = [Row(h.kind, h.title, h.snippet_html(), h.target, h.context) for h in result]
    if not rows:
        return rows, NO_MATCH
    if not result.searched:
        return rows, ""
    message = f"Showing results for {result.searched}"
    if result.dropped:
        message += f" (nothing matched {', '.join(result.dropped)})"
    return rows, message


class SearchBox(QLineEdit):
    """The one search box; forwards navigation keys to the results."""

    moveBy = Signal(int)
    activated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search")
        self.setAccessibleName("Search articles, calculators and references")
        self.setPlaceholderText("Search: e.g. scorten, carbamazepine, HLA-B*15:02  (Ctrl+K)")
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: 5,
            Qt.Key.Key_PageUp: -5,
        }
        if event.key() in steps:
            self.moveBy.emit(steps[Qt.Key(event.key())])
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit()
        elif event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        else:
            super().keyPressEvent(event)


class _HitDelegate(QStyledItemDelegate):
    """Draws a row as rich text (bold matches), in the palette's colours."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(100, self._view.viewport().width() - 12))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette
        from PySide6.QtWidgets import QStyle

        self.initStyleOption(option, index)
        doc = self._document(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 6, option.rect.top() + 3)
        context.clip = QRectF(0, 0, option.rect.width() - 6, option.rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.textWidth()), int(doc.size().height()) + 6)


class ResultsList(QListWidget):
    """Results (or the library's contents when the box is empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("results")
        self.setAccessibleName("Search results")
        self.setItemDelegate(_HitDelegate(self))
        # Enumerated properties set by name: QListView's and Qt's enumerations
        # would otherwise be built before the first paint.
        self.setProperty("resizeMode", "Adjust")
        self.setProperty("verticalScrollMode", "ScrollPerPixel")
        self.setUniformItemSizes(False)
        # WORKAROUND(Qt 6.11): QListView lays its rows out again after a change
        # of width only when it wraps text; rows measured at another width (a
        # narrower pane, a zoom) would overlap.
        self.setWordWrap(True)
        # Row heights depend on the wrap width: a scroll bar that comes and goes
        # would change it after the heights were measured, and rows would overlap.
        self.setProperty("verticalScrollBarPolicy", "ScrollBarAlwaysOn")
        self.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")

    def set_rows(self, rows: list[Row], message: str = "") -> None:
        self.clear()
        if message:
            item = QListWidgetItem(message)
            item.setData(HTML_ROLE, f"<i>{html.escape(message)}</i>")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)
        for row in rows:
            kind, where = hit_label(row.kind, row.context)
            context = f" <small>· {html.escape(where)}</small>" if where else ""
            snippet = f"<br><small>{row.snippet_html}</small>" if row.snippet_html else ""
            item = QListWidgetItem(f"{kind}: {row.title}")
            item.setData(TARGET_ROLE, row.target)
            # The kind in capitals; a table's own name as written.
            head, _, name = kind.partition(" · ")
            label = html.escape(head.upper()) + (f" · {html.escape(name)}" if name else "")
            item.setData(
                HTML_ROLE,
                f"<small>{label}</small><br><b>{html.escape(row.title)}</b>{context}{snippet}",
            )
            item.setToolTip(row.target)
            self.addItem(item)
        for number in range(self.count()):
            if self.item(number).flags() & Qt.ItemFlag.ItemIsSelectable:
                self.setCurrentRow(number)
                break

    def move_by(self, steps: int) -> None:
        rows = [n for n in range(self.count()) if self.item(n).flags() & Qt.ItemFlag.ItemIsEnabled]
        if not rows:
            return
        current = self.currentRow()
        position = rows.index(current) if current in rows else -1
        self.setCurrentRow(rows[max(0, min(len(rows) - 1, position + steps))])

    def current_target(self) -> str | None:
        item = self.currentItem()
        return str(item.data(TARGET_ROLE)) if item is not None else None

    def targets(self) -> list[str]:
        return [self.item(n).data(TARGET_ROLE) for n in range(self.count())]


def _preview() -> int:
    from PySide6.QtWidgets import QApplication, QVBoxLayout

    from sjsref.clinical.registry import CALCULATORS
    from sjsref.content.loader import load_library
    from sjsref.content.paths import resources_dir
    from sjsref.search.documents import build_index

    app = QApplication(sys.argv)
    index = build_index(load_library(), CALCULATORS, resources_dir())
    window = QWidget()
    layout = QVBoxLayout(window)
    box, results = SearchBox(), ResultsList()
    layout.addWidget(box)
    layout.addWidget(results)

    def update(text: str) -> None:
        results.set_rows(*result_rows(index.search(text, 30)))

    box.textChanged.connect(update)
    box.moveBy.connect(results.move_by)
    box.activated.connect(lambda: print(results.current_target()))
    window.resize(500, 700)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(_preview())
