"""Days owners name by the occasion: "sessions on Halloween", "Black Friday orders", "takings over
Easter", "what came in on Boxing Day 2025". Each is its date in the latest year it has come by
the data's last day (or the year written); Easter is Good Friday to Easter Monday, Black Friday
the day after the fourth Thursday of November. Without these the planner answered its default
period, or said it did not know the words, for days that have a date anyone can work out.
"Christmas" alone is December (a season, bot/agent/when.py's); holidays that differ by country
(Mother's Day) are left not understood.

So many days just before or after an occasion ("the week after Black Friday", "the fortnight
before Christmas", "the weekend before Easter") are those days, not the occasion itself; there
"Christmas" is Christmas Day, and "the days after" (no count) is the week after, said so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from bot.agent.patterns import lazy, rx
from bot.agent.when_words import NUMBER_RX, UNIT_DAYS, YEAR_RX, number, period_between, upto


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
_OCCASION = lazy(
    rf"\b(?P<lead>on|over|for|during|at|around|across|since|from|of|in|this|last|this past)?\s*(?:the\s+)?"
    rf"(?P<name>{_NAMES})(?:'s)?(?:\s+(?P<year>{YEAR_RX}))?\b"
    rf"(?P<after>\s+(?:sales|orders|revenue|takings|trade|trading|traffic|numbers|visits|sessions|bookings)\b|\s*[?.!,]*\s*$)?")

_AROUND = lazy(
    rf"\b(?:(?:in|over|during|for|across|on) )?the\s+(?:(?P<count>{NUMBER_RX}|few|couple of)\s+)?"
    rf"(?P<unit>day|week|fortnight|month|weekend)(?P<many>s)?\s+(?P<side>before|after|ahead of|leading up to|running up to|"
    rf"prior to|following|in the run[- ]up to)\s+(?:the\s+)?(?P<name>{_NAMES}|christmas|xmas)(?:'s)?(?:\s+(?P<year>{YEAR_RX}))?\b")

# "the days after" is the week after, "the few days before" three: the answer says which
_VAGUE = {"": 7, "few": 3}


def _around(m: re.Match[str], year: int) -> tuple[dt.date, dt.date]:
    """The days before or after the occasion in `year` that the words count."""
    name = m.group("name")
    first, last = (dt.date(year, 12, 25),) * 2 if name in ("christmas", "xmas") else \
        next(f for p, f in _DAYS.items() if rx.fullmatch(p, name))(year)
    after = m.group("side") in ("after", "following")
    if m.group("unit") == "weekend":  # the Saturday and Sunday next to it, not the days touching it
        sat = last + dt.timedelta(days=(5 - last.weekday()) % 7 or 7) if after else \
            first - dt.timedelta(days=(first.weekday() - 6) % 7 or 7) - dt.timedelta(days=1)
        return sat, sat + dt.timedelta(days=1)
    count = m.group("count")
    n = _VAGUE.get(count or "", 7) if count in (None, "few") and m.group("many") else \
        2 if count == "couple of" else number(count) if count else 1
    days = n * UNIT_DAYS[m.group("unit")]
    return (last + dt.timedelta(days=1), last + dt.timedelta(days=days)) if after else \
        (first - dt.timedelta(days=days), first - dt.timedelta(days=1))


def around_occasions(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, period) of so many days before or after an occasion: the latest such days
    begun by the data's last day, or those of the year written."""
    found = []
    for m in _AROUND.finditer(t):
        if m.group("count") if m.group("unit") == "weekend" else m.group("count") in (None, "few") and \
                m.group("many") and m.group("unit") != "day":
            continue  # "the 2 weekends before", "the weeks before": no one span to read
        years = [int(m.group("year"))] if m.group("year") else [as_of.year, as_of.year - 1]
        first, last = next((d for d in map(lambda y: _around(m, y), years) if d[0] <= as_of), _around(m, years[-1]))
        found.append((m.start(), m.end(), upto(first, last, as_of)))
    return found


def vague_days_around(t: str) -> tuple[str, str] | None:
    """How "the days after Easter" (no count) was read, for the answer to say."""
    m = next((m for m in _AROUND.finditer(t) if m.group("unit") == "day" and m.group("many") and
              m.group("count") in (None, "few")), None)
    if m is None:
        return None
    return m.group(0).strip(), (f"the {_VAGUE[m.group('count') or '']} days "
                                f"{'after' if m.group('side') in ('after', 'following') else 'before'} it")


def holidays(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, period) of each occasion named as a time, and of so many days around one."""
    found = around_occasions(t, as_of)
    for m in _OCCASION.finditer(t):
        if any(s <= m.start("name") < e for s, e, _ in found):
            continue  # "black friday" inside "the week after black friday"
        if not (m.group("lead") or m.group("after") is not None or m.group("year")):
            continue
        days = next(f for p, f in _DAYS.items() if rx.fullmatch(p, m.group("name")))
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
