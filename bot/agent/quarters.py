"""Quarters named by number or place: "Q3", "the second quarter of 2025", "Q4 last year", "the
last quarter of 2025", "the final quarter of last year". Without a year, the latest such
quarter that has begun by the data's last day. "Last quarter" alone is the named period
last_quarter (bot/agent/when.py); "last" or "final" only names the fourth when a year follows.
Moved out of bot/agent/when.py, which read "Q4 last year" as this year's Q4 and "the last
quarter of 2025" as last_quarter.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from bot.agent.when_words import _YEAR, _span

_WHICH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
          "last": 4, "final": 4}
_YEAR_SAID = rf"(?:,?\s+(?:of\s+|in\s+)?(?:{_YEAR}|(this|last|previous|the previous|the last|the current|the) year\b))"
_QUARTER = re.compile(rf"\b(?:q([1-4])|(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th) quarter)\b{_YEAR_SAID}?|"
                      rf"\b(?:the\s+)?(last|final) quarter{_YEAR_SAID}")


def quarters(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, period) of each quarter named by number or place."""
    found = []
    for m in _QUARTER.finditer(t):
        q = int(m.group(1)) if m.group(1) else _WHICH[m.group(2) or m.group(5)]
        year_digits, year_word = m.group(3) or m.group(6), m.group(4) or m.group(7)
        if year_digits:
            year = int(year_digits)
        elif year_word in ("last", "previous", "the previous", "the last"):
            year = as_of.year - 1
        else:  # no year, or this one: the latest such quarter begun by the data's last day
            year = as_of.year if dt.date(as_of.year, 3 * q - 2, 1) <= as_of or year_word else as_of.year - 1
        first = dt.date(year, 3 * q - 2, 1)
        last = dt.date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
        # a quarter begun after the data's last day is kept whole, for the tool to say where the data ends
        found.append((m.start(), m.end(), _span(first, min(last, as_of) if first <= as_of else last)))
    return found
