"""One weekday weighed by the money it brings, and the part of the day sales peak (lane probe26a,
from blind25's and probe26a's misses): "does saturday earn enough to open", "do sundays pull in
enough dosh to bother staffing", "is friday the big earner", "is wednesday a dead loss" (one
weekday, said in the singular too), "what part of the day do sales peak", "what time of the arvo".
Read by bot/agent/time_peaks.py as the time_pattern tool's weekday and hour cues; the money words
themselves are bot/agent/kpi_money_verbs.py's.
"""

from __future__ import annotations

from bot.agent.when_words import WEEKDAY_NAMES

_DAY1 = "(?:" + "|".join(WEEKDAY_NAMES) + ")s?"
_EARN = r"(?:earn|make|take|bring in|pull in|rake in|turn over|clear|justify|cover|pay for)"
WEEKDAY_EARNS = (
    # "does saturday earn enough to keep the stall open", "do sundays pull in enough dosh"
    rf"\b(?:does|do|did|will|would|can|could) {_DAY1} (?:(?:really|even|actually|ever) )?{_EARN} (?:us )?enough\b|"
    # "is friday the big earner", "are saturdays our money-maker"
    rf"\b(?:is|are) {_DAY1} (?:the|our|a) (?:[\w'-]+ ){{0,2}}?(?:big|biggest|top|best|main|real|star) "
    r"(?:earner|money-?maker|money day|seller)\b|"
    # "is wednesday a dead loss for sales": one weekday written off, said in the singular
    rf"\b(?:is|are) (?:the )?{_DAY1} (?:\w+ )?(?:a |an )?(?:dead loss|write-?off|wash-?out|waste of time|lost cause|"
    r"non-?starter|damp squib|dud|flop|bust)\b")
# "what part of the day do sales peak", "what time of the arvo do bookings peak", "which bit of
# the day": the hours of the day set side by side
HOUR_PEAK = (r"\b(?:what|which) (?:part|parts|bit|bits|point|stage|time|times) (?:of|in) the (?:day|arvo)\b|"
             r"\b(?:what|which) times? of the arvo\b")
