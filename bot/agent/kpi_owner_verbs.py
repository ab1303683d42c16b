"""KPIs said by what the owner did, or by the wait between two things the customer did (probe
17b): "how many orders did we end up refunding", "what share of tins did we have to refund" (the
refunds, counted or as a share), and "how long from someone first finding us to buying their
first plant" (the time to a first purchase, said as the span from discovering us). Hooked in
bot/agent/kpi_words.py's KPI_PATTERNS, before vocab.py's nouns.
"""

from __future__ import annotations

from bot.agent.patterns import lazy

_SHARE = r"(?:share|percentage|%|proportion|fraction|per ?cent|how often|one in|rate)"
# the owner giving the money back, whatever led up to it: "did we refund", "we ended up refunding"
_WE_REFUNDED = (r"(?:(?:did|do|have|had|has|must|would) (?:we|i|you) |(?:we|i)(?:'ve| have| had)? )"
                r"(?:(?:end|ended|ending) up |(?:have|had|has|need|needed) to |got to |been )?"
                r"(?:refund(?:ing|ed)?|giv(?:e|ing|en) (?:the )?money back (?:on|for))\b")
# the customer's first contact with the business, said as what they did
_FOUND = (r"(?:find(?:ing|s)?|found|discover(?:ing|s|ed)?|hear(?:ing|s|d)? (?:about|of)|see(?:ing|s)?|saw|seen|"
          r"spot(?:ting|s|ted)?|com(?:e|ing|es) across|came across|stumbl(?:e|ing|ed) (?:on|across)|first visit(?:ing)?|"
          r"contact(?:ing|ed)?|(?:first )?(?:land(?:ing|s)?|arriv(?:e|ing|es)) on)")
_FIRST_BUY = r"(?:buy(?:ing|s)?|bought|book(?:ing|s|ed)?|order(?:ing|s|ed)?|pa(?:y|ying|id)|purchas(?:e|ing|ed)|spend(?:ing)?)"
OWNER_VERB_TERMS: list[tuple[str, str]] = [
    # "what % of the boxes did we end up refunding": a share of the orders refunded
    (rf"(?:\b{_SHARE}\b|%).*?\b{_WE_REFUNDED}", "refund_rate"),
    # "how many pierogi orders did we end up refunding", "jars we had to refund last month": the count
    (rf"^(?!.*(?:\b(?:share|percentage|proportion|fraction|per ?cent|how often|rate)\b|%)).*?\b{_WE_REFUNDED}", "refunded_orders"),
    # "how long from someone first finding us to buying their first cactus", "typical time
    # between hearing about us and booking": the wait before a first purchase, said as a span
    # from discovering us (never "how long from order to doorstep", a delivery)
    (rf"\b(?:how long|how many (?:days|weeks)|time|days|weeks|gap|wait)\b(?: (?:is|does) it(?: take)?| it takes)?"
     rf" (?:from|between) (?:[\w'-]+ ){{0,3}}?(?:first )?{_FOUND} (?:us|our [\w-]+|the (?:site|shop|website|page|business))\b"
     rf"(?: [\w'-]+){{0,3}}? (?:to|till|until|and|before) (?:them |they |actually |finally )?(?:[\w'-]+ )?{_FIRST_BUY}\b",
     "time_to_first_purchase"),
]
OWNER_VERB_PATTERNS = [(lazy(p), code) for p, code in OWNER_VERB_TERMS]
