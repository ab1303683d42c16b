"""The money asked with no KPI word (lane probe26a, from blind25's and probe26a's misses): owners
ask what the business "cleared", "banked", "rang up", what a line "brought us", how much "dosh"
came in or what clients "forked out", and a total "sale value". Each is the revenue. Hooked into
bot/agent/kpi_words.py's KPI_PATTERNS among the first, so that the verb's object ("the crates",
"the till") is not read as a count of its own.
"""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE
from bot.agent.patterns import lazy

# money named in slang: the noun itself is the money
_SLANG_MONEY = r"(?:dosh|wonga|moolah|dough|brass|lolly|loot|bucks|quid|readies|bread|coin|cash|money)"
# what the asker is: the business, or a part of it named by its trade ("the cobnut stall", "the till")
_WHO = r"(?:we|i|you|(?:the|our|my) (?:[\w'-]+ ){0,3}?[\w'-]+)"
# the money verbs with no noun after them (never "clear up", "clear out", "bank holiday")
_VERB = (r"(?:clear|cleared|bank|banked|ring up|rung up|rang up|pull in|pulled in|rake in|raked in|bring in|brought in|"
         r"bring us|brought us|bring (?:in )?for us|net|netted|gross|grossed)")
# what follows when nothing else is asked: the end, or a period
_DONE = r"(?=\s*(?:[?.!,;]|$|(?:on|for|at|from|over|during|in|this|last|so far|since|today|yesterday|all|overall|total|altogether)\b))"

MONEY_VERB_TERMS: list[tuple[str, str]] = [
    # "how much did we clear today", "how much we bank this year", "how much did the till ring up",
    # "how much the crates bring us since october": the money in, said as what the business did
    (rf"\bhow much (?:(?:did|do|does|have|has|had) )?{_WHO} (?:actually |really |roughly |all in |in total )?{_VERB}\b{_DONE}",
     "revenue"),
    # "hw much dosh did we get in q3", "how much wonga have we made": the slang noun is the money
    (rf"\bhow much {_SLANG_MONEY} (?:did|do|does|have|has|had) {_WHO} (?:get|got|make|made|take|took|taken|earn|earned|"
     r"pull in|pulled in|rake in|raked in|bring in|brought in|clear|cleared|bank|banked)\b", "revenue"),
    # "what did clients fork out in total", "how much have the regulars shelled out": what the
    # customers paid, in the verb they pay with
    (rf"\b(?:what|how much) (?:money )?(?:did|do|does|have|has|had) (?:the |our |my )?(?:[\w'-]+ )?(?:{PEOPLE}|they|folks?) "
     r"(?:fork(?:ed)?|shell(?:ed)?|splash(?:ed)?) out\b|\b(?:what|how much) (?:did|do|does|have|has|had) "
     rf"(?:the |our |my )?(?:[\w'-]+ )?(?:{PEOPLE}|they|folks?) cough(?:ed)? up\b", "revenue"),
    # "the total sale value of cumin", "sales value last month": the money the sales came to
    # (lane probe29b) never the average one: "avg sale value" is the average order value
    (r"(?<!average )(?<!avg )(?<!mean )\b(?:total |gross )?sales? value\b", "revenue"),
    # Caribbean and Scots asks with "did" left out: "what the eggnog dairy take last week" (after
    # bot/agent/other_englishes.py spells "wha di ... tek" out): the money the business took
    (r"^(?:how much|what) (?:the|our|my) (?:[\w'-]+ ){1,3}?(?:take|make|made|took)(?: in)?"
     r"(?=\s*(?:[?.!,;]|$|(?:on|for|at|over|during|in|this|last|so far|since|today|yesterday)\b))", "revenue"),
    # "does saturday earn enough to open", "do sundays pull in enough dosh", "is friday the big
    # earner": the money a day brings, weighed
    (r"\b(?:earn|earns|earned|make|makes|made|take|takes|took|bring in|brings in|brought in|pull in|pulls in|pulled in|"
     # (lane probe29a) not the count said after it: "do mondays bring in enough halter orders to bother opening"
     r"rake in|rakes in) (?:us )?enough\b(?! (?:[a-z'-]+ ){0,2}?(?:(?!(?:sales|takings|funds|earnings|profits|pounds|quid|bucks|"
     r"dollars|euros|rands|cedis|naira|shillings)\b)[a-z-]{2,}[^s\W]s|" + PEOPLE + r")\b)|\b(?:big|biggest|top|best|main|real|star) (?:earner|money-?maker)\b", "revenue"),
]
MONEY_VERB_PATTERNS = [(lazy(p), code) for p, code in MONEY_VERB_TERMS]
