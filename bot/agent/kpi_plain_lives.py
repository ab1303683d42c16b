"""KPI sayings of everyday life, read before the others (bot/agent/kpi_words.py hooks them in
first): how long to fully fix a customer's problem, days to get a thing to the customer, people
never seen before landing on the site, survey forms sent back, minutes people hang about on the
site each visit, people who keep coming, and "what's that worth" after a count of things sold."""

from __future__ import annotations

from bot.agent.owner_words import CLOSE, PEOPLE, QUERIES
from bot.agent.patterns import lazy

# Fixing a thing fully, said with its adverb ("fully fix", "properly sort out")
_FULLY = r"(?:(?:fully|completely|properly|finally|actually|totally|entirely) )?"
# Where an online visitor is
_SITE = r"(?:(?:web ?)?sites?|web ?pages?|pages|app|online shop|online store|web ?shop)"
_FORMS = r"(?:forms?|sheets?|cards?|slips?|questionnaires?)"

_TERMS: list[tuple[str, str]] = [
    # "how long does it take us to fully fix a knitter's issue", "time to properly sort out a
    # client's problem", "days to resolve a guest's complaint": the time to resolve, the owner's
    # customer named before the problem
    (rf"\b(?:how long|time|days|hours|how many (?:days|hours))\b(?: [\w']+){{0,5}}? to {_FULLY}{CLOSE} "
     rf"(?:an? |the |their |our |each |every |one )?(?:[\w'-]+ ){{0,2}}?{QUERIES}\b", "resolution_time"),
    # "and how long to close them out?": the time to resolve, the tickets being the last turn's
    (rf"\bhow long (?:(?:did|does|do|will) it take (?:us |you |the team )?)?to {_FULLY}{CLOSE}(?: out| off)? "
     r"(?:them|those|these|it|they)\b", "resolution_time"),
    # "median days to get a globe to the customer", "how long to get a sofa to the buyer's door":
    # the time to deliver, whatever the thing delivered
    (rf"\b(?:days?|hours?|weeks?|how long|time)\b(?: [\w']+){{0,3}}? to get (?:an? |the |their |our |each )?(?:[\w'-]+ ){{1,2}}?"
     rf"(?:to (?:the |our |a |their |each )?(?:{PEOPLE}|customer|client|buyer|recipient)(?:'s?|s')?(?: (?:door|doorstep|house|home))?"
     r"|delivered|to (?:their|the) (?:door|doorstep|house|home))\b", "delivery_time"),
    # "never-seen-before people landed on the site", "brand new faces on the web page": people new to
    # the site
    (rf"\b(?:never[- ]seen[- ]before|never[- ]before[- ]seen|brand[- ]new|first[- ]timer?) (?:[\w'-]+ )?(?:{PEOPLE}|faces|eyes|"
     rf"visitors)\b[^?.!]{{0,40}}?\b{_SITE}\b", "new_visitors"),
    # "how many tartan survey forms did folk send back", "survey cards guests handed in": the
    # survey responses counted
    (rf"\bsurveys?(?: {_FORMS})?\b[^?.!]{{0,40}}?\b(?:(?:sent|send|sending|handed|hand|posted|post|mailed|filled|fill)"
     r"(?: back| in| out)?|returned|(?:came|come|got|get|coming) back)\b(?! on file)", "survey_responses"),
    # "how many minutes did they hang about on the drop site each visit", "how long folk stay on
    # the site per visit": the length of a visit
    (rf"\b(?:how long|how many (?:minutes|mins|seconds|secs)|minutes|time)\b[^?.!]{{0,50}}?\b(?:hang(?:ing|s)? (?:about|around|out)|"
     r"stay(?:ed|s|ing)?|linger(?:ed|s|ing)?|spend|spent|stick(?:ing)? around|stuck around|browse[ds]?|remain(?:ed|s)?)\b"
     rf"[^?.!]{{0,40}}?\b{_SITE}\b[^?.!]{{0,15}}?\b(?:per|each|a|every|on an?|on average per) (?:visit|session)\b",
     "session_length"),
    # "how many people have been coming to the club nights", "members keep turning up": the people
    # active with us, counted by who keeps coming
    (rf"\b(?:how many|number of|count of|(?:the )?most|(?:the )?fewest|(?:the )?least) (?:[\w'-]+ )?{PEOPLE} "
     # (lane probe21b) "how many members from Bedminster turned up", "how many regulars in the
     # loyalty scheme showed up": where they are from said between the people and their coming
     r"(?:(?:from|in|out of|on|at) (?:the |our )?(?:[\w'-]+ ){1,3}?)?"
     # (lane probe20c) "how many players actually turned up": the owner's "actually", "really", "even"
     r"(?:(?:have|has|had) been|keep|kept|(?:do|did) )?\s*(?:(?:actually|really|even|ever) )?"
     r"(?:coming|turning up|showing up|turn up|show up|turned up|showed up)\b",
     "active_customers"),
    # "the biggest average marble invoice", "was the average walling job bigger", "the average slab
    # order, month by month": the value of one order, the trade's noun between (never "average
    # orders per day", a count, nor "average job time", a wait)
    (r"\baverage (?!(?:number|count|amount|time|wait|days?|hours?) )(?:[\w'-]+ ){0,2}?(?:invoice|order|job|sale|basket|"
     r"transaction|purchase|spend|booking|commission)\b(?! (?:times?|count|number|rate|per|a day|frequency|length|delivery|"
     r"resolution|wait|turnaround|lead|takes?|took)\b)", "aov"),
    # "which weekday do clients wait longest for our first reply": the wait for an answer (the
    # delivery's wait is kpi_words.py's)
    (r"\bwait(?:s|ed|ing)? (?:the )?(?:long(?:er|est)?|most|more) (?:for|on) (?:our|a|the|their|my|an|any) (?:first |initial )?"
     r"(?:reply|replies|response|responses|answer|answers|call ?backs?)\b", "first_response_time"),
    # "did more folks buy jerky from us this quarter than last", "fewer clients ordered": the people
    # who bought, counted against another period
    (rf"\b(?:more|fewer|less) {PEOPLE} (?:buy|bought|purchase|purchased|order|ordered|shop|shopped|book|booked)\b", "buyers"),
    # "how many boxes have we sold n what's that worth", "... and how much cash was that": the
    # money the count brought, asked after it
    (r"\bwhat(?:'s| is| was|s| are| were) (?:that|it|they|those|all that|all of that|all that lot) (?:worth|come to|bring in)\b|"
     r"\bhow much (?:cash|money|dosh|revenue|takings) (?:was|is|were|did) (?:that|it|those|they|all that)\b", "revenue"),
]

PLAIN_LIFE_PATTERNS = [(lazy(p), code) for p, code in _TERMS]
