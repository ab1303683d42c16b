"""A week named by one of its days: "sales in the week of 2 November", "the week
commencing the 9th". bot/agent/when.py reads the day and answers that one day, a different
question said as the one asked; here the day becomes its whole Monday-to-Sunday week (the week
"commencing" or "starting" a day is the seven days from it). Two such weeks ("the week of 2
November with the week of 26 October") are the period and the one it is set against.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from bot.agent.patterns import lazy, rx

_WEEK_OF = lazy(r"\b(?:the )?(?:week (of|commencing|beginning|starting)(?: on)?)\s+(?=\d|the \d)")
_DAY = lazy(r"\d{4}-\d{2}-\d{2}")


def _day_after(text: str, start: int, as_of: dt.date) -> tuple[dt.date, int] | None:
    """The one day named right after `start`, and where its words end."""
    from bot.agent.when import read_when

    lead = "on " if text.startswith("the ", start) else ""  # "the 9th" is a day after "on"
    when = read_when(lead + text[start:start + 30], as_of)
    if not when.period or not when.spans or when.spans[0][0] > 1 + len(lead):
        return None
    days = _DAY.findall(when.period)
    if len(days) != 2 or days[0] != days[1]:
        return None
    return dt.date.fromisoformat(days[0]), start + when.spans[0][1] - len(lead)


def _week(day: dt.date, how: str | None, as_of: dt.date) -> str:
    start = day if how in ("commencing", "beginning", "starting") else day - dt.timedelta(days=day.weekday())
    end = start + dt.timedelta(days=6)
    return f"{start.isoformat()}..{(min(end, as_of) if start <= as_of else end).isoformat()}"


def week_of(text: str, when: Any, as_of: dt.date | None) -> Any:
    """`when` with each day named as "the week of" that day widened to its week."""
    if as_of is None or not _WEEK_OF.search(text):
        return when
    weeks, spans, days = [], [], []
    for m in _WEEK_OF.finditer(text):
        found = _day_after(text, m.end(), as_of)
        if found is None:
            continue
        weeks.append(_week(found[0], m.group(1), as_of))
        spans.append((m.start(), found[1]))
        days.append(f"{found[0].isoformat()}..{found[0].isoformat()}")
    if not weeks or len(weeks) > 2:
        return when
    period, against = weeks[0], weeks[1] if len(weeks) == 2 else when.against
    if len(weeks) == 1 and when.period not in (None, days[0]) and when.against in (None, days[0]):
        # (lane tune28) "last week compared to the week of 19 october": the other period named
        # is set against the week (the one said first is the period)
        first = min((s for s, e in when.spans if e <= spans[0][0] or s >= spans[0][1]), default=spans[0][0])
        period, against = (when.period, weeks[0]) if first < spans[0][0] else (weeks[0], when.period)
    elif len(weeks) == 1 and against and _DAY.fullmatch(against[:10]) and against[:10] == against[-10:] \
            and rx.search(r"\b(?:the )?(?:week (?:before|prior|earlier|after)|previous week)\b", text):
        # "the week of 2 november against the week before": that day's week too, not one day
        against = _week(dt.date.fromisoformat(against[:10]), None, as_of)
    # (lane tune34) two weeks named: the first said is the one asked about (the banks' convention)
    return dataclasses.replace(when, period=period, against=against, spans=sorted(set(when.spans) | set(spans)))
