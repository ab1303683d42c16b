"""KPIs said in owners' homely words (lane ps21, from blind21's misses): complaints called
grumbles or gripes, feedback forms filled in by whoever the trade serves, people coming through
the doors or turning up most, baskets filled then walked away from, a first hit on the site, tickets opened against
tickets closed, and the time from a complaint landing to its fix. Read first of the KPI words
(bot/agent/kpi_words.py): broader readings would take their nouns ("tickets", "website") alone.
"""

from __future__ import annotations

from bot.agent.owner_words import CLOSE, CLOSED, PEOPLE, QUERIES
from bot.agent.patterns import lazy

# complaints in the words owners use for them
_GRIPES = r"(?:grumbles?|gripes?|moans?|grievances?|niggles?|whinges?|beefs?|grouses?|(?:customer )?complaints?)"
_FEEDBACK_FORMS = (r"(?:(?:feedback|comment|review|survey|satisfaction|guest|customer) (?:forms?|cards?|sheets?|slips?)|"
                   r"questionnaires?|surveys?)")
_BASKET = r"(?:baskets?|carts?|trolleys?|bags?)"
_WALK_OFF = (r"(?:walk(?:s|ed|ing)? (?:off|away|out)|leave(?:s)? (?:it|them)?|left (?:it|them)?|bail(?:s|ed)?|"
             r"ditch(?:es|ed)? (?:it|them)|never (?:pay|paid|check out|checked out)|don'?t (?:pay|check out)|"
             r"do(?:es)?n'?t (?:pay|check out)|vanish(?:es|ed)?|disappear(?:s|ed)?|wander(?:s|ed)? off)")
# (lane probe22b) "the puppet theatre website", "our bakery's site": the business named before its site
_SITE = r"(?:(?:the |our )?(?:[\w'-]+ ){0,3}?(?:web ?site|site|web ?shop|online shop|online store|app|page))"

_TERMS: list[tuple[str, str]] = [
    # "how many grumbles did we close off", "gripes the team sorted last month": complaints resolved
    (rf"\bhow many {_GRIPES} (?:did|have|has) (?:we|i|you|the team|staff) (?:get |got |manage to |managed to )?"
     rf"(?:{CLOSE}|{CLOSED}|close(?:d)? off|put to bed)\b|\b{_GRIPES} (?:we|the team|staff) "
     rf"(?:{CLOSED}|closed off)\b", "resolved_tickets"),
    # "how many feedback forms did folders fill in", "comment cards the diners handed back": the
    # survey responses, whoever filled them in
    (rf"\bhow many {_FEEDBACK_FORMS} (?:did|have|were|got) (?:(?:our |the |all )?(?:[\w'-]+ )?)?"
     r"(?:fill(?:ed)? (?:in|out)|complete(?:d)?|return(?:ed)?|hand(?:ed)? (?:in|back)|send back|sent back|submit(?:ted)?)\b",
     "survey_responses"),
    # "how many members came thru the doors", "guests who walked through the door": the people
    # active with us, the door being the business's
    # (lane probe22b) "how many loyalty members came thru the library cafe doors": a kind of
    # member before them and the business named before its doors
    (rf"\bhow many (?:[\w'-]+ )?(?:{PEOPLE}|folks?|bodies|heads) (?:have |had )?(?:came|come|walked|stepped|wandered|got|went|"
     r"passed) (?:in )?(?:thru|through|in at|past) (?:the |our |my )?(?:[\w'-]+ ){0,3}?(?:front )?doors?\b", "active_customers"),
    # "how often do jam shoppers fill a basket and walk off", "people load a cart then leave it":
    # baskets abandoned, told as what the shopper did
    (rf"\b(?:fill(?:s|ed|ing)?(?: up)?|load(?:s|ed|ing)?(?: up)?|pack(?:s|ed)?|stuff(?:s|ed)?) (?:up )?(?:a|the|their|his|her|"
     rf"our)? ?(?:online |[\w'-]+ )?{_BASKET}(?: up)? (?:and|then|but|only to|before they|n) (?:just |then |simply )?{_WALK_OFF}",
     "cart_abandonment"),
    # (lane probe24c) "the abandon rate on the kite site", "abandoned rate last week": the share of
    # baskets abandoned, said short (a journey's drop-off is "where", never a rate)
    (r"\babandon(?:ed|ment)? rates?\b", "cart_abandonment"),
    # (lane probe22b) "what % of rattan baskets get filled an abandoned": the baskets' side of it
    (rf"\b{_BASKET} (?:that )?(?:get|got|are|were|is|was)? ?(?:filled|loaded|packed)(?: up)? (?:and|an|n|then|but) "
     r"(?:then )?(?:abandoned|left|ditched|dumped|walked away from|never paid for)\b", "cart_abandonment"),
    # "how many folks hit the website for the very first time", "people landing on the app for
    # the first time": new visitors, whatever the verb of arriving
    (rf"\b(?:hit|hits|hitting|land(?:s|ed|ing)? on|visit(?:s|ed|ing)?|found|find|finds|reach(?:ed|es)?|open(?:s|ed)?|"
     rf"browse(?:s|d)?|came to|come to|got to|log(?:ged)? (?:in|on)(?: to)?) {_SITE} for the (?:very )?first time\b",
     "new_visitors"),
    # "tickets opened minus tickets closed", "did the pile grow", "calls in less calls sorted":
    # the backlog's change, opened against closed said as a sum
    (rf"\b{QUERIES} (?:opened|in|logged|raised|received|coming in) (?:minus|less|take away|net of|after) "
     rf"(?:the )?{QUERIES}? ?(?:{CLOSED}|out|done)\b|\b(?:did|has|have) (?:the|our) (?:ticket |complaint |support )?"
     r"(?:pile|backlog|queue|heap|stack) (?:grow|grown|shrink|shrunk|get bigger|got bigger|get smaller|go up|gone up)\b",
     "backlog_change"),
    # "how long from a student's complaint landing to it being fully fixed", "time from a call
    # coming in till it's sorted": the time to resolve, told as its two ends
    (rf"\b(?:how long|time|days|hours) from (?:an? |the |their |our |each )?(?:[\w'-]+ ){{0,2}}?(?:{QUERIES}|{_GRIPES}) "
     r"(?:landing|coming in|arriving|being (?:raised|logged|opened)|getting (?:raised|logged)|opening|in) "
     rf"(?:to|till|until|through to) (?:it's |it is |they're |it |them |its |their )?(?:being |getting |is |are |'s )?(?:fully |properly |finally )?"
     rf"(?:{CLOSED}|done)\b", "resolution_time"),
    # "share of knives refunded", "what % of the lamps sent back": the refund rate, whatever
    # the goods are called (not "refunded customers": a rate is asked of the goods)
    (r"(?:%|\b(?:per ?cent|percentage|share|proportion|fraction|ratio)) of (?:the |our |all )?(?:[\w'-]+ ){1,2}?"
     r"(?:(?:that |which )?(?:got |were |was |are |get )?)(?:refunded|sent back)\b", "refund_rate"),
    # (lane probe22b) "what share of topsoil loads got cancelled", "% of the hires called off": the
    # cancellation rate, whatever the goods are called
    (r"(?:%|\b(?:per ?cent|percentage|share|proportion|fraction|ratio)) of (?:the |our |all )?(?:[\w'-]+ ){1,2}?"
     r"(?:(?:that |which )?(?:got |were |was |are |get )?)(?:cancel+ed|called off)\b", "cancellation_rate"),
    # "which hour the members turn up most", "when do riders show up the least": the people active
    # with us, the most or least said after their coming
    (rf"\b(?:the |our )?{PEOPLE} (?:(?:actually|really|usually) )?(?:turn|show) up (?:the )?(?:most|more|least|less|fewest)\b",
     "active_customers"),
]
PATTERNS = [(lazy(p), code) for p, code in _TERMS]
