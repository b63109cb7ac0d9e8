"""Who each tool was derived or measured in: the age below which a result is out of range.

One cited adult age per population, so every warning "outside the population
the tool was derived in" rests on its own source.
"""

from __future__ import annotations

from dataclasses import dataclass

from sjsref.clinical.citations import BASTUJI_GARIN_2000, NOE_2019, ROSSITER_1996, Source


@dataclass(frozen=True)
class Population:
    """The patients a tool was derived in: adults from ``min_age_years``."""

    min_age_years: float
    source: Source

    def excludes(self, age_years: float | None) -> bool:
        """Whether a patient of this age is younger than anyone the tool was derived in."""
        return age_years is not None and age_years < self.min_age_years


# SCORTEN was developed in adults; the abstract gives no age limit, so the usual
# adult age of 18 marks where the paediatric evidence (Sorrell 2017, Gust 2024) begins.
SCORTEN_ADULTS = Population(18, Source(BASTUJI_GARIN_2000, "abstract: adult patients"))
# ABCD-10 was derived in patients 18 years and older.
ABCD10_ADULTS = Population(18, Source(NOE_2019, "abstract: adults 18 years and older"))
# The hand fractions were measured in adult volunteers.
HAND_MEASURED_ADULTS = Population(18, Source(ROSSITER_1996, "abstract: adult volunteers"))
