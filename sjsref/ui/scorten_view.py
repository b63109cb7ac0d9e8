"""SCORTEN with a day of its own for each day of admission, and day 1 against day 3.

The generated form, plus: each day (the "Day of admission" choice) keeps its
own inputs, so day 1 and day 3 are entered apart and each is scored by the
same compute. A strip beside the form sets both scores side by side with the
change and what Guégan et al. (2006) found about day 3
(``sjsref.clinical.scorten_course``). The inputs of the other days live in
this object only: nothing typed is written to disk.
``python -m sjsref.ui.scorten_view`` opens it alone.
"""

from __future__ import annotations

import html
from datetime import datetime
from itertools import pairwise
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sjsref.clinical.assessment import Assessment, course_assessment
from sjsref.clinical.citations import GUEGAN_2006
from sjsref.clinical.report import course_note
from sjsref.clinical.results import ScoreResult
from sjsref.clinical.scorten_course import ADMISSION_DAY, RECHECK_DAY, Course, compare
from sjsref.clinical.spec import CalculatorSpec
from sjsref.ui.fields import ChoiceField, NumberField, YesNoField
from sjsref.ui.lab_field import LabField
from sjsref.ui.result_panel import Citer
from sjsref.ui.spec_form import SpecForm, UnitPrefs

DAY = "day"
# One patient's facts, not a day's measurements: the same on every day, so a
# correction on one day reaches the others (and their scores).
PATIENT_INPUTS = ("age_years", "malignancy")
COURSE_DAYS = (ADMISSION_DAY, RECHECK_DAY)


class ScortenView(SpecForm):
    """The SCORTEN form with one set of inputs per day and the day 1 / day 3 strip."""

    _ready = False  # the form is built (SpecForm computes once before that)

    def __init__(
        self,
        spec: CalculatorSpec,
        citer: Citer,
        prefs: UnitPrefs | None = None,
        clock: Any = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(spec, citer, prefs=prefs, clock=clock, parent=parent)
        self._shown_day: object = ADMISSION_DAY
        self._stored: dict[object, dict[str, Any]] = {}  # inputs of the days not shown
        self.day_results: dict[object, ScoreResult | None] = {}
        self.course_strip = QLabel(self)
        self.course_strip.setObjectName("course_strip")
        self.course_strip.setWordWrap(True)
        self.course_strip.setTextFormat(Qt.TextFormat.RichText)
        self.course_strip.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.course_strip.linkActivated.connect(self.linkActivated)
        # In the result column under the day's own score and warnings, so the
        # form never moves when the strip appears.
        column = self.panel.layout()
        assert isinstance(column, QVBoxLayout)
        column.insertWidget(column.indexOf(self.panel.warning_box) + 1, self.course_strip)
        self._day_first()
        self._ready = True
        self.recompute()

    def _day_first(self) -> None:
        """The day picks which inputs the form shows, so it heads the form (and the tab order)."""
        day = self.fields[DAY]
        assert isinstance(day, ChoiceField)
        taken = self.form.takeRow(day)
        label = taken.labelItem.widget() if taken.labelItem is not None else None
        assert label is not None
        self.form.insertRow(0, label, day)
        # Qt's tab order is creation order; set it as the form reads: the day, every
        # input top to bottom, then Copy and Clear.
        chain: list[QWidget] = list(day.group.buttons())
        for spec_input in self.spec.inputs:
            if spec_input.name != DAY:
                field = self.fields[spec_input.name]
                chain += [
                    w
                    for w in field.children()
                    if isinstance(w, QWidget)
                    and not isinstance(w, QLabel)
                    and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                ]
        chain += [self.copy_button, self.clear_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- one set of inputs per day ------------------------------------------------

    def recompute(self) -> None:
        if self._ready:
            self._follow_day()
            self._share_patient_inputs()
        super().recompute()
        if self._ready:
            self.day_results[self._shown_day] = self._day_result()
            self._show_course()

    def _day_result(self) -> ScoreResult | None:
        """The day's result, or None for a day with nothing of its own yet: age and
        malignancy carried into a day only looked at do not make it entered."""
        result = self.result if isinstance(self.result, ScoreResult) else None
        own = any(_filled(v) for n, v in self._snapshot().items() if n not in PATIENT_INPUTS)
        return result if own or self._shown_day == ADMISSION_DAY else None

    def _share_patient_inputs(self) -> None:
        """Age or malignancy changed on the day shown: every stored day takes the new
        value and is scored again, so day 1 and day 3 never disagree about the patient."""
        now = self._snapshot()
        shared = {name: now[name] for name in PATIENT_INPUTS}
        behind = [
            d for d, kept in self._stored.items() if any(kept[n] != shared[n] for n in shared)
        ]
        if not behind:
            return
        for day in behind:
            self._stored[day].update(shared)
            self._restore(self._stored[day], keep=PATIENT_INPUTS)  # the field being typed in
            own = any(_filled(v) for n, v in self._stored[day].items() if n not in PATIENT_INPUTS)
            self.day_results[day] = self._score_quietly() if own else None
        self._restore(now, keep=PATIENT_INPUTS)

    def _score_quietly(self) -> ScoreResult | None:
        """The score of the inputs in the fields now, shown nowhere (a stored day's)."""
        try:
            result = self.compute()
        except (ValidationError, ValueError):
            return None
        return result if isinstance(result, ScoreResult) else None

    def _follow_day(self) -> None:
        """When the day choice changed: keep the inputs of the day left, show the new day's."""
        day = self.fields[DAY].value()
        if day == self._shown_day:
            return
        for field in self.fields.values():  # a half-typed number belongs to the day left
            if isinstance(field, NumberField):
                field.blockSignals(True)
                field.commit()
                field.blockSignals(False)
        left = self._snapshot()
        self._stored[self._shown_day] = left
        stored = self._stored.pop(day, None)
        if stored is None:
            stored = {}
            self.message.emit(
                f"Day {day}: age and malignancy carried over from day {self._shown_day}; "
                "enter the rest for this day."
            )
        stored.update({name: left[name] for name in PATIENT_INPUTS})
        self._restore(stored)
        self._shown_day = day

    def _snapshot(self) -> dict[str, Any]:
        """What is typed in each field (as text), its unit and its unit confirmation."""
        saved: dict[str, Any] = {}
        for name, field in self.fields.items():
            if isinstance(field, LabField):
                # A value whose unit switch awaits "convert or keep" is saved without a
                # unit: back on its day it is held until a unit is chosen, never misread.
                pending = field.value() is None and field.edit.text() and not field.parse_error()
                saved[name] = (
                    field.edit.text(),
                    None if pending else field.unit(),
                    field.confirmed,
                )
            elif isinstance(field, NumberField):
                saved[name] = field.edit.text()
            elif isinstance(field, YesNoField):
                saved[name] = field.value()
        return saved

    def _restore(self, saved: dict[str, Any], keep: tuple[str, ...] = ()) -> None:
        """Put a day's inputs in the fields (those named in ``keep`` are left as they are)."""
        for name, field in self.fields.items():
            if name == DAY or name in keep:
                continue
            field.blockSignals(True)
            field.clear()
            value = saved.get(name)
            if isinstance(field, LabField) and value is not None:
                text, unit, confirmed = value
                field.set_unit(unit, ask=False)
                field.set_text(text)
                field.confirmed = confirmed
            elif isinstance(field, NumberField) and value is not None:
                field.set_text(value)
            elif isinstance(field, YesNoField):
                field.set_value(value)
            field.blockSignals(False)

    def reset_choices(self) -> None:
        """A new patient: every day's inputs go, and the form is back on day 1."""
        self._stored.clear()
        self.day_results.clear()
        self._shown_day = ADMISSION_DAY

    def clear(self) -> None:
        """Clear empties the day shown; another day already entered is kept, and so are
        the age and malignancy it shares. With no other day entered, everything goes."""
        others = [
            d for d, r in self.day_results.items() if d != self._shown_day and r and r.answered
        ]
        if not others:
            super().clear()
            return
        for name, field in self.fields.items():
            if name != DAY and name not in PATIENT_INPUTS:
                field.blockSignals(True)
                field.clear()
                field.blockSignals(False)
        self.recompute()
        kept = " and ".join(f"day {d}" for d in sorted(others, key=str))
        self.message.emit(
            f"Day {self._shown_day} emptied; {kept} kept, with the age and malignancy "
            "(New patient empties every day)."
        )

    def new_patient(self) -> None:
        """Every day, every field, back to day 1."""
        super().clear()

    # -- day 1 against day 3 ------------------------------------------------------

    def course(self) -> Course:
        return compare(self.day_results.get(ADMISSION_DAY), self.day_results.get(RECHECK_DAY))

    def _both_days(self) -> Course | None:
        """The course when both days are entered and one of them is shown, else None."""
        course = self.course()
        if self._shown_day in COURSE_DAYS and course.both_entered:
            return course
        return None

    def _show_course(self) -> None:
        course = self.course()
        if not any(d.entered for d in course.days):
            self.course_strip.setVisible(False)
            return
        cells = [
            (
                f"<b>Day {d.day}</b>" + (" (admission)" if d.day == ADMISSION_DAY else ""),
                html.escape(d.score),
                html.escape(d.mortality),
            )
            for d in course.days
        ]
        rows = "".join(
            f"<tr><th align='left'>{label}</th>{''.join(f'<td>{c[i]}</td>' for c in cells)}</tr>"
            for i, label in ((1, "SCORTEN"), (2, "Observed mortality"))
        )
        head = "<tr><th></th>" + "".join(f"<th align='left'>{c[0]}</th>" for c in cells) + "</tr>"
        change = html.escape(course.change_text.rstrip("."))
        self.course_strip.setText(
            f"<table cellpadding='3'>{head}{rows}</table>"
            f"<p><b>{change}.</b> {html.escape(course.advice)}</p>"
            f"<p><small>{html.escape(course.evidence.text)}"
            f"{self.panel.citer.inline([GUEGAN_2006])}</small></p>"
        )
        self.course_strip.setVisible(True)

    # -- what Copy and Print carry ------------------------------------------------

    def chart_note(self) -> str | None:
        self.commit_all()
        course = self._both_days()
        if course is None or self.result is None:
            return super().chart_note()
        return course_note(course, self._clock(), self.panel.citer.short_names())

    def assessment(self) -> Assessment | None:
        self.commit_all()
        course = self._both_days()
        if course is None or self.result is None:
            return super().assessment()
        return course_assessment(course, self.info.name)


def _filled(saved: Any) -> bool:
    """Whether a snapshot entry holds an answer (a lab value is (text, unit, confirmed))."""
    if isinstance(saved, tuple):
        return bool(saved[0])
    return saved not in (None, "")


if __name__ == "__main__":
    from sjsref.clinical.registry import spec
    from sjsref.ui.preview import preview

    preview(lambda citer: ScortenView(spec("scorten"), citer))
