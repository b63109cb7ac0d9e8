"""A date typed as dd-mm-yyyy or yyyy-mm-dd, or picked from a calendar.

The date read is shown beneath in words ("Fri 3 Apr 2026"), so a day and
month swapped by habit is seen before it moves a score. Like a number, the
text counts when the field is left, Enter is pressed or typing pauses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sjsref.clinical.dates import EARLIEST_YEAR, FORMATS, in_words, parse_date, typed
from sjsref.ui.fields import SETTLE_MS, Field


class DateField(Field):
    """One date; empty is unanswered.

    Args:
        name: Object name stem.
        label: What the clinician reads; also the accessible name.
        today: Gives today's date (dates after it are refused).
        empty_means: Shown beneath while empty (e.g. "still taken").
    """

    def __init__(
        self,
        name: str,
        label: str,
        today: Callable[[], dt.date],
        empty_means: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(name, parent, status_lines=1)
        self._today = today
        self._empty_means = empty_means
        self._committed = ""
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setAccessibleName(label)
        self.edit.setPlaceholderText("dd-mm-yyyy")
        self.edit.setToolTip(f"Type {FORMATS}, or pick from the calendar")
        self._size_box()
        self.pick = QToolButton(self)
        self.pick.setObjectName(f"{name}_pick")
        self.pick.setText("Calendar…")
        self.pick.setAccessibleName(f"{label}: pick from a calendar")
        # A popup dialog, not a menu: a menu keeps the arrow keys and Enter,
        # so the calendar could not be used from the keyboard.
        self._popup = QDialog(self, Qt.WindowType.Popup)
        self.calendar = QCalendarWidget(self._popup)
        self.calendar.setObjectName(f"{name}_calendar")
        self.calendar.setMinimumDate(QDate(EARLIEST_YEAR, 1, 1))
        popup_layout = QVBoxLayout(self._popup)
        popup_layout.setContentsMargins(0, 0, 0, 0)
        popup_layout.addWidget(self.calendar)
        self.pick.clicked.connect(self.open_calendar)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.commit)
        self.edit.textEdited.connect(lambda _text: self._settle.start())
        self.edit.editingFinished.connect(self.commit)
        self.row.addWidget(self.edit)
        self.row.addWidget(self.pick)
        self.row.addStretch(1)
        self.setFocusProxy(self.edit)
        self._show_words()

    def _size_box(self) -> None:
        self.edit.setFixedWidth(self.edit.fontMetrics().horizontalAdvance("0" * 14))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # the slot
        if event.type() == QEvent.Type.FontChange:
            self._size_box()  # the box holds a whole date at any zoom

    def open_calendar(self) -> None:
        """Show the calendar at the date entered (or today), keyboard in it."""
        today = self._today()
        self.calendar.setMaximumDate(QDate(today.year, today.month, today.day))
        shown = self.value() or today
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self._popup.move(self.pick.mapToGlobal(self.pick.rect().bottomLeft()))
        self._popup.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, day: QDate) -> None:
        self._popup.hide()
        self.set_date(dt.date(day.year(), day.month(), day.day()))
        self.edit.setFocus()

    def commit(self) -> None:
        """Take what is typed as the entered date (and recompute) if it changed."""
        self._settle.stop()
        text = self.edit.text().strip()
        if text != self._committed:
            self._committed = text
            self._show_words()
            self.changed.emit()

    def _show_words(self) -> None:
        date = self.value()
        self.set_status(in_words(date) if date else self._empty_means)

    def refresh(self) -> None:
        """Show the date in words again (a form-wide error blanks every status line)."""
        if not self.error_text():
            self._show_words()

    def value(self) -> dt.date | None:
        """The committed date, or None when empty or unreadable (see :meth:`parse_error`)."""
        try:
            return parse_date(self._committed, self._today()) if self._committed else None
        except ValueError:
            return None

    def parse_error(self) -> str | None:
        if not self._committed:
            return None
        try:
            parse_date(self._committed, self._today())
        except ValueError as exc:
            return str(exc)
        return None

    def set_date(self, date: dt.date | None) -> None:
        """Enter a date as if typed and committed."""
        self.set_text("" if date is None else typed(date))

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
        self.commit()

    def clear(self) -> None:
        self.set_text("")
