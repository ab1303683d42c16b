"""A year back, said the way owners say it: "the same month last year", "vs a year ago", "year on
year", "last year" on its own.

Without this the planner read "compare this month to the same month last year" as this month
against the month before (the default comparison) and said nothing about it, and "revenue last
year" as no period at all. The year-ago period keeps the same days: this month so far (1-15
November) is set against 1-15 November of the year before, a whole quarter against the same
whole quarter.
"""

from __future__ import annotations

import datetime as dt

from bot.agent.patterns import lazy

# Words asking for the same period a year earlier.
_YEAR_AGO = lazy(
    r"\b(?:the )?same (?:\w+ ){0,2}(?:last year|(?:a|one) year (?:ago|earlier|before)|the (?:previous|prior) year|"
    r"the year before)\b|"
    r"\b(?:than|against|vs\.?|versus|compared (?:to|with)|with|on) (?:(?:this|that) time )?(?:a|one) year (?:ago|earlier|before)\b|"
    r"\b(?:(?:a|one) year (?:ago|earlier|before))\b(?=.*\b(?:than|against|vs|versus|compar\w*)\b)|"
    r"\byear[- ](?:on|over)[- ]year\b|\byoy\b|\by/y\b|"
    r"\b(?:than|against|vs\.?|versus|compared (?:to|with)|on) (?:this time |the same time )?last year\b|"
    # "how does october compare with last october?"
    r"\b(?:than|against|vs\.?|versus|compared (?:to|with)|with|to) last (?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\b")
_ON_LAST_YEAR = lazy(r"\blast year\b")
# "last year" alone: the calendar year before the data's last day.
_LAST_YEAR = lazy(r"\b(?:last|previous|the past) (?:calendar )?year\b(?!'s? same)")


def _span(a: dt.date, b: dt.date) -> str:
    return f"{a.isoformat()}..{b.isoformat()}"


def _back(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def year_before(period: str, as_of: dt.date) -> str | None:
    """The same days one year earlier, as an explicit span."""
    from tools.analytics.periods import resolve

    try:
        p = resolve(period, as_of)
    except Exception:  # "all", or a period the tools would refuse anyway
        return None
    if p.days <= 7:  # a day or a week: 52 weeks back, so Mondays are set against Mondays
        return _span(p.first_day - dt.timedelta(days=364), p.last_day - dt.timedelta(days=364))
    return _span(_back(p.first_day), _back(p.last_day))


def year_ago(text: str, period: str | None, as_of: dt.date) -> tuple[str, str, tuple[int, int]] | None:
    """The period asked about (the year so far or this month when none is named), the same
    days a year back, and where the words are, when the question asks for it."""
    m = _YEAR_AGO.search(text)
    if m is None:
        return None
    # "are we up on last year?" with no period: the year so far against the same days a year before
    default = "this_year" if _ON_LAST_YEAR.search(m.group(0)) else "this_month"
    before = year_before(period or default, as_of)
    return (period or default, before, m.span()) if before else None


def last_year(text: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """"last year" on its own: the whole calendar year before the data's last day."""
    if _YEAR_AGO.search(text):  # "the same month last year": a comparison, read by year_ago
        return []
    span = _span(dt.date(as_of.year - 1, 1, 1), dt.date(as_of.year - 1, 12, 31))
    return [(m.start(), m.end(), span) for m in _LAST_YEAR.finditer(text)]
