"""satisfaction_by for the agent and the planner: a satisfaction measure (review score, CSAT,
NPS, sentiment) compared across late and on-time deliveries, channels, stages, product
categories or segments. The plan reads the measure and the attribute from the question's own
words, so "are late deliveries hurting our reviews?" needs no model."""

from __future__ import annotations

import re
from typing import Any

from bot.agent.analytics_tools import filters_from, period_from
from bot.agent.feeling_sounds import fulfilment_pair
from bot.agent.group_against_rest import against_the_rest
from bot.agent.group_plurals import plural_groups
from bot.agent.idiom_asks import SATISFACTION_IDIOM_CUES
from bot.agent.patterns import lazy, rx
from bot.agent.ranked_order import RANKED_ORDER
from bot.agent.tools import ToolContext, ToolSpec
from bot.agent.turned_down import without_split_in_place_of

# "angrier comments", "ruder reviews": a tone compared, which is a feeling measured
# (not "harsher reviewers": how they rate, the review score)
# (lane probe26a: "does feedback sound gloomier in some segments", "glummer", "more downbeat": the tone)
_TONE_COMPARED = (r"\b(?:(?:angr|grump|crank|crabb|tetch|nast|snipp|stropp|gloom|mood|grouch|sulk)ier|ruder|glummer|bleaker|sourer|"
                  r"more (?:downbeat|negative|downcast|miserable|upbeat|positive))\b")
# Which measure a question asks about, first match wins: NPS and sentiment words are specific,
# "satisfied" means CSAT, anything else about ratings or reviews is the review score.
_MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("nps", lazy(r"\bnps\b|net promoter|recommend|promoters?\b|detractors?", re.I)),
    ("sentiment", lazy(_TONE_COMPARED + r"|sentiment|negative|positive|comments?\b|tone\b|vibes?\b|mood|feel(?:ing)?s?\b|upbeat|cheerful|"
                             r"complain\w*|what (?:they|customers|people) (?:say|write)", re.I)),
    ("csat", lazy(r"\bcsat\b|satisf\w*|\b(?:un)?happ(?:y|ier|iest|iness)\b", re.I)),  # "how happy were people": satisfaction
)
# Which attribute, first match wins: a delivery cue is the most specific, a channel the least
# (a channel name like "instagram" is read by the slot parser too).
_BY: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("delivery", lazy(r"\blate\b|\bon[- ]time\b|deliver\w*|parcels?|arriv\w*|shipping|shipped|"
                            r"courier|dispatch\w*|delay\w*|shows? up|turn(?:s|ed|ing)? up|"
                            # "does lateness drag our satisfaction down?", "do overdue jobs get worse ratings?"
                            r"\blateness\b|\btardiness\b|\btardy\b|\bover-?due\b|\bbehind schedule\b|\brunning late\b", re.I)),
    ("product_category", lazy(r"product|categor\w*|\bgenres?\b|\bitems?\b|what we sell|kind of (?:things|stuff)|"
                                    # "which kind of yarn gets the best review score": the goods, by kind
                                    r"\b(?:which|what) (?:kinds?|types?|sorts?) of (?!(?:customers?|people|clients?|buyers?|guests?|"
                                    r"members?|folks?|visitors?|shoppers?|students?|patients?|users?|persons?)\b)[\w-]+|"
                                    # (lane probe16b) "which range gets the best star ratings", "by stock line"
                                    r"\b(?:which|what|each|every|by|per) (?:product |stock )?(?:ranges?|lines?)\b|"
                                    # (lane probe20b) "which hemp range", "what cheese line": the goods' own word before it
                                    r"\b(?:which|what|each|every) (?!(?:age|price|time|date|phone|front|queue|bottom|top|"
                                    r"finish|start|waiting|the|our|a)\b)[\w-]+ (?:ranges?|lines?)\b", re.I)),
    # "which bit of the customer journey", "what point in the journey": a stage, in plain words
    ("stage", lazy(r"\bstages?\b|\bsteps?\b|\bphases?\b|\b(?:part|bit|point|leg|step)s? (?:of|in|along) (?:the |our |their )?"
                         r"(?:customer |client |whole |buying |[\w-]+ing )?journey\b|"
                         # (lane tune30) "at what point from quote to fitting", "where between booking and the visit": a stage of the way
                         r"\b(?:at )?(?:what|which) (?:point|stage|step|bit) (?:from|between) [\w' -]{2,30}? (?:to|and|until|till) ", re.I)),
    ("segment", lazy(r"segments?|\bvips?\b|\btiers?\b|\bregulars?\b|loyalty", re.I)),
    # not "one feedback source to another": where the texts came from is the sentiment tool's split
    ("channel", lazy(r"channels?|(?<!feedback )\bsources?\b|came from|found us|traffic", re.I)),
)
# (lane tune35) goods late, then what it does to the stars: the ratings split by delivery (convention (d))
_LATE_COSTS_STARS = lazy(
    r"\b(?:late(?! (?:last|this|in|on|at|night|afternoon|evening|morning|shift)\b)|after the promised (?:day|date)|overdue|"
    r"behind schedule|past the promised)\b.{0,60}?"
    r"\b(?:cost\w*|hurt\w*|drop\w*|dent\w*|drag\w*|lower\w*|worse|affect\w*|hit\w*|knock\w*)\b.{0,40}?"
    # (lane probe28c) "does a late box knock our satisfaction %", "late parcels denting the recommend
    # score": the satisfaction measures said by name cost the same way
    r"\b(?:stars?|star ratings?|ratings?|reviews?|review scores?|satisfaction|csat|nps|net promoter|recommend scores?)\b|"
    r"\b(?:late(?! (?:last|this|in|on|at|night|afternoon|evening|morning|shift)\b)|after the promised (?:day|date)|overdue)\b"
    r".{0,60}?\b(?:stars?|star ratings?|ratings?|reviews?|review scores?)\b"
    r".{0,30}?\b(?:drop\w*|dip\w*|fall\w*|lower|worse|suffer\w*)\b", re.I)
_SATISFACTION = lazy(_TONE_COMPARED + r"|review|rating|rates? us|rates? (?:(?:the |our )?(?:[\w-]+ ){1,2})?(?:any |the )?(?:lower|higher|worse|better|lowest|highest|worst|best)\b|rated|stars?\b|score|scoring|csat|nps|net promoter|satisf|sentiment|\bfeel|\bmood\b|"
                           r"\btone\b|\bvibes?\b|negative|positive|"
                           r"recommend|happ(?:y|ier|iest)|unhapp|comments?|harsh|like (?:us|it) (?:less|more|least)|"
                           r"like least|like most|"
                           # "more upbeat in what they write", "would people recommend us more"
                           r"upbeat|cheerful|glowing|what (?:they|customers|people|clients) (?:say|write)", re.I)
# A measure split by a group this tool has (bot/agent/analytics_cues.py leaves these to it).
_SPLIT = lazy(r"\b(?:by|per|for each|each|split (?:by|across|into)|broken down by|across)\s+(?:the\s+|our\s+|all (?:the\s+)?)?"
                    r"(?:first[- ]touch\s+|first\s+|crm\s+|customer\s+|client\s+|member(?:ship)?\s+|shopper\s+)?(?:channels?|segments?|(?:journey\s+)?stages?|"
                    # (lane probe19a) "review score by product line", "ratings per product type": what is sold
                    # (lane tune31) "nps by book category", "ratings per genre": the trade's own categories
                    r"product categor(?:y|ies)|(?:[\w-]+\s+)?categor(?:y|ies)|(?:[\w-]+\s+)?genres?|product (?:lines?|types?|ranges?|groups?|kinds?))\b", re.I)
# "which touchpoint gets the sourest comments": a split this tool does not have (feedback_sentiment's)
_BY_TOUCHPOINT = lazy(r"\b(?:which|what|each|every|by|per) touch ?points?\b", re.I)
# "recommend score by first-touch channel": the NPS in owners' words
# ("would members recommend us, split by channel": the would-recommend question, asked of each group)
_MEASURED = lazy(r"\bnps\b|net promoter|\bcsat\b|satisfaction|\bsatisfied\b|review scores?|ratings?|sentiment|\brecommend us\b|"
                       r"\brecommend\w*(?:[- ]to[- ](?:a[- ])?(?:friends?|mates?))? (?:scores?|ratings?|numbers?)\b", re.I)
# "would they recommend us, by segment", "how happy are families at each stage": the measure said
# in words, which split by a group is each group's level as much as "nps by segment" is
_MEASURED_IN_WORDS = lazy(r"\bhow (?:happy|satisfied|pleased|content)\b|\b(?:would|will|do|does|did) (?:[\w'-]+ ){0,2}"
                                r"recommend (?:us|the \w+|our \w+)\b|\blikely (?:are (?:[\w'-]+ ){0,2})?to recommend\b", re.I)
_TONE = lazy(r"\btone\b|\bmood\b|\bsentiment\b|\bvibes?\b", re.I)
_CHANGED = lazy(r"\b(?:moved|shifted|swung|behind|pull(?:s|ed|ing)? (?:\w+ ){0,2}down|dragg(?:ed|ing) (?:\w+ ){0,2}down|dr[oi]ve\w*|driving|caus\w*|explain\w*|to blame|"
                      r"responsible|change[ds]?|fell|fall\w*|drop\w*|rose|ris\w+|dip\w*|jump\w*)\b|"
                      # (lane probe21c) "which client segment has got less satisfied": a change of mood, movers'
                      r"\b(?:got|gotten|become|became|grown|getting|gone|went|turned) (?:a (?:bit|lot|little) |much )?"
                      r"(?:unhappier|happier|grumpier|crankier|less (?:happy|satisfied)|more (?:unhappy|satisfied))\b", re.I)
# "which segment rates the pies highest": the verb, with what is rated and how
_RATED = lazy(r"review|rating|rated|stars?\b|\bscor(?:es?|ing|ed)\b|csat|nps|net promoter|satisf|recommend|"
                    r"\brates? (?:(?:us|the|our|it|them)(?: [\w-]+){0,2} )?(?:any |the )?(?:lower|higher|worse|better|lowest|highest|worst|best)\b",
                    re.I)
# "happiest", "angriest": a group ranked on a feeling is a comparison too
_COMPARISON = lazy(r"hurt|lower|higher|lowest|highest|worse|better|worst|best|least|most|\bless\b|\bmore\b|differ|than|vs\b|versus|"
                         r"\w+iest\b|\b(?:warm|cold|kind|nice|harsh|fond|cool|poor|weak|strong|tough|mean)(?:est|er)\b|"
                         # "are people whose order came late writing angrier comments?": one group's feeling against the rest
                         + _TONE_COMPARED + "|"
                         r"compare|suffer|lead to|affect|impact|drag|harsh|because|fewer|depending on|"
                         # "a real gap in satisfaction between our segments", "late arrivals putting a dent in our ratings"
                         r"\bgaps?\b|\bdent\b|\bharm\w*|\bdamag\w*|\bhammer\w*|\bpunish\w*|\bslat(?:ed|ing)\b|\btakes? a (?:hit|knock|beating)\b|\bknock\w* (?:\w+ )?(?:down|back|off)\b|"
                         # "does the tone change when the delivery is late?": one group against the rest
                         r"\bchang\w* (?:when|if|once|for)\b|\b(?:when|if|once) (?:the |an? |their |our )?(?:[\w-]+ ){0,2}(?:is|are|was|were|"
                         r"runs?|ran|arrives?|arrived|comes?|came|turns? up|turned up|goes|went) late\b", re.I)


# A measure named by its own name wins over a word that only leans to one: "satisfaction by
# journey stage, review scores please" asks for review scores.
_NAMED_MEASURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("nps", lazy(r"\bnps\b|net promoter", re.I)),
    ("csat", lazy(r"\bcsat\b", re.I)),
    # "the happiest reviews": the reviews' own score, not a satisfaction survey
    ("review_score", lazy(r"\breview scores?\b|\bstar ratings?\b|\bstars? (?:out of|rating)\b|"
                                r"\b(?:un)?happ(?:y|ier|iest) (?:reviews?|ratings?)\b", re.I)),
)


def measure_from(text: str) -> str:
    named = [m for m, cue in _NAMED_MEASURES if cue.search(text)]
    if len(named) == 1:
        return named[0]
    return next((m for m, cue in _MEASURES if cue.search(text)), "review_score")


def by_from(text: str, channels: list[str] | None = None) -> str:
    found = next((b for b, cue in _BY if cue.search(text)), None)
    plural = plural_groups(text.lower())
    if found is None and plural and plural[1] in ("segment", "channel"):
        found = plural[1]  # "how happy are our customer groups?"
    if found is None and channels:
        return "channel"
    return found or "delivery"


def _plan(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = getattr(slots, "text", "") or ""
    # A follow-up ("and by channel?") keeps the measure the first question named (`query`).
    first = getattr(slots, "query", "") or ""
    named = text if any(cue.search(text) for _, cue in _MEASURES) or not first else first
    args: dict[str, Any] = {"measure": measure_from(named),
                            # not "..., not late vs on time": the split turned down (bot/agent/turned_down.py)
                            "by": against_the_rest(slots)
                            or by_from(without_split_in_place_of(text.lower()), getattr(slots, "channels", None))}
    args.update(period_from(slots))
    # "are late deliveries hurting reviews in SP?": the customers named keep their filter (it was
    # dropped, and the answer covered everyone without saying so)
    # A group named on the attribute compared is one side of the comparison, not a filter: "do
    # instagram customers rate us lower?" sets Instagram against the other channels.
    filters = {k: v for k, v in filters_from(slots).items() if k != args["by"]}
    if filters:
        args["filters"] = filters
    return args


def _boost(slots: Any) -> float:
    # A satisfaction word plus an attribute to split by ("do late orders get lower ratings?",
    # "ratings by product category"), more so with a comparison. Without an attribute a
    # satisfaction question ("what's our review score?") is a KPI, and without a satisfaction
    # word this tool is never the answer, however the words happen to overlap.
    text = getattr(slots, "text", "") or ""
    if not _SATISFACTION.search(text) or _BY_TOUCHPOINT.search(text):
        return -0.3  # no satisfaction word; or split by touchpoint, which only the sentiment of texts has
    if getattr(slots, "breakdown", None) in ("acquisition_channel", "city", "region", "age_band", "persona") \
            and {"nps", "csat", "csat_mean"} & set(getattr(slots, "metrics", None) or []):
        # (lane probe21a) "would-recommend per acquisition channel": a KPI over groups only movers splits by
        # (stars, a review score, are no KPI: "stars by acquisition channel" stays here, by channel)
        return -0.3
    if getattr(slots, "breakdown", None) in ("channel", "segment") and RANKED_ORDER.search(text.lower()) \
            and {"nps", "csat", "csat_mean"} & set(getattr(slots, "metrics", None) or []):
        return -0.3  # (lane probe23c) "nps per segment, best first": the groups ranked, movers by value
    if fulfilment_pair(text.lower()) and not (_RATED.search(text) or rx.search(r"\brat(?:e|es|ed|ing)\b", text, re.I)):
        # (lanes probe19c, tune30) the tone of delivered against collected goods: the touchpoints' texts
        # ("how upbeat are people who get a delivery vs those who collect"); said with ratings, or late
        # against on time, it stays the satisfaction split by delivery
        return -0.3
    if len(getattr(slots, "channels", None) or []) >= 2 and any(cue.search(text) for _, cue in _NAMED_MEASURES) \
            and _COMPARISON.search(text) and not _CHANGED.search(text):
        return 1.4  # (lane probe28c) "instagram finds happier than the google finds, csat %": two channels, a measure named
    if _LATE_COSTS_STARS.search(text):
        return 1.6  # (lane tune35) "kippers arriving after the promised day, are they costing us on star ratings"
    compared = bool(_COMPARISON.search(text))
    named = any(cue.search(text) for _, cue in _BY)
    if _SPLIT.search(text) and (_MEASURED.search(text) or _MEASURED_IN_WORDS.search(text)) and not _CHANGED.search(text):
        # "compare ratings across channels": the groups set side by side, not two periods
        if rx.search(r"\bcompar\w*\b", text, re.I) and not getattr(slots, "against", None) \
                and not rx.search(r"\b(?:last|previous|prior|before)\b", text, re.I):
            return 1.4
        return 0.9  # "nps by segment", "csat per channel": each group's level, side by side
    if _SPLIT.search(text) and _TONE.search(text) and by_from(text) in ("segment", "product_category") \
            and not _CHANGED.search(text):
        return 0.9  # (lane ps8) "mood of the reviews per segment": only this tool splits the texts' tone so
    plural = plural_groups(text)
    if plural and plural[1] in ("segment", "channel") and _RATED.search(text) and not _CHANGED.search(text):
        return 0.9  # "how satisfied are our segments?": each group's level, as "by segment" is
    if compared and against_the_rest(slots):
        return 1.4  # "are vip customers happier than everyone else": segments side by side (no texts split so)
    # A channel's name alone is a filter ("NPS for Instagram customers"), a split only when
    # compared ("do Instagram customers rate us lower?").
    if not named and not (compared and getattr(slots, "channels", None)):
        return -0.2
    if compared and by_from(text) == "product_category" and _RATED.search(text):
        return 1.1  # "which kind of yarn gets the best review score": no other tool splits by what is sold
    if compared and by_from(text) in ("delivery", "product_category", "segment") and not _CHANGED.search(text):
        return 0.9  # feelings split by these only this tool gives ("is sentiment worse for some segments?")
    if compared and _RATED.search(text):
        return 0.8  # ratings compared across groups: the KPIs give one total, sentiment reads texts
    if compared and by_from(text, getattr(slots, "channels", None)) in ("stage", "channel"):
        return 0.35  # how people feel by stage or channel, without a rating named: feedback sentiment's
    return 0.5 if compared else 0.25


# Right after a measure compared across groups, another measure of the same groups: "what about the
# tone of what they write?" (sentiment), "and the mood of their comments?" (not the feedback
# sentiment tool, which cannot split by segment or late delivery)
FOLLOW_UPS = (
    r"^(?:ok,? |okay,? |right,? |so )?(?:and |but )?(?:what|how) about (?:the |their )?(?:tone|mood|sentiment|feelings?|vibes?)\b"
    r"(?:.{0,40})?\s*[?.!]*$",
    r"^(?:ok,? |okay,? |so )?and (?:in terms of |by )?(?:the |their )?(?:tone|mood|sentiment|feelings?|vibes?)\b"
    r"(?: (?:of|in) (?:what|the|their) [\w ]{0,30})?\s*[?.!]*$",
)


def _run(ctx: ToolContext, params: Any):
    from tools.analytics.kpi_scope import promise_of
    from tools.analytics.satisfaction import satisfaction_by

    promise = promise_of(ctx.store, ctx.config.kpi_settings()).delivery_promise_days
    if params.measure != "sentiment":
        return satisfaction_by(ctx.store, params, promise_days=promise)
    # Sentiment is read from the feedback store, with the same readiness and coverage note as
    # the feedback tools (a partly indexed store says how much it holds, an empty one says so).
    from bot.agent.feedback_tools import from_feedback
    from tools.feedback.sentiment import scored_texts

    return from_feedback(ctx, lambda fb: satisfaction_by(ctx.store, params, promise_days=promise,
                                                         texts=scored_texts(fb.frame())))


def satisfaction_tools() -> list[ToolSpec]:
    from tools.analytics.satisfaction import SatisfactionParams

    return [
        ToolSpec(
            name="satisfaction_by",
            params=SatisfactionParams,
            run=_run,
            description=(SatisfactionParams.__doc__ or "").strip(),
            examples=(
                "are late deliveries hurting our reviews?",
                "which product category gets the worst reviews?",
                "do instagram customers rate us lower?",
                "is NPS different across segments?",
            ),
            phrasings=(
                "do late orders get worse ratings", "review score late versus on time",
                "does delivery delay affect satisfaction", "ratings by product category",
                "which category do customers rate lowest", "csat by channel compared",
                "satisfaction by journey stage", "which segment is least satisfied",
                "are some channels less happy than others", "late orders against on time, how do they feel",
                "do parcels that arrive late get lower scores", "what kind of products get bad reviews",
            ),
            keywords=("late deliver*", "reviews", "ratings", "rated", "rate us", "satisfied", "category",
                      "categories", "hurting"),
            cues=SATISFACTION_IDIOM_CUES,
            plan=_plan,
            boost=_boost,
            follow_ups=FOLLOW_UPS,
        ),
    ]
