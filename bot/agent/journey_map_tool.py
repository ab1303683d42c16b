"""The journey map for the agent and the offline planner: one tool that draws a map, two maps
side by side, or one stage in detail (the follow-up "why is post-purchase red?").

The adapters live here: map settings from the config, the feedback store as a shared service,
and, with a language model configured, a writer that rewords the opportunities (checked in
tools/journey_map/rules.py to bring in no numbers of its own).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from typing import Any

from bot.agent.feedback_no_noun import JOURNEYS_BESIDE_CUES
from bot.agent.idiom_asks import MAP_IDIOM_CUES
from bot.agent.patterns import rx
from bot.agent.patterns import rx as _rx
from bot.agent.tools import ToolContext, ToolSpec

log = logging.getLogger(__name__)

# In a conversation whose last answer was a map, these are follow-ups about that map (a stage,
# a colour, "why"), even when they look like a new question.
FOLLOW_UPS = (
    r"\bwhy\b.*\b(?:red|amber|green|grey|orange|bad|worse|low|high|down)\b",
    # "how come decision is showing amber on that?", "what's making purchase red?"
    r"\b(?:how come|what(?:'s| is) making|what makes|what made|what turned)\b.*\b(?:red|amber|green|grey|orange|yellow)\b",
    r"\b(?:showing|shows|showed|flagged|marked|colou?red|turned|gone|went|in the) (?:as |up )?(?:red|amber|orange|yellow)\b",
    # "decision column is red there, explain that", "the purchase box looks amber, what gives?"
    r"\b(?:columns?|stages?|boxe?s?|cells?|rows?|tiles?|bits?|steps?)\b (?:is|was|are|were|looks?|looking|still|now|all|"
    r"has (?:gone|turned)) (?:\w+ )?(?:red|amber|orange|yellow)\b",
    # (lane ps25) "zoom the couscous map in on the checkout stage": the map just drawn, named between
    r"\b(?:drill|dig|zoom)\s+(?:(?:the|that|this|our) (?:[\w'-]+ ){0,2}?map\s+)?(?:in|into|down)\b|"
    r"\b(?:focus|look closer|look more closely|concentrate) on the\b|"
    # (lane probe23c) "go deeper on the toy library checkout bit": one stage of the map just drawn
    r"\b(?:go|dig|look|delve) (?:deeper|further|closer) (?:on|into|in on|at) (?:the |that |our )?(?:[\w'-]+ ){0,3}?(?:stage|bit|part|step|phase)\b|"
    # (lane probe24c) "go in close on the checkout step", "get up close on the paying bit": a close look at one stage
    r"\b(?:go|get|look|zoom)(?: in| up)? (?:close|closer) (?:on|at|in on|with|into) (?:the |that |our )?(?:[\w'-]+ ){0,3}?(?:stage|bit|part|step|phase)\b|"
    # (lane probe27b) "let's see the checkout stage up close on that one": the stage named, then how close
    r"\b(?:see|show|have|take|get|bring)(?: me| us)? (?:the |that |our )?(?:[\w'-]+ ){0,3}?(?:stage|bit|part|step|phase) "
    r"(?:up close|close up|in close|closer)\b|"
    # (lane tune34) "go deeper on the checkout step of that map", "dig further into the paying bit of the map"
    r"\b(?:go|get|dig|drill|zoom)\s+(?:deeper|further|closer|in)\s+(?:on|in ?to|at)\b.{0,40}\b(?:that|the|this|our) map\b",
    r"\b(?:more|details?)\s+(?:about|on)\s+(?:the\s+)?[a-z-]+\s+stage\b",
    r"\bwhat(?:'s| is)? (?:going |gone )?(?:wrong|on|happening) (?:with|at|in)\b|\bwhat went wrong (?:with|at|in)\b",
    # (lane probe24a) "on that map, open up the checkout part in detail": one stage of the map just drawn
    r"\b(?:on|in|from|of) (?:that|this) (?:journey )?map\b|\bopen (?:up )?(?:the |that )?(?:[\w'-]+ ){0,2}?(?:stage|bit|part|step|phase)\b|"
    # (lane probe28a) "show me only the checkout step on it, in detail": the map said as "it" between
    r"\b(?:stage|bit|part|step|phase)(?: (?:on|of|in|from) (?:it|that|this|that one|the map))?,? in (?:more |full |close |greater )?detail\b",
)

# "this month vs ..." means the calendar period before.
_BEFORE = {"this_week": "last_week", "this_month": "last_month", "this_quarter": "last_quarter",
           "today": "yesterday"}
_STOP = {"the", "a", "an", "our", "my", "of", "for"}


def map_settings(config: Any):  # -> tools.journey_map.types.MapSettings
    from tools.journey_map.types import MapSettings

    return MapSettings(window_days=config.analytics.conversion_window_days, kpi=config.kpi_settings())


def feedback_store(ctx: ToolContext):  # -> tools.feedback.store.FeedbackStore | None
    """The feedback store, opened once per process; None when it cannot be opened (the map is
    then drawn without emotions and pain points, and says so)."""
    def open_store() -> Any:
        try:
            return ctx.config.open_feedback()
        except Exception as exc:  # chromadb or the model missing: a map without feelings still helps
            log.warning("no feedback store for the journey map: %s", exc)
            return None

    return ctx.service("feedback_store", open_store)


def map_writer(config: Any):  # -> tools.journey_map.types.Writer | None
    """A writer over the configured chat model, or None offline."""
    from bot.agent.llm import make_chat_model

    model = make_chat_model(config).model
    if model is None:
        return None
    return chat_writer(model)


def chat_writer(model: Any):  # -> tools.journey_map.types.Writer
    from bot.agent.llm import reply_text
    from bot.prompts import load_prompt

    def write(sentences: list[str]) -> list[str]:
        prompt = load_prompt("journey_map_writer", sentences=json.dumps(sentences, ensure_ascii=False, indent=1))
        reply = model.invoke(prompt)
        content = reply_text(reply)
        match = rx.search(r"\[.*\]", content, re.S)
        worded = json.loads(match.group(0)) if match else []
        return [str(w) for w in worded]

    return write


def _run(ctx: ToolContext, params: Any):
    from tools.journey_map.tool import journey_map

    writer = ctx.service("map_writer", lambda: map_writer(ctx.config))
    return journey_map(ctx.store, params, feedback=feedback_store(ctx), settings=map_settings(ctx.config),
                       writer=writer)


def _words(text: str) -> list[str]:
    return [w for w in rx.findall(r"[a-z0-9'-]+", text.lower()) if w not in _STOP]


def mentioned(names: list[str], query: str) -> list[str]:
    """The names (personas, segments) whose words appear in the question, in order of
    appearance; the planner's query has small words removed, so names are compared the same way."""
    words = _words(query)
    text = " " + " ".join(words) + " "
    found = []
    for name in sorted(names, key=len, reverse=True):
        key = " ".join(_words(name))
        if key and f" {key} " in text and not any(key in " ".join(_words(f)) for f in found):
            found.append(name)
    return sorted(found, key=lambda n: text.index(" " + " ".join(_words(n)) + " "))


def _period(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    from tools.analytics.periods import Period

    return Period.parse(text).model_dump(mode="json", exclude_none=True)


def _before(period: str | None, ctx: ToolContext) -> dict[str, Any]:
    """The period before the asked one, as people mean it in "this month vs ...": the calendar
    period before, or as many days just before."""
    from tools.analytics.periods import Period, resolve

    name = period or "last_30_days"
    if name in _BEFORE:
        return {"name": _BEFORE[name]}
    as_of = ctx.store.as_of() or dt.date.today()
    prev = resolve(Period.parse(name), as_of, ctx.store.timezone).previous()
    return {"start": prev.first_day.isoformat(), "end": prev.last_day.isoformat()}


def _plan(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    from tools.analytics.filters import known_values

    args: dict[str, Any] = {}
    period = _period(getattr(slots, "period", None))
    if period:
        args["period"] = period
    # The words of this question first; in a follow-up ("and for loyalty?") `query` still holds
    # the first question's words, so the names it gave carry over.
    texts = [getattr(slots, "text", "") or "", getattr(slots, "query", "") or ""]
    try:
        known_personas, known_segments = known_values(ctx.store, "persona"), known_values(ctx.store, "segment")
    except Exception:  # an empty store still gets its error from the tool itself
        known_personas, known_segments = [], []
    personas = next((found for t in texts if (found := mentioned(known_personas, t))), [])
    segments = next((found for t in texts if (found := mentioned(known_segments, t))), [])
    if not personas and getattr(slots, "persona", None):
        personas = [slots.persona]
    read = list((getattr(slots, "filters", None) or {}).get("segment", []))
    if len(read) > len(segments):  # "of our vips", "vips compared with loyalty members": as the slot reader found them
        segments = read
    filters: dict[str, Any] = {}
    if personas:
        filters["persona"] = personas[0]
    if segments:
        filters["segment"] = segments[:1]
    if getattr(slots, "channels", None):
        filters["channel"] = list(slots.channels)
    for dim in ("city", "region", "age_band"):
        values = (getattr(slots, "filters", None) or {}).get(dim)
        if values:
            filters[dim] = list(values)
    if filters:
        args["filters"] = filters
    stages = list(getattr(slots, "stages", []) or [])
    if not stages:  # "zoom in on the bit where they decide to book": the decision stage (lane tune30)
        from bot.agent.journey_bits import stage_in_words

        stages = [found] if (found := stage_in_words(texts[0])) else []
    if len(stages) == 1:
        args["stage"] = stages[0]
        return args
    # (lane ps25) "this month on the left, last month on the right": two maps laid out left and right
    side_by_side = rx.search(r"\b(?:next to|side by side|alongside|against|beside)\b|\b(?:on|to) the left\b.{1,60}\b(?:on|to) the right\b",
                             texts[0].lower())
    # "journey map comparing the loyalty segment with the newsletter segment": two groups named, one beside the other
    # (lane ps8) or two channels, towns, regions or age bands: "journey map comparing facebook and tiktok customers"
    two_groups = (len(personas) > 1 or len(segments) > 1 or any(len(v) > 1 for v in filters.values() if isinstance(v, list))) \
        and rx.search(r"\bcompar\w*|\bvs\b|\bversus\b", texts[0].lower())
    if getattr(slots, "compare", False) or side_by_side or two_groups:
        if len(personas) > 1:
            args["compare_filters"] = {"persona": personas[1]}
        elif len(segments) > 1:
            args["compare_filters"] = {"segment": segments[1:2]}
        elif (pair := next((d for d in ("channel", "city", "region", "age_band") if len(filters.get(d, [])) > 1), None)):
            # "instagram customers next to the tiktok ones": the first group's map beside the second's
            first, second = filters[pair][:1], filters[pair][1:2]
            args["filters"] = {**filters, pair: first}
            args["compare_filters"] = {pair: second}
        elif side_by_side and (beside := _group_said_after(filters, texts[0].lower()[side_by_side.end():])):
            # (lane probe26c) "Bristol customers beside everyone from Cheltenham": two groups of different
            # kinds (a region and a town), the one said after "beside" drawn as the second map
            args["filters"] = {k: v for k, v in filters.items() if k != beside}
            args["compare_filters"] = {beside: filters[beside]}
        elif getattr(slots, "against", None):
            args["compare_period"] = _period(slots.against)
        else:
            args["compare_period"] = _before(getattr(slots, "period", None), ctx)
    return args


def _group_said_after(filters: dict[str, Any], after: str) -> str | None:
    """The one kind of group, of two or more in the filters, whose values are all said after the
    side-by-side word (None when that is not exactly one of them)."""
    kinds = [k for k, v in filters.items() if isinstance(v, list) and v]
    later = [k for k in kinds if all(_rx.search(rf"\b{re.escape(str(x).lower())}\b", after) for x in filters[k])]
    return later[0] if len(kinds) >= 2 and len(later) == 1 else None


MAP_CUES = (
    (r"\bjourney maps?\b|\bmap (?:of )?(?:the |our )?(?:whole )?(?:customer )?journey\b|\bjourney as a map\b|"
     # ("draw the cryo journey": the trade's word may stand where "customer" does)
     r"\bmap (?:out )?the (?:[\w'-]+ )?journey\b|\bdraw (?:the |our |me )?(?:whole |full |entire )?(?:[\w'-]+ ){0,3}journey\b|\bmap for\b|"
     # (lane ps8) "two maps please, the loyalty lot and the newsletter lot": maps asked for as a pair
     r"\b(?:two|2|both|a pair of|twin) (?:journey )?maps\b", 1.2),
    # (lane probe26c) "the customer journey this quarter, with touchpoints and pain points": the journey
    # asked for with what the map holds per stage is the map, not the themes "pain points" alone reads
    (r"\bjourneys?\b.{0,80}\btouch ?points?\b.{0,20}\bpain ?points?\b|\bjourneys?\b.{0,80}\bpain ?points?\b.{0,20}\btouch ?points?\b", 1.2),
    (r"\bmap\b", 0.3),
    (r"\bmaps?\b.{0,25}\bjourneys?\b|\bjourneys?\b.{0,25}\bmaps?\b", 0.9),
    (r"\bwhat(?:'s| is) (?:wrong|going on|happening|the (?:problem|matter|issue)) (?:with|at|in) (?:the )?"
     r"(?:awareness|consideration|decision|purchase|post-purchase|advocacy|checkout)(?: stage)?\b|"
     r"\bwhy is (?:the )?(?:awareness|consideration|decision|purchase|post-purchase|advocacy)(?: stage)? "
     r"(?:red|amber|green|grey|bad|weak|struggling)\b|"
     # "how come decision is showing amber?": a stage's colour on the map, explained
     r"\b(?:why|how come)\b.{0,12}\b(?:awareness|consideration|decision|purchase|post-purchase|advocacy)(?: stage)? "
     r"(?:is |has )?(?:still )?(?:showing|flagged|marked|colou?red|turned|gone|in the|on) (?:as |up )?(?:red|amber|orange|yellow)\b",
     0.9),
    (r"\b(?:whole|full|entire|complete) (?:customer )?journey\b|\bstage by stage\b|\bend[- ]to[- ]end\b", 0.3),
    # (lane tune30) "lay october's print journey beside september's", "with october's map next to it for
    # contrast": one period's journey set beside another's, said with the map or the journey laid out
    (r"\b(?:lay|put|set|place|show|pop)\b (?:out )?(?:[\w'-]+ ){0,3}?journey\b.{0,30}\b(?:beside|next to|alongside|"
     r"side by side with|against)\b|\b(?:with|and|plus|alongside) (?:[\w]+'s|the (?:previous|last|prior) (?:month|week|quarter)'s) "
     r"(?:journey )?map\b", 1.2),
    # "where in the journey are we red, amber or green": the map's colours
    (r"\bjourney\b.{0,40}\b(?:red|amber|green)\b.{0,20}\b(?:amber|green|red)\b|"
     # "show the journey of instagram customers next to facebook customers": two maps side by side
     r"\b(?:show|draw|see|give)\b (?:me |us )?(?:the |our )?(?:customer )?journeys? (?:of|for) .{1,60}\b(?:next to|beside|"
     r"alongside|side by side with)\b", 0.9),
    # (lane probe18a) "put this month's customer journey beside last month's", "the client journey,
    # october vs september": the journey itself set against another period (no KPI named)
    (r"^(?!.*\b(?:conver\w*|revenue|orders|sales|takings|rate|spend|bookings|drop-?offs?|paths?|funnel)\b)"
     r".*\b(?:customer|client|guest|patient|buyer|shopper)(?:'s|s')? journeys?\b.{0,40}\b(?:vs\.?|versus|against|compared (?:to|with)|"
     r"next to|beside|alongside|side by side with)\b", 1.0),
    # (lane probe23a) "customer journey for the vip segment over the past 90 days": one group's journey asked
    # for by name alone, with its period or not (the route they take is paths', their steps the funnel's)
    (r"^(?:(?:show|give) (?:me |us )?)?(?:the |our )?(?:customer|client|guest|patient|buyer|shopper)(?:'s|s')? journey (?:for|of) "
     r"(?:the |our |my )?(?:[\w'-]+ ){1,3}?(?:segment|lot|crowd|group|customers|clients|members|shoppers|buyers|guests|people|folk)\b"
     r"(?!.*\b(?:steps?|routes?|paths?|funnel|drop\w*|conver\w*|vs\.?|versus|against)\b)", 0.6),
    # "the patient journey end to end, with the pain points at each stage": the map's own contents
    (r"\bjourney\b.{0,60}\b(?:pain ?points?|weak (?:spots?|points?|links?)|sore (?:spots?|points?)|trouble ?spots?|"
     r"what(?:'s| is) (?:working|going well)|strengths?)\b|"
     # "lay the whole journey out for me": the journey laid out, stage by stage
     r"\b(?:lay|set|spell|lay it) (?:the |our )?(?:whole |full |entire )?(?:[\w'-]+ )?journey out\b|"
     r"\b(?:lay|sketch|set|map) out (?:the |our )?(?:whole |full |entire )?(?:[\w'-]+ ){0,3}?journey\b|\b(?:\w+ )?journey look(?:s)? like\b|"
     # (lane probe18b) "show the journey of our vip clients", "show me the journey for tiktok shoppers": one
     # group's journey shown (the route they take is paths': "the usual route", "steps")
     r"\b(?:show|give|see) (?:me |us )?(?:the |our )?(?:whole |full |entire |customer )?journey (?:of|for) (?:the |our |my )?"
     r"(?:[\w'-]+ ){1,3}?(?:clients|customers|patients|members|shoppers|buyers|guests|visitors|people|folk|users|families|"
     r"students|diners|mums|parents|owners|runners|riders)\b|"
     r"\b(?:walk|take|talk) (?:me|us) through (?:the |our )?(?:\w+ )?journey\b", 0.6),
    # (lane ps25) "map how tiktok folk move through the journey", "chart the way members go through our
    # journey": the journey drawn as a map, the verb says so (the route each takes is paths')
    (r"\b(?:map|chart|draw|sketch)(?: out)? (?:how|the way) (?:[\w'-]+ ){1,4}?(?:move|moves|go|goes|get|gets|travel|travels|"
     r"flow|flows|make their way|work their way) (?:through|along|across) (?:the |our |their )?(?:whole |full |entire )?"
     r"(?:[\w'-]+ )?journey\b", 1.2),
    # "every stage with its touchpoints and pain points", "just the post-purchase stage of the journey,
    # what's going on there": the map's contents, or one stage of it
    (r"\b(?:every|each|all the|all our) (?:journey )?stages?\b.{0,40}\btouch ?points?\b.{0,25}\bpain ?points?\b|"
     r"\b(?:awareness|consideration|decision|purchase|post-purchase|advocacy) stage of (?:the |our )?(?:customer |client )?"
     r"journey\b", 0.7),
    # (tune32) "show the after-sales part of the journey in detail", "go deeper on the stage where they
    # pay": one stage of the map, named by its part of the journey or zoomed into (not where people leave)
    (r"^(?!.*\b(?:drop\w*|los[et]|leav\w*|quit\w*|bail\w*|abandon\w*|conver\w*|funnel|paths?|routes?|how many|"
     r"feel\w*|feedback|complain\w*|say|said|scor\w*|rat(?:e|ed|ing|ings)|lowest|highest|worst|best|most|least)\b)"
     r"(?!.*\b(?:which|what) (?:bit|part|side|end|section|phase|leg|stretch)\b).*(?:\b(?:part|bit|side|end|section|phase|leg|chunk|portion|stretch) of "
     r"(?:the |our )?(?:[\w'-]+ )?journey\b|"
     # (lane ps25) "dig into the after-sales stage of the felt kit journey": a stage named before
     # "stage of" a journey whose trade words come between
     r"\b(?:the|their) (?!(?:first|last|next|same|whole|each|every|other|worst|best|weakest)\b)(?:[\w-]+ ){1,2}?(?:stage|step|phase) of (?:the |our |a )?"
     r"(?:[\w'-]+ ){0,2}journey\b|\b(?:go|dig|drill|look) (?:deeper|further|down|closer) (?:on|into|in on|at) "
     r"(?:the )?(?:stage|bit|part|step|phase)\b|\bzoom (?:in )?(?:on|into) (?:the )?(?:stage|bit|part|phase)\b)", 0.8),
    (r"\b(?:pain|problem|sore|weak|trouble) ?(?:points?|spots?|areas?)\b.{0,30}\b(?:at|for|in|of|by|per) (?:each|every|the|a) "
     r"(?:stage|step)s?\b|\b(?:each|every|per) stage'?s? (?:pain|problem|sore|weak|trouble) ?(?:points?|spots?|areas?)\b", 0.4),
    # (lane probe23c) "draw me the whole customer trip", "a picture of the whole client road": the
    # journey drawn whole in the trade's own word for it (the usual road or trail one takes is paths')
    (r"\b(?:draw|sketch|picture|paint|map|lay out|set out)\b.{0,30}?\b(?:whole|full|entire|complete) (?:[\w'-]+ ){0,2}?"
     r"(?:trip|road|ride|voyage|story)\b|\bpicture of (?:the |our )?(?:whole |full |entire )?(?:[\w'-]+ ){0,2}?(?:trip|road|journey)\b", 1.0),
    # "red amber green health for each stage", "red, amber or green per stage": the map's colours
    (r"\bred,? (?:amber|orange),? (?:and |or |n |&)?green\b|\brag (?:status|rating|health|colou?rs?)\b", 1.0),
    # "every stage ...: touchpoints, feelings, pain points": the map's contents listed, only the map has them all
    (r"^(?=.*\btouch ?points?\b)(?=.*\b(?:feel\w*|mood|sentiment|emotions?)\b)(?=.*\bpain ?points?\b)", 0.8),
)


def journey_map_tools() -> list[ToolSpec]:
    from tools.journey_map.types import JourneyMapParams

    return [
        ToolSpec(
            name="journey_map",
            params=JourneyMapParams,
            run=_run,
            description=(
                "The customer journey map for everyone or for a persona, segment or channel, in a "
                "period: per stage the touchpoints used (online and offline) with customer counts, "
                "conversion into the next stage and the median time it takes, how customers feel "
                "(mean sentiment of the stage's feedback, with its change), the top pain points with "
                "a customer quote each, the stage's KPIs against the period before, a red/amber/green "
                "health and the opportunities the data suggests (rules that cite the numbers). In "
                "Slack the answer comes with the map as a picture and a spreadsheet. "
                "Two maps side by side: compare_period (this month vs last month) or compare_filters "
                "(persona A vs persona B); the differences are highlighted. "
                "Follow-ups about one stage of a map in the same thread (\"why is post-purchase "
                "red?\", \"what is wrong with decision?\"): call this tool again with the same period "
                "and filters and stage set to that stage; it explains the colour with the rules that "
                "fired and adds that stage's KPIs week by week, sentiment week by week, what "
                "customers said (themes with quotes) and all its touchpoints."
            ),
            examples=(
                "show me the journey map",
                "show me the journey map for The Regular",
                "journey map this month vs last month",
                "why is post-purchase red?",
            ),
            phrasings=(
                "journey map", "customer journey map", "draw the customer journey", "map of the journey",
                "journey map for a persona", "journey map for vip customers",
                "show the journey map as a picture", "journey map spreadsheet",
                "compare the journey map with last month", "journey map persona vs persona",
                "the whole customer journey stage by stage", "where does the journey hurt",
            ),
            keywords=("journey map", "stage by stage"),
            cues=MAP_CUES + JOURNEYS_BESIDE_CUES + MAP_IDIOM_CUES,
            plan=_plan,
            follow_ups=FOLLOW_UPS,
        ),
    ]
