"""Half of a month: "takings in the second half of October vs the first half", "orders in the
first half of March".

bot/agent/when.py reads the month and leaves "the second half of" unread, so the whole month was
answered (and "vs the first half" compared with nothing), a different question said as the one
asked. Here the month bot/agent/slots.py got from when.py is cut to the half named: the 1st to
the 15th, or the 16th to the month's last day; "vs the first/other half" compares the two halves
of that month. A month given only by name ("last month") is left whole when the data's last day
is unknown.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from typing import Any

from bot.agent.patterns import lazy, rx
from bot.agent.when_words import MONTH_NAMES

# Which half, in owners' words (bot/agent/year_halves.py reads halves of a year with the same words)
WHICH_HALF = r"(first|1st|front|early|second|2nd|latter|last|back|later)"
_HALF = lazy(rf"\b(?:the )?{WHICH_HALF} half of (?:the month of )?(?:the month|this month|last month|"
                   rf"{'|'.join(MONTH_NAMES)}|"
                   r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")
# "... vs the first half", "compared with the other half": the month's other half
# ("compare the first half of october with the second half": the verb said first, "with" after)
_OTHER = lazy(rf"\b(?:vs\.?|versus|against|compared (?:to|with)|than|or|and|with|to|next to|alongside|beside) "
                    rf"(?:in |with |to )?(?:the )?"
                    rf"(?:{WHICH_HALF}|other) half\b(?! of)")
FIRST_HALF = frozenset({"first", "1st", "front", "early"})


def _month(period: str | None, as_of: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The period's first and last day when it is one whole calendar month."""
    if period in ("this_month", "last_month") and as_of is not None:
        start = as_of.replace(day=1)
        if period == "last_month":
            start = (start - dt.timedelta(days=1)).replace(day=1)
    elif period and rx.fullmatch(r"\d{4}-\d{2}-01\.\.\d{4}-\d{2}-\d{2}", period):
        start = dt.date.fromisoformat(period[:10])
        if period[12:19] != period[:7]:  # the month so far (cut at the data's last day) is still that month
            return None
    else:
        return None
    return start, start.replace(day=calendar.monthrange(start.year, start.month)[1])


def _half(month: tuple[dt.date, dt.date], first: bool) -> str:
    start, end = month
    return f"{start.isoformat()}..{start.replace(day=15).isoformat()}" if first else \
        f"{start.replace(day=16).isoformat()}..{end.isoformat()}"


# (lane probe29b) "did november's first half beat october's first half": a month's half said with the
# month first, the way halves() reads it ("the first half of november")
_MONTHS_HALF = lazy(rf"\b({'|'.join(MONTH_NAMES)}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?:'s|s'|s)? {WHICH_HALF} half\b")


def month_first_halves(text: str) -> str:
    """`text` with "november's first half" said as "the first half of november"."""
    return _MONTHS_HALF.sub(lambda m: f"the {m.group(2)} half of {m.group(1)}", text)


def halves(text: str, when: Any, as_of: dt.date | None) -> Any:
    """`when` with its month (and the month it is compared with) cut to the halves named."""
    found = list(_HALF.finditer(text))
    if not found or len(found) > 2:
        return when
    # "the first half of the month" with no month named: this one
    month = _month(when.period or ("this_month" if found[0].group(0).endswith("the month") else None), as_of)
    if month is None:
        return when
    first = found[0].group(1) in FIRST_HALF
    period, against = _half(month, first), when.against
    spans = [m.span() for m in found]
    other = _OTHER.search(text, found[0].end())
    if len(found) == 2:
        from bot.agent.when import read_when

        # "second half of oct vs the first half of sept": the second month as when.py dates it alone
        previous = _month(when.against, as_of) or _month(read_when(found[1].group(0), as_of).period, as_of)
        if previous is None:
            return when
        against = _half(previous, found[1].group(1) in FIRST_HALF)
    elif other is not None and when.against is None:
        against = _half(month, not first if other.group(1) in (None, "") else other.group(1) in FIRST_HALF)
        spans.append(other.span())
    return dataclasses.replace(when, period=period, against=against, spans=sorted(set(when.spans) | set(spans)))
