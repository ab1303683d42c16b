"""KPIs said by what the customers did, in a trade's verbs, which the older phrasing lists do not
read (probe 15a): the repeat head count as people who "ate at the shack", "stayed", "hired a
kiln" or "had a treatment" N or more times; goods that "got to people by the day we promised"
(on time); and the buyers named in a list beside another KPI ("revenue and buyers", "orders,
buyers and aov"), where a bare "buyers" is otherwise a group of people, not a count. Hooked into
bot/agent/kpi_words.py's KPI_PATTERNS (read before vocab.py's nouns).
"""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE
from bot.agent.patterns import lazy

# What a trade's customer does each time they come: eat, stay, hire, ride, have a treatment.
# Never a complaint, a review or a ticket (a count of those is not repeat buying).
_DID = (r"(?:eaten|ate|dined|stayed|been|come|came|hired|rented|ridden|rode|played|trained|flown|sailed|camped|"
        r"skated|swum|swam|danced|raced|climbed|surfed|bowled|golfed|cycled|paddled|dived|jumped|used us|used the \w+|had (?:an? |their |the )?[\w-]+|taken (?:an? |the )?[\w-]+|"
        r"signed up|enrol+ed|joined us|shopped with us|"
        # "bought pasties off us", "booked a boat with us", "got their logs from us": the goods between
        r"(?:bought|ordered|booked|got|picked up|collected) (?:[\w'-]+ ){0,3}?(?:off|from|with) us|"
        # "bought oil from us 3 times or more", "booked with us three or more times", "purchased 4+ times"
        r"(?:bought|ordered|purchased|booked)(?: (?:[\w'-]+ ){0,2}?(?:off|from|with) us)?)")
# how often: "3 or more times", "more than twice", "at least four times" (the count itself is
# bot/agent/analytics_tools.py's min_orders)
_OFTEN = (r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?:or more times|times or more)|more than (?:twice|thrice|(?:\d{1,2}|two|"
          r"three|four|five|six|ten) times)|at least (?:twice|thrice|(?:\d{1,2}|two|three|four|five|six|ten) times)|"
          r"twice or more|multiple times|more than once|\d{1,2} ?\+ times|\d{1,2} plus times")
# where the goods end up, said as the people or their door
_WHO_GETS = (r"(?:people|customers|clients|folks?|them|buyers|members|subscribers|families|households|(?:their|the) "
             r"(?:doors?|doorsteps?|homes?|houses?|tables?))")
# the KPIs an owner lists "buyers" beside
_LISTED = (r"(?:revenue|takings|turnover|sales|income|orders|bookings|aov|average (?:order|spend|basket)(?: value)?|"
           r"refunds|cancell?ations|visitors|sessions|new visitors|churn|nps|csat)")
_BUYERS = r"(?:paying customers|buyers|purchasers|payers|buyer (?:count|numbers?))"

DEED_TERMS: list[tuple[str, str]] = [
    # "how many punters have eaten at the shack 3 or more times", "guests who stayed with us more
    # than twice, how many": the repeat customers, at that many orders
    # (never trouble counted: "been in touch", "had a problem", "had a refund" 3 or more times)
    (rf"^(?!.*\b(?:fraction|share|percentage|proportion|per ?cent|rate|ratio|complain\w*|complaints?|problems?|issues?|"
     rf"faults?|refund\w*|returns?|returned|tickets?|touch|late|cancell?\w*|reviews?)\b|.*%).*?\b(?P<kpi>(?:how many (?:of (?:our |the )?)?"
     rf"(?:[\w'-]+ ){{0,2}}?{PEOPLE}|{PEOPLE} (?:who|that))(?:'ve| have| had| has)? (?:actually |already )?{_DID}\b"
     rf"(?: [\w'-]+){{0,4}}? (?:{_OFTEN}))\b", "repeat_customers"),
    # "what share of egg trays got to people by the day we promised", "boxes that made it to
    # customers on the agreed date": on time, the goods' arrival said as who got them
    (rf"\b(?:got|get|gets|getting|made it|make it|went out) to (?:the |our )?{_WHO_GETS} (?:[\w-]+ ){{0,2}}?"
     r"(?:(?:by|before|on|when) (?:the )?(?:date |day |time )?(?:we |they were |it was |you )(?:promised|said|quoted|agreed|gave)|"
     r"(?:by|before|on) (?:the |their )?(?:promised|agreed|quoted|due|expected|scheduled) (?:date|day|time))\b", "on_time_delivery"),
    # (lane tune31) "how many customers took paan from us over the past 6 months", "how many folk got a
    # haircut off us": the people who bought, the goods between (not a refund, a reply or a repeat count)
    (rf"\bhow many (?:(?:of )?(?:the |our )?)?(?:[\w'-]+ ){{0,2}}?{PEOPLE} (?:have |had |'ve )?(?P<kpi>(?:took|taken|got|gotten|picked up|"
     r"collected|grabbed|bought|ordered|had)) (?!(?:an? |their |the |any )?(?:refunds?|money|complaints?|replies|reply|answers?|"
     r"emails?|messages?|calls?|letters?|surveys?|discounts?|vouchers?)\b)(?:[\w'-]+ ){0,3}?(?:off|from|with) us\b"
     rf"(?! (?:again|{_OFTEN}))", "buyers"),
    # "revenue and buyers, q3 against q2", "orders, buyers and aov this month": buyers counted
    # beside the other KPIs listed (ps27: or first in a list of commas, "buyers, lessons and takings") (never "likely buyers", "top buyers", "buyers from instagram")
    (rf"\b{_LISTED}(?:,? (?:and|&|plus|\+)|,) (?:the )?(?:number of |no\.? of )?(?P<kpi>{_BUYERS})\b", "buyers"),
    (rf"(?:^|[:,;] )(?:(?:how many|the|our|number of) )?(?P<kpi>{_BUYERS})(?:,? (?:and|&|plus|\+)|,) (?:the |our )?{_LISTED}\b", "buyers"),
]
DEED_PATTERNS = [(lazy(p), code) for p, code in DEED_TERMS]
