"""Detached body-surface area: Lund-Browder by age, rule of nines, or the palm.

Each region row takes the percentage of that region that is detached (and,
for the chart, erythematous); an empty row is a region not affected. The
share of each region comes from ``sjsref.clinical.bsa_charts``; labels,
choices and Alt+letters from the calculator's spec.
``python -m sjsref.ui.bsa_view`` opens it alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QStackedWidget, QWidget

from sjsref.clinical import bsa, bsa_charts
from sjsref.clinical.bsa_charts import region_label
from sjsref.clinical.inputs import Location
from sjsref.clinical.numbers import format_number
from sjsref.clinical.registry import BSA
from sjsref.clinical.spec import CalculatorSpec
from sjsref.ui.calc_page import CalculatorPage
from sjsref.ui.fields import ChoiceBox, NumberField, form_label, with_mnemonic
from sjsref.ui.result_panel import Citer

PALM = "palm"  # the third method, which is a different input model
LUND, NINES = "lund", "nines"  # keys of the two charts' region fields


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

    def __init__(
        self,
        citer: Citer,
        spec: CalculatorSpec = BSA,
        parent: QWidget | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(spec, citer, parent=parent, **kwargs)
        methods = [*spec.input("method").choices, ("Patient's hand (palm method)", PALM)]
        self.method = self._choice_box("method", methods)
        self.form.addRow(self._label("method", self.method), self.method)
        age = NumberField("age_years", spec.input("age_years").label, "years")
        self.add_field(self._label("age_years", age), age)

        self.stack = QStackedWidget(self)
        self.lund = _RegionTable(
            LUND, list(bsa_charts.lund_browder(bsa_charts.AgeColumn.ADULT)), True, self
        )
        self.nines = _RegionTable(NINES, list(bsa_charts.RULE_OF_NINES), True, self)
        self.nines.set_shares(bsa_charts.RULE_OF_NINES)
        palm = QWidget(self)
        palm_form = QGridLayout(palm)
        count = NumberField("count", spec.input("count").label)
        self.surface = self._choice_box("surface", list(spec.input("surface").choices))
        sexes = [("Not given", None), *((t.capitalize(), v) for t, v in spec.input("sex").choices)]
        self.sex = self._choice_box("sex", sexes)
        for row, (name, widget) in enumerate(
            (("count", count), ("surface", self.surface), ("sex", self.sex))
        ):
            palm_form.addWidget(self._label(name, widget), row, 0)
            palm_form.addWidget(widget, row, 1)
        palm_form.setColumnStretch(1, 1)
        for page in (self.lund, self.nines, palm):
            self.stack.addWidget(page)
        self.left_layout.insertWidget(1, self.stack)
        for field in [*self.lund.fields, *self.nines.fields, count]:
            self.fields[field.name] = field
            field.changed.connect(self.recompute)
        self._order: list[str] = []  # the regions sent, in order: where an error points
        self.method.currentIndexChanged.connect(self._method_changed)
        self.surface.currentIndexChanged.connect(self.recompute)
        self.sex.currentIndexChanged.connect(self.recompute)
        self.recompute()

    def _choice_box(self, name: str, options: list[tuple[str, Any]]) -> ChoiceBox:
        return ChoiceBox(name, self.spec.input(name).label, options)

    def _label(self, name: str, buddy: QWidget) -> QLabel:
        spec = self.spec.input(name)
        return form_label(with_mnemonic(spec.label, spec.mnemonic), buddy)

    def _method_changed(self) -> None:
        self.stack.setCurrentIndex(self.method.currentIndex())
        self.recompute()

    def _rows(self) -> list[tuple[str, NumberField, NumberField | None]]:
        table = self.lund if self.method.value() == bsa.Method.LUND_BROWDER else self.nines
        return [(region, detached, red) for region, (detached, red) in table.rows.items()]

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
            values = {"count": count, "surface": self.surface.value(), "age_years": age}
            values["sex"] = self.sex.value()
            return bsa.from_palms(bsa.PalmInput(**values))
        entries: list[dict[str, Any]] = []
        for region, detached, red in self._rows():
            given = {"detached_percent": detached.value(), "erythema_percent": red and red.value()}
            if any(v is not None for v in given.values()):  # erythema alone asks for detached
                entries.append(
                    {"region": region, **{k: v for k, v in given.items() if v is not None}}
                )
        self._order = [str(e["region"]) for e in entries]
        if not entries and age is None:
            return None  # nothing typed yet: ask, without an error
        model = bsa.RegionsInput(method=self.method.value(), age_years=age, regions=entries)
        return bsa.from_regions(model) if entries else None

    def locate(self, loc: Location) -> str:
        if len(loc) >= 2 and loc[0] == "regions" and isinstance(loc[1], int):
            table = LUND if self.method.value() == bsa.Method.LUND_BROWDER else NINES
            kind = "erythema" if loc[-1] == "erythema_percent" else "detached"
            return f"{table}:{kind}:{self._order[loc[1]]}"
        return super().locate(loc)

    def prompt(self) -> tuple[str, str]:
        if self.method.value() == PALM:
            return "No area yet", "<p>Enter how many hand areas are detached.</p>"
        return "No area yet", "<p>Enter the detached % of each affected region.</p>"

    def reset_choices(self) -> None:
        self.method.setCurrentIndex(0)
        self.surface.setCurrentIndex(0)
        self.sex.setCurrentIndex(0)


if __name__ == "__main__":
    from sjsref.ui.preview import preview

    preview(lambda citer: BsaView(citer))
