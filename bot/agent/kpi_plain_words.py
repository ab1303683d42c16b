"""KPIs in the plain words owners use when they set one period or group against another
("tickets this month against last", "reply speed", "surveys coming back", "the backlog building
up", "how many of them went on and paid"), read before bot/agent/kpi_sayings.py's. A pattern
may mark the KPI's own words as `kpi` so the words around it stay for the other readers.
"""

from __future__ import annotations

from bot.agent.owner_words import (
              BASKETS,
              BUY,
              CLOSED,
              DELIVERY,
              ORDERS,
              PEOPLE,
              PLACES,
              SHARE_OR_COUNT,
              TICKETS,
)
from bot.agent.patterns import lazy
from bot.agent.trade_words import UNIT as TRADE_UNIT
from bot.agent.word_fragments import DAY_TO_QUARTER, DAY_WEEK_MONTH

_BASKET = rf"(?:the |their |a |an |our )?{BASKETS}"
# (lane probe20c) a trade's own unit ("fares", "charters", "gigs") is cancelled like an order
_SOLD = rf"(?:{ORDERS}|{TRADE_UNIT})"
_PEOPLE_WHO = PEOPLE + r"(?: who| that)?"
_PERIODISH = (r"(?:this|last|in|over|during|per|a|each|every|since|so far|today|yesterday|week|month|year|quarter|daily|"
              r"weekly|monthly)")

PLAIN_TERMS: list[tuple[str, str]] = [
    # "has our reply speed got worse", "the speed of our replies": how soon a ticket is answered
    (r"\b(?:reply|replying|response|responding|answering) (?:speed|pace)\b|"
     r"\b(?:speed|pace) (?:of|at) (?:our |the )?(?:replies|replying|responses|responding|answering)\b", "first_response_time"),
    # "resolution hours for tickets", "resolution speed": how long a ticket takes to close
    (r"\bresolution (?:hours|days|speed|pace)\b", "resolution_time"),
    # "survey answers came back", "daily surveys coming back": responses, not customers coming back
    (r"\b(?:surveys?|questionnaires?|feedback forms?|survey (?:answers|responses|replies)|(?:nps|csat) (?:surveys?|answers))"
     r" (?:that |which )?(?:came|come|comes|coming|have come|has come|got|get|gets|getting|were|was) (?:sent )?(?:back|in)\b",
     "survey_responses"),
    # "more pressings sent back for refund", "boots brought back for a refund": refunded orders
    (r"\b(?:(?:sent|send|sending|brought|bring|taken|take|came|come|coming|went|go|going|returned) back|returned|handed back) "
     r"for (?:a |an |their )?(?:full )?(?:refunds?|money back)\b", "refunded_orders"),
    # "is the backlog of tickets building up", "the queue keeps piling up": the backlog's net
    # change (opened less closed), one way or the other
    (r"\b(?:backlog|queue|pile)s?\b(?: of (?:[\w-]+ ){0,2}(?:tickets|cases|complaints|quer(?:y|ies)|enquiries|requests|jobs|"
     r"emails|issues))? (?:is |are |has been |have been |keeps? |still |really )*(?:building|piling|stacking|mounting|"
     r"creeping|growing|shrinking|clearing)(?: up| down)?\b", "backlog_change"),
    # "tickets this month against last", "tickets per day in October": the count of tickets said
    # bare at the head of the question, a period or comparison after it (never "tickets vs
    # surveys": the two sources of feedback set side by side)
    # (a period already read is blanked out: the spaces it leaves count as one)
    (rf"^(?:[\w' &-]{{1,30}}: )?(?:how about |what about )?(?P<kpi>{TICKETS})(?= (?:{_PERIODISH})\b| {{2,}}\S)", "tickets"),
    # "people quitting their massage packages", "members giving up their memberships": customers
    # lost, the churn (a booking called off is a cancellation, not this)
    (r"\b(?:quit|quits|quitting|giv(?:e|es|ing) up|gave up|dropp(?:ing|ed) out of|leav(?:e|es|ing)|left|lapsing|lapsed|"
     r"not renewing|didn'?t renew|stopp(?:ing|ed)) (?:on )?(?:their|our|the|a) (?:[\w-]+ ){0,2}?(?:packages?|memberships?|"
     r"subscriptions?|plans?|contracts?|block bookings?|passes|season tickets?)\b", "churn_rate"),
    # "are parcels to Bedminster slower than to Southville", "do boxes for the north arrive later":
    # how long deliveries take, set place against place
    (rf"\b(?:{DELIVERY}|orders?) (?:to|for|going to|sent to|heading to)\b[^.?!]{{1,40}}?"
     r"\b(?:slower|faster|quicker|speedier|take longer|taking longer|arrive later|arriving later|arrive sooner|get there (?:later|sooner))\b",
     "delivery_time"),
    # "repeat customers by town, biggest first": the people who came back, counted (a share,
    # rate or fraction of them is the repeat purchase rate, vocab's reading), and laid side by
    # side group by group even with a rate asked too ("repeat customers per segment and the
    # repeat rate"), unless the share is of them
    (r"(?:^(?!.*\b(?:fraction|share|percentage|proportion|per ?cent|rate|ratio|how often|likely)\b|.*%).*?|"
     r"(?<!share of )(?<!percentage of )(?<!proportion of )(?=repeat[- ][\w-]+ (?:by|per|for each|in each|across(?: the)?) "
     rf"(?:{PLACES}|segments?|channels?|age|personas?)\b))"
     r"(?<![\w-])(?P<kpi>repeat[- ](?:customers|clients|buyers|guests|members|shoppers|patrons|diners|bookers))\b", "repeat_customers"),
    # "the slowest tenth of deliveries": the 90th percentile of delivery time
    (r"\b(?:slowest|longest|worst) (?:tenth|(?:ten|10) ?(?:%|percent|per ?cent)) of (?:the |our )?(?:[\w-]+ )?"
     r"(?:deliver(?:y|ies)|parcels|packages|shipments|orders)\b", "delivery_time_p90"),
    # "browse-to-checkout rate", "look to basket conversion": from browsing to the basket, the
    # decision stage's step
    (r"\b(?:browse|browsing|browser|look|looking|view|viewing)[- ]to[- ](?:check ?-?outs?|baskets?|carts?|trolleys?)"
     r" (?:rate|conver\w*|ratio|%|percentage)\b", "conversion_decision"),
    # "of the people browsing products, what share got as far as the basket": the same step,
    # said as people and how far they got
    (rf"\b(?:brows\w*|look\w* (?:at|around)|view\w*)\b[^.?!]{{0,50}}?\b{SHARE_OR_COUNT}(?: of (?:them|those|these))? "
     rf"(?:(?:got|get|gets|made|make|makes|went|go|goes) (?:it )?(?:as far as|to|on to) |reached |reach |ended up |end up )"
     rf"(?:(?:putting|adding|popping|placing) (?:[\w-]+ ){{0,2}}(?:in|into|to) )?{_BASKET}\b", "conversion_decision"),
    # "of the people who put a booking in the basket, how many went on and paid": from the
    # basket to buying, the purchase stage's step (vocab's words want "went on to")
    (rf"\b(?:put\w*|add\w*|popp?\w*|got|get|reach\w*)(?: [\w-]+){{0,3}} (?:in|into|to|as far as) {_BASKET}\b[^.?!]{{0,30}}?"
     rf"\b{SHARE_OR_COUNT}(?: of (?:them|those|these))? (?:(?:went|go|goes|going) on (?:and|to) |then |actually |ended up )+{BUY}",
     "conversion_purchase"),
    # "from the first time someone hears of us, how many days till they actually hire": from
    # first contact to the first purchase, however the purchase is said
    (r"\b(?:from|since) (?:the )?first (?:time )?(?:\w+ ){0,3}(?:hears?|heard|finds?|found|sees?|saw|contacts?|visits?|meets?)"
     r"\b[^.?!]{0,40}?\bhow (?:many days|many weeks|long)\b[^.?!]{0,20}?\b(?:till|until|before|to) (?:they |people |customers )?"
     r"(?:actually |finally |first )?(?:buy|book|order|hire|purchase|pay|sign)\w*", "time_to_first_purchase"),
    # "from first contact to first booking, how many days on average": the same time, its two
    # ends named first
    (r"(?=.*\b(?:days?|weeks?|how long|time|wait)\b)(?:.*?\b)?(?P<kpi>from (?:the |their |a )?first (?:contact|visit|touch\w*|"
     r"enquiry|inquiry|click|look|call|hearing of us|message)\b[^.?!]{0,30}?\b(?:to|till|until) (?:the |their |a )?first "
     r"(?:[\w-]+ )?(?:booking|order|purchase|sale|job|payment|appointment)\b)", "time_to_first_purchase"),
    # "how many of the 18-24 crowd bought something last month", "how many customers from the
    # 35-44 age band bought this quarter": a head count of people who bought, not a repeat count
    # (a group of them, "of the ..." or "from the ... band": "how many people bought anything" with
    # no group is the share that bought, vocab's reading)
    (r"^(?!.*\b(?:twice|again|more than once|times|a second time|repeat|went on|go on|end(?:ed)? up)\b).*?\bhow many "
     r"(?:of (?:the |our |my |those )(?:[\w-]+ ){0,5}?(?:crowd|lot|bunch|group|band|bracket|customers|clients|people|shoppers|"
     r"guests|punters)|(?:[\w-]+ )?(?:customers|clients|people|shoppers|guests|punters) (?:from|in|aged) (?:the )?(?:[\w-]+ ){1,3}?"
     r"(?:band|bracket|group|range|crowd|lot)) (?:have |had )?(?:actually )?"
     r"(?:bought|ordered|booked|purchased|paid for)(?: (?:something|anything|this|last|in|over|during|since)\b| {2,}|\s*[?.!,]|$)",
     "buyers"),
    # "of folks who got to checkout this week, what % paid", "basket-to-paid rate": from the
    # basket to paying, said with the basket first and the paying after the share
    (rf"\b(?:(?:got|get|gets|made it|went|go) (?:to|as far as)|reached|reach) {_BASKET}\b[^.?!]{{0,40}}?(?<!\w){SHARE_OR_COUNT}(?!\w)"
     rf"(?: of (?:them|those|these))? (?:then |actually |went on to |ended up )?{BUY}|"
     r"\b(?:baskets?|carts?|trolleys?|check ?outs?)[- ]to[- ](?:paid|payment|purchase|sale|order|buy|booking)s? "
     r"(?:(?:rate|conver\w*|ratio|percentage)\b|%)", "conversion_purchase"),  # "%" is no word: no \b after it
    # "share of browsers who moved on to the basket stage": browsing to the basket, as a share
    (rf"\b{SHARE_OR_COUNT} of (?:the )?(?:browsers|lookers|visitors|viewers|people browsing|window shoppers) (?:who |that )?"
     r"(?:moved|move|went|go|got|get|made it|progressed|carried) (?:on )?(?:to|into|through to|as far as) "
     rf"(?:the |a )?{BASKETS}(?: stage| step| page)?\b", "conversion_decision"),
    # "out of the tickets opened this month what share are resolved": the resolution rate
    (rf"\b{TICKETS}\b[^.?!]{{0,40}}?\b{SHARE_OR_COUNT}\b(?: of (?:them|those|these))? (?:are|were|have been|got|get|has been|is) "
     rf"(?:now |since |already )?{CLOSED}\b", "resolution_rate"),
    # "net change in the ticket backlog", "how much did the queue of cases grow": opened less closed
    (r"\b(?:net )?(?:change|movement|shift|growth) (?:in|of) (?:the |our )?(?:(?:support |ticket |case |complaint )?"
     r"(?:backlog|queue)|open (?:tickets|cases))\b", "backlog_change"),
    # "how many roofing tickets came in": tickets logged, with the trade's word before them
    # (lane ps7) "how many queries came in", "how many fault tickets have tenants raised": the same,
    # with people as the subject of the raising
    (r"\bhow many (?:[\w-]+ ){0,2}(?:tickets|support requests|complaints|support cases|queries|enquiries|inquiries) "
     # (lane probe22c) "how many support tickets have landed this week": arriving needs no "in"
     r"(?:have |has )?(?:(?:came|come|rolled) in|(?:arrived|landed)(?: in)?)\b|"
     r"\bhow many (?:[\w-]+ ){0,2}(?:tickets|support requests|complaints|cases|queries|enquiries|inquiries) (?:have|has|did) "
     r"(?:[\w'-]+ ){1,2}(?:raised|raise|logged|log|opened|open|filed|file|submitted|submit|reported|report)\b", "tickets"),
    # "customers who came back for more, how many": the repeat head count (a share of them is
    # the repeat purchase rate)
    (rf"^(?!.*\b(?:fraction|share|percentage|proportion|per ?cent|rate|ratio)\b|.*%).*?\b{_PEOPLE_WHO} (?:came|come|"
     r"have come|coming) back (?:for more|again|a second time)\b(?=.*\bhow many\b)|"
     rf"^(?!.*\b(?:fraction|share|percentage|proportion|per ?cent|rate|ratio)\b|.*%)\bhow many {_PEOPLE_WHO} "
     r"(?:came|come|have come) back (?:for more|again|a second time)\b", "repeat_customers"),
    # "recommend-to-friend score", "would-recommend score": the NPS
    (r"\b(?:recommend|recommend[- ]to[- ](?:a[- ])?(?:friends?|mates?|others)|would[- ]recommend|referral)[- ]"
     r"(?:score|rating|number)\b", "nps"),
    # (lane probe20c) "how has would-recommend gone", "the likely-to-recommend figure": the NPS, named by its question
    # (split by a group it is satisfaction_by's measure: "would-recommend broken down by segment")
    (r"\b(?:would|likely)[- ](?:to[- ])?recommend\b(?![- ](?:score|rating|number))"
     # (lane probe21a) split by a group satisfaction_by lacks ("per acquisition channel", "per town") it is still the NPS, for movers
     r"(?!.{0,30}\b(?:(?:broken down|split|per)(?! (?:by |into |across )?(?:the |each )?(?:acquisition|first[- ]touch|towns?|cit(?:y|ies)|"
     r"regions?|age|areas?|personas?)\b)|by (?:segments?|channels?|stages?|categor(?:y|ies)|products?|lines?))\b)", "nps"),
    # "whats in the till today", "what's in the register": the takings
    (r"\b(?:what'?s|what is|how much(?: is| money(?: is)?)?|what went) (?:gone )?in(?:to)? (?:the |our )?(?:till|tills|"
     r"register|cash register|cash box|cash drawer|kitty)\b", "revenue"),
    # "bookings cancelled last month, how many", "how many orders got cancelled": the count
    # (a share of them is the cancellation rate)
    (rf"^(?!.*\b(?:fraction|share|percentage|proportion|per ?cent|rate|ratio)\b|.*%).*?\b(?:[\w-]+ )?(?:{_SOLD}) "
     r"(?:got |were |was |been |that got |that were )?(?:cancell?ed|called off)\b", "cancelled_orders"),
    # "share of orders that were cancelled", "what % of the lessons got called off": the rate
    (rf"(?<!\w){SHARE_OR_COUNT} of (?:our |the |all )?(?:[\w-]+ ){{0,3}}?(?:{_SOLD}) (?:that |which )?(?:got |were |was |are |"
     r"have been |ended up |end up |get )?(?:cancell?ed|called off)\b", "cancellation_rate"),
    # "cancelled hires week to week", "called-off lessons": the cancellations, in the trade's word
    # (vocab reads "cancelled orders/bookings" itself, with "refunded vs cancelled bookings")
    (r"\b(?:cancell?ed|called[- ]off) (?:[\w-]+ )?(?:hires|jobs|rentals|sessions|classes|lessons|tours|trips)\b",
     "cancelled_orders"),
    # "people with 4 or more orders from us, how many", "clients who've made at least 3 bookings":
    # a head count of repeat customers at that many orders (the count is analytics_tools' min_orders)
    (rf"\b{PEOPLE} (?:with|(?:(?:who|that)(?:'ve| have| had)?|have|had) (?:made|placed|had|done|booked)) "
     r"(?:(?:at least|more than|a minimum of) )?(?:\d{1,2}|two|three|four|five|six|ten)"
     rf"(?: or more|\+| plus)? (?:{ORDERS}|purchases|visits)\b", "repeat_customers"),
    # "how did jobs go day by day", "hires month by month": the trade's word for its orders, said
    # with the grain it is followed over (bare, "jobs" or "hires" may be anything else)
    (r"\b(?P<kpi>hires|jobs|rentals|call-?outs|gigs|commissions)\b(?= (?:go |went |have gone |come in |came in )?"
     rf"(?:{DAY_WEEK_MONTH} (?:by|on|to|after) {DAY_WEEK_MONTH}|(?:per|each|every|a) {DAY_WEEK_MONTH})\b)", "orders"),
    # "survey responses per month": the surveys answered, followed over a grain (bare, "survey
    # answers" may be what a share of them is of, or what the data holds)
    (r"\b(?:survey|questionnaire|feedback form) (?:responses|replies|answers|returns)\b(?= (?:(?:per|each|every|a|by) "
     rf"{DAY_TO_QUARTER}|{DAY_WEEK_MONTH} (?:by|on|to|after) {DAY_WEEK_MONTH})\b)", "survey_responses"),
    # "time to first booking", "days until a first order": from first contact to the first purchase
    (r"\b(?:time|days|weeks|how long) (?:it takes )?(?:to|till|until|before) (?:a |the |their |our )?first "
     r"(?:booking|order|sale|job|appointment|hire|class|lesson|rental|purchase|payment)\b", "time_to_first_purchase"),
    # "and the court hire money?", "what about the takings": a follow-up naming the money alone
    (r"^(?:(?:and|so|ok,?|what about|how about) (?:the |our )?|the |our )(?:[\w-]+ ){0,3}(?:money|takings|dosh|cash)"
     r"\s*[?.!]*$",
     "revenue"),
]
PLAIN_PATTERNS = [(lazy(p), code) for p, code in PLAIN_TERMS]

# "of the people who put a booking in the basket, how many went on and paid": one step's rate
# (the basket to paying), not the whole funnel's "how many of those who ..."
PLAIN_CUES = (
    (rf"\b(?:put\w*|add\w*|popp?\w*|got|get|reach\w*)(?: [\w-]+){{0,3}} (?:in|into|to|as far as) {_BASKET}\b[^.?!]{{0,30}}?"
     rf"\bhow many(?: of (?:them|those|these))? (?:(?:went|go|goes|going) on (?:and|to) |then |actually |ended up )+{BUY}"
     rf"(?![^.?!]*\b(?:and|then) (?:how many|what share)\b)", 0.9),
)
