"""Detached body-surface area: Lund-Browder by age, rule of nines, or the palm.

Each region row takes the percentage of that region that is detached (and,
for the chart, erythematous); an empty row is a region not affected. The
share of each region comes from ``sjsref.clinical.bsa_charts``.
``python -m sjsref.ui.bsa_view`` opens it alone.
"""

from __future__ import annotations

import html

from pydantic import ValidationError
from PySide6.QtWidgets import QGridLayout, QLabel, QStackedWidget, QWidget

from sjsref.clinical import bsa, bsa_charts
from sjsref.clinical.bsa_charts import region_label
from sjsref.clinical.numbers import format_number
from sjsref.clinical.registry import calculator
from sjsref.clinical.report import bsa_amount, classification_text
from sjsref.ui.calc_page import CalculatorPage
from sjsref.ui.fields import ChoiceBox, NumberField, form_label
from sjsref.ui.result_panel import Citer

PALM = "palm"  # the third method, which is a different input model
LUND, NINES = "lund", "nines"  # keys of the two charts' region fields
METHODS = [
    ("Lund-Browder chart (by age)", bsa.Method.LUND_BROWDER),
    ("Rule of nines (adults)", bsa.Method.RULE_OF_NINES),
    ("Patient's hand (palm method)", PALM),
]
SURFACES = [
    ("Palm with fingers (whole hand)", bsa.HandSurface.HAND),
    ("Palm alone, without fingers", bsa.HandSurface.PALM),
]
SEXES = [("Not given", None), ("Female", bsa.Sex.FEMALE), ("Male", bsa.Sex.MALE)]


class _RegionTable(QWidget):
    """One row per chart region: its share, % of it detached, % erythema."""

    def __init__(self, key: str, regions: list[str], erythema: bool, parent: QWidget) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        headers = ["Region", "Share of body", "Detached, % of region"]
        headers += ["Erythema, % of region"] if erythema else []
        for column, text in enumerate(headers):
            header = QLabel(f"<b>{text}</b>", self)
            header.setWordWrap(True)
            grid.addWidget(header, 0, column)
        self.shares: dict[str, QLabel] = {}
        self.fields: list[NumberField] = []
        # Both charts have e.g. an anterior trunk: each field name carries its
        # chart's key so one chart's field never stands in for the other's.
        self.rows: dict[str, tuple[NumberField, NumberField | None]] = {}
        for row, region in enumerate(regions, start=1):
            name = region_label(region)
            # No status room kept in a table row: a row grows only for an error.
            detached = NumberField(
                f"{key}:detached:{region}", f"{name}: detached percent of region", status_lines=0
            )
            label = form_label(name, detached)
            label.setWordWrap(False)  # a wrapped name is clipped by the fixed row height
            grid.addWidget(label, row, 0)
            self.shares[region] = QLabel("—", self)
            grid.addWidget(self.shares[region], row, 1)
            grid.addWidget(detached, row, 2)
            self.fields.append(detached)
            red = None
            if erythema:
                red = NumberField(
                    f"{key}:erythema:{region}",
                    f"{name}: erythema percent of region",
                    status_lines=0,
                )
                grid.addWidget(red, row, 3)
                self.fields.append(red)
            self.rows[region] = (detached, red)
        grid.setColumnStretch(4, 1)

    def set_shares(self, shares: dict[str, float] | None) -> None:
        for region, label in self.shares.items():
            label.setText("—" if shares is None else f"{format_number(shares[region])} %")


class BsaView(CalculatorPage):
    """Detached BSA by chart or by hand areas, then its classification."""

    def __init__(self, citer: Citer, parent: QWidget | None = None, **kwargs) -> None:
        super().__init__(calculator("bsa"), citer, parent=parent, **kwargs)
        self.method = ChoiceBox("method", "Method", METHODS)
        self.form.addRow(form_label("&Method", self.method), self.method)
        age = NumberField("age_years", "Age in years", "years")
        self.add_field(form_label("&Age", age), age)

        self.stack = QStackedWidget(self)
        self.lund = _RegionTable(
            LUND, list(bsa_charts.lund_browder(bsa_charts.AgeColumn.ADULT)), True, self
        )
        self.nines = _RegionTable(NINES, list(bsa_charts.RULE_OF_NINES), True, self)
        self.nines.set_shares(bsa_charts.RULE_OF_NINES)
        palm = QWidget(self)
        palm_form = QGridLayout(palm)
        count = NumberField("count", "Number of the patient's hand areas detached")
        self.surface = ChoiceBox("surface", "Hand surface used", SURFACES)
        self.sex = ChoiceBox("sex", "Sex", SEXES)
        for row, (text, widget) in enumerate(
            (("Hand &areas detached", count), ("Hand &surface", self.surface), ("S&ex", self.sex))
        ):
            palm_form.addWidget(form_label(text, widget), row, 0)
            palm_form.addWidget(widget, row, 1)
        palm_form.setColumnStretch(1, 1)
        for page in (self.lund, self.nines, palm):
            self.stack.addWidget(page)
        self.left_layout.insertWidget(1, self.stack)
        for field in [*self.lund.fields, *self.nines.fields, count]:
            self.fields[field.name] = field
            field.changed.connect(self.recompute)
        self.method.currentIndexChanged.connect(self._method_changed)
        self.surface.currentIndexChanged.connect(self.recompute)
        self.sex.currentIndexChanged.connect(self.recompute)
        self.recompute()

    def _method_changed(self) -> None:
        self.stack.setCurrentIndex(self.method.currentIndex())
        self.recompute()

    def _rows(self) -> list[tuple[str, NumberField, NumberField | None]]:
        table = self.lund if self.method.value() == bsa.Method.LUND_BROWDER else self.nines
        return [(region, detached, red) for region, (detached, red) in table.rows.items()]

    def _entry(self, region: str, detached: object, erythema: object) -> bsa.RegionEntry:
        given = {"detached_percent": detached, "erythema_percent": erythema}
        return bsa.RegionEntry(region=region, **{k: v for k, v in given.items() if v is not None})

    def _update_shares(self) -> None:
        age = self.fields["age_years"].value()
        try:
            column = bsa_charts.age_column(age) if isinstance(age, float) else None
        except ValueError:
            column = None
        self.lund.set_shares(None if column is None else bsa_charts.lund_browder(column))

    def compute(self) -> bsa.BsaResult | None:
        self._update_shares()
        age = self.fields["age_years"].value()
        if self.method.value() == PALM:
            count = self.fields["count"].value()
            if count is None:
                return None
            return bsa.from_palms(
                bsa.PalmInput(
                    count=count, surface=self.surface.value(), sex=self.sex.value(), age_years=age
                )
            )
        entries = [(region, d.value(), e.value() if e else None) for region, d, e in self._rows()]
        entries = [(r, d, e) for r, d, e in entries if d is not None or e is not None]
        if not entries:
            if age is not None:  # check a typed age now; ask for a missing one only later
                bsa.RegionsInput(method=self.method.value(), age_years=age, regions=[])
            return None
        regions = [self._entry(r, d, e) for r, d, e in entries]
        return bsa.from_regions(
            bsa.RegionsInput(method=self.method.value(), age_years=age, regions=regions)
        )

    def prompt(self) -> tuple[str, str]:
        if self.method.value() == PALM:
            return "No area yet", "<p>Enter how many hand areas are detached.</p>"
        return "No area yet", "<p>Enter the detached % of each affected region.</p>"

    def check_one(self, name: str) -> None:
        value = self.fields[name].value()
        table, _, rest = name.partition(":")
        kind, _, region = rest.partition(":")
        method = self.method.value()
        if name == "age_years" and method == PALM:
            bsa.PalmInput(count=0, age_years=value)
        elif name == "age_years" and (value is not None or self._any_region()):
            bsa.RegionsInput(method=method, age_years=value, regions=[])
        elif name == "count" and method == PALM:
            bsa.PalmInput(count=value)
        elif kind == "detached":
            red = self.fields.get(f"{table}:erythema:{region}")
            erythema = red.value() if red else None
            if value is not None or erythema is not None:  # erythema alone: ask for detached
                self._entry(region, value, erythema)
        elif kind == "erythema" and value is not None:
            self._entry(region, self.fields[f"{table}:detached:{region}"].value() or 0, value)

    def _any_region(self) -> bool:
        return any(
            d.value() is not None or (e is not None and e.value() is not None)
            for _, d, e in self._rows()
        )

    def reset_choices(self) -> None:
        self.method.setCurrentIndex(0)
        self.surface.setCurrentIndex(0)
        self.sex.setCurrentIndex(0)

    def present(self, result: bsa.BsaResult) -> None:
        category = classification_text(
            result.classification, result.classification_if_spots, result.classification_if_no_spots
        )
        method = result.method_label
        if result.age_column_label:
            method += f", {result.age_column_label}"
        detail = f"<p>Method: {html.escape(method)}</p>"
        if result.erythema_bsa_percent:
            detail += (
                f"<p>Erythema (recorded, not counted): "
                f"{format_number(result.erythema_bsa_percent)} % BSA</p>"
            )
        if result.regions:
            rows = "".join(
                f"<tr><td>{html.escape(s.label)}</td>"
                f"<td align='right'>{format_number(s.detached_percent_of_region, 4)} %</td>"
                f"<td align='right'>{format_number(s.detached_bsa_percent, 2)} %</td></tr>"
                for s in result.regions
            )
            detail += (
                "<table cellpadding='3'><tr><th align='left'>Region</th>"
                "<th>of region</th><th>of body</th></tr>" + rows + "</table>"
            )
        self.panel.show_result(
            html.escape(f"Detached {bsa_amount(result)} BSA"),
            f"<b>Classification: {html.escape(category)}</b>",
            detail=detail,
            warnings=result.warnings,
            notes=result.notes,
            citations=result.citations,
        )


__all__ = ["BsaView", "ValidationError"]

if __name__ == "__main__":
    from sjsref.ui.preview import preview

    preview(lambda citer: BsaView(citer))
