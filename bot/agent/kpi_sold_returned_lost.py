"""KPIs said by what happened to the goods and to the customers, in words the older lists miss
(probe 19c): the money as "how much came in"; goods "flogged", "punted" or "got through" counted as the orders; any goods noun
"returned" or "refunded" (a share of them is the refund rate, a count the refunded orders,
whatever the trade sells: kits, boxes, tunnels); customers "we've lost", as a share, the churn;
and people of any trade who bought from us N times or more, the repeat head count. Hooked into
bot/agent/kpi_words.py's KPI_PATTERNS (read before vocab.py's nouns).
"""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE, SHARE
from bot.agent.patterns import lazy

# Not goods: people, and what customers send or do rather than buy ("how many emails were
# returned" is no refund, "visitors who returned" came back)
_NOT_GOODS = (rf"(?:{PEOPLE}|they|we|who|calls|emails|messages|letters|forms|surveys|questionnaires|answers|responses|"
              r"replies|reviews|ratings|results|numbers|figures|visits|visitors|favours|calls|texts|keys|deposits|votes|"
              r"payments|invoices|quotes|applications|cvs|candidates)")
# a plural goods noun (not "-ss": "glass"), with up to two words before it
_GOODS = rf"(?:[\w'-]+ ){{0,2}}?(?!{_NOT_GOODS}\b)[a-z][\w-]*[^s\W]s"
_BACK = r"(?:returned|refunded|sent back|brought back|taken back)"
_PASSIVE = r"(?:got|get|gets|were|was|are|is|have been|had been|been|being)"
# "3 or more times", "three times or more", "at least twice" (the count is analytics_tools.py's min_orders)
_OFTEN = (r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?:or more times|times or more|or more)|"
          r"more than (?:once|twice|(?:\d{1,2}|two|three|four|five|six|ten) times)|at least (?:twice|(?:\d{1,2}|two|three|four|five|six|ten) times)")

SOLD_RETURNED_LOST_TERMS: list[tuple[str, str]] = [
    # "how much came in from the woods sessions", "how much has come in off the hires": the money,
    # and what it came from is what was sold (its "sessions" are no web visits)
    (r"\bhow much (?:money |cash |dosh |revenue )?(?:came|has come|have come|come|comes|coming) in\b"
     r"(?: (?:from|off|for|on) (?:the |our |all )?(?:[\w'&-]+ ){0,3}[a-z][\w-]*[^s\W]s\b)?", "revenue"),
    # "what % of raw boxes got refunded", "share of tunnel kits that were sent back": the refund
    # rate, whatever the goods are called (talk about refunds stays with feedback)
    (rf"^(?!.*\b(?:mention\w*|saying|said|complain\w*|comments?|feedback|tickets?|about)\b).*?"
     rf"(?P<kpi>(?<!\w){SHARE}\s*(?:of )?(?:(?:the|our|all|my) )?{_GOODS} (?:that |which )?{_PASSIVE} {_BACK})\b",
     "refund_rate"),
    # "how many tunnel kits were returned to us", "number of headsets that got refunded": the goods'
    # count, the refunded orders (never "how many customers returned": they came back)
    (rf"^(?!.*\b(?:mention\w*|saying|said|complain\w*|comments?|feedback|tickets?|about)\b|.*(?:%|\b(?:share|percentage|"
     rf"proportion|fraction|per ?cent|rate)\b)).*?(?P<kpi>\b(?:how many|number of|count of) {_GOODS} (?:that |which )?"
     rf"{_PASSIVE} {_BACK})\b",
     "refunded_orders"),
    # (lane probe23a) "how many tile commissions did folk cancel on us", "how many lessons have clients called
    # off": the goods the customers cancelled, counted
    (rf"\bhow many {_GOODS} (?:did|have|has|had) (?:[\w'-]+ ){{1,2}}?(?:cancel|cancell?ed|call off|called off|pull out of|"
     r"pulled out of|back out of|backed out of)\b", "cancelled_orders"),
    # "how many trial flights did we flog", "how many bags did we punt last week": sold, in slang
    (r"\bhow many (?:[\w'-]+ ){1,4}?(?:did|have|has) (?:we|you|i|the [\w-]+) (?:flog|flogged|punt|punted|get through|got through|"
     r"move|moved|knock out|knocked out|push|pushed|offload|offloaded)\b", "orders"),
    # "what share of boiler customers have we lost", "what % of members did the club lose": the churn
    (rf"(?<!\w){SHARE}\s*(?:of )?(?:(?:the|our|all|my) )?(?:[\w'-]+ ){{0,2}}?(?:{PEOPLE}|accounts) (?:(?:have|did|has|had) )?"
     r"(?:we|i|you|the [\w-]+|our [\w-]+)(?:'ve| have)? (?:actually |really )?(?:lost|lose)\b|"
     # (lane tune31) "if 90 days without a booking counts as gone, what % have we lost": the
     # people left unsaid (never "what % of revenue did we lose")
     rf"\b(?:what|which) {SHARE} (?:have|did|has) (?:we|i|you|the [\w-]+) (?:actually |really )?(?:lost|lose)\b", "churn_rate"),
    # "how many gardeners have bought compost off us three times or more": people of any trade
    # counted by how often they bought (never trouble counted: refunds, complaints, tickets)
    (rf"^(?!.*\b(?:share|percentage|proportion|fraction|per ?cent|rate|complain\w*|refund\w*|returns?|tickets?|late|"
     rf"cancell?\w*)\b|.*%).*?\b(?P<kpi>how many (?:[\w'-]+ ){{0,2}}?[a-z][\w-]*[^s\W]s (?:have |'ve |had )?(?:bought|ordered|"
     rf"purchased|booked|hired) (?:[\w'-]+ ){{0,3}}?(?:off|from|with) (?:us|me) (?:{_OFTEN}))\b", "repeat_customers"),
]
SOLD_RETURNED_LOST_PATTERNS = [(lazy(p), code) for p, code in SOLD_RETURNED_LOST_TERMS]
