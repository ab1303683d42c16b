"""The pieces the date readers (bot/agent/when.py, period_phrases.py, holidays.py, quarters.py and
the other modules that import from here) share: how a number, a month, a day and a year are
written, and the dates and periods they make."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from bot.agent.vocab import NUMBER_WORDS

# A count in figures or words ("3", "three"), as one regex group.
NUMBER_RX = r"(\d+|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + ")"
# Month number (1-12) by the name or abbreviation people write it with, lower case.
MONTH_NUMBERS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTH_NUMBERS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTH_NUMBERS["sept"] = 9
# The names people write days and months with, lower case: the one table the planner's patterns use.
WEEKDAY_NAMES: tuple[str, ...] = tuple(d.lower() for d in calendar.day_name)
MONTH_NAMES: tuple[str, ...] = tuple(m.lower() for m in calendar.month_name if m)
# A month name or abbreviation ("october", "oct."), as one regex group.
MONTH_RX = "(" + "|".join(MONTH_NAMES) + r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
# A day of the month in figures ("3", "3rd"), the number as one regex group.
DAY_RX = r"(\d{1,2})(?:st|nd|rd|th)?"
# A four-figure year ("2026"), as one regex group.
YEAR_RX = r"((?:19|20)\d{2})"
# Days in a unit of time said in words ("a month" counts 30 days).
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "quarter": 91, "year": 365}


def number(word: str) -> int:
    """The value of a count read by NUMBER_RX ("3" or "three")."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def date_of(day: str, month: str, year: str | None, as_of: dt.date) -> dt.date | None:
    """The date a day, a month name and maybe a year make; without a year the latest one not
    after the data. None when there is no such day (30 February)."""
    m = MONTH_NUMBERS.get(month.rstrip(".")) or MONTH_NUMBERS.get(month[:3])
    if not m:
        return None
    y = int(year) if year else (as_of.year if (m, int(day)) <= (as_of.month, as_of.day) else as_of.year - 1)
    try:
        return dt.date(y, m, int(day))
    except ValueError:
        return None


def period_between(a: dt.date, b: dt.date) -> str:
    """The period from a to b as the tools take it ("YYYY-MM-DD..YYYY-MM-DD")."""
    # "since 1 December" when the data ends in November: the period is that day, which the tool
    # answers with where the data ends, rather than an end before its start that no tool takes
    return f"{a.isoformat()}..{max(a, b).isoformat()}"


def month_range(month: int, as_of: dt.date, year: int | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day of a month, cut at the data's last day; a month without a year is
    the latest one that is not after the data ("december" in November is last December)."""
    year = year or (as_of.year if month <= as_of.month else as_of.year - 1)
    first, last = dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return first, (min(last, as_of) if first <= as_of else last)


def upto(first: dt.date, last: dt.date, as_of: dt.date) -> str:
    """A period cut at the data's last day; one that starts after it is kept whole ("orders in
    December" when the data ends in November), so the tool says where the data ends."""
    return period_between(first, min(last, as_of) if first <= as_of else last)


def latest_weekday(name: str, as_of: dt.date) -> dt.date:
    """The latest day called `name` ("friday") on or before the data's last day."""
    return as_of - dt.timedelta(days=(as_of.weekday() - WEEKDAY_NAMES.index(name.lower())) % 7)
