"""Next steps beside a result: the library sections that say what to do at that severity.

Which sections go with which result is data: :data:`STEPS`, keyed by
calculator and band. The links point at our own cited articles
(``article:ID#section``, the window's link targets); a test checks that each
one resolves to a real section of the bundled library, so a renamed heading
fails the build instead of leaving a dead link.

The acute steps are the same at every SCORTEN score and in every class: the
library's sources recommend a burn unit or ICU, withdrawing every suspect drug
and an ophthalmology review for every patient, not only above some cut-off
(first-24-hours and mucosa articles). No source there ties a step to a band,
so the bands differ only where the result itself asks a question (a class
that spots would decide, a child scored with an adult tool).
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from sjsref.clinical.bsa import BsaResult
from sjsref.clinical.classification import Category, ClassifyResult
from sjsref.clinical.results import MessageKind, ScoreResult


@dataclass(frozen=True)
class NextStep:
    """One link under a result: what the section is about, and where it is."""

    label: str
    target: str


STOP_DRUGS = NextStep(
    "Stop every suspect drug today", "article:first-24-hours#stop-every-suspect-drug-today"
)
WHERE_TO_TREAT = NextStep(
    "Where to treat: burn unit or ICU", "article:first-24-hours#where-to-treat"
)
MUCOSA = NextStep(
    "Examine every mucosa; ophthalmology for every patient",
    "article:mucosa#examine-every-mucosa-on-day-1",
)
EYE_CARE = NextStep("Eyes: acute care", "article:mucosa#eyes-acute-care")
RESCORE_DAY3 = NextStep(
    "Score again on day 3",
    "article:first-24-hours#score-severity-on-day-1-and-again-on-day-3",
)
SCORTEN_CALIBRATION = NextStep(
    "How far to trust the percentage", "article:severity#how-scorten-performs-in-other-populations"
)
ABCD10_VALIDATION = NextStep(
    "ABCD-10 against SCORTEN", "article:severity#external-validation-abcd-10-against-scorten"
)
SPOTS = NextStep("Reading the lesions (spots)", "article:classification#reading-the-lesions")
BOUNDARIES = NextStep(
    "Exact boundaries at 10 % and 30 %", "article:classification#exact-boundaries-at-10-and-30"
)
MORTALITY_BY_CLASS = NextStep(
    "Mortality by class: sources disagree",
    "article:epidemiology#mortality-by-category-sources-disagree",
)
CHILDREN = NextStep(
    "Children: adult tools that do not transfer cleanly",
    "article:children-pregnancy#adult-tools-that-do-not-transfer-cleanly",
)

_ACUTE = (STOP_DRUGS, WHERE_TO_TREAT, MUCOSA, EYE_CARE)
_SCORTEN = (*_ACUTE, RESCORE_DAY3, SCORTEN_CALIBRATION)
_CLASSIFIED = (*_ACUTE, MORTALITY_BY_CLASS)
INCOMPLETE = "incomplete"
UNCLASSIFIED = "not classified"

# (calculator, band) -> sections, in the order a clinician acts on them.
STEPS: dict[tuple[str, str], tuple[NextStep, ...]] = {
    ("scorten", "0-1"): _SCORTEN,
    ("scorten", "2"): _SCORTEN,
    ("scorten", "3"): _SCORTEN,
    ("scorten", "4"): _SCORTEN,
    ("scorten", "5-7"): _SCORTEN,
    ("scorten", INCOMPLETE): _SCORTEN,
    ("abcd10", "any"): (*_ACUTE, ABCD10_VALIDATION),
    ("classify", Category.SJS.value): _CLASSIFIED,
    ("classify", Category.OVERLAP.value): (*_CLASSIFIED, BOUNDARIES),
    ("classify", Category.TEN.value): _CLASSIFIED,
    ("classify", UNCLASSIFIED): (SPOTS, BOUNDARIES, *_ACUTE),
    ("bsa", Category.SJS.value): _CLASSIFIED,
    ("bsa", Category.OVERLAP.value): (*_CLASSIFIED, BOUNDARIES),
    ("bsa", Category.TEN.value): _CLASSIFIED,
    ("bsa", UNCLASSIFIED): (SPOTS, BOUNDARIES, *_ACUTE),
}


def band(result: BaseModel) -> tuple[str, str] | None:
    """The (calculator, band) key of a result, or None for a result with no next steps."""
    if isinstance(result, ScoreResult):
        if not result.answered:  # an empty form: nothing to act on yet
            return None
        if result.calculator != "scorten":
            return result.calculator, "any"
        row = next((r for r in result.mortality_table if r.patient), None)
        return "scorten", row.scores if row is not None else INCOMPLETE
    if isinstance(result, (ClassifyResult, BsaResult)):
        category = result.classification
        calculator = "classify" if isinstance(result, ClassifyResult) else "bsa"
        return calculator, category.value if category is not None else UNCLASSIFIED
    return None


def next_steps(result: BaseModel) -> tuple[NextStep, ...]:
    """The library sections to read next for this result (none for an unknown kind)."""
    key = band(result)
    steps = STEPS.get(key, ()) if key is not None else ()
    outside = any(m.kind is MessageKind.POPULATION for m in getattr(result, "warnings", []))
    return (*steps, CHILDREN) if outside and CHILDREN not in steps else steps
