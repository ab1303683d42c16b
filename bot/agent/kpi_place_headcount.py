"""Groups ranked by how many customers they have: "which state has the most customers", "what
town do most of our clients live in", "which channel brings us the fewest patients". No KPI was
named, so the planner ranked the groups by revenue (an Olist owner asking for the state with
the most customers read revenue by region); the count of customers is the number asked, as
"where do most of our customers live" already reads it (active customers). Hooked into
bot/agent/kpi_words.py's KPI_PATTERNS."""

from __future__ import annotations

from bot.agent.patterns import lazy

_PEOPLE = r"customers|clients|shoppers|patients|guests|members|students|diners|patrons"
_GROUP = r"(?:[\w-]+ ){1,2}?"
HEADCOUNT_TERMS: list[tuple[str, str]] = [
    # "which state has the most customers", "what city brought us the fewest clients"
    (rf"\b(?:which|what) {_GROUP}(?:has|had|have|gets?|got|brings?|brought|sends?|sent|gives?|gave|drives?|drove)"
     rf"(?: in| us)? (?:the )?(?:most|fewest|least|more|fewer|biggest number of|highest number of|lowest number of) "
     rf"(?P<kpi>{_PEOPLE})\b(?! (?:who|that|with|per|each)\b)", "active_customers"),
    # "which region do most of our customers come from", "what town do most clients live in"
    (rf"\b(?:which|what) {_GROUP}do (?:most|the most) (?:of )?(?:our |my |the )?(?P<kpi>{_PEOPLE}) "
     r"(?:come from|live in|live|buy from|order from|shop (?:from|in))\b", "active_customers"),
]
HEADCOUNT_PATTERNS = [(lazy(p), code) for p, code in HEADCOUNT_TERMS]
