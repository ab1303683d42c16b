"""More owners' sayings of a KPI, read before bot/agent/vocab.py's (which is full) with
bot/agent/kpi_words.py's, and the words that make such a question a KPI's level (the kpis tool)
rather than a journey's drop-offs or a change explained group by group.
"""

from __future__ import annotations

import re

_BASKETS = r"(?:carts?|baskets?|trolleys?|checkouts?)"
UNANSWERED = (r"\b(?:share|percentage|%|proportion|fraction|per ?cent|how many|number|count)(?: of)? (?:the |our |all )?"
              r"(?:support |customer |help ?desk )?(?:tickets|cases|enquiries|inquiries|queries|emails|messages|chats|conversations|"
              r"complaints|requests)\b(?: [\w'-]+){0,5}? (?:never|not|haven't|hasn't|didn't|did not|have not|with no|without|no) ?"
              r"(?:yet |ever |been |got |get |gotten |received |had |for |a |an |any |first )*"
              r"(?:repl(?:y|ies)|response|answer|answered|replied|responded|reply to)\b")
_THREADS = r"(?:conversations|convos|chats|live ?chats|threads|dms|email threads|support chats)"
_CLOSED = (r"(?:close|closed|closing|resolve|resolved|solve|solved|wrap(?:ped)? up|finish(?:ed)?|sort(?:ed)? out|settle|settled|"
           r"mark(?:ed)? (?:as )?(?:done|resolved|closed))")
_SHARE = r"(?:share|percentage|%|proportion|fraction|per ?cent)"
_PEOPLE = (r"(?:people|folks?|punters|customers|clients|visitors|shoppers|guests|patients|diners|users|everyone|everybody|"
           r"ones|those|enquirers|callers|walk-?ins)")  # not "menu browsers": people named by a step are the funnel's
_WENT_ON = r"(?:(?:go|goes|went|going) on to |ended up |end up |ends up |wound up |actually |eventually |then |really )+"
_MOVE = (r"grow\w*|grown|grew|shrink\w*|shrunk|shrank|(?:getting |got )?(?:bigger|smaller|longer|shorter)|"
         r"(?:going |gone |went )?(?:up|down)|ris\w*|rose|fall\w*|fell|climb\w*|drop\w*")
_BACKLOG_MOVES = (rf"\b(?:backlog|queue|pile)s?\b(?: of (?:[\w-]+ ){{0,2}}(?:tickets|cases|complaints|quer(?:y|ies)|enquiries|"
                  rf"requests|jobs|emails|issues))?(?: (?:at|in|for|on) (?:the |our |my )?[\w'-]+)?(?: (?:is|are|has|have|been|really|still|actually))* (?:{_MOVE}) "
                  rf"(?:or|and|vs\.?) (?:{_MOVE})\b")
# "... actually buy again" is repeat buying
_BUY = (r"(?:buy\w*|bought|purchas\w*|order\w*|book\w*|pay|pays|paying|paid)\b"
        r"(?! (?:again|twice|more than once|a second time|back|more than (?:\d+|[a-z]+) times)\b)")

_LATE_VERB = (r"were|was|are|is|came|come|comes|arrived|arrive|arrives|turned up|turn up|turns up|showed up|got there|"
              r"got delivered|delivered|landed|went out|go out|gone out|shipped|dispatched|ran|running|been")
_HOUR = r"(?:at night|night|in the (?:day|evening|afternoon|night)|evening|afternoon|morning|on (?:a |in )?\w+day)"

SAYING_TERMS: list[tuple[str, str]] = [
    # "what share of baskets get left behind", "trolleys left behind on the webshop": carts
    # abandoned, in the words of the thing left (not a group "behind" a change)
    (rf"\b{_BASKETS} (?:[\w']+ ){{0,3}}(?:left|leave|leaves|leaving) behind\b|"
     rf"\b(?:left|leave|leaves|leaving) (?:their |the |a |an |our )?(?:[\w-]+ )?{_BASKETS} behind\b", "cart_abandonment"),
    # "the refund count per month", "refund numbers at the shoe shop": how many orders were
    # refunded, not the refund rate
    (r"\brefund (?:count|tally|numbers?|volumes?|totals?)\b|\b(?:count|tally|number) of refund(?:ed)? (?:orders|sales|bookings)\b",
     "refunded_orders"),
    # "how many dog owners actually paid me last month", "how many of the pupils paid up": the
    # head count of people who paid (not how many paid twice, which is repeat buying)
    (r"^(?!.*\b(?:twice|again|more than once|times|a second time)\b).*?\bhow many (?:of (?:the|our|my|those) )?"
     r"(?:[\w-]+ ){0,3}(?:have |had )?(?:actually |really |even |properly )?paid (?:me|us|up|anything|for (?:anything|something))\b",
     "buyers"),
    # "of people who reach the basket, what share go on to pay", "of those who put something in
    # the trolley, what percentage end up ordering": from the basket (a decision-stage step) to
    # buying, the purchase stage's conversion
    (rf"\b(?:reach|reached|reaches|get to|gets to|got to|make it to|made it to|add\w*(?: [\w-]+){{0,3}} to|"
     rf"put\w*(?: [\w-]+){{0,3}} in(?:to)?) (?:the |their |a |an )?(?:basket|cart|trolley)s?\b[^.?!]{{0,30}}?"
     rf"(?<!\w){_SHARE}(?: of (?:them|those|these))? {_WENT_ON}{_BUY}", "conversion_purchase"),
    # "what % of the people we saw last month ended up buying", "how many of the folk who came
    # through the door went on to book", "of everyone we served, what share ended up paying":
    # the share that bought, however long the description of the people before it
    (rf"(?<!\w)(?:{_SHARE}|how many) of (?:the |our |all (?:the |our )?|my )?(?:[\w-]+ )?{_PEOPLE}\b(?:\s+[\w'-]+){{0,10}}?\s+"
     rf"{_WENT_ON}{_BUY}|\b(?:what|which) {_SHARE}(?: of (?:them|those|these))? {_WENT_ON}(?:pay|pays|paying|paid)\b",
     "purchase_conversion"),
    # "average 1-5 satisfaction rating", "mean one to five score": the mean of the 1-5 ratings,
    # not also the share of happy ones
    (r"\b(?:average|mean|avg|typical|overall) (?:[\w-]+ ){0,2}?(?:1|one) ?(?:-to-|-|to|–|/) ?(?:5|five)(?: scale)? "
     r"(?:(?:customer|client|patient|guest|satisfaction|star|review|happiness) ){0,2}(?:score|rating|mark)s?\b", "csat_mean"),
    # "is the ticket backlog growing or shrinking", "is our queue of support cases getting bigger or
    # smaller": the backlog's net change (tickets opened less those closed), not its size
    (_BACKLOG_MOVES, "backlog_change"),
    # "the recommend score", "our would-you-recommend number": the net promoter score
    (r"\b(?:would[- ]you[- ])?recommend(?:ation)?[- ](?:score|rating|number|figure|mark)s?\b|"
     r"\blikel(?:y|ihood) to recommend (?:score|rating|number)s?\b", "nps"),
    # "are deliveries getting slower?", "parcels taking longer to land": the delivery time, asked
    # by which way it moves
    (r"\b(?:deliver(?:y|ies)|shipping|dispatch|parcels?|packages?|shipments?|couriers?|posting)\b (?:[\w']+ ){0,2}?"
     r"(?:(?:getting|got|gotten|become|became|becoming|grown|growing|been) (?:any |a (?:bit|lot|little) |much |even )?"
     r"(?:slower|faster|quicker|speedier|later|longer)|(?:taking|take|takes|took) (?:any |a (?:bit|lot|little) |much )?"
     r"(?:longer|less time|more time))\b", "delivery_time"),
    # "how many support tickets did people raise", "last 7 days vs the 7 before, tickets": the
    # count of tickets, whoever raised them, or named alone after the periods
    (r"\bhow many (?:new |support |customer |help ?desk )*(?:tickets|support requests|support cases) (?:did|have|do|has) "
     r"(?:people|customers|clients|folks?|they|users|patients|guests|members|callers|the public) (?:raise|raised|open|opened|log|"
     r"logged|file|filed|submit|submitted|send|sent|create|created|put in)\b|"
     r"(?:^|[,:;] ?|- )(?:support |help ?desk |new )?tickets\s*[?.!]*$|^(?:support |new )?tickets\s*[,:-]", "tickets"),
    # "the buying-rate slump", "our conversion-rate": the rate, hyphenated
    (r"\b(?:buy(?:ing)?|purchase|conversion)-rates?\b", "purchase_conversion"),
    # "orders refunded vs cancelled", "cancelled or refunded": both outcomes, one said by its
    # participle alone (the refund first: the cancellation then reads after the masked refund)
    (r"\b(?:refunded|returned)(?= (?:vs\.?|versus|or|and|&) (?:cancell?ed|canceled)\b)|"
     r"(?:(?<=vs )|(?<=or )|(?<=and )|(?<=& )|(?<=versus )|(?<=vs\. ))refunded\b", "refunded_orders"),
    (r"\b(?:cancell?ed|canceled)(?= (?:vs\.?|versus|or|and|&) (?:refunded|returned| {8})(?!\w))|"
     r"(?:(?<=vs )|(?<=or )|(?<=and )|(?<=& )|(?<=versus )|(?<=vs\. ))(?:cancell?ed|canceled)\b", "cancelled_orders"),
    # "how many days from first setting foot in the showroom to first paying for a reupholster",
    # "how long between first hearing of us and first booking": the time to a first purchase, the
    # purchase said as a verb
    (r"\b(?:how (?:many|long)|time|days|weeks|wait\w*)\b(?: [\w'-]+){0,12}? (?:from|between) (?:[\w'-]+ ){1,8}?"
     r"(?:to|and|until|till|before) (?:their |the |a |them |they )?first (?:paying|pay|paid|buying|buy|bought|booking|book|"
     r"booked|ordering|order|purchasing|purchase|spending|spend)\b", "time_to_first_purchase"),
    # "how much money did customers from Clifton spend", "did the vip lot spend more": the money
    # spent, not its average per order ("spend per order" stays the AOV, vocab.py's)
    (r"^(?!.*\b(?:per|each|average|avg|on average|typical(?:ly)?|usual(?:ly)?|a time|a visit|an order|a head)\b).*?"
     r"(?:\bhow much (?:money |cash )?(?:did |do |does |have |has |had )?(?:[\w'-]+ ){0,5}(?:spent|spend|spending)\b|"
     r"\b(?:spend|spent|spending) (?:a lot |much |any |a bit |way )?(?:more|less)\b)", "revenue"),
    # "baskets got abandoned", "how long does a meat box delivery take", "survey response counts",
    # "faster at replying": the KPI said with a verb vocab.py's nouns do not expect
    (rf"\b{_BASKETS} (?:[\w']+ ){{0,2}}(?:got|get|gets|getting|have been|had been|has been) abandon\w*", "cart_abandonment"),
    (r"\bhow (?:many days|long|many hours) (?:does|do|did|will) (?:an? |the |our |their )?(?:[\w-]+ ){0,3}(?:deliver(?:y|ies)|"
     r"parcels?|boxes|packages?|shipments?) (?:\w+ )?(?:take|takes)\b", "delivery_time"),
    (r"\bsurvey (?:response|answer|reply) (?:counts?|numbers?|totals?|volumes?)\b|"
     r"\b(?:number|count) of survey (?:responses|answers|replies)\b", "survey_responses"),
    (r"\b(?:faster|quicker|slower|speedier) at (?:replying|responding|answering|getting back)\b|"
     r"\b(?:replying|responding|answering|getting back) (?:to (?:[\w-]+ ){0,2})?(?:faster|quicker|slower|more quickly)\b",
     "first_response_time"),
    # "how many conversations did we close yesterday", "chats the team wrapped up today": a
    # support desk's threads said as conversations, closed (vocab.py's ticket words are full)
    (rf"\bhow many (?:[\w-]+ ){{0,2}}?{_THREADS} (?:did|have|has|had) (?:we|you|they|(?:the |our |my )?(?:[\w'-]+ ){{0,2}}?[\w'-]+) (?:actually |finally "
     rf"|manage to |managed to |get to )?{_CLOSED}\b|\b(?:number|count|total) of (?:[\w-]+ )?{_THREADS} {_CLOSED}\b|"
     rf"\b{_CLOSED} (?:support |customer |live |help ?desk )?{_THREADS}\b|"
     rf"\b{_THREADS} (?:(?:we|the team|they|staff) )?(?:got |were |was )?{_CLOSED} (?:yesterday|today|this|last|per|each|so far)\b|"
     # "how many tickets are we resolving each week", "how many enquiries has the team closed"
     rf"\bhow many (?:[\w-]+ ){{0,2}}?(?:tickets|cases|queries|enquiries|inquiries|support requests|complaints|{_THREADS[3:-1]}) "
     rf"(?:are|is|do|does|did|have|has|had) (?:we|you|they|(?:the |our |my )?(?:team|staff|agents|crew|desk)) (?:been )?"
     r"(?:resolving|closing|solving|clearing|sorting out|wrapping up|closed|resolved|solved|cleared|sorted out|wrapped up)\b",
     "resolved_tickets"),
    # "which brand is slowest to reply", "which agent takes longest to answer customers", "who
    # gets back to people quickest": the first reply's wait, said as who is slow or quick
    (r"\b(?:slowest|fastest|quickest|speediest|slower|faster|quicker) (?:to|at) (?:reply|replying|respond|responding|answer|"
     r"answering|get(?:ting)? back|pick(?:ing)? up)\b|\b(?:takes?|taking|took) (?:the )?(?:longest|most time|least time|shortest time) "
     r"to (?:reply|respond|answer|get back|pick up)\b|\b(?:answers?|replies|reply|responds?|gets? back(?: to (?:people|customers|"
     r"clients|folks|them))?) (?:the )?(?:slowest|fastest|quickest|most slowly|most quickly)\b",
     "first_response_time"),
    # "how many people put something in the cart but never bought", "folk who filled a basket and
    # then didn't pay": carts left without a purchase (the cart abandonment and its carts), not
    # the whole funnel
    (rf"\b(?:put\w*|add\w*|pop\w*|popp\w*|stick\w*|stuck|threw|throw\w*|chuck\w*|load\w*|fill\w*|got) (?:[\w'-]+ ){{0,3}}?"
     rf"(?:in|into|to|up)? ?(?:the |their |a |an |his |her |our )?(?:(?:shopping|online|web) )?{_BASKETS}\b(?: [\w'-]+){{0,4}}? "
     rf"(?:(?:but|and|then|yet)(?: then| still| just)? (?:never|didn't|did not|don't|do not|not|haven't|have not|hasn't) |"
     rf"without )(?:actually |ever |going on to |end up |ended up )?"
     rf"(?:buy\w*|bought|order\w*|check\w*(?: out)?|pay\w*|paid|purchas\w*|complet\w*|book\w*)\b", "cart_abandonment"),
    # "which age group's clients got unhappier", "which age bracket of diners has become less
    # satisfied": each age band's review score and how it moved, as kpi_words.py reads it of places
    (r"^(?!.*\b(?:nps|net promoter|promoters?|sentiment|tone)\b).*?\b(?:which|what) age (?:bands?|groups?|brackets?|ranges?)"
     r"(?:'s?|s')?\b.{0,30}?\b(?:got|get|gets|getting|grew|grown|become|became|becoming|turned|gone|are|is|were|feel|feels) "
     r"(?:a (?:bit|lot|little) |much |any )?(?:(?:less|more) (?:happy|satisfied|content|pleased)|happier|unhappier|grumpier|"
     r"less satisfied)\b", "csat"),
    # "how many orders were late last quarter", "parcels that came in late": the orders said with
    # a verb and "late" are the on-time delivery (not an order count; "late at night" is an hour)
    # ("what share of orders were late": the share's words are blanked before, slot_readers.py)
    (rf"(?:\b(?:orders?|parcels?|packages?|deliveries|shipments?|boxes|consignments?|hampers?) (?:[\w'-]+ ){{0,2}}?|(?<=  ))"
     rf"(?:{_LATE_VERB}) (?:in |too |very |really |a (?:bit|day|few days|week|little) |days |hours )?late\b(?! ?{_HOUR})",
     "on_time_delivery"),
    # "how fast do we deliver on average", "how quickly does the bakery ship": the delivery time,
    # asked of the business doing it (replies are first_response_time's)
    (r"\bhow (?:fast|quick(?:ly)?|soon|speedily|promptly) (?:do|does|did|can|will) (?:we|i|you|they|(?:the |our |my )?"
     r"[\w'-]+(?: [\w'-]+)?) (?:usually |normally |typically |actually |generally |really |tend to )?(?:deliver|ship|dispatch|"
     r"post (?:out|orders|parcels|boxes)|send (?:out|orders|parcels|boxes)|get (?:orders|parcels|boxes|packages|stuff|things|it|them) "
     r"(?:out|delivered|to (?:people|customers|clients|them)))\b|\bhow (?:fast|quick(?:ly)?|soon) (?:do|does|did) (?:our |the |their )?"
     r"(?:orders|parcels|boxes|packages|deliveries|shipments|hampers) (?:usually |normally |typically |actually |generally )?"
     r"(?:arrive|get delivered|land|turn up|show up|reach)\b", "delivery_time"),
    # "how many reviews are positive", "how many of the ratings were favourable": the share of happy
    # reviews, as "what share of reviews are positive" (not a count of survey answers; texts with no
    # score are read for their sentiment instead, bot/agent/unrated_feelings.py)
    (r"\b(?:how many|number|count)(?: of)? (?:the |our |all |all the |those |these )?(?:[\w-]+ )?(?:reviews|ratings|"
     r"survey (?:answers|responses)) (?:[\w'-]+ ){0,3}?(?:are|were|is|was|have been|came out) (?:mostly |broadly |actually |"
     r"really )?(?:positive|good|happy|favou?rable|glowing)\b", "csat"),
    # "what share of tickets never got a reply", "how many enquiries have had no answer": no KPI
    # is that share (nor the resolution rate; "still waiting for a reply" is the open tickets);
    # the first reply's time counts the tickets answered and, in its note, those without a reply
    # (slot_readers.py has it said)
    (UNANSWERED, "first_response_time"),
]
SAYING_PATTERNS = [(re.compile(p), code) for p, code in SAYING_TERMS]

_OUTCOMES = r"(?:refunded|returned|cancell?ed|canceled|refunds|returns|cancellations)"
# Cues of the compare tool: "refunded vs cancelled" sets two KPIs side by side, not two periods
SAYING_COMPARE_CUES = (
    (rf"\b{_OUTCOMES} (?:orders |bookings )?(?:vs\.?|versus|or|against) {_OUTCOMES}\b", -0.8),
)
# Cues of the kpis tool (weights add up in bot/agent/ranking.py)
SAYING_CUES = (
    # "what share of online baskets get left behind without buying": the share of carts is the
    # KPI asked (cart abandonment), not where in the journey people leave
    (rf"\b(?:share|percentage|proportion|fraction|%|per ?cent|how many|number) of (?:the |our |all )?(?:[\w-]+ )?"
     rf"{_BASKETS}\b", 0.35),
    # "is the backlog growing or shrinking?": which way it went is the backlog change's sign, one
    # number (a series is asked in its own words: "week by week")
    (_BACKLOG_MOVES, 0.6),
    # "how did we do in the first half of october", "how did the bakery get on in the second half
    # of september": that half's headline numbers (the digest covers a day or a week)
    (r"\bhow(?: did|'d| have| has) (?:we|the [\w-]+|our [\w-]+) (?:do|done|get on|got on|go|gone|fare|fared)\b(?: [\w-]+){0,2}? "
     r"(?:in|over|for|during) the (?:first|second|1st|2nd|front|back|latter|early) half of\b", 0.6),
    # "give me the lay of the land for the bakery this week", "the state of play at the salon",
    # "how do things stand at the garage": how the business is doing, its headline numbers (as
    # "how are we doing this week")
    (r"\b(?:lay of the land|state of play|(?:the )?lie of the land|big picture|(?:the )?lowdown|"
     r"how (?:do |are |did )?things (?:stand|standing|look|looking|stack up)|where (?:do |are )?(?:we|things) stand)\b", 0.6),
)
