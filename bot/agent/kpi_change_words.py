"""KPIs said inside a change or a split by group, without "how many": "which channel explains
why fewer drivers paid", "bookers per town", "which town is dragging down the number of beds we
sell". Hooked into bot/agent/kpi_words.py's KPI_PATTERNS."""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE
from bot.agent.patterns import lazy

_PAID = r"(?:paid|bought|purchased|booked|ordered|signed up|checked out)"
CHANGE_TERMS = (
    # "why fewer drivers paid for a charge", "more riders booked": the people who bought, counted
    (rf"\b(?:fewer|more|less) (?:of (?:the |our )?)?(?:[\w-]+ ){{0,2}}?{PEOPLE} (?:have |had |actually )?{_PAID}\b", "buyers"),
    # "tour bookers per town", "the payers by region": people named by their buying, in groups
    (r"\b(?:bookers|payers|purchasers)\b(?= (?:per|by|in each|for each|across|from each) )", "buyers"),
    # "the number of beds we sell", "how many units they shift": the things sold are the orders
    (r"\b(?:number|count|amount) of (?:[\w-]+ ){1,3}(?:we|they|you|i) (?:sell|sold|shift|shifted|move|moved|ship|shipped)\b",
     "orders"),
)
# (lane probe25c) "which acquisition channel is behind fewer buyers", "more payers this month":
# the buyers counted by their change, with no verb after them
_GROUP_WORD = (r"(?:(?:crm |acquisition |first[- ]touch )?(?:channels?|segments?|cit(?:y|ies)|towns?|suburbs?|regions?|areas?|"
               r"age (?:bands?|groups?|brackets?|ranges?)|personas?))")
CHANGE_TERMS += (
    (r"\b(?:fewer|more|less|extra|missing|lost) (?!(?:repeat|returning|new|first-time|regular) )(?:[\w-]+ )?(?:buyers|purchasers|payers)\b", "buyers"),
    # "money per age group, highest first", "money from term fees per age group": the money, group by group
    (rf"\b(?:money|cash|dosh)\b(?= (?:[\w'-]+ ){{0,5}}?(?:per|by|for each|in each|across|from each) (?:the |our |each )?"
     rf"{_GROUP_WORD}\b)", "revenue"),
)
CHANGE_PATTERNS = [(lazy(p), code) for p, code in CHANGE_TERMS]
