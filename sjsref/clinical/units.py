"""Laboratory units and the one place where they are converted.

Every conversion factor is derived here from molar masses, and the molar
masses from the IUPAC abridged standard atomic weights (Prohaska et al.,
Pure Appl Chem 2022, Table 2 of the 2021 report), so the numbers can be checked
by hand: mg/dL = mmol/L x (g/mol) / 10.

Urea in mg/dL and blood urea nitrogen (BUN) in mg/dL are different
quantities: one urea molecule (CH4N2O) carries two nitrogen atoms, so
10 mmol/L of urea is 60.1 mg/dL of urea but 28.0 mg/dL of BUN. Reading one as
the other changes a SCORTEN criterion, so each has its own unit here.
"""

from enum import StrEnum

from sjsref.clinical.citations import PROHASKA_2022, Source

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


_UREA_FACTOR = {
    UreaUnit.MMOL_L: 1.0,
    UreaUnit.MG_DL: UREA_MG_DL_PER_MMOL_L,
    UreaUnit.BUN_MG_DL: BUN_MG_DL_PER_MMOL_L,
}
_GLUCOSE_FACTOR = {GlucoseUnit.MMOL_L: 1.0, GlucoseUnit.MG_DL: GLUCOSE_MG_DL_PER_MMOL_L}


def urea_to_mmol_l(value: float, unit: UreaUnit) -> float:
    """Urea in mmol/L from a value in any supported urea unit."""
    return value / _UREA_FACTOR[unit]


def urea_from_mmol_l(mmol_l: float, unit: UreaUnit) -> float:
    """Urea in mmol/L expressed in ``unit``."""
    return mmol_l * _UREA_FACTOR[unit]


def glucose_to_mmol_l(value: float, unit: GlucoseUnit) -> float:
    """Glucose in mmol/L from a value in any supported glucose unit."""
    return value / _GLUCOSE_FACTOR[unit]


def glucose_from_mmol_l(mmol_l: float, unit: GlucoseUnit) -> float:
    """Glucose in mmol/L expressed in ``unit``."""
    return mmol_l * _GLUCOSE_FACTOR[unit]
