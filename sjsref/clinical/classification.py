"""Clinical classification by detached body-surface area.

Bastuji-Garin S et al., Arch Dermatol 1993;129:92-96: SJS below 10 %,
SJS/TEN overlap between 10 and 30 %, TEN above 30 % (with spots), and TEN
without spots above 10 % when detachment is in large sheets with no purpuric
macules or target lesions. Boundaries: exactly 10 % and exactly 30 % are
overlap ("between 10 and 30 %"; TEN needs "above 30 %").

Bullous erythema multiforme also has < 10 % detachment but typical or raised
atypical targets; this tool does not judge lesion morphology, so it says so.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, field_validator

from sjsref.clinical import plausibility as lim
from sjsref.clinical.citations import BASTUJI_GARIN_1993, Source
from sjsref.clinical.results import Message, MessageKind
from sjsref.clinical.rules import Op, Threshold, format_number

_SOURCE = Source(BASTUJI_GARIN_1993, "abstract, classification criteria")
SJS_BELOW = Threshold(Op.LT, 10, "% BSA", _SOURCE)  # SJS: detachment below 10 %
TEN_ABOVE = Threshold(Op.GT, 30, "% BSA", _SOURCE)  # TEN with spots: above 30 %
TEN_NO_SPOTS_ABOVE = Threshold(Op.GT, 10, "% BSA", _SOURCE)  # TEN without spots: above 10 %


class Category(StrEnum):
    SJS = "SJS"
    OVERLAP = "SJS/TEN overlap"
    TEN = "TEN"


class ClassifyInput(BaseModel):
    """Detached (plus detachable) BSA and whether spots are present."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    detached_bsa_percent: float
    spots: bool = True

    @field_validator("detached_bsa_percent")
    @classmethod
    def _bsa(cls, v: float) -> float:
        lim.PERCENT_BSA.check(v)
        return v


class ClassifyResult(BaseModel):
    calculator: str = "classify"
    detached_bsa_percent: float
    spots: bool
    classification: Category
    rule: str
    warnings: list[Message]
    notes: list[Message]
    citations: list[str]


def _category(bsa: float, spots: bool) -> tuple[Category, str]:
    if not spots and TEN_NO_SPOTS_ABOVE.met(bsa):
        return Category.TEN, f"TEN without spots: {TEN_NO_SPOTS_ABOVE.label()} in large sheets"
    if SJS_BELOW.met(bsa):
        return Category.SJS, f"SJS: detachment {SJS_BELOW.label()}"
    if TEN_ABOVE.met(bsa):
        return Category.TEN, f"TEN with spots: detachment {TEN_ABOVE.label()}"
    return Category.OVERLAP, "SJS/TEN overlap: detachment 10–30 % BSA (both ends included)"


def _notes(bsa: float, spots: bool, category: Category) -> list[Message]:
    notes = [
        Message(
            kind=MessageKind.METHOD,
            text=(
                "Count detached and detachable (Nikolsky-positive) skin; "
                "erythema alone is not counted."
            ),
            citations=[BASTUJI_GARIN_1993],
        )
    ]
    if category == Category.SJS:
        notes.append(
            Message(
                kind=MessageKind.METHOD,
                text=(
                    "Below 10 % with typical or raised atypical targets is bullous erythema "
                    "multiforme, not SJS; this tool does not assess lesion type."
                ),
                citations=[BASTUJI_GARIN_1993],
            )
        )
    if spots and category == Category.OVERLAP and TEN_NO_SPOTS_ABOVE.met(bsa):
        notes.append(
            Message(
                kind=MessageKind.METHOD,
                text=(
                    "Classified with spots (purpuric macules or flat atypical targets). "
                    "If the detachment is in large sheets without spots, this is TEN."
                ),
                citations=[BASTUJI_GARIN_1993],
            )
        )
    if bsa in (10.0, 30.0):
        notes.append(
            Message(
                kind=MessageKind.BOUNDARY,
                text=(
                    f"Exactly {format_number(bsa)} % is SJS/TEN overlap: the paper puts overlap "
                    "'between 10 and 30 %' and requires 'above' 30 % (or above 10 % without "
                    "spots) for TEN."
                ),
                citations=[BASTUJI_GARIN_1993],
            )
        )
    return notes


def classify(inp: ClassifyInput) -> ClassifyResult:
    """SJS, overlap or TEN from detached BSA and the presence of spots."""
    category, rule = _category(inp.detached_bsa_percent, inp.spots)
    return ClassifyResult(
        detached_bsa_percent=inp.detached_bsa_percent,
        spots=inp.spots,
        classification=category,
        rule=rule,
        warnings=[],
        notes=_notes(inp.detached_bsa_percent, inp.spots, category),
        citations=[BASTUJI_GARIN_1993],
    )
