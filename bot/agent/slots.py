"""Reading the arguments out of a question: periods, stages, KPIs, who (channels, segments,
places, age bands, personas, one customer), breakdowns, sources and counts.

The offline planner fills a tool's params from these slots. Parsing is deliberately plain
(word lists in bot/agent/vocab.py, periods in bot/agent/when.py) so that what it understands
can be read and extended. What it could not read is kept too (`unknown`): the answer says how
it read the question instead of quietly using a default.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from bot.agent.bare_count import bare_count
from bot.agent.by_the_grain import plain_grain
from bot.agent.counted_units import counted_as_orders
from bot.agent.crm_source import said_source
from bot.agent.found_us import found_us_as_channel
from bot.agent.fuzzy import Speller, touchpoints_named
from bot.agent.grain_swaps import swapped_grain
from bot.agent.group_pairs import pair_groups
from bot.agent.kpis_named import counted_beside, listed_kpis
from bot.agent.loose_days import loose_days, plain_days
from bot.agent.month_change import month_to_month
from bot.agent.month_halves import halves, month_first_halves
from bot.agent.month_or_month import month_or_month
from bot.agent.month_weeks import other_part
from bot.agent.other_englishes import plain_english
from bot.agent.patterns import lazy, rx
from bot.agent.place_visitors import visitors_in_person
from bot.agent.quarter_grain import quarter_grain
from bot.agent.review_sites import sites_named
from bot.agent.said_again import without_taken_back
from bot.agent.same_days import same_days
from bot.agent.slot_readers import (
    DESCRIBING,
    GROUP_CONVERSION,
    metrics_and_rest,
    normalise,
    parse_breakdown,
    parse_channels,
    parse_metrics,
    parse_persona,
    parse_stages,
    parse_top,
    read_customer_id,
)
from bot.agent.stage_span import chain_of_steps, turned_into
from bot.agent.store_values import Known, read_age_bands, read_places, read_values
from bot.agent.swapped_values import drop_swapped
from bot.agent.trade_words import as_shop_words
from bot.agent.turned_down import without_turned_down
from bot.agent.two_month_span import two_month_span
from bot.agent.unloaded_asks import unloaded_asks
from bot.agent.vocab import (
    CHANNEL_SYNONYMS,
    NEGATIVE,
    NOT_A_MEASURE,
    NUMBER_WORDS,
    PEOPLE,
    POSITIVE,
    RATIO,
    RATIO_DENOMINATOR,
    SOURCE_WORDS,
    UNKNOWN_MEASURE,
)
from bot.agent.web_visits_only import web_visits_counted
from bot.agent.week_of import week_of
from bot.agent.weekday_before import weekday_before
from bot.agent.weekday_steps import weekday_said
from bot.agent.when import mask, parse_period, read_when
from bot.agent.yardstick_before import yardstick_before
from bot.agent.year_halves import year_halves
from tools.core.stages import STAGES

# The readers are re-exported: other modules and the tests have always found them here.
__all__ = ["Known", "Slots", "normalise", "parse", "parse_breakdown", "parse_channels", "parse_metrics", "parse_period",
           "parse_persona", "parse_stages", "parse_top"]


@dataclass
class Slots:
    period: str | None = None  # a Period name or "YYYY-MM-DD..YYYY-MM-DD"
    compare: bool = False
    stages: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)  # tools.analytics.kpi_catalog metric codes
    breakdown: str | None = None
    persona: str | None = None
    top: int | None = None
    grain: str | None = None  # day | week | month | quarter
    query: str = ""  # the question without filler words (for search)
    text: str = ""  # the question as asked
    against: str | None = None  # the period to compare with, when named
    step: str | None = None  # "the week before that": the conversation's period, one step back
    filters: dict[str, list[str]] = field(default_factory=dict)  # segment, city, region, age_band
    touchpoints: list[str] = field(default_factory=list)
    customer_id: str | None = None
    sources: list[str] = field(default_factory=list)  # survey | ticket
    polarity: str | None = None  # negative | positive
    count: int | None = None  # "three personas"
    refers_back: bool = False  # "that customer", "them": the previous answer's who
    horizon: str | None = None  # the future named ("next quarter"): a forecast's, kept by its follow-ups
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (kind, words) not understood
    fixes: list[tuple[str, str]] = field(default_factory=list)  # typos corrected
    norm: str = ""  # lower case, typos corrected: what the patterns read

    def filled(self) -> dict[str, object]:
        skip = {"query", "text", "norm", "fixes", "unknown", "refers_back"}
        return {k: v for k, v in self.__dict__.items() if k not in skip and v not in (None, [], {}, False, "")}

    def who(self) -> dict[str, Any]:
        """The customer filters the question names, as tools.analytics.filters.Filters fields."""
        out: dict[str, Any] = {k: list(v) for k, v in self.filters.items() if v}
        if self.channels:
            out["channel"] = list(self.channels)
        if self.persona:
            out["persona"] = self.persona
        return out


def _unknown_filter(t: str, slots: Slots) -> list[tuple[str, str]]:
    out = []
    for m in rx.finditer(r"\b(?:for|among|from|of)\s+(?:the\s+|our\s+)?([a-z][a-z-]+)\s+"
                         r"(?:customers|shoppers|buyers|members|subscribers|users|clients)\b", t):
        word = m.group(1)
        taken = " ".join([*slots.channels, *(v for vs in slots.filters.values() for v in vs),
                          slots.persona or ""]).lower()
        if word not in DESCRIBING and word not in taken and word not in CHANNEL_SYNONYMS \
                and not any(word in s for s in STAGES):
            out.append(("who", word))
    # "the recommend score for our regulars", "revenue from the tourists": people told apart by how
    # they shop, which no filter of the data holds; said, so the whole business is not passed off as them
    for m in rx.finditer(r"\b(?:for|among|amongst|from|with|by) (?:the |our |my |all (?:the |our )?)?(regulars|locals|newcomers|"
                         r"first[- ]timers|tourists|walk[- ]ins|one[- ]offs|old[- ]timers|out[- ]of[- ]towners|day[- ]trippers)\b", t):
        out.append(("who", m.group(1)))
    # Devices are no dimension of the journey data: "conversion on mobile" must say so, not
    # quietly answer for everyone.
    for m in rx.finditer(r"\b(?:on|via|from|using) (?:the |a |their )?(mobiles?|desktops?|tablets?|iphones?|android|ipads?|"
                         r"laptops?|phones?)\b|\b(mobile|desktop|tablet) (?:users|visitors|shoppers|customers|traffic)\b", t):
        word = m.group(1) or m.group(2)
        if word not in CHANNEL_SYNONYMS and word not in " ".join(slots.channels).lower():
            out.append(("who", word))
    return out


# "in the north east", "than in the south", "the midlands vs the north": a part of the country the
# question names; when the data has no region or town of that name it is said, never dropped.
_COMPASS = lazy(r"\b(?:in|from|across|of|and|or|vs\.?|versus|than|against|with|to) (?:in |from )?(?:the )?"
                      r"((?:north|south|east|west)(?:[- ]?(?:east|west))?|(?:east|west) midlands|midlands)\b"
                      r"(?=\s*(?:$|[?,.!;:)]|(?:and|or|vs\.?|versus|than|compared|against|this|last|in|over|during|for|since|"
                      r"regions?|areas?|is|are|was|were|do|did|does|have|has|had|customers|shoppers|people|clients|lot|folks?|more|less|"
                      r"better|worse|bigger|higher|lower|\w+ier)\b))")


def _unknown_places(t: str, known: Known, text: str = "", taken: set[str] | None = None) -> list[tuple[str, str]]:
    # "in east london", "in Leith": said, not dropped
    from bot.agent.place_names import unknown_place_names

    names = {n.lower() for n in (*known.regions, *known.cities)}
    for name in names:  # "bath and north east somerset" is a region, whatever compass words it holds
        t = rx.sub(rf"\b{re.escape(name)}\b", lambda m: "_" * len(m.group(0)), t)
    named = unknown_place_names(t, text, known, taken or set())
    return named + [("place", m.group(1)) for m in _COMPASS.finditer(t) if m.group(1) not in names
                    and not any(n.startswith(m.group(1) + " ") for _, n in named)]


_COMPARE = lazy(
    r"\b(?:vs\.?|versus|compared?|comparison|than (?:last|the previous|before|it was|in)|change[ds]?|"
    r"went (?:up|down)|gone (?:up|down)|increase[ds]?|decrease[ds]?|drop(?:ped)?(?! (?:the|that|this) [\w' -]{2,30}? (?:bit|part|filter|side)\b)|rise|rose|fell|"
    r"week on week|month on month|better|worse|improv\w*|up or down|against|"
    # (lane probe16a) "this month next to the same days last month": two periods side by side
    r"next to (?=(?:the )?(?:same|last|previous|prior|one before|week before|month before)\b))\b")
_HORIZON = lazy(r"\b(?:next|coming|following)\s+(?:(?:\d+|thirty|ninety|six|twelve|three)\s+)?(?:days?|weeks?|months?|"
                      r"quarter|year|half[- ]year)\b|\byear ahead\b")
_REFERS_BACK = lazy(r"\b(?:that|this|the same|the) (?:customer|person|client|buyer)\b|"
                          r"\b(?:them|those customers|those people|him|her|they)\b")


def parse(text: str, *, as_of: dt.date | None, channels: list[str] | tuple[str, ...] = (),
          personas: list[str] | tuple[str, ...] = (), known: Known | None = None,
          speller: Speller | None = None) -> Slots:
    known = known or Known(channels=tuple(channels), personas=tuple(personas))
    if channels and not known.channels:
        known = Known(**{**known.__dict__, "channels": tuple(channels)})
    if personas and not known.personas:
        known = Known(**{**known.__dict__, "personas": tuple(personas)})
    # "wetin dey ... pass", "...lah": the plain English the patterns read; ", not segment": not read
    text = found_us_as_channel(text)  # "split by where folks first found us": by first-touch channel, for every reader
    t = plain_grain(plain_days(without_taken_back(without_turned_down(plain_english(normalise(text))))))  # "before they ever pay": no period
    fixes: list[tuple[str, str]] = []
    if speller is not None:
        t, fixes = speller.correct(t)
    t = month_first_halves(t)  # (lane probe29b) "november's first half": the first half of november
    # "the second half of october": that half; "from october to november": which changed
    when = week_of(t, month_to_month(t, other_part(t, halves(t, read_when(t, as_of), as_of), as_of), as_of), as_of)  # "the week of 2 november"
    # "october same days": its first days. (lane tune34) "september vs october": the period named
    # first is the one asked about, the other its yardstick, whichever came first (the convention
    # the banks now state; docs/ARCHITECTURE.md)
    when = loose_days(t, same_days(t, year_halves(t, when, as_of), as_of), as_of)  # "... friday?": that day
    when = two_month_span(t, weekday_said(t, when, as_of), as_of)  # "the friday then"; "across september and october"
    when = yardstick_before(t, weekday_before(month_or_month(t, when, as_of), as_of), as_of)  # "better in october or september"; "yesterday vs last saturday"; "vs the week before that"
    rest = _examples_of_a_stage(mask(t, when.spans))
    metrics, after_metrics = metrics_and_rest(as_shop_words(rest))  # "garden jobs", "new swimmers": orders, customers
    # "jumps per day", "the dip in tows": a trade's own unit counted, read as orders (and said so); also
    # a second KPI listed as one ("turnover and number of contracts")
    if not metrics or rx.search(r"\b(?:and|&|plus) (?:the )?(?:number|count|total|tally) of\b", rest):
        units, read_as = counted_as_orders(rest)
        if read_as:
            (metrics, after_metrics), fixes = metrics_and_rest(as_shop_words(units)), [*fixes, *read_as]
    elif "orders" not in metrics:  # (lane probe24a) "how many trays went out and what did they bring in": both
        units, read_as = counted_beside(rest)
        both = metrics_and_rest(as_shop_words(units)) if read_as else None
        if both and "orders" in both[0] and set(metrics) <= set(both[0]):
            (metrics, after_metrics), fixes = both, [*fixes, *read_as]
    metrics = listed_kpis(rest, metrics)  # (lane tune35) "covers and avg bill", "entries and what they paid"
    metrics = web_visits_counted(rest, metrics, known.touchpoints)  # (lane real25) "visits in april" of web-only data
    metrics = visitors_in_person(rest, metrics)  # (lane probe28a) "iris nursery visitors month by month"
    slots = Slots(
        period=when.period, against=when.against, grain=swapped_grain(t) or when.grain or quarter_grain(t), step=when.step,
        compare=bool(_COMPARE.search(t)) or when.against is not None,
        stages=parse_stages(rest), channels=parse_channels(rest, known.channels), metrics=metrics,
        breakdown=said_source(parse_breakdown(rest, known), normalise(text)), persona=parse_persona(text, known.personas), top=parse_top(rest) or bare_count(t),
        text=text, norm=t, fixes=fixes, customer_id=read_customer_id(text),
        touchpoints=touchpoints_named(rest, known.touchpoints),
    )
    cities, regions = read_places(text, rest, known)
    who = {"segment": read_values(rest, known.segments, people=True), "city": cities, "region": regions,
           "age_band": read_age_bands(rest, known.age_bands)}
    slots.filters = {k: v for k, v in who.items() if v}
    # A word that is a segment is not also a channel ("newsletter subscribers", "the newsletter,
    # vip and lead groups").
    taken = {v.lower() for v in slots.filters.get("segment", [])}
    slots.channels = [c for c in slots.channels if not any(
        rx.search(rf"\b{re.escape(w)}(?:(?:,|\s+(?:and|or|&))\s+(?:the\s+|our\s+)?[\w-]+)*\s+(?:{PEOPLE}|segments|groups)\b", rest)
        for w in taken if CHANNEL_SYNONYMS.get(w) == c)]
    turned_into(slots)  # (lane tune35) "which first channel turns browsers into payers best": the funnel's stages
    chain_of_steps(slots)  # "basket to checkout to order placed": the funnel over them, not a step's rate
    pair_groups(slots, rest, known)  # "vip vs loyalty": both groups, named without their people
    _groups_compared(slots, rest)
    drop_swapped(slots, t, CHANNEL_SYNONYMS)  # "swap instagram for facebook": facebook alone
    slots.sources = [s for p, s in SOURCE_WORDS if rx.search(rf"\b(?:{p})\b", rest)]
    neg, pos = bool(NEGATIVE.search(t)), bool(POSITIVE.search(t))
    slots.polarity = "negative" if neg and not pos else "positive" if pos and not neg else None
    slots.refers_back = bool(_REFERS_BACK.search(t))
    future = _HORIZON.search(t)
    slots.horizon = future.group(0) if future else None
    slots.query = _search_query(text)
    m = rx.search(r"\b(\d|two|three|four|five|six)\s+(?:\w+\s+)?(?:personas?|segments?|groups?|types?|cards?)\b", t)
    if m:
        slots.count = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]
    slots.unknown = _unknown(after_metrics, when.unknown) + _unknown_filter(rest, slots) + unloaded_asks(t, slots.metrics) + \
        _unknown_places(rest, known, text, {*cities, *regions}) + sites_named(t)
    ratio = RATIO.search(rest)
    if ratio:  # "revenue per visitor": not revenue; unknown, its two sides offered instead
        sides = [*metrics_and_rest(ratio.group(1))[0], RATIO_DENOMINATOR.get(ratio.group(2), "")]
        slots.metrics = [m for m in slots.metrics if m not in sides]
        slots.unknown += [("metric", ratio.group(0))] + [("read_as", m) for m in dict.fromkeys(sides) if m]
    if when.assumed:  # said in the answer's first line, like a typo read past
        slots.fixes.append(when.assumed)
    return slots


# "paths that lead to advocacy, like referrals and testimonials": the examples after a stage
# illustrate it; they are not touchpoints or channels to narrow it to.
_EXAMPLES = lazy(r"(?:,\s*(?:things |stuff )?|\b(?:things|stuff)\s+)(?:like|such as|e\.?g\.?|for example|"
                       r"for instance)\s+[^,.;:?!]+")


def _examples_of_a_stage(rest: str) -> str:
    m = _EXAMPLES.search(rest)
    return mask(rest, [m.span()]) if m is not None and parse_stages(rest[:m.start()]) else rest


def _groups_compared(slots: Slots, t: str) -> None:
    """"Do returning visitors convert better than new ones?" names a group of a dimension to
    compare it with the others: the question is the breakdown by that dimension, not a filter
    keeping one group."""
    if slots.breakdown is not None or not GROUP_CONVERSION.search(t):
        return
    named = {dim: vals for dim, vals in slots.filters.items() if vals and dim in ("segment", "city", "region", "age_band")}
    if slots.channels:
        named["channel"] = slots.channels
    if len(named) == 1:
        dim = next(iter(named))
        slots.breakdown = dim
        if dim == "channel":
            slots.channels = []
        else:
            slots.filters.pop(dim)


def _unknown(after_metrics: str, period_words: str | None) -> list[tuple[str, str]]:
    out = []
    if period_words:
        out.append(("period", period_words))
    for m in UNKNOWN_MEASURE.finditer(after_metrics):
        words = m.group(0).split()
        # The measure's own words: the noun ("ratio") and what stands right before it, not
        # the verbs and pronouns of the sentence ("changed the purchase ratio").
        while len(words) > 1 and (words[0] in NOT_A_MEASURE or len(words[0]) <= 2 or words[0].endswith("ed")):
            words = words[1:]
        if len(words) >= 2 and not rx.search(r"\brisk\b|\bchurn|\bsentiment|\bsimilarity|\bsuccess\b", m.group(0)):
            out.append(("metric", " ".join(words)))
    return out


_STOP = set("""a an the what which who how why when where do does did are is was were we our us
our customers customer people say saying said about tell me show give find any anything
there their they them this that these those of on in for to from with and or please can
you your i my it its be been being have has had complain complaining complaints unhappy
happy mention mentioning mentions talk talking feedback comments reviews quotes quote
examples example folks anyone someone somebody write wrote written""".split())


def _search_query(text: str) -> str:
    words = rx.findall(r"(?:[^\W_]|['-])+", text.lower())  # "entregá", "não": accented words whole
    kept = [w for w in words if w not in _STOP]
    return " ".join(kept) or text.strip()
