"""Periods said as a span counted back from a named day, or from when a calendar period started:
"the 30 days up to 31 October", "the fortnight ending 20 Nov", "the week to the 9th of
November", "since the quarter started", "since the month began".

Without these the planner read "the 30 days up to 31 October" as 31 October alone (the date was
the only period it saw) and "since the quarter started" as no period at all. bot/agent/when.py
reads them first, so the day inside them is not read again as a period of its own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from bot.agent.patterns import lazy
from bot.agent.when_words import (
    DAY_RX,
    MONTH_RX,
    NUMBER_RX,
    UNIT_DAYS,
    YEAR_RX,
    date_of,
    number,
    period_between,
)
from bot.agent.word_fragments import WEEKDAY

# "the 30 days up to 31 october", "14 days ending on 20 oct", "the week ending 15 november",
# "the fortnight to the 9th of november", "the 3 weeks leading up to 1 nov": so many days, the
# named day the last of them
_UP_TO = lazy(
    rf"\b(?:(?:in|over|during|for|across) )?(?:the )?(?:(?:last|past|final) )?(?:{NUMBER_RX} )?(day|week|fortnight|month)s?\s+"
    r"(?:up to|ending|ended|ending on|ended on|to|until|till|through|leading up to|running up to|before and including)\s+"
    rf"(?:and including\s+)?(?:the\s+)?(?:{DAY_RX}\s+(?:of\s+)?{MONTH_RX}|{MONTH_RX}\s+(?:the\s+)?{DAY_RX}\b)(?:,?\s+{YEAR_RX})?")
# "since the quarter started", "since the month began", "since the year kicked off": the
# calendar period so far
_SINCE_STARTED = lazy(r"\bsince (?:the|this|our) (?:current )?(week|month|quarter|year) (?:started|began|begun|kicked off|"
                            r"got going|opened|start(?:ed)?|turned)\b|\bsince the (?:new )?(week|month|quarter|year) (?:started|began)\b")


def _months_back(last: dt.date, months: int) -> dt.date:
    """The day after the same day `months` calendar months before `last` (a shorter month's last day)."""
    y, m = divmod(last.year * 12 + last.month - 1 - months, 12)
    day = dt.date(y, m + 1, min(last.day, calendar.monthrange(y, m + 1)[1]))
    if last.day == calendar.monthrange(last.year, last.month)[1]:
        day = dt.date(y, m + 1, calendar.monthrange(y, m + 1)[1])  # a month's last day: whole months back
    return day + dt.timedelta(days=1)


# "last weekend", "this weekend", "over the weekend", "the weekend just gone": a Saturday and Sunday
# (not "at weekends", a habit, nor "for the weekend", a plan)
_WEEKEND = lazy(r"\b(?:(?P<over>over|during|across) |(?:on|in|from) )?(?:(?P<word>last|this|this past|the past|previous|the previous)|the)"
                      r" weekend\b(?!s)(?P<gone> (?:just )?gone\b)?")


def _weekend(m: re.Match[str], as_of: dt.date) -> str | None:
    """Last weekend is the one of the week before this one (as last week is); this weekend, the
    weekend just gone or over the weekend, the latest one begun by the data's last day."""
    latest = as_of - dt.timedelta(days=(as_of.weekday() - 5) % 7)  # the latest Saturday on or before it
    in_one = as_of.weekday() >= 5
    word = m.group("word") or ""
    if word in ("last", "previous", "the previous"):
        latest -= dt.timedelta(days=7 if in_one else 0)
    elif (word == "this" and not in_one) or not (word or m.group("gone") or m.group("over")):
        return None  # the coming weekend, or "the weekend" alone: no period of the data
    return period_between(latest, min(latest + dt.timedelta(days=1), as_of))


def counted_spans(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, period) of each span counted back from a named day, or from the start of
    this week, month, quarter or year."""
    found: list[tuple[int, int, str]] = []
    for m in _UP_TO.finditer(t):
        count, unit = m.group(1), m.group(2)
        day, month = (m.group(3), m.group(4)) if m.group(3) else (m.group(6), m.group(5))
        last = date_of(day, month, m.group(7), as_of)
        if last is None or (count is None and unit == "day"):
            continue
        n = number(count) if count else 1
        # "the month ending 31 october" is october; "the 3 months up to 10 nov", 11 august to 10 november
        first = _months_back(last, n) if unit == "month" else last - dt.timedelta(days=n * UNIT_DAYS[unit] - 1)
        if first <= as_of:
            found.append((m.start(), m.end(), period_between(first, min(last, as_of))))
    for m in _SINCE_STARTED.finditer(t):
        found.append((m.start(), m.end(), f"this_{m.group(1) or m.group(2)}"))
    for m in _WEEKEND.finditer(t):
        period = _weekend(m, as_of)
        found += [(m.start(), m.end(), period)] if period else []
    return found


# "the same day last week", "the same day a week before": one day against the day seven before;
# "last weekend against the weekend before", "yesterday vs the Saturday before": the same days of
# the week before (not the days just before them, the comparison's default)
_WEEK_BEFORE = lazy(r"\bsame day (?:last|the previous|the) week\b|\bsame day a week (?:before|earlier|ago)\b|"
                          # (lane probe20b) "put yesterday's takings next to the saturday before it": set beside it
                          r"\b(?:than|vs\.?|versus|against|compared (?:to|with)|with|on|next to|beside|alongside|side by side with) (?:the )?(?:weekend|(?:mon|tues|wednes|"
                          r"thurs|fri|satur|sun)day|one) (?:before|prior|earlier)\b")
# "last weekend against the one before": "one" stands for the weekend or weekday named before it
_NAMED_BEFORE = lazy(rf"\b(?:weekend|{WEEKDAY})\b")


def a_week_before(t: str, period: str | None, as_of: dt.date) -> tuple[str, tuple[int, int]] | None:
    """The period seven days before `period` (a day or a span of days) when the text asks for it."""
    m = _WEEK_BEFORE.search(t)
    if m is None or not period or (m.group(0).endswith(("one before", "one prior", "one earlier"))
                                   and not _NAMED_BEFORE.search(t[:m.start()])):
        return None
    if period in ("yesterday", "today"):
        first = last = as_of - dt.timedelta(days=1 if period == "yesterday" else 0)
    elif ".." in period:
        first, last = (dt.date.fromisoformat(d) for d in period.split(".."))
        if (last - first).days > 6:
            return None  # a week before a month is not asked this way
    else:
        return None
    week = dt.timedelta(days=7)
    return period_between(first - week, last - week), m.span()
