"""Detached body-surface area: Lund-Browder by age, rule of nines, or the palm.

Each region row takes the percentage of that region that is detached (and
erythematous); an empty row is a region not affected. For the Lund-Browder
chart a body map (``body_map``) above the rows marks the same regions by mouse
and is kept in step with them both ways. The share of each region comes from
``sjsref.clinical.bsa_charts``; labels, choices and Alt+letters from the spec.
The detached figure can be carried into SCORTEN, ABCD-10 or classification.
``python -m sjsref.ui.bsa_view`` opens it alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sjsref.clinical import bsa, bsa_charts
from sjsref.clinical.assessment import Assessment
from sjsref.clinical.bsa_charts import region_label
from sjsref.clinical.inputs import Location
from sjsref.clinical.numbers import format_number, format_typed
from sjsref.clinical.registry import BSA
from sjsref.clinical.spec import CalculatorSpec
from sjsref.ui import focus
from sjsref.ui.body_map import BodyMapPanel
from sjsref.ui.calc_page import CalculatorPage
from sjsref.ui.fields import ChoiceBox, NumberField, form_label, with_mnemonic
from sjsref.ui.result_panel import Citer

PALM = "palm"  # the third method, which is a different input model
LUND, NINES = "lund", "nines"  # keys of the two charts' region fields
DETACHED_FIELD = "detached_bsa_percent"  # where SCORTEN, ABCD-10 and classification take it
# The calculators the detached BSA can be carried to, as their buttons read.
CARRY_TARGETS = (("scorten", "SCORTEN"), ("abcd10", "ABCD-10"), ("classify", "Classification"))


class _CarryRow(QWidget):
    """'Use this detached BSA in: SCORTEN, ABCD-10, Classification'."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        self.label = QLabel("Use this detached BSA in:", self)
        column.addWidget(self.label)
        row = QHBoxLayout()
        column.addLayout(row)
        self.buttons: dict[str, QPushButton] = {}
        for calc_id, name in CARRY_TARGETS:
            button = QPushButton(name, self)
            button.setObjectName(f"carry_{calc_id}")
            button.setAccessibleName(f"Use this detached BSA in {name}")
            button.clicked.connect(lambda _checked=False, c=calc_id: self.chosen.emit(c))
            self.buttons[calc_id] = button
            row.addWidget(button)
        row.addStretch(1)
        self.set_value(None)

    def set_value(self, value: float | None) -> None:
        """Offer the buttons only for a single figure (not a range, not an invalid form)."""
        for button in self.buttons.values():
            button.setEnabled(value is not None)
            button.setToolTip(
                "Needs a single detached BSA: correct the form, or give the sex for the palm method"
                if value is None
                else f"Open it with {format_typed(value)} % BSA filled in"
            )


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
    """Detached BSA by chart or by hand areas, then its classification.

    ``carry(calc_id, field, value, note)`` asks the window to put the detached
    BSA into another calculator's field.
    """

    carry = Signal(str, str, float, str)
    carry_source = "BSA calculator"  # how a calculator holding its figure names it

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

        # Above the "use this BSA" row: the map (chart), the nines table or the
        # hand fields; below it, the Lund-Browder table the map keeps in step.
        self.stack = QStackedWidget(self)
        self.body = BodyMapPanel(self)
        self.map = self.body.map
        self.lund = _RegionTable(
            LUND, list(bsa_charts.lund_browder(bsa_charts.AgeColumn.ADULT)), True, self
        )
        self.nines = _RegionTable(NINES, list(bsa_charts.RULE_OF_NINES), True, self)
        self.nines.set_shares(bsa_charts.RULE_OF_NINES)
        palm, count = self._palm_page()
        for page in (self.body, self.nines, palm):
            self.stack.addWidget(page)
        self.carry_row = _CarryRow(self)
        focus.mark_actions(self.carry_row)  # its buttons come after Copy and Clear
        for at, widget in enumerate((self.stack, self.carry_row, self.lund), start=1):
            self.left_layout.insertWidget(at, widget)
        for field in [*self.lund.fields, *self.nines.fields, count]:
            self.fields[field.name] = field
            field.changed.connect(self.recompute)
        for region, pair in self.lund.rows.items():
            for typed in pair:
                if typed is not None:
                    typed.changed.connect(lambda r=region: self._form_to_map(r))
        self.map.edited.connect(self._map_to_form)
        self.carry_row.chosen.connect(self._carry)
        self.computed.connect(self._update_carry)
        self._order: list[str] = []  # the regions sent, in order: where an error points
        self.method.currentIndexChanged.connect(self._method_changed)
        self.surface.currentIndexChanged.connect(self.recompute)
        self.sex.currentIndexChanged.connect(self.recompute)
        self._method_changed()

    def _palm_page(self) -> tuple[QWidget, NumberField]:
        """Hand areas, hand and sex together at the top (not spread down the chart's height)."""
        palm = QWidget(self)
        palm_form = QGridLayout(palm)
        palm_form.setContentsMargins(0, 0, 0, 0)
        count = NumberField("count", self.spec.input("count").label)
        self.surface = self._choice_box("surface", list(self.spec.input("surface").choices))
        sexes = [
            ("Not given", None),
            *((t.capitalize(), v) for t, v in self.spec.input("sex").choices),
        ]
        self.sex = self._choice_box("sex", sexes)
        rows = (("count", count), ("surface", self.surface), ("sex", self.sex))
        for row, (name, widget) in enumerate(rows):
            palm_form.addWidget(self._label(name, widget), row, 0)
            palm_form.addWidget(widget, row, 1)
        palm_form.setColumnStretch(1, 1)
        palm_form.setRowStretch(len(rows), 1)
        return palm, count

    def _choice_box(self, name: str, options: list[tuple[str, Any]]) -> ChoiceBox:
        return ChoiceBox(name, self.spec.input(name).label, options)

    def _label(self, name: str, buddy: QWidget) -> QLabel:
        spec = self.spec.input(name)
        return form_label(with_mnemonic(spec.label, spec.mnemonic), buddy)

    def _method_changed(self) -> None:
        index = self.method.currentIndex()
        self.stack.setCurrentIndex(index)
        # A stack is as tall as its tallest page unless the hidden ones are ignored.
        for at in range(self.stack.count()):
            policy = QSizePolicy.Policy.Preferred if at == index else QSizePolicy.Policy.Ignored
            page = self.stack.widget(at)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.stack.adjustSize()
        self.lund.setVisible(self.method.value() == bsa.Method.LUND_BROWDER)
        self.recompute()

    # -- the map and the Lund-Browder table, kept in step -------------------------

    def _map_to_form(self, region: str) -> None:
        """The map changed a region: write it in the region's row, then compute once."""
        detached_field, red_field = self.lund.rows[region]
        detached, erythema = self.map.region_values(region)
        # A region with erythema alone is 0 % detached, not unanswered.
        texts = (
            format_typed(detached) if detached or erythema else "",
            format_typed(erythema) if erythema else "",
        )
        for field, text in zip((detached_field, red_field), texts, strict=True):
            if field is not None:
                field.blockSignals(True)
                field.set_text(text)
                field.blockSignals(False)
        self.recompute()

    def _form_to_map(self, region: str) -> None:
        detached_field, red_field = self.lund.rows[region]
        values = [f.value() if f is not None else None for f in (detached_field, red_field)]
        self.map.set_region(region, *(v if isinstance(v, float) else 0.0 for v in values))

    # -- carrying the figure to another calculator --------------------------------

    def offered(self) -> float | None:
        """The single detached BSA this page would carry now (None: a range or no result)."""
        result = self.result
        return result.detached_bsa_percent if isinstance(result, bsa.BsaResult) else None

    def _update_carry(self) -> None:
        self.carry_row.set_value(self.offered())

    def _carry(self, calc_id: str) -> None:
        result = self.result
        if not isinstance(result, bsa.BsaResult) or result.detached_bsa_percent is None:
            return
        method = result.method_label
        if result.age_column_label:
            method += f", {result.age_column_label}"
        note = f"from {self.carry_source}: {method}"
        self.carry.emit(calc_id, DETACHED_FIELD, result.detached_bsa_percent, note)

    def assessment(self) -> Assessment | None:
        """The printout, with the age typed: it chose the chart's column."""
        page = super().assessment()
        age = self.fields["age_years"].value()
        if page is not None and isinstance(age, float):
            page.blocks[0].lines.insert(0, f"Age: {format_typed(age)} years")
        return page

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
        self.map.set_column(column)

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
        self.body.reset()
        self.method.setCurrentIndex(0)
        self.surface.setCurrentIndex(0)
        self.sex.setCurrentIndex(0)


if __name__ == "__main__":
    from sjsref.ui.preview import preview

    preview(lambda citer: BsaView(citer))
