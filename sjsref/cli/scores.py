"""Calculator sub-commands: scorten, abcd10, bsa, classify.

Each handler collects the flags into the clinical layer's input model, calls
one function and prints the result as JSON (``--json``) or as chart-note text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ValidationError

from sjsref.clinical import abcd10, bsa, classification, scorten
from sjsref.clinical.inputs import field_errors
from sjsref.clinical.numbers import parse_number, printable
from sjsref.clinical.report import chart_note
from sjsref.clinical.results import ScoreResult
from sjsref.clinical.units import GlucoseUnit, UreaUnit

# Flag names as a clinician would read them in an error message.
_FLAG_FOR_FIELD = {
    "age_years": "--age",
    "heart_rate_bpm": "--heart-rate",
    "malignancy": "--malignancy",
    "detached_bsa_percent": "--detached-bsa",
    "urea": "--urea",
    "urea_unit": "--urea-unit",
    "bicarbonate_mmol_l": "--bicarbonate",
    "glucose": "--glucose",
    "glucose_unit": "--glucose-unit",
    "day": "--day",
    "active_cancer": "--cancer",
    "dialysis_before_admission": "--dialysis",
    "count": "--palms",
    "sex": "--sex",
    "surface": "--hand",
    "spots": "--spots",
    "regions": "--region",
    "method": "--method",
}


class InputError(Exception):
    """Bad input: reported as one line on stderr with exit status 2."""


def _yes_no(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("yes", "y", "true", "1"):
        return True
    if lowered in ("no", "n", "false", "0"):
        return False
    raise argparse.ArgumentTypeError(f"answer yes or no (got {text!r})")


def _number(text: str) -> float:
    try:
        return parse_number(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _day(text: str) -> int:
    days = scorten.VALIDATED_DAYS
    if text.strip() not in {str(d) for d in days}:
        raise argparse.ArgumentTypeError(
            f"SCORTEN's performance was assessed on days {days[0]} to {days[-1]} of admission "
            f"only; days 1 and 3 are recommended (got {printable(text)})"
        )
    return int(text)


def _build(model: type[BaseModel], **fields: Any) -> Any:
    # An optional flag left out takes the model's default; a required answer
    # (spots) is passed as None, "not answered", never dropped.
    required = {k for k, f in model.model_fields.items() if f.is_required()}
    try:
        return model(**{k: v for k, v in fields.items() if v is not None or k in required})
    except ValidationError as exc:
        field, message = field_errors(exc)[0]
        flag = _FLAG_FOR_FIELD.get(field)
        raise InputError(f"{flag}: {message}" if flag else message) from None


def _emit(result: Any, as_json: bool) -> int:
    if as_json:
        print(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        print(chart_note(result, datetime.now()))
    return 0


def _guarded(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except InputError as exc:
            sys.stderr.write(f"sjsref {args.command}: {exc}\n")
            return 2

    return run


def _units_confirmed(result: ScoreResult) -> None:
    """A lab value without a unit, or far more likely in another, is refused, not scored."""
    for query in result.units_to_confirm:
        flag = _FLAG_FOR_FIELD[query.input]
        if query.unit is None:
            raise InputError(f"{flag}-unit: {query.text}")
        likely = " or ".join(query.likely_units)
        raise InputError(
            f"{flag}: {query.text} Give {flag}-unit {likely}, or --confirm-unusual to score "
            f"it as {query.unit}."
        )


def _scorten(args: argparse.Namespace) -> int:
    inp = _build(
        scorten.ScortenInput,
        age_years=args.age,
        heart_rate_bpm=args.heart_rate,
        malignancy=args.malignancy,
        detached_bsa_percent=args.detached_bsa,
        urea=args.urea,
        urea_unit=args.urea_unit,
        urea_unit_confirmed=args.confirm_unusual,
        bicarbonate_mmol_l=args.bicarbonate,
        glucose=args.glucose,
        glucose_unit=args.glucose_unit,
        glucose_unit_confirmed=args.confirm_unusual,
        day=args.day,
    )
    result = scorten.compute(inp)
    _units_confirmed(result)
    return _emit(result, args.json)


def _abcd10(args: argparse.Namespace) -> int:
    inp = _build(
        abcd10.Abcd10Input,
        age_years=args.age,
        bicarbonate_mmol_l=args.bicarbonate,
        active_cancer=args.cancer,
        dialysis_before_admission=args.dialysis,
        detached_bsa_percent=args.detached_bsa,
    )
    return _emit(abcd10.compute(inp), args.json)


def _region(text: str) -> tuple[str, float]:
    name, sep, amount = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(
            f"write REGION=PERCENT, e.g. anterior-trunk=50 (got {text!r})"
        )
    return name.strip().lower(), _number(amount)


def _regions(args: argparse.Namespace) -> list[dict[str, Any]]:
    erythema = dict(args.erythema or [])
    entries = [
        {"region": name, "detached_percent": pct, "erythema_percent": erythema.pop(name, 0.0)}
        for name, pct in args.region or []
    ]
    entries += [
        {"region": name, "detached_percent": 0.0, "erythema_percent": pct}
        for name, pct in erythema.items()
    ]
    return entries


def _bsa(args: argparse.Namespace) -> int:
    if args.palms is not None:
        _not_with("--palms", args, method="--method", region="--region", erythema="--erythema")
        inp = _build(
            bsa.PalmInput, count=args.palms, surface=args.hand, sex=args.sex, age_years=args.age
        )
        return _emit(bsa.from_palms(inp), args.json)
    if not args.region and not args.erythema:
        raise InputError("--region: give --region REGION=PERCENT (one or more) or --palms N.")
    _not_with("--region", args, sex="--sex", hand="--hand")
    inp = _build(bsa.RegionsInput, method=args.method, age_years=args.age, regions=_regions(args))
    return _emit(bsa.from_regions(inp), args.json)


def _not_with(chosen: str, args: argparse.Namespace, **flags: str) -> None:
    """A flag that does not apply to the method chosen is an error, never ignored."""
    for dest, flag in flags.items():
        if getattr(args, dest) not in (None, []):
            raise InputError(f"{flag}: does not apply with {chosen}; leave it out.")


def _classify(args: argparse.Namespace) -> int:
    if args.no_spots and args.spots is True:
        raise InputError("--spots: --spots yes and --no-spots contradict each other.")
    spots = False if args.no_spots else args.spots
    inp = _build(classification.ClassifyInput, detached_bsa_percent=args.detached_bsa, spots=spots)
    return _emit(classification.classify(inp), args.json)


def register(sub: Any) -> None:
    """Add the calculator sub-commands to the top-level parser."""
    p = sub.add_parser("scorten", help="SCORTEN severity-of-illness score and mortality")
    p.add_argument("--age", type=_number, help="age in years (criterion: above 40)")
    p.add_argument("--heart-rate", type=_number, help="heart rate per minute (above 120)")
    p.add_argument(
        "--malignancy", type=_yes_no, metavar="yes|no", help="cancer or haematological malignancy"
    )
    p.add_argument(
        "--detached-bsa", type=_number, help="detached + detachable skin, %% of BSA (above 10)"
    )
    p.add_argument("--urea", type=_number, help="serum urea or BUN, in --urea-unit")
    p.add_argument(
        "--urea-unit", choices=[u.value for u in UreaUnit], help="mmol/L, mg/dL (urea) or BUN-mg/dL"
    )
    p.add_argument(
        "--bicarbonate", type=_number, help="serum bicarbonate, mmol/L = mEq/L (below 20)"
    )
    p.add_argument("--glucose", type=_number, help="serum glucose, in --glucose-unit")
    p.add_argument("--glucose-unit", choices=[u.value for u in GlucoseUnit], help="mmol/L or mg/dL")
    p.add_argument(
        "--day",
        type=_day,
        default=1,
        help="day of admission: 1 (first 24 h) or 3, the days SCORTEN is validated on (default 1)",
    )
    p.add_argument(
        "--confirm-unusual",
        action="store_true",
        help="score a lab value that is far more likely in another unit, in the unit given",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_guarded(_scorten))

    p = sub.add_parser("abcd10", help="ABCD-10 predictors (US adults)")
    p.add_argument("--age", type=_number, help="age in years (50 or more)")
    p.add_argument("--bicarbonate", type=_number, help="serum bicarbonate, mmol/L (below 20)")
    p.add_argument("--cancer", type=_yes_no, metavar="yes|no", help="active cancer")
    p.add_argument("--dialysis", type=_yes_no, metavar="yes|no", help="dialysis before admission")
    p.add_argument("--detached-bsa", type=_number, help="epidermal detachment, %% of BSA (10)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_guarded(_abcd10))

    p = sub.add_parser("bsa", help="detached body-surface area and classification")
    p.add_argument("--age", type=_number, help="age in years (picks the Lund-Browder column)")
    p.add_argument(
        "--method",
        choices=[m.value for m in bsa.Method],
        help="chart for --region (default lund-browder)",
    )
    p.add_argument(
        "--region",
        type=_region,
        action="append",
        metavar="REGION=PERCENT",
        help="percent of that region detached; repeat for each region",
    )
    p.add_argument(
        "--erythema",
        type=_region,
        action="append",
        metavar="REGION=PERCENT",
        help="percent of that region with erythema only (recorded, never counted)",
    )
    p.add_argument(
        "--palms", type=_number, metavar="N", help="number of the patient's hand areas detached"
    )
    p.add_argument(
        "--hand",
        choices=[h.value for h in bsa.HandSurface],
        help="with --palms: hand = palm with fingers (default), palm = palm alone",
    )
    p.add_argument(
        "--sex",
        choices=[s.value for s in bsa.Sex],
        help="with --palms: the hand's share differs by sex",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_guarded(_bsa))

    p = sub.add_parser("classify", help="SJS, SJS/TEN overlap or TEN from detached BSA")
    p.add_argument(
        "--detached-bsa", type=_number, required=True, help="detached + detachable, %% of BSA"
    )
    p.add_argument(
        "--spots",
        type=_yes_no,
        metavar="yes|no",
        help="purpuric macules or flat atypical targets present; without an answer, a "
        "detachment where it decides the class (over 10 and up to 30 %%) gets both classes",
    )
    p.add_argument(
        "--no-spots",
        action="store_true",
        help="the same as --spots no: detachment in large sheets without spots",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_guarded(_classify))
