"""ALDEN in the window: every suspect drug of one patient, scored and ranked.

Drugs are added by name (generic or brand, completed from the drug table);
each gets a card with its dates and the four answers. A drug found in the
table starts with the table's notoriety and half-life, the same defaults as
``sjsref alden``, and says so beneath the field. Nothing typed is saved.
``python -m sjsref.ui.alden_view`` opens it alone.
"""

from __future__ import annotations

import datetime as dt
import html
import sys
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sjsref.clinical.alden import AldenResult
from sjsref.clinical.alden_criteria import points_text
from sjsref.clinical.alden_rules import NOTORIETY, PRECHALLENGE, Notoriety, Prechallenge
from sjsref.clinical.inputs import Location
from sjsref.clinical.numbers import format_number
from sjsref.clinical.registry import ALDEN
from sjsref.clinical.report import alden_drug_headline
from sjsref.content.models import Library
from sjsref.content.tables import Tables, fill_from_table
from sjsref.ui import presenters
from sjsref.ui.calc_page import CalculatorPage
from sjsref.ui.date_field import DateField
from sjsref.ui.fields import ChoiceBox, Field, NumberField, YesNoField, form_label
from sjsref.ui.result_panel import Citer

NO_TABLE = "the default: the drug table could not be read"


def _options(rules: dict[Any, Any]) -> list[tuple[str, object]]:
    """'Strongly associated (+3)' for each answer, in the paper's order."""
    return [
        (f"{outcome.value} ({points_text(outcome.points)})", key)
        for key, (outcome, _) in rules.items()
    ]


def _meaning(rules: dict[Any, Any], key: object) -> str:
    """What an answer means, in the paper's words: shown beneath the box."""
    text = str(rules[key][1]) if key in rules else ""
    return text[:1].upper() + text[1:]


def _note(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    return label


class DrugCard(QGroupBox):
    """One suspect drug: dates, half-life and the four answers, with where each default came from.

    Args:
        key: Stem of its fields' names (unique while the window is open).
        fields: The defaults of :func:`fill_from_table` (name, notoriety, maybe half-life).
    """

    def __init__(
        self, key: str, fields: dict[str, Any], today: Callable[[], dt.date], parent: QWidget
    ) -> None:
        super().__init__(fields["name"], parent)
        self.key = key
        self.name = fields["name"]
        self.typed = self.name  # the name as typed, before the table's generic name is added
        self.setObjectName(key)
        self._table_notoriety = fields["notoriety"]
        self._notoriety_from = fields.get("notoriety_from", "")
        self._half_life_from = fields.get("half_life_from", "")
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: a narrow card
        self.start = DateField(f"{key}:start", f"{self.name}: first day of intake", today)
        self.stop = DateField(
            f"{key}:stop",
            f"{self.name}: last day of intake",
            today,
            empty_means="Empty: still taken on the index day",
        )
        self.half_life = NumberField(f"{key}:half_life_h", f"{self.name}: half-life", "hours")
        self.notoriety = ChoiceBox(
            f"{key}:notoriety", f"{self.name}: type of drug", _options(NOTORIETY)
        )
        self.notoriety.set_value(fields["notoriety"])
        self.notoriety_note = _note(self)
        self.prechallenge = ChoiceBox(
            f"{key}:prechallenge", f"{self.name}: earlier exposure", _options(PRECHALLENGE)
        )
        self.prechallenge.set_value(Prechallenge.UNKNOWN)
        for box in (self.notoriety, self.prechallenge):  # long answers must not widen the form
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(14)
        self.prechallenge_note = _note(self)
        self.impaired = YesNoField(f"{key}:impaired_elimination", f"{self.name}: impaired")
        self.impaired.set_value(False)
        self.continued = YesNoField(f"{key}:continued_without_harm", f"{self.name}: continued")
        self.continued.set_value(False)
        self.remove = QPushButton(f"Remove {self.name}", self)
        self.remove.setObjectName(f"{key}:remove")
        rows: list[tuple[str, QWidget]] = [
            ("First day of intake", self.start),
            ("Last day of intake", self.stop),
            ("Elimination half-life", self.half_life),
            ("Type of drug (notoriety)", self.notoriety),
            ("", self.notoriety_note),
            ("Earlier exposure (prechallenge)", self.prechallenge),
            ("", self.prechallenge_note),
            ("Liver or kidney failure, or an interaction", self.impaired),
            ("Continued after onset without harm", self.continued),
        ]
        for text, widget in rows:
            if text:
                form.addRow(form_label(text, widget), widget)
            else:
                form.addRow(widget)
        self.headline = _note(self)  # a group box title cannot wrap: the result goes here
        self.headline.setObjectName(f"{key}:headline")
        form.insertRow(0, self.headline)
        form.addRow(self.remove)
        if "half_life_h" in fields:
            self.half_life.set_text(format_number(fields["half_life_h"]))
        self.show_sources()

    def fields(self) -> list[Field]:
        return [self.start, self.stop, self.half_life, self.impaired, self.continued]

    def show_sources(self) -> None:
        """Beneath the defaults: where they came from, or that they were changed here."""
        chosen = self.notoriety.value()
        from_table = chosen == self._table_notoriety and self._notoriety_from
        where = f"from {self._notoriety_from}" if from_table else "chosen here"
        self.notoriety_note.setText(f"{_meaning(NOTORIETY, chosen)} ({where})")
        self.prechallenge_note.setText(_meaning(PRECHALLENGE, self.prechallenge.value()))
        if self._half_life_from and not self.half_life.error_text():
            shown = self.half_life.value()
            self.half_life.set_status(
                f"From {self._half_life_from}" if shown is not None else "Empty: asked for"
            )
        elif self.half_life.value() is None and not self.half_life.error_text():
            self.half_life.set_status("Empty: unknown; needed only if the drug was stopped")

    def values(self) -> dict[str, Any] | None:
        """The drug's answers for ``DrugExposure``, or None while its start date is missing."""
        start = self.start.value()
        if start is None:
            return None
        notoriety = self.notoriety.value()
        values: dict[str, Any] = {
            "name": self.name,
            "start": start,
            "stop": self.stop.value(),
            "half_life_h": self.half_life.value(),
            "notoriety": notoriety,
            "prechallenge": self.prechallenge.value(),
            "impaired_elimination": bool(self.impaired.value()),
            "continued_without_harm": bool(self.continued.value()),
        }
        if notoriety == self._table_notoriety and self._notoriety_from:
            values["notoriety_from"] = self._notoriety_from
        if values["half_life_h"] is not None and self._half_life_from:
            values["half_life_from"] = self._half_life_from
        return values

    def show_result(self, headline: str | None) -> None:
        self.headline.setText(f"<b>{html.escape(headline)}</b>" if headline else "No result yet")


class AldenView(CalculatorPage):
    """Index day, then one card per suspect drug; the result ranks them.

    Args:
        tables: Gives the drug table once the library is loaded (None before, or if unreadable).
        today: Gives today's date (dates after it are refused); the clock's date by default.
    """

    def __init__(
        self,
        citer: Citer,
        tables: Callable[[], Tables | None],
        today: Callable[[], dt.date] | None = None,
        parent: QWidget | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(ALDEN, citer, parent=parent, **kwargs)
        self._tables = tables
        self._today = today or (lambda: self._clock().date())  # the chart note's clock
        today = self._today
        self.cards: list[DrugCard] = []
        self._next_key = 0
        index = DateField("index_day", "Index day: first day of the reaction", today)
        self.add_field(form_label("&Index day (first day of the reaction)", index), index)
        adder = QHBoxLayout()
        self.drug_name = QLineEdit(self)
        self.drug_name.setObjectName("drug_name")
        self.drug_name.setPlaceholderText("Type a drug or brand name, then Enter")
        self.drug_name.setAccessibleName("Suspect drug to add")
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.drug_name.setCompleter(completer)
        self.add_button = QPushButton("Add drug", self)
        self.add_button.setObjectName("add_drug")
        adder.addWidget(self.drug_name, 1)
        adder.addWidget(self.add_button)
        self.form.addRow(form_label("Add a &suspect drug", self.drug_name), adder)
        self.card_box = QVBoxLayout()
        self.left_layout.insertLayout(1, self.card_box)
        self.drug_name.returnPressed.connect(self._add_typed)
        self.add_button.clicked.connect(self._add_typed)
        self.recompute()

    # -- drugs -------------------------------------------------------------------

    def _refresh_names(self) -> Tables | None:
        tables = self._tables()
        if tables is not None and not self._names.stringList():
            names = sorted({n for row in tables.drugs for n in row.lookup_names}, key=str.casefold)
            self._names.setStringList(names)
        return tables

    def focus_in(self) -> None:
        self._refresh_names()
        super().focus_in()

    def _add_typed(self) -> None:
        name = self.drug_name.text().strip()
        if name and self.add_drug(name) is not None:
            self.drug_name.clear()

    def add_drug(self, name: str) -> DrugCard | None:
        """Add one suspect drug with the table's defaults; None (and a note) if already listed."""
        tables = self._refresh_names()
        fields: dict[str, Any] = {"name": name}
        if tables is not None:
            fill_from_table(fields, tables)
        else:
            fields |= {"notoriety": Notoriety.UNKNOWN, "notoriety_from": NO_TABLE}
        listed = next((c for c in self.cards if self._same(tables, c.typed, name)), None)
        if listed is not None:
            self.message.emit(f"Not added: {name} is already listed as {listed.name}")
            return None
        card = DrugCard(f"drug{self._next_key}", fields, self._today, self)
        card.typed = name
        self._next_key += 1
        self.cards.append(card)
        self.card_box.addWidget(card)
        for field in card.fields():
            self.fields[field.name] = field
            field.changed.connect(self.recompute)
        for box in (card.notoriety, card.prechallenge):
            box.currentIndexChanged.connect(self.recompute)
        card.remove.clicked.connect(lambda: self.remove_drug(card))
        self.message.emit(f"Added {fields['name']}: enter its first day of intake")
        self.recompute()
        card.start.setFocus(Qt.FocusReason.OtherFocusReason)
        return card

    @staticmethod
    def _same(tables: Tables | None, first: str, second: str) -> bool:
        if tables is None:
            return first.strip().casefold() == second.strip().casefold()
        return tables.same_drug(first, second)

    def remove_drug(self, card: DrugCard) -> None:
        self.cards.remove(card)
        for field in card.fields():
            self.fields.pop(field.name, None)
        card.deleteLater()
        self.message.emit(f"Removed {card.name}")
        self.recompute()

    # -- the calculator ------------------------------------------------------------

    def values(self) -> dict[str, Any] | None:
        index_day = self.fields["index_day"].value()
        drugs = [card.values() for card in self.cards]
        if index_day is None or not drugs or any(d is None for d in drugs):
            return None
        return {"index_day": index_day, "drugs": drugs}

    def prompt(self) -> tuple[str, str]:
        missing = []
        if self.fields["index_day"].value() is None:
            missing.append("the index day (the first day of the reaction)")
        if not self.cards:
            missing.append("at least one suspect drug")
        missing += [f"the first day of intake of {c.name}" for c in self.cards if not c.values()]
        return "No result yet", "<p>Enter " + "; ".join(missing) + ".</p>"

    def locate(self, loc: Location) -> str:
        """('drugs', 1, 'stop') -> the second card's stop field; a whole-drug fault -> its stop."""
        if len(loc) >= 2 and loc[0] == "drugs" and isinstance(loc[1], int):
            card = self.cards[loc[1]]
            return f"{card.key}:{loc[2] if len(loc) > 2 else 'stop'}"
        return super().locate(loc)

    def recompute(self) -> None:
        super().recompute()
        for card in getattr(self, "cards", []):  # the base class recomputes before cards exist
            card.show_sources()
            if self.result is None:
                card.show_result(None)

    def present(self, result: BaseModel) -> None:
        if not isinstance(result, AldenResult):
            return
        by_name = {d.name: d for d in result.drugs}
        for card in self.cards:
            drug = by_name.get(card.name)
            card.show_result(f"{drug.rank}. {alden_drug_headline(drug)}" if drug else None)
        self.display(presenters.alden(result))

    def reset_choices(self) -> None:
        """A new patient has no drugs."""
        for card in list(self.cards):
            self.remove_drug(card)
        self.drug_name.clear()


def _standalone(library: Library) -> AldenView:
    return AldenView(Citer(library), lambda: library.tables)


if __name__ == "__main__":
    from sjsref.ui.preview import preview

    sys.exit(preview(lambda _citer: QWidget(), with_library=_standalone))
