"""(lane probe25a) Support and delivery figures said in an owner's words rather than the KPI's:
how long from a complaint landing to it being put right (the time to resolve), what share got
sorted (the resolution rate), complaints the team closed off (resolved), customers still waiting
on us (open tickets), how long a parcel takes to get to folk (the delivery time), and a visit's
length asked beside the visits ("site visits and how long each one lasts"). Hooked into
bot/agent/kpi_words.py's KPI_PATTERNS right after the people turning up: each names the figure
by what happens to the complaint or the parcel, which broader readings would take as the
complaints themselves (their themes) or as the orders.
"""

from __future__ import annotations

from bot.agent.owner_words import CLOSED, DELIVERY, QUERIES
from bot.agent.patterns import lazy

# complaints in the words owners use for them, and the desk's own words (owner_words.QUERIES)
_COMPLAINTS = (r"(?:grumbles?|gripes?|moans?|grievances?|niggles?|whinges?|beefs?|grouses?|complaints?|"
               r"(?:support )?tickets?|support (?:requests?|cases?)|queries)")
_GRIPES = rf"(?:{_COMPLAINTS}|problems?|{QUERIES})"
# done with for good: the participles of owner_words.CLOSED and the homely ones
_PUT_RIGHT = (rf"(?:{CLOSED}|closed off|put right|made right|put to bed|sorted for good|fixed for good|"
              r"sorted properly|taken care of|ironed out)")
_HOW_LONG = r"\b(?:how long|how quick(?:ly)?|how fast|how many (?:days|hours)|time|days|hours|wait)\b"
_SHARE = r"(?:share|%|percentage|proportion|fraction|per ?cent|how many out of|what part)"

_TERMS: list[tuple[str, str]] = [
    # "from a grumble coming in to it being properly put right, how long", "from a complaint
    # landing to it being sorted for good": the time to resolve, its two ends said first
    (rf"^(?=.*{_HOW_LONG}).*?\bfrom (?:an? |the |their |our |each |any )?(?:[\w'-]+ ){{0,2}}?{_GRIPES} "
     r"(?:landing|coming in|arriving|being (?:raised|logged|opened|made)|getting (?:raised|logged)|opening|in|"
     r"(?:first )?reaching us|turning up) "
     r"(?:to|till|until|through to|and) (?:it |them |its |their )?(?:(?:being|getting|is|are|'s|was|were) )?"
     rf"(?:(?:fully|properly|finally|completely|actually) )?{_PUT_RIGHT}", "resolution_time"),
    # "of the complaints that came in, what share got sorted", "what % of tickets raised were
    # resolved": the resolution rate, the complaints said before or after the share
    (rf"^(?=.*\b{_COMPLAINTS}\b).*?(?<!\w){_SHARE}\b[^?.!]{{0,60}}?\b(?:got|get|gets|were|was|are|is|have been|has been|"
     rf"did we get|did we|did the team|we) (?:(?:fully|properly|finally|actually) )?{_PUT_RIGHT}\b", "resolution_rate"),
    # "customers still waiting on us to sort their problem", "complaints still sitting open":
    # the tickets open now, told as who is still waiting
    (r"\bstill (?:waiting (?:on|for) (?:us|the team|a fix|a reply|an answer|a refund)|sitting open|sat open|"
     r"hanging open|left open|unsorted|not sorted)\b", "open_tickets"),
    # "how many complaints did the etching team close off", "complaints we closed yesterday":
    # the complaints resolved, counted (not how long it took, nor what share)
    # (never those "still open and not dealt with": the open ones)
    (rf"^(?!.*(?:{_HOW_LONG}|(?<!\w){_SHARE}\b|\brate\b|(?:\bnot|n't|\bnever) (?:yet |been |got |gotten |had )*(?:dealt with|"
     rf"sorted|closed|resolved|fixed|put right)|\b(?:dealt with|sorted|closed|resolved|fixed) yet\b|\bstill open\b|\bunresolved\b)).*?(?P<kpi>\b{_COMPLAINTS}\b"
     # (lane probe29a) only the nearest complaints and the verb are marked: "tickets raised and tickets
     # closed off" leaves the raised ones to be read too
     rf"(?:(?!\b{_COMPLAINTS}\b)[^?.!]){{0,50}}?\b"
     r"(?:(?:we|i|the team|staff|they) (?:have |had )?(?:closed off|closed|sorted|put right|dealt with|cleared)|"
     r"close(?:d)? off|put right|dealt with)\b)", "resolved_tickets"),
    # "how long a parcel takes to get to folk", "median days for a longbow to reach the archer": the
    # time to deliver, the goods named in the trade's word (never a reply or a fix)
    (rf"\bhow long (?:does |do |did |will )?(?:an? |the |our |each |my |their )?(?:[\w'-]+ ){{0,2}}?{DELIVERY} "
     r"(?:takes?|took|taking|tends? to take) (?:us )?to (?:get|reach|arrive|land|turn up)\b|"
     r"\b(?:days|time|how long) (?:for|till|until) (?:an? |the |their |each |our )(?!(?:reply|answer|fix|refund|complaint|"
     r"ticket|query)\b)(?:[\w'-]+ ){1,2}?to (?:reach|get to|arrive|land|turn up)\b", "delivery_time"),
    # "site visits and how long each one lasts", "visits, and how long they last": the visits'
    # length, asked beside the visits
    # (only the length's words are marked: the visits stay the sessions)
    (r"^(?=.*\b(?:visits?|sessions?)\b).*?(?P<kpi>\bhow long (?:each (?:one|visit|session)|every (?:visit|session)|they|"
     r"those|these|a visit|a session|the visits?|the sessions?) (?:lasts?|lasted|go on|goes on|went on)\b)", "session_length"),
    # "hazelnut web shop visits", "online store visits": the visits, the shop's site named before them
    # (never "website sessions that end in a purchase": the share of visits that buy)
    (r"\b(?:web ?shop|web ?site|online (?:shop|store)) (?:visits|sessions)\b(?![^?.!]{0,40}\b(?:end(?:s|ed|ing)?|turn(?:s|ed|ing)?|"
     r"convert\w*|result\w*|lead(?:s|ing)?|led)\b)", "sessions"),
]
PATTERNS = [(lazy(p), code) for p, code in _TERMS]
