"""The Fusion style with marks every palette keeps visible, and the field's clear icon.

Split from :mod:`sjsref.ui.theme` so that the window's first paint waits for
neither: a Python style builds the enumerations of ``QStyle`` (about 15 ms)
and of every style option it is handed while painting. The window paints
first with Qt's own Fusion and installs this style on the next turn of the
event loop; the two differ only in the marks below, none of which the first
screen shows.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from sjsref.ui.qt_lazy import Qt

_R = QPalette.ColorRole


def clear_icon(colour: QColor) -> QIcon:
    """A cross in the text colour: Qt's own clear icon is dark grey, lost on a dark field."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(18, 18), QPointF(46, 46))
    painter.drawLine(QPointF(46, 18), QPointF(18, 46))
    painter.end()
    return QIcon(pixmap)


class ThemeStyle(QProxyStyle):
    """Fusion, with marks every palette keeps visible and that grow with the zoom.

    Fusion outlines fields, radio buttons and check boxes in a shade of the
    window colour: on a dark or black window they all but vanish, and its
    indicators keep one pixel size at any zoom. Here they are outlined in
    the palette's Mid colour (3:1 or more on every background), checked in the
    text colour, and sized from the font.
    """

    def __init__(self) -> None:
        super().__init__("Fusion")

    def standardIcon(
        self,
        standardIcon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        if standardIcon == QStyle.StandardPixmap.SP_LineEditClearButton:
            palette = widget.palette() if widget is not None else QApplication.palette()
            return clear_icon(palette.color(_R.Text))
        return super().standardIcon(standardIcon, option, widget)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        base = super().pixelMetric(metric, option, widget)
        if metric in _INDICATOR_METRICS:
            metrics = widget.fontMetrics() if widget is not None else QApplication.fontMetrics()
            return max(base, round(metrics.height() * 0.8))
        return base

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if element in (_PE.PE_IndicatorRadioButton, _PE.PE_IndicatorCheckBox):
            _draw_indicator(element == _PE.PE_IndicatorRadioButton, option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element == _PE.PE_FrameLineEdit and not focused:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(option.palette.color(_R.Mid), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
            painter.restore()


_PE = QStyle.PrimitiveElement
_INDICATOR_METRICS = (
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
)


def _draw_indicator(radio: bool, option: QStyleOption, painter: QPainter) -> None:
    palette, state = option.palette, option.state
    box = QRectF(option.rect).adjusted(1, 1, -1, -1)
    side = min(box.width(), box.height())
    box = QRectF(box.center().x() - side / 2, box.center().y() - side / 2, side, side)
    enabled = bool(state & QStyle.StateFlag.State_Enabled)
    ink = palette.color(_R.Text if enabled else _R.Mid)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if state & QStyle.StateFlag.State_HasFocus:
        # The keyboard is here: a thicker ring in the focus colour (3:1 on the window).
        painter.setPen(QPen(palette.color(_R.Highlight), 2.5))
    else:
        painter.setPen(QPen(palette.color(_R.Mid if enabled else _R.Midlight), 1.5))
    painter.setBrush(palette.color(_R.Base))
    if radio:
        painter.drawEllipse(box)
    else:
        painter.drawRoundedRect(box, 2, 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    inner = box.adjusted(side * 0.27, side * 0.27, -side * 0.27, -side * 0.27)
    if state & QStyle.StateFlag.State_On:
        if radio:
            painter.drawEllipse(inner)
        else:
            painter.drawRoundedRect(inner, 1, 1)
    elif not radio and state & QStyle.StateFlag.State_NoChange:
        painter.drawRect(QRectF(inner.left(), inner.center().y() - 1, inner.width(), 2))
    painter.restore()
