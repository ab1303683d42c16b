"""(lane probe29a) Measures said in a trade's own words, from the misses of its probe (and of
blind28's, of the same kind). Hooked into bot/agent/kpi_words.py's KPI_PATTERNS.

- One order's worth said as the trade's "ticket", "tab", "bill" or "brass" per job, fitting or
  booking ("what's our typical ticket per halter fitting", "t'average brass per jacket job"), or
  as what an order "comes to on average" ("what a hank order comes to on average, each region"):
  the average order value, never the money in all (nor a support ticket: "ticket" is singular and
  the thing it is per is one of the trade's jobs, never a day or a customer).
- The minutes of a visit ("avg minutes per visit on the site"): the visits' length.
- The turnout ("which age group drove turnout down"): the customers active with us, the people
  who came, not the orders.
"""

from __future__ import annotations

from bot.agent.kpi_billing_and_order_worth import ORDER_ONE
from bot.agent.patterns import lazy

# what a per-order figure is never per: a stretch of time or one person
_NOT_ONE_ORDER = (r"(?:day|night|week|month|hour|year|quarter|customer|client|person|head|visitor|member|guest|user|"
                  r"shopper|buyer|patient|diner)s?")
_MONEY_NOUN = r"(?:ticket|tab|check|cheque|bill|brass|dosh|money|cash|spend|take|takings)"

TRADE_MEASURE_TERMS: list[tuple[str, str]] = [
    # "typical ticket per halter fitting", "average brass per jacket job", "usual tab per booking"
    (rf"(?P<kpi>\b(?:average|avg|mean|typical|usual|normal) {_MONEY_NOUN} (?:per|for each|for a|on each|on a|each|a))"
     rf" (?!{_NOT_ONE_ORDER}\b)[\w'-]+", "aov"),
    # "what a hank order comes to on average", "how much a typical booking comes to, on average"
    (rf"\b(?:what|how much) (?:an? |one |each |the |your )?(?:typical |average |usual )?(?:[\w'-]+ ){{0,2}}?{ORDER_ONE}s? "
     r"(?:usually |typically |normally )?(?:comes?|came) (?:to|out at|in at),? on average\b|"
     rf"\bon average,? (?:what|how much) (?:does|do|did) (?:an? |one |each |the )(?:[\w'-]+ ){{0,2}}?{ORDER_ONE} "
     r"(?:come to|come out at|cost)\b", "aov"),
    # "avg minutes per visit on the hank site", "how many minutes per website visit", "avg minutes per apron visit"
    (r"\b(?:(?:avg|average|mean|median|typical) )?(?:minutes|mins|seconds|secs|time) (?:spent )?(?:per|a|each|on each|"
     r"on a|for each|every) (?:[\w'-]+ ){0,2}?(?:visit|session)\b", "session_length"),
    # "diamond avg sale value last month", "cork floor job value trend weekly", "ebony key job value per
    # town": one sale's (job's, booking's) worth, the average order value (never "the total sale value")
    (r"\b(?:avg|average|mean|typical|usual) sale values?\b|(?<!total )(?<!gross )(?<!overall )(?<!combined )"
     r"\b(?:job|booking|fitting|commission|appointment|hire|rental|repair|install(?:ation)?)s? values?\b(?! of\b)", "aov"),
    # "which persona explains the bookend order drop", "the booking dip last month": the orders' change
    # (the noun said once, the change a noun: never "the average hire drops below 40", "cancelled hires spike")
    (r"(?<!average )(?<!avg )(?<!mean )(?<!typical )(?<!cancelled )(?<!canceled )(?<!refunded )"
     r"\b(?P<kpi>(?:order|booking|job|hire|commission|appointment|reservation))(?= (?:drop|dip|fall|slump|decline|slide|"
     r"downturn)\b)", "orders"),
    # "ring sales in q3, count and money", "hank sales - the count and the money both": how many and
    # what they brought, both (the count is the orders; "money" alone is read nowhere else)
    (r"\b(?:the )?(?P<kpi>count|number|tally|how many)(?=,? (?:and|&|plus) (?:the |what )?(?:money|takings|value|cash|revenue|turnover|"
     r"they (?:made|brought in|took))\b)", "orders"),
    (r"\b(?:count|number|tally|how many),? (?:and|&|plus) (?:the |what )?(?P<kpi>money|takings|value|cash|revenue|turnover|"
     r"they (?:made|brought in|took))\b", "revenue"),
    # "tickets raised and tickets resolved this month": the second count said after "and", its period blanked
    (r"\b(?:and|&|plus|vs\.?|versus) (?P<kpi>(?:the )?(?:support )?(?:tickets?|complaints?) (?:resolved|closed|solved|cleared|"
     r"dealt with|sorted(?: out)?))(?=\s*[?.!]?\s*$| {2,}|,)", "resolved_tickets"),
    # "which age group drove turnout down", "hokey pokey turnout this month" (not an election's)
    (r"(?<!voter )(?<!voters' )(?<!election )\bturn-?outs?\b", "active_customers"),
]
TRADE_MEASURE_PATTERNS = [(lazy(p), code) for p, code in TRADE_MEASURE_TERMS]
