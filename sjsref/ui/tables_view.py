"""The drug table and the HLA table: sortable, filterable, each row with its sources.

Both come from ``resources/tables/`` through the content layer; the window
only lays them out. Click a column header to sort, type in the filter to keep
the rows that mention it (any column), select a row to read it whole with its
numbered references beneath. ``python -m sjsref.ui.tables_view`` opens it alone.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sjsref.content.packed import DrugRow, HlaRow, Library
from sjsref.ui.reading import ReadingBrowser

ROW_ID = Qt.ItemDataRole.UserRole + 1
ROW_LINES = 4  # the most lines a table row shows; the detail below shows it all
# What the detail pane says while no row is chosen (a row cut with "…" reads whole there).
DETAIL_HINT = (
    "<p><i>Choose a row (click it, or the arrow keys) to read it whole, with its sources.</i></p>"
)
# Where a cell may wrap: at spaces, and after a hyphen or slash as Qt's line breaking does.
_BREAKS = re.compile(r"\s+|(?<=[-/])")
DRUG_COLUMNS = (
    "Drug", "Brand names", "Class", "Association", "ALDEN notoriety", "Latency",
    "Half-life (h)", "Sources",
)  # fmt: skip
HLA_COLUMNS = ("Allele", "Drugs", "Reaction", "Populations", "Association", "CPIC", "Sources")


def _numbers(library: Library, keys: Sequence[str]) -> str:
    return ", ".join(str(library.reference(k).number) for k in keys)


def drug_cells(row: DrugRow, library: Library) -> list[str]:
    half = "" if row.half_life_h is None else f"{row.half_life_h:g}"
    return [
        row.name, ", ".join(row.brands), row.drug_class, str(row.association),
        str(row.notoriety), row.latency or "", half, _numbers(library, row.sources),
    ]  # fmt: skip


def hla_cells(row: HlaRow, library: Library) -> list[str]:
    return [
        row.allele, ", ".join(row.drugs), row.reaction, row.populations, row.association,
        row.cpic, _numbers(library, row.sources),
    ]  # fmt: skip


class _Table(QWidget):
    """One table: a filter box, the sortable rows, and the selected row read in full."""

    def __init__(
        self,
        name: str,
        columns: Sequence[str],
        rows: list[tuple[str, list[str], list[str]]],
        library: Library,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._rows = {row_id: (cells, sources) for row_id, cells, sources in rows}
        self._columns = columns
        layout = QVBoxLayout(self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName(f"{name}_filter")
        self.filter.setPlaceholderText("Filter: type a drug, brand, allele or population")
        self.filter.setAccessibleName(f"Filter the {name} table")
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        model = QStandardItemModel(0, len(columns), self)
        model.setHorizontalHeaderLabels(list(columns))
        for row_id, cells, _sources in rows:
            items = [QStandardItem(text) for text in cells]
            for item in items:
                item.setEditable(False)
                # A tall wrapped row reads from its first line, not from its middle.
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                item.setData(row_id, ROW_ID)
            model.appendRow(items)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)  # every column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.view = QTableView(split)
        self.view.setObjectName(f"{name}_table")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the table's own order first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()  # row numbers change with every sort
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.viewport().installEventFilter(self)
        self.detail = ReadingBrowser(f"{name}_row", split)
        self.detail.setHtml(DETAIL_HINT)
        split.setStretchFactor(0, 2)  # the rows get more room than the row read in full
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        selection = self.view.selectionModel()
        selection.currentRowChanged.connect(lambda current, _old: self._show(current))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a zoom: measure again
            QTimer.singleShot(0, self, self.fit_columns)

    def fit_columns(self) -> None:
        """Columns as wide as their text while all fit; else narrower, wrapping between words.

        A column never gets narrower than its longest word, so a wrap never
        breaks a word. Titles of two words go on two lines only when whole
        titles would not fit. Only when even that does not fit does the table
        scroll sideways.
        """
        header = self.view.horizontalHeader()
        metrics, head = self.view.fontMetrics(), header.fontMetrics()
        pad = metrics.horizontalAdvance("   ")  # a cell's margins and the grid line
        # Measured over every row, not the filtered ones, so widths hold still while typing.
        model = self.proxy.sourceModel()
        cells = [
            [str(model.index(row, column).data() or "") for row in range(model.rowCount())]
            for column in range(len(self._columns))
        ]
        room = self.view.viewport().width() - pad * len(cells)
        texts = [max([0, *map(metrics.horizontalAdvance, c)]) for c in cells]
        words = [
            max([0, *(metrics.horizontalAdvance(w) for t in c for w in _BREAKS.split(t) if w)])
            for c in cells
        ]
        whole = [head.horizontalAdvance(title) for title in self._columns]
        two_lines = sum(map(max, whole, words)) > room
        titles = [t.replace(" ", "\n", 1) if two_lines else t for t in self._columns]
        for column, title in enumerate(titles):
            model.setHeaderData(column, Qt.Orientation.Horizontal, title)
        heads = [max(map(head.horizontalAdvance, t.split("\n"))) for t in titles]
        floors = list(map(max, heads, words))
        extra = [max(want, h) - floor for want, h, floor in zip(texts, heads, floors, strict=True)]
        spare = room - sum(floors)
        for column, (floor, more) in enumerate(zip(floors, extra, strict=True)):
            share = more if spare >= sum(extra) else max(0, spare) * more // max(1, sum(extra))
            header.resizeSection(column, floor + share + pad)
        self.view.resizeRowsToContents()
        # A long note wrapped into a narrow column would make one row fill the
        # table; past a few lines it is cut, and read whole in the row below.
        tallest = ROW_LINES * metrics.lineSpacing() + 2  # whole lines: Qt elides the last (…)
        for row in range(self.proxy.rowCount()):
            if self.view.rowHeight(row) > tallest:
                self.view.setRowHeight(row, tallest)

    def _show(self, index: QModelIndex) -> None:
        row_id = index.data(ROW_ID)
        if row_id not in self._rows:
            self.detail.setHtml(DETAIL_HINT)
            return
        cells, sources = self._rows[row_id]
        lines = "".join(
            f"<p><b>{html.escape(name)}:</b> {html.escape(text)}</p>"
            for name, text in zip(self._columns[:-1], cells, strict=False)
            if text
        )
        refs = "".join(
            f'<p><a href="ref:{html.escape(k)}">{self._library.reference(k).number}.</a> '
            f"{self._library.reference(k).html}</p>"
            for k in sources
        )
        self.detail.setHtml(f"{lines}<p><b>Sources</b></p>{refs}")

    def select(self, row_id: str) -> bool:
        """Clear the filter and select the row with this id."""
        self.filter.clear()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ID) == row_id:
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return True
        return False


class TablesView(QWidget):
    """The drug and HLA tables as two tabs; ``link`` carries ref: targets from a row."""

    link = Signal(str)
    historyButton = Signal(int)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tables_view")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "<h1>Drug and HLA tables</h1>From the case-control studies and the CPIC "
            "guidelines; each row cites its sources. Sort by a column; filter by any word.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tabs = QTabWidget(self)
        drugs = [(r.id, drug_cells(r, library), list(r.sources)) for r in library.tables.drugs]
        hla = [(r.id, hla_cells(r, library), list(r.sources)) for r in library.tables.hla]
        self.drugs = _Table("drugs", DRUG_COLUMNS, drugs, library, self)
        self.hla = _Table("hla", HLA_COLUMNS, hla, library, self)
        self.tabs.addTab(self.drugs, f"&Drugs ({len(drugs)})")
        self.tabs.addTab(self.hla, f"&HLA alleles ({len(hla)})")
        layout.addWidget(self.tabs, 1)
        for table in (self.drugs, self.hla):
            table.detail.link.connect(self.link)
            table.detail.historyButton.connect(self.historyButton)
        self.browser = self.drugs.detail

    def show_table(self, table: str, row_id: str = "") -> bool:
        """Open the drug or HLA tab (False for another name), and select a row if given."""
        tab = {"drugs": self.drugs, "hla": self.hla}.get(table)
        if tab is None:
            return False
        self.tabs.setCurrentWidget(tab)
        self.browser = tab.detail
        return tab.select(row_id) if row_id else True

    def focus_in(self) -> None:
        """The keyboard lands in the filter: type to narrow the rows."""
        current = self.tabs.currentWidget()
        if isinstance(current, _Table):
            current.filter.setFocus(Qt.FocusReason.OtherFocusReason)


if __name__ == "__main__":
    from sjsref.ui.preview import preview

    sys.exit(preview(lambda _citer: QWidget(), with_library=TablesView))
