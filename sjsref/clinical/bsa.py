"""Detached body-surface area from body regions or from the patient's hand.

Count detached plus detachable (Nikolsky-positive) skin; erythema is recorded
for the chart but never counted in the detached area (Bastuji-Garin 1993).
The result is classified with ``classification.classify``.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from sjsref.clinical import plausibility as lim
from sjsref.clinical.bsa_charts import (
    RULE_OF_NINES,
    AgeColumn,
    age_column,
    lund_browder,
    region_label,
)
from sjsref.clinical.citations import (
    BASTUJI_GARIN_1993,
    LUND_1944,
    RHODES_2013,
    ROSSITER_1996,
    WALLACE_1951,
)
from sjsref.clinical.classification import Category, ClassifyInput, ClassifyResult, classify
from sjsref.clinical.inputs import check_optional
from sjsref.clinical.numbers import format_number, format_typed, printable
from sjsref.clinical.populations import HAND_MEASURED_ADULTS
from sjsref.clinical.results import Message, MessageKind


class Method(StrEnum):
    LUND_BROWDER = "lund-browder"
    RULE_OF_NINES = "rule-of-nines"

    @property
    def label(self) -> str:
        return {Method.LUND_BROWDER: "Lund-Browder chart", Method.RULE_OF_NINES: "Rule of nines"}[
            self
        ]


class RegionEntry(BaseModel):
    """How much of one region (in % of that region) is detached, and erythematous."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    region: str
    detached_percent: float  # no default: erythema alone asks for the detached share
    erythema_percent: float = 0

    @field_validator("detached_percent", "erythema_percent")
    @classmethod
    def _percent_of_region(cls, v: float, info: ValidationInfo) -> float:
        if v != v or not 0 <= v <= 100:
            what = "detached" if info.field_name == "detached_percent" else "erythema"
            region = region_label(printable(str(info.data.get("region", ""))))
            raise ValueError(
                f"{region}: {what} {format_number(v, 2)} % of the region is not possible; "
                "enter 0 to 100."
            )
        return v

    @model_validator(mode="before")
    @classmethod
    def _erythema_needs_detached(cls, data: Any) -> Any:
        # Erythema alone is not read as 0 % detached: the clinician says so.
        if not isinstance(data, dict) or data.get("erythema_percent") is None:
            return data
        if data.get("detached_percent") is None:
            region = region_label(printable(str(data.get("region", ""))))
            raise ValueError(
                f"{region}: erythema is entered but not how much of the region is "
                "detached; enter the detached % (0 if none of it is)."
            )
        return data

    @model_validator(mode="after")
    def _not_over_whole(self) -> Self:
        if self.detached_percent + self.erythema_percent > 100:
            raise ValueError(
                f"{region_label(self.region)}: detached {format_number(self.detached_percent)} % "
                f"plus erythema {format_number(self.erythema_percent)} % is more than the whole "
                "region."
            )
        return self


class RegionsInput(BaseModel):
    """A region-by-region assessment; each error names the input it is about."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    method: Method = Method.LUND_BROWDER
    age_years: float | None = Field(default=None, validate_default=True)
    regions: list[RegionEntry]

    @field_validator("age_years")
    @classmethod
    def _age(cls, v: float | None, info: ValidationInfo) -> float | None:
        if v is None and info.data.get("method") == Method.LUND_BROWDER:
            raise ValueError(
                "Age: needed for the Lund-Browder chart, because head and leg shares change "
                "with age."
            )
        return check_optional(v, lim.AGE)

    @field_validator("regions")
    @classmethod
    def _regions_known(cls, v: list[RegionEntry], info: ValidationInfo) -> list[RegionEntry]:
        method = info.data.get("method")
        if method is None:  # the method itself was invalid; that error is reported
            return v
        valid = _chart(method, info.data.get("age_years"))
        seen: set[str] = set()
        for entry in v:
            if entry.region not in valid:
                names = ", ".join(valid)
                raise ValueError(
                    f"Region '{printable(entry.region)}' is not on the {method.label}; "
                    f"use one of: {names}."
                )
            if entry.region in seen:
                raise ValueError(f"Region '{entry.region}' is entered twice.")
            seen.add(entry.region)
        return v


def _chart(method: Method, age_years: float | None) -> dict[str, float]:
    if method == Method.RULE_OF_NINES:
        return RULE_OF_NINES
    return lund_browder(age_column(age_years if age_years is not None else 30))


class RegionShare(BaseModel):
    region: str
    label: str
    region_bsa_percent: float
    detached_percent_of_region: float
    detached_bsa_percent: float
    erythema_bsa_percent: float


class BsaResult(BaseModel):
    """Detached BSA; ids (``method``, ``age_column``) for JSON, labels for people."""

    calculator: str = "bsa"
    method: str
    method_label: str
    age_column: str | None = None
    age_column_label: str | None = None
    detached_bsa_percent: float | None
    detached_bsa_range: tuple[float, float] | None = None
    erythema_bsa_percent: float | None = None
    classification: Category | None
    classification_if_spots: Category | None = None
    classification_if_no_spots: Category | None = None
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


# The research check (clinical-sources.md, "Items still UNCONFIRMED") confirmed the
# age-varying shares from reproductions of the chart, not the fixed ones: say so.
LUND_BROWDER_NOTE = Message(
    kind=MessageKind.METHOD,
    text=(
        "Lund-Browder shares: head, thigh and lower leg by age were checked against "
        "reproductions of the chart. The shares that do not change with age (neck, "
        "trunk, buttocks, genitalia, arms, hands, feet) are the chart's usual values "
        "and make every age column add up to 100 %, but were not checked against the "
        "1944 paper itself. On the body map the neck, arms, hands and feet count half "
        "in front, half behind."
    ),
    citations=[LUND_1944],
)


def _exact(value: float) -> float:
    """Drop float noise (9.600000000000001) only: typed values have at most 4 decimals and
    chart shares 2, so 6 decimals keep every product exact and every side of a cut-off."""
    return round(value, 6)


def _classified(bsa: float) -> ClassifyResult:
    """Spots are not asked here: where they decide, both classes are given."""
    return classify(ClassifyInput(detached_bsa_percent=bsa, spots=None))


def _class_fields(result: ClassifyResult) -> dict[str, Any]:
    return {
        "classification": result.classification,
        "classification_if_spots": result.classification_if_spots,
        "classification_if_no_spots": result.classification_if_no_spots,
    }


def from_regions(inp: RegionsInput) -> BsaResult:
    """Detached (and erythematous) % BSA from a region-by-region assessment.

    The totals are not rounded: they are classified as they are, and printed
    with enough decimals never to read as the other side of a cut-off.
    """
    chart = _chart(inp.method, inp.age_years)
    shares = [
        RegionShare(
            region=e.region,
            label=region_label(e.region),
            region_bsa_percent=chart[e.region],
            detached_percent_of_region=e.detached_percent,
            detached_bsa_percent=_exact(chart[e.region] * e.detached_percent / 100),
            erythema_bsa_percent=_exact(chart[e.region] * e.erythema_percent / 100),
        )
        for e in inp.regions
    ]
    detached = _exact(sum(s.detached_bsa_percent for s in shares))
    erythema = _exact(sum(s.erythema_bsa_percent for s in shares))
    classified = _classified(detached)
    column = None
    warnings: list[Message] = list(classified.warnings)
    notes = [ERYTHEMA_NOTE, *classified.notes[1:]]
    if inp.method == Method.LUND_BROWDER:
        column = age_column(inp.age_years if inp.age_years is not None else 0)
        citation = LUND_1944
        notes.append(LUND_BROWDER_NOTE)
    else:
        citation = WALLACE_1951
        warnings += _nines_warnings(inp.age_years)
    return BsaResult(
        method=inp.method.value,
        method_label=inp.method.label,
        age_column=None if column is None else column.value,
        age_column_label=None if column is None else column.label,
        detached_bsa_percent=detached,
        erythema_bsa_percent=erythema,
        **_class_fields(classified),
        regions=shares,
        warnings=warnings,
        notes=notes,
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

    @property
    def label(self) -> str:
        return {HandSurface.PALM: "palm alone", HandSurface.HAND: "palm with fingers"}[self]


# Rossiter 1996 (Burns 22:230-231, abstract), measured in adults, % of total BSA.
HAND_FRACTION_PERCENT = {
    (HandSurface.PALM, Sex.MALE): 0.5,
    (HandSurface.PALM, Sex.FEMALE): 0.4,
    (HandSurface.HAND, Sex.MALE): 0.8,
    (HandSurface.HAND, Sex.FEMALE): 0.7,
}


def max_hand_areas(surface: HandSurface, sex: Sex | None) -> float:
    """The most hand areas a body holds: 100 % over the hand's share (the larger, sex unknown)."""
    sexes = [sex] if sex else list(Sex)
    return 100 / max(HAND_FRACTION_PERCENT[(surface, s)] for s in sexes)


class PalmInput(BaseModel):
    """How many of the patient's own hand areas the detachment covers.

    The hand and sex come first, so the count is bounded by what that hand allows:
    no count can add up to more than the whole body.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    surface: HandSurface = HandSurface.HAND
    sex: Sex | None = None
    count: float
    age_years: float | None = None

    @field_validator("count")
    @classmethod
    def _count(cls, v: float, info: ValidationInfo) -> float:
        surface = info.data.get("surface")
        if surface is None:  # the hand itself was invalid; that error is reported
            return v
        sex = info.data.get("sex")
        most = max_hand_areas(surface, sex)
        if v != v or not 0 <= v <= most:
            who = f"{sex.value}, " if sex else "sex not given, so the larger male hand, "
            # Printed rounded down: the number offered as the limit is always accepted.
            shown = format_number(math.floor(most * 10) / 10, 1)
            hint = "" if sex else " Give the sex: a woman's hand is a smaller share."
            raise ValueError(
                f"Hand areas: {format_typed(v)} is not possible; with the {surface.label} "
                f"({who}{format_number(100 / most)} % of BSA each) the whole body is "
                f"{format_number(most, 2)} hand areas: enter 0 to {shown}.{hint}"
            )
        return v

    @field_validator("age_years")
    @classmethod
    def _age(cls, v: float | None) -> float | None:
        return check_optional(v, lim.AGE)


def _hand_notes(inp: PalmInput) -> list[Message]:
    male = HAND_FRACTION_PERCENT[(inp.surface, Sex.MALE)]
    female = HAND_FRACTION_PERCENT[(inp.surface, Sex.FEMALE)]
    return [
        Message(
            kind=MessageKind.METHOD,
            text=(
                f"Uses the patient's own hand ({inp.surface.label}): {format_number(male)} % of "
                f"BSA in men, {format_number(female)} % in women, as measured in adults. The "
                "common teaching that a hand is 1 % over-estimates in adults."
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
    if HAND_MEASURED_ADULTS.excludes(inp.age_years):
        warnings.append(
            Message(
                kind=MessageKind.POPULATION,
                text="Patient is a child: these hand fractions were measured in adults; "
                "a child's hand is a larger share of BSA, so this may under-estimate.",
                citations=[RHODES_2013],
            )
        )
    return warnings


def _fraction_text(inp: PalmInput) -> str:
    """'male: 0.8 % each': the fraction used, for the chart note."""
    if inp.sex is None:
        low = HAND_FRACTION_PERCENT[(inp.surface, Sex.FEMALE)]
        high = HAND_FRACTION_PERCENT[(inp.surface, Sex.MALE)]
        return f"sex not given: {format_number(low)}-{format_number(high)} % each"
    each = HAND_FRACTION_PERCENT[(inp.surface, inp.sex)]
    return f"{inp.sex.value}: {format_number(each)} % each, {format_typed(inp.count)} areas"


def from_palms(inp: PalmInput) -> BsaResult:
    """Detached % BSA from the number of the patient's hand areas it covers."""
    sexes = [inp.sex] if inp.sex else [Sex.FEMALE, Sex.MALE]
    values = [_exact(inp.count * HAND_FRACTION_PERCENT[(inp.surface, s)]) for s in sexes]
    classified = [_classified(v) for v in values]
    agree = (
        len(
            {
                (c.classification, c.classification_if_spots, c.classification_if_no_spots)
                for c in classified
            }
        )
        == 1
    )
    single = values[0] if len(values) == 1 else None
    fields = _class_fields(classified[-1]) if agree else {"classification": None}
    return BsaResult(
        method=f"palm ({inp.surface.value})",
        method_label=f"Patient's hand ({inp.surface.label}, {_fraction_text(inp)})",
        detached_bsa_percent=single,
        detached_bsa_range=None if single is not None else (min(values), max(values)),
        **fields,
        warnings=[*_hand_warnings(inp), *(classified[-1].warnings if agree else [])],
        notes=[*_hand_notes(inp), *(classified[-1].notes[1:] if agree else [])],
        citations=[ROSSITER_1996, RHODES_2013, BASTUJI_GARIN_1993],
    )
