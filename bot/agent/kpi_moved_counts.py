"""KPIs named by how they moved or by a loose count, read after every other KPI saying (hooked
last in bot/agent/kpi_words.py's KPI_PATTERNS), so a narrower reading of the same words wins:
"pushed visits up", "a dip in visits", "month to date visits" are the web visits; "slower
fixes" the time to resolve; "the drop in survey replies", "fewer survey responses" the surveys
answered; "bookings get cancel" the cancelled orders; "class pass sales" and "nursery
sign-ups" the orders, counted. Bare, "visits" may be a salon's appointments or the spend per visit, and
"survey replies" what the surveys say, so each is read only with its movement or its count.
"""

from __future__ import annotations

from bot.agent.owner_words import ORDERS
from bot.agent.patterns import lazy

_UP_OR_DOWN = r"(?:up|down)"
_MOVE = (r"(?:surge|spike|jump|rise|boost|boom|drop|dip|fall|slump|slide|slowdown|fall-?off|increase|decrease|change|shift|"
         r"swing|growth|uptick|downturn|climb|decline)")
_IS = r"(?:are|were|is|was|have been|has been|went|gone|have gone|has gone|'re|'ve gone|are way|were way)"
_PUSH = r"(?:push\w*|drove|drive[sn]?|driving|brought|bring\w*|pull\w*|dragg?\w*|sent|send\w*|knock\w*|took|take[sn]?|taking)"
_SURVEYS = r"(?:survey|questionnaire|feedback form) (?:replies|responses|answers|returns)"
_WEB = r"(?:web ?site|site|web ?shop|online (?:shop|store)|app|page)"

MOVED_TERMS: list[tuple[str, str]] = [
    # "which channel pushed visits up", "the dip in visits", "visits are down this month", "month
    # to date visits", "visits on the cigar website": the web visits, counted or moving (never
    # "spend per visit", "home visits", "across all their visits")
    (rf"\b{_PUSH} (?:our |the )?visits {_UP_OR_DOWN}\b|"
     rf"\b{_MOVE}s? in (?:our |the )?(?:number of )?visits\b|"
     rf"(?<!\bhome )(?<!\btheir )\bvisits (?:{_IS} )?(?:(?:right|way|a bit|a lot|well) )?{_UP_OR_DOWN}\b(?! to\b)|"
     r"\b(?:month|week|year|quarter)[- ]to[- ]date visits\b|\bvisits (?:so far )?(?:this )?(?:month|week|year|quarter)[- ]to[- ]date\b|"
     rf"\bvisits (?:to|on|at) (?:the |our |my )?(?:[\w'-]+ ){{1,2}}{_WEB}\b|"
     r"\b(?:fewer|more) visits (?:this|last|since|over|in)\b", "sessions"),
    # (lane probe21a) "the dip in yo-yo buyers", "a jump in paying customers": how many bought, moving
    # "alert me when a channel has weirdly few buyers", "if buyers get strangely low": how many bought, watched
    (rf"\b{_MOVE}s? in (?:our |the )?(?:number of )?(?:[\w-]+ )?(?:buyers|purchasers|paying customers)\b|"
     r"\b(?:has|have|had|gets?|got|sees?|saw) (?:weirdly|strangely|oddly|unusually|suspiciously|abnormally) (?:few|many|low|high) "
     r"(?:[\w-]+ )?(?:buyers|purchasers|paying customers)\b|\b(?:buyers|purchasers) (?:suddenly )?(?:get|gets|go|goes|are|is|look|looks) "
     r"(?:weirdly|strangely|oddly|unusually|suspiciously|abnormally) (?:few|many|low|high)\b", "buyers"),
    # "slower fixes this quarter", "fixes getting quicker", "fix times": how long a ticket takes to close
    # (tune31) "were we any quicker resolving fault tickets in Q3": the speed of closing, said as the doing
    (r"\b(?:slower|faster|quicker|speedier|longer|shorter) (?:fix(?:es)?|resolutions?)\b|\bfix(?:ing)? (?:times?|speed)\b|"
     r"\b(?:slower|faster|quicker|speedier) (?:at |in |with )?(?:resolving|closing|fixing|sorting(?: out)?|clearing|solving)\b|"
     r"\bfixes (?:are |were |have |has )?(?:getting |got |gotten |become |became |been |taking )(?:any |a (?:bit|lot) |much )?"
     r"(?:slower|faster|quicker|longer)\b", "resolution_time"),
    # "the dip in survey replies", "fewer survey responses", "survey replies are down": surveys answered
    (rf"\b{_MOVE}s? in (?:the |our )?(?:number of )?{_SURVEYS}\b|\b(?:fewer|more|less) {_SURVEYS}\b|"
     rf"\b{_SURVEYS} (?:{_IS} )?(?:(?:right|way|a bit|a lot|well) )?{_UP_OR_DOWN}\b|\b{_PUSH} (?:our |the )?{_SURVEYS} {_UP_OR_DOWN}\b",
     "survey_responses"),
    # "how many room bookings get cancel", "orders wey don cancel": the cancelled orders, the verb unmarked
    (rf"\b(?:how many|number of|count of) (?:[\w'-]+ ){{0,2}}{ORDERS} (?:(?:do|does|did) )?(?:get|got|gets|go|went|been|were|was|"
     r"don|dey) cancel\b", "cancelled_orders"),
    # "class pass sales", "gift voucher sales this month": how many were sold, a count of orders
    # (never "card sales money", the money said outright)
    (r"\b(?:[\w-]+ )?(?:pass|pack|membership|voucher|gift card|bundle|season ticket)(?:es|s)? sales\b"
     r"(?! (?:money|revenue|takings|cash|value|income|wise)\b)(?!-wise)", "orders"),
    # "Clifton vs Bedminster for nursery sign-ups", "how many course sign-ups": the trade's
    # enrolments, its orders (not a newsletter's or a channel's sign-ups, a group of people)
    (r"\b(?:for|of|in|how many|number of|count of) (?:the |our |all )?(?P<kpi>(?:(?!(?:newsletter|email|e-mail|mailing|list|trial|"
     r"tiktok|instagram|facebook|google|web|online|app)\b)[\w-]+ ){0,2}sign-?ups)\b", "orders"),
]
MOVED_PATTERNS = [(lazy(p), code) for p, code in MOVED_TERMS]
