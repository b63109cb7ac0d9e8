"""SCORTEN: seven criteria, units the lab reports, day 1 or day 3.

``python -m sjsref.ui.scorten_view`` opens it alone.
"""

from __future__ import annotations

import html
from typing import Any, Protocol

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from sjsref.clinical import scorten
from sjsref.clinical.registry import calculator
from sjsref.clinical.report import model_line, mortality_line, score_headline
from sjsref.clinical.results import ScoreResult
from sjsref.clinical.units import GLUCOSE, UREA, GlucoseUnit, UreaUnit
from sjsref.ui.calc_page import CalculatorPage, mortality_table_html
from sjsref.ui.fields import NumberField, YesNoField, form_label
from sjsref.ui.lab_field import LabField
from sjsref.ui.result_panel import Citer

# Criterion id (clinical layer) -> model field that feeds it.
CRITERION_FIELD = {
    "age": "age_years",
    "malignancy": "malignancy",
    "heart_rate": "heart_rate_bpm",
    "detached_bsa": "detached_bsa_percent",
    "urea": "urea",
    "bicarbonate": "bicarbonate_mmol_l",
    "glucose": "glucose",
}

UREA_UNITS = [
    ("mmol/L (urea)", UreaUnit.MMOL_L),
    ("mg/dL (urea)", UreaUnit.MG_DL),
    ("mg/dL (BUN, urea nitrogen)", UreaUnit.BUN_MG_DL),
]
GLUCOSE_UNITS = [("mmol/L", GlucoseUnit.MMOL_L), ("mg/dL", GlucoseUnit.MG_DL)]


class UnitPrefs(Protocol):
    """Where the lab units a clinician chose are remembered (``ViewState``)."""

    def unit(self, name: str) -> str | None: ...

    def set_unit(self, name: str, value: str) -> None: ...


class _Forget:
    """No remembered units (a view opened alone)."""

    def unit(self, name: str) -> str | None:
        return None

    def set_unit(self, name: str, value: str) -> None:
        return None


class ScortenView(CalculatorPage):
    """SCORTEN form and result."""

    def __init__(
        self,
        citer: Citer,
        parent: QWidget | None = None,
        prefs: UnitPrefs | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(calculator("scorten"), citer, parent=parent, **kwargs)
        prefs = prefs or _Forget()
        age = NumberField("age_years", "Age in years", "years")
        self.add_field(form_label("&Age", age), age)
        hr = NumberField("heart_rate_bpm", "Heart rate in beats per minute", "/min")
        self.add_field(form_label("&Heart rate", hr), hr)
        cancer = YesNoField("malignancy", "Malignancy")
        self.add_field(form_label("&Malignancy (cancer or haematological)", cancer), cancer)
        bsa = NumberField("detached_bsa_percent", "Detached body-surface area, percent", "% BSA")
        self.add_field(form_label("&Detached BSA", bsa), bsa)
        self.urea = self._lab(prefs, "urea", "Serum urea or BUN", UREA_UNITS, scorten.UREA_MMOL_L)
        self.add_field(form_label("Serum &urea / BUN", self.urea), self.urea)
        bicarbonate = NumberField("bicarbonate_mmol_l", "Serum bicarbonate in mmol/L", "mmol/L")
        self.add_field(form_label("Serum &bicarbonate", bicarbonate), bicarbonate)
        self.glucose = self._lab(
            prefs, "glucose", "Serum glucose", GLUCOSE_UNITS, scorten.GLUCOSE_MMOL_L
        )
        self.add_field(form_label("Serum &glucose", self.glucose), self.glucose)
        self.urea_unit, self.glucose_unit = self.urea.unit_box, self.glucose.unit_box

        day_row = QWidget(self)
        day_layout = QHBoxLayout(day_row)
        day_layout.setContentsMargins(0, 0, 0, 0)
        self.day_group = QButtonGroup(self)
        self.day1 = QRadioButton("Day &1 (first 24 h)", day_row)
        self.day3 = QRadioButton("Day &3", day_row)
        for button, day in ((self.day1, 1), (self.day3, 3)):
            button.setObjectName(f"day{day}")
            button.setAccessibleName(f"Day of admission: day {day}")
            self.day_group.addButton(button, day)
            day_layout.addWidget(button)
        day_layout.addStretch(1)
        self.day1.setChecked(True)
        self.form.addRow(QLabel("Day of admission"), day_row)
        self.day_group.idToggled.connect(lambda _id, on: on and self.recompute())
        self.recompute()

    def _lab(
        self, prefs: UnitPrefs, name: str, label: str, units: list[Any], rule: Any
    ) -> LabField:
        lab = UREA if name == "urea" else GLUCOSE
        field = LabField(
            name, label, lab, units, rule.value, lambda u: prefs.set_unit(name, u.value)
        )
        saved = prefs.unit(name)
        field.set_unit(next((u for _, u in units if u.value == saved), None), ask=False)
        return field

    def reset_choices(self) -> None:
        self.day1.setChecked(True)

    def _values(self) -> dict[str, object]:
        f = self.fields
        return {
            "age_years": f["age_years"].value(),
            "heart_rate_bpm": f["heart_rate_bpm"].value(),
            "malignancy": f["malignancy"].value(),
            "detached_bsa_percent": f["detached_bsa_percent"].value(),
            "urea_unit": self.urea.unit(),
            "urea": self.urea.value(),
            "urea_unit_confirmed": self.urea.confirmed,
            "bicarbonate_mmol_l": f["bicarbonate_mmol_l"].value(),
            "glucose_unit": self.glucose.unit(),
            "glucose": self.glucose.value(),
            "glucose_unit_confirmed": self.glucose.confirmed,
            "day": self.day_group.checkedId(),
        }

    def compute(self) -> ScoreResult:
        return scorten.compute(scorten.ScortenInput(**self._values()))

    def present(self, result: ScoreResult) -> None:
        self.show_score(result, CRITERION_FIELD)
        mortality = mortality_line(result)
        model = model_line(result)
        self.panel.show_result(
            html.escape(score_headline(result)),
            f"<b>{html.escape(mortality)}</b><br>{html.escape(result.mortality_basis or '')}"
            if mortality
            else "",
            html.escape(model) if model else "",
            detail=mortality_table_html(result.mortality_table),
            warnings=result.warnings,
            notes=result.notes,
            citations=result.citations,
        )


if __name__ == "__main__":
    from sjsref.ui.preview import preview

    preview(lambda citer: ScortenView(citer))
