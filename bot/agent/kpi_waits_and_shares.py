"""KPI sayings read before the others (bot/agent/kpi_words.py hooks them in first): waits said as
"how many days for the parcels to reach site" or "time for us to answer a client's first email",
shares said with the verb after them ("what share did we resolve", "share of students who booked
more than once"), "how much money the shop brought" with any subject, "how much have the tours
taken", and "average bookings per weekday" (a count per day, never the average order value)."""

from __future__ import annotations

from bot.agent.owner_words import CLOSE, DELIVERY, SHARE
from bot.agent.patterns import lazy

# Bookings said with the trade's verb, past or perfect ("have booked", "enrolled", "came in")
_CAME = (r"(?:booked|hired|rented|reserved|enrolled|signed up|visited|been in|come in|came in|been back|come back|came back|"
         r"returned|ordered|bought|purchased|shopped)")
_AGAIN = r"(?:more than once|twice or more|at least twice|more than one time|a second time|again)"
# What a support desk answers, never a trade's jobs or calls (which are its orders as often)
_ASKED = r"(?:tickets?|complaints?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|support requests?|cases?|issues?|problems?)"
_WE = r"(?:we|you|the team|they|staff|support|the desk)"
_MANAGED = r"(?:actually |finally |fully |completely |properly |manage to |managed to |get to |got to )?"
# Answering a message, and the first message itself
_ANSWER = r"(?:answer|reply to|respond to|get back to|pick up|acknowledge|come back to)"
_FIRST_MESSAGE = (r"(?:first|new|initial|opening) (?:e-?mails?|messages?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|requests?|"
                  r"tickets?|dms?|texts?|contacts?)")
_MONEY = r"(?:money|cash|dosh|moolah|dough|brass|bread|revenue|takings)"
_BROUGHT = (r"(?:brought|bring|bringing|fetch(?:ed)?|collect(?:ed)?|earn(?:ed)?|pull(?:ed)? in|rak(?:e|ed) in|tak(?:e|en) in|"
            r"took in|generat(?:e|ed))")
# One order counted the trade's way ("sales" is money as often, "sessions" are visits)
_BOOKINGS = r"(?:orders|bookings|purchases|hires|rentals|jobs|appointments|reservations|classes|lessons|tours)"
_PER_TIME = (r"(?:per|a|each|by|every|on an?) (?:single )?(?:day|weekday|week ?day|day of the week|hour|hour of the day|week|month|"
             r"night|evening|morning)")

_TERMS: list[tuple[str, str]] = [
    # "what share of fencers have booked more than once", "percentage of members who came in
    # again": the repeat rate, in the trade's verb
    (rf"(?<!\w){SHARE} of (?:[\w'-]+ ){{0,4}}?(?:(?:who|that|have|has|had|'ve|ever|actually) )*{_CAME}\b(?: [\w']+){{0,3}}? "
     rf"{_AGAIN}\b", "repeat_purchase_rate"),
    # "of the tickets raised this month, what share did we resolve", "what percentage of support
    # cases did we sort out": the share closed, the doer named before the verb
    (rf"\b{_ASKED}\b[^.?!]{{0,50}}?(?<!\w){SHARE}(?: of (?:them|those|these))? (?:did|have|has|had|do) {_WE} "
     rf"{_MANAGED}{CLOSE}\b|"
     rf"(?<!\w){SHARE} of (?:the |our |all |those |these )?(?:[\w-]+ ){{0,2}}?{_ASKED} (?:[\w'-]+ ){{0,4}}?(?:did|have|has|had|do) "
     rf"{_WE} {_MANAGED}{CLOSE}\b", "resolution_rate"),
    # "of the complaints logged last week how many did we close": the count closed
    (rf"\b{_ASKED}\b[^.?!]{{0,50}}?\bhow many(?: of (?:them|those|these))? (?:did|have|has|had) {_WE} {_MANAGED}{CLOSE}\b",
     "resolved_tickets"),
    # "how many days for hi-vis parcels to reach site", "time till the hampers land": the wait
    # for a delivery, the goods named before their arrival
    (rf"\b(?:days?|time|hours?|weeks?|long) (?:it takes? |does it take |did it take |on average |typically |usually )?"
     rf"(?:for|till|until|before) (?:the |our |a |an |their |each |my |your )?(?:[\w-]+ ){{0,2}}?(?:{DELIVERY}|orders?|goods|stock) "
     r"(?:to )?(?:reach|arrive|get (?:to|there)|land|turn up|show up|be delivered|get delivered)\w*", "delivery_time"),
    # "how many days for the wetsuits to be delivered": whatever the goods are, delivered
    (r"\b(?:days?|time|hours?|weeks?|long) (?:it takes? |does it take |did it take |on average |typically |usually )?"
     r"(?:for|till|until|before) (?:the |our |a |an |their |each |my |your )?(?:[\w-]+ ){1,3}?(?:to )?(?:be|get|gets|got) delivered\b",
     "delivery_time"),
    # "median time for us to answer an applicant's first email", "time it takes us to respond to a
    # new enquiry": the first reply
    (rf"\b(?:time|long|quickly|fast|hours?|minutes?) (?:it takes |does it take |did it take |do we take |we take )?"
     rf"(?:for us |us |the team |staff )?(?:to|till we|until we|before we) (?:first )?{_ANSWER} (?:[\w'-]+ ){{0,3}}?"
     rf"{_FIRST_MESSAGE}\b", "first_response_time"),
    # "median time before we first get back to a customer's email", "how long till we first reply
    # to a booking request": the first reply, "first" said of the answering
    (rf"\b(?:time|long|quickly|fast|hours?|minutes?) (?:it takes |does it take |did it take |do we take |we take )?"
     rf"(?:for us |us |the team |staff )?(?:to|till we|until we|before we|before the team|before staff) first {_ANSWER} (?:[\w'-]+ ){{0,3}}?"
     r"(?:e-?mails?|messages?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|requests?|tickets?|dms?|texts?|customers?|clients?|"
     r"people|them|someone|anyone)\b", "first_response_time"),
    # "median days from order to mailbox", "time from checkout to doorstep": the wait for a delivery,
    # said as where it starts and where it lands
    (r"\b(?:days?|time|hours?|weeks?|long) (?:it takes )?from (?:the |an? )?(?:order(?:ing)?|purchase|buying|checkout|dispatch|"
     r"payment|paying|posting) (?:to|till|until) (?:the |their |a |an )?(?:mailbox|letterbox|letter box|doorstep|door|doormat|"
     r"postbox|post box|delivery|arrival|arriving|landing|site|hands)\b", "delivery_time"),
    # "how much money the barista course brought since october", Pidgin "how much money e don
    # bring": the money taken, whoever brought it
    (rf"\bhow much {_MONEY} (?:(?:has|have|did|does|do) )?(?:[\w'-]+ ){{0,4}}?(?:(?:has|have|had|did|don|do) )?{_BROUGHT}\b",
     "revenue"),
    # "how much have the tours taken since october", "how much did the festival take on the gate":
    # the money taken, the trade's nouns (tours, classes) being the takers, never the orders counted
    (r"\bhow much (?:money |cash )?(?:did|has|have) (?:the |our |my )(?:[\w'-]+ ){1,4}?(?:take|taken|make|made|earn|earned)"
     r"(?: (?:on|at) the (?:door|gate|till|bar|counter|stall|desk|night))?\b(?! (?:to|for|on|of|up|off|out|place|part|long|time)\b)",
     "revenue"),
    # "average orders per weekday", "average bookings a day": a count per day or hour
    (rf"\baverage (?:number of )?{_BOOKINGS}(?= {_PER_TIME}\b)", "orders"),
]

WAIT_AND_SHARE_PATTERNS = [(lazy(p), code) for p, code in _TERMS]
