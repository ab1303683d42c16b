"""(lane probe27a) Counts and KPIs in a trade's own words, read first of the KPI words
(bot/agent/kpi_words.py's KPI_PATTERNS): the trade's goods counted as they leave ("how many jars o
honey did the delis tak aff us", "how many pies did folks grab", "how many kente strips the
boutiques took off us", "how many nets o' kindling went out t'door") are the orders, as is the
goods' own count in a movers or trend ask ("what pushed the pie count up", "which town moved the
sack count most"); and the people coming to the place, said as "footfall", "how many turned up at
the truck", or folk "walking in(to)" the shop, are the active customers (never the web sessions
nor the buying rate).

What is counted must be goods: never people (who bought is the buyers' KPI), the desk's words
(tickets, complaints, replies), the web's (visits, sessions, hits) nor time ("how many days did
the courier take").
"""

from __future__ import annotations

from bot.agent.patterns import lazy

# What a count of goods never is: people, the desk's and the web's words, spans of time and money.
_NOT_GOODS = (r"(?:people|ppl|folks?|customers?|clients?|buyers?|visitors?|guests?|members?|punters|shoppers?|families|"
              r"households|diners|patients|students|pupils|kids|adults|regulars|newcomers|subscribers|followers|fans|"
              r"tickets?|complaints?|quer(?:y|ies)|enquir(?:y|ies)|emails?|calls?|messages?|reviews?|surveys?|responses?|"
              r"replies|forms?|refunds?|returns?|cancellations?|visits?|sessions?|hits|views|pages?|stars?|points|likes|"
              r"comments|ratings|days?|hours?|weeks?|months?|minutes|times|years|pounds|quid|euros|dollars|rand|naira|"
              r"cedis|shillings|bucks|steps?|clicks?|routes?|paths?|touchpoints?|attempts?|tries|goes|goals?|"
              r"them|those|these|us|we|you|they|more|less|fewer|new|first[- ]time|repeat|times)")
# a KPI's own words, which keep their own readings when something "moved most"
_KPI_WORDS = (r"(?:revenue|takings|turnover|sales|money|cash|income|spend|spending|conversion|rates?|scores?|nps|csat|"
              r"satisfaction|aov|value|baskets?|traffic|churn|retention|needle|dial|numbers|figures|kpis?|metrics?|things|"
              r"most|buyers|sessions|visits|orders|bookings|refunds|complaints|tickets|abandon\w*|carts?|net|promoters?|recommend\w*|"
              r"bounce|exit|delivery|deliveries|resolution|response|replies|surveys?|csat|ratings?|reviews?|tone|"
              r"sentiment|mood|visitors|customers|aov|spend|repeat|share|percentage|time|times|wait|waits)")
# one to five words of goods: "jars o heather honey", "vivarium kit", "nets o' kindling"
_GOODS = rf"(?!of\b)(?:(?!{_NOT_GOODS}\b)[\w'-]+ ){{1,5}}?"
# who took them, after an article or alone: "the delis", "folks", "ppl", "customers", "the pet shop dem"
_WHO = r"(?:(?:the|our|my|all the|all our|di|dem) )?(?:[\w'-]+ ){0,2}?[\w'-]+ "
# taking goods off the business, the casual way (never "get" alone: "how many stars did we get")
_TOOK = (r"(?:take|took|taken|tak|tek|grab|grabbed|collect|collected|pick up|picked up|snap up|snapped up|buy|bought|"
         r"order|ordered|shift|shifted|sell|sold|flog|flogged|carry off|carried off)")
_OFF_US = r"(?:off|from|aff|fae|offa) (?:us|me|wi|we)\b"
_AUX = r"(?:did|have|has|had|do|does)"
# the place goods leave by: "out the door", "out t'door", "out the gate"
_OUT = (r"(?:went|gone|have gone|has gone|go|goes|got sent|flew|walked) out (?:of )?(?:the |t'|t' |our )?"
        r"(?:doors?|gates?|yard|workshop|mill|warehouse|shop|kitchen)\b")
# a count that is not of goods sold: heads, the desk's, the web's, a total or stock count
_NOT_COUNTED = (r"(?:head|body|visitor|footfall|ticket|complaint|word|page|calorie|step|thread|stitch|people|customer|member|"
                r"guest|review|survey|star|refund|return|cancellation|session|visit|buyer|response|reply|final|total|exact|"
                r"right|wrong|stock|blood|pollen|sperm|cell|bacteria|follower|like|view|click|hit|traffic|repeat|"
                r"subscriber|fan|student|pupil|kid|pax|vote|score)")

GOODS_TAKEN_TERMS: list[tuple[str, str]] = [
    # "how many jars o honey did the delis tak aff us", "how many pies did folks grab", "how many kaftans
    # did customers collect from us", "how many bottles o gin did the bars take off us": goods taken
    # off the business are its orders (the people who took them are the buyers' KPI, elsewhere)
    (rf"\bhow many {_GOODS}{_AUX} {_WHO}{_TOOK}(?: (?:them )?{_OFF_US})?(?! (?:back|late|on time|early)\b)", "orders"),
    # "how many jute bags the shops took off us", "how many vivarium kit the pet shop dem take off wi"
    (rf"\bhow many {_GOODS}(?:the|our|di|dem) (?:[\w'-]+ ){{0,3}}?{_TOOK} {_OFF_US}", "orders"),
    # "how many nets o' kindling went out t'door", "how many blankets went out the door"
    (rf"\bhow many {_GOODS}(?:(?:have|had|actually) )?{_OUT}", "orders"),
    # "jars of honey shifted, week by week", "plates of jambalaya grabbed": the trade's packs of goods gone
    # to customers (never delivered late or on time: a delivery's own KPIs)
    (r"\b(?:[a-z]{2,}s) of (?:[\w'-]+ ){1,3}?(?:shifted|sold|shipped|sent out|dispatched|gone out|went out|grabbed|taken|"
     r"collected|picked up|snapped up)\b(?! (?:late|on time|early|back)\b)", "orders"),
    # "how often was the sock website visited", "how many times was the site visited": the web visits
    (r"\b(?:web ?site|site|web ?shop|online (?:shop|store)|home ?page)s? (?:(?:was|were|got|gets|get|been|is|are|has been|have been) )?"
     r"(?:(?:actually|even) )?visited\b", "sessions"),
    # "what pushed the pie count up", "which town moved the sack count most", "the rhizome order count":
    # the goods counted are the orders
    (rf"\b(?:the|our|di|that|this) (?:(?!{_NOT_COUNTED}\b)[\w'-]+ ){{1,3}}?count\b(?! (?:of|as|on|for|to)\b)(?!-)", "orders"),
    # "did we shift more sacks of kumara this week than last", "did we sell fewer pies in october":
    # more or fewer goods sold, counted (never "sell more online": what follows is goods)
    (rf"\b(?:shift|shifted|sell|sold|move|moved|flog|flogged) (?:more|fewer|less) (?:(?!{_NOT_GOODS}\b|this\b|online\b|"
     r"in\b|on\b|than\b)[\w'-]+ ){0,3}?(?!this\b|was\b|is\b|us\b|its\b|less\b)[\w'-]+s\b"
     r"(?= (?:of|this|last|than|in|on|at|over|since|today|yesterday|vs|versus|compared|against|to|from)\b|\s*[?,.!]|\s*$)",
     "orders"),
    # "blintz platters cancelled on us, how many", "cases of hot sauce cancelled on us": orders the buyer
    # called off, counted (the share cancelled is the cancellation rate's own words)
    # (never a share: "what % of jobs got cancelled on us" is the cancellation rate)
    (r"^(?!.*(?:%|\b(?:per ?cent|percentage|share|proportion|fraction|rate|ratio)\b)).*?\b(?P<kpi>(?:cancel(?:l?ed)|called off|pulled) on (?:us|me))\b",
     "cancelled_orders"),
    # "which persona moved pancake covers most", "who moved bellows jobs most this quarter": the goods or
    # jobs named as what moved are the orders (a KPI's own name keeps its reading: "moved revenue most")
    (rf"\b(?:moved|shifted) (?:the |our )?(?P<kpi>(?:(?!{_NOT_GOODS}\b|{_KPI_WORDS}\b|the\b|a\b|an\b)[\w'-]+ ){{1,3}}?)(?:the )?most\b", "orders"),
    # "footfall at the mill shop", "is footfall up on last month", "daily footfall": the people who came
    # (not beside the weather: what the weather did to footfall is no figure of the data, main bank)
    (r"^(?!.*\b(?:weather|rain\w*|snow\w*|sunshine|heat ?wave|storms?)\b).*?\b(?P<kpi>foot ?fall)\b", "active_customers"),
    # "how many turned up at the truck yesterday", "how many showed up": people, unnamed, coming to the place
    (r"\bhow many (?:(?:have|had|actually|really|even) )?(?:turned|turn|showed|show|rocked|rock) up\b", "active_customers"),
]
GOODS_TAKEN_PATTERNS = [(lazy(p), code) for p, code in GOODS_TAKEN_TERMS]
