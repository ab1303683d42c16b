"""(lane tune30) Counts said as a tally of a trade's own people or sittings: "weekly count of egg
buyers", "the number of pottery buyers each month" are the buyers (the people who bought that
thing), and "sauna session numbers", "the count of physio sessions" the sittings booked, orders
(a session named by what is done in it is a booking, never a visit to the website). Hooked into
bot/agent/kpi_words.py's KPI_PATTERNS."""

from __future__ import annotations

from bot.agent.patterns import lazy

# what makes a session a visit to the site or app (bot/agent/session_words.py reads those)
_SITE = (r"(?:web|website|site|app|online|browsing|browser|user|visitor|customer|shopping|login|chat|mobile|desktop|"
         r"average|avg|total|the|our|my|per|a|an|each|every|all|of|long|short|single|new|first|repeat)")
_TALLY = r"(?:numbers?|counts?|totals?|tally|tallies|volumes?|figures?)"

COUNTED_HEAD_TERMS: list[tuple[str, str]] = [
    # "weekly count of egg buyers", "number of the rug buyers per month": a head count of who bought
    (r"\b(?:count|number|tally|no\.?) of (?:the |our )?(?!(?:repeat|returning|new|first[- ]time|likely|potential|top|best|"
     r"valuable|lapsed|lost)\b)(?:[\w&-]+ ){1,3}?(?P<kpi>buyers|purchasers|payers)\b", "buyers"),
    # "sauna session numbers month by month", "count of physio sessions this week": sittings booked
    (rf"\b(?!{_SITE}\b)[a-z][\w-]+ (?P<kpi>sessions? {_TALLY})\b", "orders"),
    (rf"\b(?:count|number|tally|no\.?) of (?:the |our )?(?!{_SITE}\b)[a-z][\w-]+ (?:(?!{_SITE}\b)[a-z][\w-]+ )?(?P<kpi>sessions)\b",
     "orders"),
]
COUNTED_HEAD_PATTERNS = [(lazy(p), code) for p, code in COUNTED_HEAD_TERMS]
