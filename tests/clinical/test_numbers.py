"""Numbers read one way only, and printed so they never contradict a rule."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sjsref.clinical.numbers import (
    format_beside,
    format_exact,
    format_number,
    parse_number,
    printable,
    side,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12.0),
        ("12,5", 12.5),  # a single decimal comma is a decimal point
        ("12.5", 12.5),
        (" 7 ", 7.0),
        ("0,125", 0.125),  # a lone zero before three digits: only a decimal reading
        ("1,2345", 1.2345),
        ("12,50", 12.5),
        (".5", 0.5),
        ("12.", 12.0),
        ("-5", -5.0),  # a sign is read; the limits then refuse what is impossible
        ("1.234", 1.234),  # a dot is a decimal point
    ],
)
def test_numbers_that_read_one_way_are_read(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2,000", "'2,000' is ambiguous: write 2000 or 2.0"),
        ("1,234", "write 1234 or 1.234"),
        ("12,500", "write 12500 or 12.5"),
    ],
)
def test_a_comma_before_exactly_three_digits_is_refused(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_number(text)


@pytest.mark.parametrize("text", ["1,234.5", "1.234,5", "1,2,3", "1..2", "", "abc", "1e3", "nan"])
def test_anything_else_is_not_a_number(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text)


def test_control_characters_are_never_echoed_raw() -> None:
    assert printable("he\x1b[31mad") == "he\\x1b[31mad"
    assert len(printable("9" * 100)) == 40


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [(28.014, 1, "28"), (252.2, 1, "252.2"), (-0.01, 1, "0"), (40, 0, "40"), (100, 0, "100")],
)
def test_numbers_are_written_as_a_clinician_writes_them(
    value: float, decimals: int, text: str
) -> None:
    assert format_number(value, decimals) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(60.056000000000004, "60.056"), (252.2184, "252.2184"), (10.0, "10"), (1 / 3, "0.333333")],
)
def test_a_converted_threshold_is_printed_exactly(value: float, text: str) -> None:
    assert format_exact(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(9.96, "9.96"), (10.0, "10"), (10.04, "10.04"), (6.15, "6.2"), (40.001, "40.001")],
)
def test_a_value_beside_a_cut_off_keeps_its_side(value: float, text: str) -> None:
    assert format_beside(value, (10.0, 40.0)) == text


def test_a_value_a_hair_from_a_cut_off_shows_the_hair() -> None:
    assert format_beside(10.0000001, (10.0,)) == "10.0000001"


@given(st.floats(0, 1000), st.floats(0, 1000))
def test_a_printed_value_is_never_on_another_side_of_the_cut_off(value: float, cut: float) -> None:
    assert side(float(format_beside(value, (cut,))), cut) == side(value, cut)
