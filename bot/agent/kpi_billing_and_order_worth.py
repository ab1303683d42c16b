"""Money said as what was billed, and what one order is worth (lane probe19b, from its probe's
misses). Hooked into bot/agent/kpi_words.py's KPI_PATTERNS among the owners' own money words.

- "total billing for Q3", "how much did we invoice in october", "what have we billed so far
  this month": the money in, the revenue (a bill we pay, "our electricity bill", is no sale;
  comments about billing are a search of the feedback, left alone).
- "what's a flag order worth on average", "how much is a typical booking worth": what one order
  brings, the average order value, not a customer's lifetime value (bot/agent/added_cues.py
  takes the lifetime-value tool's "worth" back when an order is what is worth something).
- "the extra placements" a group brought in: the units counted, the orders.
- "average case value", "avg project size": a trade's unit, one order's worth.
"""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.trade_words import UNIT, UNIT_ONE

# one order, in the words of shops and trades
ORDER_ONE = (rf"(?:order|booking|sale|purchase|transaction|job|case|project|contract|invoice|basket|reading|session|"
             rf"visit|{UNIT_ONE})")
# "a", "the typical", "an average": one order, not all of them
_ONE = r"(?:a|an|one|each|every|the average|the typical|the usual|an average|a typical|a usual|your average|your typical)"
# feedback about the bills, never the money billed
_NOT_ABOUT = r"^(?!.*\b(?:about|mention\w*|complain\w*|saying|said|comments?|feedback|reviews?|errors?|mistakes?)\b)"
# what one order is worth ("whats a flag order worth", "how much is a typical booking worth")
ORDER_WORTH = (rf"\b(?:what(?:'s|s| is| was| are| were)|how much (?:is|was|are|were|does|do|did)) {_ONE} (?:[\w'-]+ ){{0,2}}?"
               rf"{ORDER_ONE}s? (?:(?:usually|typically|normally|really|actually) )?(?:worth|come to|bring in|bring us)\b")

BILLING_AND_WORTH_TERMS: list[tuple[str, str]] = [
    # "which region brought in the extra placements": the units more than before, counted
    (rf"\b(?:the |those |these |all the )?(?:extra|additional|added) (?:(?!(?:cancel\w*|refund\w*|return\w*|no-?shows?|missed|lost|late|unpaid)\b)[a-z-]+ )?(?P<kpi>{UNIT})\b", "orders"),
    (ORDER_WORTH, "aov"),
    # "average case value", "avg project size", "mean contract amount": one order's worth
    (r"\b(?:average|avg|mean|typical) (?!(?:customer|client|lifetime)\b)(?:[\w&-]+ ){0,2}?"
     r"(?:case|project|contract|invoice|placement|reading|commission)s? (?:value|size|worth|amount)\b", "aov"),
    # "total billing for Q3", "our billings this year"
    (rf"{_NOT_ABOUT}.*?\b(?:total |our |the |gross )?billings?\b(?! (?:address|details|system|cycle|date|info|page|software|"
     r"platform|run|period|quer(?:y|ie)|issue|question|dispute|complaint|problem|enquir(?:y|ie)|ticket|case|call|email)s?\b)", "revenue"),
    # "how much did we invoice in october", "what have we billed so far", "total invoiced"
    (rf"{_NOT_ABOUT}.*?\b(?:how much|what) (?:have |did |do |has |had )?(?:we|i|the (?:\w+ )?(?:shop|business|practice|studio|"
     r"clinic|lab|firm|team)) (?:\w+ )?(?:bill|billed|invoice|invoiced)\b|\b(?:total|amount|sum|value) (?:we )?invoiced\b|"
     r"\binvoiced (?:in total|amount|total)\b|\binvoice totals?\b|\btotal (?:of )?(?:our |all )?invoices\b", "revenue"),
]
BILLING_AND_WORTH_PATTERNS = [(lazy(p), code) for p, code in BILLING_AND_WORTH_TERMS]
