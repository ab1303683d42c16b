"""Words that ask for a series, point by point, where the question would otherwise read as one
number: "as a line", "for each of the last 7 days", "show me weekly", "getting slower?",
"reckon it's dropping?". Each went to the KPI total over the period, which hid the movement the
owner asked about.
"""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy, rx
from bot.agent.word_fragments import DAY_TO_QUARTER, DAY_WEEK_MONTH, DAYS_WEEKS_MONTHS

_MOVE = (r"(?:dropping|falling|rising|climbing|growing|shrinking|slipping|sliding|declining|increasing|"
         r"decreasing|going up|going down|picking up|tailing off|tanking)")
SERIES_ASKED = (r"\bas an? (?:line|line chart|line graph|graph|chart)\b|\bon a (?:line|graph|chart)\b|"
                rf"\b(?:for|over|on|in|across|during) each of the (?:last|past|previous) (?:\d+|[a-z]+) {DAYS_WEEKS_MONTHS}\b|"
                r"\bshow (?:me |us )?(?:it |that |them )?(?:daily|weekly|monthly)\b|\bper calendar month\b|"
                r"\b(?:is|are|it's|its|they're) (?:\w+ )?getting (?:slower|faster|quicker|longer|shorter|busier|quieter|"
                r"bigger|smaller|cheaper|dearer|pricier)\b|"
                rf"\b(?:it's|it is|they're|they are|we're) (?:\w+ )?{_MOVE}\b")
# "how many tickets per week, the past three months", "how many jobs are we finishing each week":
# a count asked per day, week, month or quarter over a longer span is that count's series at that grain
# (not an average, not the habitual "twice a week", not "each day of the week")
_HOW_MANY_PER = (r"\bhow many\b(?!.{0,80}\b(?:on average|average|avg|typical(?:ly)?|usually|normally|mean|median)\b)"
                 r"[^?.,;]{0,60}?\b(?:per|each|every) (day|week|month|quarter)\b(?! of)")
# "is churn worse each month than the one before", "are bookings up every week on the week
# before": each point against the one before it, a series at that grain (not one pair of periods)
_EACH_BEFORE = (r"\b(?:each|every) (day|week|month)\b(?: [\w']+){0,2}? (?:than|compared (?:to|with)|vs\.?|versus|against|"
                r"next to|on|over) (?:the )?(?:one|day|week|month|previous|last|prior)(?: one)?(?: before| prior| previous)?\b")
# "what was our best single day for orders last week", "the busiest single week this quarter": each
# point of the period drawn, so the best one shows (one weekday's habit is time_pattern's "which day")
_SINGLE = (r"\b(?:(?:best|busiest|biggest|worst|slowest|quietest|top|strongest|weakest) single|single (?:best|busiest|biggest|worst|"
           r"slowest|quietest|strongest|weakest)) (day|week|month)\b")  # (lane probe18c) "our single busiest day"
SERIES_ASKED += "|" + _HOW_MANY_PER + "|" + _EACH_BEFORE + "|" + _SINGLE
# (lane ps28) "how long do we take to answer an email, weekly, past 90 days", "repair waits - monthly -
# this year": the grain said on its own, set off from the question, is the series' step
SERIES_ASKED += r"|(?:,|\s-)\s*(?:daily|weekly|monthly|day by day|week by week|month by month)\s*(?:,|-\s|[?.!]*$)"
# "has our recommend score gone up or down each month", "is it going up or down week to week":
# the movement from one point to the next, not one pair of periods
SERIES_ASKED += (r"|\b(?:gone|went|going|moved|moving|been going) (?:up or down|down or up|up and down)\b[^?.;]{0,25}"
                 rf"\b(?:each|every|per|from one) {DAY_WEEK_MONTH}\b(?! of)|\b(?:up or down|down or up|up and down) "
                 rf"{DAY_WEEK_MONTH} (?:to|by|on|after) {DAY_WEEK_MONTH}\b")
# "delivery times getting better or worse? weekly since june", "monthly: are reviews up or down":
# which way it went, point by point at the grain named (not one pair of periods)
_GRAIN = r"(?:weekly|monthly|daily|week by week|month by month|day by day|each week|each month|every week|every month)"
_WHICH_WAY = r"(?:better or worse|worse or better|up or down|down or up|better or not|improving or (?:not|worsening|slipping))"
# ("monthly nps for the model shop this year, up or down?": the grain, then the KPI and its period)
_WHICH_WAY_EACH = rf"\b{_WHICH_WAY}\b\W{{0,3}}(?:[\w']+ ){{0,3}}?{_GRAIN}\b|\b{_GRAIN}(?![^?.;]*\b(?:vs|versus|against|compared|than)\b)\W{{1,3}}(?:[\w']+,? ){{0,10}}?{_WHICH_WAY}\b"
SERIES_ASKED += "|" + _WHICH_WAY_EACH
# "is the bounce rate getting better or worse from one week to the next", "how do orders move
# from one month to the next": each point against its neighbour, a series at that grain
_TO_THE_NEXT = r"\b(?:from )?(?:one|each|a) (day|week|month|quarter) to the next\b"
SERIES_ASKED += "|" + _TO_THE_NEXT
_WHICH_WAY_EACH += "|" + _TO_THE_NEXT
# "as a trend please", "show that as a line chart, monthly": the analysis just shown, drawn as a
# series (a trend's cue even with no KPI named: the follow-up keeps the last one's)
AS_A_SERIES_CUES = ((r"^(?:(?:ok|okay|right|now|and|can you|could you|please|just),? )*(?:show (?:it|that|this|them|me that) |"
                     r"(?:put|plot|draw|chart) (?:it|that|this|them) )?as an? (?:weekly |daily |monthly )?(?:trend|line(?: chart| graph)?|"
                     r"graph|chart|series)\b", 1.0),)
# (lane ps7) "covers each night for the past 14 days", "tables every evening over the last fortnight":
# a night is a day's point, over a span of days
_NIGHTLY = r"\b(?:each|every|per) (?:night|evening)\b(?= (?:for|over|in|across|during) (?:the )?(?:last|past|previous)\b)"
SERIES_ASKED += "|" + _NIGHTLY
# (lane ps13) "tickets opened each week this quarter", "bookings taken every month since june": a
# count done at each point of a span named after it, that count's series (not "twice a week")
_DONE_EACH = (r"^(?!.*\b(?:average|avg|typical(?:ly)?|usually|normally)\b).*?\b(?:opened|logged|raised|sold|booked|placed|made|taken|received|filed|created|submitted|"
              r"came in|coming in|signed up|joined) (?:each|every|per) (day|week|month|quarter)\b(?= (?:this|last|past|previous|"
              r"since|over|for|in|during|so far)\b)")
SERIES_ASKED += "|" + _DONE_EACH
# (lane probe20c) "how has would-recommend gone month on month", "how have fares fared week to week":
# its course at that grain (the question is how it went, not one month set against the last)
_HOW_IT_WENT = (r"\bhow (?:has|have)\b[^?.;]{0,40}\b(?:gone|done|fared|tracked|looked|performed|been) "
                rf"(day|week|month|quarter) (?:on|to) {DAY_TO_QUARTER}\b")
# "which single october day was busiest": each day of the span drawn, so the one shows
# (lane probe24a) "the best single trading day in october", "our busiest single week": the same
_WHICH_SINGLE = r"\b(?:which|best|busiest|biggest|worst|quietest|slowest|strongest|weakest|top) single (?:[a-z]+ )?(day|week|month)\b"
SERIES_ASKED += "|" + _HOW_IT_WENT + "|" + _WHICH_SINGLE
# (lane probe28a) "top day for orders in september, the actual date", "the one day last month the till was
# fullest, which date": the best day asked for by its date, each day drawn (a weekday's habit has no date)
_WHICH_DATE = (r"^(?=.*\b(?:best|top|most|busiest|biggest|highest|fullest|strongest|peak\w*|record)\b)"
               r".*\b(?:(?:which|what) (?:exact |actual |calendar )?date|the (?:actual|exact|calendar) date)\b")
SERIES_ASKED += "|" + _WHICH_DATE
# (lane tune35, convention (h) of docs/ARCHITECTURE.md) "satisfaction out of 5, month on month", "csat
# week on week" with no two periods named (no "vs", "than", "against"): its course at that grain, not
# this month set against the last (said first, "week on week revenue", or "the month on month change", it is
# the one change, compare's; so is "aov week on week" not set off by a comma: tune12a's and tune25's readings); a watch ("alert me if ... drops 10% week on week") is an alert's
_UNIT_ON_UNIT = (r"^(?!.*(?:\b(?:vs\.?|versus|against|compar\w*|than|beside|next to|if|when|whenever|alert\w*|warn\w*|notify|ping|"
                 r"tell me|let me know|heads up|shout|change|changes|changed|growth|difference)\b|%|\bper ?cent\b)).+?"
                 r"(?:,|\s-)\s*(?:(day)[- ]on[- ]day|(week)[- ]on[- ]week|(month)[- ]on[- ]month|(quarter)[- ]on[- ]quarter)\b")
SERIES_ASKED += "|" + _UNIT_ON_UNIT
_EACH = lazy(_DONE_EACH + "|" +
                   r"\b(?:for|over|on|in|across|during) each of the (?:last|past|previous) (?:\d+|[a-z]+) (days|weeks|months)\b|"
                   r"\bper calendar (month)\b|" + _TO_THE_NEXT + "|" + _HOW_MANY_PER + "|" + _EACH_BEFORE + "|" + _SINGLE + "|"
                   + _HOW_IT_WENT + "|" + _WHICH_SINGLE + "|" + _UNIT_ON_UNIT)
# the compare tool's evidence against it: the periods are many, each set against its neighbour
SERIES_COMPARE_CUES = ((_EACH_BEFORE, -0.9), (_WHICH_WAY_EACH, -0.9), (_HOW_IT_WENT, -0.9), (_UNIT_ON_UNIT, -0.9))


def series_grain_asked(text: str) -> str | None:
    """day | week | month when the series names its points ("for each of the last 7 days")."""
    if rx.search(_WHICH_DATE, text):
        return "day"
    m = _EACH.search(text)
    if m is None:
        return "day" if rx.search(_NIGHTLY, text) else None
    return next(g for g in m.groups() if g).rstrip("s")


def boost_series(slots: Any) -> float:
    """A KPI named with a series word: its trend. Without a KPI the words alone do not say what
    to draw ("are the jobs getting longer?"), so they add nothing."""
    from bot.agent.analytics_cues import has_metric, text_of

    return 1.2 if has_metric(slots) and rx.search(SERIES_ASKED, text_of(slots)) else 0.0
