"""Places the data does not hold, named without a compass word of their own: "orders from
customers in east london", "revenue in leith this year", "bookings from north leeds". The filter
cannot be applied (the data has no such town or region), and before it was dropped without a
word, the answer given for everyone as if for that place. Here such a name is kept as an unknown
place, which the reading says (bot/agent/reading.py), never a silent loss.
"""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy

# "east london", "north leeds": a compass word and a name after it (bot/agent/slots.py reads a
# compass word alone: "the north east")
_COMPASS_NAME = lazy(r"\b(?:in|from|across|around|near|of|and|or|vs\.?|versus|than|against|to) (?:the )?"
                           r"((?:north|south|east|west)(?:[- ]?(?:east|west))? ([a-z][a-z'-]{2,}))\b")
# "revenue in Leith this year": a capitalised name after "in", "around" or "near" (lower case, a
# name cannot be told from an ordinary word: "in leith" is left as it was)
_IN_NAME = lazy(r"\b(?:in|around|near|round) (?:the )?([A-Z][a-z'-]{2,}(?: [A-Z][a-z'-]{2,})?)\b")
# words after a compass word that make it a direction or a group, not a place's name
_NOT_A_NAME = set("""and or vs versus than compared against this last in over during for since region regions
area areas is are was were do did does have has had customers shoppers people clients lot folk folks more less
better worse bigger higher lower side sides coast end of the to from with by only just buyers orders sales revenue
midlands country part parts branch branches store stores shop shops site office north south east west smaller
faster slower cheaper dearer greater larger fewer stronger weaker quicker longer shorter""".split())
# capitalised words after "in" that are no place: months, days, software, festivals
_NOT_A_PLACE = set("""january february march april may june july august september october november december monday
tuesday wednesday thursday friday saturday sunday slack excel shopify etsy amazon google instagram facebook tiktok
stripe square xero quickbooks sheets whatsapp yelp trustpilot tripadvisor christmas easter ramadan diwali eid
halloween summer winter spring autumn the our store person total general""".split())


def unknown_place_names(t: str, text: str, known: Any, taken: set[str]) -> list[tuple[str, str]]:
    """("place", name) for each place named that the data does not hold (`taken`: the places
    already read as filters)."""
    held = {v.lower() for v in (*known.cities, *known.regions, *known.channels, *known.segments, *known.personas)}
    held |= {v.lower() for v in taken}
    out: list[tuple[str, str]] = []
    for m in _COMPASS_NAME.finditer(t):
        name, word = m.group(1), m.group(2)
        if word not in _NOT_A_NAME and not word.endswith("ier") and name not in held and word not in held:
            out.append(("place", name))
    for m in _IN_NAME.finditer(text):
        name = m.group(1)
        words = name.lower().split()
        if name.lower() in held or words[0] in _NOT_A_PLACE or words[0] in held:
            continue
        if not any(name.lower() in n or words[0] in n.split() for _, n in out):
            out.append(("place", name))
    return out
