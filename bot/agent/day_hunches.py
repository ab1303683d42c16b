"""One weekday checked against a hunch: "is saturday the day most hot tubs get booked", "are
mondays really as dead as they feel", "is friday when most tables fill". The owner weighs that
day against the rest of the week (time_pattern by weekday, the day its focus), not one date."""

from __future__ import annotations

from bot.agent.when_words import WEEKDAY_NAMES

_DAY1 = "(?:" + "|".join(WEEKDAY_NAMES) + ")s?"
_HUNCH = r"(?:dead|quiet|slow|busy|bad|good|strong|weak|lean|flat|rammed|heaving|empty)"
DAY_HUNCH = (
    # "is saturday the day most of the hires get booked", "is sunday when most orders come in"
    rf"\b(?:is|are|was) (?:it )?(?:really )?{_DAY1},? (?:(?:really|actually|still|usually) )?"
    r"(?:the (?:day|night)s?|when|our (?:day|night))\b.{0,50}\b(?:most|more|the bulk|busiest|quietest|fewest)\b|"
    # "are mondays really as dead as they feel", "is tuesday as quiet as it looks"
    rf"\b(?:is|are) {_DAY1} (?:(?:really|actually|truly|honestly) )?(?:as|that|so) {_HUNCH}\b|"
    # (lane ps7) "how does saturday rank for takings", "how do mondays fare for bookings": that day
    # placed among the others
    rf"\bhow (?:does|do|did) {_DAY1} (?:rank|fare|measure up|stack up|hold up)\b(?! (?:against|to|with|versus|vs) "
    r"(?:last|the (?:one|day|week) before|the same)\b)|"
    # "does sunday pull its weight for trays sold", "do tuesdays earn their keep"
    rf"\b(?:does|do|did) {_DAY1} (?:really |actually |even )?(?:pull|carry|earn|pay|justify) (?:its|their) "
    r"(?:weight|keep|way|wages|opening)\b|"
    # (lane ps10) "do saturdays really bring the most fares", "does friday actually get the most walk-ins"
    rf"\b(?:does|do|did|is|are) {_DAY1} (?:(?:really|actually|truly|honestly|still|usually|always) )?(?:bring|brings|get|gets|see|sees|"
    r"have|has|draw|draws|pull|pulls|sell|sells) (?:in )?the (?:most|biggest|fewest|least)\b|"
    # (lane ps13) "do wednesdays get more egg orders", "do sundays see fewer walk-ins": that weekday,
    # said as a habit (plural), against the others (never "than last wednesday", one pair of dates)
    rf"\b(?:do|did|are) (?:{'|'.join(WEEKDAY_NAMES)})s (?:(?:really|actually|truly|honestly|still|usually|always|tend to) )?"
    r"(?:bring|get|see|have|draw|pull|sell|make|take) (?:in )?(?:more|fewer|less|bigger|smaller)\b"
    r"(?![^?.!]*\bthan (?:last|the (?:same|previous|one|week)|previous|that)\b)|"
    # (lane ps16) "mondays busy for room bookings or not", "fridays quiet for walk-ins?": the day
    # opening the message, the verb dropped
    rf"^(?:(?:so|and|but|hmm|ok|okay),? )?{_DAY1},? (?:(?:really|actually|usually|always|still|even|generally) )?"
    rf"(?:{_HUNCH}|busier|quieter|slower) (?:for|or not|at all|enough)\b"
)
