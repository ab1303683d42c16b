""""Refund rate by the week", "bookings by the month": the grain said with its article, read as
"by week" (when.py's grain words, which are full, know only the bare form; the KPI alone was
answered as one total, not the series asked for). Not "by the hour": hourly is a time pattern."""

from __future__ import annotations

from bot.agent.patterns import lazy

# only where the grain closes the clause or a period follows ("by the day we promised" is a deadline)
_BY_THE = lazy(r"\bby the (day|week|month|quarter)\b(?=\s*(?:[,.;:!?]|$|(?:this|last|past|since|in|for|over|from|during|"
                     r"across|pls|please|so far|through|and|or|then|now|"
                     # (lane probe21a) "nps by the week lately": a loose time word after the grain
                     r"lately|recently|of late|these days|to date|over time)\b))")


# (lane tune30) "same thing but per calendar month", "by calendar week": the grain, calendar or not
# (not "which calendar month comes out on top": the month of the year, a time pattern)
_CALENDAR = lazy(r"\b(per|by|each|every) calendar (week|month|quarter)\b(?!.*\b(?:which|what|best|worst|top|busiest|quietest|peak|"
                       r"slowest|strongest|weakest)\b)")
# (lane tune30) "go down to days", "drill into weeks", "zoom out to months": the series at that step
_DOWN_TO = lazy(r"^((?:(?:ok|okay|now|and|so|right|can you|could you|let'?s|pls|please),? )*)(?:go|drill|zoom|break (?:it|that|them)|"
                      r"bring (?:it|that)|take (?:it|that)|step|switch|change (?:it|that))(?: (?:it|that))?(?: (?:down|in|out|up|back))? "
                      r"?(?:to|into) (?:the )?(day|week|month|quarter)s?\b(?: level| view)?")


def plain_grain(t: str) -> str:
    """The lower-cased question with "by the week" said "by week"."""
    t = _DOWN_TO.sub(r"\1by \2", _CALENDAR.sub(r"\1 \2", t))
    return _BY_THE.sub(r"by \1", t)
