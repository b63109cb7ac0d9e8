"""Front and back outlines whose Lund-Browder regions are marked by mouse or keyboard.

A click marks the part under the pointer with the chosen amount (a second click
with the same amount unmarks it); pressing and dragging paints every part passed
over. One click per part is the common case at the bedside (a whole forearm, the
front of the trunk), and the amount stays in view before the click; finer
figures are typed in the region table beside the map.

Detached skin is drawn solid and erythema hatched, each filling its share of
the part from the bottom up, so they differ without colour. The outlines are
``body_outline``; how a figure's part adds up to its region is
``sjsref.clinical.bsa_charts``.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from sjsref.clinical import bsa_charts
from sjsref.clinical.bsa_charts import AgeColumn, View, region_label
from sjsref.clinical.numbers import format_number
from sjsref.ui.body_outline import FIG_H, FIG_W, KEY_ORDER, PARTS

# What one click marks, in % of the part: quarters are as fine as a glance at a
# region goes; a finer figure is typed in the table.
AMOUNTS = (25.0, 50.0, 75.0, 100.0)


class Mode(Enum):
    DETACHED = "detached"
    ERYTHEMA = "erythema"
    ERASE = "erase"


class BodyMap(QWidget):
    """The two figures; ``edited(region)`` when the user changes a region's marks."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body_map")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setMinimumSize(240, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Body map")
        self.mode = Mode.DETACHED
        self.amount = 100.0
        self.column: AgeColumn | None = None
        # (region, view) -> [detached, erythema], % of that figure's part.
        self._marks: dict[tuple[str, View], list[float]] = {k: [0.0, 0.0] for k in KEY_ORDER}
        self._focus = 0
        self._last: tuple[str, View] | None = None  # the part a drag last painted
        self._describe()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        return QSize(320, 300 + 3 * line)

    # -- state, as the region table reads and sets it ------------------------------

    def marks(self, region: str, view: View) -> tuple[float, float]:
        detached, erythema = self._marks[(region, view)]
        return detached, erythema

    def region_values(self, region: str) -> tuple[float, float]:
        """(detached, erythema) in % of the whole region."""
        views = bsa_charts.views_of(region)
        detached = {v: self._marks[(region, v)][0] for v in views}
        erythema = {v: self._marks[(region, v)][1] for v in views}
        return (
            bsa_charts.region_percent(region, detached),
            bsa_charts.region_percent(region, erythema),
        )

    def set_region(self, region: str, detached: float, erythema: float) -> None:
        """Show values typed for the whole region; the figures' split is kept if it matches."""
        if self.region_values(region) == (detached, erythema):
            return
        spread_d = bsa_charts.view_percents(region, detached)
        spread_e = bsa_charts.view_percents(region, erythema)
        for view in spread_d:
            self._marks[(region, view)] = [spread_d[view], spread_e[view]]
        self._describe()
        self.update()

    def clear(self) -> None:
        for marks in self._marks.values():
            marks[:] = [0.0, 0.0]
        self._describe()
        self.update()

    def set_column(self, column: AgeColumn | None) -> None:
        """The age column the shares in tooltips and descriptions are read from."""
        self.column = column
        self._describe()

    # -- marking ---------------------------------------------------------------------

    def apply(self, part: tuple[str, View], toggle: bool) -> None:
        """Mark ``part`` in the current mode; ``toggle`` unmarks a part already at the amount."""
        marks = self._marks[part]
        detached, erythema = marks
        if self.mode is Mode.ERASE:
            marks[:] = [0.0, 0.0]
        elif self.mode is Mode.DETACHED:
            new = 0.0 if toggle and detached == self.amount else self.amount
            # Skin that detaches was red before: detachment takes over erythema.
            marks[:] = [new, min(erythema, 100 - new)]
        else:
            # Erythema never takes over detached skin: erase that first.
            room = min(self.amount, 100 - detached)
            marks[1] = 0.0 if toggle and erythema == room else room
        if marks != [detached, erythema]:
            self.update()
            self._describe()
            self.edited.emit(part[0])

    def part_at(self, pos: QPointF) -> tuple[str, View] | None:
        for view in View:
            point = self.figure_transform(view).inverted()[0].map(pos)
            for region, path in PARTS[view]:
                if path.contains(point):
                    return region, view
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        part = self.part_at(event.position())
        self._last = part
        if part is not None:
            self._focus = KEY_ORDER.index(part)
            self.apply(part, toggle=True)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not event.buttons() & Qt.MouseButton.LeftButton:
            return
        part = self.part_at(event.position())
        if part is not None and part != self._last:
            self._last = part
            self.apply(part, toggle=False)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        steps = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        if key in steps:
            self._focus = (self._focus + steps[key]) % len(KEY_ORDER)
            self._describe()
            self.update()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.apply(KEY_ORDER[self._focus], toggle=True)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            mode, self.mode = self.mode, Mode.ERASE
            self.apply(KEY_ORDER[self._focus], toggle=False)
            self.mode = mode
        else:
            super().keyPressEvent(event)

    # -- what it says ----------------------------------------------------------------

    def describe(self, part: tuple[str, View]) -> str:
        """'Right thigh, front: 4.75 % of body; 50 % detached, 25 % erythema'."""
        region, view = part
        text = f"{region_label(region)}, {view.value}"
        if self.column is not None:
            share = bsa_charts.view_share(self.column, region)
            text += f": {format_number(share, 2)} % of body"
        detached, erythema = self._marks[part]
        return (
            f"{text}; {format_number(detached)} % detached, "
            f"{format_number(erythema)} % erythema (not counted)"
        )

    def _describe(self) -> None:
        self.setAccessibleDescription(
            f"{self.describe(KEY_ORDER[self._focus])}. Arrow keys move between parts, Space "
            "marks, Delete unmarks. The region table below takes typed values."
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            part = self.part_at(QPointF(event.pos()))  # type: ignore[attr-defined]
            if part is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(part), self)  # type: ignore[attr-defined]
            return True
        return super().event(event)

    # -- drawing ---------------------------------------------------------------------

    def figure_transform(self, view: View) -> QTransform:
        """Figure units to pixels: the two figures side by side under a line of text."""
        top = self.fontMetrics().lineSpacing() * 1.6
        bottom = self.fontMetrics().lineSpacing() * 1.6  # the legend
        half = self.width() / 2
        scale = min((half - 8) / FIG_W, (self.height() - top - bottom) / FIG_H)
        left = (half - FIG_W * scale) / 2 + (half if view is View.BACK else 0)
        return QTransform(scale, 0, 0, scale, left, top)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.WindowText)
        line = self.fontMetrics().lineSpacing()
        for view in View:
            transform = self.figure_transform(view)
            box = transform.mapRect(QRectF(0, 0, FIG_W, FIG_H))
            painter.setPen(ink)
            title = QRectF(box.left() - 20, 0, box.width() + 40, line * 1.4)
            painter.drawText(title, Qt.AlignmentFlag.AlignCenter, view.value.capitalize())
            # The patient's right is on the viewer's left in front, on the right behind.
            sides = ("R", "L") if view is View.FRONT else ("L", "R")
            painter.drawText(
                QRectF(box.left(), 0, 20, line * 1.4), Qt.AlignmentFlag.AlignLeft, sides[0]
            )
            painter.drawText(
                QRectF(box.right() - 20, 0, 20, line * 1.4), Qt.AlignmentFlag.AlignRight, sides[1]
            )
            for region, path in reversed(PARTS[view]):  # large first: small parts stay on top
                self._paint_part(painter, transform.map(path), self._marks[(region, view)])
        focused = KEY_ORDER[self._focus]
        if self.hasFocus():
            path = dict(PARTS[focused[1]])[focused[0]]
            outline = self.figure_transform(focused[1]).map(path)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            # Ink under a dashed light line: seen on a marked (highlight) part as on a
            # blank one; a highlight-coloured ring vanished on a marked part.
            painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 4))
            painter.drawPath(outline)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 2, Qt.PenStyle.DashLine))
            painter.drawPath(outline)
        self._paint_legend(painter, line)
        painter.end()

    def _brushes(self) -> tuple[QBrush, QBrush]:
        palette = self.palette()
        solid = QBrush(palette.color(QPalette.ColorRole.Highlight))
        hatch = QBrush(palette.color(QPalette.ColorRole.WindowText), Qt.BrushStyle.BDiagPattern)
        return solid, hatch

    def _paint_part(self, painter: QPainter, path: QPainterPath, marks: list[float]) -> None:
        detached, erythema = marks
        palette = self.palette()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawPath(path)
        box = path.boundingRect()
        solid, hatch = self._brushes()
        painter.save()
        painter.setClipPath(path)
        low = box.height() * detached / 100
        high = box.height() * max(0.0, min(erythema, 100 - detached)) / 100
        painter.fillRect(QRectF(box.left(), box.bottom() - low, box.width(), low), solid)
        painter.fillRect(QRectF(box.left(), box.bottom() - low - high, box.width(), high), hatch)
        painter.restore()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _paint_legend(self, painter: QPainter, line: int) -> None:
        solid, hatch = self._brushes()
        y = self.height() - line * 1.3
        x = 4.0
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        for brush, text in ((solid, "detached"), (hatch, "erythema (not counted)")):
            swatch = QRectF(x, y + 2, line * 0.9, line * 0.9)
            painter.fillRect(swatch, brush)
            painter.setPen(ink)
            painter.drawRect(swatch)
            painter.drawText(QPointF(swatch.right() + 4, y + line * 0.8), text)
            x = swatch.right() + 12 + self.fontMetrics().horizontalAdvance(text)


class BodyMapPanel(QWidget):
    """The map with what a click marks: detached, erythema or erase, and how much."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        modes = QHBoxLayout()  # no "Mark:" label: each button says what it marks
        self.modes = QButtonGroup(self)
        self.mode_buttons: dict[Mode, QRadioButton] = {}
        for mode, text in (
            (Mode.DETACHED, "De&tached"),
            (Mode.ERYTHEMA, "Er&ythema"),
            (Mode.ERASE, "Eras&e"),
        ):
            button = QRadioButton(text, self)
            button.setObjectName(f"map_{mode.value}")
            button.setAccessibleName(f"Body map marks {mode.value}")
            self.modes.addButton(button)
            self.mode_buttons[mode] = button
            modes.addWidget(button)
            button.toggled.connect(lambda on, m=mode: self._set_mode(m) if on else None)
        modes.addStretch(1)
        self.amount = QComboBox(self)
        self.amount.setObjectName("map_amount")
        self.amount.setAccessibleName("Share of the part one click marks")
        for value in AMOUNTS:
            self.amount.addItem(f"{format_number(value)} %", value)
        self.amount.setCurrentIndex(len(AMOUNTS) - 1)
        amount_label = QLabel("Amou&nt per click:", self)
        amount_label.setBuddy(self.amount)
        amounts = QHBoxLayout()
        amounts.addWidget(amount_label)
        amounts.addWidget(self.amount)
        amounts.addStretch(1)
        layout.addLayout(modes)
        layout.addLayout(amounts)
        self.map = BodyMap(self)
        layout.addWidget(self.map)
        self.amount.currentIndexChanged.connect(self._set_amount)
        self.mode_buttons[Mode.DETACHED].setChecked(True)

    def _set_mode(self, mode: Mode) -> None:
        self.map.mode = mode
        self.amount.setEnabled(mode is not Mode.ERASE)

    def _set_amount(self) -> None:
        self.map.amount = float(self.amount.currentData())

    def reset(self) -> None:
        """A new patient: nothing marked, marking detached skin, whole parts."""
        self.map.clear()
        self.mode_buttons[Mode.DETACHED].setChecked(True)
        self.amount.setCurrentIndex(len(AMOUNTS) - 1)
