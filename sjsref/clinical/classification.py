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
from sjsref.clinical.citations import (
    BASTUJI_GARIN_1993,
    INGENHOUSZORO_2018,
    INGENHOUSZORO_2023,
    Source,
)
from sjsref.clinical.numbers import format_beside, format_number, side
from sjsref.clinical.results import Message, MessageKind
from sjsref.clinical.rules import Op, Threshold

_SOURCE = Source(BASTUJI_GARIN_1993, "abstract, classification criteria")
SJS_BELOW = Threshold(Op.LT, 10, "% BSA", _SOURCE)  # SJS: detachment below 10 %
TEN_ABOVE = Threshold(Op.GT, 30, "% BSA", _SOURCE)  # TEN with spots: above 30 %
TEN_NO_SPOTS_ABOVE = Threshold(Op.GT, 10, "% BSA", _SOURCE)  # TEN without spots: above 10 %
# Later sources put exactly 30 % in TEN ("TEN 30 % or more", overlap "10-29 %"):
# reported beside the 1993 reading, never used to classify.
TEN_OTHER = Threshold(Op.GE, 30, "% BSA", Source(INGENHOUSZORO_2018, "definitions"))


class Category(StrEnum):
    SJS = "SJS"
    OVERLAP = "SJS/TEN overlap"
    TEN = "TEN"


class ClassifyInput(BaseModel):
    """Detached (plus detachable) BSA and whether spots are present.

    ``spots`` has no default: None means not answered, and a detachment where
    the answer changes the class then gets both classes, never a guess.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    detached_bsa_percent: float
    spots: bool | None

    @field_validator("detached_bsa_percent")
    @classmethod
    def _bsa(cls, v: float) -> float:
        lim.PERCENT_BSA.check(v)
        return v


class ClassifyResult(BaseModel):
    calculator: str = "classify"
    detached_bsa_percent: float
    spots: bool | None
    classification: Category | None  # None while spots decide and are not answered
    classification_if_spots: Category
    classification_if_no_spots: Category
    rule: str
    warnings: list[Message]
    notes: list[Message]
    citations: list[str]

    @property
    def complete(self) -> bool:
        return self.classification is not None


# The cut-offs a detachment is printed beside, so rounding never crosses one.
CUTOFFS = (SJS_BELOW.value, TEN_ABOVE.value)


def shown_bsa(bsa: float) -> str:
    """A detached area as printed beside the classification's cut-offs."""
    return f"{format_beside(bsa, CUTOFFS)} %"


def _category(bsa: float, spots: bool) -> tuple[Category, str]:
    if not spots and TEN_NO_SPOTS_ABOVE.met(bsa):
        return Category.TEN, f"TEN without spots: {TEN_NO_SPOTS_ABOVE.label()} in large sheets"
    if SJS_BELOW.met(bsa):
        return Category.SJS, f"SJS: detachment {SJS_BELOW.label()}"
    if TEN_ABOVE.met(bsa):
        return Category.TEN, f"TEN with spots: detachment {TEN_ABOVE.label()}"
    return Category.OVERLAP, (
        f"SJS/TEN overlap: detachment {format_number(SJS_BELOW.value)}–"
        f"{format_number(TEN_ABOVE.value)} % BSA (both ends included)"
    )


def criteria_labels() -> tuple[str, ...]:
    """The four classes with their rules, as the search lists them."""
    return (
        f"SJS: detachment {SJS_BELOW.label()}",
        f"SJS/TEN overlap: detachment {format_number(SJS_BELOW.value)}-"
        f"{format_number(TEN_ABOVE.value)} % BSA",
        f"TEN: detachment {TEN_ABOVE.label()}",
        f"TEN without spots: {TEN_NO_SPOTS_ABOVE.label()} in sheets",
    )


def _spots_rule() -> str:
    return (
        f"Spots decide: with spots (purpuric macules or flat atypical targets) "
        f"{format_number(TEN_NO_SPOTS_ABOVE.value)}–{format_number(TEN_ABOVE.value)} % is "
        f"SJS/TEN overlap; detachment {TEN_NO_SPOTS_ABOVE.label()} in large sheets without "
        "spots is TEN. Answer whether spots are present."
    )


def _notes(bsa: float, spots: bool | None, category: Category | None) -> list[Message]:
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
                    f"Below {format_number(SJS_BELOW.value)} % with typical or raised atypical "
                    "targets is bullous erythema multiforme, not SJS; this tool does not assess "
                    "lesion type."
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
    at = [t for t in CUTOFFS if side(bsa, t) == 0]
    if at:
        notes.append(
            Message(
                kind=MessageKind.BOUNDARY,
                text=(
                    f"Exactly {format_number(at[0])} % is SJS/TEN overlap: the paper puts overlap "
                    "'between 10 and 30 %' and requires 'above' 30 % (or above 10 % without "
                    "spots) for TEN."
                ),
                citations=[BASTUJI_GARIN_1993],
            )
        )
    if TEN_OTHER.met(bsa) and not TEN_ABOVE.met(bsa):
        notes.append(
            Message(
                kind=MessageKind.BOUNDARY,
                text=(
                    f"Sources disagree here: the French national protocol and a 2023 "
                    f"international consensus write the overlap as 10-29 % and count "
                    f"{TEN_OTHER.label()} as TEN, so under their reading this is TEN."
                ),
                citations=[INGENHOUSZORO_2018, INGENHOUSZORO_2023],
            )
        )
    return notes


def classify(inp: ClassifyInput) -> ClassifyResult:
    """SJS, overlap or TEN from detached BSA and the presence of spots."""
    bsa = inp.detached_bsa_percent
    with_spots, rule_spots = _category(bsa, True)
    without_spots, rule_no_spots = _category(bsa, False)
    warnings: list[Message] = []
    if inp.spots is not None:
        category: Category | None
        category, rule = (with_spots, rule_spots) if inp.spots else (without_spots, rule_no_spots)
    elif with_spots == without_spots:
        category, rule = with_spots, rule_spots
    else:
        category, rule = None, _spots_rule()
        warnings.append(
            Message(
                kind=MessageKind.MISSING,
                text=(
                    f"Not classified: spots not answered. With spots this is "
                    f"{with_spots.value}; without spots (large sheets) it is {without_spots.value}."
                ),
                citations=[BASTUJI_GARIN_1993],
            )
        )
    notes = _notes(bsa, inp.spots, category)
    # A value where the readings of a cut-off differ is a warning, as in SCORTEN.
    warnings += [n for n in notes if n.kind == MessageKind.BOUNDARY]
    return ClassifyResult(
        detached_bsa_percent=bsa,
        spots=inp.spots,
        classification=category,
        classification_if_spots=with_spots,
        classification_if_no_spots=without_spots,
        rule=rule,
        warnings=warnings,
        notes=[n for n in notes if n.kind != MessageKind.BOUNDARY],
        citations=_cited(warnings),
    )


def _cited(warnings: list[Message]) -> list[str]:
    """The classification's source, then any other source a warning rests on."""
    keys = [BASTUJI_GARIN_1993]
    keys += [k for w in warnings for k in w.citations if k not in keys]
    return keys
