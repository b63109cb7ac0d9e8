"""Short chart-note text for any calculator result, for pasting into a record.

The command line prints it; the window copies it to the clipboard. It states
inputs with units, the result, the source, and the date and time it was made.
"""

from __future__ import annotations

from datetime import datetime

from sjsref.clinical.bsa import BsaResult
from sjsref.clinical.classification import ClassifyResult
from sjsref.clinical.results import CriterionResult, Message, ScoreResult
from sjsref.clinical.rules import format_number

# Short source names for the chart note; the window and CLI show full references.
SHORT_SOURCES = {
    "bastujigarin2000": "Bastuji-Garin et al., J Invest Dermatol 2000",
    "guegan2006": "Guégan et al., J Invest Dermatol 2006",
    "bastujigarin1993": "Bastuji-Garin et al., Arch Dermatol 1993",
    "noe2019": "Noe et al., JAMA Dermatol 2019",
    "koh2020": "Koh et al., JAMA Dermatol 2020",
    "duplisea2021": "Duplisea et al., J Am Acad Dermatol 2021",
    "micheletti2018": "Micheletti et al., J Invest Dermatol 2018",
    "lund1944": "Lund & Browder, Surg Gynecol Obstet 1944",
    "wallace1951": "Wallace, Lancet 1951",
    "rossiter1996": "Rossiter et al., Burns 1996",
    "rhodes2013": "Rhodes et al., Br J Dermatol 2013",
}


def _value(c: CriterionResult) -> str:
    if not c.answered:
        return "not answered"
    if isinstance(c.value, bool):
        return "yes" if c.value else "no"
    assert c.value is not None
    return f"{format_number(float(c.value), 2)} {c.unit or ''}".rstrip()


def _criterion_line(c: CriterionResult) -> str:
    mark = "?" if c.met is None else ("MET" if c.met else "not met")
    return f"- {c.label}: {_value(c)} [{mark}]"


def _sources(keys: list[str]) -> str:
    return "; ".join(SHORT_SOURCES.get(k, k) for k in keys)


def _messages(messages: list[Message], prefix: str) -> list[str]:
    return [f"{prefix}: {m.text}" for m in messages]


def _score_lines(r: ScoreResult) -> list[str]:
    if r.score is None and r.calculator == "scorten":
        head = f"{r.name}: incomplete ({r.answered_text}), between {r.score_min} and {r.score_max}"
        return [head]
    if r.score is None:
        return [f"{r.name}: {r.answered_text}"]
    day = f" (day {r.day})" if r.day else ""
    lines = [f"{r.name}{day}: {r.score}/{r.max_score}"]
    if r.mortality_percent is not None:
        lines.append(f"Mortality {format_number(r.mortality_percent)} %: {r.mortality_basis}")
    if r.model_mortality_percent is not None:
        lines.append(
            f"Formula estimate {format_number(r.model_mortality_percent)} %: "
            f"{r.model_mortality_basis}"
        )
    return lines


def _bsa_lines(r: BsaResult) -> list[str]:
    if r.detached_bsa_percent is not None:
        amount = f"{format_number(r.detached_bsa_percent)} %"
    else:
        lo, hi = r.detached_bsa_range or (0.0, 0.0)
        amount = f"{format_number(lo)}-{format_number(hi)} %"
    lines = [f"Detached BSA ({r.method}): {amount}"]
    if r.erythema_bsa_percent:
        lines.append(f"Erythema (not counted): {format_number(r.erythema_bsa_percent)} %")
    lines += [
        f"- {s.region}: {format_number(s.detached_percent_of_region)} % of region "
        f"= {format_number(s.detached_bsa_percent, 2)} % BSA"
        for s in r.regions
    ]
    if r.classification is not None:
        lines.append(f"Classification: {r.classification.value}")
    return lines


def chart_note(result: ScoreResult | BsaResult | ClassifyResult, when: datetime) -> str:
    """A short plain-text summary to paste into a chart note."""
    if isinstance(result, ScoreResult):
        lines = _score_lines(result) + [_criterion_line(c) for c in result.criteria]
    elif isinstance(result, BsaResult):
        lines = _bsa_lines(result)
    else:
        spots = "with spots" if result.spots else "without spots (large sheets)"
        lines = [
            f"Classification: {result.classification.value} "
            f"(detached {format_number(result.detached_bsa_percent)} % BSA, {spots})",
            f"Rule: {result.rule}",
        ]
    lines += _messages(result.warnings, "WARNING")
    lines.append(f"Source: {_sources(result.citations)}")
    lines.append(f"Computed with SJSRef {when:%Y-%m-%d %H:%M}; check against the clinical picture.")
    return "\n".join(lines)
