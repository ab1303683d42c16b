"""KPIs said in the words of trades that do jobs at the customer's place (cleaners, fitters,
guards, installers): a job done on the day promised is on time, and how long it takes to get one
complaint sorted, start to end, is the time to resolve. Hooked into bot/agent/kpi_words.py's
KPI_PATTERNS."""

from __future__ import annotations

from bot.agent.owner_words import CLOSED
from bot.agent.patterns import lazy

# what a job's trade says it did, where a shop says it delivered
_DONE = (r"(?:done|completed|finished|carried out|fitted|installed|cleaned|serviced|attended|washed|sorted|"
         r"turned up (?:for|to)|showed up (?:for|to)|got (?:done|finished|fitted|installed))")

JOB_TERMS: list[tuple[str, str]] = [
    # "what % of oven jobs were done on the day we promised", "cleans completed when we said we
    # would", "kitchens fitted by the date we agreed": on time, the promise being the day given
    (rf"\b{_DONE} (?:[\w-]+ ){{0,2}}?(?:on|by|before|for)? ?(?:the |their )?(?:day|date|time|slot) "
     r"(?:we |they were |it was |you )?(?:promised|said|agreed|quoted|booked|gave|told them)\b|"
     rf"\b{_DONE} (?:when|as) (?:we )?(?:promised|said(?: we would)?|agreed|quoted)\b|"
     # the same, once the shop's words have made it "by the promised date" (bot/agent/trade_words.py)
     rf"\b{_DONE} (?:[\w-]+ ){{0,2}}?(?:on|by|before) (?:the |their )?(?:promised|agreed|quoted|booked|due) (?:day|date|time)\b",
     "on_time_delivery"),
    # "and how long to get one fully sorted, start to end", "how long does it take to get a
    # complaint properly fixed": the time to resolve, the ticket said as "one" or by its kind
    (rf"\bhow long (?:does it take |did it take |do we take |to |till we |until we |before we )?(?:to )?get "
     rf"(?:one|a|an|each|the|every|them|it|those|these)? ?(?:[\w-]+ )?(?:fully |properly |completely |finally )?{CLOSED}\b",
     "resolution_time"),
]

JOB_PATTERNS = [(lazy(p), code) for p, code in JOB_TERMS]
