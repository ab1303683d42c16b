"""Stepping back from a period: "and the week before that?", "the month prior to that", "the 7
days before it". The unit is read from the words; the period one unit before the one the
conversation was about is worked out from the data's last day. Moved out of bot/agent/when.py,
which reads the periods themselves."""

from __future__ import annotations

import datetime as dt

from bot.agent.patterns import lazy, rx
from bot.agent.vocab import NUMBER_WORDS
from bot.agent.when_words import UNIT_DAYS, number, period_between
from bot.agent.word_fragments import DAY_WEEK_MONTH


def shift_back(period: str | None, unit: str, as_of: dt.date | None) -> str | None:
    """The period one `unit` before `period`: "and the week before that?" after last week is
    the week before it; a whole month steps back a calendar month."""
    from tools.analytics.periods import resolve

    if not period or as_of is None:
        return None
    named = _NAMED_BEFORE.get((period, unit))
    if named:  # (lane tune35) "the month before" this month is last month, by its name like the owner's
        return named
    try:
        p = resolve(period, as_of)
    except Exception:  # a period the tools would refuse anyway
        return None
    first, last = p.first_day, p.last_day
    from bot.agent.weekday_steps import weekday_before_period

    day = weekday_before_period(first, unit)  # "and the saturday before that one"
    if day:
        return day
    counted = rx.fullmatch(r"(\S+) (day|week|month)s?", unit)
    if counted:  # "the 7 days before that": that many days just before the period
        days = number(counted.group(1)) * UNIT_DAYS[counted.group(2)]
        return period_between(first - dt.timedelta(days=days), first - dt.timedelta(days=1))
    if unit == "weekend":  # "and the weekend before?": the Saturday and Sunday before the period began
        saturday = first - dt.timedelta(days=(first.weekday() - 5) % 7 or 7)
        return period_between(saturday, saturday + dt.timedelta(days=1))
    if unit in ("period", "one"):  # the same span again, a calendar month when it is one
        whole_month = first.day == 1 and (last + dt.timedelta(days=1)).day == 1 and p.days <= 31
        unit = "month" if whole_month else unit
    if unit in ("month", "quarter", "year"):
        months = {"month": 1, "quarter": 3, "year": 12}[unit]
        y, m = divmod(first.year * 12 + first.month - 1 - months, 12)
        start = dt.date(y, m + 1, 1)
        if first.day == 1:  # a whole month (or quarter, year) before the one asked about
            y2, m2 = divmod(start.year * 12 + start.month - 1 + months, 12)
            return period_between(start, dt.date(y2, m2 + 1, 1) - dt.timedelta(days=1))
        return period_between(start.replace(day=min(first.day, 28)), first - dt.timedelta(days=1))
    days = {"day": 1, "week": 7, "fortnight": 14}.get(unit, p.days)  # "the week before" this year: the week just before it
    return period_between(first - dt.timedelta(days=days), first - dt.timedelta(days=1) if days < p.days else last - dt.timedelta(days=days))


# A named period's unit one step back is the named period before it ("this month" -> "last month"),
# the same days, kept by name so the answer reads "last month" rather than two dates.
_NAMED_BEFORE = {("this_week", "week"): "last_week", ("this_month", "month"): "last_month",
                 ("this_quarter", "quarter"): "last_quarter", ("today", "day"): "yesterday",
                 ("this_month", "period"): "last_month", ("this_month", "one"): "last_month",
                 ("this_week", "one"): "last_week", ("this_quarter", "one"): "last_quarter"}


# "n the week before, how'd that go", "and the month prior, how did we do": the step back, then
# how it went (lane tune27)
_HOW_THAT_WENT = (r"how(?:'d|'s|s| did| was| were| does| do| is)\s+(?:that|it|we|things|they|those|business)"
                  r"(?:\s+(?:go|do|look|looking|going|doing|fare|compare|stack up))?")
# "the week before that", "the month prior to that", "the day before": a step back from the
# period the conversation was about.
_UNITS = r"(day|weekend|week|fortnight|month|quarter|year|period|one)"
# (lane probe26b) "the week just before that", "the quarter previous to that": the same step back
_JUST = r"(?:(?:just|right|immediately|directly)\s+)?"
_BEFORE_THAT = lazy(rf"\b(?:the\s+)?((?:\d+|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}) {DAY_WEEK_MONTH}s?)\s+"
                          r"(?:before|prior to|earlier than)\s+(?:that|it|this|then)\b|"
                          rf"\b(?:the\s+)?{_UNITS}\s+{_JUST}(?:before|prior to|previous to|preceding|earlier than)\s+(?:that|it|this|then)\b|"
                          rf"\bthe (?:previous|prior|preceding) {_UNITS} to (?:that|it|this)\b|"
                          # "and the week before?", "same again for the month before": a follow-up's step back
                          rf"^(?:and|what about|how about|then|ok,? and|(?:(?:do|run|show|give me) )?(?:the )?same(?: again| thing| numbers| figures| q| qn| question| query| ask)?,?|"
                          rf"again)\s+(?:for\s+|in\s+|over\s+)?the\s+{_UNITS}\s+{_JUST}(?:before|prior|previous|preceding|earlier)(?:,?\s+(?:pls|please|thanks|ta|lah|then|{_HOW_THAT_WENT}))?\s*[?.!]*$")


# "and the seven before that?" after the last seven days: as many again, the unit left unsaid
_COUNT_BEFORE_THAT = lazy(rf"\bthe\s+(?:\d+|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\s+"
                                r"(?:before|prior to|earlier than)\s+(?:that|it|this|then)\b")


def step_back(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """The unit of a step back ("the week before that" -> "week") and where its words are."""
    m = _BEFORE_THAT.search(text)
    if m:
        return next(g for g in m.groups() if g), m.span()
    m = _COUNT_BEFORE_THAT.search(text)
    return ("period", m.span()) if m else (None, None)
