"""Short chart-note text for any calculator result, for pasting into a record.

The command line prints it; the window copies it to the clipboard. It states
inputs with units, the result, the source, and the date and time it was made.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pydantic import BaseModel

from sjsref.clinical import dates
from sjsref.clinical.alden import AldenDrugResult, AldenResult
from sjsref.clinical.bsa import BsaResult, RegionShare
from sjsref.clinical.classification import CUTOFFS, Category, ClassifyResult, shown_bsa
from sjsref.clinical.numbers import format_beside, format_number, format_typed
from sjsref.clinical.results import CriterionResult, Message, ScoreResult
from sjsref.clinical.scorten_course import Course


def criterion_value(c: CriterionResult) -> str:
    """What was entered for a criterion, with its unit, as typed."""
    if c.value is None:
        return "not answered"
    if isinstance(c.value, bool):
        return "yes" if c.value else "no"
    # As typed: 40.001 (or 10.00001) is never printed as 40 (or 10) beside "> 40".
    shown = f"{format_typed(float(c.value))} {c.unit or ''}".rstrip()
    return f"{shown}, {c.pending}: not scored" if c.pending else shown


def criterion_mark(c: CriterionResult) -> str:
    """'MET', 'not met', or '?' while it cannot be judged: words, never colour alone."""
    return "?" if c.met is None else ("MET" if c.met else "not met")


def _criterion_line(c: CriterionResult) -> str:
    return f"- {c.label}: {criterion_value(c)} [{criterion_mark(c)}]"


def _sources(keys: list[str], names: Mapping[str, str]) -> str:
    return "; ".join(names.get(k, k) for k in keys)


def _messages(messages: list[Message], prefix: str) -> list[str]:
    return [f"{prefix}: {m.text}" for m in messages]


def score_headline(r: ScoreResult) -> str:
    """'SCORTEN 3 of 7 (day 1); 5 of 7 if read as age ≥ 40 years, ...': both readings."""
    day = f" (day {r.day})" if r.day else ""
    if not r.max_score:  # predictors without verified weights: counted, never scored
        met = sum(1 for c in r.criteria if c.met)
        return f"{r.name}: {met} of {r.total} present; no score ({r.answered_text})"
    if r.score is None:
        return (
            f"{r.name} incomplete{day}: {r.answered_text}; "
            f"score between {r.score_min} and {r.score_max}"
        )
    head = f"{r.name} {r.score} of {r.max_score}{day}"
    if r.score_other_reading is not None:
        head += (
            f"; {r.score_other_reading} of {r.max_score} if read as {r.score_other_reading_rule}"
        )
    return head


def mortality_line(r: ScoreResult) -> str | None:
    """The observed figure with its evidence: count, patients, 95 % CI, and the other reading."""
    if r.mortality_percent is None:
        return None
    line = f"Observed mortality {format_number(r.mortality_percent)} %"
    if r.mortality_deaths is not None and r.mortality_ci95 is not None:
        lo, hi = r.mortality_ci95
        line += (
            f" ({r.mortality_deaths} of {r.mortality_patients} died; "
            f"95 % CI {format_number(lo)}–{format_number(hi)} %)"
        )
    if r.mortality_percent_other_reading is not None:
        other = f"{format_number(r.mortality_percent_other_reading)} %"
        score = r.score_other_reading
        rows = [t for t in r.mortality_table if _in_band(score, t.scores)]
        other += "".join(f" ({t.deaths} of {t.patients})" for t in rows)
        line += f"; {other} under the other reading"
    return line


def _in_band(score: int | None, band: str) -> bool:
    low, _, high = band.partition("-")
    return score is not None and int(low) <= score <= int(high or low)


def model_line(r: ScoreResult) -> str | None:
    if r.model_mortality_percent is None:
        return None
    return f"Model: {format_number(r.model_mortality_percent)} % ({r.model_mortality_basis})"


def _score_lines(r: ScoreResult) -> list[str]:
    lines = [score_headline(r)]
    if r.no_score_reason:
        lines.append(r.no_score_reason)
    mortality = mortality_line(r)
    if mortality is not None:
        lines.append(f"{mortality}: {r.mortality_basis}")
    model = model_line(r)
    if model is not None:
        lines.append(model)
    return lines


def bsa_amount(r: BsaResult) -> str:
    """The detached area, or its range when sex is not given, beside the class cut-offs."""
    if r.detached_bsa_percent is not None:
        return shown_bsa(r.detached_bsa_percent)
    lo, hi = r.detached_bsa_range or (0.0, 0.0)
    return f"{shown_bsa(lo).removesuffix(' %')}–{shown_bsa(hi)}"


def classification_text(
    classification: Category | None, if_spots: Category | None, if_no_spots: Category | None
) -> str:
    """'TEN', or both classes while spots are not answered."""
    if classification is not None:
        return classification.value
    if if_spots is not None and if_no_spots is not None:
        return (
            f"not classified: {if_spots.value} with spots, "
            f"{if_no_spots.value} without spots (large sheets)"
        )
    return "not classified: depends on sex (see the range), and spots may decide it too"


def _bsa_lines(r: BsaResult) -> list[str]:
    method = r.method_label + (f", {r.age_column_label}" if r.age_column_label else "")
    lines = [f"Detached BSA: {bsa_amount(r)} ({method})"]
    if r.erythema_bsa_percent:
        lines.append(f"Erythema (not counted): {format_number(r.erythema_bsa_percent)} %")
    lines += [_region_line(s) for s in r.regions]
    lines.append(
        "Classification: "
        + classification_text(
            r.classification, r.classification_if_spots, r.classification_if_no_spots
        )
    )
    return lines


def _region_line(share: RegionShare) -> str:
    if share.detached_percent_of_region == 0 and share.erythema_bsa_percent:
        return f"- {share.label}: erythema only (not counted)"
    # The region's share is printed beside the class cut-offs too: 9.9996, never "10".
    of_body = format_beside(share.detached_bsa_percent, CUTOFFS, 2)
    return (
        f"- {share.label}: {format_typed(share.detached_percent_of_region)} % of region "
        f"= {of_body} % BSA"
    )


def spots_text(spots: bool | None) -> str:
    if spots is None:
        return "spots not answered"
    return "with spots" if spots else "without spots (large sheets)"


def _classify_lines(r: ClassifyResult) -> list[str]:
    shown = classification_text(
        r.classification, r.classification_if_spots, r.classification_if_no_spots
    )
    return [
        f"Classification: {shown} "
        f"(detached {shown_bsa(r.detached_bsa_percent)} BSA, {spots_text(r.spots)})",
        f"Rule: {r.rule}",
    ]


def alden_drug_headline(drug: AldenDrugResult) -> str:
    """'Allopurinol: 6, very probable', or the range while an answer is missing."""
    if drug.score is not None and drug.band is not None:
        return f"{drug.name}: {drug.score}, {drug.band.value}"
    return f"{drug.name}: incomplete, between {drug.score_min} and {drug.score_max}"


def alden_rank(drug: AldenDrugResult, drugs: list[AldenDrugResult]) -> str:
    """'1.' or, for a rank two drugs share, '1=.'; a tie never reads as a preference."""
    shared = sum(d.rank == drug.rank for d in drugs) > 1
    return f"{drug.rank}{'=' if shared else ''}."


def _alden_lines(r: AldenResult) -> list[str]:
    lines = [f"ALDEN drug causality, index day {dates.short(r.index_day)}"]
    for drug in r.drugs:
        lines.append(f"{alden_rank(drug, r.drugs)} {alden_drug_headline(drug)}")
        lines += [f"   {c.number}. {c.label}: {c.rule}" for c in drug.criteria]
        lines += [f"   WARNING: {w.text}" for w in drug.warnings]
    return lines


def _result_lines(result: BaseModel) -> tuple[list[str], list[str]]:
    """The note's lines for one result, and the citation keys it rests on."""
    if isinstance(result, ScoreResult):
        lines = _score_lines(result) + [_criterion_line(c) for c in result.criteria]
    elif isinstance(result, BsaResult):
        lines = _bsa_lines(result)
    elif isinstance(result, ClassifyResult):
        lines = _classify_lines(result)
    elif isinstance(result, AldenResult):
        lines = _alden_lines(result)
    else:
        raise TypeError(f"no chart note for a {type(result).__name__}")
    return lines + _messages(result.warnings, "WARNING"), list(result.citations)


def _footer(keys: list[str], when: datetime, sources: Mapping[str, str] | None) -> list[str]:
    return [
        f"Source: {_sources(keys, sources or {})}",
        f"Computed with SJSRef {when:%Y-%m-%d %H:%M}; check against the clinical picture.",
    ]


def chart_note(result: BaseModel, when: datetime, sources: Mapping[str, str] | None = None) -> str:
    """A short plain-text summary of any calculator's result, to paste into a chart note.

    Args:
        result: What a calculator returned.
        when: The date and time stamped on the note.
        sources: Citation key -> short name (from the reference list); a key
            not listed is printed as it is.

    Raises:
        TypeError: ``result`` is not a calculator result this module knows.
    """
    lines, keys = _result_lines(result)
    return "\n".join(lines + _footer(keys, when, sources))


def course_note(course: Course, when: datetime, sources: Mapping[str, str] | None = None) -> str:
    """Day 1 and day 3 SCORTEN in one chart note: the change first, then each day in full.

    Raises:
        ValueError: one of the two days has no result.
    """
    if course.day1 is None or course.day3 is None:
        raise ValueError("both days are needed for a day 1 / day 3 note")
    lines = [f"SCORTEN day 1 and day 3: {course.change_text}", course.advice]
    lines += ["", "Day 1 (admission):", *_result_lines(course.day1)[0]]
    lines += ["", "Day 3:", *_result_lines(course.day3)[0], ""]
    keys = [*course.day1.citations, *course.evidence.citations, *course.day3.citations]
    return "\n".join(lines + _footer(list(dict.fromkeys(keys)), when, sources))
