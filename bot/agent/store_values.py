"""The values the loaded store has for each customer dimension (`Known`), and those values read
out of a question's words: segments and other groups said as people, cities and regions, age
bands; the dimension names the values themselves give (`value_stems`). Moved out of
bot/agent/slot_readers.py (lane unify36, size limit), which re-exports them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from bot.agent.patterns import rx
from bot.agent.vocab import CHANNEL_SYNONYMS, PEOPLE, PLACES, REGION_PLACES


@dataclass(frozen=True)
class Known:
    """What the data has, to recognise values in a question."""

    channels: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    age_bands: tuple[str, ...] = ()
    touchpoints: tuple[str, ...] = ()
    as_of: dt.date | None = None  # the last day of data

    def names(self) -> list[str]:
        return [v for vs in (self.channels, self.personas, self.segments, self.cities, self.regions,
                             self.age_bands, self.touchpoints) for v in vs]


_STEM_DIMS = (("channels", "channel"), ("segments", "segment"), ("cities", "city"), ("regions", "region"),
              ("age_bands", "age_band"))


def value_stems(known: Known | None) -> list[tuple[str, str]]:
    """Names of a dimension that the data's own values give: when every channel is called
    "traffic_type_<n>" (or every region "zone 3"), "which traffic type converts best?" asks for
    a breakdown by channel, whatever the export called it."""
    if known is None:
        return []
    out = []
    for attr, dim in _STEM_DIMS:
        values = [rx.split(r"[_\s]+", v.lower().strip()) for v in getattr(known, attr)]
        if len(values) < 2:
            continue
        stem: list[str] = []
        for parts in zip(*values, strict=False):
            if len(set(parts)) != 1 or parts[0].isdigit():
                break
            stem.append(parts[0])
        if stem and len(" ".join(stem)) >= 3:
            out.append((r"\s+".join(map(re.escape, stem)) + "(?:s)?", dim))
    return out


def read_values(t: str, values: tuple[str, ...], *, people: bool, original: str = "") -> list[str]:
    """Data values named in the text; with `people`, only next to a people noun or after
    for/among/from ("vip customers", "for loyalty members"), so "loyalty reward" is not one.
    A short code in capitals (Brazil's state TO, SP) counts only written so in `original`:
    "from purchase to post-purchase" is not the state of Tocantins."""
    hits: list[tuple[int, str]] = []
    for value in sorted(values, key=len, reverse=True):
        # "Returning_Visitor" as stored is "returning visitors" as said
        v = rx.sub(r"(?:\\ |_)+", "[ _]", re.escape(value.lower()))
        if people:
            # "which paths lead people to ...": a verb before people and "to", not the leads
            verb = rf"(?!\s+(?:{PEOPLE})\s+(?:to|into|towards)\b)" if value.lower() in _VERB_LIKE else ""
            # "loyalty-card comic fans": the scheme, then the trade's word before its people
            pattern = (rf"\b{v}s?\b{verb}(?=\s+(?:{_SCHEME}\s+)?(?:{PEOPLE}|segments|groups|cohorts|tiers)\b|"
                       rf"[\s-]+{_SCHEME}\s+(?:[a-z]+\s+)?(?:{PEOPLE})\b)|\b(?:for|among|from|of|with|in)\s+(?:the\s+|our\s+)?{v}s?\b"
                       rf"|\b{v}\s+segment\b|\bsegment\s+{v}\b"
                       # "at risk vips?", "vip only", "just the loyalty lot": the group as such
                       rf"|\b(?:{_GROUP_ADJ})\s+{v}s\b|\b{v}s?\s+only\b|\b(?:only|just)\s+(?:the\s+|our\s+)?{v}s?\b")
            # (tune32) "the folk on the mezcal newsletter", "people in our loyalty club": the people, then their group
            pattern += rf"|\b(?:{PEOPLE})\s+(?:on|in)\s+(?:the\s+|our\s+)?(?:[a-z'-]+\s+)?{v}\b(?!\s+(?:page|email|channel|campaign|stage)s?\b)"
            others = "|".join(rx.sub(r"(?:\\ |_)+", "[ _]", re.escape(o.lower())) for o in values if o != value)
            if others:
                # "the vip and loyalty members": the first of a list of groups, the people named after the last
                pattern += (rf"|\b{v}s?(?=(?:(?:,?\s+(?:and|or|&|\+)|,)\s+(?:the\s+|our\s+)?(?:{others})s?)+\s+(?:{_SCHEME}\s+)?"
                            rf"(?:{PEOPLE}|segments|groups|cohorts|tiers)\b)")
            # "have the vip golfers spent more": the group, then the trade's own word for its people
            pattern += rf"|\b(?:the|our|all|these|those|all the|all our) {v}\s+(?:[a-z]+\s+)?(?!{_NOT_PEOPLE})[a-z]+(?:ers|ists|ians|ants|ents|ors)\b"
            # "falafel loyalty stampers who are at risk": the trade's word for its people, then who they are
            pattern += rf"|\b{v}\s+(?!{_NOT_PEOPLE})[a-z]+(?:ers|ists|ians)\b(?=\s+(?:who|that|whose|at[- ]risk|likely|are|were|have|has|might|could|may)\b)"
            if rx.search(rf"(?:^|[ _])(?:{PEOPLE})$", value.lower()):  # the value names the people itself
                pattern += rf"|\b{v}s?\b"
            elif value.lower() not in CHANNEL_SYNONYMS and not value.lower().endswith("s"):
                # "where do the leads drop out?", "our vips", "vips newly at risk": a group named as people, in the plural
                pattern += rf"|\b(?:the|our|all|these|those|all the|all our) {v}s\b(?! (?:email|channel|campaign|list|page)s?\b)|\b{v}s\b(?=\s+(?:(?:who|that)\s+)?(?:are\s+|have\s+|has\s+|'ve\s+)?(?:newly\s+|now\s+|recently\s+|just\s+)?(?:(?:turned|become|gone|fallen|slipped|moved|tipped)\s+(?:into\s+)?)?at[- ]risk\b)"
                # "comedy club vips: what's the best next move with them": the group as the heading
                pattern += rf"|^(?:[\w'&-]+ ){{0,3}}{v}s\s*(?::|—|–| - )|^{v}\s+(?:[a-z]+\s+){{1,2}}(?:{PEOPLE})\b|\b{v}\s+(?!{_NOT_PEOPLE})[a-z]+\s+(?:{PEOPLE})\b"  # "vip goat yoga regulars", "the 5 vip styling clients"
                # "a typical vip", "the average lead": one of the group
                pattern += rf"|\b(?:a|an|the|each|every|one) (?:typical|average|normal|usual) {v}\b"
                # "how much is a vip worth to us", "what each lead spends": one of the group, valued
                pattern += rf"|\b(?:a|an|each|every|per|one) {v}\b(?=\s+(?:(?:is|really|actually)\s+)?(?:worth|spends?|brings? in|generates?)\b)"
                # "vip revenue this quarter vs last": the group's own KPI
                pattern += (rf"|(?<![\w'-]){v}\s+(?:revenue|sales|takings|spend|spending|orders|churn|retention|nps|csat|"
                            rf"aov|clv)\b")
        else:
            pattern = rf"(?<![\w-]){v}(?![\w-])"
        if not people and len(value) <= 3 and value.isupper():
            m = rx.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", original)
        else:
            m = rx.search(pattern, t)
        if m and not any(value.lower() in o.lower() for _, o in hits):
            hits.append((m.start(), value))
    return [v for _, v in sorted(hits)]


# Plural words ending like people's ("golfers", "cyclists") that are things, not people
_NOT_PEOPLE = (r"(?:orders|numbers|offers|vouchers|letters|filters|flyers|posters|stickers|headers|answers|registers|"
               r"counters|centers|centres|papers|covers|parameters|banners|trackers|markers|payments|events|accounts|"
               r"amounts|discounts|percents|contents|documents|comments|segments|products|points|errors|doors|floors|colou?rs)\b")
# Group names that are also verbs before people ("lead people to", "return customers to")
_VERB_LIKE = {"lead", "return", "convert", "trial"}
# "loyalty card members", "vip club members": the scheme between the group and its people
_SCHEME = r"(?:card|club|scheme|programme|program|plan|tier|list|box|membership)"
# Describing words before a group's plural name ("at risk vips", "lapsed loyalty members")
_GROUP_ADJ = (r"at[- ]risk|risky|lapsing|lapsed|new|newer|active|inactive|loyal|top|happy|unhappy|big|best|worst|recent|"
              r"returning|existing|valuable|high[- ]value|churned|churning|quiet|regular")


def read_places(text: str, t: str, known: Known) -> tuple[list[str], list[str]]:
    # "São Paulo" said, "sao paulo" stored (Olist): the places read again with the accents taken off
    folded = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    cities = read_values(t, known.cities, people=False, original=text) or read_values(folded, known.cities, people=False)
    regions = [r for r in read_values(t, known.regions, people=False, original=text) or
               read_values(folded, known.regions, people=False) if r not in cities]
    if cities or regions:
        return cities, regions
    context = rf"(?:{PEOPLE}|orders|sales|deliveries)"
    for place in PLACES:
        p = re.escape(place.lower())
        if rx.search(rf"\b{p}\s+{context}\b|\b(?:in|from|around|near|across)\s+{p}\b", t):
            return ([], [place]) if place.lower() in REGION_PLACES else ([place], [])
    m = rx.search(r"\b(?:customers|people|shoppers|buyers|clients|diners|guests|patients|members|visitors|punters|"
                  r"orders|sales) (?:in|from|around|near) "
                  r"([A-ZÀ-Ý][a-zß-ÿ]+(?: (?:(?:de|da|dos|das|del|di|du|la|le|von|van|upon) )?[A-ZÀ-Ý][a-zß-ÿ]+)?)", text)
    if m and m.group(1).lower() not in _MONTHS_AND_DAYS:
        return [m.group(1)], []
    return [], []


_MONTHS_AND_DAYS = set("""january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday""".split())


def read_age_bands(t: str, known: tuple[str, ...]) -> list[str]:
    out = []
    for m in rx.finditer(r"\b(\d{2})\s*(?:-|–|to)\s*(\d{2})(?:s|\s*year[- ]olds|\s+age|\s+(?:age )?band|"
                         r"\s+group)?\b", t):
        band = f"{m.group(1)}-{m.group(2)}"
        context = rx.search(r"\bage|year[- ]olds|\d{2}s\b", t)
        if band in known or context:
            out.append(band)
    # "goes over 48 hours", "under 20%", "over 30 orders", "nps falls under 30": thresholds, not ages
    m = rx.search(r"(?<!\bgo )(?<!\b(?:get|dip|end|sag) )(?<!\b(?:fall|drop|goes|dips|sink|slip|gets|rise|jump|ends|gone|sags) )(?<!\b(?:falls|drops|sinks|slips|rises|jumps|lands|creep|climb|slide|tanks) )(?<!\b(?:fallen|creeps|climbs|dipped|slides) )(?<!\b(?:dropped|slipped) )\b(over|under)[- ](\d{2})s?\b(?!\s*(?:%|per ?cent|hours?|hrs?|h\b|days?|d\b|minutes?|"
                  r"mins?|weeks?|wks?|months?|years?(?!\s*(?:old|of age))|orders?|items?|pounds|quid|dollars|"
                  r"euros|k\b|stars?|points?|pts|tickets?|sessions?|visits?|visitors?|customers|people|"
                  r"bookings?|sales|per\b|a\b|an\b|each\b))", t)
    if m and known:
        n = int(m.group(2))
        lows = {b: int(rx.match(r"\d+", b).group(0)) for b in known if rx.match(r"\d+", b)}  # type: ignore[union-attr]
        out += [b for b, low in lows.items() if (low >= n if m.group(1) == "over" else low < n)]
    return list(dict.fromkeys(out))  # "the under-25s (18-24)": one band said two ways is one filter
