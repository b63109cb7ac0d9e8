"""The form of a calculator, generated from its spec: SCORTEN, ABCD-10, classification.

Each input of the spec becomes its field (a number with its unit, a yes/no
question, a lab value with its unit box, a choice of days), labelled and
reached by Alt+letter as the spec says; the page runs the spec on the values.
``python -m sjsref.ui.spec_form scorten`` opens one alone.
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtWidgets import QLabel, QWidget

from sjsref.clinical.numbers import format_typed
from sjsref.clinical.spec import CalculatorSpec, InputSpec, Kind
from sjsref.ui.calc_page import CalculatorPage
from sjsref.ui.fields import ChoiceField, Field, NumberField, YesNoField, form_label, with_mnemonic
from sjsref.ui.lab_field import LabField
from sjsref.ui.result_panel import Citer


class UnitPrefs(Protocol):
    """Where the lab units a clinician chose are remembered (``ViewState``)."""

    def unit(self, name: str) -> str | None: ...

    def set_unit(self, name: str, value: str) -> None: ...


class Forget:
    """No remembered units (a form opened alone, or the self-test)."""

    def unit(self, name: str) -> str | None:
        return None

    def set_unit(self, name: str, value: str) -> None:
        return None


class SpecForm(CalculatorPage):
    """A calculator page whose fields are its spec's inputs.

    Args:
        spec: The calculator.
        citer: Turns citation keys into numbered links.
        prefs: Remembers the lab units chosen (a preference, never a value).
    """

    def __init__(
        self,
        spec: CalculatorSpec,
        citer: Citer,
        prefs: UnitPrefs | None = None,
        clock: Any = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(spec, citer, clock=clock, parent=parent)
        self._prefs = prefs or Forget()
        for spec_input in spec.inputs:
            field = self._field(spec_input)
            text = with_mnemonic(spec_input.question or spec_input.label, spec_input.mnemonic)
            self.add_field(form_label(text, field), field)
        # field -> (text carried, its note label, the note as first written)
        self._carried: dict[str, tuple[str, QLabel, str]] = {}
        self.computed.connect(self._drop_stale_notes)
        self.recompute()

    def _field(self, spec: InputSpec) -> Field:
        if spec.kind is Kind.YES_NO:
            return YesNoField(spec.name, spec.question or spec.label)
        if spec.kind is Kind.CHOICE:
            return ChoiceField(spec.name, spec.label, spec.choices)
        if spec.kind is Kind.LAB and spec.lab is not None:
            return self._lab(spec)
        return NumberField(spec.name, spec.label, spec.unit)

    def _lab(self, spec: InputSpec) -> LabField:
        rule = self.spec.rule(spec)
        prefs, name = self._prefs, spec.name
        field = LabField(
            name,
            spec.label,
            spec.lab,  # type: ignore[arg-type]
            list(spec.choices),
            rule.value if rule is not None else 0.0,
            lambda unit: prefs.set_unit(name, unit.value),
        )
        saved = prefs.unit(name)
        field.set_unit(next((u for _, u in spec.choices if u.value == saved), None), ask=False)
        return field

    def receive(self, name: str, value: float, note: str) -> None:
        """Fill a number field with a figure from another calculator, and say so beneath it.

        The note stays while the field holds that figure; a change or Clear removes it.
        """
        field = self.fields[name]
        assert isinstance(field, NumberField)
        text = format_typed(value)
        if name in self._carried:
            label = self._carried[name][1]
        else:
            label = QLabel(self)
            label.setObjectName(f"{name}_carried")
            label.setWordWrap(True)
            row = self.form.getWidgetPosition(field)[0]  # type: ignore[index]
            self.form.insertRow(row + 1, "", label)
        unit = self.spec.input(name).unit
        first = f"↳ {text} {unit} {note}".replace("  ", " ")
        self._carried[name] = (text, label, first)
        label.setText(first)
        label.setVisible(True)
        field.set_text(text)

    def source_changed(self, name: str, value: float | None, source: str) -> None:
        """The calculator a figure came from now shows another (or none): say so beneath it,
        so a figure carried before the map was changed is never taken for the current one."""
        found = self._carried.get(name)
        if found is None:
            return
        text, label, first = found
        now = None if value is None else format_typed(value)
        if now == text:
            label.setText(first)
            return
        unit = self.spec.input(name).unit
        shown = "no single figure" if now is None else f"{now} {unit}".strip()
        label.setText(
            f"{first}\n⚠ The {source} now shows {shown}; this field still holds {text}. "
            f"Use it again there to bring the new figure over."
        )

    def carried_note(self, name: str) -> str:
        """The note beneath a field filled from another calculator ("" when there is none)."""
        found = self._carried.get(name)
        return found[1].text() if found and found[1].isVisibleTo(self) else ""

    def _drop_stale_notes(self) -> None:
        """A note shows while its field holds the figure carried (again after a day switch)."""
        for name, (text, label, _first) in self._carried.items():
            label.setVisible(self.fields[name].edit.text().strip() == text)  # type: ignore[attr-defined]

    def lab(self, name: str) -> LabField:
        field = self.fields[name]
        assert isinstance(field, LabField)
        return field

    def values(self) -> dict[str, Any] | None:
        values: dict[str, Any] = {}
        for spec in self.spec.inputs:
            field = self.fields[spec.name]
            value = field.value()
            if spec.required and value is None:
                return None  # no result at all until it is answered
            values[spec.name] = value
            if isinstance(field, LabField):
                values[f"{spec.name}_unit"] = field.unit()
                values[f"{spec.name}_unit_confirmed"] = field.confirmed
        return values

    def prompt(self) -> tuple[str, str]:
        missing = [s.label for s in self.spec.inputs if s.required]
        return "No result yet", f"<p>⚠ Incomplete: enter {' and '.join(missing)}.</p>"


if __name__ == "__main__":
    from sjsref.clinical.registry import spec
    from sjsref.ui.preview import preview

    preview(lambda citer: SpecForm(spec(sys.argv[1] if len(sys.argv) > 1 else "scorten"), citer))
