"""KPIs owners tell as a little story rather than name, read last of bot/agent/kpi_words.py's
KPI_PATTERNS (before bot/agent/vocab.py's nouns, which would read their order words as orders):
the wait from someone ordering to the goods landing at their door, the trade's orders that were
cancelled or refunded with the trade's words between, people looking at the website, how the
trade's money has gone, whether the business took more or less, and quotes that turned into paid
work. Probe 16b's trades (a propane round, a coal merchant, a mural painter, a dating agency, a
tarot reader, a staircase maker) said them this way; the patterns read the family, not the trade.
"""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.trade_words import UNITS

# the trade's own nouns for its orders, and the plain ones
_ORDERS = "(?:" + "|".join(sorted((*UNITS, "orders", "purchases", "sales", "drops", "readings", "refills"),
                                  key=len, reverse=True)) + ")"
# what comes after a money verb when the money itself is what is asked ("did we take more in Q3")
_AFTER_MONEY = (r"(?=\s*(?:$|[,?.!;:]|(?:in|on|than|this|last|over|during|from|at|for|so|pon|yesterday|today|"
                r"overall|compared|versus|vs)\b))")

STORY_TERMS: list[tuple[str, str]] = [
    # "how many days from someone ordering a propane refill to it landing at their door", "how
    # long from a customer paying to the parcel reaching their doorstep": the time to deliver,
    # told from the order to its arrival with the buyer and the goods named between
    (r"\b(?:days|hours|weeks|how long|time|wait)\b(?: [\w'-]+){0,4}? from (?:[\w'-]+ ){0,2}?(?:order(?:ing|s|ed)?|"
     r"buy(?:ing|s)?|bought|pay(?:ing|s)?|paid|check(?:ing|s|ed)? out)\b(?: [\w'-]+){0,4}? (?:to|till|until|before) "
     r"(?:[\w'-]+ ){0,3}?(?:land(?:ing|s|ed)?|arriv\w*|reach\w*|turn(?:ing|s|ed)? up|show(?:ing|s|ed)? up|"
     r"get(?:ting|s)? (?:there|to (?:them|the door|their door))|(?:on|at) (?:their|the) (?:door\w*|porch|gate))\b",
     "delivery_time"),
    # "cancelled coal orders each quarter", "cancelled bike hires", "refunded paint orders": the
    # outcome, the trade's word between it and the orders (vocab.py reads "cancelled orders")
    (rf"\b(?P<kpi>cancel+ed (?:[\w'-]+ ){{1,2}}?{_ORDERS})\b", "cancelled_orders"),
    (rf"\b(?P<kpi>refunded (?:[\w'-]+ ){{1,2}}?{_ORDERS})\b", "refunded_orders"),
    # "what time of day do people look at the mural site most", "which day do folk scroll
    # through our web shop": the visits to the site, however the looking is said (not "of everyone
    # who looked at the site, what share booked": the people a conversion is of)
    (r"^(?!.*\b(?:share|percent\w*|fraction|proportion|ratio|convert\w*|went on|go(?:es)? on|end(?:ed|s)? up|actually|"
     r"then)\b).*?\b(?<!who )(?<!that )(?<!which )(?P<kpi>(?:look(?:s|ed|ing)? (?:at|on|around|through)|scroll(?:s|ed|ing)? (?:through|on)|poke(?:s|d)? around(?: on)?|"
     r"poking around(?: on)?|hang(?:s|ing)? (?:out |around )?on) (?:the |our |my )?(?:[\w'-]+ ){0,2}?"
     r"(?:web ?site|site|web ?shop|online (?:shop|store)))\b", "sessions"),
    # "how has membership fee money gone month by month", "how's the hire cash been doing": the
    # trade's money, asked how it went (a bare "money" elsewhere stays unread)
    (r"\bhow(?:'s| has| have| is| did) (?:the |our |my )?(?:[\w'-]+ ){0,3}?(?P<kpi>money|cash|dosh)\b(?= (?:gone|been|done|"
     r"doing|going|looked|looking|moved|moving|tracked|tracking|trended|trending|held up|performed)\b)", "revenue"),
    # "did we take more in Q3 than Q2", "did the bus bring in less last month": the money the
    # business took, its verb without a noun, asked up or down
    (r"\bdid (?:we|i|the (?:[\w'-]+ ){0,2}?(?:shop|business|store|studio|firm|side|bus|van|clinic|yard|salon|company)) "
     r"(?P<kpi>(?:take|bring in|make|earn|pull in|rake in|turn over) (?:a (?:bit|lot|little) |any |much )?(?:more|less)"
     rf"(?: money| cash)?){_AFTER_MONEY}", "revenue"),
    # "did more quotes turn into paid staircases", "what share of quotes turned into actual jobs",
    # "quote-to-paid": the step from the quote to paying (not customers' quotes about something)
    (r"\b(?P<kpi>quotes? (?:(?:that|which) )?(?:get |got |were |are )?(?:turn(?:s|ed|ing)?|convert(?:s|ed|ing)?|go(?:es)? on|went on|"
     r"became|become) (?:in)?to (?:be )?(?:an? )?(?:paid|actual|real|confirmed|firm|booked|won)\b(?: [\w'-]+)?|"
     # (lane probe26a) not "quote-to-job turnover", "quote-to-order takings": the money those jobs brought
     r"quote[- ]to[- ](?:paid|sale|order|booking|job)s?(?: rate| ratio| conversion)?)"
     r"(?! (?:turnover|takings|money|revenue|income|cash|sales|earnings)\b)", "conversion_purchase"),
]
STORY_PATTERNS = [(lazy(p), code) for p, code in STORY_TERMS]
