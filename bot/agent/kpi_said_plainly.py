"""KPIs said plainly, as what people did rather than the KPI's name (lane tune28): visitors who
"left after one page" (the bounce rate), "how many visits did the web shop get" (sessions),
complaints "we got sorted" or "dealt with" (resolved tickets), the "gap between first turning up
on our radar and paying" (time to first purchase); and every headline KPI asked for as "every key
figure" or "the full set". Hooked into bot/agent/kpi_words.py's KPI_PATTERNS (read first: each is
narrower than the nouns it holds) and the kpis tool's cues (bot/agent/analytics_tools.py)."""

from __future__ import annotations

from bot.agent.patterns import lazy

# the support side's things (not "jobs" or "repairs": for a trade those are its orders)
_GRIPES = r"(?:tickets?|complaints?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|issues?|problems?|faults?|cases?|moans?|gripes?)"
_SORTED = r"(?:sorted(?: out)?|dealt with|resolved|closed|fixed|cleared|solved|put right|wrapped up)"
_FIRST_SEEN = (r"(?:turn(?:s|ed|ing)? up|show(?:s|ed|ing)? up|appear(?:s|ed|ing)?|land(?:s|ed|ing)?|pop(?:s|ped|ping)? up) "
               r"(?:on (?:our|the|my) (?:radar|books|list)|with us|at our door)|(?:hear(?:s|d|ing)?|learn(?:s|t|ed|ing)?) (?:of|about) us|"
               r"(?:find(?:s|ing)?|found|spot(?:s|ted|ting)?|contact(?:s|ed|ing)?|enquir(?:es|ed|ing)|get(?:s|ting)? in touch)(?: us| with us)?")
_PAYS = r"(?:pay(?:s|ing)?|paid|buy(?:s|ing)?|bought|book(?:s|ed|ing)?|order(?:s|ed|ing)?|sign(?:s|ed|ing)? up|hir(?:e|es|ed|ing))"

PLAIN_TERMS: list[tuple[str, str]] = [
    # "what % of visitors left after one page", "people who only looked at a single page and went"
    (r"\b(?:left|leave|leaves|leaving|went|go|goes|gone|bailed|quit|clicked away|walked off) (?:the (?:site|page|shop) )?"
     r"(?:again )?(?:straight |right |directly )?after (?:only |just )?(?:one|a single|1|the first|their first|the one) page\b|"
     # (lane probe20a) "leave straight after the landing page", "bail right off the home page": one page and gone
     r"\b(?:left|leave|leaves|leaving|bail\w*|quit\w*|exit\w*|go|goes|went) (?:the (?:site|page|shop) )?(?:straight |right |directly )?"
     r"(?:after|off|from) (?:the |their |our )?(?:landing|home|front|first) ?page\b(?! (?:views?|visits?)\b)|"
     r"\b(?:only|just) (?:looked at|saw|viewed|opened|visited|clicked on) (?:one|a single|1) page\b", "bounce_rate"),
    # "how many visits did the web shop get yesterday", "visits the site had last week"
    (r"\bvisits\b (?:did|has|have|had|does|do) (?:the |our |my )?(?:[\w'-]+ )?(?:web ?shop|web ?site|site|"
     r"online (?:shop|store)|shop page|page)s? (?:get|got|have|had|see|saw|receive|received|pull in|pulled in)\b|"
     r"\bvisits (?:the |our |my )?(?:web ?shop|web ?site|site|online (?:shop|store)) (?:got|had|saw|received)\b",
     "sessions"),
    # "how many complaints did we get sorted last week", "queries the team dealt with in october"
    (rf"\b(?:how many|number of|count of) (?:[\w-]+ ){{0,2}}?{_GRIPES} (?:did|have|has|had) (?:we|you|they|the team|staff|"
     rf"(?:the |our )?[\w'-]+) (?:get |got |manage to |managed to |actually )?{_SORTED}\b", "resolved_tickets"),
    # "tickets we closed out" is the count, but "the share of tickets we closed out" the rate (vocab.py's)
    (rf"^(?!.*(?:\b(?:share|percentage|proportion|fraction|per ?cent)|%) of\b).*?\b(?P<kpi>{_GRIPES} (?:that )?(?:we|the team|staff) "
     rf"(?:got |have |'ve |had )?{_SORTED})\b", "resolved_tickets"),
    # "the gap between a client first turning up on our radar and paying", "time between first
    # hearing of us and booking"
    (rf"\b(?:gap|time|days?|weeks?|wait|lag|how long) between (?:[\w'-]+ ){{0,3}}?first (?:[\w'-]+ ){{0,2}}?(?:{_FIRST_SEEN})\b"
     rf".{{0,30}}?\b(?:and|to|till|until) (?:[\w'-]+ ){{0,2}}?{_PAYS}\b", "time_to_first_purchase"),
]
PLAIN_ASK_PATTERNS = [(lazy(p), code) for p, code in PLAIN_TERMS]

PLAIN_ASK_CUES = (
    # "the time between first hearing of us and booking": a wait, not the funnel between two stages
    (PLAIN_TERMS[-1][0], 0.4),
    # "every key figure for this month, the full set": each headline KPI, no one named
    # (not set against another period: "all the numbers, this month against last" is compare's)
    (r"^(?!.*\b(?:against|vs|versus|compared?|comparison|next to|than|before)\b).*?(?:\b(?:every|each) (?:single )?"
     r"(?:key |headline |main |important )?(?:figure|number|kpi|metric|stat)s?\b(?! (?:by|per|for each|across)\b)|"
     r"\bthe (?:full|whole|complete) set\b)", 0.6),
)
