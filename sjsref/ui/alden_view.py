"""ALDEN in the window: every suspect drug of one patient, scored and ranked.

Drugs are added by name (generic or brand, completed from the drug table);
each gets a card with its dates and the four answers. Matching a name to the
table, its defaults and the "listed twice" check are the content layer's
(``sjsref.content.suspects``), shared with ``sjsref alden``, so both give one
answer. Nothing typed is saved. ``python -m sjsref.ui.alden_view`` opens it alone.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from sjsref.clinical.alden import AldenResult
from sjsref.clinical.inputs import Location, located_errors
from sjsref.clinical.registry import ALDEN
from sjsref.clinical.report import alden_drug_headline, alden_rank
from sjsref.content import suspects
from sjsref.content.packed import Library
from sjsref.content.suspects import Tables
from sjsref.ui import presenters
from sjsref.ui.calc_page import CalculatorPage
from sjsref.ui.date_field import DateField
from sjsref.ui.drug_card import FIELD_LABELS, DrugCard
from sjsref.ui.fields import form_label
from sjsref.ui.result_panel import Citer

AGAIN = "press Enter again to add it as typed"


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
        self.cards: list[DrugCard] = []
        self._next_key = 0
        self._confirm = ""  # a name added only if Enter is pressed on it again
        index = DateField("index_day", "Index day: first day of the reaction", self._today)
        self.add_field(form_label("&Index day (first day of the reaction)", index), index)
        self._adder()
        self.card_box = QVBoxLayout()
        self.left_layout.insertLayout(1, self.card_box)
        self.recompute()

    def _adder(self) -> None:
        row = QHBoxLayout()
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
        row.addWidget(self.drug_name, 1)
        row.addWidget(self.add_button)
        self.form.addRow(form_label("Add a &suspect drug", self.drug_name), row)
        self.drug_name.returnPressed.connect(self._add_typed)
        self.add_button.clicked.connect(self._add_typed)

    # -- drugs -------------------------------------------------------------------

    def _table(self) -> Tables | None:
        """The drug table once loaded; fills the completion list the first time."""
        tables = self._tables()
        if tables is not None and not self._names.stringList():
            names = sorted({n for row in tables.drugs for n in row.lookup_names}, key=str.casefold)
            self._names.setStringList(names)
        return tables

    def _match(self, name: str) -> suspects.Match | None:
        """The typed name matched to the table; None while the table is not there."""
        tables = self._table()
        return suspects.match(name, tables) if tables is not None else None

    def focus_in(self) -> None:
        self._table()
        super().focus_in()

    def _add_typed(self) -> None:
        name = self.drug_name.text().strip()
        if not name:
            self.message.emit("Type a drug or brand name first")
        elif self.add_drug(name) is not None:
            self.drug_name.clear()

    def add_drug(self, name: str) -> DrugCard | None:
        """Add one suspect drug, or say why not (listed already, or a near miss to confirm)."""
        found = self._match(name) or suspects.Match(name.strip(), None)
        doubt, refused = self._doubt(found)
        if refused or (doubt and self._confirm != found.typed):
            self._confirm = "" if refused else found.typed
            self.message.emit(doubt)
            return None
        self._confirm = ""
        loaded = self._table() is not None
        card = DrugCard(f"drug{self._next_key}", found, self._today, self, table_loaded=loaded)
        self._next_key += 1
        self.cards.append(card)
        self.card_box.addWidget(card)
        for field in card.fields():
            self.fields[field.name] = field
            field.changed.connect(self.recompute)
        card.answered.connect(self.recompute)
        card.remove.clicked.connect(lambda: self.remove_drug(card))
        self.message.emit(f"Added {card.name}: enter its first day of intake")
        self.recompute()
        card.start.setFocus(Qt.FocusReason.OtherFocusReason)
        return card

    def _doubt(self, found: suspects.Match) -> tuple[str, bool]:
        """Why a name is not added at once, and whether never (listed) or only unconfirmed."""
        for card in self.cards:
            same = suspects.same(card.match, found)
            if same is suspects.Same.YES:
                return f"Not added: {found.typed} is already listed as {card.name}", True
            if same is suspects.Same.MAYBE:
                text = f"{found.typed} may be the same drug as {card.name} (both {found.where})"
                return f"{text}; {AGAIN}", False
        if found.suggestion:
            return (
                f"{found.typed} is not in the drug table: did you mean {found.suggestion}? "
                f"Or {AGAIN}",
                False,
            )
        return "", False

    def remove_drug(self, card: DrugCard) -> None:
        self.cards.remove(card)
        for field in card.fields():
            self.fields.pop(field.name, None)
        card.deleteLater()
        self.message.emit(f"Removed {card.name}")
        self.recompute()
        self.drug_name.setFocus(Qt.FocusReason.OtherFocusReason)

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
        missing += [need for card in self.cards for need in card.missing()]
        return "No result yet", "<p>Enter " + "; ".join(missing) + ".</p>"

    def locate(self, loc: Location) -> str:
        """('drugs', 1, 'stop') -> the second card's stop field; a whole-drug fault -> its stop."""
        if len(loc) >= 2 and loc[0] == "drugs" and isinstance(loc[1], int):
            card = self.cards[loc[1]]
            return f"{card.key}:{loc[2] if len(loc) > 2 else 'stop'}"
        return super().locate(loc)

    def errors(self, exc: ValidationError) -> list[tuple[Location, str]]:
        found = located_errors(exc, FIELD_LABELS)
        # A drug that fails leaves the list short; pydantic then also says the
        # list needs one item, which only repeats the drug's own error.
        in_drugs = any(len(loc) > 1 and loc[0] == "drugs" for loc, _ in found)
        return [(loc, m) for loc, m in found if not (in_drugs and loc == ("drugs",))]

    def recompute(self) -> None:
        cards = getattr(self, "cards", [])  # the base class recomputes before cards exist
        tables = self._table() if cards else None
        for card in cards:
            if tables is not None and not card.table_loaded:
                card.table_arrived(suspects.match(card.match.typed, tables))
        super().recompute()
        for card in cards:
            card.refresh()
            if self.result is None:
                card.show_result(None)
        index = self.fields.get("index_day")
        if isinstance(index, DateField):  # its words line, blanked by an error elsewhere
            index.refresh()

    def present(self, result: BaseModel) -> None:
        if not isinstance(result, AldenResult):
            return
        by_name = {d.name: d for d in result.drugs}
        for card in self.cards:
            drug = by_name.get(card.name)
            shown = drug and f"{alden_rank(drug, result.drugs)} {alden_drug_headline(drug)}"
            card.show_result(shown or None)
        self.display(presenters.alden(result))

    def commit_all(self) -> None:
        """Take every half-typed number and date as entered (before copying what is shown)."""
        super().commit_all()
        for field in self.fields.values():
            commit = getattr(field, "commit", None)
            if commit is not None:
                commit()

    def reset_choices(self) -> None:
        """A new patient has no drugs."""
        for card in list(self.cards):
            self.remove_drug(card)
        self.drug_name.clear()
        self._confirm = ""


def _standalone(library: Library) -> AldenView:
    return AldenView(Citer(library), lambda: library.tables)


if __name__ == "__main__":
    from sjsref.ui.preview import preview

    sys.exit(preview(lambda _citer: QWidget(), with_library=_standalone))
