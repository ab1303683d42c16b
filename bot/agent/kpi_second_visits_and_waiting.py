"""(lane probe18c) KPI sayings read first (bot/agent/kpi_words.py hooks them in at the head of
KPI_PATTERNS): coming back "for a second stay" (the repeat rate when a share is asked, else the
repeat customers), sessions booked (orders), how quick we get back to queries (the first
response time), and complaints or queries "waiting on a reply" (those still open, unless how
long they wait is asked, the first response time)."""

from __future__ import annotations

from bot.agent.owner_words import SHARE
from bot.agent.patterns import lazy

# "came back for a second stay", "returned for another class", "rebooked for a 2nd session"
_BACK_FOR = (r"(?:(?:come|came|coming|comes|gone|went|been|bounced) back|return(?:ed|ing|s)?|re-?book(?:ed|ing|s)?) "
             r"for (?:a |an |their |one )?(?:second|2nd|another|repeat|further|follow-?up) [a-z-]+")
# what a support desk answers ("jobs" or "calls" are a trade's orders as often)
_ASKED = (r"(?:tickets?|complaints?|quer(?:y|ies)|enquir(?:y|ies)|inquir(?:y|ies)|support requests?|cases?|issues?|"
          r"e-?mails?|messages?|dms?)")
_WAITING = (r"(?:(?:still|currently|that are|which are|are|is|sat|sitting|left|stuck) )*(?:waiting|waitin'?|hanging on|sat|sitting|"
            r"left|stuck) (?:on|for|without) (?:a |an |any |our |my |the )?(?:reply|replies|answer|answers|response|responses|"
            r"call-?backs?|word back)")

_TERMS: list[tuple[str, str]] = [
    # "what share of guests have come back for a second stay", "% of diners who returned for
    # another meal": the repeat rate, the second purchase said as what it was
    (rf"(?<!\w){SHARE} of (?:[\w'-]+ ){{0,5}}?(?:(?:who|that|have|has|had|'ve|ever|actually) )*{_BACK_FOR}\b",
     "repeat_purchase_rate"),
    # "how many clients came back for a second fitting": the people, counted (not "our repeat
    # rate, i.e. how many come back for a second groom", the rate explained)
    (rf"^(?!.*\b(?:rate|share|percentage|proportion|fraction|per ?cent)\b|.*%)(?P<kpi>.*?\bhow many\b(?: [\w'-]+){{0,5}}? {_BACK_FOR})\b",
     "repeat_customers"),
    # "what hour do the most kickboxing sessions get booked", "how many sessions did we book": a
    # session someone books is an order (a web session is a visit, and is never booked)
    (r"(?<!web )(?<!website )(?<!site )(?<!online )(?<!app )\bsessions?\b (?:(?!that\b|which\b|who\b)[\w']+ ){0,3}?"
     r"(?:booked|reserved|sold|book|reserve|sell)\b|\b(?:book|books|booked|reserve|reserved|sell|sold) (?:[\w'-]+ ){0,3}?"
     r"(?<!web )(?<!website )(?<!site )(?<!online )(?<!app )sessions?\b", "orders"),
    # "how quick are we getting back to repair enquiries", "how fast do we come back to new
    # clients": the time to a first reply (how long a job takes to finish is not asked)
    (r"\bhow (?:quick(?:ly)?|fast|soon|speedily|promptly|slow(?:ly)?) (?:are|do|did|is|does|have|were) (?:we|you|the team|staff|support|i) "
     r"(?:\w+ )?(?:get(?:ting)?|com(?:e|ing)|got) back to (?:[\w'-]+ ){0,3}?(?:" + _ASKED[3:-1] + r"|customers?|clients?|people|folks?|"
     r"callers?|members?|guests?|patients?|students?|punters?|them|[a-z]+s)\b", "first_response_time"),
    # "warn me if complaints waiting on a reply go above 15", "how many queries are sat waiting
    # for an answer": the tickets still open (how long they wait is the response time)
    (rf"^(?!.*\bhow (?:long|quick(?:ly)?|fast|soon|slow(?:ly)?)\b)(?!.*\bwait(?:ing)? times?\b).*?(?P<kpi>\b{_ASKED} {_WAITING})\b",
     "open_tickets"),
]

SECOND_VISIT_AND_WAITING_PATTERNS = [(lazy(p), code) for p, code in _TERMS]
