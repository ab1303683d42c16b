"""(lane ps16) KPI sayings read first (bot/agent/kpi_words.py hooks them in at the head of
KPI_PATTERNS): tickets bought or sold (an event's orders, never the support desk's tickets, so
"open mic tickets" is not the open tickets), plain "transactions" (the orders), anyone at all
hitting the website (the visits), carts ditched (the cart abandonment), how long a parcel takes
to reach someone (the delivery time), pages clicked per visit, and the support desk's idioms:
issues "sitting unresolved" (still open) and complaints "put to bed" (resolved)."""

from __future__ import annotations

from bot.agent.owner_words import BASKETS, DELIVERY, PEOPLE, QUERIES, SHARE
from bot.agent.patterns import lazy

_BUY = (r"(?:buy|buys|bought|buying|purchas(?:e|es|ed|ing)|sell|sells|sold|selling|book|books|booked|booking|"
        r"snap(?:s|ped|ping)? up|grab(?:s|bed|bing)?|shift(?:s|ed|ing)?)")
# a word before "tickets" that makes them the support desk's
_DESK = r"(?:support|help ?desk|service|customer|complaint|bug|it|open|new|closed|resolved|unresolved|raised|logged)"
_BUSY = r"(?:good|busy|quiet|best|worst|big|slow|strong|dead|popular)"

_TERMS: list[tuple[str, str]] = [
    # "what hour do people mostly buy open mic tickets", "which day do we sell the most gig
    # tickets": tickets bought are the event's orders
    (rf"\b{_BUY} (?:(?:the|our|their|most|more|any|many|all|of|those|them) )*(?:[\w'-]+ ){{0,3}}?tickets\b", "orders"),
    # (lane probe21b) "what hour do most sledge tickets get bought", "which day do gig tickets sell
    # best": the tickets first, then bought or sold (a desk word before them keeps them the desk's)
    (rf"\b(?!{_DESK}\b)[\w'-]+ tickets (?:(?:get|gets|got|getting|are|were|is|was|been|being|have been|had been|'re) )?"
     r"(?:mostly |usually |normally |generally |actually )?(?:bought|sold|booked|purchased|snapped up|grabbed|sell|sells|selling)\b", "orders"),
    # "is friday a good day for day tickets", "busy night for panto tickets?"
    (rf"\b{_BUSY} (?:days?|nights?|times?|hours?|weeks?|months?|weekends?) for (?:(?!{_DESK}\b)[\w'-]+ ){{1,2}}tickets\b",
     "orders"),
    # "weekly trend of transactions", "how many transactions last month": the orders (a
    # transaction's value or fees are other readings)
    (r"^(?!.*\b(?:average|avg|mean|typical|value|worth|size|fees?|costs?|charges?|cancel\w*|refund\w*|return\w*|fail\w*|declined|"
     r"disputed|rate|share|percent\w*)\b).*?\btransactions\b", "orders"),
    # "how are ski hires tracking each day", "how are kayak rentals doing": a hire trade's orders
    # followed as they come in (never staff "new hires"; other KPIs said of hires read first)
    (r"(?<!new )\b(?:hires|rentals) (?:(?:are|is|have been|been|were) )?(?:tracking|trending|going|doing|looking|moving|coming in|"
     r"holding up|shaping up)\b", "orders"),
    # "avg build value month on month", "average lesson worth": one order's worth under the trade's
    # name for it (a customer's worth is the lifetime value)
    (rf"\b(?:average|avg|mean|typical) (?!(?:{PEOPLE}|lifetime|life|stock|inventory|property|house|home|land|share|"
     r"market|review|rating|score|customer|client|cart|basket)\b)[\w-]+ (?:value|worth)\b", "aov"),
    # "how many customers are on their third bear order or more": the repeat customers, at that
    # many orders (bot/agent/analytics_tools.py's min_orders reads the ordinal)
    # (lane ps21: whatever the unit, "on their third pot or more")
    # (lane probe22c) and with its measure: "on their third pair of gloves or more"
    # (lane ps24) "how many buyers are on their 4th pig or more": the buyers said too are those repeat customers
    # (lane probe24c) from the second on: "on their 2nd kayak or more" (two orders, the default count)
    (r"\b(?:(?:[\w-]+ )?(?:buyers|purchasers|payers|shoppers) (?:are|were|have been|got|who are|that are) )?"
     r"(?:on|at|made|placed|reached|up to) (?:their|a|the|his|her) (?:second|third|fourth|fifth|sixth|tenth|2nd|3rd|4th|5th|6th|10th)"
     r"(?: [\w-]+){0,2} [\w-]+ (?:or|and) (?:more|beyond|above|later|after|up|over)\b", "repeat_customers"),
    # "share of folks leaving the website after one page": the bounce rate
    (rf"(?<!\w){SHARE} of (?:[\w'-]+ ){{0,2}}?(?:(?:who|that) )?(?:leaving|left|leave|leaves|exiting|exit|quitting|quit|"
     # (lane probe21b) "what share of site visitors bounce off after one page": the verb as it is said
     r"(?:bounc(?:e|es|ed|ing)|bail(?:s|ed|ing)?)(?: off| from| out| away)?) (?:the |our |my )?"
     r"(?:(?:web ?site|site|shop|online shop|page) )?(?:after|on|at) (?:a single|one|only one|just one|the first|the one) page\b",
     "bounce_rate"),
    # "how many feedback forms did trainees send back": the survey responses
    (r"\b(?:feedback|survey|questionnaire|evaluation|comment) (?:forms?|cards?|sheets?)\b(?: [\w'-]+){0,6}? "
     r"(?:sent|send|sends|filled|returned|return|came|come|handed|posted|got|get) (?:back|in|out)\b", "survey_responses"),
    # "from first hearing of us to their first paid build": the time to the first purchase, whatever
    # the trade calls it
    (r"\bfrom (?:first )?(?:hearing|learning|finding out|knowing) (?:of|about) us (?:to|till|until) (?:their |a |the |his |her )?"
     r"first (?:paid |proper |real )?[\w-]+\b", "time_to_first_purchase"),
    # "what time of day do readers hit the website", "when do walkers land on our site": the
    # visits, whoever the trade's people are (new ones are the new visitors)
    (r"(?<!new )(?<!first-time )(?<!first time )\b[a-z]+s (?:hit|hits|visit|land on|come to|come on|go on|get on|browse) "
     r"(?:the |my |our )?(?:[\w-]+ )?(?:web ?site|site|online shop)\b", "sessions"),
    # "which weekday do folks ditch their carts", "when do shoppers abandon the basket": the cart
    # abandonment
    (rf"\b(?:ditch|abandon|dump|desert)\w* (?:their|the|a|an|our|his|her|my) (?:[\w-]+ )?{BASKETS}", "cart_abandonment"),
    # "median days for a parcel of books to reach a reader", "how long for an order to land with
    # the customer": the delivery time
    (rf"\b(?:days?|hours?|time|long|weeks?) (?:for|till|until|before) (?:a|an|the|their|our|my|each|every) "
     rf"(?:[\w-]+ )?(?:{DELIVERY}|orders?|box(?:es)?)(?: of [\w-]+)? (?:to )?(?:reach|arrive|land|get to|gets to|turn up|show up)\w*\b",
     "delivery_time"),
    # (lane tune31) "how long do the slowest 1 in 10 crowns take to get to the dentist", "how long do
    # our rugs take to reach the buyer": the goods on their way to whoever gets them (not a step of
    # the journey, nor a ticket being answered)
    (r"\bhow long (?:do|does|did) (?:the |our |my )?(?:[\w-]+ ){1,6}?(?:take|takes) to (?:get to|reach|arrive (?:at|with)|land (?:at|with)|"
     r"turn up (?:at|with)) (?!(?:the |a |an |their )?(?:checkout|check out|basket|cart|purchase|payment|first|end|top|stage|page|"
     r"site|website|app|point|resolution|answer|reply)\b)(?:the |their |a |an |our |each )?[\w-]+", "delivery_time"),
    # "how many pages each reader clicks thru per visit": pages per visit
    (r"\bpages? (?:[\w'-]+ ){0,4}?(?:per|each|a|every) (?:visit|session)\b", "pages_per_session"),
    # "how many boat issues are sitting unresolved right now": those still open
    (rf"\bhow many (?:[\w'-]+ ){{0,3}}?{QUERIES} (?:(?:are|is|still|currently|now|sitting|sat|left|lying|stuck) )+"
     # (tune31) "sitting unanswered n unresolved": both words say still open, one KPI
     r"(?:unanswered|unresolved|unsolved|outstanding|unsorted|unfixed|open)(?:,? (?:and|n|or|&) (?:unanswered|unresolved|unsolved|"
     r"outstanding|unsorted|unfixed|open))?\b", "open_tickets"),
    # "how many of the complaints got put to bed", "issues squared away", (tune31) "did we get ironed out": resolved
    (rf"\bhow many (?:of )?(?:the |our )?(?:[\w'-]+ ){{0,3}}?{QUERIES} (?:(?:did|have|has) (?:we|you|they|the team) )?(?:(?:got|were|was|have been|has been|get|been) )?"
     r"(?:put to bed|put right|squared away|ironed out|laid to rest|closed off|put to rest)\b", "resolved_tickets"),
]

TICKETS_BOUGHT_AND_DESK_PATTERNS = [(lazy(p), code) for p, code in _TERMS]
