"""One suspect drug on the ALDEN page: its dates, half-life and the four answers.

Each answer shows beneath it what it means and where a default came from
("from the drug table's carbamazepine row"); the text of every option is
the answer itself, with its points, so two options never read alike.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from sjsref.clinical.alden_criteria import points_text
from sjsref.clinical.alden_rules import NOTORIETY, PRECHALLENGE, Notoriety, Prechallenge
from sjsref.content import suspects
from sjsref.ui.date_field import DateField
from sjsref.ui.fields import ChoiceBox, Field, NumberField, YesNoField, form_label

# What the form calls each model field, for error messages.
FIELD_LABELS = {
    "index_day": "Index day",
    "start": "First day of intake",
    "stop": "Last day of intake",
    "half_life_h": "Elimination half-life",
    "name": "Drug name",
}
IMPAIRED = "Liver or kidney function alterations, or suspected drug interactions"
CONTINUED = "Continued after onset without harm"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _note(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    return label


def _box(name: str, label: str, options: list[tuple[str, object]]) -> ChoiceBox:
    box = ChoiceBox(name, label, options)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(14)  # long answers must not widen the form
    return box


class DrugCard(QGroupBox):
    """One suspect drug, matched to the drug table (or waiting for it to load).

    Args:
        key: Stem of its fields' names (unique while the window is open).
        match: The typed name and its drug-table row.
        table_loaded: False while the library loads: the notoriety then waits
            for the table, or for the clinician's own answer.
    """

    answered = Signal()  # a choice changed (the fields have their own ``changed``)

    def __init__(
        self,
        key: str,
        match: suspects.Match,
        today: Callable[[], dt.date],
        parent: QWidget,
        table_loaded: bool = True,
    ) -> None:
        super().__init__(match.typed, parent)
        self.key, self.match, self.table_loaded = key, match, table_loaded
        self.setObjectName(key)
        name = match.typed
        self.headline = _note(self)  # a group box title cannot wrap: the result goes here
        self.headline.setObjectName(f"{key}:headline")
        self.start = DateField(f"{key}:start", f"{name}: first day of intake", today)
        self.stop = DateField(
            f"{key}:stop", f"{name}: last day of intake", today, "Empty: still taken"
        )
        self.half_life = NumberField(f"{key}:half_life_h", f"{name}: half-life", "hours")
        self._answers(name)
        form = self._lay_out()
        self.remove = QPushButton(f"Remove {name}", self)  # made last: last in the tab order
        self.remove.setObjectName(f"{key}:remove")
        form.addRow(self.remove)
        self._fill_defaults()
        self.refresh()

    def _answers(self, name: str) -> None:
        notoriety: list[tuple[str, object]] = [
            (f"{o.value} ({points_text(o.points)})", k) for k, (o, _) in NOTORIETY.items()
        ]
        self.notoriety = _box(f"{self.key}:notoriety", f"{name}: type of drug", notoriety)
        self.notoriety.setPlaceholderText("Waiting for the drug table")
        self.notoriety.setCurrentIndex(-1)
        self.notoriety_note = _note(self)
        prechallenge: list[tuple[str, object]] = [
            (f"{_capital(meaning)} ({points_text(o.points)})", k)
            for k, (o, meaning) in PRECHALLENGE.items()
        ]
        self.prechallenge = _box(f"{self.key}:prechallenge", f"{name}: prechallenge", prechallenge)
        self.prechallenge.set_value(Prechallenge.UNKNOWN)
        self.prechallenge_note = _note(self)
        self.impaired = YesNoField(f"{self.key}:impaired_elimination", f"{name}: {IMPAIRED}")
        self.impaired.set_value(False)
        self.continued = YesNoField(f"{self.key}:continued_without_harm", f"{name}: {CONTINUED}")
        self.continued.set_value(False)
        for box in (self.notoriety, self.prechallenge):
            box.currentIndexChanged.connect(self.answered)

    def _lay_out(self) -> QFormLayout:
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: narrow
        form.addRow(self.headline)
        rows: list[tuple[str, QWidget]] = [
            ("First day of intake", self.start),
            ("Last day of intake", self.stop),
            ("Elimination half-life", self.half_life),
            ("Type of drug (notoriety)", self.notoriety),
            ("", self.notoriety_note),
            ("Prechallenge or rechallenge", self.prechallenge),
            ("", self.prechallenge_note),
            (IMPAIRED, self.impaired),
            (CONTINUED, self.continued),
        ]
        for text, widget in rows:
            if text:
                form.addRow(form_label(text, widget), widget)
            else:
                form.addRow(widget)
        return form

    @property
    def name(self) -> str:
        return self.match.name

    def _fill_defaults(self) -> None:
        """Put the table's notoriety and half-life in, where nothing was answered yet."""
        if not self.table_loaded:
            return
        defaults = self.match.defaults()
        if self.notoriety.currentIndex() < 0:
            self.notoriety.set_value(defaults["notoriety"])
        if "half_life_h" in defaults and not self.half_life.edit.text():
            self.half_life.set_text(f"{defaults['half_life_h']:g}")

    def table_arrived(self, match: suspects.Match) -> None:
        """The drug table has loaded: match the name again and fill what is still empty."""
        self.match, self.table_loaded = match, True
        self.setTitle(match.name)
        for box in (self.notoriety, self.half_life):
            box.blockSignals(True)
        self._fill_defaults()
        for box in (self.notoriety, self.half_life):
            box.blockSignals(False)

    def fields(self) -> list[Field]:
        return [self.start, self.stop, self.half_life, self.impaired, self.continued]

    def refresh(self) -> None:
        """Redraw what each answer means and where each default came from."""
        self.start.refresh()
        self.stop.refresh()
        defaults = self.match.defaults() if self.table_loaded else {}
        chosen = self.notoriety.value()
        if not isinstance(chosen, Notoriety):
            self.notoriety_note.setText("Not answered: the drug table has not loaded; choose one")
        else:
            where = "chosen here"
            if chosen == defaults.get("notoriety"):
                where = f"from {defaults['notoriety_from']}"
            self.notoriety_note.setText(f"{_capital(NOTORIETY[chosen][1])} ({where})")
        answer = self.prechallenge.value()
        if isinstance(answer, Prechallenge):
            outcome = PRECHALLENGE[answer][0]
            self.prechallenge_note.setText(f"The paper's category: {outcome.value}")
        self._half_life_source(defaults)

    def _half_life_source(self, defaults: dict[str, Any]) -> None:
        if self.half_life.error_text():
            return
        typed, default = self.half_life.value(), defaults.get("half_life_h")
        if typed is not None and typed == default:
            self.half_life.set_status(f"From {defaults['half_life_from']}")
        elif typed is None and default is not None:
            self.half_life.set_status(f"Emptied: not answered (the drug table gives {default:g} h)")
        elif typed is None:
            self.half_life.set_status("Unknown: needed only if stopped before the index day")
        else:
            self.half_life.set_status("Entered here")

    def values(self) -> dict[str, Any] | None:
        """The drug's ``DrugExposure`` fields, or None while its start or notoriety is missing."""
        start, notoriety = self.start.value(), self.notoriety.value()
        if start is None or notoriety is None:
            return None
        return self.match.answers(
            start=start,
            stop=self.stop.value(),
            half_life_h=self.half_life.value(),
            notoriety=notoriety,
            prechallenge=self.prechallenge.value(),
            impaired_elimination=bool(self.impaired.value()),
            continued_without_harm=bool(self.continued.value()),
        )

    def missing(self) -> list[str]:
        """What this drug still needs before it can be scored."""
        needs = []
        if self.start.value() is None:
            needs.append(f"the first day of intake of {self.name}")
        if self.notoriety.value() is None:
            needs.append(f"the type of drug of {self.name} (the drug table has not loaded)")
        return needs

    def show_result(self, headline: str | None) -> None:
        self.headline.setText(f"<b>{html.escape(headline)}</b>" if headline else "No result yet")
