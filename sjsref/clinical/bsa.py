"""Detached body-surface area from body regions or from the patient's hand.

Count detached plus detachable (Nikolsky-positive) skin; erythema is recorded
for the chart but never counted in the detached area (Bastuji-Garin 1993).
The result is classified with ``classification.classify``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sjsref.clinical import plausibility as lim
from sjsref.clinical.bsa_charts import (
    RULE_OF_NINES,
    AgeColumn,
    age_column,
    lund_browder,
)
from sjsref.clinical.citations import (
    BASTUJI_GARIN_1993,
    LUND_1944,
    RHODES_2013,
    ROSSITER_1996,
    WALLACE_1951,
)
from sjsref.clinical.classification import Category, ClassifyInput, classify
from sjsref.clinical.inputs import check_optional
from sjsref.clinical.results import Message, MessageKind
from sjsref.clinical.rules import format_number


class Method(StrEnum):
    LUND_BROWDER = "lund-browder"
    RULE_OF_NINES = "rule-of-nines"


class RegionEntry(BaseModel):
    """How much of one region (in % of that region) is detached, and erythematous."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    region: str
    detached_percent: float = Field(ge=0, le=100)
    erythema_percent: float = Field(default=0, ge=0, le=100)

    @model_validator(mode="after")
    def _not_over_whole(self) -> Self:
        if self.detached_percent + self.erythema_percent > 100:
            raise ValueError(
                f"Region {self.region}: detached {format_number(self.detached_percent)} % plus "
                f"erythema {format_number(self.erythema_percent)} % is more than the whole region."
            )
        return self


class RegionsInput(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    method: Method = Method.LUND_BROWDER
    age_years: float | None = None
    regions: list[RegionEntry]

    @field_validator("age_years")
    @classmethod
    def _age(cls, v: float | None) -> float | None:
        return check_optional(v, lim.AGE)

    @model_validator(mode="after")
    def _regions_known(self) -> Self:
        if self.method == Method.LUND_BROWDER and self.age_years is None:
            raise ValueError(
                "Age: needed for the Lund-Browder chart, because head and leg shares change "
                "with age."
            )
        valid = _chart(self.method, self.age_years)
        seen: set[str] = set()
        for entry in self.regions:
            if entry.region not in valid:
                names = ", ".join(valid)
                raise ValueError(
                    f"Region '{entry.region}' is not on the {self.method.value} chart; "
                    f"use one of: {names}."
                )
            if entry.region in seen:
                raise ValueError(f"Region '{entry.region}' is entered twice.")
            seen.add(entry.region)
        return self


def _chart(method: Method, age_years: float | None) -> dict[str, float]:
    if method == Method.RULE_OF_NINES:
        return RULE_OF_NINES
    return lund_browder(age_column(age_years if age_years is not None else 30))


class RegionShare(BaseModel):
    region: str
    region_bsa_percent: float
    detached_percent_of_region: float
    detached_bsa_percent: float
    erythema_bsa_percent: float


class BsaResult(BaseModel):
    calculator: str = "bsa"
    method: str
    age_column: str | None = None
    detached_bsa_percent: float | None
    detached_bsa_range: tuple[float, float] | None = None
    erythema_bsa_percent: float | None = None
    classification: Category | None
    regions: list[RegionShare] = []
    warnings: list[Message]
    notes: list[Message]
    citations: list[str]


ERYTHEMA_NOTE = Message(
    kind=MessageKind.METHOD,
    text=(
        "Detached area counts detached and detachable (Nikolsky-positive) skin. "
        "Erythema is recorded but never counted."
    ),
    citations=[BASTUJI_GARIN_1993],
)


def _classification(bsa: float) -> tuple[Category, list[Message]]:
    result = classify(ClassifyInput(detached_bsa_percent=min(bsa, 100.0)))
    return result.classification, result.notes[1:]


def from_regions(inp: RegionsInput) -> BsaResult:
    """Detached (and erythematous) % BSA from a region-by-region assessment."""
    chart = _chart(inp.method, inp.age_years)
    shares = [
        RegionShare(
            region=e.region,
            region_bsa_percent=chart[e.region],
            detached_percent_of_region=e.detached_percent,
            detached_bsa_percent=round(chart[e.region] * e.detached_percent / 100, 2),
            erythema_bsa_percent=round(chart[e.region] * e.erythema_percent / 100, 2),
        )
        for e in inp.regions
    ]
    detached = round(sum(chart[e.region] * e.detached_percent / 100 for e in inp.regions), 1)
    erythema = round(sum(chart[e.region] * e.erythema_percent / 100 for e in inp.regions), 1)
    category, class_notes = _classification(detached)
    column = None
    warnings: list[Message] = []
    if inp.method == Method.LUND_BROWDER:
        column = age_column(inp.age_years if inp.age_years is not None else 0).value
        citation = LUND_1944
    else:
        citation = WALLACE_1951
        warnings += _nines_warnings(inp.age_years)
    return BsaResult(
        method=inp.method.value,
        age_column=column,
        detached_bsa_percent=detached,
        erythema_bsa_percent=erythema,
        classification=category,
        regions=shares,
        warnings=warnings,
        notes=[ERYTHEMA_NOTE, *class_notes],
        citations=[citation, BASTUJI_GARIN_1993],
    )


def _nines_warnings(age_years: float | None) -> list[Message]:
    if age_years is not None and age_column(age_years) == AgeColumn.ADULT:
        return []
    who = "Age not given" if age_years is None else f"Patient is {format_number(age_years)} years"
    return [
        Message(
            kind=MessageKind.POPULATION,
            text=(
                f"{who}: the rule of nines is an adult chart. A child's head is a larger and "
                "the legs a smaller share of the body; use the Lund-Browder chart for children."
            ),
            citations=[WALLACE_1951, LUND_1944],
        )
    ]


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"


class HandSurface(StrEnum):
    PALM = "palm"  # palm alone, without the fingers
    HAND = "hand"  # palm with the palmar surface of the fingers


# Rossiter 1996 (Burns 22:230-231, abstract), measured in adults, % of total BSA.
HAND_FRACTION_PERCENT = {
    (HandSurface.PALM, Sex.MALE): 0.5,
    (HandSurface.PALM, Sex.FEMALE): 0.4,
    (HandSurface.HAND, Sex.MALE): 0.8,
    (HandSurface.HAND, Sex.FEMALE): 0.7,
}
ADULT_AGE_YEARS = 18


class PalmInput(BaseModel):
    """How many of the patient's own hand areas the detachment covers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    count: float = Field(ge=0, le=250)
    surface: HandSurface = HandSurface.HAND
    sex: Sex | None = None
    age_years: float | None = None

    @field_validator("age_years")
    @classmethod
    def _age(cls, v: float | None) -> float | None:
        return check_optional(v, lim.AGE)


def _hand_notes(inp: PalmInput) -> list[Message]:
    surface = "palm alone" if inp.surface == HandSurface.PALM else "palm with fingers"
    male = HAND_FRACTION_PERCENT[(inp.surface, Sex.MALE)]
    female = HAND_FRACTION_PERCENT[(inp.surface, Sex.FEMALE)]
    return [
        Message(
            kind=MessageKind.METHOD,
            text=(
                f"Uses the patient's own hand ({surface}): {format_number(male)} % of BSA in men, "
                f"{format_number(female)} % in women, as measured in adults. The common teaching "
                "that a hand is 1 % over-estimates in adults."
            ),
            citations=[ROSSITER_1996, RHODES_2013],
        ),
        ERYTHEMA_NOTE,
    ]


def _hand_warnings(inp: PalmInput) -> list[Message]:
    warnings = []
    if inp.sex is None:
        warnings.append(
            Message(
                kind=MessageKind.MISSING,
                text="Sex not given: the hand is a smaller share of BSA in women, so a range "
                "is shown. Give the sex for a single figure.",
                citations=[ROSSITER_1996],
            )
        )
    if inp.age_years is not None and inp.age_years < ADULT_AGE_YEARS:
        warnings.append(
            Message(
                kind=MessageKind.POPULATION,
                text="Patient is a child: these hand fractions were measured in adults; "
                "a child's hand is a larger share of BSA, so this may under-estimate.",
                citations=[RHODES_2013],
            )
        )
    return warnings


def from_palms(inp: PalmInput) -> BsaResult:
    """Detached % BSA from the number of the patient's hand areas it covers."""
    sexes = [inp.sex] if inp.sex else [Sex.FEMALE, Sex.MALE]
    values = [round(inp.count * HAND_FRACTION_PERCENT[(inp.surface, s)], 1) for s in sexes]
    categories = {_classification(v)[0] for v in values}
    single = values[0] if len(values) == 1 else None
    class_notes = _classification(values[-1])[1] if len(categories) == 1 else []
    return BsaResult(
        method=f"palm ({inp.surface.value})",
        detached_bsa_percent=single,
        detached_bsa_range=None if single is not None else (min(values), max(values)),
        classification=categories.pop() if len(categories) == 1 else None,
        warnings=_hand_warnings(inp),
        notes=[*_hand_notes(inp), *class_notes],
        citations=[ROSSITER_1996, RHODES_2013, BASTUJI_GARIN_1993],
    )
