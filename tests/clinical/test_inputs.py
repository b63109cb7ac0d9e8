"""Validation messages a clinician understands, naming the field."""

import pytest
from pydantic import ValidationError

from sjsref.clinical import bsa, plausibility, registry, scorten
from sjsref.clinical.inputs import check_optional, field_errors, recheck_notes


def _errors(**fields: object) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        scorten.ScortenInput(**fields)
    return field_errors(caught.value, registry.SCORTEN.field_labels())


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
            ("urea_unit", "Serum urea / BUN unit: choose one of the listed options (got 'g/L')."),
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
    with pytest.raises(ValidationError) as caught:
        bsa.RegionEntry(region=5)  # type: ignore[arg-type]
    field, message = field_errors(caught.value)[0]
    assert field == "region"
    assert "valid string" in message


def test_a_day_scortens_evidence_does_not_cover_is_refused() -> None:
    field, message = _errors(day=6)[0]
    assert field == "day"
    assert "days 1 to 5" in message and "days 1 and 3 are recommended" in message


def test_an_error_that_depends_on_another_input_names_its_own_field() -> None:
    with pytest.raises(ValidationError) as caught:
        bsa.RegionsInput(regions=[])
    field, message = field_errors(caught.value)[0]
    assert field == "age_years"
    assert message.startswith("Age: needed")
    field, message = _errors(urea_unit="mg/dL", urea=5000)[0]
    assert field == "urea"
    assert "5000 mg/dL urea is not possible" in message


def test_unanswered_values_pass_and_are_not_rechecked() -> None:
    assert check_optional(None, plausibility.AGE) is None
    assert bsa.PalmInput(count=1, age_years=None).age_years is None
    assert recheck_notes([(None, plausibility.AGE), (50, plausibility.AGE)]) == []
