"""ALDEN's published values: every point, day window and band edge, once, with its source.

ALDEN (algorithm of drug causality for epidermal necrolysis): Sassolas B et al.,
Clin Pharmacol Ther 2010;88:60-68, doi:10.1038/clpt.2009.252, Table 1.

Where the values were read: the paper's full text could not be reached.
Criteria 1 to 4, the first three notoriety values (criterion 5) and the
range printed for each criterion were read in a faithful copy of Table 1:
Table 1 of PMC9124451 (Burns 2022;48:1561-1573, an author manuscript on
PubMed Central). Criteria 1 to 4 read the same in an UpToDate copy of the
table, and criteria 1 and 2 in the footnotes of Table 3 of Eur J Med Res
2023 (doi:10.1186/s40001-023-01142-2). All copies seen stop inside
criterion 5 or earlier, so three parts
were seen only in SECONDARY copies (open-source implementations quoting the
table), never in the paper:

* notoriety "unknown" (0) and "not suspected" (-1);
* criterion 6, "other cause", and its cut-off (an intermediate score > 3);
* the five bands of the final score (< 0 very unlikely ... >= 6 very probable).

The abstract itself names the categories "probable", "very probable" and
"very unlikely", which fits those bands. Each constant below carries a
locator saying which of the two kinds of source it rests on, and the result
repeats it to the clinician.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sjsref.clinical.citations import SASSOLAS_2010, Source

_TABLE_1 = "Table 1, as reproduced in PMC9124451 Table 1"
_SECONDARY = "Table 1, seen only in secondary copies (open-source code quoting it)"

DELAY_SOURCE = Source(SASSOLAS_2010, f"criterion 1; {_TABLE_1}")
PRESENT_SOURCE = Source(SASSOLAS_2010, f"criterion 2; {_TABLE_1}")
PRECHALLENGE_SOURCE = Source(SASSOLAS_2010, f"criterion 3; {_TABLE_1}")
DECHALLENGE_SOURCE = Source(SASSOLAS_2010, f"criterion 4; {_TABLE_1}")
NOTORIETY_SOURCE = Source(SASSOLAS_2010, f"criterion 5; {_TABLE_1}")
NOTORIETY_SECONDARY_SOURCE = Source(SASSOLAS_2010, f"criterion 5, last two values; {_SECONDARY}")
OTHER_CAUSE_SOURCE = Source(SASSOLAS_2010, f"criterion 6; {_SECONDARY}")
BAND_SOURCE = Source(SASSOLAS_2010, f"final score categories; {_SECONDARY}")


@dataclass(frozen=True)
class Outcome:
    """One published value of a criterion: its name, points and where it comes from."""

    value: str
    points: int
    source: Source


@dataclass(frozen=True)
class DelayWindow:
    """Whole days from first intake to the index day, ``first_day`` to ``last_day``."""

    first_day: int
    last_day: int | None  # None: no upper end
    outcome: Outcome

    def holds(self, days: int) -> bool:
        return days >= self.first_day and (self.last_day is None or days <= self.last_day)

    def label(self) -> str:
        """The window as the paper writes it: '5-28 days' or '> 56 days'."""
        if self.last_day is None:
            return f"> {self.first_day - 1} days"
        return f"{self.first_day}-{self.last_day} days"


# Criterion 1, delay from first intake to the index day (range -3 to +3).
SUGGESTIVE = Outcome("Suggestive", 3, DELAY_SOURCE)
COMPATIBLE = Outcome("Compatible", 2, DELAY_SOURCE)
LIKELY = Outcome("Likely", 1, DELAY_SOURCE)
UNLIKELY = Outcome("Unlikely", -1, DELAY_SOURCE)
DELAY_EXCLUDED = Outcome("Excluded", -3, DELAY_SOURCE)  # started on or after the index day
DELAY_WINDOWS = (
    DelayWindow(1, 4, LIKELY),
    DelayWindow(5, 28, SUGGESTIVE),
    DelayWindow(29, 56, COMPATIBLE),
    DelayWindow(57, None, UNLIKELY),
)
# "In case of previous reaction to the same drug, only changes for: Suggestive
# 1 to 4 days, Likely 5 to 56 days"; > 56 days and "excluded" stay as they are.
DELAY_WINDOWS_AFTER_PREVIOUS_REACTION = (
    DelayWindow(1, 4, SUGGESTIVE),
    DelayWindow(5, 56, LIKELY),
    DelayWindow(57, None, UNLIKELY),
)

# Criterion 2, drug present in the body on the index day (range -3 to 0).
# "Stopped ... less than five times the elimination half-life before the
# index day": definite; "by more than five times": doubtful or excluded.
HALF_LIVES_TO_ELIMINATE = 5
PRESENT_DEFINITE = Outcome("Definite", 0, PRESENT_SOURCE)
PRESENT_DOUBTFUL = Outcome("Doubtful", -1, PRESENT_SOURCE)  # liver/kidney function, interaction
PRESENT_EXCLUDED = Outcome("Excluded", -3, PRESENT_SOURCE)


class Prechallenge(StrEnum):
    """Earlier exposure, in the words of the command-line contract (issue 14)."""

    SAME_SJS = "same-sjs"  # SJS/TEN after the same drug
    SIMILAR_SJS = "similar-sjs"  # SJS/TEN after a similar drug
    SAME_OTHER = "same-other"  # another reaction to the same drug
    SIMILAR_OTHER = "similar-other"  # another reaction to a similar drug
    UNKNOWN = "unknown"  # no known previous exposure
    TOLERATED = "tolerated"  # exposure without any reaction, before or after


# Criterion 3, prechallenge/rechallenge (range -2 to +4), each with the
# paper's rule, which is what the clinician answered.
PRECHALLENGE = {
    Prechallenge.SAME_SJS: (
        Outcome("Positive specific for disease and drug", 4, PRECHALLENGE_SOURCE),
        "SJS/TEN after use of the same drug",
    ),
    Prechallenge.SIMILAR_SJS: (
        Outcome("Positive specific for disease or drug", 2, PRECHALLENGE_SOURCE),
        "SJS/TEN after use of a similar drug",
    ),
    Prechallenge.SAME_OTHER: (
        Outcome("Positive specific for disease or drug", 2, PRECHALLENGE_SOURCE),
        "another reaction with the same drug",
    ),
    Prechallenge.SIMILAR_OTHER: (
        Outcome("Positive unspecific", 1, PRECHALLENGE_SOURCE),
        "another reaction after use of a similar drug",
    ),
    Prechallenge.UNKNOWN: (
        Outcome("Not done/unknown", 0, PRECHALLENGE_SOURCE),
        "no known previous exposure to this drug",
    ),
    Prechallenge.TOLERATED: (
        Outcome("Negative", -2, PRECHALLENGE_SOURCE),
        "exposure to this drug without any reaction (before or after)",
    ),
}
# A "previous reaction to the same drug" (which shifts criterion 1's windows)
# is read from the prechallenge answer: SJS/TEN or another reaction, same drug.
PREVIOUS_REACTION_TO_SAME_DRUG = frozenset({Prechallenge.SAME_SJS, Prechallenge.SAME_OTHER})

# Criterion 4, dechallenge (-2 or 0).
DECHALLENGE_NEUTRAL = Outcome("Neutral", 0, DECHALLENGE_SOURCE)  # drug stopped (or unknown)
DECHALLENGE_NEGATIVE = Outcome("Negative", -2, DECHALLENGE_SOURCE)  # continued without harm


class Notoriety(StrEnum):
    """Type of drug, in the words of the command-line contract (issue 14)."""

    STRONG = "strong"
    ASSOCIATED = "associated"
    SUSPECTED = "suspected"
    UNKNOWN = "unknown"
    NOT_SUSPECTED = "not-suspected"


# Criterion 5, type of drug (notoriety) (range -1 to +3).
NOTORIETY = {
    Notoriety.STRONG: (
        Outcome("Strongly associated", 3, NOTORIETY_SOURCE),
        "on the high-risk list of earlier case-control studies",
    ),
    Notoriety.ASSOCIATED: (
        Outcome("Associated", 2, NOTORIETY_SOURCE),
        "definite but lower risk in earlier case-control studies",
    ),
    Notoriety.SUSPECTED: (
        Outcome("Suspected", 1, NOTORIETY_SOURCE),
        "several previous reports, ambiguous epidemiology (drug under surveillance)",
    ),
    Notoriety.UNKNOWN: (
        Outcome("Unknown", 0, NOTORIETY_SECONDARY_SOURCE),
        "all other drugs, including newly released ones",
    ),
    Notoriety.NOT_SUSPECTED: (
        Outcome("Not suspected", -1, NOTORIETY_SECONDARY_SOURCE),
        "no association in earlier epidemiology with enough exposed controls",
    ),
}

# Criterion 6, other cause (-1 or 0): rank the drugs by intermediate score
# (criteria 1-5); "if at least one has an intermediate score > 3, subtract 1
# point from the score of each of the other drugs".
OTHER_CAUSE_CUTOFF = 3  # strictly above
OTHER_CAUSE_POSSIBLE = Outcome("Possible", -1, OTHER_CAUSE_SOURCE)
OTHER_CAUSE_NONE = Outcome("Not applicable", 0, OTHER_CAUSE_SOURCE)


class Band(StrEnum):
    """Causality category of the final score."""

    VERY_UNLIKELY = "very unlikely"
    UNLIKELY = "unlikely"
    POSSIBLE = "possible"
    PROBABLE = "probable"
    VERY_PROBABLE = "very probable"


@dataclass(frozen=True)
class BandEdge:
    """Scores from ``lowest`` (None: no lower end) upward fall in ``band``."""

    lowest: int | None
    band: Band
    source: Source


# Final score: < 0 very unlikely, 0-1 unlikely, 2-3 possible, 4-5 probable,
# >= 6 very probable. Listed from the top; the first edge a score reaches wins.
BANDS = (
    BandEdge(6, Band.VERY_PROBABLE, BAND_SOURCE),
    BandEdge(4, Band.PROBABLE, BAND_SOURCE),
    BandEdge(2, Band.POSSIBLE, BAND_SOURCE),
    BandEdge(0, Band.UNLIKELY, BAND_SOURCE),
    BandEdge(None, Band.VERY_UNLIKELY, BAND_SOURCE),
)


def band_of(score: int) -> Band:
    """The category of a final score."""
    return next(e.band for e in BANDS if e.lowest is None or score >= e.lowest)


def band_range(band: Band) -> tuple[int | None, int | None]:
    """Lowest and highest score of a band (None: open at that end)."""
    index = [edge.band for edge in BANDS].index(band)
    above = BANDS[index - 1].lowest if index else None
    return BANDS[index].lowest, None if above is None else above - 1


def band_label(band: Band) -> str:
    """'probable (4 to 5)': the band with its score range, from the same edges."""
    lowest, highest = band_range(band)
    if lowest is None:
        return f"{band} (below {(highest or 0) + 1})"
    if highest is None:
        return f"{band} ({lowest} or more)"
    return f"{band} ({lowest} to {highest})"


# Ranges of each criterion and of the scores, derived from the values above
# (the paper prints them: -3 to 3, -3 to 0, -2 to 4, -2 or 0, -1 to 3; the
# intermediate -11 to 10 and final -12 to 10 only in the secondary copies).
DELAY_POINTS = (*(w.outcome.points for w in DELAY_WINDOWS), DELAY_EXCLUDED.points)
PRESENT_POINTS = (PRESENT_DEFINITE.points, PRESENT_DOUBTFUL.points, PRESENT_EXCLUDED.points)
PRECHALLENGE_POINTS = tuple(o.points for o, _ in PRECHALLENGE.values())
DECHALLENGE_POINTS = (DECHALLENGE_NEUTRAL.points, DECHALLENGE_NEGATIVE.points)
NOTORIETY_POINTS = tuple(o.points for o, _ in NOTORIETY.values())
OTHER_CAUSE_POINTS = (OTHER_CAUSE_NONE.points, OTHER_CAUSE_POSSIBLE.points)
_PARTS = (DELAY_POINTS, PRESENT_POINTS, PRECHALLENGE_POINTS, DECHALLENGE_POINTS, NOTORIETY_POINTS)
INTERMEDIATE_MIN = sum(min(p) for p in _PARTS)
INTERMEDIATE_MAX = sum(max(p) for p in _PARTS)
SCORE_MIN = INTERMEDIATE_MIN + min(OTHER_CAUSE_POINTS)
SCORE_MAX = INTERMEDIATE_MAX + max(OTHER_CAUSE_POINTS)
