"""KPI phrasings read before bot/agent/vocab.py's (which is full), after bot/agent/kpi_words.py's
others: counts said with the business as the subject ("how many tickets has the garage had"),
days to someone's door, the days from first finding us to a first booking, the buying rate said
as who "went ahead and booked", and the money asked as a follow-up. The words for people and
tickets are bot/agent/owner_words.py's.
"""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE, TICKETS
from bot.agent.patterns import lazy

COUNT_TERMS: list[tuple[str, str]] = [
    # "how many support tickets has the garage had this week", "how many complaints did the
    # bakery get": the count of tickets, with the business (not "we") as the subject
    (rf"\b(?:how many|number of) (?:new )?{TICKETS} "
     r"(?:has|have|did|does) (?:the|our|my) (?:[\w'-]+ ){1,3}(?:had|got|get|gotten|received|receive|logged)\b", "tickets"),
    # "days to get a jar of honey to someone's door", "how long for a box to reach their doorstep"
    (r"\b(?:days?|long|time) (?:\w+ ){0,3}(?:to get|to reach|to land at|to arrive at|to turn up at) (?:[\w'-]+ ){0,4}?"
     r"(?:to )?(?:someone'?s|somebody'?s|people'?s|their|the customer'?s?|a customer'?s?|the|your) (?:front )?(?:door|doorstep|"
     r"house|home|letterbox)\b", "delivery_time"),
    # "days between someone first finding us and their first class": the time to a first purchase,
    # whatever the trade sells
    (rf"\b(?:days?|time|long) (?:between|from) (?:someone|somebody|a customer|a client|people|{PEOPLE}|them|(?:a|an|the) [\w-]+(?: [\w-]+)?)? ?(?:first )?"
     r"(?:finding|hearing (?:of|about)|discovering|seeing|spotting|coming across|visiting|contacting|meeting) (?:us|the [\w-]+) "
     # (lane probe17c) "... to paying for their kid's first class": the purchase's verb, whose first it was
     r"(?:and|to|till|until|before) (?:(?:paying for|buying|booking|ordering) )?(?:their|the|a) (?:[\w'-]+ )?(?:very )?first [\w-]+",
     "time_to_first_purchase"),
    # "of the folk who looked, what share went ahead and booked": the buying rate
    (r"\b(?:what|which) (?:share|percentage|%|proportion|fraction|part) (?:of (?:them|those) )?(?:went ahead and|went on to|"
     r"actually|then|ended up|did) (?:book|booked|buy|bought|order|ordered|pay|paid|purchase|purchased|booking|buying)\b",
     "purchase_conversion"),
    # "open client queries", "outstanding tenant repair requests": tickets still open, whoever
    # raised them (vocab.py reads the ones with no word between)
    (r"\b(?:open|outstanding|unresolved|unanswered) (?:[\w'-]+ ){1,2}(?:quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|"
     r"requests|complaints|tickets|cases|issues)\b", "open_tickets"),
    # "the vip segment spends unusually little", "if customer spend falls below 2000": the money
    # spent moving (an average spend or a spend per order is the basket's, read elsewhere)
    (r"(?<!average )(?<!avg )(?<!mean )(?<!typical )\b(?:spend|spends|spending|spent)\b"
     r"(?= (?:unusually|way|much|far|a lot|loads|lots|less|more|little|nothing|under|over|below|above|drops?|dips?|falls?|"
     r"fell|rises?|rose|jumps?|spikes?|climbs?|goes|went|slumps?|sinks?|surges?|tanks?)\b)", "revenue"),
    # "in pounds", "and in dollars?" after a count: the same question asked of the money
    (r"^(?:and |so |ok,? |now )?(?:in|as) (?:pounds|quid|dollars|bucks|euros|sterling|money|cash|£|\$)\s*(?:please|pls|instead)?\s*[?.!]*$",
     "revenue"),
]
COUNT_PATTERNS = [(lazy(p), code) for p, code in COUNT_TERMS]
