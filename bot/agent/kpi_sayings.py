"""More owners' sayings of a KPI, read before bot/agent/vocab.py's (which is full) with
bot/agent/kpi_words.py's, and the words that make such a question a KPI's level (the kpis tool)
rather than a journey's drop-offs or a change explained group by group.
"""

from __future__ import annotations

from bot.agent.owner_words import (
              BASKETS,
              BUY,
              CLOSE,
              CLOSED,
              DELIVERY,
              ORDERS,
              PEOPLE,
              QUERIES,
              SHARE,
              TICKETS,
)
from bot.agent.patterns import lazy
from bot.agent.word_fragments import DAY_WEEK_MONTH

UNANSWERED = (r"\b(?:share|percentage|%|proportion|fraction|per ?cent|how many|number|count)(?: of)? (?:the |our |all )?"
              r"(?:support |customer |help ?desk )?(?:tickets|cases|enquiries|inquiries|queries|emails|messages|chats|conversations|"
              r"complaints|requests)\b(?: [\w'-]+){0,5}? (?:never|not|haven't|hasn't|didn't|did not|have not|with no|without|no) ?"
              r"(?:yet |ever |been |got |get |gotten |received |had |for |a |an |any |first )*"
              r"(?:repl(?:y|ies)|response|answer|answered|replied|responded|reply to)\b")
# what a hire trade counts as its orders: the things that went out
_HIRED_OUT = (r"\bhow many (?:[\w-]+ ){1,2}(?:(?:did|have|do|has) (?:we|you|i|the [\w-]+) (?:hire|hired|rent|rented|let|lease|leased|"
              r"send|sent|take|taken|drop|dropped) (?:out|off)|(?:went|have gone|were|got) (?:hired |rented |let |leased )?out)\b|"
              r"\bhow many (?:[\w-]+ ){1,2}(?:did|have|do) (?:we|you|i) (?:deliver|delivered|drop off|dropped off)\b(?! (?:late|on time|in time|early|slow|after)\b)")
_THREADS = r"(?:conversations|convos|chats|live ?chats|threads|dms|email threads|support chats)"
# a conversation closed, in any tense ("how many chats did we close", "closing live chats")
_CLOSED = rf"(?:{CLOSED}|{CLOSE}|closing|resolving|solving|wrapping up|mark(?:ed)? (?:as )?(?:done|resolved|closed))"
_WENT_ON = r"(?:(?:go|goes|went|going) on to |ended up |end up |ends up |wound up |winds? up |actually |eventually |then |really )+"
_MOVE = (r"grow\w*|grown|grew|shrink\w*|shrunk|shrank|(?:getting |got )?(?:bigger|smaller|longer|shorter)|"
         r"(?:going |gone |went )?(?:up|down)|ris\w*|rose|fall\w*|fell|climb\w*|drop\w*")
_BACKLOG_MOVES = (rf"\b(?:backlog|queue|pile)s?\b(?: of (?:[\w-]+ ){{0,2}}(?:tickets|cases|complaints|quer(?:y|ies)|enquiries|"
                  rf"requests|jobs|emails|issues))?(?: (?:at|in|for|on) (?:the |our |my )?[\w'-]+)?(?: (?:is|are|has|have|been|really|still|actually))* (?:{_MOVE}) "
                  rf"(?:or|and|vs\.?) (?:{_MOVE})\b")

_SWING = r"(?:rise|jump|spike|surge|increase|drop|fall|dip|slump|growth|uptick|decline|wave)"
_LATE_VERB = (r"were|was|are|is|came|come|comes|arrived|arrive|arrives|turned up|turn up|turns up|showed up|got there|"
              r"got delivered|delivered|landed|went out|go out|gone out|shipped|dispatched|ran|running|been")
_HOUR = r"(?:at night|night|in the (?:day|evening|afternoon|night)|evening|afternoon|morning|on (?:a |in )?\w+day)"

SAYING_TERMS: list[tuple[str, str]] = [
    # "what share of baskets get left behind", "trolleys left behind on the webshop": carts
    # abandoned, in the words of the thing left (not a group "behind" a change)
    (rf"\b{BASKETS} (?:[\w']+ ){{0,3}}(?:left|leave|leaves|leaving) behind\b|"
     rf"\b(?:left|leave|leaves|leaving) (?:their |the |a |an |our )?(?:[\w-]+ )?{BASKETS} behind\b", "cart_abandonment"),
    # "the refund count per month", "refund numbers at the shoe shop": how many orders were
    # refunded, not the refund rate
    (r"\brefund (?:count|tally|numbers?|volumes?|totals?)\b|\b(?:count|tally|number) of refund(?:ed)? (?:orders|sales|bookings)\b",
     "refunded_orders"),
    # "how many dog owners actually paid me last month", "how many of the pupils paid up": the
    # head count of people who paid (not how many paid twice, which is repeat buying)
    (r"^(?!.*\b(?:twice|again|more than once|times|a second time)\b).*?\bhow many (?:of (?:the|our|my|those) )?"
     r"(?:[\w-]+ ){0,3}(?:have |had )?(?:actually |really |even |properly )?paid (?:me|us|up|anything|for (?:anything|something))\b",
     "buyers"),
    # "how many customers bought from us last month", "how many clients booked with me in october":
    # the head count of people who bought from the business (no visits to be a share of)
    (rf"^(?!.*\b(?:twice|again|more than once|times|a second time|repeat)\b).*?\bhow many (?:of (?:the|our|my|those) )?"
     rf"(?:[\w-]+ ){{0,2}}{PEOPLE} "
     r"(?:have |had )?(?:actually |really )?(?:bought|ordered|booked|purchased|shopped|paid) (?:\w+ ){0,2}?(?:from|with|off) (?:us|me)\b|"
     # "how many different people booked the sauna in october": people counted once, who bought
     # (lane probe28b) "how many separate people buy oxtail plates from we": the present said in the past's place
     rf"\bhow many (?:different|distinct|individual|unique|separate|actual) (?:[\w-]+ )?{PEOPLE} (?:have |had )?(?:actually )?(?:buy|bought|ordered|booked|purchased|"
     # (lane probe24c) the trade's verb of getting: "how many different households commissioned a mural",
     # "separate families rented a canoe", "distinct parents enrolled a child"
     r"paid|hired|shopped|commissioned|rented|reserved|enrolled|chartered|signed up)\b", "buyers"),
    # "how many clients did the sweep lose this quarter, as a rate", "how many members have we lost":
    # customers lost, the churn (no count of the lost is kept: the rate answers it)
    (rf"\bhow many (?:[\w-]+ )?(?:{PEOPLE}|accounts) "
     r"(?:did|have|has|had) (?:we|i|you|the [\w-]+(?: [\w-]+)?|our [\w-]+(?: [\w-]+)?) (?:actually |really )?(?:lose|lost)\b",
     "churn_rate"),
    # "of people who reach the basket, what share go on to pay", "of those who put something in
    # the trolley, what percentage end up ordering": from the basket (a decision-stage step) to
    # buying, the purchase stage's conversion
    (rf"\b(?:reach|reached|reaches|get to|gets to|got to|make it to|made it to|add\w*(?: [\w-]+){{0,3}} to|"
     # "of everyone who got as far as the basket": reached it
     rf"(?:get|gets|got|getting|make|makes|made|making|go|goes|went|come|came) (?:it )?as far as|"
     rf"put\w*(?: [\w-]+){{0,3}} in(?:to)?) (?:the |their |a |an )?(?:basket|cart|trolley)s?\b[^.?!]{{0,30}}?"
     rf"(?<!\w){SHARE}(?: of (?:them|those|these))? {_WENT_ON}{BUY}", "conversion_purchase"),
    # "of the folk who start a booking form, what share finish and pay", "of people who begin checking
    # out, what percentage complete it": from the checkout started to paid, the purchase stage's step
    (rf"\b(?:start|starts|started|starting|begin|begins|began|beginning|open|opens|opened|fill\w* in) (?:a |an |the |their )?"
     rf"(?:booking|order|payment|checkout|check-?out|hire|rental) ?(?:forms?|pages?)?\b[^.?!]{{0,30}}?(?<!\w){SHARE}"
     rf"(?: of (?:them|those|these))? (?:(?:finish|finishes|finished|complete|completes|completed|go through|goes through|went through)"
     rf"(?: (?:it|them|the form|up|off))?(?: (?:and|then))? )?(?:{_WENT_ON})?{BUY}", "conversion_purchase"),
    # "what % of the people we saw last month ended up buying", "how many of the folk who came
    # through the door went on to book", "of everyone we served, what share ended up paying":
    # the share that bought, however long the description of the people before it
    (rf"(?<!\w)(?:{SHARE}|how many) of (?:the |our |all (?:the |our )?|my )?(?:[\w-]+ )?{PEOPLE}\b(?:\s+[\w'-]+){{0,10}}?\s+"
     rf"{_WENT_ON}{BUY}|\b(?:what|which) {SHARE}(?: of (?:them|those|these))? {_WENT_ON}(?:pay|pays|paying|paid)\b",
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
     r"\blikel(?:y|ihood) to recommend (?:score|rating|number)s?\b|"
     # (lane ps7) "how likely are my pupils to recommend me", "how likely would diners be to recommend us"
     r"\bhow likely (?:are|is|would|will) (?:[\w'-]+ ){1,3}(?:be )?to (?:recommend|refer) (?:us|me|the [\w-]+|our [\w-]+|my [\w-]+)\b", "nps"),
    # "when a tea parcel is among the slowest tenth to arrive", "the quickest boxes to land": the
    # delivery time, said of the parcels arriving (the slowest tenth makes it the 90th percentile)
    (rf"\b(?:{DELIVERY}|orders?)\b(?: [\w'-]+){{0,4}}? (?:slowest|quickest|"
     r"fastest|longest|speediest|latest)(?: [\w%-]+){0,3}? to (?:arrive|land|turn up|get there|reach (?:people|customers|them)|"
     r"be delivered|get delivered|show up|come through)\b|\b(?:slowest|quickest|fastest|longest|speediest|latest) (?:[\w%-]+ ){0,3}?"
     rf"(?:of (?:the |our )?)?(?:{DELIVERY}|orders) (?:[\w'-]+ ){{0,2}}?to "
     r"(?:arrive|land|turn up|get there|be delivered|get delivered|show up)\b", "delivery_time"),
    # "how many support tickets did people raise", "last 7 days vs the 7 before, tickets": the
    # count of tickets, whoever raised them, or named alone after the periods
    (rf"\bhow many (?:new )?{TICKETS} (?:did|have|do|has) "
     rf"(?:{PEOPLE}|they|the public) (?:raise|raised|open|opened|log|"
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
    # "how often do karting customers cancel", "which segment is cancelling more than before": people
    # cancelling, said with the verb, is the cancellation rate (counts say "cancellations")
    (r"^(?!.*\bhow many\b).*?(?P<kpi>\b(?:customers|clients|people|guests|patients|members|folks?|punters|diners|"
     r"pupils|students|they|who|segments?|tiers?|channels?|regions?|towns?|cit(?:y|ies)|areas?|groups?|bands?|ones|[a-z]+ers)"
     r" (?:(?:at|from|in|of|on) (?:the |our )?[\w&'-]+ )?(?:(?:is|are|was|were|been|"
     r"has|have|had|keep|keeps|still|often|always|tend to|tends to|start|started|do|does) ){0,3}(?:cancel|cancels|cancell?ing)\b)"
     r"(?! (?:the|my|our|this|that|an?) (?:alert|rule|digest|reminder)s?\b)", "cancellation_rate"),
    # "which age bands account for the rise in buyers", "who's behind the refund spike": the KPI
    # named by its change (a head count of buyers; refunds and cancellations counted)
    # (tune32) "the slide in buyers", "a slowdown in purchasers": any word of a move, not only a swing's
    (rf"\b(?:{_SWING}|change|shift|swing|movement|slide|slip|sag|slowdown|downturn|boost|climb|plunge|tumble|"
     rf"fall-?off|drop-?off)s? in (?:the )?(?:number of )?(?:buyers|purchasers|paying customers|payers|bookers)\b", "buyers"),
    (rf"\brefund (?:{_SWING})s?\b", "refunded_orders"),
    (rf"\bcancell?ation (?:{_SWING})s?\b", "cancelled_orders"),
    # "how many days from first setting foot in the showroom to first paying for a reupholster",
    # "how long between first hearing of us and first booking": the time to a first purchase, the
    # purchase said as a verb
    (r"\b(?:how (?:many|long)|time|days|weeks|wait\w*)\b(?: [\w'-]+){0,12}? (?:from|between) (?:[\w'-]+ ){1,8}?"
     r"(?:to|and|until|till|before) (?:their |the |a |them |they )?first (?:paying|pay|paid|buying|buy|bought|booking|book|"
     r"booked|ordering|order|purchasing|purchase|spending|spend)\b"
     # "..., typically, for new folks": who is timed (newcomers by definition), not a second KPI
     r"(?:,? (?:[\w-]+,? ){0,3}?(?:for|among|of|with|in) (?:the |our |all )?(?:new|first[- ]time|brand[- ]new) (?:[\w-]+ )?"
     r"(?:folks?|customers|clients|people|buyers|shoppers|visitors|ones|guests|patients|members|punters|starters|joiners)\b)?|"
     r"\bhow (?:many days|many weeks|long) (?:till|until|before) (?:a |the |their )?first (?:booking|order|purchase|sale)\b",
     "time_to_first_purchase"),
    # "how much does each segment spend on avg", "what do our regulars spend on average": the
    # average order, the spend said first and its average after
    (r"\b(?:spend|spends|spent|spending) (?:[\w-]+ ){0,3}?on (?:avg|average)\b|"
     r"\bon (?:avg|average),? (?:how much |what )?(?:do|does|did) (?:[\w'-]+ ){1,6}?(?:spend|spent)\b", "aov"),
    # "how much money did customers from Clifton spend", "did the vip lot spend more": the money
    # spent, not its average per order ("spend per order" stays the AOV, vocab.py's)
    (r"^(?!.*\b(?:per|each|average|avg|on average|typical(?:ly)?|usual(?:ly)?|a time|a visit|an order|a head)\b).*?"
     r"(?:\bhow much (?:money |cash )?(?:did |do |does |have |has |had )?(?:[\w'-]+ ){0,5}(?:spent|spend|spending)\b|"
     r"\b(?:spend|spent|spending) (?:a lot |much |any |a bit |way )?(?:more|less)\b|"
     # (lane probe21c) "how much did the folk who first met us at the market stall spend", "what the
     # loyalty card regulars spent on thalis": a group described at length, or its total after "what"
     r"\bhow much (?:money |cash )?(?:did|do|does|have|has) (?:the|our|all|those|these|people|customers|folks?|clients) "
     r"(?!time\b)(?:[\w'()-]+ ){0,10}?(?:spent|spend)\b(?! (?:time|hours?|minutes?|ages|long)\b)|"
     r"\bwhat (?:did |do |have )?(?:the|our|all the|all our) (?:[\w'()-]+ ){1,5}?(?:spent|spend)\b(?= (?:on|with|at|in)\b))",
     "revenue"),
    # "which weekday do the regulars spend the most per order", "who spends more per visit", "which
    # region spends the most per MOT": what one order is worth, not the money in all (vocab.py
    # reads "spend per order" with nothing between). Per person, no KPI: "per head" is read as
    # the order, the only money per unit there is; "a"/"an" only before a unit ("the most a month"
    # is the money)
    (r"\bspend(?:s|ing)? (?:the )?(?:most|least|more|less|highest|lowest)(?: money| cash)? (?:(?:per|on each|on a|each) "
     r"(?!(?:person|customer|client|visitor|member|guest)s?\b)[\w-]+|(?:a|an) (?:order|visit|booking|basket|transaction|sale|"
     r"time|trip|head|shop|appointment|session|meal|outing)\b)", "aov"),
    # "which day made the van the most cash", "what month brought the stall the least dosh": the
    # money, with who earned it in between (vocab.py reads "made us the most money")
    (r"\b(?:make|makes|made|earn|earns|earned|bring|brings|brought|take|takes|took|pull(?:s|ed)? in|rake(?:s|d)? in) "
     r"(?:the |our |my )?(?:[\w'-]+ ){0,2}?(?:the )?(?:most|least|more|less|biggest|smallest) (?:money|cash|dosh|dough|brass|"
     r"income|takings|moolah|wonga)\b", "revenue"),
    # "how long do people wait for a reply from us", "customers waiting for an answer to their
    # emails", "wait more than 24 hours for a call back": the first reply's time, said as the wait
    (r"\b(?<!still )(?:wait|waits|waiting|waited)\b(?: [\w'-]+){0,5}? (?:for|on) (?:a |an |our |the |their |any )?(?:first )?"
     r"(?:reply|replies|response|responses|answer|answers|call ?back|callback|ring back)\b", "first_response_time"),
    # "the open ticket count", "number of unresolved support tickets": the tickets still open
    (r"\b(?:open|unresolved|outstanding) (?:support )?ticket (?:count|numbers?|total|tally)\b", "open_tickets"),
    # "how much did the pumpkin patch take last weekend", "how much did the churros cart make in
    # October": the money the business brought in, named by its trade (vocab.py lists a few nouns)
    (r"\bhow much (?:money |cash )?did (?:the |our |my )(?:[\w'-]+ ){1,4}?(?:take|make|earn|clear|pull in|rake in)\b"
     r"(?! (?:to|for|on|of|up|off|out|place|part|long|time)\b)", "revenue"),
    # "baskets got abandoned", "how long does a meat box delivery take", "survey response counts",
    # "faster at replying": the KPI said with a verb vocab.py's nouns do not expect
    (rf"\b{BASKETS} (?:[\w']+ ){{0,2}}(?:got|get|gets|getting|have been|had been|has been) abandon\w*", "cart_abandonment"),
    # (lane probe28a) "incubator carts ditched last month", "how many baskets dumped this week": the
    # baskets and what became of them, with no helping verb (never "carts ditched for ..." reasons asked)
    (rf"\b(?<!why )(?<!reasons )(?:[\w-]+ )?{BASKETS} (?:that (?:were |got )?|were |got )?(?:ditched|dumped|abandoned|left behind)\b"
     rf"(?! (?:because|for|due|over|at|on|in (?:the|our) (?:basket|cart)))", "cart_abandonment"),
    # "when a tea parcel is among the slowest tenth to arrive, how many days is that": the time a
    # parcel takes to arrive is the delivery time
    (rf"\b{DELIVERY} (?:[\w']+ ){{0,6}}?to (?:arrive|turn up|land|get there)\b", "delivery_time"),
    (rf"\bhow (?:many days|long|many hours) (?:does|do|did|will) (?:an? |the |our |their )?(?:[\w-]+ ){{0,3}}{DELIVERY} "
     r"(?:\w+ )?(?:take|takes)\b", "delivery_time"),
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
     rf"(?:in|into|to|up)? ?(?:the |their |a |an |his |her |our )?(?:(?:shopping|online|web) )?{BASKETS}\b(?: [\w'-]+){{0,4}}? "
     rf"(?:(?:but|and|then|yet)(?: then| still| just)? (?:never|didn't|did not|don't|do not|not|haven't|have not|hasn't) |"
     rf"without )(?:actually |ever |going on to |end up |ended up )?"
     rf"(?:buy\w*|bought|order\w*|check\w*(?: out)?|pay\w*|paid|purchas\w*|complet\w*|book\w*)\b", "cart_abandonment"),
    # "flag when tickets take over 48 hours to resolve", "complaints taking longer than two days to
    # sort out": the time to resolve, said with the limit between the tickets and the closing
    (rf"\b{QUERIES} (?:are |is |start |starts |keep |keeps )?(?:take|takes|taking|took|sit|sits|"
     r"sitting|stay|stays|staying|drag on|drags on|dragging on)(?: (?:us|the team|staff|you))? (?:over|more than|longer than|beyond|"
     r"upwards of|past|under|less than|at least|up to)? ?(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|ten|twelve|"
     r"twenty-?four|forty-?eight) ?(?:hours?|hrs?|h|days?|minutes?|mins?|weeks?)(?: or (?:more|longer))? (?:open )?(?:to (?:get )?|"
     r"before (?:they'?re |they are |it'?s |it is |being |getting )?)(?:resolv\w*|clos\w*|fix\w*|sort\w*(?: out)?|solv\w*|"
     r"clear\w*|dealt with|deal with|wrap\w* up)\b", "resolution_time"),
    # "how often do karting customers cancel, as a rate", "how often do hot tub bookings get called
    # off": the share of orders cancelled (a rate, as "how often" asks), or refunded
    (r"\bhow (?:often|frequently) (?:do|does|did|have|has|are|is|were|was) (?:[\w'-]+ ){0,4}?(?:cancel|cancell?ed|canceled|"
     r"cancell?ing|call(?:ed)? off|pull(?:ed)? out|back(?:ed)? out|drop(?:ped)? out)\b(?! (?:their |the |a |an )?(?:alerts?|rules?))",
     "cancellation_rate"),
    (r"\bhow (?:often|frequently) (?:do|does|did|have|has|are|is|were|was) (?:[\w'-]+ ){0,4}?(?:ask(?:ed)? for (?:a |their |our )?"
     r"(?:refund|money back)|(?:get|got|been|are|is) refunded|want (?:a |their )?(?:refund|money back)|send (?:\w+ )?back|"
     r"return (?:\w+ )?(?:orders|items|things|stuff|products|purchases|them|it))\b", "refund_rate"),
    # "share of letterpress carts that never get paid for", "baskets which don't get checked out": the
    # carts abandoned, said of the carts
    (rf"\b{BASKETS} (?:that|which) (?:never|don't|do not|didn't|did not|won't) (?:get |got |end up |ever )*(?:paid for|bought|"
     r"checked out|completed|turned into (?:an? )?(?:orders?|sales?|bookings?)|converted)\b", "cart_abandonment"),
    # "how many hours till an enquiry gets a reply", "how long before a customer email gets answered":
    # the wait for a first reply; "how long do complaints stay open before we close them": the
    # time to resolve
    (r"\bhow (?:long|many (?:hours|minutes|days)) (?:till|until|before|for) (?:a |an |the |our |each )?(?:[\w-]+ ){0,2}?"
     rf"(?:{QUERIES}|messages?|dms?|questions?) "
     r"(?:gets?|get|receives?|has|have) (?:a |an |its |their |our )?(?:first )?(?:repl(?:y|ies)|response|answer)\b|"
     r"\bhow (?:long|many (?:hours|minutes|days)) (?:till|until|before|for) (?:a |an |the |our |each )?(?:[\w-]+ ){0,2}?"
     rf"(?:{QUERIES}|messages?|dms?|questions?) "
     r"(?:is|are|gets?|get) (?:first )?(?:answered|replied to|responded to|picked up)\b", "first_response_time"),
    (rf"\b{QUERIES} (?:\w+ )?(?:stay|stays|remain|remains|"
     r"sit|sits|are left|is left) (?:open|unresolved|outstanding) (?:before|until|till)\b", "resolution_time"),
    # "what % of kennel bookings got refunded", "share of orders that were sent back": the refund rate
    # (the share cancelled is kpi_plain_words.py's)
    (rf"(?<!\w){SHARE} of (?:the |our |all )?(?:[\w-]+ )?{ORDERS} "
     r"(?:that |which )?(?:got |get |were |was |are |have been |ended up |end up )?(?:refunded|returned|sent back)\b", "refund_rate"),
    # "how many fresh faces walked in this week": people new to us (vocab.py has "new faces")
    (r"\bfresh (?:faces|customers|clients|punters|blood|visitors)\b", "new_visitors"),
    # "how many orders were late last quarter", "parcels that came in late": the orders said with
    # a verb and "late" are the on-time delivery (not an order count; "late at night" is an hour)
    # ("what share of orders were late": the share's words are blanked before, slot_readers.py)
    (rf"(?:\b(?:orders?|{DELIVERY}) (?:[\w'-]+ ){{0,2}}?|(?<=  ))"
     rf"(?:{_LATE_VERB}) (?:in |too |very |really |a (?:bit|day|few days|week|little) |days |hours )?late\b(?! ?{_HOUR})",
     "on_time_delivery"),
    # "how fast do we deliver on average", "how quickly does the bakery ship": the delivery time,
    # asked of the business doing it (replies are first_response_time's)
    (r"\bhow (?:fast|quick(?:ly)?|soon|speedily|promptly) (?:do|does|did|can|will) (?:we|i|you|they|(?:the |our |my )?"
     r"[\w'-]+(?: [\w'-]+)?) (?:usually |normally |typically |actually |generally |really |tend to )?(?:deliver|ship|dispatch|"
     r"post (?:out|orders|parcels|boxes)|send (?:out|orders|parcels|boxes)|get (?:orders|parcels|boxes|packages|stuff|things|it|them) "
     r"(?:out|delivered|to (?:people|customers|clients|them)))\b|\bhow (?:fast|quick(?:ly)?|soon) (?:do|does|did) (?:our |the |their )?"
     rf"(?:orders|{DELIVERY}) (?:usually |normally |typically |actually |generally )?"
     r"(?:arrive|get delivered|land|turn up|show up|reach)\b", "delivery_time"),
    # "how many reviews are positive", "how many of the ratings were favourable": the share of happy
    # reviews, as "what share of reviews are positive" (not a count of survey answers; texts with no
    # score are read for their sentiment instead, bot/agent/unrated_feelings.py)
    (r"\b(?:how many|number|count)(?: of)? (?:the |our |all |all the |those |these )?(?:[\w-]+ )?(?:reviews|ratings|"
     r"survey (?:answers|responses)) (?:[\w'-]+ ){0,3}?(?:are|were|is|was|have been|came out) (?:mostly |broadly |actually |"
     r"really )?(?:positive|good|happy|favou?rable|glowing)\b", "csat"),
    # (lane real25) "what share of reviews are negative?", "what percentage of the ratings were bad",
    # "how many of the reviews are unhappy": the happy or unhappy share of the reviews, CSAT where
    # they are scored (texts with no score are read for their sentiment, bot/agent/unrated_feelings.py)
    (r"\b(?:what (?:share|percentage|proportion|fraction|part|per ?cent)|the (?:share|percentage|proportion)|(?:share|percentage|"
     r"proportion|fraction) of|how many of|% of)\b(?: of)? (?:the |our |all |all the |those |these )?(?:[\w-]+ )?(?:reviews|ratings|"
     r"survey (?:answers|responses)) (?:[\w'-]+ ){0,3}?(?:are|were|is|was|have been|came out) (?:mostly |broadly |actually |really )?"
     r"(?:positive|negative|good|bad|happy|unhappy|favou?rable|unfavou?rable|glowing|poor|critical|angry|upset)\b", "csat"),
    # "what share of tickets never got a reply", "how many enquiries have had no answer": no KPI
    # is that share (nor the resolution rate; "still waiting for a reply" is the open tickets);
    # the first reply's time counts the tickets answered and, in its note, those without a reply
    # (slot_readers.py has it said)
    (UNANSWERED, "first_response_time"),
    # "how many skips did we hire out last week", "how many vans went out": a hire trade's orders
    (_HIRED_OUT, "orders"),
    # "left stuff in their basket without paying", "things sat in the trolley but never got bought":
    # what was put in a basket and not paid for is the cart abandonment, however the goods are said
    (rf"\b(?:left|leave|leaves|leaving|abandon\w*|ditch\w*|dump\w*|sat|sit|sits|sitting|put|puts|putting|"
     rf"stuck|stick|popp?\w*) (?:[\w'-]+ ){{0,3}}(?:in|into|inside) (?:the |their |a |an |our |his |her )?(?:[\w-]+ )?{BASKETS}"
     r"\s+(?:[\w'-]+\s+){0,2}?(?:without|before|but never|and never|but didn't|and didn't|but did not|and did not|"
     r"but not|and not|never)\b", "cart_abandonment"),
    # "what share of tickets opened last month got resolved": the period's words, blanked before,
    # leave wide gaps between the share and its outcome
    (rf"(?<!\w){SHARE} of (?:the |our |all )?(?:[\w-]+ )?(?:support |customer )?(?:tickets|complaints|cases|queries|"
     rf"enquiries|inquiries|issues)\s+(?:[\w'-]+\s+){{0,5}}?(?:got |get |were |was |have been |had been |are |been )?"
     rf"(?:actually |fully |finally )?{CLOSED}\b",
     "resolution_rate"),
    # "the conversion from basket to paid", "trolley-to-payment conversion": the purchase stage's
    # step, from the basket to paying (the funnel reads a chain of steps named with "order")
    (rf"\bconver\w* (?:rates? )?(?:from|between) (?:the |a )?{BASKETS} (?:to|and) (?:being )?(?:paid|paying|payment|pay|purchase)\b|"
     rf"\b{BASKETS}[- ]to[- ](?:paid|paying|payment|pay|purchase) conver\w*", "conversion_purchase"),
    # "cancellation % for marquee bookings", "refund percent last month": the outcome's rate
    (r"\bcancel+ations? ?(?:%|per ?cent(?:age)?s?)(?!\w)", "cancellation_rate"),
    (r"\b(?:refund|return)s? ?(?:%|per ?cent(?:age)?s?)(?!\w)", "refund_rate"),
    # "average satisfaction out of 5", "which weekdays do customers rate us best out of 5",
    # "how happy are diners, marks out of ten": a score out of 5 (or 10) is the mean rating
    (r"\b(?:satisf\w*|happ(?:y|iness|ier)|rate|rates|rated|rating|score|scores|scored|mark|marks|marked|grade|"
     r"graded|review\w*)\b(?:\s+[\w'-]+){0,4}?\s+(?:out of|from (?:1|one) to) (?:5|five|10|ten)\b|"
     r"\b(?:marks|score|scores|rating|ratings) out of (?:5|five|10|ten)\b|"
     # (lane tune31) "out of 5 on average?", "on average, out of five": the scale and the average
     # alone (a follow-up after a satisfaction %), never "3 out of 5 customers"
     r"\bout of (?:5|five|10|ten),? (?:on )?(?:average|avg)\b|\b(?:on )?(?:average|avg),? out of (?:5|five|10|ten)\b", "csat_mean"),
    # (lane tune21b) "average job value", "mean booking size", "typical repair bill": the trade's unit
    # of sale said in place of "order" is still the average order value
    (r"\b(?:average|avg|mean|typical) (?:job|booking|appointment|repair|treatment|session|service|install(?:ation)?|hire|"
     r"rental|fitting|call-?out|commission|fare|visit|sale|purchase|transaction|ticket|invoice|order|basket|"
     # (lane ps17) a maker's or builder's unit: "average build value", "mean project value", "typical print price"
     r"build|project|contract|deal|print|piece) "
     r"(?:value|size|amount|spend|bill|price|total)s?\b", "aov"),
]
SAYING_PATTERNS = [(lazy(p), code) for p, code in SAYING_TERMS]

_OUTCOMES = r"(?:refunded|returned|cancell?ed|canceled|refunds|returns|cancellations)"
# Cues of the compare tool: "refunded vs cancelled" sets two KPIs side by side, not two periods
SAYING_COMPARE_CUES = (
    (rf"\b{_OUTCOMES} (?:orders |bookings )?(?:vs\.?|versus|or|against) {_OUTCOMES}\b", -0.8),
    # "every kpi against the week before it", "all the numbers vs the month before": the headline
    # KPIs of both periods, side by side (kpis would give the one period alone)
    (r"\b(?:every |each |all (?:the |our |of (?:the |our )?)?)(?:kpis?|numbers?|figures?|metrics?|stats?)\b.{0,30}?"
     r"\b(?:against|vs\.?|versus|compared (?:to|with)|next to|alongside|beside) (?:the |that )?(?:\w+ )?"
     r"(?:day|week|fortnight|month|quarter|year|period|one)s? (?:before|prior|previous|earlier)\b", 0.6),
    # "are we slower to answer this month than we were last month", "busier than it was last week":
    # this period set against the one before, said with a comparative
    (r"\b(?:\w+er|more \w+|less \w+|better|worse)\b.{0,60}\bthan (?:we|it|they|things|you|i) (?:were|was|did|had been) "
     r"(?:in |during |over )?(?:the )?(?:last|previous|prior) (?:day|week|fortnight|month|quarter|year)\b", 0.6),
    # "the promoter score for each month of this year, up or down?": its course month by month (a
    # trend), not one period against another, unless a second one is named
    (rf"^(?!.*\b(?:vs\.?|versus|against|compared|than)\b).*\b(?:for|in|of) (?:each|every) (?:single )?{DAY_WEEK_MONTH}\b", -0.5),
)
# "how did Q2 go", "how was October for us", "how did last week go for the bakery": that period's
# headline numbers (with "how did we do" they were read; with the period as the subject they were not)
_PERIOD_WORD = (r"(?:q[1-4]|(?:last |this |the )?(?:week|weekend|month|quarter|year|fortnight|summer|winter|spring|autumn|"
                r"christmas|easter|season)|yesterday|today|january|february|march|april|june|july|august|september|"
                r"october|november|december)")
# Cues of the kpis tool (weights add up in bot/agent/ranking.py)
SAYING_CUES = (
    # "how many complaints did the salon get last week": the count, with the business as the
    # subject (what they said is "what were the complaints about")
    (r"\bhow many (?:new )?(?:support |customer )?(?:complaints|tickets|support requests) (?:has|have|did|does) (?:the|our|my) "
     r"(?:[\w'-]+ ){1,3}(?:had|got|get|gotten|received|receive|logged)\b", 0.4),
    # "how did the poke bar do yesterday", "how'd the salon get on last week": the business, by its
    # trade's name, and how it did (as "how did we do"): the headline numbers of that period
    (r"^(?:[\w' -]{1,30}: )?(?:so |and |ok,? |right,? )?how(?: did|'d| has| have) (?:the|our|my) (?:[\w'&-]+ ){1,3}?"
     r"(?:do|done|get on|got on|fare|fared|perform|performed|trade|traded)\b", 0.6),
    # (not a bare "how was last month?", which follows up on the analysis before)
    (rf"^(?:[\w' -]{{1,30}}: )?(?:so |and |ok,? |right,? )?how (?:(?:did|'d) {_PERIOD_WORD} (?:go|turn out|pan out|shape up|"
     rf"treat us)|(?:was|were) {_PERIOD_WORD} (?:for (?:us|me|the [\w'-]+|business|trade)|overall))\b", 0.6),
    # "what share of online baskets get left behind without buying": the share of carts is the
    # KPI asked (cart abandonment), not where in the journey people leave
    (rf"\b(?:share|percentage|proportion|fraction|%|per ?cent|how many|number) of (?:the |our |all )?(?:[\w-]+ )?"
     rf"{BASKETS}\b", 0.35),
    # "is the backlog growing or shrinking?": which way it went is the backlog change's sign, one
    # number (a series is asked in its own words: "week by week")
    (_BACKLOG_MOVES, 0.6),
    (_HIRED_OUT, 0.3),
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
