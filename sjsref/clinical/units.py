"""Laboratory units and the one place where they are converted.

Every conversion factor is derived here from molar masses, and the molar
masses from the IUPAC abridged standard atomic weights (Prohaska et al.,
Pure Appl Chem 2022, Table 2 of the 2021 report), so the numbers can be checked
by hand: mg/dL = mmol/L x (g/mol) / 10.

Urea in mg/dL and blood urea nitrogen (BUN) in mg/dL are different
quantities: one urea molecule (CH4N2O) carries two nitrogen atoms, so
10 mmol/L of urea is 60.1 mg/dL of urea but 28.0 mg/dL of BUN. Reading one as
the other changes a SCORTEN criterion, so each has its own unit here.

A lab value counts only once its unit is chosen: no unit is ever assumed. Each
analyte (``Lab``) knows its units, the factor from mmol/L to each, and the
range a real patient's value may take (``plausibility.py``, an app rule stated
there, extremes included).

The app's rule for a unit slip: a value outside that range in the unit chosen
but inside it in another unit is far more likely to be in that other unit
(glucose 140 "mmol/L" is 140 mg/dL). It is held, not scored, until the
clinician confirms the unit. A value possible in both units is scored as
chosen, and if the other reading would change the criterion, the result says
so (glucose 55 "mmol/L" could be 55 mg/dL).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from sjsref.clinical import plausibility as lim
from sjsref.clinical.citations import PROHASKA_2022, Source
from sjsref.clinical.numbers import (
    TYPED_DECIMALS,
    format_beside,
    format_number,
    format_typed,
    side,
)

ATOMIC_WEIGHT_SOURCE = Source(PROHASKA_2022, "abridged standard atomic weights, Table 2")
H_G_PER_MOL = 1.008
C_G_PER_MOL = 12.011
N_G_PER_MOL = 14.007
O_G_PER_MOL = 15.999

# Urea, CH4N2O: 60.056 g/mol.
UREA_G_PER_MOL = C_G_PER_MOL + 4 * H_G_PER_MOL + 2 * N_G_PER_MOL + O_G_PER_MOL
# Urea nitrogen (BUN) counts the two nitrogen atoms only: 28.014 g/mol.
UREA_NITROGEN_G_PER_MOL = 2 * N_G_PER_MOL
# Glucose, C6H12O6: 180.156 g/mol.
GLUCOSE_G_PER_MOL = 6 * C_G_PER_MOL + 12 * H_G_PER_MOL + 6 * O_G_PER_MOL

# mmol/L x (mg/mmol) = mg/L; one decilitre is a tenth of a litre.
_MG_PER_L_TO_MG_PER_DL = 0.1

UREA_MG_DL_PER_MMOL_L = UREA_G_PER_MOL * _MG_PER_L_TO_MG_PER_DL  # 6.0056
BUN_MG_DL_PER_MMOL_L = UREA_NITROGEN_G_PER_MOL * _MG_PER_L_TO_MG_PER_DL  # 2.8014
GLUCOSE_MG_DL_PER_MMOL_L = GLUCOSE_G_PER_MOL * _MG_PER_L_TO_MG_PER_DL  # 18.0156
# Bicarbonate is monovalent: 1 mmol/L = 1 mEq/L, so no factor is needed.


class UreaUnit(StrEnum):
    """How the laboratory reports urea."""

    MMOL_L = "mmol/L"
    MG_DL = "mg/dL"
    BUN_MG_DL = "BUN-mg/dL"

    @property
    def label(self) -> str:
        return {
            UreaUnit.MMOL_L: "mmol/L",
            UreaUnit.MG_DL: "mg/dL",
            UreaUnit.BUN_MG_DL: "mg/dL (BUN)",
        }[self]


class GlucoseUnit(StrEnum):
    """How the laboratory reports glucose."""

    MMOL_L = "mmol/L"
    MG_DL = "mg/dL"

    @property
    def label(self) -> str:
        return str(self.value)


U = TypeVar("U", bound=StrEnum)


@dataclass(frozen=True)
class Lab(Generic[U]):
    """One analyte: its units, their factors from mmol/L, and the range a patient's value takes.

    Args:
        name: As a clinician reads it ("Urea").
        si_limits: Plausibility limits in mmol/L.
        slip_range: In mmol/L, every value a real patient may have (the unit-slip rule).
        factors: Per unit, how many of that unit make 1 mmol/L.
        symbol: Per unit, its symbol ("mg/dL").
        analyte: Per unit, what is measured in it ("urea", "BUN").
        name_analyte: Print the analyte beside the unit ("mg/dL BUN"), because
            the same symbol measures different things.
    """

    name: str
    si_limits: lim.Limits
    slip_range: tuple[float, float]
    factors: dict[U, float]
    symbol: dict[U, str]
    analyte: dict[U, str]
    name_analyte: bool = False

    def quantity(self, unit: U) -> str:
        """The unit as printed beside a number: 'mg/dL BUN', or plain 'mg/dL'."""
        return (
            f"{self.symbol[unit]} {self.analyte[unit]}" if self.name_analyte else self.symbol[unit]
        )

    def reading(self, value: float, unit: U) -> str:
        """'BUN 20 mg/dL': the value as read in one unit."""
        return f"{self.analyte[unit]} {format_typed(value)} {self.symbol[unit]}"

    def to_si(self, value: float, unit: U) -> float:
        return value / self.factors[unit]

    def from_si(self, si: float, unit: U) -> float:
        return si * self.factors[unit]

    def limits(self, unit: U) -> lim.Limits:
        """The plausibility limits re-expressed in ``unit``."""
        return self.si_limits.in_unit(self.factors[unit], self.quantity(unit))

    def check(self, value: float, unit: U | None) -> None:
        """Raise ValueError if the value is impossible in its unit (or in every unit)."""
        if unit is not None:
            try:
                self.limits(unit).check(value)
            except ValueError as exc:
                raise ValueError(f"{exc}{self._did_you_mean(value, unit)}") from None
        elif not any(
            self.limits(u).hard_min <= value <= self.limits(u).hard_max for u in self.factors
        ):
            raise ValueError(f"{self.name} {format_number(value, 2)} is not possible in any unit.")

    def usual(self, value: float, unit: U) -> bool:
        """Whether a real patient may have this value in this unit (the slip range)."""
        low, high = self.slip_range
        return low <= self.to_si(value, unit) <= high

    def likely_units(self, value: float, unit: U | None) -> list[U]:
        """Other units the value is possible in, when it is not possible in ``unit``."""
        if unit is not None and self.usual(value, unit):
            return []
        return [u for u in self.factors if u != unit and self.usual(value, u)]

    def plausible_others(self, value: float, unit: U) -> list[U]:
        """Other units the value is also possible in, when it is possible in ``unit``."""
        if not self.usual(value, unit):
            return []
        return [u for u in self.factors if u != unit and self.usual(value, u)]

    def conversions(self, value: float, unit: U, threshold_si: float | None = None) -> str:
        """'12 mmol/L urea = 72.1 mg/dL urea = 33.6 mg/dL BUN', starting from ``unit``."""
        si = self.to_si(value, unit)
        parts = [f"{format_typed(value)} {self.quantity(unit)}"]
        for other in self.factors:
            if other != unit:
                shown = self.from_si(si, other)
                cut = () if threshold_si is None else (self.from_si(threshold_si, other),)
                parts.append(f"{format_beside(shown, cut)} {self.quantity(other)}")
        return " = ".join(parts)

    def convert_typed(self, value: float, old: U, new: U, threshold_si: float) -> float:
        """``value`` in ``new``, rounded to the fewest decimals that keep its side of the cut-off.

        A unit switch must never move a value across a criterion's threshold by rounding.
        """
        si = self.to_si(value, old)
        exact = self.from_si(si, new)
        for places in range(1, TYPED_DECIMALS + 1):
            shown = round(exact, places)
            if side(self.to_si(shown, new), threshold_si) == side(si, threshold_si):
                return shown
        return round(exact, TYPED_DECIMALS)

    def _did_you_mean(self, value: float, unit: U) -> str:
        others = [u for u in self.factors if u != unit and self.usual(value, u)]
        if not others:
            return ""
        return " Did you mean " + " or ".join(self.quantity(u) for u in others) + "?"


UREA: Lab[UreaUnit] = Lab(
    name="Urea",
    si_limits=lim.UREA_MMOL_L,
    slip_range=lim.UREA_SLIP_RANGE_MMOL_L,
    factors={
        UreaUnit.MMOL_L: 1.0,
        UreaUnit.MG_DL: UREA_MG_DL_PER_MMOL_L,
        UreaUnit.BUN_MG_DL: BUN_MG_DL_PER_MMOL_L,
    },
    symbol={UreaUnit.MMOL_L: "mmol/L", UreaUnit.MG_DL: "mg/dL", UreaUnit.BUN_MG_DL: "mg/dL"},
    analyte={UreaUnit.MMOL_L: "urea", UreaUnit.MG_DL: "urea", UreaUnit.BUN_MG_DL: "BUN"},
    name_analyte=True,
)

GLUCOSE: Lab[GlucoseUnit] = Lab(
    name="Glucose",
    si_limits=lim.GLUCOSE_MMOL_L,
    slip_range=lim.GLUCOSE_SLIP_RANGE_MMOL_L,
    factors={GlucoseUnit.MMOL_L: 1.0, GlucoseUnit.MG_DL: GLUCOSE_MG_DL_PER_MMOL_L},
    symbol={GlucoseUnit.MMOL_L: "mmol/L", GlucoseUnit.MG_DL: "mg/dL"},
    analyte={GlucoseUnit.MMOL_L: "glucose", GlucoseUnit.MG_DL: "glucose"},
)
