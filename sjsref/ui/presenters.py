"""How each kind of result is shown on a calculator's panel, from the clinical layer's words.

The headline, the mortality line and the classification text are the chart
note's own (``sjsref.clinical.report``), so the window and the pasted note say
the same thing. Everything here only arranges and escapes them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from sjsref.clinical.alden import AldenDrugResult, AldenResult
from sjsref.clinical.alden_criteria import points_text
from sjsref.clinical.bsa import BsaResult
from sjsref.clinical.classification import CUTOFFS, ClassifyResult, shown_bsa
from sjsref.clinical.numbers import format_beside, format_number, format_typed
from sjsref.clinical.report import (
    alden_drug_headline,
    alden_rank,
    bsa_amount,
    classification_text,
    model_line,
    mortality_line,
    score_headline,
    spots_text,
)
from sjsref.clinical.results import Message, MortalityRow, ScoreResult


@dataclass
class Shown:
    """What a panel shows: rich-text parts the presenter has escaped."""

    headline: str
    mortality: str = ""
    model: str = ""
    detail: str = ""
    warnings: list[Message] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)


def percent(value: float) -> str:
    return f"{format_number(value)} %"


def mortality_table_html(rows: list[MortalityRow]) -> str:
    """The observed score-to-mortality table, the patient's band marked in words and bold."""
    if not rows:
        return ""
    body = ""
    for row in rows:
        lo, hi = row.ci95
        cells = [
            (row.scores, "left"),
            (f"{row.deaths} of {row.patients}", "right"),
            (percent(row.percent), "right"),
            (f"{format_number(lo)}–{format_number(hi)} %", "right"),
            ("◀ this patient" if row.patient else "", "left"),
        ]
        mark = ("<b>", "</b>") if row.patient else ("", "")
        body += (
            "<tr>"
            + "".join(f"<td align='{align}'>{mark[0]}{text}{mark[1]}</td>" for text, align in cells)
            + "</tr>"
        )
    return (
        "<p><b>Observed mortality by score</b> (development sample)</p>"
        "<table cellpadding='3'><tr><th align='left'>Score</th><th>Died</th>"
        "<th>Mortality</th><th>95 % CI</th><th></th></tr>" + body + "</table>"
    )


def score(result: ScoreResult) -> Shown:
    """A points score: both readings in the headline, the observed figure with its evidence."""
    mortality = mortality_line(result)
    model = model_line(result)
    if mortality:
        sub = f"<b>{html.escape(mortality)}</b><br>{html.escape(result.mortality_basis or '')}"
    else:
        sub = html.escape(result.no_score_reason or "")
    if result.max_score:
        detail = mortality_table_html(result.mortality_table)
    else:  # predictors without weights: which are present
        met = [html.escape(c.label) for c in result.criteria if c.met]
        detail = f"<p><b>Predictors present:</b> {', '.join(met) if met else 'none'}</p>"
    return Shown(
        html.escape(score_headline(result)),
        sub,
        html.escape(model) if model else "",
        detail,
        result.warnings,
        result.notes,
        result.citations,
    )


def classify(result: ClassifyResult) -> Shown:
    """SJS, overlap or TEN, or both classes while spots are not answered."""
    shown = classification_text(
        result.classification, result.classification_if_spots, result.classification_if_no_spots
    )
    return Shown(
        html.escape(shown[:1].upper() + shown[1:]),
        html.escape(
            f"Detached {shown_bsa(result.detached_bsa_percent)} BSA, {spots_text(result.spots)}"
        ),
        detail=f"<p><b>Rule:</b> {html.escape(result.rule)}</p>",
        warnings=result.warnings,
        notes=result.notes,
        citations=result.citations,
    )


def bsa(result: BsaResult) -> Shown:
    """The detached area, its class (or both while spots decide), and each region's share."""
    category = classification_text(
        result.classification, result.classification_if_spots, result.classification_if_no_spots
    )
    method = result.method_label
    if result.age_column_label:
        method += f", {result.age_column_label}"
    detail = f"<p>Method: {html.escape(method)}</p>"
    if result.erythema_bsa_percent:
        detail += (
            f"<p>Erythema (recorded, not counted): "
            f"{format_number(result.erythema_bsa_percent)} % BSA</p>"
        )
    if result.regions:
        rows = "".join(
            f"<tr><td>{html.escape(s.label)}</td>"
            f"<td align='right'>{format_typed(s.detached_percent_of_region)} %</td>"
            f"<td align='right'>{format_beside(s.detached_bsa_percent, CUTOFFS, 2)} %</td></tr>"
            for s in result.regions
        )
        detail += (
            "<table cellpadding='3'><tr><th align='left'>Region</th>"
            "<th>of region</th><th>of body</th></tr>" + rows + "</table>"
        )
    return Shown(
        html.escape(f"Detached {bsa_amount(result)} BSA"),
        f"<b>Classification: {html.escape(category)}</b>",
        detail=detail,
        warnings=result.warnings,
        notes=result.notes,
        citations=result.citations,
    )


def _alden_drug_html(drug: AldenDrugResult, drugs: list[AldenDrugResult]) -> str:
    rows = "".join(
        f"<tr><td>{c.number}. {html.escape(c.label)}</td>"
        f"<td>{html.escape(c.value or 'not answered')}</td>"
        f"<td align='right'>{'?' if c.points is None else points_text(c.points)}</td></tr>"
        f"<tr><td colspan='3'><small>{html.escape(c.rule)}</small></td></tr>"
        for c in drug.criteria
    )
    return (
        f"<p><b>{alden_rank(drug, drugs)} {html.escape(alden_drug_headline(drug))}</b></p>"
        "<table cellpadding='2'><tr><th align='left'>Criterion</th><th align='left'>Found</th>"
        f"<th>Points</th></tr>{rows}</table>"
    )


def alden_headline(result: AldenResult) -> str:
    """The first-ranked drug, or every drug tied first; a lone drug is just named."""
    first = [d for d in result.drugs if d.rank == 1]
    shown = "; ".join(alden_drug_headline(d) for d in first)
    if len(first) > 1:
        return f"Tied first: {shown}"
    return f"Ranked first: {shown}" if len(result.drugs) > 1 else shown


def alden(result: AldenResult) -> Shown:
    """Every suspect drug ranked: headline names the first, each drug's criteria beneath."""
    rest = [d for d in result.drugs if d.rank > 1]
    ranked = ", ".join(f"{alden_rank(d, result.drugs)} {alden_drug_headline(d)}" for d in rest)
    warnings = list(result.warnings) + [w for d in result.drugs for w in d.warnings]
    return Shown(
        html.escape(alden_headline(result)),
        html.escape(f"Then {ranked}") if ranked else "",
        detail="".join(_alden_drug_html(d, result.drugs) for d in result.drugs),
        warnings=warnings,
        notes=result.notes,
        citations=result.citations,
    )
