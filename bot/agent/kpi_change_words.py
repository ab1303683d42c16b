"""KPIs said inside a change or a split by group, without "how many": "which channel explains
why fewer drivers paid", "bookers per town", "which town is dragging down the number of beds we
sell". Hooked into bot/agent/kpi_words.py's KPI_PATTERNS."""

from __future__ import annotations

import re

from bot.agent.owner_words import PEOPLE

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
CHANGE_PATTERNS = [(re.compile(p), code) for p, code in CHANGE_TERMS]
