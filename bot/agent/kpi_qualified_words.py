"""KPIs said with the trade's own word in the middle of the plain phrase (lane probe18a): "visits
to the plant site", "bounce off the booking site", "average party booking value", "bets placed",
and the recommend question said as a statement ("how likely folk are to recommend us"). The plain
phrases ("visits to the site", "average booking value", "how likely are people to recommend") are
read by the older lists; a word of the trade between their words broke them. Hooked in
bot/agent/kpi_words.py's KPI_PATTERNS (last: the sayings before read what they know first).
"""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE
from bot.agent.patterns import lazy

# what a trade counts that is a KPI of its own, never its goods
_NOT_GOODS = (r"(?:refunds?|returns?|cancell?ations?|complaints?|tickets?|sessions?|visits?|visitors?|reviews?|surveys?|"
              r"enquir(?:y|ies)|quer(?:y|ies)|messages?|emails?|calls?|leads?|issues?|ads?|adverts?|posts?|times|days|"
              r"hours|weeks|months|people|customers|clients|members|new)")
_SITE = r"(?:site|web ?site|web ?shop|online shop|booking (?:site|page)|page|app)"
# the visits that then do something are a conversion or a bounce, read by the lists before
_THEN_DO = r"(?![^?.!]*\b(?:convert\w*|turn\w*|end(?:s|ed)? (?:in|with|up)|result\w*|lead|led|bounc\w*|book\w*|buy\w*|bought|order\w*|paid|pay\w*|purchas\w*)\b)"

QUALIFIED_TERMS: list[tuple[str, str]] = [
    # "visits to the plant site each day", "visits on our pottery web shop": the visits, a trade
    # word naming the site
    (rf"\bvisits (?:to|on) (?:the|our|my) (?:[\w&'-]+ ){{1,2}}?{_SITE}\b{_THEN_DO}", "sessions"),
    # "bounce off the booking site", "bounced straight off our plant web shop": one page and gone,
    # a trade word naming the site
    (rf"\bbounc(?:e|es|ed|ing) (?:straight |right )?(?:off|from) (?:the|our|my) (?:[\w&'-]+ ){{1,2}}?{_SITE}\b", "bounce_rate"),
    # "average party booking value", "avg kids class booking value", "mean hire order value": what
    # one order is worth, the trade's word before the order (never a lifetime value)
    (r"\b(?:average|avg|mean|typical) (?!(?:customer )?lifetime\b)(?:[\w&-]+ ){1,2}?(?:booking|order|job|sale|basket|hire|"
     r"appointment|ticket|transaction)s? (?:value|size|worth|amount)\b", "aov"),
    # "how likely folk are to recommend the kiosk", "how likely our riders would be to refer us":
    # the recommend score, the question said as a statement
    (r"\bhow likely (?:[\w'-]+ ){1,3}(?:are|is|would be|will be|were) to (?:recommend|refer)\b", "nps"),
    # "bets placed, last 28 days", "how many bets got placed": the trade's orders placed
    (rf"\b(?!{PEOPLE}\b|{_NOT_GOODS}\b)[\w&-]+s (?:(?:got|were|have been|being) )?placed\b", "orders"),
]
QUALIFIED_PATTERNS = [(lazy(p), code) for p, code in QUALIFIED_TERMS]
