"""SCORTEN: seven criteria, units the lab reports, day 1 or day 3.

``python -m sjsref.ui.scorten_view`` opens it alone.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from sjsref.clinical import scorten
from sjsref.clinical.registry import calculator
from sjsref.clinical.results import ScoreResult
from sjsref.clinical.units import GlucoseUnit, UreaUnit
from sjsref.ui.calc_page import CalculatorPage, percent
from sjsref.ui.fields import ChoiceBox, NumberField, YesNoField, form_label
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


class ScortenView(CalculatorPage):
    """SCORTEN form and result."""

    def __init__(self, citer: Citer, parent: QWidget | None = None, **kwargs) -> None:
        super().__init__(calculator("scorten"), citer, parent=parent, **kwargs)
        age = NumberField("age_years", "Age in years", "years")
        self.add_field(form_label("&Age", age), age)
        hr = NumberField("heart_rate_bpm", "Heart rate in beats per minute", "/min")
        self.add_field(form_label("&Heart rate", hr), hr)
        cancer = YesNoField("malignancy", "Malignancy")
        self.add_field(form_label("&Malignancy (cancer or haematological)", cancer), cancer)
        bsa = NumberField("detached_bsa_percent", "Detached body-surface area, percent", "% BSA")
        self.add_field(form_label("&Detached BSA", bsa), bsa)
        urea = NumberField("urea", "Serum urea or BUN")
        self.urea_unit = ChoiceBox("urea_unit", "Urea unit", UREA_UNITS)
        urea.row.insertWidget(1, self.urea_unit)
        self.add_field(form_label("Serum &urea / BUN", urea), urea)
        bicarbonate = NumberField("bicarbonate_mmol_l", "Serum bicarbonate in mmol/L", "mmol/L")
        self.add_field(form_label("Serum &bicarbonate", bicarbonate), bicarbonate)
        glucose = NumberField("glucose", "Serum glucose")
        self.glucose_unit = ChoiceBox("glucose_unit", "Glucose unit", GLUCOSE_UNITS)
        glucose.row.insertWidget(1, self.glucose_unit)
        self.add_field(form_label("Serum &glucose", glucose), glucose)

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

        self.urea_unit.currentIndexChanged.connect(self.recompute)
        self.glucose_unit.currentIndexChanged.connect(self.recompute)
        self.day_group.idToggled.connect(lambda _id, on: on and self.recompute())
        self.recompute()

    def _values(self) -> dict[str, object]:
        f = self.fields
        return {
            "age_years": f["age_years"].value(),
            "heart_rate_bpm": f["heart_rate_bpm"].value(),
            "malignancy": f["malignancy"].value(),
            "detached_bsa_percent": f["detached_bsa_percent"].value(),
            "urea": f["urea"].value(),
            "urea_unit": self.urea_unit.value(),
            "bicarbonate_mmol_l": f["bicarbonate_mmol_l"].value(),
            "glucose": f["glucose"].value(),
            "glucose_unit": self.glucose_unit.value(),
            "day": self.day_group.checkedId(),
        }

    def compute(self) -> ScoreResult:
        return scorten.compute(scorten.ScortenInput(**self._values()))

    def check_one(self, name: str) -> None:
        values = self._values()
        units = {"urea": "urea_unit", "glucose": "glucose_unit"}
        keep = {name, units.get(name, name)}
        scorten.ScortenInput(**{k: v for k, v in values.items() if k in keep})

    def present(self, result: ScoreResult) -> None:
        self.show_score(result, CRITERION_FIELD)
        day = f" (day {result.day})" if result.day else ""
        if result.score is not None:
            headline = f"SCORTEN {result.score} of {result.max_score}{day}"
        else:
            headline = (
                f"SCORTEN incomplete{day}: {result.answered} of {result.total} answered; "
                f"score between {result.score_min} and {result.score_max}"
            )
        mortality = model = ""
        if result.mortality_percent is not None:
            mortality = (
                f"<b>Observed mortality {percent(result.mortality_percent)}</b>"
                f" — {html.escape(result.mortality_basis or '')}"
            )
        if result.model_mortality_percent is not None:
            model = (
                f"Formula figure {percent(result.model_mortality_percent)}"
                f" — {html.escape(result.model_mortality_basis or '')}"
            )
        self.panel.show_result(
            headline,
            mortality,
            model,
            warnings=result.warnings,
            notes=result.notes,
            citations=result.citations,
        )


if __name__ == "__main__":
    from sjsref.ui.preview import preview

    preview(lambda citer: ScortenView(citer))
