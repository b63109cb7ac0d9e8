"""Classification: SJS, SJS/TEN overlap or TEN from detached BSA and spots.

Spots are never assumed: until they are answered, a detachment where they
decide the class shows both classes and the rule between them.
``python -m sjsref.ui.classify_view`` opens it alone.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QWidget

from sjsref.clinical.classification import ClassifyInput, ClassifyResult, classify, shown_bsa
from sjsref.clinical.registry import calculator
from sjsref.clinical.report import classification_text, spots_text
from sjsref.ui.calc_page import CalculatorPage
from sjsref.ui.fields import NumberField, YesNoField, form_label
from sjsref.ui.result_panel import Citer


class ClassifyView(CalculatorPage):
    """Classification form; needs the detached area, and spots where they decide."""

    def __init__(self, citer: Citer, parent: QWidget | None = None, **kwargs: Any) -> None:
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
        if bsa is None:
            return None
        return classify(ClassifyInput(detached_bsa_percent=bsa, spots=self.fields["spots"].value()))

    def prompt(self) -> tuple[str, str]:
        return "Not classified yet", "<p>⚠ Incomplete: enter the detached BSA.</p>"

    def present(self, result: ClassifyResult) -> None:
        shown = classification_text(
            result.classification, result.classification_if_spots, result.classification_if_no_spots
        )
        self.panel.show_result(
            html.escape(shown[:1].upper() + shown[1:]),
            html.escape(
                f"Detached {shown_bsa(result.detached_bsa_percent)} BSA, {spots_text(result.spots)}"
            ),
            detail=f"<p><b>Rule:</b> {html.escape(result.rule)}</p>",
            warnings=result.warnings,
            notes=result.notes,
            citations=result.citations,
        )


if __name__ == "__main__":
    from sjsref.ui.preview import preview

    preview(lambda citer: ClassifyView(citer))
