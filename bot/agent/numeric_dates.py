"""Days written in figures: "2026-01-31", "31/01/2026", "31.01.26", US "1/31", and ranges of them
("from 2026-01-31 to 2026-03-01", "between 31/01/2026 and 01/03/2026", "1/31 to 3/1").

A slashed date is read day first (the owners write "31/01"), month first when only that makes a
date ("1/31"); a range is read one way for both ends, so "1/31 to 3/1" is January to March. A
slashed date with both numbers 12 or under and no other end to settle it is read day first and
said so in the answer (`assumed`). bot/agent/when.py reads these before anything else, so the
year inside "2026-01-31" is not read again as the whole year.
"""

from __future__ import annotations

import datetime as dt

from bot.agent.patterns import lazy, rx
from bot.agent.when_words import period_between

_ISO = r"\d{4}-\d{1,2}-\d{1,2}"
_SLASHED = r"\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?|\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})"
DAY_IN_FIGURES = rf"(?<![\w/.-])(?:{_ISO}|{_SLASHED})(?![\w/]|\.\d|-\d+-)"
_RANGE = lazy(rf"\b(?:(from|between|since|on|for|in|of|during|over)\s+)?({DAY_IN_FIGURES})"
                    rf"(?:\s*(?:to|until|till|through|thru|-|–|\.\.|and)\s*({DAY_IN_FIGURES}))?")


def _parts(text: str) -> tuple[int | None, int, int]:
    """(year or None, first number, second number) as written."""
    if rx.fullmatch(_ISO, text):
        y, m, d = map(int, text.split("-"))
        return y, m, d
    bits = [int(b) for b in rx.split(r"[/.]", text)]
    year = None if len(bits) == 2 else bits[2] + (2000 if bits[2] < 100 else 0)
    return year, bits[0], bits[1]


def _day(year: int | None, month: int, day: int, as_of: dt.date) -> dt.date | None:
    """The day, in the latest year that is not after the data when no year is written."""
    try:
        if year is not None:
            return dt.date(year, month, day)
        d = dt.date(as_of.year, month, day)
        return d if d <= as_of else dt.date(as_of.year - 1, month, day)
    except ValueError:
        return None


def _read(texts: list[str], as_of: dt.date) -> tuple[list[dt.date], bool] | None:
    """The days written, and whether day-first was a guess (both numbers could be a month)."""
    parts = [_parts(t) for t in texts]
    if all(rx.fullmatch(_ISO, t) for t in texts):
        days = [_day(y, a, b, as_of) for y, a, b in parts]
        return (days, False) if all(days) else None  # type: ignore[return-value]
    month_first = any(a <= 12 < b for _, a, b in parts) and not any(b <= 12 < a for _, a, b in parts)
    days = [_day(y, a, b, as_of) if month_first else _day(y, b, a, as_of) for y, a, b in parts]
    if not all(days):
        return None
    guessed = not month_first and all(a <= 12 and b <= 12 and a != b for _, a, b in parts)
    return days, guessed  # type: ignore[return-value]


def days_in_figures(t: str, as_of: dt.date) -> tuple[list[tuple[int, int, str]], tuple[str, str] | None]:
    """(start, end, period) of each day or range written in figures, and the guess made, if any."""
    found: list[tuple[int, int, str]] = []
    assumed = None
    for m in _RANGE.finditer(t):
        texts = [x for x in (m.group(2), m.group(3)) if x]
        if len(texts) == 1 and m.group(1) not in ("on", "since", "from") and rx.fullmatch(r"\d+/\d+", texts[0]):
            continue  # "open 24/7", "for 24/7 support", "in 3/4 of cases": a ratio; "on 3/11" is a day
        read = _read(texts, as_of)
        if read is None and all(rx.fullmatch(_ISO, x) for x in texts):
            # "since 2026-13-40": kept as written, for the period's own check to name
            end = texts[-1] if len(texts) == 2 or m.group(1) not in ("since", "from") else as_of.isoformat()
            found.append((m.start(), m.end(), f"{texts[0]}..{end}"))
            continue
        if read is None:
            continue
        days, guessed = read
        if guessed:
            assumed = (m.group(0).strip(), f"day first: {days[0].strftime('%-d %B %Y')}" +
                       (f" to {days[1].strftime('%-d %B %Y')}" if len(days) == 2 else ""))
        if len(days) == 2:
            if days[0] > days[1] and _parts(texts[0])[0] is None:  # "12/20 to 1/5": december of the year before
                days[0] = days[0].replace(year=days[0].year - 1)
            if days[0] > days[1]:
                continue
            period = period_between(days[0], days[1])
        else:
            period = period_between(days[0], as_of) if m.group(1) in ("since", "from") else period_between(days[0], days[0])
        found.append((m.start(), m.end(), period))
    return found, assumed


def unreadable_days(t: str, as_of: dt.date) -> str | None:
    """A day written in figures with its year that is no date ("31/02/2026", "10/32/2026"), for
    the answer to say it was not understood rather than answer another period."""
    for m in rx.finditer(r"(?<![\w/.-])\d{1,2}([/.])\d{1,2}\1\d{2,4}(?![\w/])", t):
        if _read([m.group(0)], as_of) is None:
            return m.group(0)
    return None
