"""Half of a year: "takings for the first half of 2026", "orders in the second half of last year",
"H1 revenue". bot/agent/when.py reads the year and leaves "the first half of" unread, so the
whole year was answered, a different question said as the one asked. Here the year is cut to the
half named: January to June, or July to December (to the data's last day). Halves of a month are
bot/agent/month_halves.py's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from bot.agent.month_halves import FIRST_HALF, WHICH_HALF
from bot.agent.patterns import lazy

_HALF = lazy(rf"\b(?:the )?{WHICH_HALF} half of (?:the )?"
                   r"(?:year|this year|last year|(?:19|20)\d\d)\b|\bh([12])\b")
_FIRST = FIRST_HALF | {"1"}  # "H1"
_YEAR = lazy(r"(\d{4})-01-01\.\.(\d{4})-\d{2}-\d{2}")


def _year(period: str | None, as_of: dt.date) -> int | None:
    """The year the period is, when it is one calendar year (so far)."""
    if period in (None, "this_year"):
        return as_of.year
    if period == "last_year":
        return as_of.year - 1
    m = _YEAR.fullmatch(period)
    return int(m.group(1)) if m and m.group(1) == m.group(2) else None


def year_halves(text: str, when: Any, as_of: dt.date | None) -> Any:
    """`when` with its year cut to the half named."""
    found = list(_HALF.finditer(text))
    if len(found) != 1 or as_of is None or when.against is not None:
        return when
    m = found[0]
    year = _year(when.period, as_of)
    if year is None:
        return when
    first = (m.group(1) or m.group(2)) in _FIRST
    start, end = (dt.date(year, 1, 1), dt.date(year, 6, 30)) if first else (dt.date(year, 7, 1), dt.date(year, 12, 31))
    if start > as_of:
        return when  # a half not yet begun: the year as read, not a period with no data
    period = f"{start.isoformat()}..{min(end, as_of).isoformat()}"
    return dataclasses.replace(when, period=period, spans=sorted({*when.spans, m.span()}))
