"""The month so far set against the same days of another month: "November so far vs October
same days", "takings this month against the same days of September", "October, same days".

bot/agent/when.py reads the other month whole (the 1st to the 31st set against a month half
gone) or, after "the same days of", not at all (so the comparison fell back to last month, not
the month named). Here that month is cut to as many days as the current month has had: the 1st
to the 15th when the data's last day is the 15th. A month named alone with "same days" is that
month's first days against this month so far.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from typing import Any

from bot.agent.patterns import lazy
from bot.agent.when_words import MONTH_NUMBERS, MONTH_RX

_SAME = r"(?:same|matching|equivalent|corresponding) (?:days|dates|stretch|number of days)"
# "october same days", "october, same days", "the same days of october", "same days in october"
_NAMED = lazy(rf"\b{MONTH_RX},? (?:the )?(?:{_SAME})\b|\b(?:the )?{_SAME} (?:of|in|from) {MONTH_RX}")
# compare's cue: a month's same days set against this month's
SAME_DAYS_CUES = ((_NAMED.pattern, 0.55),)
_SPAN = lazy(r"(\d{4})-(\d{2})-01\.\.(\d{4})-(\d{2})-(\d{2})")


def _month_before(month: int, current: dt.date) -> dt.date:
    """The first day of the latest `month` that began before the current month did."""
    year = current.year if month < current.month else current.year - 1
    return dt.date(year, month, 1)


def _first_days(first: dt.date, days: int) -> str:
    last_day = calendar.monthrange(first.year, first.month)[1]
    return f"{first.isoformat()}..{first.replace(day=min(days, last_day)).isoformat()}"


def same_days(text: str, when: Any, as_of: dt.date | None) -> Any:
    """`when` with the other month cut to the days the current month has had so far."""
    said = _NAMED.search(text)
    days = _DAYS.fullmatch(when.period or "") if said is not None and not when.against else None
    if days and days.group(2) == days.group(5) and days.group(1) == days.group(4):
        other = _days_of_another_month(when, days, MONTH_NUMBERS.get((said.group(1) or said.group(2)).rstrip(".").lower()))
        if other is not when:  # "october same days" alone: the month itself, read below
            return other
    if as_of is None or said is None or when.period not in ("this_month", None) and not _SPAN.fullmatch(when.period or ""):
        return when
    month = MONTH_NUMBERS.get((said.group(1) or said.group(2)).rstrip(".").lower())
    if month is None or month == as_of.month:
        return when
    if when.period not in (None, "this_month"):
        whole = _SPAN.fullmatch(when.period)
        if whole is None or (int(whole.group(1)), int(whole.group(2))) != (_month_before(month, as_of).year, month) \
                or when.against not in (None, "this_month"):
            return when
    # the month named (read whole as the period or the one against it) is the one cut
    against = _first_days(_month_before(month, as_of), as_of.day)
    return dataclasses.replace(when, period="this_month", against=against)


# (lane probe26b) "takings from the 10th to the 20th of october versus the same days in september":
# a stretch of days inside one month set against those days of the month named
_DAYS = lazy(r"(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})")


def _days_of_another_month(when: Any, days: re.Match[str], month: int | None) -> Any:
    first = dt.date(int(days.group(1)), int(days.group(2)), int(days.group(3)))
    if month is None or month == first.month:
        return when
    other = _month_before(month, first)
    last_day = calendar.monthrange(other.year, month)[1]
    start, end = (other.replace(day=min(int(d), last_day)) for d in (days.group(3), days.group(6)))
    return dataclasses.replace(when, against=f"{start.isoformat()}..{end.isoformat()}")
