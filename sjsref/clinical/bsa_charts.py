"""Body-surface-area charts: what share of the body each region is.

Lund-Browder chart (Lund CC, Browder NC, Surg Gynecol Obstet 1944;79:352-358),
by age column 0, 1, 5, 10, 15 years and adult. Head, thighs and lower legs
change with age; every other region is fixed. Values are % of total BSA for
the whole region (front and back). Every age column sums to 100 % (tested).

Adult rule of nines (Wallace AB, Lancet 1951;1:501-504).
"""

from __future__ import annotations

from enum import StrEnum

from sjsref.clinical.citations import LUND_1944, WALLACE_1951, Source

LUND_BROWDER_SOURCE = Source(LUND_1944, "chart")
RULE_OF_NINES_SOURCE = Source(WALLACE_1951, "rule of nines")


class AgeColumn(StrEnum):
    """Lund-Browder age columns; the band each covers is our reading of the chart."""

    BIRTH = "0"  # birth to under 1 year
    ONE = "1"  # 1 to 4 years
    FIVE = "5"  # 5 to 9 years
    TEN = "10"  # 10 to 14 years
    FIFTEEN = "15"  # 15 years
    ADULT = "adult"  # 16 years and over

    @property
    def label(self) -> str:
        """As a clinician reads it beside the chart's name: 'age 5-9 column'."""
        return {
            AgeColumn.BIRTH: "age under 1 column",
            AgeColumn.ONE: "age 1-4 column",
            AgeColumn.FIVE: "age 5-9 column",
            AgeColumn.TEN: "age 10-14 column",
            AgeColumn.FIFTEEN: "age 15 column",
            AgeColumn.ADULT: "adult column (16 and over)",
        }[self]


# (lower age bound in years, column), checked from the oldest down.
AGE_COLUMNS = (
    (16.0, AgeColumn.ADULT),
    (15.0, AgeColumn.FIFTEEN),
    (10.0, AgeColumn.TEN),
    (5.0, AgeColumn.FIVE),
    (1.0, AgeColumn.ONE),
    (0.0, AgeColumn.BIRTH),
)


def age_column(age_years: float) -> AgeColumn:
    for lower, column in AGE_COLUMNS:
        if age_years >= lower:
            return column
    raise ValueError(f"Age {age_years} years is not possible.")


_C = AgeColumn
# Whole head (front + back): 19, 17, 13, 11, 9, 7 % by age column.
_HEAD = {_C.BIRTH: 19.0, _C.ONE: 17.0, _C.FIVE: 13.0, _C.TEN: 11.0, _C.FIFTEEN: 9.0, _C.ADULT: 7.0}
# One whole thigh: 5.5, 6.5, 8, 8.5, 9, 9.5 %.
_THIGH = {_C.BIRTH: 5.5, _C.ONE: 6.5, _C.FIVE: 8.0, _C.TEN: 8.5, _C.FIFTEEN: 9.0, _C.ADULT: 9.5}
# One whole lower leg: 5, 5, 5.5, 6, 6.5, 7 %.
_LOWER_LEG = {_C.BIRTH: 5.0, _C.ONE: 5.0, _C.FIVE: 5.5, _C.TEN: 6.0, _C.FIFTEEN: 6.5, _C.ADULT: 7.0}
# Regions that do not change with age (% of total BSA).
_FIXED = {
    "neck": 2.0,
    "anterior-trunk": 13.0,
    "posterior-trunk": 13.0,
    "right-buttock": 2.5,
    "left-buttock": 2.5,
    "genitalia": 1.0,
    "right-upper-arm": 4.0,
    "left-upper-arm": 4.0,
    "right-forearm": 3.0,
    "left-forearm": 3.0,
    "right-hand": 2.5,
    "left-hand": 2.5,
}
_FEET = {"right-foot": 3.5, "left-foot": 3.5}  # fixed too, but listed last: head to foot


def lund_browder(column: AgeColumn) -> dict[str, float]:
    """Each region's share of total BSA (%) for one age column, listed head to foot."""
    return {
        "head": _HEAD[column],
        **_FIXED,
        "right-thigh": _THIGH[column],
        "left-thigh": _THIGH[column],
        "right-lower-leg": _LOWER_LEG[column],
        "left-lower-leg": _LOWER_LEG[column],
        **_FEET,
    }


# Names that the plain rule below would print badly.
_REGION_LABELS = {"head-neck": "Head and neck"}


def region_label(region: str) -> str:
    """A chart region as a clinician reads it: 'right-upper-arm' -> 'Right upper arm'."""
    return _REGION_LABELS.get(region) or region.replace("-", " ").capitalize()


# Adult rule of nines (% of total BSA), listed head to foot.
RULE_OF_NINES = {
    "head-neck": 9.0,
    "anterior-trunk": 18.0,
    "posterior-trunk": 18.0,
    "right-arm": 9.0,
    "left-arm": 9.0,
    "perineum": 1.0,
    "right-leg": 18.0,
    "left-leg": 18.0,
}


class View(StrEnum):
    """The two figures of the Lund-Browder chart."""

    FRONT = "front"
    BACK = "back"


# The chart gives the head, each thigh and each lower leg as equal front and back
# halves (A, B, C: "front or back", Lund 1944 chart). The neck and the arm and
# foot parts are likewise taken as half in front and half behind: that split is
# our reading, not confirmed from a source. The trunk halves, the buttocks and the
# genitalia are each on one figure only.
_FRONT_ONLY = frozenset({"anterior-trunk", "genitalia"})
_BACK_ONLY = frozenset({"posterior-trunk", "right-buttock", "left-buttock"})


def views_of(region: str) -> tuple[View, ...]:
    """The figures a Lund-Browder region is drawn on."""
    if region in _FRONT_ONLY:
        return (View.FRONT,)
    if region in _BACK_ONLY:
        return (View.BACK,)
    return (View.FRONT, View.BACK)


def region_percent(region: str, by_view: dict[View, float]) -> float:
    """% of the whole region, from % of each figure's part of it (a part not given is 0)."""
    views = views_of(region)
    return sum(by_view.get(view, 0.0) for view in views) / len(views)


def view_percents(region: str, percent: float) -> dict[View, float]:
    """A % typed for the whole region, shown spread evenly over its figures."""
    return dict.fromkeys(views_of(region), percent)


def view_share(column: AgeColumn, region: str) -> float:
    """% of total BSA that one figure's part of a region is (half of the head, ...)."""
    return lund_browder(column)[region] / len(views_of(region))
