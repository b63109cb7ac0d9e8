"""What a SCORTEN predicts: the observed mortality table, with its evidence, and the formula.

Bastuji-Garin S et al., J Invest Dermatol 2000;115:149-153. The published
mortality per score is what was observed in the development sample (n = 165,
scored within 24 h of admission). The logistic formula of the same paper gives
a model figure, shown apart and labelled as such.

Where each number comes from: the percentages and 95 % intervals are the
paper's, as reproduced in tables that cite it (MSD Manual Professional,
"Severity-of-illness score for toxic epidermal necrolysis", 2023; it prints
the top band as "> 90 %", which 9 of 10 makes exactly 90 %). The paper's own
table could not be reached. The deaths and patients per band are
reconstructed: they are the only counts that give these percentages, add up
to the sample's 44 deaths in 165 (26.7 %, the abstract's actual mortality)
and reproduce the intervals as exact binomial intervals, which the tests
check (two bounds differ from the exact interval by 0.05 in the last digit).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sjsref.clinical.citations import BASTUJI_GARIN_2000, Source
from sjsref.clinical.results import MortalityRow

OBSERVED_SOURCE = Source(BASTUJI_GARIN_2000, "results, mortality by SCORTEN (development sample)")


@dataclass(frozen=True)
class ObservedBand:
    """Scores ``low``-``high``: ``deaths`` of ``patients`` died (percent, 95 % CI as printed)."""

    low: int
    high: int
    deaths: int
    patients: int
    percent: float
    ci95: tuple[float, float]

    @property
    def scores(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"

    def holds(self, score: int) -> bool:
        return self.low <= score <= self.high


# Bastuji-Garin 2000, development sample: 44 deaths in 165 patients; scores 0-1
# and 5-7 pooled as the paper pools them. Percent and CI as printed; counts
# reconstructed (see the module docstring).
OBSERVED_BANDS = (
    ObservedBand(0, 1, 1, 31, 3.2, (0.1, 16.7)),
    ObservedBand(2, 2, 8, 66, 12.1, (5.4, 22.5)),
    ObservedBand(3, 3, 12, 34, 35.3, (19.8, 53.5)),
    ObservedBand(4, 4, 14, 24, 58.3, (36.6, 77.9)),
    ObservedBand(5, 7, 9, 10, 90.0, (55.5, 99.8)),
)


def observed_band(score: int) -> ObservedBand:
    """The band of the development table that ``score`` falls in."""
    return next(band for band in OBSERVED_BANDS if band.holds(score))


def mortality_table(score: int | None) -> list[MortalityRow]:
    """The whole observed table, with the patient's band marked."""
    return [
        MortalityRow(
            scores=band.scores,
            deaths=band.deaths,
            patients=band.patients,
            percent=band.percent,
            ci95=band.ci95,
            patient=score is not None and band.holds(score),
        )
        for band in OBSERVED_BANDS
    ]


# The paper's logistic model: logit = -4.448 + 1.237 x SCORTEN (abstract).
LOGIT_INTERCEPT = -4.448
LOGIT_SLOPE = 1.237
LOGIT_SOURCE = Source(BASTUJI_GARIN_2000, "abstract")


def model_mortality_percent(score: int) -> float:
    """Probability of death from the paper's logistic formula, in percent."""
    logit = LOGIT_INTERCEPT + LOGIT_SLOPE * score
    return 100 * math.exp(logit) / (1 + math.exp(logit))


def observed_basis(day: int) -> str:
    """Which table the observed figure comes from, for the day it was computed on."""
    basis = "observed in the development sample, scored within 24 h of admission"
    if day == 1:
        return f"{basis} (Bastuji-Garin 2000)"
    return (
        f"{basis} (Bastuji-Garin 2000): the day-1 table, applied on day {day}; Guégan 2006 "
        "found the score performed well on each of days 1 to 5"
    )
