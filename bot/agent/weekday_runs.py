"""Weekdays named together as one period: "last Saturday and Sunday", "this Fri and Sat", "on
Monday, Tuesday and Wednesday", "Sat and Sun last week". Days next to each other are one span.
Days with others between them ("Monday and Thursday") set against each other ("compare last
Monday and Thursday", "which was busier") are two periods, the first against the second; else
they are read as the span from the first to the last, and the answer says so: the tools take one period, and two days set against each other
would answer a change nobody asked for. Without this the first day alone was read and the others
dropped without a word.

"last" reads the run as "last <its last day>" does (the latest one before the data's last day);
"this", "on" and "over" the latest one that has ended by it. bot/agent/when.py reads these
before single weekdays.
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from bot.agent.patterns import lazy, rx
from bot.agent.when_words import period_between
from bot.agent.word_fragments import WEEKDAY_SHORT

_DAY = rf"(?:{WEEKDAY_SHORT})(?:day|nesday|urday)?\b"
_RUN = lazy(
    rf"\b(?:(?P<lead>on|last|this|this past|past|previous|over)\s+)?(?<!between )(?<!from )"
    rf"(?P<days>{_DAY}(?:\s*,\s*{_DAY})*\s*,?\s*(?:and|&|\+|n)\s+(?:on\s+)?{_DAY})"
    rf"(?P<week>\s+(?:of\s+)?(?:last|this|the previous|previous) week\b)?"
    rf"(?P<gone>\s+(?:that(?:'s| has| is)\s+)?just (?:gone|passed)\b)?")
# "compare last monday and thursday", "monday and thursday, which was busier": the two days set
# against each other, each its own period (bot/agent/when.py sets the second against the first)
_SET_AGAINST = lazy(r"\bcompar|\bvs\.?\b|\bversus\b|\bagainst\b|\bside by side\b|\bwhich (?:one |day |of (?:them|the two) )?"
                          r"(?:was|did|had|were)\b|\b(?:busier|quieter|better|worse)\b")
_HABIT = lazy(r"\b(?:usually|typically|tend|on average|each week|every week)\b")
_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _weekday(said: str) -> int:
    return ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(said[:3])


def weekday_runs(t: str, as_of: dt.date) -> tuple[list[tuple[int, int, str]], tuple[str, str] | None]:
    """(start, end, period) of each run of weekdays named together, and how a run with days
    between its days was read (said in the answer), if any."""
    found: list[tuple[int, int, str]] = []
    assumed = None
    this: dict[tuple[int, ...], dt.date] = {}
    if _HABIT.search(t):
        return found, assumed  # "busy on friday and saturday every week": a habit, not dates
    for m in _RUN.finditer(t):
        lead, week = m.group("lead"), m.group("week")
        if not (lead or week or m.group("gone")):
            continue  # "saturday and sunday" alone is usually a habit ("busy saturday and sunday")
        days = [_weekday(d) for d in rx.findall(_DAY, m.group("days"))]
        steps = [(b - a) % 7 for a, b in pairwise(days)]
        length = sum(steps)
        if 0 in steps or length >= 7:
            continue  # "friday and friday", or a run that goes round the week: no one period
        if week:
            monday = as_of - dt.timedelta(days=as_of.weekday() + (0 if "this" in week else 7))
            first = monday + dt.timedelta(days=days[0])
            last = first + dt.timedelta(days=length)
        else:
            back = (as_of.weekday() - days[-1]) % 7
            if (lead in ("last", "previous", "past") or m.group("gone")) and back == 0:
                back = 7
            last = as_of - dt.timedelta(days=back)
            first = last - dt.timedelta(days=length)
        if lead in ("last", "previous") and this.get(tuple(days)) == last:
            # "this fri and sat vs last fri and sat": the week before this one's, whatever the day
            first, last = first - dt.timedelta(days=7), last - dt.timedelta(days=7)
        elif lead in ("this", "on", "over"):
            this[tuple(days)] = last
        if len(days) == 2 and steps[0] > 1 and _SET_AGAINST.search(t):
            second = m.start("days") + m.group("days").rindex(rx.findall(_DAY, m.group("days"))[-1])
            found += [(m.start(), m.start("days") + len(rx.match(_DAY, m.group("days")).group(0)), period_between(first, first)),
                      (second, m.end(), period_between(last, last))]
            continue
        found.append((m.start(), m.end(), period_between(first, last)))
        if any(s > 1 for s in steps):
            assumed = (m.group("days"), f"{_NAMES[days[0]]} to {_NAMES[days[-1]]}, the days between included: "
                                        "ask about each day on its own for those alone")
    return found, assumed
