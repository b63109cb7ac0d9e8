"""A calculator's form and its result: side by side while both fit, else one under the other.

At a large zoom, or on a small screen, two columns would each be too narrow:
the form would scroll sideways and the result would be cut off. Then the
result moves under the form's buttons, in the form's own scroll area, and
moves back beside it when there is room again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

# Room the result needs beside the form, in widths of "M": the mortality table
# of SCORTEN is about 21, a reference's unbroken DOI about 17, at any zoom.
RESULT_MIN_EM = 24


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class FormAndResult(QObject):
    """Places ``result`` beside or under the form held by ``left``.

    Args:
        page: The calculator page (its width decides).
        left: The form's widget: ``layout`` holds the form, buttons and a closing stretch.
        layout: The layout of ``left``.
        form: The form layout inside it (its wrapped labels are kept inside the column).
        result: The result panel.
    """

    def __init__(
        self,
        page: QWidget,
        left: QWidget,
        layout: QVBoxLayout,
        form: QFormLayout,
        result: QWidget,
    ) -> None:
        super().__init__(page)
        self._page, self._layout, self._form, self._result = page, layout, form, result
        self.form_area, self.result_area = scrolled(left), scrolled(result)
        page.installEventFilter(self)
        left.installEventFilter(self)
        self.form_area.viewport().installEventFilter(self)

    @property
    def one_column(self) -> bool:
        """True while the result sits under the form instead of beside it."""
        return self.result_area.isHidden()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._page and kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()  # a new width, or a page that was hidden during a zoom
        elif watched is self.form_area.widget() and kind == QEvent.Type.LayoutRequest:
            # The form measures itself again (after a zoom): fit once it has.
            QTimer.singleShot(0, self, self.fit)
        elif watched is self.form_area.viewport() and kind == QEvent.Type.Resize:
            self._cap_labels()
        return super().eventFilter(watched, event)

    def _cap_labels(self) -> None:
        # WORKAROUND(Qt 6.11): QFormLayout gives the label of a wrapped row its
        # size hint as width, even where that is wider than the form, and the
        # end of the label is cut off; a label's hint never exceeds its maximum.
        margins = self._layout.contentsMargins()
        room = self.form_area.viewport().width() - margins.left() - margins.right()
        for row in range(self._form.rowCount()):
            item = self._form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.wordWrap():
                label.setMaximumWidth(max(room, 1))

    def fit(self) -> None:
        """Side by side when both fit without scrolling sideways; else the result below."""
        em = self._page.fontMetrics().horizontalAdvance("M")
        margins = self._layout.contentsMargins()
        items = [self._layout.itemAt(n) for n in range(self._layout.count())]
        widest = max(i.minimumSize().width() for i in items if i and i.widget() is not self._result)
        form = widest + margins.left() + margins.right()
        bar = self._page.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        result = RESULT_MIN_EM * em + bar
        # The two columns share the width equally unless the form needs more:
        # the result gets the smaller of half and what the form leaves.
        narrow = self._page.width() < max(form + bar + result, 2 * result) + em
        if narrow == self.one_column:
            return
        if narrow:
            self.result_area.takeWidget()
            # After the Copy and Clear buttons, before the closing stretch.
            self._layout.insertWidget(self._layout.count() - 1, self._result)
            self.result_area.hide()
        else:
            self._layout.removeWidget(self._result)
            self.result_area.setWidget(self._result)
            self.result_area.show()
