"""Periods said loosely, that bot/agent/when.py (at its size limit) misreads or misses.

- "before they ever hit the checkout", "until anyone ever pays": "ever" there is a quantifier
  (at any point), not all time; it is dropped before the period is read.
- "oct against sept", "jan vs dec": month abbreviations set against each other are months
  (alone, "oct" or "mar" is too often something else to read as one).
- "how much did the bar take friday", "... the thursday?": a weekday ending the question is
  the latest such day; "last night" is yesterday, "tonight" today.
- "than at the same point last month": this month so far against the same first days of last
  month (as "the same days of October" in bot/agent/same_days.py).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from typing import Any

from bot.agent.going_back import going_back_as_past
from bot.agent.gone_periods import gone_as_last
from bot.agent.patterns import lazy, rx
from bot.agent.when_words import MONTH_NUMBERS, MONTH_RX, latest_weekday, period_between
from bot.agent.word_fragments import WEEKDAY_CAUGHT

# "before they ever hit", "without anyone ever buying", "if people ever come back": a clause
# about whether something happens at all; the word after "ever" is its verb.
_EVER = lazy(r"\b((?:before|until|till|without|if|whether|unless|once)(?: \w+){0,3}?) ever (?=[a-z])")
_ABBR = r"(jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_PAIR = lazy(rf"\b{_ABBR}(\s*(?:,\s*)?(?:vs\.?|versus|against|compared (?:to|with)|next to|or|and|to|then)\s+){_ABBR}(?![a-z])")
_WEEKDAY = WEEKDAY_CAUGHT
# a weekday that ends the question ("... on the door friday", "ok and the thursday?")
_LAST_WORD = lazy(rf"\b(?<!every )(?<!each )(?<!a )(?:the )?{_WEEKDAY}\s*[?.!]*\s*$")
# "is our busiest day friday", "which day is quieter, monday or tuesday": weekdays in general
_HABIT = lazy(r"\b(?:usually|typically|normally|tend|on average|every|each|always|days?|weekdays?|weekends?|or|"
                    r"busi\w*|quiet\w*|slow\w*|best|worst|peak\w*|most|least)\b|"
                    r"\bmon(?:day)? (?:to|thru|through|till|until|-) sun(?:day)?\b")  # "mon to sun": the week's days
_NIGHT = lazy(r"\b(last night|tonight)\b")
_SAME_POINT = lazy(r"\b(?:at |by )?(?:the )?same (?:point|stage|time|day) (?:in |of )?(?:the )?(?:last|previous|prior) month\b")
# compare's cues: a month set against a month, this month against the same point of the last
# (not "which source moved revenue most, october vs september": a ranking of groups)
LOOSE_DAYS_CUES = ((rf"^(?!.*\b(?:which|what)\b.*\b(?:most|least|biggest|best|worst)\b).*?\b{MONTH_RX},?\s*(?:vs\.?|versus|against|compared (?:to|with)|next to)\s+{MONTH_RX}", 0.3),
                   (_SAME_POINT.pattern, 0.55))


def _full(abbr: str) -> str:
    return calendar.month_name[MONTH_NUMBERS[abbr]].lower()


def plain_days(t: str) -> str:
    """The lower-cased question with quantifier "ever"s dropped and paired month abbreviations
    written out."""
    t = going_back_as_past(gone_as_last(_EVER.sub(r"\1 ", t)))  # "the week just gone": last week; "going back 6 months"
    t = rx.sub(r"\b(yesterday|today|tonight)s\b", r"\1's", t)  # "yesterdays till": the apostrophe left out
    t = _MONTH_FIRST_RANGE.sub(_day_first, t)  # "nov 3 to 9": the 3rd to the 9th of november
    return _PAIR.sub(lambda m: _full(m.group(1)) + m.group(2) + _full(m.group(3)), t)


# (lane probe26b) A stretch of days said month first, "nov 3 to 9", "oct 27 to nov 2", "september
# 10th-20th": written day first ("3 november to 9 november"), as bot/agent/when.py reads a range
_MON = r"(january|february|march|april|may|june|july|august|september|october|november|december|" + _ABBR[1:-4] + r")\.?"
_MONTH_FIRST_RANGE = lazy(rf"\b{_MON} (\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|till|until|thru|through)\s*"
                                rf"(?:{_MON} )?(\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.]\d|\s*(?:am|pm|%|percent|days?|weeks?)\b)")


def _day_first(m: re.Match[str]) -> str:
    first = m.group(1) if len(m.group(1)) > 4 else _full(m.group(1).rstrip("."))
    second = m.group(3) or m.group(1)
    second = second if len(second) > 4 else _full(second.rstrip("."))
    return f"{int(m.group(2))} {first} to {int(m.group(4))} {second}"


def loose_days(t: str, when: Any, as_of: dt.date | None) -> Any:
    """`when` with the period a trailing weekday, "last night" or "the same point last month"
    gives, where nothing else named one."""
    if as_of is None:
        return when
    same = _SAME_POINT.search(t)
    if same and when.period in (None, "this_month", "last_month") and when.against in (None, "last_month"):
        last = as_of.replace(day=1) - dt.timedelta(days=1)
        days = min(as_of.day, last.day)
        return dataclasses.replace(when, period="this_month", against=period_between(last.replace(day=1), last.replace(day=days)),
                                   spans=[*when.spans, same.span()])
    if when.period is not None or when.against is not None:
        return when
    night = _NIGHT.search(t)
    if night:
        day = as_of - dt.timedelta(days=1 if night.group(1) == "last night" else 0)
        return dataclasses.replace(when, period="yesterday" if day < as_of else "today", spans=[*when.spans, night.span()])
    m = _LAST_WORD.search(t)
    if m and not _HABIT.search(t):
        day = latest_weekday(m.group(1), as_of)
        return dataclasses.replace(when, period=period_between(day, day), spans=[*when.spans, m.span()])
    return when
