"""Days owners name by the occasion: "sessions on Halloween", "Black Friday orders", "takings over
Easter", "what came in on Boxing Day 2025". Each is its date in the latest year it has come by
the data's last day (or the year written); Easter is Good Friday to Easter Monday, Black Friday
the day after the fourth Thursday of November. Without these the planner answered its default
period, or said it did not know the words, for days that have a date anyone can work out.
"Christmas" alone is December (a season, bot/agent/when.py's); holidays that differ by country
(Mother's Day) are left not understood.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from bot.agent.when_words import YEAR_RX, period_between


def _easter(year: int) -> dt.date:
    """Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _black_friday(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    return thursday + dt.timedelta(days=1)


def _fixed(month: int, day: int) -> Callable[[int], tuple[dt.date, dt.date]]:
    return lambda y: (dt.date(y, month, day), dt.date(y, month, day))


_DAYS: dict[str, Callable[[int], tuple[dt.date, dt.date]]] = {
    r"hall?owe?'?en": _fixed(10, 31),
    r"christmas day|xmas day": _fixed(12, 25),
    r"christmas eve|xmas eve": _fixed(12, 24),
    r"boxing day": _fixed(12, 26),
    r"new year'?s eve|nye": _fixed(12, 31),
    r"new year'?s day": _fixed(1, 1),
    r"valentine'?s(?: day)?|st\.? valentine'?s day": _fixed(2, 14),
    r"bonfire night|guy fawkes(?: night)?": _fixed(11, 5),
    r"st\.? patrick'?s day|paddy'?s day": _fixed(3, 17),
    r"black friday": lambda y: (_black_friday(y), _black_friday(y)),
    r"cyber monday": lambda y: (_black_friday(y) + dt.timedelta(days=3),) * 2,
    r"good friday": lambda y: (_easter(y) - dt.timedelta(days=2),) * 2,
    r"easter sunday": lambda y: (_easter(y), _easter(y)),
    r"easter monday": lambda y: (_easter(y) + dt.timedelta(days=1),) * 2,
    r"easter(?: weekend| holidays?)?": lambda y: (_easter(y) - dt.timedelta(days=2), _easter(y) + dt.timedelta(days=1)),
}
_NAMES = "|".join(f"(?:{p})" for p in sorted(_DAYS, key=len, reverse=True))
# a day when said as a time ("on Halloween", "Black Friday orders", "this Easter"), not a topic
# ("the halloween menu")
_OCCASION = re.compile(
    rf"\b(?P<lead>on|over|for|during|at|around|across|since|from|of|in|this|last|this past)?\s*(?:the\s+)?"
    rf"(?P<name>{_NAMES})(?:'s)?(?:\s+(?P<year>{YEAR_RX}))?\b"
    rf"(?P<after>\s+(?:sales|orders|revenue|takings|trade|trading|traffic|numbers|visits|sessions|bookings)\b|\s*[?.!,]*\s*$)?")


def holidays(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, period) of each occasion named as a time."""
    found = []
    for m in _OCCASION.finditer(t):
        if not (m.group("lead") or m.group("after") is not None or m.group("year")):
            continue
        days = next(f for p, f in _DAYS.items() if re.fullmatch(p, m.group("name")))
        year = int(m.group("year")) if m.group("year") else as_of.year
        first, last = days(year)
        if first > as_of and not m.group("year"):  # not come yet this year: last year's
            first, last = days(year - 1)
        if m.group("lead") in ("since", "from"):
            last = max(last, as_of)  # "since Black Friday": from that day on
        start = m.start("name") if not m.group("lead") else m.start()
        period = period_between(first, min(last, as_of) if first <= as_of else last)
        found.append((start, m.end("year") if m.group("year") else m.end("name"), period))
    return found
