"""The stretches of an owner's question that a breakdown, a journey step or a group of customers
stands in ("by <words>", "which <words> ... most", "before <words>", "of people who <words>, how
many <words> then <words>", "<words> customers"), when the planner's word rules read nothing
there. bot/agent/meaning_args.py reads each stretch by meaning against what the data has.
"""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy, rx

_STOP = r"(?:this|last|next|past|in|on|at|over|during|since|from|for|with|vs|versus|against|and|or|but|than|compared|" \
        r"is|are|was|were|do|does|did|has|have|had|get|gets|got|spend|spends|spent|buy|buys|bought|order|orders|" \
        r"ordered|bring|brings|make|makes|made|convert|converts|rate|rates|rated|give|gives|show|shows|go|goes|went|" \
        r"come|comes|came|tend|tends|seem|seems|most|least|best|worst|more|less|highest|lowest|biggest|smallest|" \
        r"top|please|pls|so|then|where|which|what|how|who|why|when|if|drops?|dropped|falls?|fell|rises?|rose|" \
        r"dips?|dipped|jumps?|jumped|slips?|slipped|grows?|grew|moves?|moved|changes?|changed|differ|differs|vary|varies|" \
        r"including|incl|excluding|except|plus)"  # "for each customer including people who never bought": the people, then who else
_WORDS = r"(?P<p>[a-z][a-z_'-]*(?: [a-z][a-z_'-]*){0,5})"
_SPLIT = lazy(r"\b(?:by|per|for each|for every|across|split (?:by|into|across)|broken down by|"
                    r"break(?:ing)? (?:it |this |that |them |\w+ )?down by|grouped by)\s+" + _WORDS)
_WHICH = lazy(r"\b(?:which|what) " + _WORDS + r"\b.{0,40}\b(?:most|least|best|worst|highest|lowest|biggest|"
                                                        r"top|more|less|differ\w*|happiest|\w+est)\b")
_LEAD = lazy(r"^(?:(?:the|our|their|a|an|each|every|different|various|particular|kind of the) )+")
# Journey steps: the goal ("before they pop something in the basket"), or a chain of steps
# ("of people who open our newsletter, how many click a link and then buy online?").
_GOAL = lazy(r"\b(?:before|until|till|as far as|get(?:ting)? to|reach(?:es|ing)?|on (?:the|their) way to|"
                   # "journeys that end with someone sharing us", "paths that lead to a referral"
                   r"(?:that |which )?(?:lead(?:s|ing)? (?:up )?to|led to|end(?:s|ed|ing)? (?:with|in|up)|towards)|"
                   r"(?:routes?|paths?|way|journeys?|steps?) (?:to|towards|into|before))\s+" + _WORDS)
_CHAIN = lazy(r"\b(?:of|out of|among) (?:the |all |our )?(?:people|everyone|those|visitors|shoppers|customers|users|"
                    r"subscribers|members|clients|buyers|guests|"
                    r"folks|the ones|ones|anyone|everybody) (?:who|that) (?P<a>[^,?.!]+?),? how many (?:of them |of those )?"
                    r"(?:then |go on to |went on to |actually )?(?P<rest>[^?.!]+)")
_FROM = lazy(r"\bfrom (?P<a>[a-z][^,?.!]*?) to (?P<rest>[^?.!]+)")
_THEN = lazy(r",? (?:and then|and finally|then|and|to|before)\s+")
_SUBJECT = lazy(r"^(?:(?:they|someone|someone's|somebody|somebody's|their|his|her|people|visitors|customers|shoppers|users|folks|we|you|anyone|"
                      r"them|it|he|she|do|did|does|ever|actually|finally|first|eventually|even|get|got|can|could|"
                      r"will|would|to|the|a|an|go|on) )+")
_STEP_STOP = lazy(r"\b(?:this|last|next|past|over|during|since|where|how|what|which|and where|"
                        r"vs|versus|compared|(?:for|among|from) (?:people|customers|users|visitors|shoppers|those|"
                        r"the ones|folks|anyone|everyone))\b.*$")
_STAGE_NAMED = lazy(r"\b(?:awareness|consideration|decision|purchase|post-purchase|advocacy|stages?)\b")
# Words that make a step one place on the site or in the shop, whatever stage word comes with them
_A_PAGE = lazy(r"\b(?:page|screen|form|button|tab|section)s?\b")
# A goal that is buying itself is every journey tool's default end, not a step to find.
_BUYING = {"buy", "buying", "bought", "buys", "purchase", "purchasing", "purchases", "pay", "paying", "paid", "order",
           "ordering", "ordered", "orders", "convert", "converting", "spend", "spending", "sale", "sales", "it", "them",
           "leave", "leaving", "left", "go", "going"}
# Customers named with words before a people noun ("our reseller accounts", "big spenders").
_PEOPLE = lazy(r"\b(?:our|the|from|for|among|of|with|to|by|all|those|these|their|your|my) "
                     r"(?P<p>(?:[a-z][a-z'-]* ){0,2}[a-z][a-z'-]*) (?P<n>customers|clients|buyers|shoppers|members|"
                     r"accounts|spenders|subscribers|users|regulars|patrons|guests)\b")
_NOT_A_GROUP = {"by", "of", "to", "among", "about", "our", "the", "all", "any", "those", "these", "many", "much",
                "did", "does", "do", "who", "whom", "whose", "when", "why", "not", "no", "yet", "just", "only", "also"}
_GENERIC_PEOPLE = {"customers", "clients", "buyers", "shoppers", "accounts", "users", "guests", "patrons"}


# -- the stretches a name could stand in ---------------------------------------------------------


def _clip(words: str, stop: str = _STOP) -> str:
    """The words up to the first that ends a name ("locality last month" -> "locality"); a
    name may start with one ("where our customers live", "how we acquired them")."""
    out = []
    for i, w in enumerate(words.split()):
        if rx.fullmatch(stop, w) and not (i == 0 and w in ("where", "how", "what", "which")):
            break
        out.append(w)
    clipped = _LEAD.sub("", " ".join(out)).strip()
    # "generation of customers": the people are what every group is of, not the group
    if rx.match(r"(?:kinds?|types?|sorts?|groups?) of\b", clipped):  # "kind of client": the group itself
        return clipped
    return rx.sub(r" of (?:the |our )?(?:customers?|clients?|people|shoppers|buyers|members|users)$", "", clipped)


# Words after "by", "per", "which" that are no group of customers: the people themselves ("for
# each customer"), a measure ("what share of buyers"), time ("by week"), "by the way".
_NOT_A_BREAKDOWN = lazy(
    r"(?:non-?)?(?:customers?|clients?|persons?|people|users?|visitors?|members?|ones?|buyers?|shoppers?|folks|"
    r"guests?)$|"
    r"(?:share|percentage|proportion|per ?cent|number|amount|count|total|rate|ratio|level of|way|far|now|then|"
    r"times?|days?|weeks?|months?|years?|hours?|quarters?|stages?|steps?|touch ?points?|kpis?|metrics?|numbers?)\b|"
    # "exit rate across the site", "across the board": the whole of it, no group
    r"(?:whole |entire |)(?:site|website|web ?site|shop|store|board|business|company)$")


def _names_a_value(words: str, known: Any) -> bool:
    """Words naming a value the data has ("which leads ..."): the rules' to read, as a filter."""
    if known is None:
        return False
    said = set(words.split())
    for value in known.names():
        v = str(value).lower().replace("_", " ")
        if v in said or v + "s" in said or (" " in v and v in words):
            return True
    return False


def undated_text(slots: Any) -> str:
    """The question without the words of its period ("last month" blanked, lengths kept)."""
    from bot.agent.when import mask, read_when

    return mask(slots.norm, read_when(slots.norm, None).spans)


def group_words(slots: Any, known: Any = None, text: str | None = None) -> list[str]:
    """Stretches that name a breakdown the rules did not read ("by locality", "which kind of
    client ... most")."""
    if slots.breakdown is not None:
        return []
    out = []
    for pattern in (_SPLIT, _WHICH):
        for m in pattern.finditer(text or undated_text(slots)):
            words = _clip(m.group("p"))
            if words and not _NOT_A_BREAKDOWN.match(words) and not _names_a_value(words, known):
                out.append(words)
    return list(dict.fromkeys(out))


def _step(words: str) -> str:
    words = _STEP_STOP.sub("", words.strip(" ,"))
    return _SUBJECT.sub("", words.strip()).strip(" ,")


def _joined(pieces: list[str], known: Any) -> list[str]:
    """Pieces split at "to" put back together where the rules name them as one step ("adding",
    "basket" -> "adding to basket")."""
    from bot.agent.fuzzy import touchpoints_named

    out: list[str] = []
    for piece in pieces:
        if out and known is not None and touchpoints_named(f"{out[-1]} to {piece}", known.touchpoints) \
                and not touchpoints_named(out[-1], known.touchpoints):
            out[-1] = f"{out[-1]} to {piece}"
        else:
            out.append(piece)
    return out


def step_words(slots: Any, known: Any = None, text: str | None = None) -> tuple[list[str], bool]:
    """The journey steps the question names in words (a chain, or the goal alone), and whether
    they are a chain."""
    from bot.agent.slots import parse_stages

    text = text or undated_text(slots)
    m = _CHAIN.search(text) or _FROM.search(text)
    if m:
        steps = [_step(m.group("a"))] + [_step(s) for s in _joined(_THEN.split(m.group("rest")), known)]
        steps = [s for s in steps if s]
        from bot.agent.fuzzy import touchpoints_named

        named = [bool(known is not None and touchpoints_named(s, known.touchpoints)) for s in steps]
        if any(_STAGE_NAMED.search(s) and not n for s, n in zip(steps, named, strict=True)):
            return [], False  # "from decision through purchase to post-purchase": the rules' stages
        if len(steps) >= 2:
            return steps, True
    goals = [_step(m.group("p")) for m in _GOAL.finditer(text)]
    # buying is every journey tool's default end, and a stage named is the rules' goal
    # "placing a web order" is a step of buying; "the checkout page" a page, not the decision stage
    goals = [g for g in goals if g and g.split()[0] not in _BUYING and not _STAGE_NAMED.search(g)
             and (set(parse_stages(g)) <= {"purchase"} or _A_PAGE.search(g))]
    return goals[-1:], False


def segment_words(slots: Any) -> list[tuple[str, str]]:
    """(words, the whole stretch with its people noun) for groups of customers named by words
    no rule read as a value ("reseller" in "our reseller accounts")."""
    from bot.agent.slot_readers import DESCRIBING

    taken = " ".join([*slots.channels, *(v for vs in slots.filters.values() for v in vs), slots.persona or ""]).lower()
    out = []
    for m in _PEOPLE.finditer(slots.norm):
        words = [w for w in m.group("p").split() if w not in DESCRIBING and not rx.fullmatch(_STOP, w)
                 and w not in _NOT_A_GROUP]
        if not words or any(w in taken for w in words):
            continue
        said = " ".join(words) + ("" if m.group("n") in _GENERIC_PEOPLE else f" {m.group('n')}")
        out.append((said, " ".join(words) + " " + m.group("n")))
    return out
