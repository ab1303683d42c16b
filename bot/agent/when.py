"""Reading when a question is about: the period, the period to compare with, and the grain of
a series ("day by day", "weekly").

Periods come back as the tools take them: a period name (tools.analytics.periods.PeriodName)
or "YYYY-MM-DD..YYYY-MM-DD", relative to the last day of data. Words that sound like a period
but are not understood ("over the summer", "since the launch") are kept in `unknown`, so the
answer can say it used a default instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from bot.agent.against_words import unit_against
from bot.agent.holidays import holidays, occasion_year_before, vague_days_around
from bot.agent.may_month import may_beside_a_month
from bot.agent.month_weeks import counted_days_of_month, weeks_of_month
from bot.agent.numeric_dates import days_in_figures, unreadable_days
from bot.agent.patterns import lazy, rx
from bot.agent.quarters import quarters
from bot.agent.step_back import shift_back, step_back
from bot.agent.unread_periods import unread_period
from bot.agent.weekday_runs import weekday_runs
from bot.agent.when_words import (
    DAY_RX,
    MONTH_NUMBERS,
    MONTH_RX,
    NUMBER_RX,
    UNIT_DAYS,
    YEAR_RX,
    date_of,
    month_range,
    number,
    period_between,
    upto,
)
from bot.agent.whole_weeks import counted_period
from bot.agent.word_fragments import WEEKDAY, WEEKDAY_CAUGHT, WEEKDAY_SHORT
from tools.analytics.periods import PERIOD_NAMES

# "the first of October", "the twenty-third of May": a day said in words (only before "of" a month)
_ORDINAL_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
_ORDINAL_WORDS.update({f"twenty[- ]?{w}": 20 + i for w, i in list(_ORDINAL_WORDS.items())[:9]})
_ORDINAL_WORDS.update({"thirtieth": 30, "thirty[- ]?first": 31})
_DAY_WORD = "(" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + ")"

# Named periods, first match wins. "last week" is the calendar week before this one; "the
# last week" and "the past week" are the last 7 days, as people mean them.
_NAMED: list[tuple[str, str]] = [
    (r"\btoday\b|\bso far today\b", "today"),
    (r"\byesterday\b", "yesterday"),
    (r"\bthis week\b|\bweek so far\b|\bweek to date\b|\bwtd\b", "this_week"),
    (r"\b(?:the|this) (?:past|last) (?:7 days|week)\b|\bpast week\b|\bover the week\b", "last_7_days"),
    (r"\blast week\b|\bprevious week\b", "last_week"),
    (r"\b(?:the |this )?(?:past|last|previous|prior) (?:fortnight|couple of weeks)\b", "last_14_days"),
    (r"\b(?:the )?(?:last|past|previous|recent) half[- ](?:a )?year\b", "last_180_days"),  # as the past 6 months
    (r"\bthis month\b|\bmonth so far\b|\bmonth to date\b|\bmtd\b|\bthe start of (?:the|this) month\b", "this_month"),
    (r"\bpast month\b|\bthis last month\b|\brecently\b|\blately\b|\bof late\b|"
     r"\bthese days\b|\bat the moment\b", "last_30_days"),
    (r"\blast (?:calendar )?month\b|\bprevious (?:calendar )?month\b", "last_month"),
    (r"\bthis quarter\b|\bquarter so far\b|\bquarter to date\b|\bqtd\b|\bthe start of (?:the|this) quarter\b",
     "this_quarter"),
    (r"\blast quarter\b|\bprevious quarter\b", "last_quarter"),
    # A financial (fiscal) year is read as the calendar year to date: the data does not say
    # when the business's year starts (the answer's reading line shows the dates used).
    (r"\bthis year\b|\byear to date\b|\bytd\b|\bthe (?:start|beginning) of (?:the|this) year\b|"
     r"\bso far this year\b|\b(?:the |this )?year so far\b|\b(?:this |the |our )?(?:current )?(?:financial|fiscal) year\b|"
     r"\bfy\b|\b(?:(?:the )?(?:whole|entire|full)|over the) year\b(?! (?:of |in )?(?:19|20)\d\d)(?! (?:before|earlier|ago))", "this_year"),
    # (lane probe26c) not "before a jar ever lands in the basket": "ever" there is "at any point" on
    # the way, no span of dates
    (r"\ball[- ]time\b|\bever\b(?! (?:lands?|landed|ends? up|ended up|makes? it|made it|reach(?:es|ed)?|gets? (?:to|as far)) )|\boverall\b|\bso far\b|\ball (?:the |teh |da |our |of the )?data\b|\bwhole history\b|"
     r"\bsince (?:we |you )?(?:first )?(?:started|began|opened|the (?:start|beginning))\b(?! of)|\bfrom the start\b|"
     r"\bin total\b|\balltogether\b|\baltogether\b|"
     # "across all our orders", "over the entire history": every row, not the default window
     r"\b(?:across|over|for|in|of) (?:all|every)(?: (?:of )?(?:our|the|its|their))? (?:(?=orders|tickets|customers|reviews|"
     r"sessions|visits|deliveries)|history|time|records|rows|years?|months)\b|"
     r"\b(?:the )?(?:entire|whole|full|complete) (?:history|data ?set|record|time ?span|period of the data)\b|"
     # "the whole time we've got data", "as far back as the records go"
     r"\b(?:the )?(?:entire|whole|full) time (?:that )?(?:we(?:'ve| have)?|you(?:'ve| have)?|there(?:'s| is| are)) "
     r"(?:got |had |kept |been keeping |held )?(?:data|records|numbers|figures)\b|"
     r"\bas far back as (?:the (?:data|records) go(?:es)?|(?:we|you) (?:have|hold|keep) (?:data|records)|it goes)\b|\b(?:across|over|from|on) everything (?:we(?:'ve| have)?|you(?:'ve| have)?) (?:got|have|hold|kept)\b|"
     # (lane probe23b) "what do people go on about, everything we have": the span said last, on its own
     r"(?:[,;:]|\s-+)\s*(?:over |across |for |from )?everything (?:we(?:'ve| have)?|you(?:'ve| have)?) (?:got|have|hold|kept)\s*[?.!]*$", "all"),
]
# The calendar period a "last ..." is compared from: "up on last week" means this week.
_THIS_OF = {"last_week": "this_week", "last_month": "this_month", "last_quarter": "this_quarter",
            "yesterday": "today"}
_UNKNOWN = lazy(
    r"\b(?:since|during|over|in|for|last|this|next|past|around|at|on(?= (?:the |our )?(?:special|event|promo|bank|public)))\s+(?:the\s+|our\s+)?"
    r"(easter|holidays?|season|(?:the )?sale|special days?|event days?|promo(?:tion)? days?|public holidays?|"
    r"half[- ]term|term|black friday|cyber monday|bank holidays?|weekend|launch|opening|festive period|"
    r"new year|lockdown|heatwave|mother'?s day|father'?s day|mothering sunday|school holidays?)\b|"
    # days that differ by country, however said ("the weekend before mother's day", "mother's day sales")
    r"\b(?:the (?:\w+ )?(?:days?|weeks?|weekend|fortnight|month) (?:before|after|leading up to|following) )?"
    r"(?:mother'?s day|father'?s day|mothering sunday)\b")

# A period in hours or minutes ("the last hour", "past 3 hours", "20 minutes ago").
_HOURS = lazy(
    r"\b(?:(?:in|over|during|for|within) )?(?:the )?(?:last|past|previous) (?:(?:\d+|an?|one|two|three|four|five|six|few|"
    r"couple of) )?(?:hours?|hrs?|minutes?|mins?)\b|\bthis hour\b|"
    r"\b(?:\d+|an?|one|two|three|four|five|six|few) (?:hours?|hrs?|minutes?|mins?) ago\b")

_GRAINS: list[tuple[str, str]] = [
    (r"\bdaily\b|\bper day\b|\beach day\b|\bevery day\b|\bby day\b|\bday[- ]by[- ]day\b|\ba day\b|"
     r"\bday to day\b|\bfrom one day to the next\b|"
     r"\bdays?\b(?= by)", "day"),
    (r"\bweekly\b|\bper week\b|\beach week\b|\bevery week\b|\bby week\b|\bweek[- ](?:by|after)[- ]week\b|\ba week\b|"
     r"\bweek to week\b|"
     # (lane probe22c) "is its mood souring from one week to the next": each week against the last
     r"\bfrom one week to the next\b|"
     # not "no order for 8 weeks": a span, not a grain; (lane tune33) nor "the retreat weeks", "our
     # festival weeks": weeks of a kind, the business's own events
     r"(?<!\d )(?<!retreat )(?<!camp )(?<!holiday )(?<!festival )(?<!race )(?<!exam )(?<!event )(?<!show )(?<!course )"
     r"(?<!training )(?<!tournament )(?<!workshop )(?<!residency )(?<!launch )(?<!sale )(?<!peak )(?<!school )"
     r"(?<!term )(?<!busy )(?<!quiet )(?<!fashion )(?<!match )\bweeks\b", "week"),
    (r"\bmonthly\b|\bper month\b|\beach month\b|\bevery month\b|\bby month\b|\bmonth[- ](?:by|after)[- ]month\b|"
     r"\bfrom one month to the next\b", "month"),
]


@dataclass
class When:
    period: str | None = None
    against: str | None = None  # the period to compare with, when the question names one
    grain: str | None = None  # day | week | month
    unknown: str | None = None  # period words not understood ("over the summer")
    step: str | None = None  # "the week before that": a step back from the conversation's period
    assumed: tuple[str, str] | None = None  # words with no fixed dates, and how they were read
    spans: list[tuple[int, int]] = field(default_factory=list)  # where the period words are


def days_period(days: int, as_of: dt.date) -> str:
    name = f"last_{days}_days"
    if name in PERIOD_NAMES:
        return name
    return f"{(as_of - dt.timedelta(days=days - 1)).isoformat()}..{as_of.isoformat()}"


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
            "christmas": (12, 12), "xmas": (12, 12), "festive period": (12, 12), "festive season": (12, 12),
            "holiday season": (12, 12)}


def _season(name: str, year: int | None, as_of: dt.date, *, before: bool) -> tuple[dt.date, dt.date]:
    """The months of a season (northern hemisphere), the latest one that has started ("last
    summer" in June is the one before)."""
    first_month, last_month = _SEASONS[name]

    def bounds(y: int) -> tuple[dt.date, dt.date]:
        end_year = y + 1 if last_month < first_month else y
        return dt.date(y, first_month, 1), dt.date(end_year, last_month, calendar.monthrange(end_year, last_month)[1])

    if year is not None:
        return bounds(year)
    y = as_of.year if dt.date(as_of.year, first_month, 1) <= as_of else as_of.year - 1
    first, last = bounds(y)
    if before and last >= as_of:
        first, last = bounds(y - 1)
    return first, last


def _explicit(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """Periods written with dates, months, years or quarters: (start, end, period)."""
    found = days_in_figures(t, as_of)[0]  # "2026-01-31 to 2026-03-01", "on 31/01/2026"
    # "between 1 october and 31 october", "from 3 oct to 9 nov"
    for m in rx.finditer(rf"\b(?:between |from )?(?:the\s+)?{DAY_RX}\s+(?:of\s+)?{MONTH_RX}(?:\s+{YEAR_RX})?\s*"
                         rf"(?:and|to|until|till|through|-|–)\s*(?:the\s+)?{DAY_RX}\s+(?:of\s+)?{MONTH_RX}(?:\s+{YEAR_RX})?", t):
        # "1 dec and 20 dec 2026": the year written once is both days' (the first a year earlier
        # when its month comes later: "20 dec to 5 jan 2027")
        a = date_of(m.group(1), m.group(2), m.group(3) or m.group(6), as_of)
        b = date_of(m.group(4), m.group(5), m.group(6), as_of)
        if a and b and a > b and m.group(6) and not m.group(3):
            a = date_of(m.group(1), m.group(2), str(int(m.group(6)) - 1), as_of)
        if a and b and a <= b:
            found.append((m.start(), m.end(), upto(a, b, as_of)))
    # "between october and november", "from august to october": whole months
    for m in rx.finditer(rf"\b(?:(?:between|from)\s+)?{MONTH_RX}\s+(?:and|to|until|till|through|thru)\s+{MONTH_RX}(?:\s+{YEAR_RX})?", t):
        if any(s <= m.start() < e for s, e, _ in found) or not rx.match(r"between|from|\S+\s+(?:through|thru)\s", m.group(0)):
            continue  # "june to august" alone may set one month against another; "june through august" is a span
        m1 = MONTH_NUMBERS.get(m.group(1)) or MONTH_NUMBERS.get(m.group(1)[:3])
        m2 = MONTH_NUMBERS.get(m.group(2)) or MONTH_NUMBERS.get(m.group(2)[:3])
        if m1 and m2:
            first = month_range(m1, as_of, int(m.group(3)) if m.group(3) else None)[0]
            last = month_range(m2, as_of, int(m.group(3)) if m.group(3) else None)[1]
            if first <= last:
                found.append((m.start(), m.end(), period_between(first, last)))
    # "the first week of november", "the last fortnight of last month"
    found += [f for f in [*counted_days_of_month(t, as_of)[0], *weeks_of_month(t, as_of)]
              if not any(overlaps((s, e), f[:2]) for s, e, _ in found)]
    # "between 1 and 15 november", "from 3 to 9 oct", "1-15 nov"
    for m in rx.finditer(rf"\b(?:between |from )?(?:the\s+)?{DAY_RX}\s*(?:and|to|until|till|through|-|–)\s*(?:the\s+)?"
                         rf"{DAY_RX}\s+(?:of\s+)?{MONTH_RX}"
                         rf"(?:\s+{YEAR_RX})?", t):
        if any(s <= m.start() < e for s, e, _ in found):
            continue
        a = date_of(m.group(1), m.group(3), m.group(4), as_of)
        b = date_of(m.group(2), m.group(3), m.group(4), as_of)
        if a and b and a <= b:
            found.append((m.start(), m.end(), upto(a, b, as_of)))
    # "since 3 october", "3 oct", "october 3rd", "as of 12 nov"
    day_month = rf"\b(?:(?P<since>since|from)\s+)?(?:(?:the\s+)?{DAY_RX}\s+(?:of\s+)?{MONTH_RX}|{MONTH_RX}\s+(?:the\s+)?{DAY_RX}\b)" \
                rf"(?:,?\s+{YEAR_RX})?"
    for m in rx.finditer(day_month, t):
        if any(s <= m.start() < e for s, e, _ in found):
            continue
        g = m.groups()
        day, month = (g[1], g[2]) if g[1] else (g[4], g[3])
        d = date_of(day, month, g[5], as_of)
        if d:
            found.append((m.start(), m.end(), period_between(d, as_of) if m.group("since") else period_between(d, d)))
    for m in rx.finditer(rf"\b(?:(?P<since>since|from)\s+)?the\s+{_DAY_WORD}\s+of\s+{MONTH_RX}(?:,?\s+{YEAR_RX})?", t):
        if any(s <= m.start() < e for s, e, _ in found):
            continue
        day = next(n for w, n in _ORDINAL_WORDS.items() if rx.fullmatch(w, m.group(2)))
        d = date_of(str(day), m.group(3), m.group(4), as_of)
        if d:
            found.append((m.start(), m.end(), period_between(d, as_of) if m.group("since") else period_between(d, d)))
    for m in rx.finditer(rf"\b(?:(since|in|during|for|over|of|from|throughout)\s+(?:the\s+(?:month\s+of\s+|(?:beginning|start)\s+of\s+)?)?)?"
                         rf"{MONTH_RX}(?:\s+{YEAR_RX})?", t):
        if any(s <= m.start() < e or s < m.end() <= e for s, e, _ in found) or (
                m.group(2) == "may" and not m.group(1) and not may_beside_a_month(t, m)):
            continue  # "may" the verb needs a preposition (or another month beside it: "may vs june") to be the month
        if not m.group(1) and not m.group(3) and m.group(2) in ("mar", "jan", "jun", "dec", "oct", "aug", "sep"):
            continue
        month = MONTH_NUMBERS.get(m.group(2)) or MONTH_NUMBERS.get(m.group(2)[:3])
        first, last = month_range(month, as_of, int(m.group(3)) if m.group(3) else None)
        before = None if m.group(1) else rx.search(r"\b(?:before|prior to)\s+(?:the\s+(?:start|beginning)\s+of\s+)?$", t[:m.start()])
        if before:  # (lane tune31) "revenue prior to october": everything up to the end of september
            found.append((before.start(), m.end(), f"..{(first - dt.timedelta(days=1)).isoformat()}"))
            continue
        if m.group(1) == "since" or (m.group(1) == "from" and _ONWARDS.match(t, m.end())) or \
                (not m.group(1) and _ONWARDS_BARE.match(t, m.end())):  # (lane probe23a) "september onwards"
            last = as_of  # "from October" alone is October's comments; "from October on" runs to now
        so_far = rx.match(r"\s+(?:so far|to date|till now|until now)\b", t[m.end():])
        if so_far and (first.year, first.month) == (as_of.year, as_of.month):
            found.append((m.start(), m.end() + so_far.end(), "this_month"))  # "November so far" in November
            continue
        found.append((m.start(), m.end(), period_between(first, last)))
    # A season is a period after a preposition or this/last ("over the summer", "last christmas");
    # "the christmas menu" is a topic.
    for m in rx.finditer(rf"\b(?:(?:in|over|during|for|since|at|around|across|through)\s+(?:the\s+|this\s+|last\s+)?|"
                         rf"(?:this|last)\s+)(summer|winter|spring|autumn|fall(?!\s+(?:in|off|away|back|through)\b)|christmas|"
                         rf"xmas|festive (?:period|season)|holiday season)(?:\s+{YEAR_RX})?\b"
                         # (lane holidays26) "over christmas week", "over the summer sale": a span or an event of its own
                         r"(?!'?s? (?:week|weekend|fortnight|day|eve|(?:run|lead|build)[- ]?up)\b| sale\b)", t):
        first, last = _season(m.group(1), int(m.group(2)) if m.group(2) else None, as_of,
                              before="last " in m.group(0))
        if first <= as_of:
            found.append((m.start(), m.end(), upto(first, last, as_of)))
    found += [f for f in [*quarters(t, as_of), *holidays(t, as_of)] if not any(overlaps((s, e), f[:2]) for s, e, _ in found)]
    for m in rx.finditer(rf"\b(?:(since|in|during|for|of|from)\s+)?{YEAR_RX}(\s+so far|\s+to date)?\b", t):
        if any(overlaps((s, e), m.span(2)) for s, e, _ in found) or t[m.start(2) - 1:m.start(2)] in ("/", "."):
            continue
        year = int(m.group(2))
        if year == as_of.year and (m.group(3) or m.group(1) in (None, "in", "during", "for", "of")):
            found.append((m.start(), m.end(), "this_year"))
        elif m.group(1) == "since" or (m.group(1) == "from" and _ONWARDS.match(t, m.end())):
            found.append((m.start(), m.end(), period_between(dt.date(year, 1, 1), as_of)))
        elif m.group(1) or m.group(3) or _BARE_YEAR_BEFORE.search(t[:m.start()]) or _BARE_YEAR_AFTER.match(t, m.end()):
            found.append((m.start(), m.end(), upto(dt.date(year, 1, 1), dt.date(year, 12, 31), as_of)))
    found += [f for f in _days_of_month_and_weekdays(t, as_of)
              if not any(overlaps((s, e), (f[0], f[1])) for s, e, _ in found)]
    return sorted(found)


# A year written bare is a period where nothing else could be meant: "what about 2025?", "and
# 2024", "vs 2025", "revenue 2025?" (at the end); not "the top 2000 customers".
_BARE_YEAR_BEFORE = lazy(r"\b(?:(?:what|how) about|and|or|vs\.?|versus|against|than|compared (?:to|with))\s+$")
_BARE_YEAR_AFTER = lazy(r"\s*[?.!]*\s*$")

# What makes "from <month or year>" a start rather than the month itself: "from October on",
# "from 2025 onwards", "from september till now".
_ONWARDS = lazy(r"\s*(?:on\b|onwards?\b|forwards?\b|and after\b|(?:up )?(?:to|till|until|through) "
                      r"(?:now|today|date|the end|the present)\b|to the present\b)")

_ONWARDS_BARE = lazy(r"\s*(?:onwards?|and after)\b")

_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_WEEKDAY = WEEKDAY_CAUGHT
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)"
_WEEKDAY_SAID = rf"({WEEKDAY_SHORT})(?:day|nesday|urday)?\b"


def _weekday(said: str) -> int:
    return ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(said[:3])


def _day_this_month(day: int, as_of: dt.date) -> dt.date | None:
    """"the 2nd" with no month: the latest 2nd that is not after the data ("the 31st" early in
    March is the 31st of January, February having none)."""
    y, m = divmod(as_of.year * 12 + as_of.month - (day > as_of.day), 12)  # m: months since January, 1-based
    for back in range(3 if 1 <= day <= 31 else 0):
        yy, mm = divmod(y * 12 + m - 1 - back, 12)
        if day <= calendar.monthrange(yy, mm + 1)[1]:
            return dt.date(yy, mm + 1, day)
    return None


def _days_of_month_and_weekdays(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    """Days named without a month ("from the 2nd till now", "the 3rd to the 9th") and weekdays
    ("since monday", "last tuesday", "on friday"), relative to the last day of data."""
    found = weekday_runs(t, as_of)[0]  # "last saturday and sunday": one period, not the first day
    for m in rx.finditer(rf"\b(?:between |from )?the\s+{_ORDINAL}\s*(?:and|to|until|till|through|-|–)\s*(?:the\s+)?"
                         rf"{_ORDINAL}\b", t):
        b = _day_this_month(int(m.group(2)), as_of)
        a = b and _day_this_month(int(m.group(1)), b)
        if a and b and a <= b:
            found.append((m.start(), m.end(), period_between(a, b)))
    # "on the 21st", "since the 3rd of last month", "what did we take the 3rd?" (at the end)
    for m in rx.finditer(rf"\b(?:(since|from|on|for)\s+)?(?:the\s+)?{_ORDINAL}\b(?!\s*(?:and|to|until|till|through|-|–)\s*(?:the\s+)?\d)"
                         rf"(\s+of\s+(?:this|last|the|the previous)\s+month\b)?(?:\s+(?:till|until|to|up to) (?:now|today|date))?"
                         rf"(?P<end>\s*[?.!]*\s*$)?", t):
        if any(overlaps((s, e), m.span()) for s, e, _ in found) or not (
                m.group(1) or m.group(3) or (m.group("end") is not None and m.group(0).startswith("the"))
                # (lane ps23) "friday the 13th, bach": a weekday names the day as "on" would, wherever it stands
                # (lane probe23c) and without "the": "the digest for friday 13th"
                or rx.search(rf"\b{_WEEKDAY_SAID}[,\s]*$", t[:m.start()])):
            continue
        last = rx.search(r"\b(?:last|previous) month", m.group(3) or "")
        d = _day_this_month(int(m.group(2)), as_of.replace(day=1) - dt.timedelta(days=1) if last else as_of)
        if d:
            found.append((m.start(), m.end(), period_between(d, as_of) if m.group(1) in ("since", "from") else period_between(d, d)))
    # "last tuesday" is the latest Tuesday before the last day of data; "on/since tuesday"
    # may be that day itself.
    # "the friday just gone" is last friday.
    # "from monday to wednesday", "between tue and thu": the latest such days
    for m in rx.finditer(rf"\b(?:from|between)\s+{_WEEKDAY_SAID}\s*(?:to|till|until|through|thru|and|-|–)\s*{_WEEKDAY_SAID}", t):
        if rx.search(r"\b(?:usually|typically|tend|on average|weekends|weekdays|each week|every week)\b", t):
            continue  # "busier from monday to thursday than at weekends": a habit, not dates
        last = as_of - dt.timedelta(days=(as_of.weekday() - _weekday(m.group(2))) % 7)
        found.append((m.start(), m.end(), period_between(last - dt.timedelta(days=(_weekday(m.group(2)) - _weekday(m.group(1))) % 7), last)))
    for m in rx.finditer(rf"\b(?:(since|from|on|last|this|past|previous)\s+)?{_WEEKDAY}(?:'s)?"
                         rf"(\s+(?:that(?:'s| has| is)\s+)?just (?:gone|passed))?\b", t):
        if any(overlaps((s, e), m.span()) for s, e, _ in found):
            continue
        if not m.group(1) and not m.group(3) and not m.group(0).endswith("'s"):
            continue  # a bare weekday is usually a habit ("busy on mondays"), not a date
        back = (as_of.weekday() - _WEEKDAYS[m.group(2)]) % 7
        if (m.group(1) in ("last", "previous") or m.group(3)) and back == 0:
            back = 7
        d = as_of - dt.timedelta(days=back)
        if m.group(1) in ("since", "from") and m.group(2) == "monday":
            found.append((m.start(), m.end(), "this_week"))  # the week so far, by its name
            continue
        found.append((m.start(), m.end(), period_between(d, as_of) if m.group(1) in ("since", "from") else period_between(d, d)))
    return found


def _relative(t: str, as_of: dt.date) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    # "the week before last" is the week before last week; "the day before yesterday" likewise
    for m in rx.finditer(r"\b(?:the )?(week|month|quarter|year) before last\b|\b(?:the )?day before yesterday\b", t):
        unit = m.group(1) or "day"
        period = shift_back("yesterday" if unit == "day" else f"last_{unit}", unit, as_of)
        if period:
            found.append((m.start(), m.end(), period))
    for m in rx.finditer(rf"\b(?:(?:in|over|during|for|within) )?(?:the )?(?:last|past|previous|recent|latest)\s+"
                         rf"{NUMBER_RX}\s+(?:full |whole |complete |calendar )?(day|week|fortnight|month|quarter|year)s?\b", t):
        found.append((m.start(), m.end(), counted_period(number(m.group(1)), m.group(2), as_of, days_period, t)))
    for pattern, name in _NAMED:
        for m in rx.finditer(pattern, t):
            if not any(overlaps((s, e), m.span()) for s, e, _ in found):
                found.append((m.start(), m.end(), name))
    return found


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def read_when(text: str, as_of: dt.date | None) -> When:
    """The period, comparison period and grain a question names."""
    t = text.lower()
    as_of = as_of or dt.date.today()
    from bot.agent.period_phrases import a_week_before, counted_spans
    from bot.agent.year_ago import last_year, year_ago

    found = counted_spans(t, as_of)  # "the 30 days up to 31 october": the day inside is no period of its own
    found += [f for f in _explicit(t, as_of) if not any(overlaps((s, e), (f[0], f[1])) for s, e, _ in found)]
    from bot.agent.dated_weekdays import date_over_weekday
    for s, e, p in [*_relative(t, as_of), *last_year(t, as_of)]:
        if not any(overlaps((a, b), (s, e)) for a, b, _ in found):
            found.append((s, e, p))
    step, step_span = step_back(t)
    if step_span:
        found = [f for f in found if not overlaps(step_span, (f[0], f[1]))]
    found = date_over_weekday(t, found)  # sorted; "saturday the 7th of november": the date
    if len(found) > 1:  # "overall performance last month": "overall" is not a period here
        found = [f for f in found if not (f[2] == "all" and rx.fullmatch(
            r"overall|ever|so far|in total|altogether|alltogether|(?:across|over|for|in|of) (?:all|every)\b.*",
            t[f[0]:f[1]]))] or found
    if len(found) > 1:  # "how positive is it lately? last 14 days": the vague word gives way to the named span
        found = [f for f in found if not rx.fullmatch(r"lately|recently|of late", t[f[0]:f[1]])] or found
    out = When(spans=[(s, e) for s, e, _ in found] + ([step_span] if step_span else []), step=step)
    # "the 30 before", "the same day last week", "than in september": the comparison period.
    # (lane probe21b) "next to the whole of october", "vs all of september", "against the entire month
    # of august": the second period said whole is still the second period
    ref = lazy(r"\b(?:than|versus|vs\.?|against|compared (?:to|with)|with|on|over|next to|alongside|beside|side by side with)"
                     r"\s+(?:in\s+|the\s+|it was\s+|(?:whole|entire|full|complete)\s+(?:month\s+)?(?:of\s+)?|all\s+(?:of\s+)?|"
                     # (ps24) "against the number we did yesterday", "vs what we took in june": the second period's count
                     r"(?:what|(?:number|amount|total|figures?|numbers|count|lot|ones?))\s+(?:we|i|they)\s+(?:did|had|sold|made|got|took|"
                     rf"served|managed|saw)\s+|{WEEKDAY}\s+)*$")  # (ps27) "vs saturday the 7th"
    periods = []
    for s, e, p in found:
        if t[e:e + 2] == "'s" and not (periods and ref.search(t[:s])):
            # "yesterday's tickets": the period asked about; "... with october's" compares
            periods.append(p)
        elif periods and (ref.search(t[:s]) or (rx.search(r"\bcompar|\bbetween\b|\bwhich (?:one |day )?(?:was|did|had)\b|\bside by side\b|\bor\b.{0,40}\b(?:busier|quieter)\b", t) and
                                              rx.search(r"\b(?:and|to|or)\s+(?:in\s+|the\s+)*$", t[:s])) or
                          # "october, and put september beside it": the second period set next to the first
                          rx.match(r"\s*(?:beside|next to|alongside|against|side by side with) (?:it|that|them|this)\b|"
                                   r"\s*(?:for|as a) comparison\b", t[e:])
                          # (ps21) "october's extra orders over september": a month's span holds its "over"
                          or rx.match(rf"over\s+(?:the\s+month\s+of\s+)?{MONTH_RX}\b", t[s:e])):
            out.against = p
        elif p in _THIS_OF and rx.search(r"\b(?:since|than|on|versus|vs\.?|against|compared (?:to|with))\s+(?:it was\s+|they were\s+)?$", t[:s]) \
                and not rx.search(r"\b(?:take|takes|took|taken|taking) on\s+$", t[:s]):  # (lane probe28a) "jobs we took on last month": that month
            out.against = p  # "up since last quarter", "down on last week": the period before this one
        else:
            periods.append(p)
    out.period = periods[0] if periods else (_THIS_OF.get(out.against or "") if out.against else None)
    occasion = occasion_year_before(t, as_of)  # (lane holidays26) "black friday week vs last year's"
    if occasion and occasion[0] == out.period:
        out.against = occasion[1]
        out.spans.append(occasion[2])
    m = rx.search(rf"\b(?:with|against|vs\.?|versus|to) the\s+{NUMBER_RX}\s*(?:days?\s+)?(?:before|prior|previous)", t)
    if m and out.period:
        out.against = None  # the default comparison: the same number of days just before
    m = rx.search(rf"\bthan (?:in |during |over )?the\s+(?:previous |prior )?{NUMBER_RX}\s+(day|week)s?(?:\s+(?:before|prior|earlier))?\b|\b(?:than|vs\.?|versus|compared (?:to|with)|against|on) the ()(fortnight) (?:before|prior|previous|earlier)\b", t)
    if m and not out.period and not out.against:
        # "faster than in the 30 days before", "up vs the fortnight before": the days up to now, against those before them
        out.period = days_period(number(m.group(1) or "1") * UNIT_DAYS[m.group(2) or m.group(4)], as_of)
        out.spans.append(m.span())
    # "the same day last week", "the weekend before"; "last month vs the month before", "this quarter vs last"
    week_before = a_week_before(t, out.period, as_of) or (None if out.against else unit_against(t, out.period, as_of))
    if week_before:
        out.against, span = week_before
        out.period = out.period or _THIS_OF.get(out.against)  # "up on the week before": this week's
        out.spans.append(span)
    back = year_ago(t, out.period, as_of)  # "the same month last year", "vs a year ago"
    if back and not out.against:
        out.period, out.against, span = back
        out.spans.append(span)
    masked = mask(t, out.spans)
    for pattern, grain in _GRAINS:
        if rx.search(pattern, masked):
            out.grain = grain
            break
    bare = rx.search(rf"\b(?:the )?(?:last|past|previous|latest) {NUMBER_RX}(?=\s*(?:[?.!,]|$|then\b|only\b|please\b|pls\b|instead\b))",
                     masked) if out.grain and not out.period else None
    if bare:  # (lane tune33) "and daily for just the last 7": as many of the grain's units
        out.period = days_period(number(bare.group(1)) * UNIT_DAYS[out.grain], as_of)
        out.spans.append(bare.span())
    fy = rx.search(r"\b(?:financial|fiscal) year\b|\bfy\b", t)
    if fy and out.period == "this_year":
        out.assumed = (fy.group(0), "the calendar year so far, as the data does not say when yours starts")
    # "on 03/04/2026": 3 April; "early november": the 1st to the 10th; said in the answer
    guess = (days_in_figures(t, as_of)[1] or counted_days_of_month(t, as_of)[1] or weekday_runs(t, as_of)[1]
             or vague_days_around(t))
    if guess and not out.assumed:
        out.assumed = guess
    hours = _HOURS.search(masked)
    if hours and not out.period:
        # "sessions in the last hour": days are the finest grain of the data's KPIs; today it
        # is, and the answer's first line says so
        out.period = "today"
        out.spans.append(hours.span())
        out.assumed = (hours.group(0).strip(), "today: days are the finest grain journeybot measures, "
                                               "not hours or minutes")
    u = _UNKNOWN.search(masked)
    if u and not out.period:
        out.unknown = u.group(0)
    if not out.period and not out.unknown:  # (lane holidays26) "the week of the county show": said, not silently defaulted
        out.unknown = unread_period(masked)
    if not out.period and not out.unknown:
        out.unknown = unreadable_days(t, as_of)  # "on 31/02/2026": said, not the default period
    return out


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans blanked out (same length, so positions still line up)."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def parse_period(text: str, as_of: dt.date | None) -> str | None:
    return read_when(text, as_of).period
