"""The churn window said in years or as "counting ... as gone" (probe 19c), which
bot/agent/analytics_cues.py's window (days, weeks and months said as a number) does not read:
"counting a year with no job as gone", "two years without a service means they've lapsed",
"count 6 weeks with no visit as lost". The number of days, clamped to the KPI's 7 to 730.
"""

from __future__ import annotations

from bot.agent.churn_window import churn_window_days
from bot.agent.patterns import lazy
from bot.agent.vocab import NUMBER_WORDS

_NUMBER = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_SPAN = rf"(?P<n>{_NUMBER}) ?[- ]?(?P<unit>days?|weeks?|months?|years?)"
_GONE = r"(?:gone|lost|churned|lapsed|inactive|a leaver|left|dead|dormant)"
_WINDOWS = (
    # "counting a year with no job as gone", "count 6 weeks without a visit as lost"
    lazy(rf"\bcount(?:ing|s|ed)? (?:anyone |customers |people |them )?(?:with )?{_SPAN} (?:with no|without(?: an?| any)?|of no) "
               rf"(?:[\w-]+ ){{1,2}}as {_GONE}\b"),
    # "a year with no order means they've gone", "two years without a service counts as lapsed"
    lazy(rf"\b{_SPAN} (?:with no|without(?: an?| any)?|of no) (?:[\w-]+ ){{1,2}}(?:counts?|means?|is|are) (?:as )?"
               rf"(?:(?:they|someone|a customer)(?:'?ve| have|'?re| are|'?s| is) )?{_GONE}\b"),
    # (lane probe20c) "a rider who hasn't booked a trek in 120 days", "not had a session for 8 weeks":
    # the trade's unit named between the verb and the span
    lazy(rf"\b(?:haven'?t|have not|hasn'?t|has not|didn'?t|did not|never|not) (?:paid for|bought|ordered|purchased|"
               rf"booked|hired|had|done|come (?:in |back )?for) (?:an?|any|another|one) (?:[\w-]+ ){{1,2}}?(?:in|for|within) "
               rf"(?:the (?:last|past) |over )?{_SPAN}\b"),
    # (lane ps21) "if a team hasnt entered for 90 days we call them gone", "not been in for 8 weeks,
    # we treat them as lapsed": any verb, the span, then the owner's name for gone
    lazy(rf"\b(?:haven'?t|have not|hasn'?t|has not|didn'?t|did not|not) (?:[\w'-]+ ){{1,3}}?(?:in|for|within) "
               rf"(?:the (?:last|past) |over )?{_SPAN},? (?:then )?(?:we|i|you) (?:call|count|consider|treat|class|mark|reckon) "
               rf"(?:them|it|that|him|her|they're|they are)? ?(?:as )?(?:being )?{_GONE}\b"))
_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def said_churn_window(text: str) -> int | None:
    """The churn window a question sets, in days (7 to 730), or None: analytics_cues.py's
    reading first, then a span in years or one said as what counts as gone."""
    days = churn_window_days(text)
    m = None if days else next((m for w in _WINDOWS if (m := w.search(text))), None)
    if m is None:
        return days
    said = m.group("n")
    n = int(said) if said.isdigit() else 1 if said in ("a", "an") else NUMBER_WORDS.get(said, 0)
    return max(7, min(n * _DAYS[m.group("unit").rstrip("s")], 730)) if n else None
