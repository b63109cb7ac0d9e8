"""Every calculator sub-command, generated from its spec (``sjsref.clinical.registry``).

Flags, help (with each criterion's rule in its own words), the flag that
starts each error line, and the handler all come from the spec: the command
line holds no calculator of its own. A handler collects the flags given into
``{input: value}``, runs the spec once, and prints JSON (``--json``) or the
chart note.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError

from sjsref.cli.errors import InputError, guarded
from sjsref.clinical.inputs import located_errors
from sjsref.clinical.numbers import parse_number, printable
from sjsref.clinical.registry import SPECS
from sjsref.clinical.report import chart_note
from sjsref.clinical.results import ScoreResult
from sjsref.clinical.spec import CalculatorSpec, InputSpec, Kind
from sjsref.content.short_sources import short_sources

CONFIRM_FLAG = "--confirm-unusual"


def _yes_no(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("yes", "y", "true", "1"):
        return True
    if lowered in ("no", "n", "false", "0"):
        return False
    raise argparse.ArgumentTypeError(f"answer yes or no (got '{printable(text)}')")


def _number(text: str) -> float:
    try:
        return parse_number(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _whole(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"enter a whole number (got '{printable(text)}')"
        ) from None


def _region(text: str) -> tuple[str, float]:
    name, sep, amount = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(
            f"write REGION=PERCENT, e.g. anterior-trunk=50 (got '{printable(text)}')"
        )
    return name.strip().lower(), _number(amount)


def _choice(spec: InputSpec) -> Callable[[str], Any]:
    by_text = {str(v.value if isinstance(v, Enum) else v): v for _, v in spec.choices}
    if all(isinstance(v, int) for _, v in spec.choices):
        return _whole  # a day: the model says which days the evidence covers, and why

    def read(text: str) -> Any:
        if text.strip() in by_text:
            return by_text[text.strip()]
        accepted = ", ".join(by_text)
        raise argparse.ArgumentTypeError(f"choose {accepted} (got '{printable(text)}')")

    return read


def _help(calc: CalculatorSpec, spec: InputSpec) -> str:
    rule = calc.rule(spec)
    text = spec.help + (f" (counts if {rule.label()})" if rule is not None else "")
    return text.replace("%", "%%")  # argparse formats help with %


def _add_input(parser: argparse.ArgumentParser, calc: CalculatorSpec, spec: InputSpec) -> None:
    help_text = _help(calc, spec)
    if spec.kind is Kind.NUMBER:
        parser.add_argument(spec.flag, dest=spec.name, type=_number, metavar="N", help=help_text)
    elif spec.kind is Kind.YES_NO:
        parser.add_argument(
            spec.flag, dest=spec.name, type=_yes_no, metavar="yes|no", help=help_text
        )
        if spec.off_flag:
            parser.add_argument(
                spec.off_flag,
                dest=f"{spec.name}_off",
                action="store_true",
                help=f"the same as {spec.flag} no",
            )
    elif spec.kind is Kind.LAB:
        parser.add_argument(spec.flag, dest=spec.name, type=_number, metavar="N", help=help_text)
        units = [u.value for _, u in spec.choices]
        parser.add_argument(
            f"{spec.flag}-unit",
            dest=f"{spec.name}_unit",
            type=_choice(spec),
            metavar="|".join(units),
            help=f"the unit of {spec.flag}: {', '.join(units)}; never assumed",
        )
    elif spec.kind is Kind.CHOICE:
        accepted = "|".join(str(v.value if isinstance(v, Enum) else v) for _, v in spec.choices)
        parser.add_argument(
            spec.flag, dest=spec.name, type=_choice(spec), metavar=accepted, help=help_text
        )
    else:  # Kind.REGIONS
        parser.add_argument(
            spec.flag,
            dest=spec.name,
            type=_region,
            action="append",
            metavar="REGION=PERCENT",
            help=help_text,
        )


def _values(calc: CalculatorSpec, args: argparse.Namespace) -> dict[str, Any]:
    """{input: value} for the flags given; a required answer left out is passed as None."""
    values: dict[str, Any] = {}
    for spec in calc.inputs:
        value = getattr(args, spec.name)
        if spec.off_flag and getattr(args, f"{spec.name}_off"):
            if value is True:
                raise InputError(f"{spec.flag}: {spec.flag} yes and {spec.off_flag} contradict.")
            value = False
        # A question left unanswered is stated as None: a model may need it said.
        if value is not None or spec.kind is Kind.YES_NO:
            values[spec.name] = value
        if spec.kind is Kind.LAB:
            unit = getattr(args, f"{spec.name}_unit")
            if unit is not None:
                values[f"{spec.name}_unit"] = unit
            values[f"{spec.name}_unit_confirmed"] = bool(getattr(args, "confirm_unusual", False))
    return values


def _one_mode(calc: CalculatorSpec, values: dict[str, Any]) -> None:
    """A method is chosen by its lead input (--palms, --region); another's inputs are errors."""
    modes = sorted({m for s in calc.inputs for m in s.modes})  # "palms" wins over "regions"
    if not modes:
        return
    leads = {m: next(s for s in calc.inputs if m in s.modes and s.kind is not Kind.CHOICE)
             for m in modes}  # fmt: skip
    chosen = [m for m in modes if leads[m].name in values]
    if not chosen:
        named = [s for s in calc.inputs if s.modes and s.name in values]
        flags = [s.flag for s in calc.inputs if s in leads.values()]
        head = named[0].flag if named else flags[0]
        raise InputError(f"{head}: give {' or '.join(flags)}.")
    for spec in calc.inputs:
        if spec.modes and chosen[0] not in spec.modes and spec.name in values:
            lead = leads[chosen[0]].flag
            raise InputError(f"{spec.flag}: does not apply with {lead}; leave it out.")


def _units_confirmed(calc: CalculatorSpec, result: BaseModel) -> None:
    """A lab value without a unit, or far more likely in another, is refused, not scored."""
    if not isinstance(result, ScoreResult):
        return
    for query in result.units_to_confirm:
        flag = calc.input(query.input).flag
        if query.unit is None:
            raise InputError(f"{flag}-unit: {query.text}")
        likely = " or ".join(query.likely_units)
        raise InputError(
            f"{flag}: {query.text} Give {flag}-unit {likely}, or {CONFIRM_FLAG} to score "
            f"it as {query.unit}."
        )


def _first_error(calc: CalculatorSpec, exc: ValidationError) -> InputError:
    loc, message = located_errors(exc, calc.field_labels())[0]
    flag = calc.flags().get(str(loc[0]) if loc else "")
    return InputError(f"{flag}: {message}" if flag else message)


def _handler(calc: CalculatorSpec) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        values = _values(calc, args)
        _one_mode(calc, values)
        try:
            result = calc.run(values)
        except ValidationError as exc:
            raise _first_error(calc, exc) from None
        _units_confirmed(calc, result)
        if args.json:
            print(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
        else:
            print(chart_note(result, datetime.now(), short_sources()))
        return 0

    return run


def register(sub: Any) -> None:
    """Add one sub-command per calculator spec."""
    for calc in (s for s in SPECS if s.cli):
        parser = sub.add_parser(calc.id, help=calc.info.name, description=calc.info.purpose)
        for spec in calc.inputs:
            _add_input(parser, calc, spec)
        if any(s.kind is Kind.LAB for s in calc.inputs):
            parser.add_argument(
                CONFIRM_FLAG,
                action="store_true",
                help="score a lab value that is far more likely in another unit, in the unit "
                "given (for every lab value of the command)",
            )
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.set_defaults(handler=guarded(_handler(calc)))
