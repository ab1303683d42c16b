"""A week or fortnight of a month by its place: "the first week of November", "the last fortnight
of October", "the second week of last month", and the same month's other one set against it:
"the first fortnight of October against the second", "week 1 of November vs the last week".

The first week is the 1st to the 7th, the second the 8th to the 14th (a fortnight the 1st to the
14th, the second the 15th to the 28th); the last is the month's last 7 or 14 days. Moved out of
bot/agent/when.py, which read the first of the two and dropped the one it was set against.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from typing import Any

from bot.agent.patterns import lazy
from bot.agent.when_words import MONTH_NUMBERS, MONTH_RX, YEAR_RX, period_between

_PLACE = {"first": 0, "1st": 0, "1": 0, "second": 1, "2nd": 1, "2": 1, "third": 2, "3rd": 2, "3": 2,
          "fourth": 3, "4th": 3, "4": 3}
_WHICH = r"(first|1st|second|2nd|third|3rd|fourth|4th|last|final)"
_PART = lazy(rf"\b(?:{_WHICH} (week|fortnight)|(week) ([1-4])) (?:of|in) "
                   rf"(?:{MONTH_RX}(?:\s+{YEAR_RX})?|(this|last|the previous|the) month\b)")
# "... against the second", "vs the last week", "compared with the other fortnight" (not "... of")
_OTHER = lazy(rf"\b(?:vs\.?|versus|against|compared (?:to|with)|than|with|to|next to|alongside|beside) "
                    rf"(?:in |with |to )?(?:the )?(?:{_WHICH}|(other|next|previous|following)|week ([1-4]))"
                    r"(?: (?:one|week|fortnight))?\b(?! of)(?!-)")


def _month(m: re.Match[str], as_of: dt.date, at: int = 5) -> tuple[int, int] | None:
    """(year, month) the words name (groups `at`, `at`+1, `at`+2 of the match: the month, its
    year, or this/last month): a month without a year is the latest begun by the data's last day."""
    word, year_said, rel = m.group(at), m.group(at + 1), m.group(at + 2)
    if rel is not None:
        back = 0 if rel in ("this", "the") else 1
        y, mo = divmod(as_of.year * 12 + as_of.month - 1 - back, 12)
        return y, mo + 1
    month = MONTH_NUMBERS.get(word.rstrip(".")) or MONTH_NUMBERS.get(word[:3])
    if not month:
        return None
    year = int(year_said) if year_said else as_of.year if month <= as_of.month else as_of.year - 1
    return year, month


def _days(year: int, month: int, size: int, place: int | None) -> tuple[dt.date, dt.date]:
    """The `place`th (None: the last) week or fortnight of the month."""
    end = calendar.monthrange(year, month)[1]
    first = dt.date(year, month, 1 + size * place) if place is not None else dt.date(year, month, end - size + 1)
    return first, first + dt.timedelta(days=size - 1)


def weeks_of_month(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, period) of each week or fortnight of a month named by its place."""
    found = []
    for m in _PART.finditer(t):
        ym = _month(m, as_of)
        size = 14 if m.group(2) == "fortnight" else 7
        place = _PLACE.get(m.group(1) or m.group(4) or "")
        if ym is None or (place is not None and 1 + size * place > calendar.monthrange(*ym)[1]):
            continue
        first, last = _days(*ym, size, place)
        if first <= as_of:
            found.append((m.start(), m.end(), period_between(first, min(last, as_of))))
    return found


_OF_MONTH = rf"(?:{MONTH_RX}(?:\s+{YEAR_RX})?|(this|last|the previous|the) month\b)"
# "the first 10 days of november", "the last 2 weeks of october"
_COUNTED = lazy(rf"\b(first|last|final) (\d+|two|three|four|five|six|seven|ten) (day|week)s (?:of|in) {_OF_MONTH}")
# "early november", "mid-october", "late last month": a third of the month, said in the answer
_THIRD = lazy(rf"\b(early|the early part of|mid|the middle of|late|the latter part of)[- ]((?:in |of )?){_OF_MONTH}")
_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_THIRD_WORDS = {"early": "early", "the early part of": "early", "mid": "mid", "the middle of": "mid", "late": "late",
                "the latter part of": "late"}
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


def counted_days_of_month(t: str, as_of: dt.date) -> tuple[list[tuple[int, int, str]], tuple[str, str] | None]:
    """(start, end, period) of "the first 10 days of November" and "early/mid/late October", and
    how a third of a month was read (no fixed dates: said in the answer)."""
    found, assumed = [], None
    for m in _COUNTED.finditer(t):
        ym = _month(m, as_of, 4)
        if ym is None:
            continue
        n = (int(m.group(2)) if m.group(2).isdigit() else _COUNTS[m.group(2)]) * (7 if m.group(3) == "week" else 1)
        end = calendar.monthrange(*ym)[1]
        if not 0 < n <= end:
            continue
        first = dt.date(*ym, 1 if m.group(1) == "first" else end - n + 1)
        if first <= as_of:
            found.append((m.start(), m.end(), period_between(first, min(first + dt.timedelta(days=n - 1), as_of))))
    for m in _THIRD.finditer(t):
        ym = _month(m, as_of, 3)
        if ym is None or ((m.group(5) or m.group(2)) and m.group(1) in _THIRDS and not _BEFORE.search(t[:m.start()])):
            continue  # "arrived late this month", "late in october" are about lateness; "in late october" a time
        lo, hi = _THIRDS[_THIRD_WORDS[m.group(1)]]
        first, last = dt.date(*ym, lo), dt.date(*ym, min(hi, calendar.monthrange(*ym)[1]))
        if first <= as_of:
            found.append((m.start(), m.end(), period_between(first, min(last, as_of))))
            assumed = (m.group(0), f"the {lo}{_TH.get(lo, 'th')} to the {last.day}{_TH.get(last.day, 'th')}")
    return found, assumed


_BEFORE = lazy(r"\b(?:in|from|during|over|for|since|around|until|till)\s+$")
_TH = {1: "st", 21: "st", 31: "st", 2: "nd", 22: "nd", 3: "rd", 23: "rd"}


def other_part(text: str, when: Any, as_of: dt.date | None) -> Any:
    """`when` set against the same month's other week or fortnight the text names after it."""
    parts = list(_PART.finditer(text))
    if len(parts) != 1 or as_of is None or when.against is not None or not when.period:
        return when
    m = parts[0]
    other = _OTHER.match(text, m.end()) or _OTHER.search(text, m.end())
    ym = _month(m, as_of)
    if other is None or ym is None:
        return when
    size = 14 if m.group(2) == "fortnight" else 7
    place = _PLACE.get(m.group(1) or m.group(4) or "")
    said, word = other.group(1) or other.group(3), other.group(2)
    if said:
        other_place = _PLACE.get(said)  # None: the last one
    elif word == "other" and size == 14:  # a month's two fortnights: the one not named
        other_place = 1 if place == 0 else 0
    elif word in ("next", "following") and place is not None:
        other_place = place + 1
    elif word == "previous" and place:
        other_place = place - 1
    else:  # "the other week" of four: not said which
        return when
    first, last = _days(*ym, size, other_place)
    if first > as_of or first.month != ym[1] or (first, size) == (_days(*ym, size, place)[0], size):
        return when
    return dataclasses.replace(when, against=period_between(first, min(last, as_of)),
                               spans=sorted({*when.spans, other.span()}))
