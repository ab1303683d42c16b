"""The period a comparison is set against when the owner names it by its unit alone: "last
month vs the month before", "on-time parcels last week vs the week before", "this quarter vs
last". The period named second is `against`, even where compare would have chosen the same one
by default, so that the answer states both periods as the owner said them (the question banks'
convention: "When two periods are compared, the one named first is `period` and the other
`against`")."""

from __future__ import annotations

import datetime as dt

from bot.agent.last_then_more import LAST_THEN_MORE
from bot.agent.patterns import rx
from bot.agent.step_back import shift_back

# (lane holidays26) "how did halloween week compare to the week before"
_VERSUS = r"\b(?:than|vs\.?|versus|against|compared? (?:to|with)|on|with)"
_UNIT = r"(week|month|quarter|year|fortnight)"
# "vs the month before", "compared with the week prior"
_UNIT_BEFORE = _VERSUS + rf" (?:the |that )?{_UNIT} (?:before|prior|previous|earlier)\b(?! (?:that|it|this|then)\b)"
# "this quarter vs last": the unit left unsaid (never "vs last year", "vs last 30 days", "vs last Friday")
_LAST_ALONE = _VERSUS + r" (?:the )?(?:last|previous|prior)(?: one)?\b(?!\s*(?:\d|[a-z]))"
_THIS = {"this_week": "last_week", "this_month": "last_month", "this_quarter": "last_quarter", "this_year": "last_year"}


def unit_against(t: str, period: str | None, as_of: dt.date | None) -> tuple[str, tuple[int, int]] | None:
    """The period `against` read from a unit named after the first period, and where it was said."""
    m = rx.search(_UNIT_BEFORE, t)
    if not period:
        # (lane ps27) "is turnover up or down on the week before": no period named, so the unit's own
        # (this week) is asked, against the one before it (bot/agent/when.py sets the period)
        # (only with a change asked: "no need to compare with the month before" is a setting, not a period)
        up = m and rx.search(r"\b(?:up|down|higher|lower|better|worse|more|fewer|less)\b", t[:m.start()])
        return (f"last_{m.group(1)}", m.span()) if up and f"this_{m.group(1)}" in _THIS else None
    if m and _THIS.get(period) == f"last_{m.group(1)}":
        return _THIS[period], m.span()  # "this week vs the week before": last week, by its name
    if m:
        before = shift_back(period, m.group(1), as_of)
        return (before, m.span()) if before else None
    m = rx.search(_LAST_ALONE, t) or rx.search(LAST_THEN_MORE, t)
    if m and period in _THIS:
        return _THIS[period], m.span()
    return None
