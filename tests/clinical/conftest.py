from typing import Any

from sjsref.clinical.scorten import ScortenInput

# A patient who meets no SCORTEN criterion, in SI units.
NORMAL: dict[str, Any] = {
    "age_years": 30,
    "heart_rate_bpm": 80,
    "malignancy": False,
    "detached_bsa_percent": 5,
    "urea": 5,
    "urea_unit": "mmol/L",
    "bicarbonate_mmol_l": 24,
    "glucose": 6,
    "glucose_unit": "mmol/L",
}
# The same fields, each set to a value that meets its criterion.
ABNORMAL: dict[str, Any] = {
    "age_years": 65,
    "heart_rate_bpm": 130,
    "malignancy": True,
    "detached_bsa_percent": 35,
    "urea": 15,
    "bicarbonate_mmol_l": 15,
    "glucose": 20,
}


def scorten_input(**overrides: Any) -> ScortenInput:
    return ScortenInput(**{**NORMAL, **overrides})
