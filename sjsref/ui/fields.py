"""Input widgets whose empty state means "not answered", never 0.

Each field shows, under its input, the criterion it feeds (threshold in the
unit chosen, met or not) and any message the clinical layer returned for it.
Status and errors carry a text prefix and a symbol, so they never rely on
colour alone.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

# Digits with one optional decimal point or comma (some labs and keyboards use
# a comma); a sign or letters cannot be typed at all.
_NUMBER = QRegularExpression(r"^\d{0,5}([.,]\d{0,4})?$")

ERROR_PREFIX = "⚠ Invalid: "


class Field(QWidget):
    """Base: an input row plus a status line and an error line beneath it."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setVerticalSpacing(2)
        self.row = QHBoxLayout()
        self._grid.addLayout(self.row, 0, 0)
        self.status = QLabel(self)
        self.status.setObjectName(f"{name}_status")
        self.status.setWordWrap(True)
        self.status.setVisible(False)
        self.error = QLabel(self)
        self.error.setObjectName(f"{name}_error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self._error = ""
        font = self.error.font()
        font.setBold(True)
        self.error.setFont(font)
        self._grid.addWidget(self.status, 1, 0)
        self._grid.addWidget(self.error, 2, 0)

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def set_error(self, message: str | None) -> None:
        self._error = f"{ERROR_PREFIX}{message}" if message else ""
        self.error.setText(self._error)
        self.error.setVisible(bool(message))

    def error_text(self) -> str:
        return self._error

    def clear(self) -> None:
        raise NotImplementedError


class NumberField(Field):
    """A number typed as text; empty is unanswered.

    Args:
        name: Object name stem (the model field it feeds).
        label: What the clinician reads; also the accessible name.
        unit: Fixed unit shown after the box, or "" when a unit chooser follows.
    """

    def __init__(self, name: str, label: str, unit: str = "", parent: QWidget | None = None):
        super().__init__(name, parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setValidator(QRegularExpressionValidator(_NUMBER, self.edit))
        self.edit.setAccessibleName(label)
        self.edit.setPlaceholderText("not answered")
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0" * 16))
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("0" * 12))
        self.edit.textChanged.connect(self.changed)
        self.row.addWidget(self.edit)
        if unit:
            unit_label = QLabel(unit, self)
            unit_label.setObjectName(f"{name}_unit")
            self.row.addWidget(unit_label)
        self.row.addStretch(1)
        self.setFocusProxy(self.edit)

    def value(self) -> float | str | None:
        """The number, None when empty, or the raw text if it is not a number.

        Raw text goes on to the clinical layer, whose message names the field.
        """
        text = self.edit.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            return text

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def clear(self) -> None:
        self.edit.clear()


class ChoiceBox(QComboBox):
    """A combo box over an Enum (units, method), showing readable labels."""

    def __init__(self, name: str, label: str, options: list[tuple[str, Enum]], parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(label)
        for text, value in options:
            self.addItem(text, value)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def value(self) -> Enum:
        return self.currentData()

    def set_value(self, value: Enum) -> None:
        self.setCurrentIndex(self.findData(value))


class YesNoField(Field):
    """Yes / No radio buttons; neither checked is unanswered."""

    def __init__(self, name: str, label: str, parent: QWidget | None = None):
        super().__init__(name, parent)
        self.group = QButtonGroup(self)
        self.yes = QRadioButton("Yes", self)
        self.no = QRadioButton("No", self)
        for button, word in ((self.yes, "yes"), (self.no, "no")):
            button.setObjectName(f"{name}_{word}")
            button.setAccessibleName(f"{label}: {word}")
            self.group.addButton(button)
            self.row.addWidget(button)
        self.row.addStretch(1)
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())
        self.setFocusProxy(self.yes)

    def value(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    def set_value(self, value: bool | None) -> None:
        if value is None:
            self.clear()
        else:
            (self.yes if value else self.no).setChecked(True)

    def clear(self) -> None:
        # An exclusive group cannot uncheck its last button; lift that briefly.
        self.group.setExclusive(False)
        self.yes.setChecked(False)
        self.no.setChecked(False)
        self.group.setExclusive(True)
        self.changed.emit()


def form_label(text: str, buddy: QWidget) -> QLabel:
    """A form label tied to its input (Alt+letter reaches it; screen readers name it)."""
    label = QLabel(text)
    label.setBuddy(buddy.focusProxy() or buddy)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def criterion_status(met: bool | None, answered: bool, rule: str, points: int | None) -> str:
    """'Counts if > 40 years: ✔ met (+1)' — symbol and words, not colour."""
    if not answered:
        state = "○ not answered"
    elif met:
        state = "✔ MET" + (f" (+{points})" if points else "")
    else:
        state = "✘ not met" + (" (0)" if points else "")
    return f"Counts if {rule}: {state}" if rule else state
