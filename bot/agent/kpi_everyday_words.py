"""KPIs in an owner's everyday words that the older phrasing lists do not read: what a named
business took ("what did the refill shop take over the counter"), the money said in Pidgin
("how much money we don make"), the money taken or the money side of a follow-up, a trade's own
verb for what it sells or lets ("how many units did we let", "bowls sold"), the buyers laid out
group by group, support calls, the days between an order and its arrival, customers back for a
second job, what a customer is worth over their lifetime, and the average receipt by its other
names ("docket", "receipt", "check"). Hooked into bot/agent/kpi_words.py's KPI_PATTERNS (read
before vocab.py's).
"""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE
from bot.agent.patterns import lazy
from bot.agent.trade_words import UNIT

# Words after "take"/"make" that make it another verb: "what did the team take away from it",
# "what did people make of the new menu", "take to the new app"
_NOT_MONEY = (r"(?! (?:to|for|on(?! the tills?\b)|of|up|off|out|away|place|part|long|time|notice|issue|from|it|them|him|her|that|this|"
              r"any|a|an|the|sure|over(?! the (?:counter|till|bar|tills)))\b)")
# who buys (never the thing counted), and a sales pipeline's leads
_PEOPLE = rf"(?:{PEOPLE}|leads)"
# things counted that are KPIs of their own ("how many refunds did we do" is the refunds)
_KPI_NOUNS = (r"(?:refunds?|returns?|cancell?ations?|complaints?|tickets?|sessions?|visits?|reviews?|surveys?|enquir(?:y|ies)|"
              r"quer(?:y|ies)|messages?|emails?|calls?)")
# what a trade sells, lets or serves, counted one by one
_LET = (r"(?:let|lease[sd]?|rent(?:ed)?(?: out)?|hire[sd]?(?: out)?|serve[sd]?|turn(?:ed)?|fill(?:ed)?|fit(?:ted)?|"
        r"install(?:ed)?|clean(?:ed)?|complete[sd]?|finish(?:ed)?|cook(?:ed)?|book(?:ed)? in|frame[sd]?|do|did|get through|"
        r"got through)")

EVERYDAY_TERMS: list[tuple[str, str]] = [
    # "what did the refill shop take over the counter last week", "what did our food truck make
    # in october": the money a business named by its trade brought in (vocab.py lists a few
    # nouns after "what did the", kpi_sayings.py reads "how much did the ... take")
    (rf"\bwhat (?:did|has|have|does) (?:the|our|my) (?!{_PEOPLE}\b)(?:[\w'-]+ ){{1,4}}?(?:take|taken|make|made|earn|earned|"
     rf"bring in|brought in|clear|cleared|pull in|pulled in|rake in|raked in|turn over|turned over){_NOT_MONEY}", "revenue"),
    # (lane ps27) "what the lido took yesterday", "what our stall made in june": the same money,
    # said without "did"; "what did gold panning sessions take", "what did pottery classes bring in":
    # the business named by what it sells, with no "the" (the sessions are sold, never web visits)
    (rf"\bwhat (?:the|our|my) (?!{_PEOPLE}\b)(?:[\w'-]+ ){{1,4}}?(?:took|made|earned|earnt|brought in|pulled in|raked in|"
     rf"cleared|turned over){_NOT_MONEY}|"
     rf"\bwhat (?:did|has|have|does) (?!{_PEOPLE}\b|we\b|you\b|i\b|they\b|people\b|it\b)(?:[\w'-]+ ){{0,3}}?"
     rf"(?:sessions|{UNIT}) (?:take|taken|make|made|earn|earned|bring in|brought in|pull in|pulled in){_NOT_MONEY}", "revenue"),
    # (lane ps24) "what tiktok shoppers spent at the bakery", "compare what riders spent this month with
    # last": the money those people paid us (not what they spent it on)
    (rf"\bwhat (?:the |our )?(?:[\w-]+ ){{0,2}}?(?:{_PEOPLE}|people|folks?) (?:have |had )?spent\b"
     r"(?! (?:(?:their|the|his|her|it|that|most|more|the most) )?(?:money |cash )?(?:on|buying|for)\b)"
     # (what they have spent with us so far, to date, ever: a customer's lifetime value)
     r"(?!(?: with us)? (?:so far|to date|ever|all time|in (?:their|a) lifetime|over (?:their|the) lifetime)\b)", "revenue"),
    # (lane ps24) "whats the bell foundry brought in this month", "what's our stall raked in": the
    # perfect said with "what's", where only the participle of bringing money in is the money
    (rf"\bwhat(?:'s|s| has) (?:the|our|my) (?!{_PEOPLE}\b)(?:[\w'-]+ ){{1,4}}?(?:brought in|pulled in|raked in|taken in|"
     rf"cleared|turned over|earned|earnt){_NOT_MONEY}", "revenue"),
    # "how much money we don make for november", "how much cash we dey make": Pidgin's perfect and
    # progressive, where vocab.py expects "did" or nothing
    (r"\bhow much (?:money |cash |dough |ego )?(?:we|i|you|u) (?:don|done|dey|de|go|have|'ve|has|had) "
     r"(?:make|made|take|taken|earn|earned|bring in|brought in|sell|sold)\b", "revenue"),
    # "and for money taken?", "the money side?", "money-wise": the money, said as what came in
    (r"\b(?:money|cash) (?:taken|earned|earnt|coming in|brought in|banked|in the till)\b|"
     r"\b(?:the )?(?:money|cash|financial|takings) (?:side|end|angle)(?: of (?:it|things|that))?\b", "revenue"),
    # (lane tune31) "the kiosk money each week", "cash per day since june", "the stall money": the
    # money in, followed over a grain or named by the business that took it (not "money back",
    # "money off", "money per customer")
    # (lane ps28) ... or "for each of those weeks", "each of the months": every point of a span already named
    (r"\b(?:money|cash|dosh) (?:(?:each|every|per|a|by) (?:day|week|fortnight|month|quarter|year)|daily|weekly|monthly|"
     r"(?:for |in |on )?(?:each|every one) of (?:those|these|the|them|the last|the past) (?:\d+ )?(?:days|weeks|months|quarters))\b|"
     r"\b(?:shop|store|stall|bar|cafe|café|truck|van|kiosk|salon|studio|business|pub|restaurant)(?:'s)? (?:money|cash|dosh)\b"
     r"(?! (?:back|off|per (?!day|week|month)))", "revenue"),
    # (lane tune31) "gigs booked in october, and what they were worth", "lessons sold and how much
    # they brought in": what the orders counted came to, the money (not a customer's lifetime worth)
    (r"\b(?:what|how much) (?:they|those|these|it|that|all that) (?:were|was) (?:all )?worth\b|"
     r"\band (?:what|how much) (?:they|those|these|it|that) (?:all )?(?:brought in|made|took|came to|added up to)\b", "revenue"),
    # "how many units did we let in the past three months", "how many tables did we turn", "how
    # many boilers did we fit": the orders, in the trade's own verb (not people served)
    (rf"\bhow many (?:(?!{_PEOPLE}\b|{_KPI_NOUNS}\b)[\w-]+ ){{1,2}}(?:did|have|do|has|had) (?:we|you|i|the (?:team|shop|crew|lads)) "
     rf"(?:actually |manage to |managed to )?{_LET}\b", "orders"),
    # "bowls sold", "the number of pints sold yesterday", "frames sold by town": items sold
    # counted (not "sold out", not what sold best)
    (r"\b(?:number of |count of |total )?(?!(?:tickets?|items? (?:we )?have)\b)[a-z-]{3,}s sold\b(?! (?:out|off|on)\b)",
     "orders"),
    # "buyers per segment this month", "buyers by town", "buyers each week", "plot buyers wk by
    # wk" (lane ps21): the head count of
    # people who bought, laid out (a bare "buyers" is often who is asked about, not the count)
    (r"^(?!.*\b(?:repeat|first[- ]time|new|returning|top|best|biggest|valuable|likely|potential)\s+buyers\b)"
     r".*?\b(?P<kpi>(?:paying )?buyers) (?:per|by|for each|in each|across|each|every|(?:week|wk|day|month|mth) (?:by|on|to) "
     r"(?:week|wk|day|month|mth)|weekly|daily|monthly|over time)\b", "buyers"),
    # "which channel has the most buyers", "what town brought in the fewest paying customers": the
    # head count of people who bought, ranked by group
    (r"\b(?:which|what) (?:[\w-]+ ){1,2}?(?:has|had|have|brings?|brought|gets?|got|sends?|sent|gives?|gave|drives?|drove)"
     r"(?: in| us)? (?:the )?(?:most|fewest|least|more|fewer|biggest number of|highest number of) "
     r"(?P<kpi>buyers|paying (?:customers|clients)|payers|purchasers|bookers)\b", "buyers"),
    # "what weekday brings the most support calls in": support calls are tickets (not how fast
    # they are answered, which is the reply time's own words)
    (r"^(?!.*\b(?:answer\w*|repl\w*|respon\w*|resolv\w*|clos\w*|sort\w*|fix\w*|wait\w*|how long|how fast|how quick\w*|"
     r"keep\w* up|backlog|on top of|pil\w* up|open|outstanding|unresolved)\b)"
     r".*?\b(?P<kpi>(?:support|help ?desk|customer service|service|complaint) (?:calls|phone calls|requests|queries|enquiries|inquiries|"
     r"chats|messages))\b", "tickets"),
    # "how many days between a timber order and it landing on site", "from order to doorstep":
    # the time to deliver
    (r"\b(?:days?|time|long|hours?|weeks?) (?:[\w-]+ ){0,3}?between (?:a |an |the |their |someone |people )?(?:[\w-]+ ){0,2}?"
     r"(?:orders?|ordering|purchases?|buying|paying)\b.{0,30}?\band (?:[\w'-]+ ){0,3}?(?:land\w*|arriv\w*|turn\w* up|"
     r"deliver\w*|get(?:ting)? (?:there|to them)|reach\w*|show\w* up|drop\w* off)\b|"
     r"\bfrom (?:order|ordering|checkout|purchase|payment) to (?:delivery|doorstep|door|arrival|drop-?off|site)\b", "delivery_time"),
    # "how many clients have had us back for a second clean", "came back for another lesson":
    # customers who bought again (a third time is min_orders 3, left to the askers' own words)
    (r"^(?!.*\b(?:rate|percent\w*|per ?cent|share|proportion|fraction|ratio)\b|.*%).*?\bhow many\b.{0,40}?\b(?:back|again) for (?:a |an )?(?:second|2nd|another|repeat)\b|"
     r"\bhow many\b.{0,40}?\b(?:had|have had|got|booked|asked) us (?:back|again|round again|out again)\b", "repeat_customers"),
    # (lane tune31) "are more archers coming back for another go this month, or fewer?": the
    # customers who came back, more or fewer of them
    (r"\b(?:more|fewer|less) (?:of (?:the |our )?)?(?:[\w'-]+ ){1,2}?(?:coming|come|came|comin) back (?:for (?:another|a second|more|"
     r"seconds)|again)\b", "repeat_customers"),
    # "which channel brings in collectors worth the most over their lifetime", "what a client is
    # worth over the whole relationship": lifetime value (the clv tool splits it by group)
    (r"\bworth (?:\w+ ){0,3}over (?:their|a|the|his|her) (?:whole |entire )?(?:life ?times?|life with us|relationship with us|"
     r"time with us)\b", "clv"),
    # "average docket value", "avg receipt size", "the average check": what one order is worth,
    # by the paper it comes on
    (r"\b(?:average|avg|mean|typical) (?:till |cash )?(?:docket|receipt|check|cheque|invoice|bill|tab)(?: (?:value|size|amount|total))?\b",
     "aov"),
    # (lane probe17c) "which day did the lounge do its best trade", "how much trade did we do last
    # week": trade done is the money taken (never a trade show, trade customers or the trade itself)
    (r"\b(?:do|does|did|done|doing) (?:its |our |their |the |much |any |a lot of |more |less |the most )?(?:best |most |good |brisk |"
     r"roaring |decent |strong |biggest |busiest |worst |least )?trade\b|\bhow much trade\b", "revenue"),
    # "did more support tickets land this week", "how many complaints landed": tickets as they arrive
    (r"\b(?:support |new |customer |client )?(?:tickets|complaints|support cases) (?:land|landed|landing|lands)\b", "tickets"),
]
EVERYDAY_PATTERNS = [(lazy(p), code) for p, code in EVERYDAY_TERMS]
