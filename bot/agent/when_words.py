"""The pieces bot/agent/when.py and bot/agent/period_phrases.py both read periods with: how a
number, a month, a day and a year are written, and the dates they make."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from bot.agent.vocab import NUMBER_WORDS

_NUM = r"(\d+|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + ")"
_MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_NAMES.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH_NAMES["sept"] = 9
# The names people write days and months with, lower case: the one table the planner's patterns use.
WEEKDAY_NAMES: tuple[str, ...] = tuple(d.lower() for d in calendar.day_name)
MONTH_NAMES: tuple[str, ...] = tuple(m.lower() for m in calendar.month_name if m)
_MONTH = "(" + "|".join(MONTH_NAMES) + r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d{2})"
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "quarter": 91, "year": 365}


def number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _date(day: str, month: str, year: str | None, as_of: dt.date) -> dt.date | None:
    m = _MONTH_NAMES.get(month.rstrip(".")) or _MONTH_NAMES.get(month[:3])
    if not m:
        return None
    y = int(year) if year else (as_of.year if (m, int(day)) <= (as_of.month, as_of.day) else as_of.year - 1)
    try:
        return dt.date(y, m, int(day))
    except ValueError:
        return None


def _span(a: dt.date, b: dt.date) -> str:
    # "since 1 December" when the data ends in November: the period is that day, which the tool
    # answers with where the data ends, rather than an end before its start that no tool takes
    return f"{a.isoformat()}..{max(a, b).isoformat()}"
