"""A lab value with its unit: never assumed, converted on a switch, confirmed when unlikely.

The unit box starts empty unless the clinician chose a unit before (a
preference, kept by ``ViewState``; the value typed never is). Switching the
unit of a value already typed is ambiguous: a clinician converting a result
and one correcting a wrongly chosen unit do the same thing. So the value is not
scored until they say which: "Convert to 33.6" (the clinical layer's factors,
never moved across the cut-off) or "Keep 12 as mg/dL BUN". A value the
clinical layer holds as far more likely in another unit shows one button per
likely unit ("Yes, mg/dL") and one to keep the unit chosen.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from sjsref.clinical.numbers import TYPED_DECIMALS, format_number, format_typed
from sjsref.clinical.results import UnitQuery
from sjsref.clinical.units import Lab
from sjsref.ui.fields import ChoiceBox, NumberField

CHOOSE_UNIT = "Choose unit…"


class LabField(NumberField):
    """A number plus its unit box, the conversions line and the unit-check buttons.

    Args:
        name: The model field of the value (``urea``); the unit is ``<name>_unit``.
        label: What the clinician reads; also the accessible name.
        lab: The analyte: units, factors, usual ranges.
        units: (label, unit) pairs for the unit box.
        threshold_si: The criterion's cut-off in mmol/L, which a conversion keeps its side of.
        remember: Called with a unit the clinician chose, to keep as a preference.
    """

    def __init__(
        self,
        name: str,
        label: str,
        lab: Lab[Any],
        units: list[tuple[str, StrEnum]],
        threshold_si: float,
        remember: Callable[[StrEnum], None] = lambda _unit: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(name, label, parent=parent, status_lines=3)
        self.lab, self._threshold, self._remember = lab, threshold_si, remember
        self.confirmed = False
        self._converted = ""
        self._last_unit: StrEnum | None = None
        # (old unit, new unit, converted value) while a switch awaits its answer.
        self._switch: tuple[StrEnum, StrEnum, float] | None = None
        self._query: UnitQuery | None = None
        self.unit_box = ChoiceBox(
            f"{name}_unit", f"{label}: unit", list(units), self, placeholder=CHOOSE_UNIT
        )
        self.row.insertWidget(1, self.unit_box)
        self.unit_box.currentIndexChanged.connect(self._unit_changed)
        self.hold = QWidget(self)
        self.hold.setObjectName(f"{name}_hold")
        self._hold_row = QHBoxLayout(self.hold)
        self._hold_row.setContentsMargins(0, 0, 0, 0)
        self._grid.addWidget(self.hold, 2, 0)
        self.hold.setVisible(False)

    # -- the unit -------------------------------------------------------------

    def unit(self) -> StrEnum | None:
        value = self.unit_box.value()
        return value if isinstance(value, StrEnum) else None

    def set_unit(self, unit: StrEnum | None, ask: bool = True) -> None:
        """Choose a unit; a value already typed then asks "convert or keep?" unless ``ask``
        is False (the value was in this unit all along)."""
        if not ask:
            self._last_unit = None
        self.unit_box.set_value(unit)
        if not ask:  # the box may not have moved (no signal): the value's unit is this one
            self._last_unit = self.unit()

    def _unit_changed(self) -> None:
        # A number typed but not yet entered (the unit picked within the pause,
        # or with no focus change to enter it) was typed in the old unit.
        self.take_typed()
        old, new = self._last_unit, self.unit()
        self._last_unit = new
        self.confirmed = False
        self._converted = ""
        self._switch = None
        value = super().value()
        if old is not None and new is not None and value is not None and old != new:
            converted = self.lab.convert_typed(value, old, new, self._threshold)
            self._switch = (old, new, converted)
        if new is not None:
            self._remember(new)
        self._render_hold()
        self.changed.emit()

    def value(self) -> float | None:
        """None while a unit switch awaits "convert" or "keep": it is not scored."""
        return None if self._switch is not None else super().value()

    def edited(self) -> None:
        self.confirmed = False
        self._converted = ""
        self._switch = None
        self._render_hold()

    def convert(self) -> None:
        """Answer a unit switch: the value was in the old unit; convert it."""
        if self._switch is None:
            return
        old, new, converted = self._switch
        typed = super().value()
        self._switch = None
        self.edit.setText(format_number(converted, TYPED_DECIMALS))
        self._committed = self.edit.text().strip()
        self._converted = (
            f"↻ Converted: {format_typed(typed or 0)} {self.lab.quantity(old)} is "
            f"{format_number(converted, TYPED_DECIMALS)} {self.lab.quantity(new)}."
        )
        self._render_hold()
        self.changed.emit()

    def keep(self) -> None:
        """Answer a unit switch: the value was typed in the new unit all along."""
        self._switch = None
        self._render_hold()
        self.changed.emit()

    # -- what is shown under it -------------------------------------------------

    def set_status(self, text: str) -> None:
        lines = [text] if text else []
        value, unit = self.value(), self.unit()
        if value is not None and unit is not None:
            lines.append(self.lab.conversions(value, unit, self._threshold))
        if self._switch is not None:
            old, new, _ = self._switch
            lines.append(
                f"⚠ Unit changed from {self.lab.quantity(old)} to {self.lab.quantity(new)}: "
                f"was {format_typed(super().value() or 0)} typed in {self.lab.quantity(old)}?"
            )
        if self._converted:
            lines.append(self._converted)
        super().set_status("\n".join(lines))

    def show_query(self, query: UnitQuery | None) -> None:
        """Offer the likely units and 'keep', for a value held for its unit; None hides them."""
        self._query = query if query is not None and query.unit is not None else None
        self._render_hold()

    def _render_hold(self) -> None:
        """The buttons under the field: a unit switch to answer first, else a held value."""
        while self._hold_row.count():
            item = self._hold_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone now, not at the next event loop turn
                widget.deleteLater()
        if self._switch is not None:
            _old, new, converted = self._switch
            typed = format_typed(super().value() or 0)
            self._button("convert", f"Convert to {format_number(converted, 4)}", self.convert)
            self._button("keep_typed", f"Keep {typed} as {self.lab.quantity(new)}", self.keep)
        elif self._query is not None:
            label = QLabel("Not scored. Did you mean:", self.hold)
            self._hold_row.addWidget(label)
            label.show()
            for likely in self._query.likely_units:
                unit = next(u for u in self.lab.factors if u.value == likely)
                self._button(
                    f"yes_{unit.name.lower()}",
                    f"Yes, {self.lab.quantity(unit)}",
                    functools.partial(self._take, unit),
                )
            chosen = self.unit()
            shown = self.lab.quantity(chosen) if chosen else self._query.unit
            self._button("keep", f"No, keep {shown}", self._keep)
        else:
            self.hold.setVisible(False)
            return
        self._hold_row.addStretch(1)
        self.hold.setVisible(True)

    def _button(self, key: str, text: str, slot: Callable[[], None]) -> None:
        button = QPushButton(text, self.hold)
        button.setObjectName(f"{self.name}_{key}")
        button.clicked.connect(lambda _=False: slot())
        self._hold_row.addWidget(button)
        button.show()  # a layout shows a new child of a visible parent only later

    def _take(self, unit: StrEnum) -> None:
        self.set_unit(unit, ask=False)

    def _keep(self) -> None:
        self.confirmed = True
        self.changed.emit()

    def clear(self) -> None:
        """Empty the value and any confirmation; the unit preference stays."""
        self.confirmed = False
        self._converted = ""
        self._switch = None
        self.show_query(None)
        super().clear()
