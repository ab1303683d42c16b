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

from bot.agent.when_words import _MONTH, _MONTH_NAMES, _YEAR, _span

_PLACE = {"first": 0, "1st": 0, "1": 0, "second": 1, "2nd": 1, "2": 1, "third": 2, "3rd": 2, "3": 2,
          "fourth": 3, "4th": 3, "4": 3}
_WHICH = r"(first|1st|second|2nd|third|3rd|fourth|4th|last|final)"
_PART = re.compile(rf"\b(?:{_WHICH} (week|fortnight)|(week) ([1-4])) (?:of|in) "
                   rf"(?:{_MONTH}(?:\s+{_YEAR})?|(this|last|the previous|the) month\b)")
# "... against the second", "vs the last week", "compared with the other fortnight" (not "... of")
_OTHER = re.compile(rf"\b(?:vs\.?|versus|against|compared (?:to|with)|than|with|to|next to|alongside|beside) "
                    rf"(?:in |with |to )?(?:the )?(?:{_WHICH}|(other|next|previous|following)|week ([1-4]))"
                    r"(?: (?:one|week|fortnight))?\b(?! of)(?!-)")


def _month(m: re.Match[str], as_of: dt.date) -> tuple[int, int] | None:
    """(year, month) the words name: a month without a year is the latest begun by the data's last day."""
    if m.group(7) is not None:
        back = 0 if m.group(7) in ("this", "the") else 1
        y, mo = divmod(as_of.year * 12 + as_of.month - 1 - back, 12)
        return y, mo + 1
    month = _MONTH_NAMES.get(m.group(5).rstrip(".")) or _MONTH_NAMES.get(m.group(5)[:3])
    if not month:
        return None
    year = int(m.group(6)) if m.group(6) else as_of.year if month <= as_of.month else as_of.year - 1
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
            found.append((m.start(), m.end(), _span(first, min(last, as_of))))
    return found


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
    return dataclasses.replace(when, against=_span(first, min(last, as_of)),
                               spans=sorted({*when.spans, other.span()}))
