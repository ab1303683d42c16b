"""KPIs asked for loosely, in the words of a trade's owner rather than the KPI's (lane probe20b):
people who "grabbed", "picked up" or "took" something off us (the buyers), anything "still sat
unresolved" whatever it is called (the open tickets), the spend "per table" or "on one order"
(the average order value), "the bar take" and what "rakes in the most" (the revenue), "the extra
buyers" a change brought (the buyers), visitors who left "the zoo website" after one page (the
bounce rate, a trade's word before the site), the parcel got "on the promised day" (on-time
delivery) and site visits that "turned into a booking" as a share (session conversion). Hooked
into bot/agent/kpi_words.py's KPI_PATTERNS, read first: each is narrower than the nouns it holds."""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.trade_words import PEOPLE as TRADE_PEOPLE
from bot.agent.trade_words import UNIT_ONE
from bot.agent.vocab import PEOPLE
from bot.agent.word_fragments import DAY_WEEK_MONTH

# buying said the casual way: "grabbed a coffee off us", "picked up a tub", "took paan from us"
_GOT = r"(?:grabbed|grab|got|picked up|pick up|took|take|snapped up|bagged|scooped up|collected|had)"
# who is counted once: "different people", "separate families"
_ONCE = r"(?:diff|dif|different|distinct|unique|individual|separate)"
# the units a spend is divided by, in a trade's words ("spend per cover", "per head")
_PER_UNIT = (r"(?:table|head|cover|visit|guest|diner|booking|order|transaction|basket|sale|sitting|party|group|"
             r"session|appointment|job|hire|ticket|tab|round|bill)")
# (lane probe23a) one sale in a trade's words, that money is divided by ("takings per cover", "revenue per
# lesson"): never a person, a visit or a stretch of time, which are no order's worth ("takings per head" is a ratio)
_ONE_SALE = (rf"(?!(?:night|day|week|month|hour|head|guest|diner|visit|session|person|customer|client|member)\b)"
             rf"(?:table|cover|booking|order|transaction|basket|sale|sitting|appointment|job|hire|ticket|tab|bill|purchase|{UNIT_ONE})")
# (lane probe24a) "complaints left hanging open at the mo", "queries sat hanging": not closed yet, a
# count of the desk (weighed for the KPI tool over the complaints' themes: LOOSE_ASK_CUES)
_LEFT_OPEN = (r"\b(?:complaints?|tickets?|quer(?:y|ies)|cases|enquir(?:y|ies)|issues|messages|grumbles|gripes)\b (?:(?:are|is|were|been|got) )?(?:(?:still|currently|now) )?"
              r"(?:left|sat|sitting|lying|stuck|kept|being left) (?:hanging(?: open)?|open|unanswered|unresolved)\b")
# (not a series of it: "sitting open each day for the last 7 days" is the trend's)
LOOSE_ASK_CUES = ((rf"^(?!.*\b(?:(?:each|every|per|a) {DAY_WEEK_MONTH}|{DAY_WEEK_MONTH} by {DAY_WEEK_MONTH}|daily|weekly|monthly)\b).*?"
                   + _LEFT_OPEN, 0.8),)
_MONEY_WORDS = r"(?:revenue|takings|turnover|income|money|cash|sales)"
# a place's money, said as its "take" (only when what follows is said of money: "does the bar take
# cards" is not); any one word may name the place ("the kitchen take drops")
_TAKERS = (r"(?:bar|door|till|shop|stall|stand|market|gate|box office|kiosk|van|truck|counter|night'?s|nightly|day'?s|"
           r"daily|week'?s|weekly|month'?s|monthly|festival|event|show|pub|cafe|restaurant|salon|studio)")

# (lane tune35) who a buyer is counted as in a household's or a place's words
_HEADS = r"(?:households|homes|houses|addresses|families|people|ppl|folks?|punters)"
_ANYONE = "|".join(TRADE_PEOPLE)  # a trade's people too ("climbers", "swimmers")
LOOSE_ASK_TERMS: list[tuple[str, str]] = [
    # (lane tune35) "duck egg box buyers this week, how many different households would ya say", "the
    # bookers last month - how many separate homes was that": the buyers, each counted once
    (rf"\b(?:buyers|purchasers|bookers|payers|customers|clients)\b[^?.;]{{0,60}}?\bhow many {_ONCE} (?:[\w-]+ )?{_HEADS}\b|"
     rf"\bhow many {_ONCE} (?:[\w-]+ )?{_HEADS} (?:have |had )?(?:actually )?(?:bought|ordered|booked|purchased|paid)\b",
     "buyers"),
    # (lane tune35) "cases of ketchup shipped", "crates of cider sent out", "jars of curd gone out": goods in
    # the trade's packs, gone to customers, are the orders (not a delivery said late or on time)
    (r"\b(?:cases|crates|boxes|pallets|jars|tubs|bottles|bags|sacks|trays|packs|cartons|kegs|barrels|punnets) of "
     r"(?:[\w'-]+ ){1,3}?(?:shipped|sent out|sent|dispatched|delivered|sold|shifted|gone out|went out|ordered|bought)\b"
     r"(?! (?:late|on time|early|damaged|broken))", "orders"),
    # (lane tune35) "weekly count of folding fans ordered", "the number of wreaths sold": the goods counted
    (r"\b(?:count|number|tally|total) of (?:(?!who\b|that\b|which\b)[\w'-]+ ){1,3}?(?:ordered|bought|sold|booked|hired|commissioned)\b", "orders"),
    # (lane tune35) "how many punch and judy shows have we been booked for": the jobs the business was hired to do
    (r"\bhow many (?:[\w'-]+ ){1,5}?(?:have|has|had) (?:we|i|the [\w'-]+) been (?:booked|hired|commissioned|engaged)"
     r"(?: (?:for|to do|to play|to run))?\b", "orders"),
    # (lane tune35) "what did harp gigs in Clifton bring in": the money those units made
    (r"\bwhat (?:did|have|has|do|does|will) (?:[\w'-]+ ){1,5}?(?:bring|brought|bringing) (?:us |me )?in\b", "revenue"),
    # (lane tune35) "how many members came through the gate", "the 35-44 crowd came through the butterfly house",
    # "how many members actually trained at the course": people who came to the place, the active customers
    (rf"\bhow many (?:of (?:the |our )?)?(?:[\w'-]+ )?(?:{PEOPLE}|{_ANYONE}|folks?|bodies|heads|crowd|people|ppl|visitors) (?:have |had )?"
     r"(?:actually )?(?:came|come|walked|got|went|passed|streamed) (?:in )?(?:thru|through|in at|past) (?:the |our |my )?"
     r"(?:[\w'-]+ ){0,3}?(?:gates?|turnstiles?|house|centre|center|entrance|doors?)\b|"
     rf"\bhow many (?:of (?:the |our )?)?(?:[\w'-]+ )?(?:{PEOPLE}|{_ANYONE}|folks?|people|ppl) (?:have |had )?(?:actually )?(?:trained|swam|climbed|"
     r"practi[sc]ed|worked out|turned up|showed up|rode|skated) (?:at|in|on|with)\b", "active_customers"),
    # (lane tune35) "how many kits went to new homes": goods rehomed are goods sold
    (r"\bhow many (?:[\w'-]+ ){0,2}?[\w-]+s (?:have |had )?(?:went|gone|go|found) (?:off )?(?:to )?(?:new|good|loving|happy|forever) homes?\b",
     "orders"),
    # (lane tune35) "median days for a finished cot to land with the family": the time an order takes to reach its buyer
    (r"\b(?:days?|time|long|weeks?) (?:\w+ ){0,2}?(?:for|until|till|before) (?:an? |the |their |our )?(?:[\w-]+ ){0,3}?(?:to )?"
     r"(?:land|arrive|turn up) (?:with|at) (?:the |their )?(?:famil(?:y|ies)|customers?|clients?|buyers?|owners?|doors?|doorsteps?|homes?)\b",
     "delivery_time"),
    # "how many different people grabbed onigiri off us", "how many separate families picked up a box"
    (rf"\bhow many {_ONCE} (?:[\w-]+ )?(?:{PEOPLE}|folks?|families|kids|drivers|chefs|diners|guests|drinkers|punters) "
     rf"(?:have |had )?(?:actually )?{_GOT}\b", "buyers"),
    # "how many people grabbed a bowl off us", "how many folk took paan from us": one buy each, off the business
    (rf"\bhow many (?:[\w-]+ )?(?:{PEOPLE}|folks?|families|punters) (?:have |had )?(?:actually )?{_GOT} "
     r"(?:[\w'-]+ ){1,3}?(?:off|from) (?:us|me)\b", "buyers"),
    # "how many messages from dancers are still sat unresolved": still open, whatever the owner calls it
    (r"\bhow many (?:[\w'-]+ ){1,4}?(?:are|is) (?:(?:still|currently|now|right now|as yet) )*(?:(?:sat|sitting|left|lying|stuck) )?"
     # "unanswered n unresolved": both words one KPI (tune31's reading of the same pair)
     r"(?:unresolved|unanswered|unsorted|outstanding|open)(?:,? (?:and|n|or|&) (?:unresolved|unanswered|unsorted|outstanding|open))?\b",
     "open_tickets"),
    # (lane probe24a) "complaints left hanging open at the mo", "queries sat hanging": not closed yet
    (_LEFT_OPEN, "open_tickets"),
    # "the highest spend per table", "average spend per head": one order's worth, in the trade's unit
    (rf"\bspend (?:per|a|each|every) {_PER_UNIT}\b", "aov"),
    # (lane probe23a) "takings per cover", "avg revenue per lesson", "money per massage": the money of one sale
    (rf"\b(?:(?:avg|average|typical|usual|mean) )?{_MONEY_WORDS} (?:per|a|each|every|for each|for every) {_ONE_SALE}\b", "aov"),
    # (lane probe23a) "the typical worth of a tattoo booking", "average value of one valet": one sale's worth
    (rf"\b(?:avg|average|typical|usual|mean)\.? (?:worth|value) of (?:a|an|one|each|every|the average|your|our) "
     rf"(?:[\w'-]+ ){{0,2}}?{_ONE_SALE}\b", "aov"),
    # (lane probe23a) "the most individual buyers", "more separate people booked", "did more distinct folk buy":
    # people counted once, as buyers (never the money a "brings in the most" would otherwise read)
    (rf"\b(?:most|more|fewer|less|least) {_ONCE} (?:buyers|purchasers|payers|bookers)\b|"
     rf"\b(?:most|more|fewer|less|least) {_ONCE} (?:{PEOPLE}|folks?|families|punters) (?:have |had |actually |ever )?"
     r"(?:buy|buys|bought|book|books|booked|order|orders|ordered|purchase|purchased|pay|paid)\b", "buyers"),
    # (lane probe23a) "which segment is behind fewer sales", "fewer bike sales": sales counted, the orders
    (r"\bfewer (?:[\w-]+ ){0,2}?sales\b", "orders"),
    # "which town's pickers spend the most on one banjo order": the spend of a single order
    (rf"\bspend\w* (?:the )?(?:most|least|more|less) (?:on|per|for) (?:one|a single|each|an?|per|every) (?:[\w-]+ ){{0,2}}?"
     rf"{_PER_UNIT}s?\b", "aov"),
    # "what hour does the bar take peak", "the door take on a friday": the money in
    # (any other word names the place only when no helping verb stands before it: "how many show
    # bookings did the dome take last month" counts what the dome took in, not its money)
    (rf"(?:\b(?:the|our|my) {_TAKERS}|(?<!\bdid )(?<!\bdoes )(?<!\bdo )(?<!\bwill )(?<!\bwould )(?<!\bcan )(?<!\bcould )"
     rf"(?<!\bshould )(?<!\bto )(?<!\bwe )(?<!\bthey )\b(?:the|our|my) (?!first|second|last|next|one|other|same|whole)[a-z][\w'-]+)"
     rf" take(?=\s*(?:$|[?!.,;]|(?:peak|peaks|peaked|peaking|top|tops|topped|highest|lowest|best|worst|"
     r"biggest|look|looks|looking|come|comes|came|by|per|for|over|last|this|during|across|vs|versus|against|compared|"
     r"go|goes|went|gone|do|does|did|rise|rises|rose|fall|falls|fell|drop|drops|dropped|dip|dips|dipped|(?:on|in) (?:a|the|each|every))\b))",
     "revenue"),
    # "which night of the week rakes in the most": the money, the most of it
    (r"\b(?:rakes?|raked|raking|pulls?|pulled|pulling|brings?|brought|bringing) in (?:the )?(?:most|least|more|less|biggest|best)\b"
     r"(?=\s*(?:$|[?!.,;]|money|cash|dosh|dough|revenue|takings|(?:for|on|of|in|over|during|this|last|across|per|each|every)\b))",
     "revenue"),
    # "what acquisition channel brought in the extra buyers": the buyers gained
    (r"\b(?:the )?(?:extra|additional|new-found|added) (?:paying )?(?:buyers|purchasers|payers|bookers)\b", "buyers"),
    # "share of folk who got their parcel on the promised day": the promise kept
    (r"\b(?:on|by) the (?:promised|agreed|quoted|booked) (?:day|date)\b", "on_time_delivery"),
    # "how many site visits turned into a booking, as a %": the visits that bought, as a share
    (r"^(?=.*(?:%|\bshare\b|\bper ?cent|\bpercentage\b|\bproportion\b|\bfraction\b|\brate\b)).*?\b(?P<kpi>(?:site |web |website |online )?"
     r"visits (?:that |which )?(?:(?:turned|turn|turns|converted|convert|converts) (?:in)?to|became|become|becomes) (?:an? )?"
     r"(?:[\w-]+ )?(?:bookings?|orders?|sales?|purchases?|hires?|buys?))\b", "session_conversion"),
    # "what share of folk left the zoo website after one page": a trade's word before the site
    (r"\b(?:left|leave|leaves|leaving|went|bailed|quit|exited|bounced) (?:off |out of |from )?(?:the|our|my) "
     r"(?:[\w'&-]+ ){1,2}(?:web ?site|site|web ?shop|online shop|booking page|page) (?:again )?after (?:only |just )?"
     r"(?:one|a single|1|the first|their first|the one) page\b", "bounce_rate"),
]

LOOSE_ASK_PATTERNS = [(lazy(p), code) for p, code in LOOSE_ASK_TERMS]
