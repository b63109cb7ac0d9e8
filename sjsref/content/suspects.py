"""A suspect drug as typed, matched to the drug table: its defaults, its identity, near misses.

``sjsref alden`` and the window's ALDEN page both go through here, so a drug
gets the same notoriety and half-life, and the same "listed twice" check,
wherever it is scored. Every default names the row it came from, and only
while the answer still equals it: a changed answer is the clinician's own.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sjsref.clinical.alden_rules import Notoriety
from sjsref.content import packed
from sjsref.content import tables as checked

# The window reads the tables from the content pack (plain dataclasses); the
# command line from the checked sources (pydantic models). Both have the same fields.
DrugRow = checked.DrugRow | packed.DrugRow
Tables = checked.Tables | packed.Tables

NOT_IN_TABLE = "the default: not in the drug table"
# How alike a typed name and a table name must be to suggest the table's
# (difflib ratio): "carbamazepin" -> carbamazepine, "alopurinol" -> allopurinol.
SUGGEST_RATIO = 0.8


class Same(Enum):
    """Whether two suspect drugs are one drug."""

    NO = "no"
    YES = "yes"  # one drug under two names (Tegretol and carbamazepine)
    MAYBE = "maybe"  # one group row, and a name that could be any member (Feldene, piroxicam)


@dataclass(frozen=True)
class Match:
    """A typed name and the drug-table row it names, if any."""

    typed: str
    row: DrugRow | None
    suggestion: str | None = None  # the closest table name, when no row matched

    @property
    def name(self) -> str:
        """'Tegretol (carbamazepine)': what was typed, with the row's name when it differs."""
        if self.row is None or self.row.name.casefold() == self.typed.casefold():
            return self.typed
        return f"{self.typed} ({self.row.name})"

    @property
    def member(self) -> str | None:
        """The group member typed (amoxicillin of aminopenicillins), if one was."""
        if self.row is None:
            return None
        typed = self.typed.casefold()
        return next((m for m in self.row.members if m.casefold() == typed), None)

    @property
    def where(self) -> str:
        return f"the drug table's {self.row.name} row" if self.row is not None else ""

    def defaults(self) -> dict[str, Any]:
        """Notoriety and half-life from the row (or notoriety unknown), each naming its source."""
        if self.row is None:
            return {"notoriety": Notoriety.UNKNOWN, "notoriety_from": NOT_IN_TABLE}
        # The pack holds the notoriety as its string value: the same member either way.
        notoriety = Notoriety(self.row.notoriety)
        found: dict[str, Any] = {"notoriety": notoriety, "notoriety_from": self.where}
        if self.row.half_life_h is not None:
            found |= {"half_life_h": self.row.half_life_h, "half_life_from": self.where}
        return found

    def answers(self, **given: Any) -> dict[str, Any]:
        """``DrugExposure`` fields: what was given, plus the defaults for what was not.

        A notoriety or half-life not given takes the default; one given as None
        stays unanswered (a half-life the clinician emptied is not refilled).
        One given that equals the default still names the row; one that
        differs is the clinician's, and names nothing.
        """
        defaults = self.defaults()
        fields: dict[str, Any] = {"name": self.name, **given}
        for key in ("notoriety", "half_life_h"):
            if key not in defaults:
                continue
            source = key.removesuffix("_h") + "_from"
            if key not in given:
                fields[key] = defaults[key]
            if key not in given or (self.row is not None and given[key] == defaults[key]):
                fields[source] = defaults[source]
        return fields


def match(typed: str, tables: Tables) -> Match:
    """The row a name (generic, synonym, group member or brand, any case) names."""
    name = typed.strip()
    row = tables.drug(name)
    return Match(name, row, None if row is not None else suggest(name, tables))


def suggest(typed: str, tables: Tables) -> str | None:
    """A table name inside what was typed ('Bactrim DS', 'allopurinol 300 mg'), or one close."""
    names = [n for row in tables.drugs for n in row.lookup_names]
    words = typed.casefold()
    for name in sorted(names, key=len, reverse=True):
        if re.search(rf"(?<![\w-]){re.escape(name.casefold())}(?![\w-])", words):
            return name
    close = difflib.get_close_matches(words, [n.casefold() for n in names], 1, SUGGEST_RATIO)
    return next((n for n in names if close and n.casefold() == close[0]), None)


def same(first: Match, second: Match) -> Same:
    """Whether two suspect drugs are one drug (members of a group row are different drugs)."""
    if first.typed.casefold() == second.typed.casefold():
        return Same.YES
    if first.row is None or first.row is not second.row:
        return Same.NO
    if not first.row.members:
        return Same.YES
    one, two = first.member, second.member
    if one is not None and two is not None:
        return Same.NO  # two members: amoxicillin and ampicillin
    return Same.MAYBE
