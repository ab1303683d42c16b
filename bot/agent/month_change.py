"""A change between two months named as a range: "how did conversion change from October to
November?" sets November against October (two months in a row: over a longer stretch the change
is its trend). Without a change asked ("revenue from October to
November") the range stays one period (bot/agent/when.py reads it)."""

from __future__ import annotations

import datetime as dt

from bot.agent.patterns import lazy
from bot.agent.when import When
from bot.agent.when_words import MONTH_NUMBERS, MONTH_RX, YEAR_RX, month_range, upto

_CHANGED = (r"chang\w*|go|goes|went|gone|mov\w*|shift\w*|grow|grew|grown|growing|fall|fell|fallen|falling|ris\w*|rose|"
            r"drop\w*|jump\w*|improv\w*|slip\w*|slid|dip\w*|declin\w*|increas\w*|decreas\w*|evolv\w*|differ\w*|compar\w*|"
            r"up|down|better|worse")
_RANGE = lazy(rf"\b(?:{_CHANGED})\b[^.?!]{{0,40}}?\b(?:from\s+{MONTH_RX}\s+(?:to|into|through to)|between\s+{MONTH_RX}\s+and)\s+"
                    rf"{MONTH_RX}(?:\s+{YEAR_RX})?")


def asks_change(t: str) -> bool:
    """A change asked between two months named as a range."""
    return _RANGE.search(t) is not None


def month_to_month(t: str, when: When, as_of: dt.date | None) -> When:
    """The later month as the period and the earlier as the one it is set against, when the
    question asks how something changed from one month to the other."""
    m = _RANGE.search(t)
    if m is None or when.against is not None or when.step:
        return when
    as_of = as_of or dt.date.today()
    first, second = (MONTH_NUMBERS.get(w) or MONTH_NUMBERS.get(w[:3]) for w in (m.group(1) or m.group(2), m.group(3)))
    year = int(m.group(4)) if m.group(4) else None
    if not first or not second or first == second:
        return when
    a, b = month_range(first, as_of, year), month_range(second, as_of, year)
    if (b[0].year * 12 + b[0].month) - (a[0].year * 12 + a[0].month) != 1:
        # "how has aov moved between august and october": a stretch, the trend over it
        return when
    when.period, when.against = upto(*b, as_of), upto(*a, as_of)
    return when
