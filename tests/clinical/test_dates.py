"""Typed dates: day first or year first, never month first; shown back in words."""

from __future__ import annotations

import datetime as dt

import pytest

from sjsref.clinical.dates import in_words, long, parse_date, short, typed

TODAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    "text", ["03-04-2026", "3-4-2026", "03.04.2026", "03 04 2026", "2026-04-03", " 2026-4-3 "]
)
def test_day_first_and_year_first_read_the_same_day(text: str) -> None:
    assert parse_date(text, TODAY) == dt.date(2026, 4, 3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("04/03/2026", "slashes are not read, as 03/04 can be 3 April or 4 March"),
        ("3-4-26", "is not a date: write dd-mm-yyyy or yyyy-mm-dd, with a four-digit year"),
        ("2026-04", "is not a date"),
        ("03.04-2026", "is not a date"),
        ("yesterday", "is not a date"),
        ("31-04-2026", "no such day (day 31, month 4, 2026)"),
        ("29-02-2026", "no such day"),
        ("01-01-0202", "the year 202 is before 1900"),
        ("01-12-2026", "(Tue 1 Dec 2026) is after today"),
    ],
)
def test_what_cannot_be_a_past_date_is_refused_with_its_reason(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=None) as caught:
        parse_date(text, TODAY)
    assert message in str(caught.value)


def test_today_and_a_leap_day_are_accepted() -> None:
    assert parse_date("30-11-2026", TODAY) == TODAY
    assert parse_date("29-02-2024", TODAY) == dt.date(2024, 2, 29)


def test_a_date_is_shown_in_words_and_typed_day_first() -> None:
    day = dt.date(2026, 4, 3)
    assert in_words(day) == "Fri 3 Apr 2026"
    assert typed(day) == "03-04-2026"
    assert parse_date(typed(day), TODAY) == day


def test_chart_dates_are_english_whatever_the_locale() -> None:
    day = dt.date(2026, 12, 7)
    assert (short(day), long(day)) == ("07-Dec-2026", "7 December 2026")
