"""ABCD-10 predictors: the five predictors, each shown met or not met.

The clinical layer withholds the point weights and the predicted mortality
(they could not be verified); the page says so in one line under its headline.
``python -m sjsref.ui.abcd10_view`` opens it alone.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QWidget

from sjsref.clinical import abcd10
from sjsref.clinical.registry import calculator
from sjsref.clinical.report import score_headline
from sjsref.clinical.results import ScoreResult
from sjsref.ui.calc_page import CalculatorPage
from sjsref.ui.fields import NumberField, YesNoField, form_label
from sjsref.ui.result_panel import Citer

CRITERION_FIELD = {
    "age": "age_years",
    "bicarbonate": "bicarbonate_mmol_l",
    "cancer": "active_cancer",
    "dialysis": "dialysis_before_admission",
    "detached_bsa": "detached_bsa_percent",
}


class Abcd10View(CalculatorPage):
    """ABCD-10 predictors form; predictors met or not, no points, no mortality."""

    def __init__(self, citer: Citer, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(calculator("abcd10"), citer, parent=parent, **kwargs)
        age = NumberField("age_years", "Age in years", "years")
        self.add_field(form_label("&Age", age), age)
        bicarbonate = NumberField("bicarbonate_mmol_l", "Serum bicarbonate in mmol/L", "mmol/L")
        self.add_field(form_label("Serum &bicarbonate", bicarbonate), bicarbonate)
        cancer = YesNoField("active_cancer", "Active cancer")
        self.add_field(form_label("Active &cancer", cancer), cancer)
        dialysis = YesNoField("dialysis_before_admission", "Dialysis before admission")
        self.add_field(form_label("D&ialysis before admission", dialysis), dialysis)
        bsa = NumberField("detached_bsa_percent", "Detached body-surface area, percent", "% BSA")
        self.add_field(form_label("&Detached BSA", bsa), bsa)
        self.recompute()

    def _values(self) -> dict[str, object]:
        return {name: field.value() for name, field in self.fields.items()}

    def compute(self) -> ScoreResult:
        return abcd10.compute(abcd10.Abcd10Input(**self._values()))

    def present(self, result: ScoreResult) -> None:
        self.show_score(result, CRITERION_FIELD)
        met = [c for c in result.criteria if c.met]
        detail = "<p><b>Predictors met:</b> " + (
            ", ".join(html.escape(c.label) for c in met) if met else "none"
        )
        self.panel.show_result(
            html.escape(score_headline(result)),
            html.escape(abcd10.WITHHELD),
            detail=detail + "</p>",
            # The withheld message is already the sub-headline; keep the others.
            warnings=[w for w in result.warnings if w.text != abcd10.WITHHELD],
            notes=result.notes,
            citations=result.citations,
        )


if __name__ == "__main__":
    from sjsref.ui.preview import preview

    preview(lambda citer: Abcd10View(citer))
