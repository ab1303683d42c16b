"""KPIs said with the verb of the work or of the money rather than a KPI noun: the money as what
"we take the most" (a day or a place compared by what comes in, with no noun after), and the
trade's work counted as it "has been booked", or as the business "ran", "guided" or
"hosted" it ("how many guided ascents have we run", "how many heats did the club host"), and the
wait for the goods said as the span "order to doorstep", wherever the "how long" falls, and
visits "to the park's website" with the split said between. Hooked
into bot/agent/kpi_words.py's KPI_PATTERNS (lane probe18b).
"""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE
from bot.agent.patterns import lazy

# what is counted that is a KPI of its own, or is no sale ("how many visitors did the site get")
_NOT_WORK = (r"(?:refunds?|returns?|cancell?ations?|complaints?|tickets?|sessions?|visits?|visitors?|reviews?|surveys?|"
             r"enquir(?:y|ies)|inquir(?:y|ies)|quer(?:y|ies)|messages?|emails?|calls?|leads?|issues?|requests?|cases?|"
             r"people|customers|clients|members|new|times|days|hours|weeks|months|pages|clicks|likes|followers|views|stars|"
             r"alerts?|rules?|rows|tables|personas?|newcomers|newbies|first-?timers|sign-?ups|registrations|referrals|"
             r"mentions|shares|downloads|hits|impressions|responses|replies|answers|comments|ratings|points)")
_WHO = r"(?:we|you|y'all|the team|our team|the crew|(?:the|our) [\w'-]+)"

WORK_COUNTED_TERMS: list[tuple[str, str]] = [
    # "do we take more at the shack on a sunday than other days", "which day do we take the most":
    # the money that comes in, compared (not "take more bookings": the noun after is what is counted)
    (r"\b(?:we|you|i|they) (?:take|took|make|made|earn|earned|bring in|brought in|rake in|pull in) (?:the )?"
     r"(?:most|more|less|least)\b(?= *(?:$|[?,.!;]|than|on|at|in|during|over|from|when|across|money|cash)\b)", "revenue"),
    # "how many antenatal packages have been booked so far", "how many plots had been sold by june":
    # the trade's work counted as it was sold (never people, tickets or visits)
    (rf"\bhow many (?!of\b)(?:(?!{PEOPLE}\b|{_NOT_WORK}\b)[\w&-]+ ){{1,3}}?(?:have|has|had) been (?:booked|sold|bought|"
     r"ordered|done|run|completed|delivered|fitted|taken)\b", "orders"),
    # "how many guided ascents have we run this quarter", "how many heats did the club host": the work
    # the business ran or led, counted (not what it "got": no-shows, newcomers and complaints are got too)
    (rf"\bhow many (?!of\b)(?:(?!{PEOPLE}\b|{_NOT_WORK}\b)[\w&-]+ ){{1,3}}?(?:did|have|has|had) {_WHO} "
     r"(?:run|ran|guide|guided|lead|led|host|hosted|hold|held|stage|staged|organi[sz]e|organi[sz]ed)\b", "orders"),
    # "order to doorstep for the vinegar, how long", "checkout to front door, how many days": the
    # time from the order to the goods arriving (not "order to doorstep" as a funnel of steps)
    (r"^(?!.*\bfunnel\b)(?=.*\b(?:how long|how many days|how quick|how fast|days|time|slowest|fastest|quickest)\b).*?"
     r"\b(?:order|ordering|checkout|purchase|payment)s? (?:to|till|until) (?:the |their |your )?(?:front )?(?:doorstep|door|"
     r"letterbox|delivery|arrival|arriving|landing)\b", "delivery_time"),
    # "visits per city to the park's website", "visits each week on the shop's site": web visits, the
    # site named after the split (a bare "visits" may be a clinic's, so the site must be said)
    (r"\b(?P<kpi>visits)\b (?:(?:per|by|each|every|for each) [\w-]+ )?(?:to|on) (?:the |our |my )?(?:[\w'-]+ )?"
     r"(?:web ?site|site|web ?shop|online (?:shop|store)|app)\b", "sessions"),
]
WORK_COUNTED_PATTERNS = [(lazy(p), code) for p, code in WORK_COUNTED_TERMS]
