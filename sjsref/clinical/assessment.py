"""A calculator's result as a printable assessment: plain data, laid out by the window.

The printed page and the chart note say the same things in the same words:
the headline, the mortality with its evidence and each criterion's line come
from ``sjsref.clinical.report``. Here they are only grouped into blocks (one
per day, or per suspect drug) with rows of input, entered value and
met / not met, so a page can set them as a table. No Qt, no HTML.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel

from sjsref.clinical.alden import AldenResult
from sjsref.clinical.bsa import BsaResult, RegionShare
from sjsref.clinical.classification import CUTOFFS, ClassifyResult, shown_bsa
from sjsref.clinical.numbers import format_beside, format_number, format_typed
from sjsref.clinical.report import (
    alden_drug_headline,
    bsa_amount,
    classification_text,
    criterion_mark,
    criterion_value,
    model_line,
    mortality_line,
    score_headline,
    spots_text,
)
from sjsref.clinical.results import Message, MessageKind, ScoreResult
from sjsref.clinical.scorten_course import Course

# Month abbreviations in English whatever the system locale: dd-Mmm-yyyy is
# read the same everywhere and never confuses day and month.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_stamp(day: date) -> str:
    """'22-Nov-2026'."""
    return f"{day.day:02d}-{_MONTHS[day.month - 1]}-{day.year}"


def stamp(when: datetime) -> str:
    """'22-Nov-2026 14:05': the date as dd-Mmm-yyyy and the time on the 24-hour clock."""
    return f"{day_stamp(when)} {when:%H:%M}"


class Row(BaseModel):
    """One line of a block's table: what was asked, what was entered, and the verdict."""

    label: str
    value: str
    status: str = ""  # "MET", "not met", "not answered", or "" where nothing is judged


class Block(BaseModel):
    """One result: a headline, lines under it, and a table of its inputs."""

    heading: str = ""  # "Day 1 (admission)", "1. Allopurinol"; "" for a single result
    headline: str
    lines: list[str] = []
    columns: tuple[str, str, str] = ("Criterion (threshold)", "Entered", "Met?")
    rows: list[Row] = []


class Assessment(BaseModel):
    """What one printed assessment holds, before any layout."""

    title: str
    blocks: list[Block]
    comparison: list[str] = []  # day 1 against day 3, when both were entered
    # The same two days side by side: label, day 1, day 3 (value and status of a Row).
    comparison_rows: list[Row] = []
    warnings: list[Message]
    notes: list[Message]
    citations: list[str]


def _score_block(r: ScoreResult, heading: str = "") -> Block:
    lines = [r.no_score_reason] if r.no_score_reason else []
    mortality = mortality_line(r)
    if mortality is not None:
        lines.append(f"{mortality}: {r.mortality_basis}")
    model = model_line(r)
    if model is not None:
        lines.append(model)
    rows = [
        Row(label=c.label, value=criterion_value(c), status=criterion_mark(c)) for c in r.criteria
    ]
    return Block(heading=heading, headline=score_headline(r), lines=lines, rows=rows)


def _classify_block(r: ClassifyResult) -> Block:
    shown = classification_text(
        r.classification, r.classification_if_spots, r.classification_if_no_spots
    )
    return Block(
        headline=f"Classification: {shown}",
        lines=[f"Rule: {r.rule}"],
        columns=("Input", "Entered", ""),
        rows=[
            Row(label="Detached + detachable BSA", value=shown_bsa(r.detached_bsa_percent)),
            Row(
                label="Spots (purpuric macules or flat atypical targets)", value=spots_text(r.spots)
            ),
        ],
    )


def _region_share(s: RegionShare) -> str:
    """A region's share of the body; its erythema beside it, so a map's marks all print."""
    share = f"{format_beside(s.detached_bsa_percent, CUTOFFS, 2)} % BSA"
    if s.erythema_bsa_percent:
        share += f" (erythema {format_number(s.erythema_bsa_percent)} % BSA, not counted)"
    return share


def _bsa_block(r: BsaResult) -> Block:
    method = r.method_label + (f", {r.age_column_label}" if r.age_column_label else "")
    lines = [f"Method: {method}"]
    if r.erythema_bsa_percent:
        lines.append(
            f"Erythema (recorded, not counted): {format_number(r.erythema_bsa_percent)} % BSA"
        )
    category = classification_text(
        r.classification, r.classification_if_spots, r.classification_if_no_spots
    )
    lines.append(f"Classification: {category}")
    rows = [
        Row(
            label=s.label,
            value=f"{format_typed(s.detached_percent_of_region)} % of region",
            status=_region_share(s),
        )
        for s in r.regions
    ]
    return Block(
        headline=f"Detached BSA: {bsa_amount(r)}",
        lines=lines,
        columns=("Region", "Detached", "Of the body"),
        rows=rows,
    )


def _alden_blocks(r: AldenResult) -> list[Block]:
    return [
        Block(
            heading=f"{drug.rank}. {drug.name}",
            headline=alden_drug_headline(drug),
            lines=[f"WARNING: {w.text}" for w in drug.warnings],
            columns=("Criterion", "Finding and points", ""),
            rows=[Row(label=f"{c.number}. {c.label}", value=c.rule) for c in drug.criteria],
        )
        for drug in r.drugs
    ]


def assessment(result: BaseModel, title: str) -> Assessment:
    """The printable form of any calculator's result.

    Raises:
        TypeError: ``result`` is not a calculator result this module knows.
    """
    if isinstance(result, ScoreResult):
        blocks = [_score_block(result)]
    elif isinstance(result, ClassifyResult):
        blocks = [_classify_block(result)]
    elif isinstance(result, BsaResult):
        blocks = [_bsa_block(result)]
    elif isinstance(result, AldenResult):
        blocks = [Block(headline=f"Index day {day_stamp(result.index_day)}")]
        blocks += _alden_blocks(result)
    else:
        raise TypeError(f"no assessment for a {type(result).__name__}")
    return Assessment(
        title=title,
        blocks=blocks,
        warnings=list(result.warnings),
        notes=list(result.notes),
        citations=list(result.citations),
    )


def _merged(first: list[Message], second: list[Message], labels: tuple[str, str]) -> list[Message]:
    """Both days' messages; one said on both days is printed once, others name their day."""
    texts = {m.text for m in first} & {m.text for m in second}
    merged = [m for m in first if m.text in texts]
    for messages, label in zip((first, second), labels, strict=True):
        merged += [
            m.model_copy(update={"text": f"{label}: {m.text}"})
            for m in messages
            if m.text not in texts
        ]
    return merged


def _untimed(messages: list[Message]) -> list[Message]:
    return [m for m in messages if m.kind is not MessageKind.TIMING]


def course_assessment(course: Course, title: str) -> Assessment:
    """Day 1 and day 3 on one page: both blocks, the change and Guégan's finding.

    Raises:
        ValueError: one of the two days has no result.
    """
    if course.day1 is None or course.day3 is None:
        raise ValueError("both days are needed for a day 1 / day 3 assessment")
    labels = ("Day 1 (admission)", "Day 3")
    keys = [*course.day1.citations, *course.evidence.citations, *course.day3.citations]
    return Assessment(
        title=title,
        blocks=[_score_block(course.day1, labels[0]), _score_block(course.day3, labels[1])],
        comparison=[course.change_text, course.advice, course.evidence.text],
        comparison_rows=[
            Row(label="SCORTEN", value=course.days[0].score, status=course.days[1].score),
            Row(
                label="Observed mortality",
                value=course.days[0].mortality,
                status=course.days[1].mortality,
            ),
        ],
        warnings=_merged(course.day1.warnings, course.day3.warnings, labels),
        # Each day's timing note is what the comparison says in full.
        notes=_merged(_untimed(course.day1.notes), _untimed(course.day3.notes), labels),
        citations=list(dict.fromkeys(keys)),
    )
