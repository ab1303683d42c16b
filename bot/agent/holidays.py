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

The span that holds an occasion (lane holidays26): "Halloween week", "the week of Black Friday",
"Christmas fortnight", "over the Bonfire Night weekend", "the run-up to Valentine's". Without
these the planner answered this month (or the day alone) for a span anyone can work out. Here
- a week is the Monday-Sunday week holding the day (Easter's: the week holding Good Friday);
- a fortnight is that week and the one after it (Christmas fortnight runs into the New Year);
- a weekend is the Saturday and Sunday of that week, with the day itself when it is a Friday,
  or the weekend just before it, with it, when it is a Monday; unless the occasion has its own:
  Easter weekend is Good Friday to Easter Monday, Black Friday weekend Friday to Cyber Monday;
- the run-up (lead-up, build-up) to it is the 7 days before it, said so in the answer.
Each is the latest that has begun by the data's last day (or the year written; "last year's"
the one before that), and "... vs last year's" sets it against the same occasion's span a year
earlier (Black Friday week against the week of the Black Friday before, not the same dates).
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


_ANY = rf"{_NAMES}|christmas|xmas"
_SPAN = lazy(
    rf"\b(?:(?:in|over|during|for|across|on|around|through|throughout|from) )?(?:the )?"
    rf"(?:(?P<prev>last year'?s|this year'?s|this past|last|this) )?"
    rf"(?:(?P<unit1>week|weekend|fortnight) of (?:the )?(?P<name1>{_ANY})|(?P<name2>{_ANY})(?:'s)? (?P<unit2>week|weekend|fortnight)(?!s)|"
    rf"(?:run|lead|build)[- ]up to (?:the )?(?P<name3>{_ANY})|"
    # (lane real27b) "the christmas run-up", "over the black friday lead-up": the same 7 days
    rf"(?P<name4>{_ANY})(?:'s)? (?:run|lead|build)[- ]?up\b)"
    rf"(?:'s)?(?:\s+(?P<year>{YEAR_RX})|\s+(?P<ago>last year|(?:a |one )?year ago|the year before))?\b")
# "Black Friday weekend" is the Friday to Cyber Monday, Easter's Good Friday to Easter Monday
_OWN_WEEKEND = {"black friday": (0, 3), "easter": (0, 3), "easter weekend": (0, 3)}


def _days_of(name: str, year: int) -> tuple[dt.date, dt.date]:
    if name in ("christmas", "xmas"):
        return (dt.date(year, 12, 25),) * 2
    return next(f for p, f in _DAYS.items() if rx.fullmatch(p, name))(year)


def _span_days(m: re.Match[str], year: int) -> tuple[dt.date, dt.date]:
    """The days of the span round the occasion in `year` (the module's docstring says which)."""
    name = m.group("name1") or m.group("name2") or m.group("name3") or m.group("name4")
    first, _ = _days_of(name, year)
    unit = m.group("unit1") or m.group("unit2") or "run-up"
    monday = first - dt.timedelta(days=first.weekday())
    day = dt.timedelta(days=1)
    if unit == "run-up":
        return first - 7 * day, first - day
    if unit in ("week", "fortnight"):
        return monday, monday + (6 if unit == "week" else 13) * day
    if name in _OWN_WEEKEND:
        lo, hi = _OWN_WEEKEND[name]
        return first + lo * day, first + hi * day
    if first.weekday() == 0:  # a Monday's weekend is the one just before it
        return first - 2 * day, first
    return (first if first.weekday() == 4 else monday + 5 * day), monday + 6 * day


def _span_year(m: re.Match[str], as_of: dt.date) -> int:
    """The occasion's year: the one written, else the latest span begun by the data's last day
    (the one before it for "last year's", "... a year ago")."""
    if m.group("year"):
        return int(m.group("year"))
    year = as_of.year if _span_days(m, as_of.year)[0] <= as_of else as_of.year - 1
    return year - 1 if m.group("ago") or (m.group("prev") or "").startswith("last year") else year


def occasion_spans(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, period) of each span said to hold an occasion: its week, weekend, fortnight or run-up."""
    out = []
    for m in _SPAN.finditer(t):
        first, last = _span_days(m, _span_year(m, as_of))
        out.append((m.start(), m.end(), upto(first, last, as_of)))
    return out


# "... vs last year's", "compared with the same week a year earlier": the occasion's own span a year before
_YEAR_BEFORE = lazy(
    r"\b(?:than|vs\.?|versus|against|compared? (?:to|with)|on|with|next to)\s+(?:the )?(?:same (?:week|weekend|fortnight|days?|"
    r"time|period) )?(?:(?:of |in )?last year'?s?|(?:a |one |the )year (?:before|earlier|ago)|the (?:previous|prior) year'?s?)\b")


def occasion_year_before(t: str, as_of: dt.date) -> tuple[str, str, tuple[int, int]] | None:
    """(period, against, where) when an occasion's span is set against last year's: the same
    occasion's span a year before, not the same dates (Black Friday moves)."""
    spans = [m for m in _SPAN.finditer(t)]
    cmp = _YEAR_BEFORE.search(t)
    if cmp is None or not spans or spans[0].start() > cmp.start() or len(spans) > 1:
        return None
    m = spans[0]
    year = _span_year(m, as_of)
    first, last = _span_days(m, year)
    before = _span_days(m, year - 1)
    return upto(first, last, as_of), upto(*before, as_of), cmp.span()


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
        run_up = next((m for m in _SPAN.finditer(t) if m.group("name3") or m.group("name4")), None)
        return (run_up.group(0).strip(), "the 7 days before it") if run_up else None
    return m.group(0).strip(), (f"the {_VAGUE[m.group('count') or '']} days "
                                f"{'after' if m.group('side') in ('after', 'following') else 'before'} it")


def holidays(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """(start, end, period) of each occasion named as a time, and of so many days around one."""
    found = around_occasions(t, as_of)
    found += [f for f in occasion_spans(t, as_of) if not any(s < f[1] and f[0] < e for s, e, _ in found)]
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
