"""What every calculator page shares: form on the left, result on the right.

A page collects its inputs, runs its calculator's spec once and shows what
comes back. Invalid input is marked at its field with the clinical layer's
message (each error carries its location), and no result is shown until it is
corrected.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sjsref.clinical.assessment import Assessment, assessment
from sjsref.clinical.bsa import BsaResult
from sjsref.clinical.classification import ClassifyResult
from sjsref.clinical.inputs import Location, located_errors
from sjsref.clinical.next_steps import next_steps
from sjsref.clinical.report import chart_note
from sjsref.clinical.results import ScoreResult
from sjsref.clinical.spec import CalculatorSpec
from sjsref.ui import focus, presenters
from sjsref.ui.columns import FormAndResult
from sjsref.ui.fields import Field, NumberField, criterion_status
from sjsref.ui.lab_field import LabField
from sjsref.ui.result_panel import Citer, ResultPanel

COPY_SHORTCUT = "Ctrl+Shift+C"
INVALID_TEXT = "No result: correct the marked field first."


class CalculatorPage(QWidget):
    """Base of the calculator views; subclasses build the form and compute.

    Args:
        spec: The calculator's spec (name, purpose, inputs, run).
        citer: Turns citation keys into numbered links.
        clock: Gives the time stamped on the chart note.
    """

    linkActivated = Signal(str)
    computed = Signal()
    message = Signal(str)  # a short confirmation for the status bar

    def __init__(
        self,
        spec: CalculatorSpec,
        citer: Citer,
        clock: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.info = info = spec.info
        self.setObjectName(f"calc_{info.id}")
        self._clock = clock
        self.fields: dict[str, Field] = {}
        self.result: Any = None
        outer = QVBoxLayout(self)
        title = QLabel(f"<h1>{html.escape(info.name)}</h1>", self)
        purpose = QLabel(info.purpose, self)
        purpose.setTextFormat(Qt.TextFormat.PlainText)
        purpose.setWordWrap(True)
        title.setWordWrap(True)  # a long name at a large zoom must not widen the page
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
        self.columns = FormAndResult(self, left, self.left_layout, self.form, self.panel)
        columns.addWidget(self.columns.form_area, 1)
        columns.addWidget(self.columns.result_area, 1)

        self.clear_button.clicked.connect(self.clear)
        self.copy_button.clicked.connect(self.copy_note)
        shortcut = QShortcut(QKeySequence(COPY_SHORTCUT), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.copy_note)

    # -- what subclasses provide ------------------------------------------------

    def values(self) -> dict[str, Any] | None:
        """``{input: value}`` from the form, or None while it lacks what any result needs."""
        raise NotImplementedError

    def compute(self) -> BaseModel | None:
        """Run the calculator on the form (may raise ValidationError); None: see :meth:`prompt`."""
        values = self.values()
        return None if values is None else self.spec.run(values)

    def present(self, result: BaseModel) -> None:
        """Show a result on the panel and at the fields, and the sections to read next."""
        if isinstance(result, ScoreResult):
            self.show_score(result)
            self.display(presenters.score(result))
        elif isinstance(result, ClassifyResult):
            self.display(presenters.classify(result))
        elif isinstance(result, BsaResult):
            self.display(presenters.bsa(result))
        self.panel.show_next_steps(next_steps(result))

    def prompt(self) -> tuple[str, str]:
        """Headline and detail (HTML) shown while :meth:`compute` returns None."""
        return "No result yet", ""

    def locate(self, loc: Location) -> str:
        """The field an error at ``loc`` belongs to (a field name, or "" for none)."""
        return str(loc[0]) if loc else ""

    # -- shared behaviour -------------------------------------------------------

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab steps through the page's own order: fields, Copy, Clear, the result."""
        return focus.step(self, next) or super().focusNextPrevChild(next)

    def focus_in(self) -> None:
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

    def errors(self, exc: ValidationError) -> list[tuple[Location, str]]:
        """Each error's location and message, its field named as the form labels it."""
        return located_errors(exc, self.spec.field_labels())

    def _show_errors(self, exc: ValidationError) -> None:
        general = []
        for loc, message in self.errors(exc):
            field = self.fields.get(self.locate(loc))
            if field is not None:
                field.set_error(message)
            else:
                general.append(message)
        if general:
            self.form_error.setText("⚠ Invalid: " + " ".join(general))
            self.form_error.setVisible(True)

    def display(self, shown: presenters.Shown) -> None:
        self.panel.show_result(
            shown.headline,
            shown.mortality,
            shown.model,
            detail=shown.detail,
            warnings=shown.warnings,
            notes=shown.notes,
            citations=shown.citations,
        )

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
        return chart_note(self.result, self._clock(), self.panel.citer.short_names())

    def now(self) -> datetime:
        """The time stamped on what this page copies or prints."""
        return self._clock()

    def assessment(self) -> Assessment | None:
        """What a printout of this page holds, or None while there is no result."""
        self.commit_all()
        if self.result is None:
            return None
        return assessment(self.result, self.info.name)

    def copy_note(self) -> None:
        note = self.chart_note()
        if note is None:
            self.message.emit("Nothing copied: correct the marked field first.")
            return
        QGuiApplication.clipboard().setText(note)
        self.message.emit(f"Chart note copied: {self.info.name}")

    def show_score(self, result: ScoreResult) -> None:
        """Mark each criterion at the field of the input that answers it."""
        answers = {s.criterion: s.name for s in self.spec.inputs if s.criterion}
        for criterion in result.criteria:
            field = self.fields.get(answers.get(criterion.id, ""))
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


class _Unreadable(Exception):
    """A field holds text the number reader refuses; its message is at the field."""
