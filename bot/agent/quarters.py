"""Quarters named by number or place, and weeks by number: "Q3", "2025 Q3", "week 45", "the second quarter of 2025", "Q4 last year", "the
last quarter of 2025", "the final quarter of last year". Without a year, the latest such
quarter that has begun by the data's last day. "Last quarter" alone is the named period
last_quarter (bot/agent/when.py); "last" or "final" only names the fourth when a year follows.
Moved out of bot/agent/when.py, which read "Q4 last year" as this year's Q4 and "the last
quarter of 2025" as last_quarter.
"""

from __future__ import annotations

import calendar
import datetime as dt

from bot.agent.patterns import lazy
from bot.agent.when_words import YEAR_RX, period_between

_WHICH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
          "last": 4, "final": 4}
_YEAR_SAID = rf"(?:,?\s+(?:of\s+|in\s+)?(?:{YEAR_RX}|(this|last|previous|the previous|the last|the current|the) year\b))"
_QUARTER = lazy(rf"\b(?:q([1-4])|(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th) quarter)\b{_YEAR_SAID}?|"
                      rf"\b(?:the\s+)?(last|final) quarter{_YEAR_SAID}")


# "2025 q3", "2025-Q3": the year said first
_YEAR_FIRST = lazy(rf"\b{YEAR_RX}[ -]?q([1-4])\b")
# "week 45", "wk 45 of 2025": a numbered (ISO, Monday to Sunday) week of the year, not "week 3 of october"
_WEEK_NO = lazy(rf"\b(?:week|wk)(?: number| no\.?| #)? ?(\d{{1,2}})\b(?! of (?!(?:19|20)\d\d))(?:,? (?:of |in )?{YEAR_RX})?")


def _quarter(year: int, q: int, as_of: dt.date) -> str:
    first = dt.date(year, 3 * q - 2, 1)
    last = dt.date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
    return period_between(first, min(last, as_of) if first <= as_of else last)


def numbered_weeks(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, period) of each week named by its number: the latest begun, or that year's."""
    found = []
    for m in _WEEK_NO.finditer(t):
        n, year = int(m.group(1)), int(m.group(2)) if m.group(2) else as_of.year
        try:
            first = dt.date.fromisocalendar(year, n, 1)
            if first > as_of and not m.group(2):
                first = dt.date.fromisocalendar(year - 1, n, 1)
        except ValueError:  # "week 53" of a year with 52
            continue
        last = first + dt.timedelta(days=6)
        found.append((m.start(), m.end(), period_between(first, min(last, as_of) if first <= as_of else last)))
    return found


def quarters(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, period) of each quarter named by number or place."""
    found = [(m.start(), m.end(), _quarter(int(m.group(1)), int(m.group(2)), as_of)) for m in _YEAR_FIRST.finditer(t)]
    found += numbered_weeks(t, as_of)
    for m in _QUARTER.finditer(t):
        q = int(m.group(1)) if m.group(1) else _WHICH[m.group(2) or m.group(5)]
        year_digits, year_word = m.group(3) or m.group(6), m.group(4) or m.group(7)
        if year_digits:
            year = int(year_digits)
        elif year_word in ("last", "previous", "the previous", "the last"):
            year = as_of.year - 1
        else:  # no year, or this one: the latest such quarter begun by the data's last day
            year = as_of.year if dt.date(as_of.year, 3 * q - 2, 1) <= as_of or year_word else as_of.year - 1
        if not any(s <= m.start() < e for s, e, _ in found):
            # a quarter begun after the data's last day is kept whole, for the tool to say where the data ends
            found.append((m.start(), m.end(), _quarter(year, q, as_of)))
    return found
