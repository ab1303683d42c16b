"""Regex fragments that many readers write the same way: one spelling each (lane unify35).

Only the SAME set lives here; a reader that wants a narrower or wider set ("mon|tues?|wed...",
the abbreviations; "days?|weeks?", the singular and plural) keeps its own, with a comment why.
Each is a non-capturing group, safe to drop into any pattern as `{NAME}` of an rf-string.
"""

from __future__ import annotations

# "monday" ... "sunday", said in full (add "s?" for "mondays"); and caught as a group, for a
# reader that wants the day's name back
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
WEEKDAY_CAUGHT = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# "mon", "tue", "thurs", "sat": the short names (a bare alternation, to group as the reader needs)
WEEKDAY_SHORT = r"mon|tues?|wed|thu(?:rs?)?|fri|sat|sun"
# The units a span is counted in ("3 days", "a week", "last month"): the short spans
DAY_WEEK_MONTH = r"(?:day|week|month)"
DAYS_WEEKS_MONTHS = r"(?:days|weeks|months)"
# ... with a quarter, and with a quarter and a year: the calendar's units
DAY_TO_QUARTER = r"(?:day|week|month|quarter)"
DAY_TO_YEAR = r"(?:day|week|month|quarter|year)"
