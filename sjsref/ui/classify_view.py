"""Classification: SJS, SJS/TEN overlap or TEN from detached BSA and spots.

``python -m sjsref.ui.classify_view`` opens it alone.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QWidget

from sjsref.clinical.classification import ClassifyInput, ClassifyResult, classify
from sjsref.clinical.registry import calculator
from sjsref.clinical.rules import format_number
from sjsref.ui.calc_page import CalculatorPage
from sjsref.ui.fields import NumberField, YesNoField, form_label
from sjsref.ui.result_panel import Citer


class ClassifyView(CalculatorPage):
    """Classification form; needs the detached area and an answer on spots (no default)."""

    def __init__(self, citer: Citer, parent: QWidget | None = None, **kwargs) -> None:
        super().__init__(calculator("classify"), citer, parent=parent, **kwargs)
        bsa = NumberField("detached_bsa_percent", "Detached body-surface area, percent", "% BSA")
        self.add_field(form_label("&Detached + detachable BSA", bsa), bsa)
        spots = YesNoField("spots", "Spots: purpuric macules or flat atypical targets")
        self.add_field(
            form_label("&Spots (purpuric macules or flat atypical targets)", spots), spots
        )
        self.recompute()

    def compute(self) -> ClassifyResult | None:
        bsa = self.fields["detached_bsa_percent"].value()
        spots = self.fields["spots"].value()
        if bsa is None or spots is None:
            return None  # both must be answered: no silent default for spots
        return classify(ClassifyInput(detached_bsa_percent=bsa, spots=spots))

    def prompt(self) -> tuple[str, str]:
        missing = [
            label
            for name, label in (("detached_bsa_percent", "detached BSA"), ("spots", "spots"))
            if self.fields[name].value() is None
        ]
        return "Not classified yet", f"<p>⚠ Incomplete: answer {' and '.join(missing)}.</p>"

    def check_one(self, name: str) -> None:
        if name == "detached_bsa_percent":
            ClassifyInput(detached_bsa_percent=self.fields[name].value())

    def present(self, result: ClassifyResult) -> None:
        spots = "with spots" if result.spots else "without spots (large sheets)"
        self.panel.show_result(
            html.escape(result.classification.value),
            f"Detached {format_number(result.detached_bsa_percent)} % BSA, {spots}",
            detail=f"<p><b>Rule:</b> {html.escape(result.rule)}</p>",
            warnings=result.warnings,
            notes=result.notes,
            citations=result.citations,
        )


if __name__ == "__main__":
    from sjsref.ui.preview import preview

    preview(lambda citer: ClassifyView(citer))
