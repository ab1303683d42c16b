"""Counts that name the thing counted (lane probe26a, from blind25's and probe26a's misses): "pieces
cancelled, how many" (the cancelled orders, not their rate), "gigs booked ... and avg fee per gig"
(the orders beside the average order), "survey replies we got", complaints that "sit unresolved",
and the "gap from a first look at the site to a first booking" (the time to a first purchase, never
the site's visits). Hooked into bot/agent/kpi_words.py's KPI_PATTERNS among the first: each masks
the words a broader reading would take ("cancelled" as a share, "site" as its visits).
"""

from __future__ import annotations

from bot.agent.patterns import lazy

# what a count is asked with, after the thing: "cancelled, how many", "cancelled - the number"
_HOW_MANY = r",? ?(?:-+ )?(?:how many|how mny|hw many|the (?:number|count|total)|number of them|count)\b"
# the money or average said beside the things booked
_BESIDE = (r"(?=[^?.!]{0,40}\b(?:and|plus|&|with) (?:the |our |their |what )?(?:avg|average|mean|typical|money|takings|cash|revenue|"
           r"turnover|how much|what they (?:came to|brought in|made))\b)")
_FIRST_LOOK = r"(?:look|visit|glance|peek|browse|click|sight|spotting|finding|hearing|contact|enquiry|clocking)"
_FIRST_BUY = r"(?:[\w-]+ ){0,2}?(?:bought|order|orders|purchase|booking|buy|sale|job|class|lesson|visit paid|paid)"

# (read by bot/agent/slot_readers.py too: these orders are asked for, not what the money is of)
BOOKED_BESIDE = (r"^(?:[\w' -]{1,40}: )?(?P<kpi>(?:[\w'-]+ ){1,3}?(?:booked|reserved|sold|commissioned|hired|ordered|taken))\b"
                 + _BESIDE)

THINGS_COUNTED_TERMS: list[tuple[str, str]] = [
    # "emerald pieces cancelled, how many last month", "orders that got cancelled, how many": the count
    (r"\b(?:got |were |was |been )?(?:cancel(?:l?ed)|called off|scrapped)(?: on us)?" + _HOW_MANY, "cancelled_orders"),
    (r"\b(?:got |were |was |been )?(?:refunded|sent back for (?:a )?refunds?|returned)" + _HOW_MANY, "refunded_orders"),
    # "gigs booked in the past 3 months and avg fee per gig", "kits reserved and the money for them":
    # the things booked are the orders, with the money or average said beside them
    (BOOKED_BESIDE, "orders"),
    # "survey replies we got", "feedback forms we had back": the answers counted
    (r"\b(?:survey|feedback(?:[- ]form)?) (?:replies|responses|answers|forms)\b(?= (?:we|i) (?:got|received|had|have had|'ve had|'ve got|have got)\b)",
     "survey_responses"),
    # "how many grumbles sit unresolved", "complaints that sit open": still open (never "how long do
    # tickets sit unanswered", the wait for a reply)
    (r"^(?!.*\bhow long\b).*?\b(?:grumbles?|complaints?|gripes?|moans?|tickets?|issues?|queries) (?:that |which )?(?:still )?(?:sit|sits|sat|lie|lies|lay)"
     r"(?: there| about| around)? (?:unresolved|open|unanswered|outstanding|unsorted|waiting)\b", "open_tickets"),
    # "typical gap in days from a first look at our site to a first booking": the time to a first purchase
    (rf"\b(?:gap|time|days?|how long|wait|lag)\b.{{0,30}}?\bfrom (?:a |their |the |someone'?s? |someone )?(?:first )?(?:[\w'-]+ )?{_FIRST_LOOK}\b"
     rf".{{0,60}}?\bto (?:a |their |the |them )?first {_FIRST_BUY}\b", "time_to_first_purchase"),
]
THINGS_COUNTED_PATTERNS = [(lazy(p), code) for p, code in THINGS_COUNTED_TERMS]
