"""The words the offline planner understands: KPIs, customer dimensions, channels, feedback
sources, places and the people nouns that mark a filter ("vip customers", "London shoppers").

Each list maps what owners say to the codes the tools take. Patterns run on the lower-cased
question after typo correction (bot/agent/fuzzy.py); the KPI patterns run most specific first,
and a matched phrase is used up, so "average order value" is one KPI, not also "orders".
"""

from __future__ import annotations

from bot.agent.patterns import lazy

# -- KPIs ------------------------------------------------------------------------------------

_DELIVERY = r"(?:deliver(?:y|ies)|shipping|postage|dispatch)"
_TICKETS = r"(?:support )?(?:tickets?|emails?|messages?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|complaints?|issues?|problems?)"

_ORDERISH = r"(?:orders?|purchases?|sales|bookings?|appointments?|reservations?|items|parcels|deliveries|transactions)"
_SHARE = r"percentage|per ?cent|share|proportion|fraction|%|what part|rate"
# words around talk about refunds, not their number: a feedback search or a ticket, not a KPI ("what about" leads a follow-up)
_TALK = (r"(?:mention\w*|(?<!what )(?<!how )about|regarding|saying|said|say|says|talk\w*|complain\w*|search\w*|find|quotes?|"
         r"comments?|tweets?|tickets?|feedback|moan\w*|angry)")

# Tickets dealt with, in owners' words (British and American): resolved, closed, sorted, dealt with.
_TK = (r"(?:support |customer )?(?:tickets?|complaints?|cases|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|"
       r"support requests|requests|issues|problems)")
_DONE = r"(?:resolved|closed|solved|fixed|sorted(?: out)?|dealt with|cleared|handled|wrapped up)"
_DO = r"(?:resolve|close|solve|fix|sort(?: out)?|deal with|clear|handle|wrap up|get through)"

# (pattern, metric code), most specific first. Codes are tools.analytics.kpi_catalog.Metric.
METRIC_TERMS: list[tuple[str, str]] = [
    # Tickets resolved and how that keeps up with those coming in (lane g-kpis3): "closing them
    # faster than they come in" is the backlog's change, a share of tickets resolved the
    # resolution rate, "how many did we close" the tickets resolved (not how long they took).
    (r"(?:clos|resolv|solv|fix|sort|clear|deal|get)\w* (?:[\w']+ ){0,4}(?:faster|quicker|slower|more|fewer|as fast) "
     r"(?:than|then|as) (?:[\w']+ ){0,2}(?:come|came|comes|coming|arrive\w*|open\w*|get|are opened|are raised|land)\b|"
     r"(?:come|comes|coming|arriv\w*|open\w*|pil\w*) (?:in |up )?(?:faster|quicker) (?:than|then) (?:[\w']+ ){0,2}"
     r"(?:clos|resolv|solv|fix|sort|clear|deal|get)\w*|"
     r"keep(?:ing)? up with (?:the |our |all )?(?:support |ticket |incoming )?(?:tickets|complaints|queue|support|"
     r"enquiries|queries|inbox|requests)|"
     r"\bnet (?:change in )?(?:tickets|backlog|ticket backlog)|\bbacklog change|"
     r"(?:tickets|complaints|cases) (?:opened|in|coming in) (?:vs\.?|versus|against|and) (?:closed|resolved|out|going out)\b",
     "backlog_change"),
    (rf"(?:{_SHARE}) of (?:[\w']+ ){{0,3}}{_TK} (?:[\w']+ ){{0,3}}(?:actually |fully |finally )?{_DONE}\b|"
     r"(?:ticket |support |case |complaint )?(?:resolution|closure|close|solve|fix) (?:rate|ratio|percentage)\b|"
     rf"how many of (?:our |the |these |those |all )?(?:\w+ )?{_TK} (?:\w+ ){{0,2}}(?:get |got |gets |were |are |have been )"
     rf"(?:actually |fully |finally )?{_DONE}\b", "resolution_rate"),
    (rf"(?:how many|number of|count of|total) (?:of )?(?:the |our )?(?:\w+ )?{_TK} (?:did|have|has|had) (?:we|you|the team|"
     rf"they|staff|(?:the |our |my )?[\w']+) (?:actually |finally |manage to |managed to )?(?:{_DO}|{_DONE})\b|"
     rf"(?:how many|number of|count of) (?:\w+ ){{0,2}}{_TK} (?:got |were |was |have been |has been |had been |get |are |been )"
     rf"(?:actually |fully |finally |successfully )?{_DONE}\b|"
     r"\b(?:resolved|closed|solved|cleared) (?:support )?(?:tickets|complaints|cases|queries|enquiries)\b|"
     rf"{_TK} (?:resolved|closed|solved|cleared|dealt with|sorted) (?:this|last|per|each|every|in|on|today|yesterday|so far|"
     r"a day|a week|by)\b|"
     r"(?:got|get|getting) back to (?:and |[\w']+ and )(?:fix|fixed|sort|sorted|solve|solved|resolve|resolved)\b|"
     # "tickets resolved last week" arrives with its period blanked out; "which day do we close
     # the most tickets"
     rf"^\s*{_TK} (?:resolved|closed|solved|cleared|dealt with|sorted(?: out)?)(?=\s*[?.!]?\s*$| {{2,}})|"
     rf"(?:clos|resolv|solv|clear|sort)\w* (?:out )?(?:the )?(?:most|fewest|least) {_TK}",
     "resolved_tickets"),
    # Counts an owner asks for first. "how many tickets are still open?" is the stock of open
    # tickets, not how long they take; "how many tickets this week" is the tickets, not their
    # reply time; "how many reviews did we get" is the answers, not their score. "How many are
    # there / on file" stays the data's size (describe_data), and "how long" stays a time.
    (r"^(?!.*\bhow long\b)(?:.*?\b)?(?:(?:open|outstanding|unresolved|unanswered and open) (?:support )?"
     r"(?:tickets|cases|queries|enquiries|inquiries|requests|complaints)\b|"
     r"(?:tickets|cases|queries|enquiries|inquiries|requests|complaints) (?:[\w']+ ){0,4}(?:still |yet )?(?:open|outstanding|"
     r"unresolved|unanswered|(?:not|[a-z]+n'?t) (?:yet )?(?:been )?(?:resolved|closed|solved|fixed|sorted(?: out)?))\b|"
     r"\bunresolved (?:support )?(?:tickets|cases|queries|enquiries|inquiries|requests|complaints)\b|^(?:so |and )?how many (?:are|remain) still (?:open|unresolved|outstanding)\b|"
     r"(?:tickets|cases|queries|complaints) (?:still )?(?:waiting|awaiting) (?:a |to be )?(?:resolution|resolved|closed)|"
     # "how many tickets are still waiting for an answer?": the stock left open now, not the wait
     r"(?:how many|number of|count of) (?:\w+ ){0,2}(?:tickets|cases|queries|enquiries|inquiries|requests|complaints|customers|"
     r"people) (?:[\w']+ ){0,2}(?:still |yet )?(?:waiting|awaiting|left waiting)(?: for| on)? (?:a |an |our |the |any )?"
     r"(?:answer|reply|response|resolution)s?\b|"
     r"(?:tickets|cases|queries|enquiries|inquiries|requests|complaints) (?:[\w']+ ){0,2}still (?:waiting|awaiting)(?: for)? "
     r"(?:a |an |our |the |any )?(?:answer|reply|response)s?\b|"
     r"(?:backlog|queue) of (?:support )?(?:tickets|cases|queries)|(?:ticket|support) (?:backlog|queue)\b)", "open_tickets"),
    (r"(?:how many|number of|count of|volume of)(?!.*\b(?:on file|are there|is there|in the data|loaded|in total|about|mention\w*|regarding|saying)\b) "
     r"(?:new |incoming )?(?:[\w-]+ (?=support |customer ))?(?:support |customer )?(?:tickets|support requests|requests for (?:help|support)|complaints|"
     r"support (?:queries|enquiries|inquiries|emails|cases|chats)|help requests|cases)"
     r"(?= (?:did we(?! (?:resolve|close|fix|solve|sort|answer|reply|respond))|do we(?! (?:have|hold|keep|resolve|close|fix|solve|sort|answer|reply|respond))|have we(?! (?:resolved|closed|fixed|solved|answered))|"
     r"came|come|comes|coming|were|was|got|have come|we(?:'ve)? got|we(?:'ve)? had|we received|we get|logged|opened|raised|filed|"
     r"submitted|created|arrived|in|this|last|over|during|per|a day|a week|each|every|today|yesterday|so far|since|from)\b|\s*[?.!]?$)|"
     r"\bticket (?:volumes?|counts?|numbers)\b|\b(?:tickets|complaints|support requests) (?:were |got |have been |being )?"
     r"(?:logged|raised|opened|filed|submitted|created)\b|\bcomplaints (?:came|come|coming) in\b|"
     # "alert if tickets rise by 50%", "tickets jumped last week": the count of tickets moving
     r"\b(?:support )?tickets (?:rise|rises|rose|risen|jump\w*|spike\w*|climb\w*|fall|falls|fell|drop\w*|go up|went up|"
     r"go down|went down|double\w*|increase\w*|decrease\w*|surge\w*)\b|"
     # "flag any unusual day for tickets", "odd weeks in complaints": days of the count
     r"\b(?:days?|weeks?|months?) (?:for|of|in) (?:our |the )?(?:support )?(?:tickets|complaints|support requests)\b|"
     # "tickets and resolution time, this week vs last": the count first in a list of KPIs
     r"^(?:support )?(?:tickets|complaints|support requests)(?=,? (?:and|&|plus) (?:the |our |average |avg )?(?:[\w-]+ ){0,2}"
     r"(?:times?|rates?|scores?|nps|csat)\b)", "tickets"),
    (r"(?:how many|number of|count of)(?!.*\b(?:on file|are there|is there|in the data|loaded|in total|about|mention\w*|regarding|saying)\b) "
     r"(?:new |customer |online |google |5[- ]star |survey )?(?:reviews|survey (?:responses|answers|replies|submissions)|"
     r"responses|feedback (?:forms|responses|submissions|surveys)|(?:nps|csat) (?:responses|answers|surveys)|ratings)"
     r"(?= (?:did we|have we|came|come|comes|coming|were|was|got|have come|we(?:'ve)? got|we(?:'ve)? had|we received|we get|"
     r"(?:the|our|my) (?:[\w'-]+ ){1,2}(?:got|had|received|gets|has had)|"  # (ps24) "how many reviews the salon got"
     r"arrived|in|this|last|over|during|per|a day|a week|each|every|today|yesterday|so far|since|from|were (?:left|submitted|given))\b|"
     r"\s*[?.!]?$)|"
     r"how many (?:people|customers|guests|clients|members|of them) (?:have |had )?(?:answered|responded to|replied to|filled in|"
     r"filled out|completed|took|did|returned) (?:the |our |a |my )?(?:\w+ )?(?:survey|questionnaire|feedback form)s?|"
     r"\b(?:survey|review|feedback form|questionnaire) (?:response |answer )?(?:count|volume|numbers)\b|"
     r"\b(?:feedback forms|survey (?:responses|answers)|reviews) (?:came|come|coming) in\b|\breviews (?:were |got )?left\b|"
     r"\b(?:days?|weeks?|months?) (?:for|of|in) (?:our |the )?(?:new )?(?:reviews|survey responses)\b",
     "survey_responses"),
    # Refunds, returns and cancellations of orders (not a tax return, not "customers who return"):
    # a rate when a share is asked, else the count. Talk about them ("tickets that mention
    # refunds") stays with feedback.
    (rf"^(?!.*\b{_TALK}\b)(?:.*?\b)?(?P<kpi>(?:refund|return)s? (?:rate|ratio|percentage)s?\b|rate of (?:refunds|returns)\b|"
     rf"(?:{_SHARE}) of (?:\w+ ){{0,2}}{_ORDERISH} (?:\w+ ){{0,3}}(?:returned|refunded|sent back|brought back|taken back)\b|"
     rf"(?:{_SHARE}) of (?:\w+ ){{0,2}}(?:refunds|returns)\b|"
     r"how often (?:\w+ ){0,4}(?:returned|refunded|sent back|ask(?:s|ed)? for (?:a )?refunds?)\b|"
     # "what percentage of orders are returned": the share's words ("percentage of orders") come
     # blanked out by the slot reader, which leaves a run of spaces before the verb
     r" {10,}(?:[\w']+ ){0,2}(?:returned|refunded|sent back|brought back|taken back)\b)", "refund_rate"),
    (rf"^(?!.*\b{_TALK}\b)(?:.*?\b)?(?P<kpi>cancel+ations? (?:rate|ratio|percentage)s?\b|cancel+(?:ation)? rate\b|"
     r"rate of cancel+ations\b|"
     rf"(?:{_SHARE}) of (?:\w+ ){{0,2}}{_ORDERISH} (?:\w+ ){{0,3}}cancel+ed\b|"
     rf"(?:{_SHARE}) of (?:\w+ ){{0,2}}cancel+ations\b|"
     r"how often (?:\w+ ){0,4}(?:cancel+ed|cancel+ations?)\b|"
     r" {10,}(?:[\w']+ ){0,2}cancel+ed\b)", "cancellation_rate"),
    (rf"^(?!.*\b{_TALK}\b)(?:.*?\b)?(?P<kpi>{_ORDERISH} (?:[\w']+ ){{0,2}}(?:got |were |was |get |gets |are |is |been |being |have been |had been )?"
     r"(?:returned|refunded|sent back|brought back)\b|(?:returned|refunded) (?:orders|purchases|items|sales|bookings|parcels)\b|"
     r"(?<!tax )\b(?:refunds|returns)\b(?! (?:policy|policies|process|label|labels|form|page)\b)|"
     r"how many (?:\w+ ){0,2}(?:got |were |have been )?(?:refunded|returned for a refund)\b)", "refunded_orders"),
    (rf"^(?!.*\b{_TALK}\b)(?:.*?\b)?(?P<kpi>{_ORDERISH} (?:[\w']+ ){{0,2}}(?:got |were |was |get |gets |are |is |been |being |have been |had been )?"
     r"cancel+ed\b|cancel+ed (?:orders|bookings|appointments|reservations|sales|purchases|deliveries)\b|"
     r"\bcancel+ations\b|\bno[- ]shows\b)", "cancelled_orders"),
    (r"time to (?:their |a |the )?first (?:purchase|order|buy)|"
     r"how long (?:before|until|till|does it take(?: for)?|do(?:es)? it take(?: for)?)\b.{0,40}?"
     r"\b(?:buy|buys|purchase|order)s?\b(?: for the first time| anything)?|"
     r"days? (?:to|before|until) (?:the |their |a )?first (?:purchase|order)|"
     r"buy for the first time|first[- ]purchase time|"
     r"how long (?:do|does|did) (?:\w+ ){0,4}take (?:to|before|until) .{0,30}\b(?:buy|purchase|order)|"
     r"(?:how long|time|days|wait\w*) (?:\w+ ){0,8}(?:their|a|the) first (?:purchase|order)|"
     r"(?:how long|time|days|weeks|wait\w*) (?:\w+ ){0,6}(?:between|from) (?:[\w']+ ){1,5}(?:and|to|until|till) "
     # "until someone's first purchase": whoever it is, their first one
     r"(?:the |their |a |his |her |[a-z]+'s )?first (?:purchase|order|sale|buy)", "time_to_first_purchase"),
    (r"first (?:responses?|repl(?:y|ies)|answers?)(?: times?)?|response times?|reply times?|"
     r"time to (?:first )?(?:reply|respond|answer)|"
     r"how (?:fast|quickly|long|soon)(?: (?:do|does|did) (?:we(?: take)?|it take(?: us)?(?: to)?)| (?:we|they|the team|our team|staff))?\s*(?:to )?"
     r"(?:reply|respond|answer|get back)\w*|"
     rf"(?:reply|respond|answer)(?:ing)? (?:to )?(?:our |the |a )?(?:customers?'? )?{_TICKETS}|"
     r"get(?:ting)? back to (?:customers|people)|"
     # "how long do tickets sit unanswered", "left waiting for a reply"
     rf"{_TICKETS} (?:\w+ ){{0,2}}(?:unanswered|without (?:a |any )?(?:reply|response|answer))\b|"
     r"waiting for (?:a |our |the )?(?:first )?(?:reply|response|answer)", "first_response_time"),
    (r"resolution times?|time to (?:resolve|fix|close|sort out|solve)|"
     rf"(?:resolv|solv|clos|fix|sort)(?:e|es|ed|ing)? (?:out |off |up )?(?:(?:\d+ ?(?:%|per ?cent)|all|most|half) (?:of )?)?"
     rf"(?:a |the |our |support )?(?:customer'?s?'? )?{_TICKETS}|"
     rf"{_TICKETS} (?:take |took |takes |taking )?(?:to )?(?:get |be |being |getting |is |are |was |were |gets |got )?"
     # "a ticket fully sorted", "until a customer's problem is completely fixed"
     r"(?:fully |completely |properly |finally |totally |all )?(?:resolved|closed|fixed|solved|sorted)|"
     r"how long (?:do|does) (?:it take (?:us )?to )?(?:resolve|fix|sort|solve)|"
     r"tickets? (?:\w+ ){0,3}open (?:before|until|till)|(?:before|until|till) (?:they'?re|they are|it'?s|it is|they get|"
     r"it gets) (?:closed|resolved|fixed|sorted|solved)|"
     r"\bunresolved\b(?! (?:alerts?|alarms?|warnings?))", "resolution_time"),
    (r"on[- ]time|punctual\w*|late (?:deliver\w*|parcels?|packages?|orders?|arrivals?)|"
     rf"{_DELIVERY} (?:\w+ )?(?:arriv\w* |were |are |is |was |came |come |being )?late|arriv\w* late|"
     r"delivered late|late (?:deliver|arriv)\w*|on schedule|"
     # "arrived by the estimated date", "delivered before the promised day", "met the delivery estimate"
     r"(?:arriv\w*|deliver\w*|came|come|turn(?:ed|s)? up|got there|get there|reach\w*|landed) (?:\w+ ){0,3}"
     r"(?:by|before|on or before|within|ahead of|in line with) (?:the |their |its |our |an? )?(?:estimated|promised|"
     r"expected|quoted|due|target|scheduled|agreed|committed|estimate|promise)\b|"
     r"(?:by|before|within) (?:the |their |its )?(?:delivery )?(?:estimate|promise|due date|eta|deadline)\b|"
     r"(?:met|meet|meets|hit|hits|kept|keep|beat|beats|missed|miss|misses) (?:the |our |their )?(?:delivery )?"
     r"(?:promise|estimate|eta|due date|deadline|promised date|estimated date)s?\b", "on_time_delivery"),
    (rf"{_DELIVERY} (?:times?|speed|durations?)|time to (?:deliver|ship)|days? to (?:deliver|ship|arrive)|"
     rf"how (?:long|many days|fast|quick(?:ly)?|slow) (?:does|do|did|will|is|are|has been|have been) (?:the |our |it take (?:to|for) )?"
     rf"(?:{_DELIVERY}|deliver|ship|parcels?|orders? to arrive)|"
     rf"{_DELIVERY} (?:take|takes|took|taking)|{_DELIVERY} (?:is |was |are |got )?(?:faster|slower|quicker)|"
     r"(?:deliver|ship)(?:ing|ed)? (?:faster|slower|quicker)|(?:faster|slower|quicker) (?:deliver|ship)\w*|"
     # (lane ps28) the goods' name between: "slower welsh cake deliveries", "quicker log shipments"
     r"\b(?:faster|slower|quicker) (?!(?:and|or|than|to|for|in|on)\b)(?:[a-z'-]+ ){1,2}?(?:deliveries|shipments|dispatches)\b|"
     r"days? (?:from|between) (?:an? |the )?(?:order|purchase|ordering|buying|checkout) (?:to|and|until|till) "
     r"(?:the )?(?:delivery|arrival|doorstep|door|receipt)|"
     # "how many days does a veg box take to reach people once they order": whatever is sent, the
     # wait until it is with the customer
     r"(?:how (?:many days|long|quickly|fast|soon)|days?|time) (?:\w+ ){0,8}(?:reach|reaches|get to|gets to|arrive (?:with|at)|"
     r"arrives (?:with|at)|land with|lands with|turn up (?:with|at)|make it to) (?:the |our |their |a )?(?:people|customers?|"
     r"buyers|clients|them|doorsteps?|doors?|homes?)\b|"
     rf"slowest (?:\d+ ?% of )?(?:{_DELIVERY}|parcels?|packages?|shipments?|boxes)|"
     r"(?:days?|time|long) (?:\w+ ){0,2}(?:for|until|till|before) (?:\w+ ){0,3}(?:orders?|parcels?|packages?|deliveries) "
     r"(?:to |have |has |are |get )?(?:arrive|arrives|arrived|reach|land|turn up|get delivered|delivered)",
     "delivery_time"),
    (r"(?:cart|basket|trolley|checkout)s? (?:get |are |is |being |were |was )?abandon\w*|"
     r"abandon\w* (?:their |the |a |our |an? )?(?:carts?|baskets?|trolleys?|checkouts?)|abandonment|abandon rates?|"
     r"left (?:items? )?in (?:the |their )?(?:cart|basket)s?|"
     r"(?:carts?|baskets?) (?:\w+ ){0,2}(?:left|dropped|not (?:bought|completed|checked out|paid for))\b|"
     r"(?:left|dropped|unfinished|incomplete|forgotten) (?:carts?|baskets?|trolleys?)|without checking out", "cart_abandonment"),
    (r"bounc(?!\w* (?:off|away)\b)\w*|leave after (?:a single|one|the first|just one) page|single[- ]page (?:visits|sessions)",
     "bounce_rate"),
    (r"exit rates?|\bexits\b", "exit_rate"),
    (r"session conversion|(?:web ?site |site |web )?(?:visits?|sessions?) (?:that )?(?:convert\w*|conversion)|"
     # not "conversion from visiting to buying": visitors who buy, the buying rate
     r"conversion (?:rate )?(?:per|of|from) (?:a |each )?(?:web ?site |site )?(?:visits?|sessions?)\b|"
     r"(?:sessions?|visits?) +(?:(?:in|during|from|over|on|to) +(?:[\w'-]+ +){0,4}?)?(?:that |which )?(?:actually |eventually |really |ever |then )?(?:end|ended|ending|result\w*|lead\w*|"
     r"turn\w*) (?:up )?(?:in|to|into|with) (?:an? )?(?:purchase|sale|order|buy|booking|hire)", "session_conversion"),
    (r"checkout conversion|conversion (?:rate )?(?:at|from) (?:the )?checkout|checkout[- ]to[- ](?:purchase|order|payment|paying|paid|sale)(?: conversion(?: rates?)?)?|"
     r"checkouts? (?:that )?(?:convert|complete)", "conversion_purchase"),
    (r"\b(?:4|four) ?(?:or|and|to|-|–|/) ?(?:5|five)(?:[- ]stars?| star| out of (?:5|five))?\b|"
     r"\b(?:4|four)[- ]?(?:\+|plus)(?= |$)|\b(?:4|four)[- ]stars? (?:or|and) (?:above|more|up|higher|better)\b|"
     r"\btop[- ]two[- ]box\b|(?:share|percentage|proportion|%) of (?:\w+ ){0,2}(?:good|positive|high|happy) "
     r"(?:reviews|ratings|scores)\b", "csat"),
    (r"(?:average|mean|avg|overall)\s+(?:customer\s+|star\s+|review\s+|satisfaction\s+)*(?:score|rating|csat)s?|"
     r"review (?:score|rating)s?|star ratings?|(?:score|rate|rated|scored|rating) us (?:on average|out of)|"
     r"(?:on )?average (?:score|rating|stars?) (?:\w+ ){0,2}(?:gave|give|given) us|csat mean|mean csat|\bratings?\b|stars? out of (?:5|five)",
     "csat_mean"),
    (r"\bcsat\b|satisf\w*|customer happiness", "csat"),
    (r"\bnps\b|net promoter|promoter score|recommend(?:ing)? us|(?:would|likely to|willing to) recommend|"
     r"recommendation score", "nps"),
    (r"lifetime value|life[- ]time value|\bclv\b|\bcltv\b|\bltv\b|"
     r"worth (?:to us )?(?:over|across|in|for) (?:their|a|the|its) (?:whole |entire )?life(?:time|span)?|"
     r"worth (?:\w+ ){0,2}(?:in the )?long[- ]term|lifetime (?:spend|revenue|worth)|"
     # "what has a customer actually been worth so far": the historic value, a KPI
     r"\b(?:has|have|had) (?:\w+ ){0,4}been worth\b|\bworth (?:to us )?(?:so far|to date)\b", "clv"),
    (r"churn\w*|attrition|customers? (?:we )?(?:lost|lose)|lapsed customers|"
     r"how many (?:customers|clients|regulars|buyers|people) (?:did|have|do) we (?:lose|lost)|"
     r"(?:customers|clients|regulars) (?:we(?:'ve| have)? )?lost\b|"
     r"stopped (?:buying|coming|ordering|shopping)", "churn_rate"),
    # A count of people who came back, asked in the past ("how many customers ordered twice",
    # "how many came back", "have bought more than 3 times") or of "repeat customers": the head
    # count. The habitual present ("how many customers buy again?") asks how common it is: the rate.
    (r"(?:how many|number of|count of) (?:\w+ ){0,2}(?:repeat|returning) (?:customers|buyers|shoppers|clients|guests|"
     r"members|people|patrons)\b(?! rates?\b)|"
     r"how many (?:of (?:our |the |them|those)\s*)?(?:[\w'-]+ ){0,2}?(?:customers|people|buyers|shoppers|clients|guests|members|"
     r"patients|regulars|folks|of them)? ?(?:have |had )?(?:actually )?(?:(?:ordered|bought|purchased|shopped|booked|paid|"
     r"visited|came back|returned|(?:came|popped|dropped|called) in)(?: (?:from|with|at) us)?(?: [\w']+){0,3}? (?:twice|again|more than once|"
     r"two or more times|at least twice|multiple times|a second time|repeatedly|more than (?:\d+|[a-z]+) times|"
     r"(?:\d+|[a-z]+) or more times|at least (?:\d+|[a-z]+) times)\b|came back\b|(?:have|had) (?:come|been) back\b)",
     "repeat_customers"),
    (r"repeat (?:purchase|purchases|buyers|customers|business|custom|rate|orders?|buying|visits)|"
     r"(?:buy|book|hire)(?:ing|s)? (?:from us |with us |us )?again|come back (?:and|to) (?:buy|order|shop)|came back|"
     r"returning (?:customers|buyers|shoppers)|re-?order(?:ing)? rate|"
     r"(?:purchase|order)s? again\b|second (?:purchase|order)|"
     r"(?:order|bought|buy|purchas|shop|spent|spend)\w* (?:\w+ ){0,3}(?:more than once|twice or more|twice|two or more times|"
     r"at least twice|multiple times|more than one time|again)\b|more than one order|(?:two|2) or more orders|"
     r"(?:customers|people|buyers|shoppers|clients|regulars) (?:\w+ ){0,2}(?:come|coming|came) back\b|"
     r"come back for more", "repeat_purchase_rate"),
    # (lane probe29b) "avg sale value": the average said short
    (r"average (?:order|basket|transaction|sale|ticket|cart|spend)(?: (?:value|size|amount))?|\baov\b|\bavg (?:sale|order) value\b|"
     r"(?:basket|cart|order) (?:size|value)s?|(?:spend|spent|spends|spending) (?:more |less )?per (?:order|visit|transaction|basket|cart|sale)|"
     r"typical (?:order|basket|spend|transaction)(?: (?:size|value|amount))?|average price of what (?:people|customers|they|we) (?:buy|order)|"
     r"how much (?:do |does )?(?:people|customers|a customer|someone) spend (?:per|each|an?) (?:order|visit|time)",
     "aov"),
    (r"active (?:customers|users|shoppers|buyers|people|members|clients|subscribers|accounts|patrons)|unique (?:customers|shoppers|visitors|buyers)|"
     r"customers (?:who )?(?:were |are )?active|"
     # "how many visitors did we have?": everyone with any event in the period
     r"how many (?:unique |different |distinct |individual )?(?:visitors|users|shoppers)"
     r"(?=\s*(?:$|[?,.]|did|do|have|had|were|are|came|visited|in|over|during|last|this|yesterday|today|so far|all|overall)\b)|(?:number|count) of (?:unique |distinct )?(?:visitors|users)\b|"
     r"how many people (?:visited|came|came by|dropped by|stopped by)\b(?! (?:in |by |round |to us )?"
     r"(?:(?:thru|through|via|from|on|off) (?:\w+ ){1,2})?for the (?:very )?first time)|"
     # "how many separate clients did we see last week", "how many customers did we have on the
     # 14th": everyone who was there, counted once (not "have we got on file": the data's size)
     r"(?:how many|(?:number|count) of) (?:different|distinct|separate|individual) (?:customers|clients|guests|people|patrons|"
     r"members|visitors|shoppers)\b|"
     r"how many (?:customers|clients|guests|people|patrons|members) did (?:we|you|the \w+) (?:have|see|serve|welcome)\b",
     "active_customers"),
    (r"new (?:visitors?|customers|people|faces|shoppers|users|clients|patients|guests|patrons|diners|folks?)|newcomers?|newbies|"
     r"first[- ]time (?:visitors|customers|shoppers)|\barrivals?\b|traffic from|"
     # "how many folk came in for the first time", "new enquirers", "first-timers": people new to us
     # "came to us thru instagram for the first time": a channel may sit between
     r"\b(?:came|come|comes|coming|visited|shopped|popped|walked|dropped) (?:in |by |round |here |with us |to us )?"
     r"(?:(?:thru|through|via|from|on|off) (?:\w+ ){1,2})?for the (?:very )?first time\b|\bfirst[- ]timers?\b|\bnew (?:enquirers|inquirers)\b", "new_visitors"),
    (r"\bsessions\b|(?:site|website|web|online) visits|visits (?:to|on) (?:the |our )?(?:site|website|shop)",
     "sessions"),
    # a head count of the people who bought: customers with a completed order in the period
    (r"how many (?:unique |distinct |different |individual |paying )?(?:buyers|purchasers|paying customers)"
     r"(?:\s*$|[?,.]| (?:did|do|have|had|were|are|in|over|during|last|this|so|all|overall|on|yesterday|today))|"
     r"(?:number|count) of (?:unique |distinct |different |paying )?(?:buyers|purchasers|paying customers)\b",
     "buyers"),
    (r"purchase rates?|buy(?:ing)? rates?|conversion(?:s| rates?)?|convert(?:s|ed|ing)?|"
     r"(?:share|percentage|%|proportion|fraction|how many) of (?:\w+ ){0,2}(?:visitors|customers|people|shoppers|users) "
     r"(?:who |that )?(?:(?:turn up|turns up|come in|comes in|visit|visits|show up|shows up|drop by|pop in|come by) )?"
     r"(?:(?:go on to|end up|ends up|actually|eventually|then|and) )*(?:buy\w*|purchas\w*|order\w*)|"
     # "what share of the people who interacted with us actually bought something", "of those
     # who got in touch, what percentage went on to order": the share that bought, however the
     # people before it are described
     r"(?:share|percentage|%|proportion|fraction|per ?cent) of (?:[\w-]+ ){0,2}(?:visitors|customers|people|shoppers|users|"
     r"folks?|clients|guests|ones|everyone|those)(?: (?:who|that)(?: [\w']+){1,5}?)? (?:(?:go|went|goes) on to |ended up |"
     r"end up |actually |eventually |then |later |also )+(?:buy\w*|bought|purchas\w*|order\w*|book\w*)|"
     r"(?:what|which) (?:share|percentage|proportion|fraction|%|per ?cent)(?: of (?:them|those|these))? (?:(?:go|went|goes) on to |"
     r"ended up |end up |actually |eventually |then |later )+(?:buy\w*|bought|purchas\w*|order\w*|book\w*)|"
     r"how many (?:of (?:our |the |them|those)\s*)?(?:\w+ )?(?:visitors|customers|people|shoppers|users|clients|sessions)?"
     r" ?(?:actually |went on to |ended up |then |also )?(?:bought|purchased|converted|made (?:a )?purchases?|"
     r"placed (?:an )?orders?|checked out)\b",
     "purchase_conversion"),
    # "how much did we turn over?": the verb as well as the noun
    (r"revenue|(?<!after-)(?<!after )\bsales\b|takings|(?<!staff )(?<!employee )turn ?over|turned over|turning over|\bincome\b|"
     # "how much money came in", "cash through the till": the money itself
     r"\b(?:money|cash) (?:came|come|comes|coming|went|flowed|rolled) (?:in|through)\b|\bthrough the tills?\b|"
     # "and in money terms?": the same question asked of the money
     r"\bin (?:money|cash|monetary|pounds?|dollars?|euros?|sterling) terms\b|"
     r"how much (?:money )?(?:did |have |do |does |has )?(?:we|i|the (?:shop|store|cafe|café|business|restaurant|studio|"
     r"site|web ?shop|online shop|bar|salon|bakery)) (?:actually |really |even |roughly |all in |in total )?"
     r"(?:make|made|take|taken|sell|sold|earn|earned|bring in|brought in)|"
     r"what (?:did|have|has) (?:we|i|the (?:shop|store|cafe|café|business|restaurant|studio)) "
     r"(?:actually |really |even |roughly )?(?:take|taken|earn|earned|"
     # "what did we make last month?": the money made; "what did we make of ..." is an opinion
     r"make(?! of\b| (?:a |any )?(?:mistakes?|changes?|errors?|wrong|it|them|sure)\b)|made(?! of\b| (?:a |any )?(?:mistakes?|changes?|errors?)\b)|"
     r"bring in|brought in|turn over|turned over|sell|sold)\b|"
     r"money (?:we )?(?:made|took|brought in)|"
     # "what did the cheese counter bring in", "how much did each region bring in": the money a
     # part of the business brought in, whoever it is
     r"\b(?:what|how much) (?:money )?(?:did|does|do|has|have) (?:the |our |my |each |every )?(?:[\w'-]+ ){0,3}"
     r"(?:bring in|brought in|take in|taken in|turn over|turned over|rake in|raked in)\b|"
     # "which categories make us the most money?", "earn us the most": the money a group brings
     r"\b(?:make|makes|made|earn|earns|earned|bring|brings|brought) (?:us |in )?(?:the )?(?:most|least|more|less) "
     r"(?:money|cash|income|sales)\b|"
     # (lane ps28) "which day did the fudge stall take the most", "rake in the least": the takings, no noun after
     r"\b(?:take|takes|took|taken|taking|rake|rakes|raked) (?:in )?(?:the )?(?:most|least)\b(?=\s*(?:[,?.!]|$|(?:in|on|during|over|last|this|that|yesterday)\b))|"
     # "the 35-44s: how much did they spend this month?": what a group spent, in money
     r"(?:how much|what) (?:money )?(?:did|have|has) (?!we |i |you )(?:[\w-]+ ){1,6}(?:spend|spent)\b(?! per\b| on average\b| each\b)",
     "revenue"),
    # a booking, an appointment, a reservation is the order of a business that takes them
    (r"\borders\b|number of (?:purchases|sales)|\border (?:count|volume|numbers)\b|"
     r"\b(?:bookings|appointments|reservations)\b(?! (?:system|page|form|calendar|app|site|tool|widget|link|button)s?\b)|"
     # "did facebook customers order more?": the verb counts orders too
     r"\b(?:customers|people|buyers|shoppers|clients|users|they|members|subscribers|regulars|visitors|folks|guests) "
     r"(?:\w+ )?order(?:ed)? (?:more|less|fewer)\b(?! than once)|"
     # "how many frames did we sell", "which age bracket books the most trips": the orders, in the
     # trade's own verb
     r"\bhow many (?:[\w-]+ ){1,4}?(?:did|have|do) (?:we|you|i) (?:sell|sold|shift|shifted|ship|shipped)\b|"
     r"\b(?:books?|booked|sells?|sold|orders?|ordered) (?:the )?(?:most|least|fewest)\b", "orders"),
]
METRIC_PATTERNS = [(lazy(p), code) for p, code in METRIC_TERMS]
# "resolve 90% of tickets", "nine in ten orders arrive within…" ask for the same p90 in plain words.
P90 = lazy(r"\bp90\b|\b90(?:th)?[- ]percentile\b|\b90th pct\b|\bninetieth percentile\b|\bslowest 10 ?%|"
                 r"\b90 ?(?:%|per ?cent) of\b|\b(?:nine|9)[- ](?:in|out[- ]of)[- ](?:ten|10)\b|"
                 # "and the slowest ten percent?", "the worst 10 per cent of tickets"
                 r"\b(?:slowest|slow|worst|longest|last) (?:(?:ten|10) ?(?:%|percent|per ?cent|pc)|tenth|(?:1|one)[- ]in[- ](?:10|ten))")  # (ps27) or hyphenated: "slowest one-in-ten"
P90_OF = {"first_response_time": "first_response_time_p90", "resolution_time": "resolution_time_p90",
          "delivery_time": "delivery_time_p90"}

# A phrase that names some measure the lists above did not recognise: it is reported back as
# not understood ("I don't know 'happiness index'") instead of being silently dropped.
UNKNOWN_MEASURE = lazy(
    r"\b((?:[a-z]+[ -]){0,2}[a-z]+) (?:rate|ratio|index|score|percentage|share|level|count)s?\b")
# A KPI divided by people or visits ("revenue per visitor", "orders per customer"): a ratio the
# catalogue lacks, said as unknown with its two sides offered, never answered as the numerator.
# (Spend per order is the average order value, read above; "bookings per customer segment" a split.)
RATIO = lazy(
    r"\b(revenue|sales|takings|turnover|income|profit|margin|orders|tickets|complaints|reviews|sessions|visits|bookings) "
    r"(?:per|for each|for every|/) (?:(?:each|every|a|an|single|unique|active|new) )?(visitor|visit|session|user|head|person|"
    r"people|customer|client|shopper|member|click|lead|employee|staff member|member of staff|table|seat|cover)s?\b"
    r"(?! (?:segments?|groups?|types?|kinds?|categor(?:y|ies)|regions?|towns?|cit(?:y|ies)|areas?|channels?|(?:age )?bands?|age|cohorts?|tiers?|personas?|sources?|locations?)\b)")
RATIO_DENOMINATOR: dict[str, str] = {
    **dict.fromkeys(("visitor", "user", "person", "people", "customer", "client", "shopper", "member", "head"), "active_customers"),
    **dict.fromkeys(("visit", "session", "click"), "sessions"), "lead": "new_visitors"}
# Rates and figures of the world outside the shop's data ("the vat rate on pet food", "the
# exchange rate"): not a KPI journeybot lacks, a question it cannot answer at all.
_CURRENCY = (r"(?:dollars?|usd|euros?|eur|pounds? sterling|sterling|gbp|naira|yen|yuan|rupees?|pesos?|rand|francs?|"
             r"krona|kronor|zloty|lira|shillings?|cedis?|dirhams?|ringgit|baht|won|bitcoin|btc)")
FOREIGN_MEASURE = lazy(r"\b(?:vat|tax|taxes|duty|interest|exchange|mortgage|inflation|tipping|wage|wages|salary|"
                             r"pension|unemployment|crime|birth|heart|bank|base|tariff|fuel|electricity|energy|staff|employee|currency|"
                             rf"{_CURRENCY})\b")
# Things outside any shop's data: a question about them gets no tool, whatever town or group it also
# names ("the weather in Galway tomorrow", "reset the wifi router"). Weather with a KPI ("did the rain
# hurt sales?"), or in what customers said ("has anyone mentioned the wifi?", quotes about it), is still a question.
OFF_TOPIC = lazy(r"^(?!.*\b(?:mention\w*|sa(?:y|ys|ying|id)|wr(?:ite|ites|ote|iting|itten)|complain\w*|moan\w*|grumbl\w*|feedback|reviews?|comments?|tickets?|gripes?|quotes?|quoted|verbatims?|praise)\b).*?\b(?:weather|raining|rain|snow(?:s|ing|y|fall|storms?|ed(?! under))?\b|temperature|sunny|cloudy|windy|umbrella|frost|storms?|jokes?|riddles?|wi-?fi|router|modem|"
                       r"passwords?|laptop(?! (?:repairs?|shop|store|business)\b)|recipes?|horoscope|lottery|traffic jam|rotas?|rosters?|"
                       r"capital of|meaning of life|time is it|what day is it|(?:what time|when) (?:does|do|is|will|did) (?:the )?(?:shabbat|sabbath|sunset|sunrise|sundown|iftar|fast|high tide|low tide|sun (?:set|rise|come up|go down))|"
                       # money of the world, not the shop's: "the naira to dollar rate", "euro exchange rate"
                       rf"exchange rates?|{_CURRENCY} (?:to|into|against|vs\.?|versus) (?:the |a )?{_CURRENCY}|"
                       # a kitchen question: "how many eggs go in a victoria sponge", "how much flour for scones"
                       r"how (?:many|much) (?:[\w-]+ ){1,3}(?:go|goes|do (?:i|you) (?:need|use|put)) in(?:to)? (?:a|an|the|my) |"
                       r"(?:eggs|flour|sugar|butter|yeast|teaspoons?|tablespoons?) (?:go |goes )?(?:in|into|for) (?:a|an|the|my) "
                       r"(?:[\w-]+ )?(?:sponge|cake|pie|loaf|bread|scones?|pancakes?|biscuits?|cookies?|soup|stew|recipe))\b")
# Facts of the world's history, not the shop's: "what year did vinyl overtake CDs", "who invented
# the zip". Off topic even when a measure word is in them (no "we/our/us/my" to make it the shop's).
WORLD_FACT = lazy(r"^(?!.*\b(?:we|our|us|my|i|ours|me)\b)(?:so |and |ok,? )?(?:(?:what|which|in what) year|when) "
                        r"(?:did|was|were) (?:.{1,60} )?(?:overt(?:ake|ook|aken)|invent(?:ed)?|discover(?:ed)?|born|die|died|"
                        r"released?|launch(?:ed)?|abolish(?:ed)?|sink|sank|sunk|land(?:ed)?|crowned|founded|built)\b|"
                        r"^(?!.*\b(?:we|our|us|my|i|ours|me)\b)(?:so |and |ok,? )?who (?:invented|discovered|founded|built)\b")
NOT_A_MEASURE = {"kindly", "please", "the", "our", "a", "an", "this", "that", "what", "which", "my", "your", "their",
                 "is", "was", "of", "in", "per", "by", "current", "overall", "same", "whole", "total"}

# -- customer dimensions ---------------------------------------------------------------------

# Breakdown words -> tools.analytics.filters.Dimension (plus the feedback and satisfaction
# groupings some tools take).
DIMENSION_WORDS: list[tuple[str, str]] = [
    (r"acquisition (?:channel|source)s?|crm sources?|how (?:they|customers) were acquired|(?:how|where) (?:they|customers|people|clients) (?:told us|said|say) (?:they )?(?:found|heard (?:of|about)) us", "acquisition_channel"),
    # (lane probe22b) "by the first channel folk came in on": the first-touch channel said plainly
    (r"(?:first[- ]touch |first |initial |original )?channels?|sources?|platforms?|mediums?|"
     # "split that by where they first heard of us": how each customer first came to the shop
     r"(?:where|how) (?:they|customers|people|folks?|shoppers|buyers|clients|guests) (?:first )?(?:heard (?:of|about)|found|"
     r"came across|discovered|learn(?:ed|t) (?:of|about)) us", "channel"),
    (r"segments?|customer groups?|tiers?", "segment"),
    (r"cit(?:y|ies)|towns?|locations?|places?|suburbs?|neighbou?rhoods?|boroughs?|villages?|postcodes?|zip ?codes?|"
     r"areas? of (?:town|the city)|parts? of (?:town|the city)", "city"),
    (r"regions?|areas?|count(?:y|ies)|districts?|states?|provinces?", "region"),
    (r"age(?: bands?| groups?| brackets?| ranges?)?|how old", "age_band"),
    (r"personas?", "persona"),
    (r"product categor(?:y|ies)|(?:(?!customer|client|crm|age|price|size)[a-z]+ )?categor(?:y|ies)|genres?|product lines?|products?", "product_category"),
    (r"stages?|(?:steps?|parts?|bits?|points?) (?:of|in) the (?:customer |client |whole )?journey", "stage"),
    (r"touch ?points?", "touchpoint"),
    (r"deliver(?:y|ies) (?:status|timeliness)|late (?:or|vs|versus) on[- ]time|on[- ]time (?:or|vs|versus) late",
     "delivery"),
]

# People nouns: a value next to one of these is a filter ("vip customers", "tiktok users").
PEOPLE = (r"customers?|members?|subscribers?|shoppers?|buyers?|people|clients?|users?|visitors?|"
          r"ones|folks?|peeps|guests|regulars|leads|sign-?ups|traffic|newcomers|audience|fans|followers|patrons|diners|students|"
          r"crowd|lot|group|accounts|households?|homeowners?|householders?|families|segment|cohort|base|patients?|(?:(?:ticket|card|pass|season[- ]ticket|account|membership)[- ]?)?holders?")

# Channel words people use -> channel codes as stored (lower case, underscores). Words that
# are also ordinary words ("search", "email", "phone", "direct") count only next to a people
# noun or after "from/via/through/on" (see bot/agent/slots.py).
CHANNEL_SYNONYMS: dict[str, str] = {
    "insta": "instagram", "ig": "instagram", "instagram": "instagram",
    "facebook": "facebook", "fb": "facebook", "meta": "facebook",
    "tiktok": "tiktok", "tik tok": "tiktok",
    "google": "search", "search": "search", "seo": "search", "organic": "search", "search engines": "search",
    "email": "email", "e-mail": "email", "emails": "email", "newsletter": "email", "mailing list": "email",
    "word of mouth": "word_of_mouth", "word-of-mouth": "word_of_mouth", "referrals": "word_of_mouth",
    "recommendations": "word_of_mouth",
    "in store": "in_store", "in-store": "in_store", "instore": "in_store", "walk-in": "in_store",
    "walk-ins": "in_store", "shop floor": "in_store",
    "phone": "phone", "telephone": "phone", "calls": "phone",
    "ads": "ads", "paid": "ads", "adverts": "ads", "advertising": "ads",
    "direct": "direct", "web": "web", "website": "web", "online": "web",
}
UNAMBIGUOUS_CHANNELS = {"insta", "ig", "instagram", "facebook", "fb", "tiktok", "tik tok", "google",
                        "seo", "word of mouth", "word-of-mouth", "search engines"}
CHANNEL_CONTEXT_BEFORE = r"(?:from|via|through|on|by|over|using|off|for)\s+(?:the\s+|our\s+)?"

# Feedback sources: survey answers and support tickets.
SOURCE_WORDS: list[tuple[str, str]] = [
    (r"surveys?|questionnaires?|survey (?:answers|responses|comments)|nps (?:answers|responses)|feedback forms?", "survey"),
    (r"tickets?|support (?:requests|emails|chats|cases)|helpdesk|help desk|zendesk", "ticket"),
]

# Places beyond the data's own cities and regions, so "London customers" is understood (and
# answered with "no such city in the data, here are the ones there are") instead of ignored.
PLACES = (
    "London Manchester Birmingham Leeds Liverpool Bristol Bath Sheffield Newcastle Nottingham "
    "Leicester Brighton Oxford Cambridge York Edinburgh Glasgow Aberdeen Dundee Inverness Cardiff "
    "Swansea Newport Belfast Derry Dublin Cork Galway Exeter Plymouth Truro Southampton Portsmouth "
    "Bournemouth Norwich Ipswich Coventry Derby Stoke Hull Bradford Sunderland Wolverhampton Salisbury "
    "Winchester Canterbury Chester Durham Lincoln Worcester Hereford Gloucester Cheltenham Swindon "
    "Milton Keynes Luton Watford Croydon Kent Surrey Essex Sussex Devon Cornwall Somerset Dorset "
    "Wiltshire Yorkshire Lancashire Cumbria Wales Scotland England Ireland Paris Berlin Madrid "
    "Barcelona Lisbon Rome Milan Amsterdam Brussels Vienna Prague Copenhagen Stockholm Oslo Helsinki "
    "Warsaw Zurich Geneva Munich Hamburg Frankfurt Toronto Vancouver Montreal Sydney Melbourne Brisbane "
    "Perth Auckland Wellington Chicago Boston Seattle Austin Denver Atlanta Miami Dallas Houston "
    "Phoenix Portland"
).split() + ["New York", "Los Angeles", "San Francisco", "San Diego", "Washington DC", "Milton Keynes"]
REGION_PLACES = {"kent", "surrey", "essex", "sussex", "devon", "cornwall", "somerset", "dorset",
                 "wiltshire", "yorkshire", "lancashire", "cumbria", "wales", "scotland", "england", "ireland"}

# -- cues shared by several tools ------------------------------------------------------------

NEGATIVE = lazy(
    r"\b(?:unhappy|complain\w*|complaints?|problem\w*|issues?|negative|angry|annoy\w*|frustrat\w*|bad|"
    r"worst|wrong|disappoint\w*|upset|hate\w*|dislik\w*|poor|broken|fail\w*|error\w*|whing\w*|whin\w*|moan\w*|"
    r"gripe\w*|griping|grumbl\w*|dissatisf\w*|detractors?|criticis\w*|critical|rant\w*|slate\w*|cross|furious|"
    r"irritat\w*|fed up|pain ?points?|bother\w*|sucks?|put(?:s|ting)? (?:\w+ ){0,2}off|bugbears?|niggles?|riled|"
    r"up in arms|bugging|bugs (?:our |the |my )?(?:customers|people|folks?|clients|guests|them)|"
    # Irish "giving out about", pidgin "dey vex", Indian "cribbing about", and other owners' words
    r"(?:giv\w*|gave) out (?:about|to|over|at)|vex\w*|grizzl\w*|cribb\w*|cribs? about|grous\w*|kvetch\w*|bellyach\w*|"
    r"narked|peeved|(?:cheesed|browned|hacked|brassed) off|kick\w* off (?:about|over)|fuming|raging|seething|livid|"
    r"(?:got|gets|getting|put|puts|putting) (?:[\w']+ ){0,2}backs? up|wetin (?:dey )?(?:worry|bother|pain))\b")
POSITIVE = lazy(
    r"\b(?:happy|happiest|chuffed|love[sd]?|loving|prais\w*|positive|great|best|delight\w*|compliment\w*|"
    r"rave[sd]?|raving|gush\w*|enthus\w*|enjoy\w*|nice|nicest|lovely|kind(?:est)? (?:things|comments|reviews)|like (?:best|most)|pleased|thrilled|glowing|kind words|thank\w*|"
    r"promoters?|fans?|favourite|favorite|satisfied|impressed|like about|likes? about|"
    r"good (?:stuff|things|bits|side|news|points|comments|feedback|reviews|(?:and|or|&) (?:the )?bad)|bad (?:and|or|&) (?:the )?good)\b|"
    r"\bwhat (?:do|does|did) (?:\w+ ){0,3}like\b")

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
                "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
                "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "a dozen": 12, "dozen": 12}
