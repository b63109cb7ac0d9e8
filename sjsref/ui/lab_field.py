"""A lab value with its unit: never assumed, converted on a switch, confirmed when unlikely.

The unit box starts empty unless the clinician chose a unit before (a
preference, kept by ``ViewState``; the value typed never is). Switching the
unit of a value already typed converts it, with the clinical layer's factors
and without moving it across the criterion's cut-off, and says so. A value the
clinical layer holds as far more likely in another unit shows one button per
likely unit ("Yes, mg/dL") and one to keep the unit chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from sjsref.clinical.numbers import TYPED_DECIMALS, format_number
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

    def set_unit(self, unit: StrEnum | None, convert: bool = True) -> None:
        """Choose a unit; a value already typed is converted unless ``convert`` is False."""
        if not convert:
            self._last_unit = None  # the value was in this unit all along: no conversion
        self.unit_box.set_value(unit)

    def _unit_changed(self) -> None:
        old, new = self._last_unit, self.unit()
        self._last_unit = new
        self.confirmed = False
        value = self.value()
        self._converted = ""
        if old is not None and new is not None and value is not None and old != new:
            converted = self.lab.convert_typed(value, old, new, self._threshold)
            self._converted = (
                f"↻ Converted: {format_number(value, TYPED_DECIMALS)} {self.lab.quantity(old)}"
                f" is {format_number(converted, TYPED_DECIMALS)} {self.lab.quantity(new)}."
            )
            self.edit.setText(format_number(converted, TYPED_DECIMALS))
            self._committed = self.edit.text().strip()
        if new is not None:
            self._remember(new)
        self.changed.emit()

    def edited(self) -> None:
        self.confirmed = False
        self._converted = ""

    # -- what is shown under it -------------------------------------------------

    def set_status(self, text: str) -> None:
        lines = [text] if text else []
        value, unit = self.value(), self.unit()
        if value is not None and unit is not None:
            lines.append(self.lab.conversions(value, unit, self._threshold))
        if self._converted:
            lines.append(self._converted)
        super().set_status("\n".join(lines))

    def show_query(self, query: UnitQuery | None) -> None:
        """Offer the likely units and 'keep', for a value held for its unit; None hides them."""
        while self._hold_row.count():
            item = self._hold_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if query is None or query.unit is None:
            self.hold.setVisible(False)
            return
        self._hold_row.addWidget(QLabel("Not scored. Did you mean:", self.hold))
        for likely in query.likely_units:
            unit = next(u for u in self.lab.factors if u.value == likely)
            yes = QPushButton(f"Yes, {self.lab.quantity(unit)}", self.hold)
            yes.setObjectName(f"{self.name}_yes_{unit.name.lower()}")
            yes.clicked.connect(lambda _=False, u=unit: self._take(u))
            self._hold_row.addWidget(yes)
        chosen = self.unit()
        keep = QPushButton(
            f"No, keep {self.lab.quantity(chosen) if chosen else query.unit}", self.hold
        )
        keep.setObjectName(f"{self.name}_keep")
        keep.clicked.connect(self._keep)
        self._hold_row.addWidget(keep)
        self._hold_row.addStretch(1)
        self.hold.setVisible(True)

    def _take(self, unit: StrEnum) -> None:
        self.set_unit(unit, convert=False)

    def _keep(self) -> None:
        self.confirmed = True
        self.changed.emit()

    def clear(self) -> None:
        """Empty the value and any confirmation; the unit preference stays."""
        self.confirmed = False
        self._converted = ""
        self.show_query(None)
        super().clear()
