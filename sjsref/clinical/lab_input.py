"""A typed lab value and its unit, turned into an answer that is safe to score.

Three ways a lab value reaches a score wrongly, each made loud here:
no unit chosen (not scored, asked for), a unit the value is very unlikely in
(held until confirmed: ``units.py`` states the rule), and a value usual in two
units whose readings fall on opposite sides of the cut-off (scored as chosen,
with the other reading spelled out).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sjsref.clinical.numbers import format_beside, format_typed
from sjsref.clinical.results import Message, MessageKind, UnitQuery
from sjsref.clinical.rules import Threshold
from sjsref.clinical.scoring import Answer
from sjsref.clinical.units import Lab, U


@dataclass
class LabAnswer:
    """What the score needs from one lab value, and what to tell the clinician."""

    answer: Answer
    messages: list[Message] = field(default_factory=list)
    query: UnitQuery | None = None


def _units_text(lab: Lab[U], units: list[U]) -> str:
    return " or ".join(lab.quantity(u) for u in units)


def lab_answer(
    lab: Lab[U],
    name: str,
    value: float | None,
    unit: U | None,
    confirmed: bool,
    rule: Threshold,
) -> LabAnswer:
    """Answer one lab criterion (``rule`` in mmol/L) from what was typed.

    Args:
        lab: The analyte, with its units and usual ranges.
        name: The input's name (``"urea"``), carried into a unit query.
        value: As typed, in ``unit``; None when not answered.
        unit: The unit chosen, or None.
        confirmed: The clinician confirmed an unusual unit ("keep mmol/L").
        rule: The criterion's threshold, in mmol/L.
    """
    if value is None:
        return LabAnswer(Answer(None))
    typed = format_typed(value)
    if unit is None:
        likely = lab.likely_units(value, None) or list(lab.factors)
        text = (
            f"{lab.name} {typed} was typed without a unit, so it is not scored. "
            f"Choose its unit: {_units_text(lab, list(lab.factors))}."
        )
        query = UnitQuery(input=name, value=value, unit=None, likely_units=likely, text=text)
        pending = "no unit chosen"
        return LabAnswer(_pending(value, None, pending), _unit_message(text), query)
    shown_unit = lab.quantity(unit)
    threshold = rule.label(lab.from_si(rule.value, unit), shown_unit)
    likely = lab.likely_units(value, unit)
    if likely and not confirmed:
        si = format_beside(lab.to_si(value, likely[0]), (rule.value,))
        usual = " or ".join(lab.reading(value, u) for u in likely)
        text = (
            f"{_capital(lab.reading(value, unit))} is not scored: that is outside the usual "
            f"range, while {usual} would be usual ({lab.reading(value, likely[0])} = {si} "
            f"mmol/L). Did you mean {lab.quantity(likely[0])}? Confirm the unit to score it."
        )
        query = UnitQuery(input=name, value=value, unit=unit.value, likely_units=likely, text=text)
        answer = _pending(value, shown_unit, "unit to confirm", threshold)
        return LabAnswer(answer, _unit_message(text), query)
    si_value = lab.to_si(value, unit)
    answer = Answer(si_value, shown_value=value, shown_unit=shown_unit, shown_threshold=threshold)
    return LabAnswer(answer, _two_readings(lab, value, unit, rule))


def _pending(value: float, unit: str | None, why: str, threshold: str | None = None) -> Answer:
    return Answer(None, shown_value=value, shown_unit=unit, shown_threshold=threshold, pending=why)


def _unit_message(text: str) -> list[Message]:
    return [Message(kind=MessageKind.UNIT, text=text, citations=[])]


def _two_readings(lab: Lab[U], value: float, unit: U, rule: Threshold) -> list[Message]:
    """Say so when the value is usual in other units that read across the cut-off."""
    met = rule.met(lab.to_si(value, unit))
    across = [
        _reading_in_si(lab, value, u, rule)
        for u in lab.plausible_others(value, unit)
        if rule.met(lab.to_si(value, u)) != met
    ]
    if not across:
        return []
    verdict, would = ("counts", "would not") if met else ("does not count", "would")
    return [
        Message(
            kind=MessageKind.UNIT,
            text=(
                f"{_capital(lab.reading(value, unit))} {verdict} ({rule.label()}). Read as "
                f"{' or '.join(across)} it {would}. Check the unit your laboratory reports."
            ),
            citations=[rule.source.key],
        )
    ]


SI_UNIT = "mmol/L"  # what every lab rule is written in


def _reading_in_si(lab: Lab[U], value: float, unit: U, rule: Threshold) -> str:
    """'urea 20 mg/dL (3.3 mmol/L)'; a reading already in mmol/L is not repeated."""
    reading = lab.reading(value, unit)
    if unit.value == SI_UNIT:
        return reading
    return f"{reading} ({format_beside(lab.to_si(value, unit), (rule.value,))} {SI_UNIT})"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
