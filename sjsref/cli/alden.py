"""``sjsref alden``: ALDEN for every suspect drug of one patient, ranked.

    sjsref alden --index-day YYYY-MM-DD --drug SPEC [--drug SPEC ...] [--json]
    SPEC = NAME,start=YYYY-MM-DD[,stop=YYYY-MM-DD][,half-life-h=HOURS]
           [,notoriety=...][,prechallenge=...][,impaired-elimination][,continued-without-harm]

A drug in the bundled drug table (by generic or brand name) takes its
notoriety and half-life from it unless the SPEC gives them; the result says
where each came from. Bad input exits 2 with one line naming the drug, the
key and what is accepted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from sjsref.cli.errors import InputError, guarded
from sjsref.clinical import alden, dates
from sjsref.clinical.alden_rules import Notoriety, Prechallenge
from sjsref.clinical.inputs import located_errors
from sjsref.clinical.numbers import parse_number, printable
from sjsref.clinical.report import chart_note
from sjsref.content import suspects
from sjsref.content.errors import ContentError
from sjsref.content.loader import load_library
from sjsref.content.short_sources import short_sources
from sjsref.content.tables import Tables

SWITCHES = ("impaired-elimination", "continued-without-harm")
VALUED = ("start", "stop", "half-life-h", "notoriety", "prechallenge")
PRECHALLENGE_HELP = (
    "prechallenge: same-sjs (SJS/TEN after the same drug: +4), similar-sjs (after a similar "
    "drug: +2), same-other (another reaction to the same drug: +2), similar-other (another "
    "reaction to a similar drug: +1), unknown (no known previous exposure: 0, the default), "
    "tolerated (taken before or after without any reaction: -2)"
)


class LibraryUnusable(Exception):
    """The drug table is needed for a default, but the library cannot be read."""


def _date(text: str, what: str) -> dt.date:
    """The window's date reader: YYYY-MM-DD (or DD-MM-YYYY), never after today."""
    shown = printable(text.strip())
    if shown != text.strip():  # too long or unprintable: no date, and not echoed whole
        raise InputError(f"{what}: '{shown}' is not a date; write {dates.FORMATS}")
    try:
        return dates.parse_date(text, dt.date.today())
    except ValueError as exc:
        raise InputError(f"{what}: {exc}") from None


def _pairs(spec: str) -> tuple[str, dict[str, str], set[str]]:
    name, *parts = [p.strip() for p in spec.split(",")]
    if not name:
        raise InputError(f"--drug '{printable(spec)}': begin with the drug's name")
    values: dict[str, str] = {}
    switches: set[str] = set()
    for part in parts:
        key, sep, value = part.partition("=")
        if not sep and key in SWITCHES:
            switches.add(key)
        elif sep and key in VALUED and key not in values:
            values[key] = value
        elif part.isdigit() and "half-life-h" in values:
            raise InputError(
                f"--drug {printable(name)}: half-life-h: write a decimal point "
                f"({printable(values['half-life-h'])}.{part}): commas separate the SPEC's parts"
            )
        else:
            accepted = ", ".join([f"{k}=" for k in VALUED] + list(SWITCHES))
            raise InputError(
                f"--drug {printable(name)}: '{printable(part)}' is not one of {accepted} "
                "(each at most once)"
            )
    return name, values, switches


def _choice(enum: type[Notoriety] | type[Prechallenge], text: str, what: str) -> Any:
    try:
        return enum(text)
    except ValueError:
        accepted = "|".join(e.value for e in enum)
        raise InputError(f"{what}: '{printable(text)}' is not {accepted}") from None


def parse_drug(spec: str) -> tuple[str, dict[str, Any]]:
    """One ``--drug`` SPEC: the name typed and the DrugExposure fields it gives."""
    name, values, switches = _pairs(spec)
    where = f"--drug {printable(name)}"
    if "start" not in values:
        raise InputError(f"{where}: start=YYYY-MM-DD is required")
    fields: dict[str, Any] = {
        "start": _date(values["start"], f"{where}: start"),
        "impaired_elimination": "impaired-elimination" in switches,
        "continued_without_harm": "continued-without-harm" in switches,
        "prechallenge": _choice(
            Prechallenge, values.get("prechallenge", "unknown"), f"{where}: prechallenge"
        ),
    }
    if "stop" in values:
        fields["stop"] = _date(values["stop"], f"{where}: stop")
    if "half-life-h" in values:
        try:
            fields["half_life_h"] = parse_number(values["half-life-h"])
        except ValueError as exc:
            raise InputError(f"{where}: half-life-h: {exc}") from None
    if "notoriety" in values:
        fields["notoriety"] = _choice(Notoriety, values["notoriety"], f"{where}: notoriety")
    return name, fields


def _matches(parsed: list[tuple[str, dict[str, Any]]], table: Any) -> list[suspects.Match]:
    """Each drug matched to the table; without a readable table only if none needs a default."""
    needs_table = any("notoriety" not in f or "half_life_h" not in f for _, f in parsed)
    try:
        tables = table() if needs_table or len(parsed) > 1 else None
    except LibraryUnusable:
        if needs_table:
            raise
        tables = None  # only the listed-twice check is lost; the model still checks names
    return [
        suspects.match(name, tables) if tables else suspects.Match(name.strip(), None)
        for name, _ in parsed
    ]


def _check(matches: list[suspects.Match], parsed: list[tuple[str, dict[str, Any]]]) -> None:
    """One drug under two names is refused; a near miss or a possible repeat is noted."""
    for later, drug in enumerate(matches):
        for earlier in matches[:later]:
            same = suspects.same(earlier, drug)
            one_name = earlier.typed.casefold() == drug.typed.casefold()  # model: "listed twice"
            if same is suspects.Same.YES and not one_name:
                raise InputError(
                    f"--drug {printable(drug.typed)}: the same drug as --drug "
                    f"{printable(earlier.typed)}; give each drug once"
                )
            if same is suspects.Same.MAYBE:
                _note(
                    f"--drug {printable(drug.typed)} and --drug {printable(earlier.typed)} are "
                    f"both {drug.where}: check they are different drugs"
                )
    for drug, (_, given) in zip(matches, parsed, strict=True):
        if drug.suggestion and "notoriety" not in given:
            _note(
                f"--drug {printable(drug.typed)} is not in the drug table (did you mean "
                f"{drug.suggestion}?); its notoriety is 'unknown'"
            )


def _note(text: str) -> None:
    sys.stderr.write(f"sjsref alden: note: {text}\n")


def _table_loader() -> Any:
    cache: list[Tables] = []

    def table() -> Tables:
        if not cache:
            try:
                cache.append(load_library().tables)
            except ContentError as exc:
                raise LibraryUnusable(str(exc)) from None
        return cache[0]

    return table


# What the model's fields are called on the command line.
SPEC_KEYS = {"half_life_h": "half-life-h", "start": "start", "stop": "stop", "name": "name"}


def _first_error(exc: ValidationError, drugs: list[dict[str, Any]]) -> InputError:
    loc, message = located_errors(exc, SPEC_KEYS)[0]
    if len(loc) >= 2 and loc[0] == "drugs" and isinstance(loc[1], int):
        name = str(drugs[loc[1]]["name"])
        message = message.removeprefix(f"{name}: ")  # the drug is named once, first
        return InputError(f"--drug {printable(name)}: {message}")
    return InputError(f"--{str(loc[0]).replace('_', '-')}: {message}" if loc else message)


def run(args: argparse.Namespace) -> int:
    if not args.drug:
        raise InputError("--drug: give at least one suspect drug: --drug NAME,start=YYYY-MM-DD")
    index_day = _date(args.index_day, "--index-day")
    parsed = [parse_drug(spec) for spec in args.drug]
    try:
        matches = _matches(parsed, _table_loader())
    except LibraryUnusable as exc:
        sys.stderr.write(f"sjsref alden: the drug table is needed and cannot be read: {exc}\n")
        return 1
    _check(matches, parsed)
    drugs = [m.answers(**given) for m, (_, given) in zip(matches, parsed, strict=True)]
    try:
        result = alden.compute(alden.AldenInput(index_day=index_day, drugs=drugs))
    except ValidationError as exc:
        raise _first_error(exc, drugs) from None
    if args.json:
        print(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        print(chart_note(result, datetime.now(), short_sources()))
    return 0


def register(sub: Any) -> None:
    """Add the ``alden`` sub-command."""
    parser = sub.add_parser(
        "alden",
        help="ALDEN: which drug caused it, for every suspect drug",
        description="Drug causality in SJS/TEN (Sassolas 2010), one --drug per suspect drug. "
        "Days are counted as index day minus start date.",
    )
    parser.add_argument(
        "--index-day", required=True, metavar="YYYY-MM-DD", help="first day of the reaction"
    )
    parser.add_argument(
        "--drug",
        action="append",
        metavar="SPEC",
        help="NAME,start=YYYY-MM-DD[,stop=YYYY-MM-DD][,half-life-h=HOURS]"
        "[,notoriety=strong|associated|suspected|unknown|not-suspected][,prechallenge=...]"
        "[,impaired-elimination][,continued-without-harm]; notoriety and half-life default "
        "to the drug table (else unknown, and the half-life is asked for); "
        + PRECHALLENGE_HELP.replace("%", "%%"),
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=guarded(run))
