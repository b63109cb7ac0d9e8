"""Input widgets whose empty state means "not answered", never 0.

Each field shows, under its input, the criterion it feeds (threshold in the
unit chosen, met or not) and any message the clinical layer returned for it.
Status and errors carry a text prefix and a symbol, so they never rely on
colour alone, and they share a slot of fixed height, so the form never jumps.

A typed number is checked when the field is left, Enter is pressed or typing
pauses, never on each keystroke: "128" is never judged as "1".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QRegularExpressionValidator, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
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

from sjsref.clinical.numbers import parse_number
from sjsref.ui.shortcuts import key_codes

# Digits with one optional decimal point or comma (some labs and keyboards use
# a comma); a sign or letters cannot be typed at all. Ambiguous forms that get
# through ("2,000") are refused by the one number reader, with its reason.
_NUMBER = QRegularExpression(r"^\d{0,5}([.,]\d{0,4})?$")

ERROR_PREFIX = "⚠ Invalid: "
# How long typing must pause before a number counts as entered.
SETTLE_MS = 700


class Field(QWidget):
    """Base: an input row plus one status slot (status or error) beneath it.

    Args:
        name: Object name stem (the model field it feeds).
        status_lines: Lines of text the status slot keeps room for.
    """

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None, status_lines: int = 1) -> None:
        super().__init__(parent)
        self.name = name
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setVerticalSpacing(2)
        self.row = QHBoxLayout()
        self._grid.addLayout(self.row, 0, 0)
        # Status and error share one slot of fixed height: showing one or the
        # other, or nothing, never moves the fields below.
        self._slot = QWidget(self)
        slot = QGridLayout(self._slot)
        slot.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(self._slot)
        self.status.setObjectName(f"{name}_status")
        self.error = QLabel(self._slot)
        self.error.setObjectName(f"{name}_error")
        self.error.setVisible(False)
        self._error = ""
        font = self.error.font()
        font.setBold(True)
        self.error.setFont(font)
        for label in (self.status, self.error):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            slot.addWidget(label, 0, 0)
        self._grid.addWidget(self._slot, 1, 0)
        self._status_lines = status_lines
        self._room = self._base_room()
        self._slot.setFixedHeight(self._room)

    def _base_room(self) -> int:
        line = max(self.status.fontMetrics().lineSpacing(), self.error.fontMetrics().lineSpacing())
        return self._status_lines * line

    def changeEvent(self, event: QEvent) -> None:
        # A zoom changes the font: measure the slot again, smaller or larger.
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._room = self._base_room()
            self._slot.setFixedHeight(self._room)
            self._keep_room(self.error if self._error else self.status)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A narrower form wraps the status onto more lines: make room, never clip.
        super().resizeEvent(event)
        self._keep_room(self.error if self._error else self.status)

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self._keep_room(self.status)

    def set_error(self, message: str | None) -> None:
        self._error = f"{ERROR_PREFIX}{message}" if message else ""
        self.error.setText(self._error)
        self.error.setVisible(bool(message))
        self.status.setVisible(not message)
        self._keep_room(self.error)

    def _keep_room(self, label: QLabel) -> None:
        """Grow the slot for a longer text, and never shrink it back: no jumping to and fro."""
        if not self._slot.isVisible():  # not laid out yet: its width means nothing
            return
        needed = label.heightForWidth(self._slot.width()) if label.text() else 0
        if needed > self._room:
            self._room = needed
            self._slot.setFixedHeight(needed)

    def error_text(self) -> str:
        return self._error

    def parse_error(self) -> str | None:
        """Why what was typed cannot be read, if it cannot (checked before computing)."""
        return None

    def value(self) -> object:
        """What was entered, or None for "not answered"."""
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError


class NumberField(Field):
    """A number typed as text; empty is unanswered.

    The value counts once it is committed: on leaving the field, on Enter, or
    after typing pauses for ``SETTLE_MS``. A half-typed number is never read.

    Args:
        name: Object name stem (the model field it feeds).
        label: What the clinician reads; also the accessible name.
        unit: Fixed unit shown after the box, or "" when a unit chooser follows.
    """

    def __init__(
        self,
        name: str,
        label: str,
        unit: str = "",
        parent: QWidget | None = None,
        status_lines: int = 2,
    ) -> None:
        super().__init__(name, parent, status_lines)
        self._committed = ""
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setValidator(QRegularExpressionValidator(_NUMBER, self.edit))
        self.edit.setAccessibleName(label)
        self.edit.setPlaceholderText("not answered")
        self._size_box()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.commit)
        self.edit.textEdited.connect(lambda _text: self._settle.start())
        self.edit.editingFinished.connect(self.commit)
        self.row.addWidget(self.edit)
        if unit:
            unit_label = QLabel(unit, self)
            unit_label.setObjectName(f"{name}_unit")
            self.row.addWidget(unit_label)
        self.row.addStretch(1)
        self.setFocusProxy(self.edit)

    def _size_box(self) -> None:
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0" * 16))
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("0" * 12))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # the slot
        if event.type() == QEvent.Type.FontChange:
            self._size_box()  # the box holds as many digits at any zoom

    def commit(self) -> None:
        """Take what is typed as the entered value (and recompute) if it changed."""
        self._settle.stop()
        text = self.edit.text().strip()
        if text != self._committed:
            self._committed = text
            self.edited()
            self.changed.emit()

    def take_typed(self) -> None:
        """What is typed counts as entered now, without recomputing (see LabField)."""
        self._settle.stop()
        self._committed = self.edit.text().strip()

    def edited(self) -> None:
        """Hook: the committed value changed (before ``changed`` is emitted)."""

    def value(self) -> float | None:
        """The committed number, or None when empty or unreadable (see :meth:`parse_error`)."""
        if not self._committed:
            return None
        try:
            return parse_number(self._committed)
        except ValueError:
            return None

    def parse_error(self) -> str | None:
        if not self._committed:
            return None
        try:
            parse_number(self._committed)
        except ValueError as exc:
            return str(exc)
        return None

    def set_text(self, text: str) -> None:
        """Enter a value as if typed and committed (tests, conversions, carried values)."""
        self.edit.setText(text)
        self.commit()

    def clear(self) -> None:
        self.edit.clear()
        self.commit()


class ChoiceBox(QComboBox):
    """A combo box over an Enum (units, method), showing readable labels.

    Args:
        placeholder: Shown while nothing is chosen; when given, the box starts
            with no choice, so a unit is never silently assumed.
    """

    def __init__(
        self,
        name: str,
        label: str,
        options: list[tuple[str, object]],
        parent: QWidget | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(label)
        # Kept here, not as Qt item data: Qt turns a str enum into a plain str.
        self._values = [value for _, value in options]
        for text, _value in options:
            self.addItem(text)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if placeholder:
            self.setPlaceholderText(placeholder)
            self.setCurrentIndex(-1)

    def value(self) -> object:
        """The value chosen (an enum member, or what the option carries), None for none."""
        index = self.currentIndex()
        return self._values[index] if index >= 0 else None

    def set_value(self, value: object) -> None:
        self.setCurrentIndex(self._values.index(value) if value in self._values else -1)


class YesNoField(Field):
    """Yes / No radio buttons; neither checked is unanswered.

    With the focus on either button, Y answers yes and N answers no (the keys
    of the shortcut table's ``yes_no`` entry), besides the arrows and Space.
    """

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
        # Its label's Alt+letter lands here (so the answer is not clicked); not a Tab
        # stop. Set before the proxy: Qt passes a policy set later on to the proxy.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setFocusProxy(self.yes)
        self._keys = dict(zip(key_codes("yes_no"), (self.yes, self.no), strict=True))
        for button in (self.yes, self.no):
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            # Tab into the question lands on the answer given, as in other apps.
            other = self.no if watched is self.yes else self.yes
            tabbed = event.reason() in (
                Qt.FocusReason.TabFocusReason,
                Qt.FocusReason.BacktabFocusReason,
                Qt.FocusReason.ShortcutFocusReason,  # the label's Alt+letter
            )
            if tabbed and other.isChecked():
                other.setFocus(event.reason())
                return True
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in self._keys
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            button = self._keys[event.key()]
            button.setChecked(True)
            button.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

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


class ChoiceField(Field):
    """One of a few values as radio buttons (a day), the first checked to start with.

    Args:
        choices: (label, value) pairs; a label may carry its own ``&`` mnemonic.
    """

    def __init__(
        self,
        name: str,
        label: str,
        choices: tuple[tuple[str, object], ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(name, parent, status_lines=0)
        self.group = QButtonGroup(self)
        self._values = [value for _, value in choices]
        for index, (text, value) in enumerate(choices):
            button = QRadioButton(text, self)
            button.setObjectName(f"{name}_{value}")
            button.setAccessibleName(f"{label}: {text.replace('&', '')}")
            self.group.addButton(button, index)
            self.row.addWidget(button)
        self.row.addStretch(1)
        self.group.idToggled.connect(self._toggled)
        # Its label's Alt+letter lands here (so the answer is not clicked); not a Tab stop.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.clear()

    def _toggled(self, index: int, on: bool) -> None:
        if on:
            # Tab, Shift+Tab and the label's Alt+letter land on the day chosen;
            # the arrows still move between days.
            chosen = self.group.button(index)
            for button in self.group.buttons():
                strong = button is chosen
                button.setFocusPolicy(
                    Qt.FocusPolicy.StrongFocus if strong else Qt.FocusPolicy.ClickFocus
                )
            self.setFocusProxy(chosen)
            self.changed.emit()

    def value(self) -> object:
        return self._values[max(self.group.checkedId(), 0)]

    def set_value(self, value: object) -> None:
        self.group.button(self._values.index(value)).setChecked(True)

    def button(self, value: object) -> QRadioButton:
        found = self.group.button(self._values.index(value))
        assert isinstance(found, QRadioButton)
        return found

    def clear(self) -> None:
        """Back to the first choice (day 1): where a new patient starts."""
        self.group.button(0).setChecked(True)


def with_mnemonic(text: str, letter: str) -> str:
    """'Serum urea / BUN', 'u' -> 'Serum &urea / BUN': Alt+U reaches the field."""
    if not letter:
        return text
    at = text.find(letter)
    at = at if at >= 0 else text.lower().find(letter.lower())
    return text if at < 0 else f"{text[:at]}&{text[at:]}"


def form_label(text: str, buddy: QWidget) -> QLabel:
    """A form label tied to its input (Alt+letter reaches it; screen readers name it)."""
    label = QLabel(text)
    target = buddy.focusProxy() or buddy
    # A button buddy is clicked by the Alt+letter: that would answer the
    # question. The field itself takes the focus and passes it to its proxy.
    label.setBuddy(buddy if isinstance(target, QAbstractButton) else target)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def criterion_status(
    met: bool | None, answered: bool, rule: str, points: int | None, pending: str | None = None
) -> str:
    """'Counts if > 40 years: ✔ met (+1)' — symbol and words, not colour."""
    if pending:
        state = f"⚠ NOT SCORED: {pending}"
    elif not answered:
        state = "○ not answered"
    elif met:
        state = "✔ MET" + (f" (+{points})" if points else "")
    else:
        state = "✘ not met" + (" (0)" if points else "")
    return f"Counts if {rule}: {state}" if rule else state
