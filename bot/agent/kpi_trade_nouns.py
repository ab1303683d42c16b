"""KPIs said in a trade's own nouns and verbs, which the older phrasing lists do not read: the
money as "the till" or "the <product> money", the goods counted as they "came in" or "went out
the door", the buyers of a named product, people who "interacted with us", tickets people
"logged" or the team "opened", refunds after goods came back, the share of visits that bounce
or turn into whatever the trade sells, the average bag spend, tickets still open named by their
kind, and the days from first seeing us to buying. Hooked into bot/agent/kpi_words.py's
KPI_PATTERNS (read before vocab.py's, whose "came back" is repeat buying and whose "open
tickets" is the backlog).
"""

from __future__ import annotations

from bot.agent.owner_words import CLOSE, PEOPLE, QUERIES
from bot.agent.patterns import lazy

# what a trade counts that is a KPI of its own, never its goods ("how many calls came in" is tickets)
_NOT_GOODS = (r"(?:refunds?|returns?|cancell?ations?|complaints?|tickets?|sessions?|visits?|visitors?|reviews?|surveys?|"
              r"enquir(?:y|ies)|inquir(?:y|ies)|quer(?:y|ies)|messages?|emails?|calls?|leads?|issues?|requests?|cases?|"
              r"people|customers|clients|members|new)")
_SHARE = r"(?:%|\b(?:share|percentage|proportion|fraction|per ?cent|how many))"
# after "till": a period, a grain, or the end, so "till" is the cash drawer (never "wait till friday")
_TILL_END = (r"(?=\s*(?:[?.!,]|$|(?:yesterday|today|tonight|this|last|so far|day by day|daily|weekly|monthly|"
             r"week (?:by|to|on) week|each|every|per|over|for|on|in|at|from|across|"
             # (lane ps7) "yesterday's till against the same day last week": the till of a period pair
             r"against|vs|versus|compared|next to|alongside|than)\b))")

TRADE_NOUN_TERMS: list[tuple[str, str]] = [
    # "what was the till yesterday", "sweets till day by day this week": the money in the cash
    # drawer (not "how long till ...", "wait till ...", nor the till as a place where orders ring
    # up: "busiest hour at the till" counts the orders, as the banks read it)
    (rf"^(?!.*\b(?:how long|wait\w*|hold on|until|busiest|quietest|rings?|ringing|queues?)\b)"
     rf"(?!.*\b(?:at|through|behind|on|by|to) (?:the|our|my) (?:[\w'-]+ ){{0,3}}till\b).*?\b(?P<kpi>(?:the|our|my|me|[\w-]+) till){_TILL_END}", "revenue"),
    # "what did the yard weigh in at money-wise", "how's the challah and babka money been going":
    # the money, named as money (not the money back, off or owed, which are refunds and discounts)
    (r"\bmoney[- ]?wise\b|\b(?:the|our|my) (?:[\w'&-]+ ){0,4}?money\b(?! (?:back|off|owed|owing|spent|on|saved|for)\b)",
     "revenue"),
    # "how many shirt bundles came in each day", "how many crates of ironing went out the door":
    # the goods counted as orders, in the trade's own words (never people, tickets or visits)
    (rf"\bhow many (?!of\b)(?:(?!{PEOPLE}\b|{_NOT_GOODS}\b)[\w&-]+ ){{1,4}}?(?:came in|come in|comes in|went out(?: the door)?|"
     r"go out(?: the door)?|left the (?:shop|yard|workshop|door|building)|got (?:booked|sold|shipped|sent out)|"
     r"were (?:booked|sold|shipped|sent out))\b", "orders"),
    # "how many grow kit buyers", "how many amp and speaker buyers": the head count of people who
    # bought that (repeat, new or likely buyers are other KPIs)
    (r"\bhow many (?!(?:repeat|returning|new|first[- ]time|likely|potential|top|best|valuable)\b)(?:[\w&-]+ ){1,4}?"
     r"(?:buyers|purchasers|payers)\b", "buyers"),
    # "how many drivers interacted with us in any way", "members who engaged with us": people active with us
    (rf"\b(?:how many {PEOPLE}|{PEOPLE} (?:who|that)) (?:have |had |actually )?(?:interact(?:ed)?|engag(?:ed|e)|dealt) "
     r"with us\b", "active_customers"),
    # "how many tenants logged an issue", "patients who raised a complaint": tickets opened
    (rf"\bhow many {PEOPLE} (?:have |had )?(?:logged|raised|reported|filed|lodged|submitted|opened|put in) "
     rf"(?:an? |any |new )?(?:[\w-]+ )?{QUERIES}\b", "tickets"),
    # "how many support tickets did y'all open today": tickets opened (the verb), not those still open
    (rf"\bhow many (?:[\w-]+ ){{0,2}}{QUERIES} (?:did|have|has) (?:we|you|y'all|you all|you guys|the team|they|(?:the |our )?[\w']+) "
     r"(?:open|log|raise|file|lodge)\b", "tickets"),
    # "how many hires came back damaged and got refunded": refunded orders (not repeat buying)
    (r"\b(?:came|come|were sent|got sent|sent|brought) back\b.{0,40}?\b(?:got|were|was|been|get) refunded\b", "refunded_orders"),
    # "what % of site visits bounce after one page": the rate alone (the visits are what it is of)
    # (ps24: "what share of tour site visits bounce", two words naming the visits)
    (rf"{_SHARE} of (?:(?:the|our|all) )?(?:[\w-]+ ){{0,2}}(?:visits|sessions)\b (?:that |which )?(?:bounce|bounced)\b", "bounce_rate"),
    # "share of web visits that turned into a signed package", "what % of sessions ended in a
    # booking": visits converting, into whatever the trade sells
    # ("visits to our site that end with someone paying": the site named between)
    (rf"{_SHARE} of (?:(?:the|our|all) )?(?:[\w-]+ )?(?:visits|sessions)\b(?: (?:to|on) (?:our|the|my) (?:[\w-]+ )?"
     r"(?:site|website|web ?shop|online shop|page|app))? (?:that |which )?(?:turn(?:ed|s)?|end(?:ed|s)?|"
     r"led|lead|result(?:ed|s)?|convert(?:ed|s)?)(?: up)? (?:in|into|to|with)\b", "session_conversion"),
    # (lane ps27) "of all visits to the site in q3, how many ended with a jar bought, as a %": the
    # same rate, the visits named first and the share asked for at the end
    (r"\bof (?:(?:all|the|our) )?(?:(?:the|our) )?(?:[\w-]+ )?(?:visits|sessions)\b.{0,60}?\bhow many (?:of (?:them|those|these) )?"
     r"(?:ended|end|turned|led|resulted|converted)\b.{0,80}?(?:\bas an? (?:%|percentage|share|proportion|fraction|rate)|"
     r"\bin (?:%|percent)|\bper ?cent\b|%)", "session_conversion"),
    # "is the average bag spend creeping up", "avg trolley spend": what one order is worth
    (r"\b(?:average|avg|mean|typical) (?:bag|trolley|shop|till|visit) spend\b", "aov"),
    # (lane ps15) "tell me if the average hire drops below 40 quid", "the average job this month":
    # one order under the trade's name for it (not "average booking lead time", "average jobs per day")
    (r"\b(?:average|avg|mean|typical) (?:hire|rental|booking|job|sale|transaction|purchase|basket|cart|invoice|commission)\b"
     r"(?!'s\b|(?: [\w-]+)? (?:length|time|duration|count|number|rating|score|wait|lead|window|per|size|reviews?|distance|"
     r"travel|span|gap|frequency)\b)", "aov"),
    # "average fee per lesson booking", "our average fare per trip", "mean charge per job": what one
    # sale brings in, said as the trade's price (never a fee we pay: "card fees", "platform fee")
    (r"\b(?:average|avg|mean|typical) (?!(?:card|platform|payment|processing|delivery|postage|shipping|transaction|bank|"
     r"stripe|paypal|service|late|admin|cancell?ation) )(?:[\w-]+ )?(?:fare|fee|charge|price|takings?|spend|bill)s? (?:per|a|for each|each) "
     r"(?:[\w-]+ ){0,2}?(?:trip|ride|journey|lesson|class|booking|job|visit|session|order|sale|appointment|treatment|"
     r"stay|night|cover|table|hire|rental|install|service|call-?out|fare|ticket|transaction|customer visit)\b|"
     r"\b(?:average|avg|mean|typical) (?:[\w-]+ )?fares?\b|"
     # (lane ps11) "avg takeaway bill", "the average bar bill": a customer's bill (not one we pay)
     r"\b(?:average|avg|mean|typical) (?!(?:electric\w*|gas|energy|phone|water|utility|utilities|power|heating|tax|"
     r"phone|broadband|supplier|wage|staff|rent|council)\b)(?:[\w-]+ )?bills?\b(?! (?:we|i) (?:pay|paid)\b)", "aov"),
    # "how many driveways did we lay", "the number of placements we made", "how many kitchens have we
    # fitted": the trade's work, counted, is its orders (never people, tickets, or visits)
    (rf"\b(?:how many|number of|no\.? of) (?!of\b)(?:(?!{PEOPLE}\b|{_NOT_GOODS}\b|times\b|days\b|hours\b|weeks\b)[\w&-]+ ){{1,3}}?"
     r"(?:(?:did|have|has|had) )?(?:we|you|y'all|the team|our team|the crew) (?:make|made|lay|laid|fit|fitted|build|built|"
     r"install|installed|do|did|done|complete|completed|finish|finished|deliver|delivered|plant|planted|paint|painted|"
     r"pour|poured|tile|tiled|print|printed|bake|baked|frame|framed|place|placed|fill|filled|sell|sold|ship|shipped|"
     r"serve|served|cut|clean|cleaned|repair|repaired|fix|fixed|land|landed|win|won|secure|secured|sign|signed|book|booked)\b",
     "orders"),
    # "how many pages does a typical visitor click through", "pages a shopper looks at per visit":
    # the pages of one web visit
    (r"\bhow many pages (?:does|do|did|will) (?:a |an |the |our |each |one )?(?:typical |average |usual |normal |single )?"
     r"(?:[\w-]+ )?(?:visitors?|users?|shoppers?|browsers?|people|folks?|guests?|customers?) (?:click|look|brows|flick|scroll|view|"
     r"see|visit|go|get|read|open|land)\w*\b|\bpages (?:per|a|each|in a|in each|on a) (?:web |site )?(?:visit|session)\b",
     "pages_per_session"),
    # "open maintenance tickets at the end of each week", "open repair cases": the backlog, named by its kind
    (r"(?<!\bwe )(?<!\byou )(?<!\bthey )(?<!\bto )(?<!\bdid )\bopen (?:[\w-]+ )(?:tickets|cases|complaints|queries|enquiries)\b",
     "open_tickets"),
    # "median time to sort a maintenance ticket", "average time to fix a boiler fault": the time to
    # resolve, whatever kind of ticket it is
    (rf"\btime (?:it takes (?:us |the team )?)?to {CLOSE} (?:an? |the |each |our )?(?:[\w-]+ ){{0,2}}{QUERIES}\b", "resolution_time"),
    # "avg days from first seeing us online to buying their first tub": time to first purchase
    (r"\b(?:days?|weeks?|time|long) (?:it takes )?from (?:first |when they first |they first )?(?:seeing|finding|hearing (?:of|about)|"
     r"discovering|visiting|coming across|meeting|spotting) us\b.{0,40}?\b(?:buying|ordering|purchasing|booking|paying for) "
     r"(?:their|a|the|his|her) first\b", "time_to_first_purchase"),
]
TRADE_NOUN_PATTERNS = [(lazy(p), code) for p, code in TRADE_NOUN_TERMS]
