"""(lane probe15c) KPI sayings of a probe's trades that nothing before read, each a family of ways
owners say it: the trade's own money ("costume hire money for the 31st", "honey money this
quarter"), the trade's word for a job in an alert's threshold ("if jobs drop below 2 a day"),
customers who hired or booked again ("hired a suit off us more than twice"), people who dealt with
the business in any way ("interacted with the shop"), queries nobody has closed, the days from an
order to the goods turning up, and the typical basket growing or shrinking. Hooked into
bot/agent/kpi_words.py's KPI_PATTERNS (read after the narrower sayings, before vocab.py's nouns).
"""

from __future__ import annotations

from bot.agent.owner_words import CLOSED, PEOPLE, QUERIES
from bot.agent.patterns import lazy
from bot.agent.word_fragments import DAY_TO_QUARTER

# what a business is, after "the shop" or "the septic side"
_BUSINESS = (r"(?:us|(?:the|our|my) (?:[\w'-]+ ){0,2}?(?:shop|business|store|firm|company|site|website|web ?shop|yard|"
             r"centre|center|studio|school|salon|side|team|office|workshop|garage))")
_AGAIN = (r"(?:more than (?:once|twice|thrice|(?:\d+|[a-z]+) times)|(?:twice|(?:\d+|[a-z]+) times) or more|"
          r"at least (?:twice|thrice|(?:\d+|[a-z]+) times)|again|a second time|repeatedly)")
# money that is not what came in: given back, knocked off, owed, spent by us or saved
_NOT_TAKEN = (r"money (?:back|off)|refund\w*|owe\w*|owing|spen[dt]\w*|sav(?:e|ed|ing)|wast\w*|los[et]\w*|losing|"
              r"costs?|costing|outgoings?|expenses?|paid out|pay (?:out|back)")

OWNER_ASK_TERMS: list[tuple[str, str]] = [
    # "costume hire money for the 31st of october", "honey money for this quarter", "the van's
    # money since june": the trade's own money, the takings (a bare "money" elsewhere stays unread)
    (rf"^(?!.*\b(?:{_NOT_TAKEN})\b).*?\b(?!{PEOPLE}\b)[\w'-]+ (?P<kpi>money)\b(?=\s*(?:$|[,?.!;:]|(?:for|in|on|from|over|during|this|last|since|so far|"
     # (lane probe20a) "how much doubles money did we make today", "the chippy money we took": who made it after
     # (lane probe29a) "kopi cart money this week vs last week", "halter money this quarter against last
     # quarter": the two periods blanked, the money set against the other
     r"vs\.?|versus|v|against|compared|"
     r"yesterday|today|up|year|month|week|quarter|wise|(?:did|do|does|have|has) (?:we|i|you|the \w+)|we (?:make|made|take|took|bring|"
     # (lane probe27b) "anemone money day by day", "jam money per week": the trade's money as a series
     rf"brought)|came in|come in|coming in|{DAY_TO_QUARTER} (?:by|on|to) {DAY_TO_QUARTER}|"
     rf"(?:per|each|every|a|by the) {DAY_TO_QUARTER}|daily|weekly|monthly|quarterly)\b))", "revenue"),
    # "ping me if septic jobs drop below 2 a day", "warn me when call-outs go over 10": the trade's
    # word for its orders, in an alert's threshold (bare, "jobs" may be anything else)
    (r"\b(?P<kpi>hires|jobs|rentals|call-?outs|gigs|commissions)\b(?= (?:ever )?(?:drop|drops|fall|falls|dip|dips|go|goes|"
     r"get|gets|rise|rises|climb|climbs|jump|jumps|sink|sinks)(?: down| up)? (?:below|under|beneath|above|over|past|by|"
     r"lower than|higher than|more than|less than)\b)", "orders"),
    # "how many customers hired a suit off us more than twice", "clients who rented a van from us
    # again": the customers who came back, however they took what the trade sells
    (rf"\b(?:how many|number of|count of) (?:[\w'-]+ ){{0,2}}?{PEOPLE} (?:have |had )?(?:hired|rented|leased|booked|ordered|"
     rf"bought|used|took|taken)(?: [\w'-]+){{1,5}}? {_AGAIN}\b", "repeat_customers"),
    # "how many bird lovers interacted with the shop in any way today", "people who dealt with the
    # yard": people active with the business, however it is named
    (rf"\b(?:how many|number of|count of) (?:[\w'-]+ ){{0,3}}?(?:interact(?:ed)?|engag(?:ed|e)|dealt|had (?:any )?"
     rf"(?:contact|dealings)|been in touch) with {_BUSINESS}\b", "active_customers"),
    # "customers with a query nobody's closed off yet", "enquiries we haven't sorted yet": the
    # tickets open now
    (rf"\b{QUERIES}\b(?: [\w'-]+){{0,4}}? (?:that |which )?(?:(?:nobody|no one|noone)(?:'s| has| have)? (?:yet )?{CLOSED}|"
     rf"(?:we|you|the team)(?: have|'ve)? (?:not|haven't|have not|never) (?:yet )?{CLOSED})(?: off)?\b", "open_tickets"),
    # (lane probe20a) "customer tickets that haven't been dealt with yet", "complaints not yet sorted":
    # the same, said in the passive (never a job or repair not finished: an order's state)
    (rf"\b(?:tickets?|complaints?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|cases|issues)\b(?: [\w'-]+){{0,3}}? (?:that |which )?"
     rf"(?:still )?(?:haven't|have not|hasn't|has not|aren't|are not|isn't|is not|not|never|yet to)(?: yet| still)? "
     rf"(?:been |be |got |gotten )?(?:yet )?{CLOSED}\b", "open_tickets"),
    # (lane probe20a) "the number of stallholders who paid", "count of exhibitors that booked": people
    # counted who bought, named by the trade ("-holders", "-ers", "-ists"), never who bought again
    (rf"^(?!.*\b(?:twice|again|more than once|times|a second time|repeat)\b).*?\b(?:number|count|no\.?|total) of "
     rf"(?:different |distinct |separate |unique )?(?P<kpi>{PEOPLE}|[a-z]+(?:holders|ers|ists|ants|ents))\b (?:who|that) "
     r"(?:have |had )?(?:actually )?(?:paid|bought|ordered|booked|purchased|hired)\b", "buyers"),
    # "typical number of days from order to the stove turning up", "hours between paying and the
    # kit arriving": the time to deliver
    (r"\b(?:days|hours|weeks|how long|time) (?:from|between) (?:an? |the |their )?(?:order|ordering|purchase|buying|paying|"
     r"payment|checkout)(?: being placed| going in)? (?:to|till|until|and) (?:the |their |it |them |a |an )?(?:[\w'-]+ ){0,2}?"
     r"(?:turning up|turns up|arriv\w*|land\w*|reach\w*|show\w* up|deliver\w*|get(?:ting)? there|at the (?:door|customer))\b",
     "delivery_time"),
    # "has the typical lamp basket got bigger", "is the usual cheese order getting smaller": the
    # average order value, the trade's goods between
    (r"\b(?:typical|average|avg|usual) (?:[\w'-]+ ){1,2}?(?:basket|cart|trolley|order|spend)(?: size| value)?\b(?= (?:has |have )?"
     r"(?:got|get|gets|getting|gotten|grown|grew|growing|shrunk|shrank|shrinking|gone|going|been|become|became|is|are)"
     r"(?: any| a (?:bit|lot|little)| much)? (?:bigger|smaller|larger|up|down))", "aov"),
]
OWNER_ASK_PATTERNS = [(lazy(p), code) for p, code in OWNER_ASK_TERMS]
