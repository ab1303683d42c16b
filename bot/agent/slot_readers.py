"""Reading each kind of slot out of a question's words: KPIs, journey stages, channels, the
breakdown asked for, a count, a saved persona, and who (segments, places, age bands, one
customer), against what the data has (`Known`; the store's values and the groups said, in
bot/agent/store_values.py). bot/agent/slots.py puts them together into a
question's `Slots`; the word lists are in bot/agent/vocab.py, periods in bot/agent/when.py.
"""

from __future__ import annotations

import re

from bot.agent.group_plurals import plural_groups
from bot.agent.kpi_things_counted import BOOKED_BESIDE
from bot.agent.kpi_words import KPI_PATTERNS
from bot.agent.kpis_named import COUNTED_ORDERS, with_tails
from bot.agent.order_outcome_words import OUTCOME_PATTERNS
from bot.agent.patterns import lazy, rx
from bot.agent.stage_phrases import BEFORE_THE_CARE, everyday_stages
from bot.agent.store_values import Known, value_stems
from bot.agent.vocab import (
    CHANNEL_CONTEXT_BEFORE,
    CHANNEL_SYNONYMS,
    DIMENSION_WORDS,
    METRIC_PATTERNS,
    NUMBER_WORDS,
    P90,
    P90_OF,
    PEOPLE,
    UNAMBIGUOUS_CHANNELS,
)
from bot.agent.when import mask
from tools.core.stages import STAGE_ALIASES, STAGES

DESCRIBING = set("""new existing current all the our those these other some most more many few
best top worst valuable loyal regular regulars happy unhappy satisfied online offline repeat
returning active inactive lapsed recent big high low first-time younger older local paying
potential lost old your my same such every each""".split())




def normalise(text: str) -> str:
    t = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    t = rx.sub(r"\b(\w+)-stage\b", r"\1 stage", t)
    t = rx.sub(r"\b(day|week|month|quarter|year)[- ](on|over|by|to)[- ](day|week|month|quarter|year)\b",  # "month-on-month"; "week over week" is "week on week"
               lambda m: f"{m[1]} {'on' if m[2] == 'over' and m[1] == m[3] else m[2]} {m[3]}", t)
    # (lane probe22b) "turning sour from one week to the next": each week after the last, week by week
    t = rx.sub(r"\bfrom one (day|week|month|quarter) to the (?:next|other)\b", r"\1 by \1", t)
    # (lane ps28) "by the buyers' age brackets", "our clients' towns": the people's own group is the group
    t = rx.sub(r"\b(?:the |our |my )?(?:customers|buyers|clients|shoppers|members|guests|people|punters|students|patients)'s? "
               r"(?=(?:age|ages|towns?|cit(?:y|ies)|regions?|segments?|channels?|first[- ]touch|areas?)\b)", "", t)
    # (lane ps28) "compared stage against stage", "region versus region": each group set against the
    # others is the groups side by side, as "region by region" says (not two periods compared)
    t = rx.sub(r"\b(?:(?:compared|set|weighed|pitted|stacked|lined up) )?(town|city|region|channel|segment|stage|area|county|"
               r"suburb|category|persona|touchpoint|source) (?:against|versus|vs\.?) \1\b", r"\1 by \1", t)
    # "what're people moaning about", "who're our best customers": the contraction spelled out
    t = rx.sub(r"\b(what|who|where|how|why|when|which|there|they|we|you)'re\b", r"\1 are", t)
    # (lane probe27b) Scots and Caribbean "an" for "and": "orders an takings", "booked an the takings";
    # before a consonant it is never the article ("an order", "an hour" stay)
    t = rx.sub(r"\ban (?=(?:[bcdfgjklmnpqrstvwxyz]|h(?!our|onou?r|onest|eir))[a-z])", "and ", t)
    for short, full in _SHORTHAND.items():  # what people type in chat
        t = rx.sub(rf"\b{short}\b", full, t)
    t = t.replace("post purchase", "post-purchase").replace("postpurchase", "post-purchase")
    t = rx.sub(r"(?:(?<=\w) |^)v\.? (?=\w)", lambda m: " vs " if m.start() else "vs ", t)  # "this quarter v last quarter": the sports-page versus
    # "consideration > decision > purchase": a chain of steps, written as arrows
    t = rx.sub(r"(?<=[a-z]) ?(?:-+>|=+>|→|>) ?(?=[a-z])", " -> ", t)  # never "revenue > 500"
    return rx.sub(r"\s+", " ", t).strip()


# A head count and the rate it is the top of: asked "as a rate", the rate
_RATE_OF = {"repeat_customers": "repeat_purchase_rate", "buyers": "purchase_conversion",
            "cancelled_orders": "cancellation_rate", "refunded_orders": "refund_rate",
            "repeat_contacts": "repeat_contact_rate"}


def parse_metrics(text: str) -> list[str]:
    return metrics_and_rest(normalise(text))[0]


def metrics_and_rest(t: str) -> tuple[list[str], str]:
    """KPI codes in the order they are mentioned, and the text with their words blanked."""
    found: list[tuple[int, str]] = []
    # "the percentage of orders delivered on time": orders are what the share is of, not a KPI.
    masked = rx.sub(r"\b(?:percentage|share|proportion|fraction|%|per ?cent|ratio|rate) of (?:our |the |all )?"
                    r"(?:orders|purchases|sales)\b",
                    lambda m: " " * len(m.group(0)), t)
    for pattern, code in (*OUTCOME_PATTERNS, *KPI_PATTERNS, *METRIC_PATTERNS):  # the newer phrasings first
        for m in pattern.finditer(masked):
            # a pattern that checks the whole question first marks its own words as `kpi`, so
            # "revenue and refunds" keeps the revenue before them
            span = m.span("kpi") if "kpi" in pattern.groupindex else m.span()
            found.append((span[0], code))
            masked = mask(masked, [span])
    tail = P90.search(t)
    if tail:  # "median days to land and the slowest 1 in 10": both (lane probe24a)
        found = with_tails(t, found, tail, P90_OF)
    stages = parse_stages(t)
    if rx.search(r"\bconver\w*", t) and len(stages) > 2 and rx.search(r"->|\bto\b.*\bto\b|\bthrough\b", t):
        # "consideration -> decision -> purchase conversion": conversion along that funnel
        found = [(p, c) for p, c in found if c != "purchase_conversion"]
    if len(stages) == 1 and stages[0] in ("consideration", "decision", "post-purchase", "advocacy") and rx.search(
            rf"\b{stages[0]}(?: stage)? conver\w*", t):
        # "advocacy conversion": the step into that stage (the purchase one is its own KPI)
        found = [(p, c) for p, c in found if c != "purchase_conversion"]
        found.append((0, "conversion_" + stages[0].replace("-", "_")))
    if rx.search(r"\bconver\w*|\b(?:share|percentage|proportion|fraction|per ?cent|what rate)\b", t) and len(stages) == 2:
        # "consideration to decision conversion", "of the people at the decision stage, what share
        # went on to purchase": the step into the second stage.
        a, b = STAGES.index(stages[0]), STAGES.index(stages[1])  # (people browsing who bought: the buying rate)
        found = [(p, c) for p, c in found if c != "purchase_conversion" or (a, b) == (1, 3) and not rx.search(r"\bconsideration\b", t)]
        if b == a + 1:
            found.append((0, "conversion_" + stages[1].replace("-", "_")))
        # Two stages further apart ("awareness to purchase"): conversion along a funnel, not a KPI.
    out: list[str] = []
    for _, code in sorted(found):
        if code not in out:
            out.append(code)
    # "the same for orders instead of revenue": the KPI turned down is not asked (the one before it is)
    refused = {m.end() for m in rx.finditer(r"\b(?:rather than|instead of|in place of)\s+(?:the |our |just )?", t)}
    asked = [c for c in out if c not in {code for pos, code in found if pos in refused}]
    out = asked or out
    # "cart abandonment if we give people 48 hours to come back and buy": the cart's window, not
    # repeat buying
    if "cart_abandonment" in out and "repeat_purchase_rate" in out and rx.search(
            r"\b\w+ ?[- ]?(?:hours?|hrs?|days?) to (?:come back|return)\b|"
            r"\b(?:come|comes|came) back\b.{0,30}\bwithin \w+ ?(?:hours?|hrs?|days?)\b", t):
        out.remove("repeat_purchase_rate")
    # "what share of ratings were 4 or 5 stars?": the ratings are what the share is of
    if "csat" in out and "csat_mean" in out and not rx.search(r"\b(?:average|mean|avg)\b", t):
        out.remove("csat_mean")
    # (lane real27a) "share of 1-2 star ratings", "how many reviews were two stars or less": the
    # ratings and reviews are what the low share is of, not the mean score or the answers counted
    if "low_review_share" in out and len(out) > 1 and not rx.search(r"\b(?:and|&|plus|as well as|alongside)\b", t):
        out = [c for c in out if c not in ("csat_mean", "csat", "survey_responses")]
    # "delivery time for orders from Clifton": orders are what is measured, not a second KPI,
    # unless they are asked for as one ("revenue and orders", "how many orders").
    if "orders" in out and len(out) > 1 and not rx.search(COUNTED_ORDERS, t) and not rx.search(BOOKED_BESIDE, t) and not rx.search(
            r"\b(?:number|count|total|no\.?) of orders\b|\b(?:and|&|plus) (?:the )?(?:number of |no\.? of )?(?:[\w-]+ )?orders?(?: count)?\b|"
            r"\borders(?:,? |, (?!(?:by|per|in|for|from|split|broken|across|over|at|on|with)\b)[\w-]+ (?:[\w-]+ ){0,2})(?:and|&|plus)\b|\borders,? (?:alongside|next to|as well as|vs\.?|versus|against) (?:the |our )?"
            r"(?:revenue|takings|sales|turnover|income)\b|"
            # "bed bookings and revenue side by side": the trade's word for an order, listed as a KPI
            r"\b(?:bookings|appointments|reservations|sold),? (?:and|&|plus)\b|\bhow many\b.*\b(?:and|n) (?:what|how much)(?: (?:did|was|is|were|are)|'s|s)\b|\band (?:what|how much) (?:they|those|it) (?:were |was )?(?:worth|brought in|came to)\b|"
            r"\band how many (?:[\w-]+ )?orders\b|"  # (lane probe20a) "how much money we made and how many orders"
            # (lane probe29a) "ring sales in q3, count and money": how many and what they brought, both
            r"\b(?:count|number|tally|how many),? (?:and|&|plus) (?:the |what )?(?:money|takings|value|cash|revenue|turnover)\b|"
            r"\bhow many\b[^?.!]*\b(?:and|&|plus) (?:for )?how much\b|"  # (lane probe27b) "how many kits sold and for how much"
            r"\b(?:and|&|plus) (?:the )?(?:number of )?(?:[\w-]+ )?(?:bookings|appointments|reservations)\b", t):
        out.remove("orders")
    if "time_to_first_purchase" in out and "new_visitors" in out and rx.search(r"\b(?:for|among|of|with) (?:the |our )?new\b", t):
        out.remove("new_visitors")  # "... to first purchase, for new folks": whom that time is about, not a KPI
    if rx.search(r"\bas an? (?:rate|percentage|share|proportion|ratio|%)\b|\bas a per ?cent(?:age)?\b|\bin percent(?:age)?s?\b|"
                 r"^(?:[\w' &-]{1,30}: )?how (?:often|frequently) (?:do|does|did|are|is|were|was)\b", t):
        # "how many customers bought more than once, as a rate": the count's own rate
        out = list(dict.fromkeys(_RATE_OF.get(code, code) for code in out))
    if out == ["revenue"] and rx.search(r"\bwhat (?:did|have|has|do) (?:we|i|the \w+) (?:sell|sold)\b", t):
        out.append("orders")  # "what did we sell?": how much, and how many orders
    return out, masked


def parse_stages(text: str) -> list[str]:
    t = normalise(text)
    found: list[tuple[int, str]] = everyday_stages(t)  # "from asking for a quote to paying"
    for m in rx.finditer(r"\bpost-purchase\b", t):
        found.append((m.start(), "post-purchase"))
    t = t.replace("post-purchase", "post_stage____")  # its "purchase" is not the purchase stage
    for stage in STAGES:
        for m in rx.finditer(rf"(?<![\w-]){re.escape(stage)}(?![\w-])", t):
            found.append((m.start(), stage))
    for alias, stage in STAGE_ALIASES.items():
        word = alias.replace("_", " ")
        if word in ("referral", "service", "conversion", "research", "loyalty", "action", "interest"):
            continue  # too common in ordinary questions to mean a stage
        for m in rx.finditer(rf"\b{re.escape(word)}\b", t):
            found.append((m.start(), stage))
    for m in rx.finditer(rf"\b(?:checkouts?|check out|(?<!to )(?<!from )(?<!then )paying{BEFORE_THE_CARE}(?! (?:stage|bit|step|part|phase)\b)|"
                         r"(?<!from )(?<!from the )payment)\b", t):
        found.append((m.start(), "decision"))
    # (lane ps25) "drop off before checking out": the checkout not reached (never "checking out the range")
    for m in rx.finditer(r"\b(?:before|until|till|without) (?:they |people |folk |ever |even |actually )*(check(?:ing)? out|checked out)\b"
                         r"(?! (?:the|our|a|an|some|what|us|it|them|more|other)\b)", t):
        found.append((m.start(1), "decision"))
    # (lane probe20c) "zoom in on the paying stage": the stage named for paying is the purchase
    for m in rx.finditer(r"\bpaying (?:stage|bit|step|part|phase)\b", t):
        found.append((m.start(), "purchase"))
    # "all the way from first hearing about us to paying": paying at the end of the way is buying
    # so is the far end of "between browsing and paying", and "a paid booking" is a purchase
    for m in rx.finditer(r"\b(?:to|until|till) (?:actually )?paying\b|\bbetween\b.{1,40}?\band (?:actually )?(paying)\b|"
                         r"\b(?:paid|paying) (?:for )?(?:an? |the |their )?(?:booking|order|appointment|job|session|class|lesson|sale)s?\b", t):
        found.append((m.start(1) if m.group(1) else m.start(), "purchase"))
    for m in rx.finditer(r"\b(?:advocates?|ambassadors?|(?<!would )(?<!'d )(?<!never )(?<!n't )(?<!not )(?<!happily )(?<!definitely )recommend(?:s|ed|ing)? us|refer(?:s|red|ring)? (?:us|a friend|friends|someone|somebody|others)|recommend(?:s|ed|ing)? (?:[\w'-]+ ){1,4}to (?:their )?(?:friends|mates|family|others|people))\b", t):
        found.append((m.start(), "advocacy"))
    for m in rx.finditer(r"\b(?:aware|heard of us|discover(?:ed|y)?|(?:first )?hear(?:s|d|ing)? (?:about|of) us|first hear\w* (?:about|of) the [\w'-]+|"
                         r"f(?:ind|inds|inding|ound) out about us|(?:first )?(?:seeing|saw|spotting|spotted|noticing|noticed|"
                         r"coming across|came across) us)\b", t):
        found.append((m.start(), "awareness"))
    # The stages as things people do: "from browsing to deciding to buying"
    for m in rx.finditer(r"\b(?:browsing|browse|browsers?|window[- ]shopp(?:ing|ers?)|considering|weigh(?:ing|s)? (?:us |it |them )?up|"
                         r"siz(?:e|ing) us up|shopping around|on the fence|(?:went|go|goes|gone) on to (?:properly |actually |really )?look)\b", t):
        found.append((m.start(), "consideration"))
    # "where do we lose folk between looking and booking?": the two ends in everyday verbs
    for m in rx.finditer(r"\b(?:between|from) (?:just )?(?:looking|having a look)(?: around)? (?:and|to) (?:actually )?"
                         r"(booking|paying|ordering|signing up|enrol+ing)\b", t):
        found += [(m.start(), "consideration"), (m.start(1), "purchase")]
    for m in rx.finditer(r"\b(?:deciding|making up their minds?|(?:add(?:ing|ed|s)?|put(?:ting|s)?|popp(?:ing|ed)) (?:[\w-]+ ){0,3}?(?:to|in|into) (?:the |their |a )?(?:basket|cart|trolley)s?)\b", t):
        found.append((m.start(), "decision"))
    # (lane probe28b) "before they write us a review", "post a review": writing one is leaving one
    for m in rx.finditer(r"\b(?:(?:leav(?:e|es|ing)|writ(?:e|es|ing)|post(?:s|ing)?) (?:us )?(?:a )?reviews?|review(?:s|ing)? us|refer(?:s|ring)? (?:us to )?"
                         r"(?:a |their )?(?:mates?|pals?|friends?|family))\b", t):
        found.append((m.start(), "advocacy"))
    for m in rx.finditer(r"(?<!post-)\b(?:buy|buying|bought|purchases?|orders?)\b|\b(?:actually|then|go on to|end up) pay\b", t):
        found.append((m.start(), "purchase"))
    # (lane probe20b) "checkout, then paying, then the after-sale stuff": paying after "then" is buying
    for m in rx.finditer(r"\bthen (?:actually )?(paying)\b|\b(after[- ]sale)\b(?!s)", t):
        found.append((m.start(1), "purchase") if m.group(1) else (m.start(2), "post-purchase"))
    # (lane tune35) "the after-sales side of ginger beer orders": whose after-sales the orders are, not a stage
    of_orders = [m.span(1) for m in rx.finditer(r"\bafter[- ]?sales?\b[^,.;?]{0,20}?\bof\b[^,.;?]{0,30}?\b(orders?|purchases?|bookings?|buys)\b", t)]
    found = [(p, s) for p, s in found if s != "purchase" or not any(a <= p < b for a, b in of_orders)]
    ordered: list[str] = []
    for _, stage in sorted(found):
        if stage not in ordered:
            ordered.append(stage)
    return ordered


def parse_channels(text: str, known: list[str] | tuple[str, ...]) -> list[str]:
    t = " " + normalise(text) + " "
    known_set = set(known)
    hits: list[tuple[int, str]] = []
    words = {code.replace("_", " "): code for code in known}
    words.update({w: c for w, c in CHANNEL_SYNONYMS.items() if not known_set or c in known_set})
    for word, code in words.items():
        w = re.escape(word)
        clear = word in UNAMBIGUOUS_CHANNELS or code in ("instagram", "facebook", "tiktok", "word_of_mouth")
        pattern = rf"\b{w}\b" if clear else \
            rf"{CHANNEL_CONTEXT_BEFORE}{w}\b|\b{w}\s+(?:only|channel|orders|sales|revenue|{PEOPLE})\b"
        for m in rx.finditer(pattern, t):
            hits.append((m.start(), code))
    out: list[str] = []
    for _, code in sorted(hits):
        if code not in out:
            out.append(code)
    return out


def parse_breakdown(text: str, known: Known | None = None) -> str | None:
    t = normalise(text)
    lead = (r"\b(?:by|per|for each|for every|across|split (?:by|into|across)|broken down by|break(?:down)? by|"
            r"grouped by|each|every|between|among|which|what|some|other|different|various|rank|ranked|ranking|"
            r"compare|comparing|(?:top|bottom|best|worst|lowest|highest|biggest|smallest) \d+|any|which \d+|"
            r"\d+ (?:best|worst|top|bottom|biggest|lowest|highest)|"
            # "is it one channel dragging the aov down?": a group suspected of a change
            r"(?:is|was|could|might) (?:it )?(?:be )?(?:just |all )?(?:one|a single|a particular|a specific|any one|down to one))\s+"
            # "each of our saved personas", "any particular town?", "which single channel", "each saved pie persona"
            # (lane probe22a) "split by the first channel they came in through": an article, then "first"
            r"(?:of\s+)?(?:the\s+|our\s+|their\s+)?(?:first[- ]touch\s+|first\s+)?(?:particular\s+|specific\s+|single\s+|one\s+|"
            r"saved\s+(?:[a-z]+\s+(?=persona))?|own\s+)?"
            r"(?:crm\s+|customer\s+|client\s+|member\s+|membership\s+|marketing\s+|sales\s+|traffic\s+|(?:customer\s+)?journey\s+)?")
    best: tuple[int, str] | None = None
    # (lane unify36) A dimension the loaded store has no values for is read all the same, for every
    # dimension: the tool then says no customer has one and names the splits it can make
    # (tools/analytics/group_gaps.py), where leaving it unread let "by" pick another group or a total
    for words, dim in [*DIMENSION_WORDS, *value_stems(known)]:
        m = rx.search(lead + rf"(?:{words})(?:'s|s')?\b", t) or \
            rx.search(rf"\b(?:the |our )?(?:{words}) (?:differ|compare|vary|stack up|rank)\b|"
                      # "could it be a customer segment thing instead?": that dimension's groups
                      rf"\b(?:an? |the )?(?:customer |crm |marketing )?(?:{words})[- ](?:thing|issue|problem|effect|story|factor)\b|"
                      rf"\b(?:differ\w*|difference|compare|vary|varies|rank\w*) (?:between|across|among|by) "
                      rf"(?:the |our )?(?:{words})\b|"
                      # "and do the regions likewise", "same for the age bands": a follow-up's new split
                      rf"^(?:and |ok,? |okay,? |now |so |right,? )?(?:do|same for|same with|now|what about|how about|try|then) "
                      rf"(?:the |our |all the )?(?:{words})(?:'s|s')?(?: (?:likewise|too|as well|the same(?: way)?|instead|next|"
                      rf"also))?\s*[?.!]*$|"
                      # (lane probe24c) "do that for regions", "run it across the age bands instead": the
                      # last analysis again, split the new way
                      rf"^(?:and |ok,? |okay,? |now |so |right,? )?(?:do|run|show|give me) (?:that|this|it|the same)(?: one| again)? "
                      rf"(?:for|across|over) (?:the |our |all the |each |every )?(?:{words})(?:'s|s')?"
                      rf"(?: (?:instead|too|as well|now|please|pls))*\s*[?.!]*$|"
                      # (lane probe26c) "turnover fall, first channel this time": the group said last, in a
                      # clause of its own, with the words that mark a new cut of the same question
                      rf"(?:^|[,;:-] ?)(?:and |but |now |then |ok,? )?(?:by |per |across )?(?:the |our |their )?"
                      rf"(?:first[- ]touch |first )?(?:{words})(?:'s|s')?(?: (?:this time(?: round)?|instead))\s*[?.!]*$|"
                      # (lane probe26c) "redo it with the towns they live in": the last analysis again, cut by them
                      rf"^(?:and |ok,? |okay,? |now |so |right,? )?(?:redo|re-?run|do|run|try) (?:it|that|this)(?: again)? "
                      rf"(?:with|using|by) (?:the |their )?(?:{words})(?:'s|s')?(?: they (?:live|are|come from|shop) in)?"
                      rf"(?: (?:instead|this time|now|please|pls))*\s*[?.!]*$", t) or \
            (dim in _GROUP_DIMS and rx.search(_each_of(words), t))
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), dim)
    return best[1] if best else (plural := plural_groups(t)) and plural[1]


# "from town to town", "channel by channel", "segment-wise": each group of a customer dimension
# (not "stage to stage" or "step by step": those are the funnel's own words).
_GROUP_DIMS = ("acquisition_channel", "channel", "segment", "city", "region", "age_band", "persona")


def _each_of(words: str) -> str:
    # (ps26) "region against region", "town versus town": each group set against the others
    return (rf"\b(?:from )?(?P<a>{words}) (?:to|by|after|against|versus|vs\.?) (?:{words})\b(?! (?:conversion|funnel))|"
            rf"\b(?:{words})[- ]?wise\b|"
            # (lane probe28b) "one town at a time", "a region at a time", "the towns one by one"
            rf"\b(?:one|a|each) (?:{words}) at a time\b|\b(?:{words}) (?:one by one|one at a time)\b")



# "do returning visitors convert better than new ones?", "which traffic type converts best?":
# conversion ranked across groups (a funnel split by the groups), not one total.
GROUP_CONVERSION = lazy(
    r"\bconver\w* (?:the )?(?:best|worst|most|least|highest|lowest)\b|"
    r"\b(?:best|worst|highest|lowest|top)[- ]converting\b|"
    r"\bconver\w* (?:\w+ ){0,3}(?:better|worse|more|less|higher|lower|more often|less often) than\b|"
    r"\b(?:better|worse) (?:at )?convert\w*\b|"
    # "do returning visitors buy more than new ones?": how often each group buys, side by side
    r"\b(?:buy|buys|purchase|purchases|order|orders|shop|shops)\b (?:\w+ ){0,2}(?:more|less|more often|less often) than "
    r"(?:the )?(?:new|returning|others?|rest|first[- ]time|repeat|existing|\w+ ones)\b|"
    r"\bconver\w* (?:\w+ ){0,2}(?:better|worse|more|less)(?: (?:or|than) (?:\w+ ){0,3}(?:worse|better|less|more))?\?|"
    r"\b(?:which|what) (?:\w+ ){0,3}(?:has|have|gets?|shows?) the (?:best|worst|highest|lowest) conversion\b|"
    # "how does conversion vary town by town?": each group's conversion, side by side
    r"\bconver\w* (?:\w+ ){0,2}(?:vary|varies|differ|differs|compare)\b")


def parse_top(text: str) -> int | None:
    num = r"(\d+|" + "|".join(w for w in NUMBER_WORDS if " " not in w) + ")"
    # (lane real28a) "show me the 1 star reviews", "list the two-star ones": a rating, never the list's length
    t = rx.sub(rf"\b{num}[- ]?stars?\b", "rated", normalise(text))
    m = rx.search(rf"\b(?:top|first|best|biggest|largest|worst|lowest|highest|bottom|smallest)\s+{num}\b", t) or \
        rx.search(rf"\b{num}\s+(?:most|least)\s+\w+", t) or rx.search(rf"\b(?:which|what) (?!one (?:is|was|are|were|do|does|did|has|had|of|comes?|came|got|gets|brought|brings|closed|closes|sealed|seals)\b){num}\s+[a-z]", t) or \
        rx.search(rf"\b{num}\s+(?:biggest|largest|best|worst|highest|lowest|main|commonest|top|key|newest|latest)\b", t) or \
        rx.search(rf"\b(?:show|list|give me|name|rank)\s+(?:me\s+)?(?:the\s+)?{num}\b", t) or \
        rx.search(rf"(?<!under )(?<!below )(?<!than )(?<!least )(?<!over )\b{num}\s+(?:{PEOPLE}|names|paths|routes|journeys|customers)\b", t)
    if not m:
        return None
    word = m.group(1)
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def parse_persona(text: str, saved: list[str] | tuple[str, ...]) -> str | None:
    t = text.lower()
    for name in sorted(saved, key=len, reverse=True):
        if rx.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", t):
            return name
    return None



_SHORTHAND = {"ppl": "people", "pls": "please", "plz": "please", "thx": "thanks", "wk": "week", "wks": "weeks",
              "mth": "month", "mths": "months", "yr": "year", "yrs": "years", "custs": "customers",
              "cust": "customer", "u": "you", "ur": "your", "n": "and", "cos": "because", "w/": "with", "vs": "vs",
              "avg": "average", "approx": "about", "no\\.": "number", "nr": "number", "qtr": "quarter",
              "prev": "previous", "yday": "yesterday", "tmrw": "tomorrow", "info": "information",
              # text-speak: "hw many orders 2day", "wat r ppl moaning about"
              "2day": "today", "tdy": "today", "2moro": "tomorrow", "2morrow": "tomorrow", "hw": "how", "wat": "what",
              "wot": "what", "r": "are", "b4": "before", "thru": "through", "abt": "about", "shud": "should", "shuld": "should", "shld": "should", "wkend": "weekend", "wknd": "weekend", "wkends": "weekends", "wknds": "weekends"}

def read_customer_id(text: str) -> str | None:
    m = rx.search(r"\b([A-Z]{1,3}-?\d{3,})\b", text) or \
        rx.search(r"\bcustomer (?:id |number |no\.? |#)?([A-Za-z]*\d[\w-]*)\b", text)
    return m.group(1) if m else None
