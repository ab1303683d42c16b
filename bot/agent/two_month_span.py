"""(lane tune29) Two months next to each other taken together: "satisfaction % across september and
october", "takings over july and august". bot/agent/when.py read the first month alone; the
words before ("across", "over", "for", "through") say the two are one span, not a comparison."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from typing import Any

from bot.agent.patterns import lazy
from bot.agent.when_words import MONTH_NUMBERS, MONTH_RX, month_range, period_between

_SPAN = lazy(rf"\b(?:across|over|for|through|throughout|during|in|covering) (?:both )?{MONTH_RX},? (?:and|&|plus) {MONTH_RX}"
                   r"(?! (?:separately|side by side|each|apart)\b)")

# "how did september and october compare", "sales in july and august, each month": two months set apart
# (lane probe29a) "each week in august and september" is a grain over the span, not the months apart
_SET_APART = lazy(r"\b(?:compar\w*|vs\.?|versus|against|side by side|separately|each(?! (?:week|day)\b)|apart|differ\w*|change\w*|better|worse|"
                        r"more|less|fewer|month by month|monthly|per month)\b")


def two_month_span(t: str, when: Any, as_of: dt.date | None) -> Any:
    """`when` covering both months, from the first day of the first to the last of the second."""
    m = _SPAN.search(t)
    if m is None or as_of is None or when.against is not None or _SET_APART.search(t):
        return when
    a, b = (MONTH_NUMBERS.get(g.rstrip(".").lower()) for g in (m.group(1), m.group(2)))
    if a is None or b is None or (b - a) % 12 != 1:
        return when  # only two months in a row make one span
    second, _ = month_range(b, as_of)  # the latest such month not after the data; kept whole below
    first = (second - dt.timedelta(days=1)).replace(day=1)
    last = second.replace(day=calendar.monthrange(second.year, second.month)[1])
    return dataclasses.replace(when, period=period_between(first, last), spans=[*when.spans, m.span()])
