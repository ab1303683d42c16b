"""KPIs said in the trade's own words (lane ps10, from blind17's misses): the money one order
brings ("average lot price", "avg takeaway bill": the average order value), the money a unit
brings in ("fare money", "case fees": revenue), the people who pay ("clients paying us": the
buyers), the visits that end in a booking or after one page, people hitting the site, the share
of people booking again, work done on the day promised, and the days from an order to the door
or from first hearing of us to the first purchase. Hooked in bot/agent/kpi_words.py's
KPI_PATTERNS first, so that a trade noun in these sayings is not read as its count.
"""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE
from bot.agent.patterns import lazy
from bot.agent.trade_words import UNIT, UNIT_ONE

_SHARE = r"(?:(?<!\w)%|\b(?:percent(?:age)?|per ?cent|share|proportion|fraction|ratio|part)\b)"
# what a price or fee is when it is not what the customer paid for the order
# (and the bills we pay ourselves: "our average electricity bill" is no order's worth)
_NOT_SALE = (r"(?:delivery|shipping|postage|postal|courier|card|bank|transaction|processing|platform|late|admin|cancellation|ticket|support|"
             r"electric\w*|gas|energy|phone|water|utility|utilities|power|heating|tax|broadband|supplier|wages?|staff|rent|council|insurance)")
_VISITS = r"(?:(?:web ?site |site |online |web |shop |store )?(?:visits|sessions))"
_SALE = r"(?:purchase|sale|order|booking|buy|enquiry|reservation)s?"
TRADE_MONEY_AND_VISIT_TERMS: list[tuple[str, str]] = [
    # "average lot price", "avg takeaway bill", "the mean fee per ceremony": what one order brings
    (rf"\b(?:average|avg|mean|typical)\b (?:(?!{_NOT_SALE}\b)[\w-]+ ){{0,2}}?(?:price|fee|bill|tab|spend|cheque|check)s?\b"
     r"(?! (?:increase|rise|change)s?\b)(?! (?:we|i) (?:pay|paid)\b)", "aov"),
    # "fare money", "lesson money", "case fees", "tuition fees": the money the units bring in
    (rf"\b(?:{UNIT}|{UNIT_ONE}) money\b|\b(?<!average )(?<!avg )(?:{UNIT_ONE}|case|client|tuition|course|consultancy|entry) fees\b|"
     r"\bfee income\b|"
     # (lane ps25) "ticket money", "door money", "gate takings": the money taken for entry (never a
     # support ticket's)
     r"\b(?<!support )(?<!helpdesk )(?<!help desk )(?:tickets?|door|gate|box[- ]office|entry|admissions?) (?:money|cash|takings)\b", "revenue"),
    # "payroll clients paying us", "how many members paying me each month": the people who paid
    (rf"\b{PEOPLE} (?:(?:who|that) (?:are |were )?)?(?:paying|paid|pay) (?:us|me)\b(?! (?:[\w-]+ ){{0,2}}?(?:twice|again|more than|more often|repeatedly|a second|another|\d+ times|"
     rf"(?:two|three|four|five) times))|\bpaying {PEOPLE}\b", "buyers"),
    # "how did the number of people coming to the studio change": the people active with us
    (rf"\b(?:number of|how many|count of) {PEOPLE} (?:(?:who|that) )?(?:coming|come|came|comes) (?:in)?to (?:the |our |my )"
     r"(?!(?:web ?)?site\b|website\b|page\b|shop online\b)[\w-]+\b", "active_customers"),
    # "yesterday's till vs the saturday before": the till is the takings
    # (a period's own till only: "at the till", "the till was down" are the shop counter; a period said
    # first is blanked: "last friday's till" leaves the till first, after spaces)
    (r"(?:'s|^\s+) ?till\b(?! (?:we|i|you|they|the|it|then|now)\b)", "revenue"),
    # (lane probe21b) "october's pedalo till up against september's", "saturday's cafe till vs the one
    # before": the period's own till with the trade's word before it, set against another
    (r"(?:'s|^\s+) ?(?!(?:left|long|time|days?|weeks?|hours?)\b)[a-z-]+ till(?= (?:up|vs\.?|versus|against|compared|next to|beside|alongside|"
     r"and|on|over|with)\b|\s*[,?.!]|\s*$)", "revenue"),
    # "what % of my website visits ended in an event booking": the share of visits that bought
    (rf"{_SHARE} (?:of )?(?:(?:my|our|the|all) )?{_VISITS} (?:that |which )?(?:end|ended|ending|ends|turn|turned|result|resulted|"
     rf"lead|led|convert|converted)(?: up)?(?: in| into| to| with| as)? (?:an? )?(?:[\w-]+ )?{_SALE}\b", "session_conversion"),
    # "share of site visits ended after a single page": the bounce rate
    (rf"{_SHARE} (?:of )?(?:(?:my|our|the|all) )?{_VISITS} (?:that |which )?(?:end|ended|ending|ends|stopped|finished|left) "
     r"(?:after|on|at) (?:a single|one|only one|just one|the first|the one) page\b", "bounce_rate"),
    # "what time of day do people hit the portfolio site": the visits
    # (not new people: "new visitors hit the site" are the new visitors)
    (rf"\b(?<!new )(?<!first-time )(?:{PEOPLE}|visitors) (?:hit|hits|visit|land on|come to|come on|go on|get on|browse) (?:the |my |our )?(?:[\w-]+ )?"
     r"(?:web ?site|site|online shop)\b", "sessions"),
    # (lane real25) "which region brings the most visitors", "which city sends us the most visits",
    # "which source drives the most traffic": a group ranked by the visits it brings (never the money)
    (r"\b(?:brings?|brought|bringing|sends?|sent|sending|drives?|drove|driving|gets?|got|getting|has|had) (?:us |in )?(?:the )?"
     r"(?:most|fewest|least|more|fewer|biggest|highest|lowest) (?:(?:web ?site|site|online|web) )?(?:visits|visitors|traffic)\b", "sessions"),
    # "the % of teams booking again": the share who bought more than once
    (rf"{_SHARE} (?:of )?(?:(?:my|our|the|all) )?(?:[\w-]+ )?[a-z]+s (?:who |that )?(?:are )?(?:booking|ordering|buying|booked|"
     r"ordered|bought|shopping|shopped|coming back|came back) (?:with us )?again\b", "repeat_purchase_rate"),
    # "what % of stairlifts went in on the day we promised": work done on the day given
    (rf"^(?=.*(?:{_SHARE}|\bhow many\b)).*?\b(?:went in|go in|goes in|installed|fitted|done|finished|completed|shipped|went out|"
     r"dispatched|arrived|delivered|landed|turned up)\b (?:[\w-]+ ){0,2}?(?:by the promised date|on the (?:day|date) "
     r"(?:we |they were |it was |you )?(?:promised|agreed|quoted|said))\b", "on_time_delivery"),
    # "how many days from order to the customer's office": the time to deliver
    (r"\b(?:how many )?(?:days|hours|time|long) from (?:the |an? )?(?:order|ordering|purchase|buying|payment|checkout|dispatch)\w* "
     r"(?:to|until|till) (?:the |their |a )?(?:customer|client|door|doorstep|them|arrival|office|home|house|site)\b", "delivery_time"),
    # "days from first hearing of me to paying for their first consult": to the first purchase
    (r"\b(?:days|weeks|hours|time|long) from (?:first |them first |they first )?(?:hearing (?:of|about)|finding|discovering|seeing|"
     r"meeting|contacting|signing up|first contact|first visit|first enquiry)\b.{0,40}?\b(?:to|until|till|before) (?:their |the |they )?"
     r"(?:first )?(?:paying|pay|paid|buying|buy|bought|purchas\w*|order\w*|book\w*)\b", "time_to_first_purchase"),
    # "median hours to fully close out a client issue": the time to resolve
    (r"\b(?:hours|days|time|long) to (?:fully |finally |properly )?(?:close out|close off|close|resolve|sort out|sort|fix|settle) "
     r"(?:out )?(?:an? |the |each |every )?(?:[\w-]+ )?(?:issue|ticket|complaint|case|query|problem)s?\b", "resolution_time"),
    # "how many orders of printer paper got sent back": the orders refunded
    (rf"^(?!.*{_SHARE}).*?\b(?:how many|number of) (?:orders|parcels|deliveries|items) (?:of|for) (?:[\w-]+ ){{0,5}}?(?:got|get|were|was|have been|had been) "
     r"(?:sent|brought|taken) back\b", "refunded_orders"),
    # "what share of orders for rope and fenders got cancelled": the cancellation rate
    # (the share of orders is blanked before the KPI words are read, slot_readers.py: its spaces stand for it)
    (rf"(?:{_SHARE} (?:of )?(?:(?:my|our|the|all) )?(?:orders|bookings|jobs)|\s{{10,}}) (?:of|for|on) (?:[\w-]+ ){{0,5}}?(?:got|get|were|was|have been) "
     r"(?:cancel+ed|called off)\b", "cancellation_rate"),
]
TRADE_MONEY_AND_VISIT_PATTERNS = [(lazy(p), code) for p, code in TRADE_MONEY_AND_VISIT_TERMS]
