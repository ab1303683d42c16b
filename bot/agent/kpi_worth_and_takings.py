"""KPI sayings around the trade's nouns (lane probe19a), hooked into bot/agent/kpi_words.py's
KPI_PATTERNS: what an average booking "is worth" (the order value: a customer's worth is the
lifetime value's), money that "has come in" (the perfect the plainer readings leave out), the
trade's units "for" its goods followed over a grain ("commissions for leaded windows month by
month"), and visitors who "bailed off the site after one page" (the bounce rate). KPI_CUES
weigh these for the KPI tool over the lifetime value's "worth" and the drop-offs' "bailed".
"""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE
from bot.agent.patterns import lazy
from bot.agent.trade_words import UNIT, UNIT_ONE
from bot.agent.word_fragments import DAY_TO_QUARTER, DAY_WEEK_MONTH

# one booking, sale or order of the trade, never a person ("an average client worth" is the
# lifetime value's); "avg" is spelled out before the patterns read it
_ONE_UNIT = rf"(?:{UNIT_ONE}|{UNIT}|order|sale|booking|job|purchase|visit|basket|transaction|invoice|ticket|yurt stay)"
_AVERAGE_WORTH = (rf"\b(?:average|avg|typical|mean|usual) (?!(?:{PEOPLE})\b)(?:[\w'-]+ ){{0,2}}?(?P<kpi>{_ONE_UNIT})s? "
                  # (lane probe20a) "a typical tamale order ring up to", "the usual fare tot up to": what the till says
                  r"(?:is |are |was |were )?(?:worth|come to|comes to|coming to|bring in|brings in|rings? up(?: to| at)?|"
                  r"rung up(?: to| at)?|tots? up to|adds? up to|runs? to)\b"
                  # a span ahead asks what it will be worth: the forecast's or the lifetime value's
                  r"(?!.*\b(?:over (?:the |their )?(?:next|coming|lifetime|years?|life)|lifetime|in the future)\b)")
_GRAIN = rf"(?:{DAY_TO_QUARTER} (?:by|on|to|after) {DAY_TO_QUARTER}|(?:per|each|every|a) {DAY_WEEK_MONTH})"

TERMS: list[tuple[str, str]] = [
    (_AVERAGE_WORTH, "aov"),
    # "how much money has come in since september", "how much has rolled in this month": the money
    (r"\bhow much (?:money |cash |dosh )?(?:has|have|'s) (?:come|rolled|flowed|poured) (?:in|through)\b|"
     r"\b(?:money|cash) (?:has|have|had) (?:come|rolled|flowed|poured) (?:in|through)\b", "revenue"),
    # "commissions for leaded windows month by month", "hires for top hats each week": the units
    # counted over a grain, with what they were for in between
    (rf"\b(?P<kpi>{UNIT})\b(?= (?:for|of|on) (?:the |our )?(?:[\w'-]+ ){{1,3}}?{_GRAIN}\b)", "orders"),
    # "folks bailed off the whale trips site after one page", "bounced out of the shop after a
    # single page": one page and gone, the site named with the trade's words
    (r"\b(?:left|bailed|bounced|dropped|clicked|walked|went|gone|jumped|hopped)(?: straight)? (?:off|out of|away from|from) "
     r"(?:the |our |my )?(?:[\w'-]+ ){0,3}?(?:site|website|web ?site|web ?shop|shop|page|store)s? (?:again )?after "
     r"(?:only |just )?(?:looking at |seeing |viewing |opening )?(?:only |just )?(?:one|a single|1|the first) page\b|"
     # "the one-page-and-gone rate": the bounce rate, named by what it counts
     r"\bone[- ]page[- ](?:and|&|n)[- ](?:gone|out|done|leave)\b", "bounce_rate"),
]
PATTERNS = [(lazy(p), code) for p, code in TERMS]

# "of the people who reach checkout, what % actually pay": the share of one step's people who pay,
# the checkout's conversion (the funnel's span of two stages would show the same step, unasked)
_REACHED_THEN_PAID = (r"\bof (?:the |all the |all )?(?:people|folks?|those|everyone|everybody|visitors|shoppers|customers|clients|guests|"
                      r"ones) (?:who|that) (?:reach|reached|reaches|get to|gets to|got to|make it to|made it to|hit|hits) "
                      r"(?:the |a )?(?:check ?-?outs?|baskets?|carts?|trolleys?|payment pages?|booking forms?)\b.{0,20}?"
                      r"\b(?:what|how many|which) ?(?:%|share|percent(?:age)?|proportion|fraction)?\b.{0,15}?"
                      r"\b(?:actually |really |then |end up |go on to )?(?:pay|pays|paid|buy|buys|bought|order|orders|ordered|book|books|booked)\b")

KPI_CUES = (
    (_REACHED_THEN_PAID, 0.4),
    # over the lifetime value's "worth" (0.85): the worth of one booking, not of a customer
    (_AVERAGE_WORTH, 1.0),
    # over the drop-offs' "bail" and "drop off": gone after one page is the bounce rate
    (TERMS[-1][0], 0.5),
)
