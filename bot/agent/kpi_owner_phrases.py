"""KPI readings of owners' words the other tables missed: customer issues or problems still
open, how long a first message waits for its answer, a repeat rate said in the trade's unit,
and the money spent set out group by group ("spend per age group").

Hooked last in bot/agent/kpi_words.py's KPI_PATTERNS: each reads only what nothing before it took.
"""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.word_fragments import DAY_WEEK_MONTH

# what customers raise with the business, counted while it is not dealt with yet
_RAISED = r"(?:issues|problems|faults|queries|complaints|cases|requests|tickets|jobs|gripes|grumbles|moans|niggles)"  # (probe23c) gripes too
_GROUPS = (r"(?:age|towns?|cit(?:y|ies)|regions?|segments?|channels?|areas?|suburbs?|neighbou?rhoods?|postcodes?|"
           r"count(?:y|ies)|personas?|groups?|bands?)")
_PHRASES: list[tuple[str, str]] = [
    # "how many customer issues are still open", "client problems still unresolved", "problems we
    # have open at the minute": the tickets open now (not how long they take to close)
    (rf"^(?!.*\bhow long\b).*?\b(?:customer |client |support |guest |member )?{_RAISED} (?:(?:are|is|r|we have|we've got|"
     r"that are|which are) )?(?:still |yet )?(?:open|outstanding|unresolved|unsorted|pending|unanswered|not (?:yet )?"
     r"(?:resolved|sorted|closed|fixed))\b(?! (?:by|for|to)\b)", "open_tickets"),
    # "how long are we taking to answer a stranded driver's first message", "time it takes to
    # reply to a new client's first email": the first response time, whoever wrote in
    (r"\b(?:taking|take|takes|took|time) (?:us |the team |staff |me )?(?:to|before we|till we|until we) (?:answer|reply to|"
     r"respond to|get back to|pick up|deal with) (?:a |an |the |each |every |our |their )?(?:[\w'-]+ ){0,2}?(?:first|initial|"
     r"opening) (?:[\w-]+ )?(?:messages?|emails?|enquir(?:y|ies)|inquir(?:y|ies)|quer(?:y|ies)|texts?|calls?|requests?|"
     r"tickets?|contacts?)\b", "first_response_time"),
    # "repeat booking rate", "the repeat hire %": the share who bought again, in the trade's unit
    (r"\brepeat[- ](?!customer|visitor)[a-z-]+ (?:(?:rate|percent(?:age)?|ratio)\b|%)", "repeat_purchase_rate"),
    # "new support tickets day by day", "incoming tickets each week": the tickets logged, as a
    # series (not what they say)
    (r"^(?!.*\b(?:about|say|says|said|saying|mention\w*|regarding)\b).*?\b(?:new|support|incoming|customer) (?:support )?"
     rf"(?P<kpi>tickets)\b(?= (?:day by day|week by week|month by month|each {DAY_WEEK_MONTH}|by (?:the )?{DAY_WEEK_MONTH}|"
     rf"per {DAY_WEEK_MONTH}|a (?:day|week)|over time|daily|weekly|monthly)\b)", "tickets"),
    # "how many pony treks got cancelled", "how many kiln firings were refunded": what was sold,
    # in the trade's own noun, cancelled or refunded (the known nouns are vocab.py's)
    (r"\bhow many (?:[\w'-]+ ){1,3}?(?:got |were |was |have been |had been |have |had |did we )?(?P<kpi>cancel+ed|called off)\b",
     "cancelled_orders"),
    (r"\bhow many (?:[\w'-]+ ){1,3}?(?:got |were |was |have been |had been |have |had |did we )?(?P<kpi>refunded)\b",
     "refunded_orders"),
    # "spend per age group", "customer spending by town": the money, each group's own
    (rf"(?:^|\b(?:total|customer|client|our|the|show me|give me|what's|whats|what is|how much) )(?:the )?(?:total )?"
     rf"(?:customer |client )?(?:spend|spending)(?= (?:(?:split |broken down )?by|per|for each|across|in each) (?:the |each |our )?"
     rf"(?:customer |client )?{_GROUPS}\b)", "revenue"),
]
OWNER_PHRASE_PATTERNS = [(lazy(p), code) for p, code in _PHRASES]
