"""Reading a typed date: day-month-year or year-month-day, never month-first.

A clinician types "03-04-2026" meaning 3 April; a US colleague types
"04/03/2026" meaning the same day. Slashes are refused because the two
readings cannot be told apart, and the date read is always shown back in
words ("Fri 3 Apr 2026") so a swapped day and month is seen at once.
"""

from __future__ import annotations

import datetime as dt
import re

# Separators accepted between the parts: hyphen, dot, or a space, the same one twice.
_DMY = re.compile(r"^(\d{1,2})([-. ])(\d{1,2})\2(\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
FORMATS = "dd-mm-yyyy or yyyy-mm-dd"
# Before this year a date is a typing slip, not a drug start (e.g. "0202" for 2020).
EARLIEST_YEAR = 1900


def parse_date(text: str, today: dt.date) -> dt.date:
    """The date in ``text``; ValueError with a message a clinician can act on.

    Args:
        text: What was typed: dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd.
        today: Dates after it are refused (nothing here has happened yet).
    """
    typed = text.strip()
    if "/" in typed:
        raise ValueError(
            f"'{typed}': write {FORMATS}; slashes are not read, as 03/04 can be 3 April or 4 March"
        )
    dmy, ymd = _DMY.match(typed), _YMD.match(typed)
    if dmy:
        day, month, year = (int(dmy.group(n)) for n in (1, 3, 4))
    elif ymd:
        year, month, day = (int(g) for g in ymd.groups())
    else:
        raise ValueError(f"'{typed}' is not a date: write {FORMATS}, with a four-digit year")
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{typed}': no such day (day {day}, month {month}, {year})") from None
    if year < EARLIEST_YEAR:
        raise ValueError(f"'{typed}': the year {year} is before {EARLIEST_YEAR}")
    if date > today:
        raise ValueError(f"'{typed}' ({in_words(date)}) is after today")
    return date


# English names, fixed: strftime's %a and %b follow the C locale, which Qt sets
# from the environment, so a chart note would change language with the desktop.
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def in_words(date: dt.date) -> str:
    """'Fri 3 Apr 2026': day and month can no longer be swapped unseen."""
    return f"{DAYS[date.weekday()]} {date.day} {MONTHS[date.month - 1][:3]} {date.year}"


def short(date: dt.date) -> str:
    """'03-Apr-2026': the chart note's date."""
    return f"{date.day:02d}-{MONTHS[date.month - 1][:3]}-{date.year}"


def long(date: dt.date) -> str:
    """'3 April 2026'."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def typed(date: dt.date) -> str:
    """The date as the window shows it in a field: dd-mm-yyyy."""
    return f"{date:%d-%m-%Y}"
