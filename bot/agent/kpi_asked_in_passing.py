"""(lane tune33) KPIs said in words the other readers let pass: pages left after one ("readers
bouncing off after one page"), tickets resolved said in the present ("share of member tickets we
fully resolve"), the money spent by a group described with "who" ("how much did y'all who found
us on instagram spend"), the people of a group who bought ("how many of them bought a bottle")
and baskets ditched ("more people ditching baskets"). Hooked first into
bot/agent/kpi_words.py's KPI_PATTERNS: each is narrower than the readings it stands before."""

from __future__ import annotations

from bot.agent.kpi_waits_and_shares import _ASKED, _MANAGED, _WE
from bot.agent.owner_words import CLOSE, PEOPLE, SHARE
from bot.agent.patterns import lazy

_GROUP = r"(?:them|those|these|the lot|that lot|this lot)"
_BOUGHT = r"(?:bought|ordered|purchased|paid for|booked|picked up|got)"
_BASKETS = r"(?:baskets?|carts?|trolleys?|checkouts?)"

ASKED_IN_PASSING_TERMS = (
    # "readers bouncing off after one page", "visitors bounce away after a single screen"
    # (the particle said: "what % of site visits bounce after one page" is read whole, later)
    (r"\bbounc(?:e|es|ed|ing) (?:off|away|out) (?:the site |the website )?after (?:just |only )?(?:one|1|a single|the first|a) "
     r"(?:page|screen|look)\b", "bounce_rate"),
    # "share of member tickets we fully resolve", "% of the complaints the team sorts out": the
    # share closed, said in the present with no helping verb
    (rf"(?<!\w){SHARE} of (?:the |our |all |those |these )?(?:[\w-]+ ){{0,2}}?{_ASKED} (?:that |which )?{_WE} "
     rf"{_MANAGED}{CLOSE}(?:s|d|ed)?\b", "resolution_rate"),
    # "how much did y'all who found us on instagram spend", "how much did anyone who came in
    # through tiktok spend": the money, the group told with "who" (never per order or per head)
    (r"^(?!.*\b(?:per|each|average|avg|on average|typical(?:ly)?|a time|a visit|an order|a head)\b).*?"
     r"\bhow much (?:money |cash )?(?:did|do|does|have|has) (?:[\w'-]+ ){1,2}(?:who|that) (?:[\w'()-]+ ){1,10}?"
     r"(?:spent|spend)\b(?! (?:time|hours?|minutes?|ages|long)\b)", "revenue"),
    # "vip customers - how many of them bought a bottle", "how many of those actually booked": the
    # people of the group named who bought (not how often, nor as a share)
    (rf"^(?!.*(?:%|\b(?:share|percent|percentage|proportion|fraction|rate|times|again|more than once|twice)\b)).*?"
     rf"\bhow many of {_GROUP} (?:have |had |actually |ever )?{_BOUGHT}\b", "buyers"),
    # (lane tune34) "how many 25-34 year olds bought match tickets", "how many of the newsletter crowd
    # booked a lesson": a count of people of a group who bought is the buyers, whatever they bought
    # (the banks' convention; "how many tickets did we sell" stays the orders)
    (rf"^(?!.*(?:%|\b(?:share|percent|percentage|proportion|fraction|rate|times|again|more than once|twice)\b)).*?"
     rf"\bhow many (?:of (?:the |our |those |these )?(?:[\w'-]+ ){{0,2}}?(?:{PEOPLE}|crowd|lot|bunch|gang|group|set)|"
     rf"(?:[\w'-]+ ){{0,2}}?(?:\d\d ?-? ?\d\d|\d\d\+|(?:over|under)[- ]?\d\d)(?:s|'s)?(?: year[- ]olds?| olds?)?) "
     rf"(?:have |had |actually |ever |all )?{_BOUGHT}\b", "buyers"),
    # "more people ditching baskets", "folk who dump their carts": baskets abandoned, by the verb
    (rf"\b(?:ditch|dump|abandon|desert|bin)(?:s|es|ed|ing|ping|ped)? (?:their |the |a |an |full |online |half-full )?"
     rf"{_BASKETS}\b", "cart_abandonment"),
)
ASKED_IN_PASSING_PATTERNS = [(lazy(p), code) for p, code in ASKED_IN_PASSING_TERMS]
