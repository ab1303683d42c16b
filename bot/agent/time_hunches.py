"""A month or weekday checked against a hunch, said with more words in between than
bot/agent/day_hunches.py reads (lane probe18a): "is december really when we shift the most
prams", "is august the month most boats go out", "are fridays really our busiest for fish
suppers". The owner weighs that month (weekday) against the rest of the year (week): time_pattern
by month (weekday), the one named its focus, not that one month's dates."""

from __future__ import annotations

from bot.agent.when_words import MONTH_NAMES, WEEKDAY_NAMES

_MONTH1 = "(?:" + "|".join(m for m in MONTH_NAMES if m != "may") + ")"
_DAY1 = "(?:" + "|".join(WEEKDAY_NAMES) + ")s?"
_ADVERB = r"(?:(?:really|actually|truly|honestly|still|usually|always|genuinely) )"
_MOST = r"(?:most|more|the bulk|busiest|quietest|fewest|least|biggest|best|worst)"
# "is december really when we shift the most prams", "is august the month most boats go out"
MONTH_HUNCH = (rf"\bis (?:it )?{_ADVERB}?{_MONTH1},? {_ADVERB}?(?:the (?:month|time)|when|our (?:month|time))\b"
               rf".{{0,50}}\b{_MOST}\b")
# "are fridays really our busiest for fish suppers", "is saturday honestly our quietest?": two
# words between the day and its judgement
DAY_OURS = (rf"\b(?:is|are) {_DAY1},? {_ADVERB}?(?:our|the) (?:busiest|quietest|slowest|best|worst|biggest|strongest|weakest)\b"
            r"(?! (?:day|night|days|nights)\b)")
