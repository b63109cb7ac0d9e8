"""What every calculator page shares: form on the left, result on the right.

A page collects its inputs, calls one function of ``sjsref.clinical`` and
shows what comes back. Invalid input is marked at its field with the clinical
layer's message, and no result is shown until it is corrected.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sjsref.clinical.inputs import field_errors
from sjsref.clinical.numbers import format_number
from sjsref.clinical.registry import CalculatorInfo
from sjsref.clinical.report import chart_note
from sjsref.clinical.results import MortalityRow, ScoreResult
from sjsref.ui.fields import Field, NumberField, criterion_status
from sjsref.ui.lab_field import LabField
from sjsref.ui.result_panel import Citer, ResultPanel

COPY_SHORTCUT = "Ctrl+Shift+C"
INVALID_TEXT = "No result: correct the marked field first."


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class CalculatorPage(QWidget):
    """Base of the calculator views; subclasses build the form and compute.

    Args:
        info: The calculator's registry entry (name, purpose).
        citer: Turns citation keys into numbered links.
        clock: Gives the time stamped on the chart note.
    """

    linkActivated = Signal(str)
    computed = Signal()
    message = Signal(str)  # a short confirmation for the status bar

    def __init__(
        self,
        info: CalculatorInfo,
        citer: Citer,
        clock: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.info = info
        self.setObjectName(f"calc_{info.id}")
        self._clock = clock
        self.fields: dict[str, Field] = {}
        self.result: Any = None
        outer = QVBoxLayout(self)
        title = QLabel(f"<h1>{html.escape(info.name)}</h1>", self)
        purpose = QLabel(info.purpose, self)
        purpose.setTextFormat(Qt.TextFormat.PlainText)
        purpose.setWordWrap(True)
        outer.addWidget(title)
        outer.addWidget(purpose)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)

        left = QWidget(self)
        self.left_layout = QVBoxLayout(left)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.left_layout.addLayout(self.form)
        self.form_error = QLabel(self)
        self.form_error.setObjectName("form_error")
        self.form_error.setWordWrap(True)
        self.form_error.setVisible(False)
        self.left_layout.addWidget(self.form_error)
        buttons = QHBoxLayout()
        self.clear_button = QPushButton("&Clear", self)
        self.clear_button.setObjectName("clear")
        self.clear_button.setToolTip("Empty every field and choice of this calculator")
        self.copy_button = QPushButton("Copy chart note", self)
        self.copy_button.setObjectName("copy")
        self.copy_button.setToolTip(f"Copy the result as text for the chart ({COPY_SHORTCUT})")
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        self.left_layout.addLayout(buttons)
        self.left_layout.addStretch(1)

        self.panel = ResultPanel(citer, self)
        self.panel.linkActivated.connect(self.linkActivated)
        columns.addWidget(_scrolled(left), 1)
        columns.addWidget(_scrolled(self.panel), 1)

        self.clear_button.clicked.connect(self.clear)
        self.copy_button.clicked.connect(self.copy_note)
        shortcut = QShortcut(QKeySequence(COPY_SHORTCUT), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.copy_note)

    # -- what subclasses provide ------------------------------------------------

    def compute(self) -> Any:
        """Collect the inputs and call the clinical layer (may raise ValidationError).

        None means the form does not yet hold what any result needs; :meth:`prompt`
        then says what to enter.
        """
        raise NotImplementedError

    def present(self, result: Any) -> None:
        """Show a result on the panel and at the fields."""
        raise NotImplementedError

    def prompt(self) -> tuple[str, str]:
        """Headline and detail (HTML) shown while :meth:`compute` returns None."""
        return "No result yet", ""

    def check_one(self, name: str) -> None:
        """Validate one field alone (raises ValidationError); locates model-level errors."""

    # -- shared behaviour -------------------------------------------------------

    def focus_first_field(self) -> None:
        """Put the cursor in the first input, ready to type (opened from search)."""
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_field(self, label: QLabel, field: Field) -> None:
        self.fields[field.name] = field
        self.form.addRow(label, field)
        field.changed.connect(self.recompute)

    def recompute(self) -> None:
        for field in self.fields.values():
            field.set_error(None)
        self.form_error.setText("")
        self.form_error.setVisible(False)
        unreadable = {n: f.parse_error() for n, f in self.fields.items() if f.parse_error()}
        try:
            if unreadable:
                raise _Unreadable()
            result = self.compute()
        except (ValidationError, _Unreadable) as exc:
            self.result = None
            for field in self.fields.values():
                field.set_status("")  # met/not met of a rejected value would mislead
            if isinstance(exc, ValidationError):
                self._show_errors(exc)
            for name, message in unreadable.items():
                self.fields[name].set_error(message)
            self.panel.show_invalid(INVALID_TEXT)
        else:
            self.result = result
            if result is None:
                headline, detail = self.prompt()
                citations = list(self.info.citation_keys)
                self.panel.show_result(headline, detail=detail, citations=citations)
            else:
                self.present(result)
        self.copy_button.setEnabled(self.result is not None)
        self.computed.emit()

    def _show_errors(self, exc: ValidationError) -> None:
        general = []
        for name, message in field_errors(exc):
            if name in self.fields:
                self.fields[name].set_error(message)
            else:
                general.append(message)
        if general:
            # A rule checked on the whole form (e.g. a value and its unit): ask
            # each field alone which of them it was.
            placed = set()
            for name, field in self.fields.items():
                try:
                    self.check_one(name)
                except ValidationError as one:
                    messages = [m for _, m in field_errors(one)]
                    field.set_error(" ".join(messages))
                    placed.update(messages)
            general = [m for m in general if m not in placed]
        if general:
            self.form_error.setText("⚠ Invalid: " + " ".join(general))
            self.form_error.setVisible(True)

    def clear(self) -> None:
        """Empty every field and put each per-patient choice back (day, method, sex)."""
        self.reset_choices()
        for field in self.fields.values():
            field.blockSignals(True)
            field.clear()
            field.blockSignals(False)
        self.recompute()
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus()

    def reset_choices(self) -> None:
        """Hook: put per-patient choices (day, method, sex) back to where a new patient starts."""

    def new_patient(self) -> None:
        """Empty every field and per-patient choice; unit preferences stay."""
        self.clear()

    def commit_all(self) -> None:
        """Take every half-typed number as entered (before copying what is shown)."""
        for field in self.fields.values():
            if isinstance(field, NumberField):
                field.commit()

    def chart_note(self) -> str | None:
        self.commit_all()
        if self.result is None:
            return None
        return chart_note(self.result, self._clock())

    def copy_note(self) -> None:
        note = self.chart_note()
        if note is None:
            self.message.emit("Nothing copied: correct the marked field first.")
            return
        QGuiApplication.clipboard().setText(note)
        self.message.emit(f"Chart note copied: {self.info.name}")

    def show_score(self, result: ScoreResult, criterion_field: dict[str, str]) -> None:
        """Mark each criterion at its field (shared by SCORTEN and ABCD-10)."""
        for criterion in result.criteria:
            field = self.fields.get(criterion_field.get(criterion.id, ""))
            if field is not None:
                field.set_status(
                    criterion_status(
                        criterion.met,
                        criterion.answered,
                        criterion.threshold or "",
                        criterion.points,
                        criterion.pending,
                    )
                )
        queries = {q.input: q for q in result.units_to_confirm}
        for field in self.fields.values():
            if isinstance(field, LabField):
                field.show_query(queries.get(field.name))


def percent(value: float) -> str:
    return f"{format_number(value)} %"


def mortality_table_html(rows: list[MortalityRow]) -> str:
    """The observed score-to-mortality table, the patient's band marked in words and bold."""
    if not rows:
        return ""
    body = ""
    for row in rows:
        lo, hi = row.ci95
        cells = [
            (row.scores, "left"),
            (f"{row.deaths} of {row.patients}", "right"),
            (percent(row.percent), "right"),
            (f"{format_number(lo)}–{format_number(hi)} %", "right"),
            ("◀ this patient" if row.patient else "", "left"),
        ]
        mark = ("<b>", "</b>") if row.patient else ("", "")
        body += (
            "<tr>"
            + "".join(f"<td align='{align}'>{mark[0]}{text}{mark[1]}</td>" for text, align in cells)
            + "</tr>"
        )
    return (
        "<p><b>Observed mortality by score</b> (development sample)</p>"
        "<table cellpadding='3'><tr><th align='left'>Score</th><th>Died</th>"
        "<th>Mortality</th><th>95 % CI</th><th></th></tr>" + body + "</table>"
    )


class _Unreadable(Exception):
    """A field holds text the number reader refuses; its message is at the field."""
