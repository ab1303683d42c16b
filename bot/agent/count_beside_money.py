"""A count and its money asked in one breath (lane probe27b, from probe27b's and blind26's misses):
"how many kits sold and for how much", "how many buyers and how much cash did the shack pull in",
"how many restoration jobs wi finish an how much money wi mek". The count is read by the readings
it always had (orders, buyers); these terms read what they dropped once money stood beside it: the
people counted before an "and how much", and the money asked as "(for) how much" after things sold
or counted; and the people counted said as a heading ("yarn buyers, compare september and
october"). Hooked first into bot/agent/kpi_words.py's KPI_PATTERNS (each blanks only its own words).
"""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.thread_cues import PARTICLE

# the money asked right after the count: "and for how much", "and how much money (did) we make"
_AND_HOW_MUCH = (r"(?:and|&|plus|an) (?P<kpi>(?:for )?how much(?: (?:money|cash|dosh|revenue|takings))?)\b"
                 r"(?! (?:time|longer|faster|sooner|more|less|of (?:it|them|that))\b)")
# what is counted before it: "how many ...", "... sold (booked, reserved, done, finished)"
_COUNTED_FIRST = (r"(?:\bhow many\b|\b(?:sold|booked|reserved|hired|ordered|shifted|finished|done|delivered|shipped|"
                  r"went out)\b)[^?.!]{0,50}?")

TERMS: list[tuple[str, str]] = [
    # "how many buyers and how much cash", "how many separate buyers and what they spent": the people
    (r"\bhow many (?:unique |distinct |different |separate |paying )?(?P<kpi>buyers|purchasers|paying customers)\b"
     r"(?= (?:and|&|plus|an) (?:for )?(?:how much|what|the|their|total)\b)", "buyers"),
    # "how many kits sold and for how much", "jobs wi finish an how much money wi mek": their money
    (_COUNTED_FIRST + r"\b" + _AND_HOW_MUCH, "revenue"),
    # "lichen yarn buyers, compare september and october", "yarn buyers: how did they do": the people
    # said as the heading of what is asked about them
    (r"^(?:[\w'-]+ ){0,3}?(?P<kpi>buyers|purchasers)[,:] (?=(?:compare|comparing|how|what|which|is|are|was|were|did|"
     r"per|by|split|month|week|day|each|over|since|q[1-4])\b)", "buyers"),
    # "and the buyers, mate?", "now the buyers please": the people said alone after an answer, with
    # the chat's own ending
    # (lane probe29b) after a nod first: "righto, now buyers instead"
    (rf"^(?:(?:righto|right|ok|okay|cool|grand|great|sweet|nice|cheers|thanks),? )?(?:(?:and|now|what about|how about|then|so|ok) )?"
     rf"(?:the |our |for the )?(?:[\w'-]+ )?(?P<kpi>buyers|purchasers)"
     # (lane probe29b) "now buyers instead, same comparison": the follow-up's "same ..." tail after it
     rf"(?=,? (?:{PARTICLE}|instead|too|then)(?:,? (?:the )?same (?:comparison|again|periods?|dates|two [a-z]+))?\s*[?.!]*$|"
     r"\s*[?.!]+$)", "buyers"),
    # "soap bar orders n the dosh from them": the money the counted ones brought, in slang ("the money for
    # them" is read beside the things booked, kpi_things_counted.BOOKED_BESIDE: never blanked here)
    (r"\b(?:the |our )?(?P<kpi>dosh|dough|wonga|readies|moolah)(?= (?:from|for|off|on) (?:them|those|these|it)\b)", "revenue"),
]
PATTERNS = [(lazy(p), code) for p, code in TERMS]
