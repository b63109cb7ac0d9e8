"""Validation messages a clinician understands, naming the field."""

import pytest
from pydantic import ValidationError

from sjsref.clinical import bsa, plausibility, scorten
from sjsref.clinical.inputs import check_optional, field_errors, recheck_notes


def _errors(**fields: object) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        scorten.ScortenInput(**fields)
    return field_errors(caught.value)


def test_out_of_range_value_keeps_the_clinical_message() -> None:
    assert _errors(heart_rate_bpm=400) == [
        (
            "heart_rate_bpm",
            "Heart rate 400 /min is not possible; enter a value in the range 20–300 /min.",
        )
    ]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"age_years": "forty"}, ("age_years", "Age: enter a number (got 'forty').")),
        ({"malignancy": "maybe"}, ("malignancy", "Malignancy: answer yes or no (got 'maybe').")),
        (
            {"urea_unit": "g/L"},
            ("urea_unit", "Urea unit: choose one of the listed options (got 'g/L')."),
        ),
        ({"day": 1.5}, ("day", "Day of admission: enter a whole number (got 1.5).")),
        ({"pulse": 80}, ("pulse", "Pulse: is not an input of this calculator (got 80).")),
    ],
)
def test_type_errors_name_the_field_in_plain_words(
    fields: dict[str, object], expected: tuple[str, str]
) -> None:
    assert _errors(**fields) == [expected]


def test_unlisted_error_types_fall_back_to_pydantics_words() -> None:
    errors = _errors(day=0)
    assert errors[0][0] == "day"
    assert "greater than or equal to 1" in errors[0][1]


def test_model_level_error_has_no_field() -> None:
    with pytest.raises(ValidationError) as caught:
        bsa.RegionsInput(regions=[])
    assert field_errors(caught.value)[0][1].startswith("Age: needed")


def test_unanswered_values_pass_and_are_not_rechecked() -> None:
    assert check_optional(None, plausibility.AGE) is None
    assert bsa.PalmInput(count=1, age_years=None).age_years is None
    assert recheck_notes([(None, plausibility.AGE), (50, plausibility.AGE)]) == []
