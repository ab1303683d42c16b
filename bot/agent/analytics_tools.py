"""Journey and KPI analyses for the agent and the planner: funnel, drop-offs, paths, KPIs,
trends, comparisons and top movers. Each wraps a function of tools/ unchanged; the `plan`
functions turn the slots the planner read from a question into that tool's arguments."""

from __future__ import annotations

import re
from typing import Any

from bot.agent.tools import ToolContext, ToolSpec


def filters_from(slots: Any) -> dict[str, Any]:
    """Customer filters the question names: a saved persona, first-touch channels, segments,
    places and age bands (tools.analytics.filters.Filters fields)."""
    out: dict[str, Any] = {k: list(v) for k, v in (getattr(slots, "filters", None) or {}).items() if v}
    if getattr(slots, "persona", None):
        out["persona"] = slots.persona
    if getattr(slots, "channels", None):
        out["channel"] = list(slots.channels)
    return out


def period_args(period: str | None) -> dict[str, Any] | None:
    """A period as the tools take it: {"name": ...} or {"start": ..., "end": ...}."""
    if not period:
        return None
    if ".." in period:
        start, end = period.split("..", 1)
        return {"start": start or None, "end": end or None}
    return {"name": period}


def period_from(slots: Any, default: str | None = None) -> dict[str, Any]:
    period = period_args(getattr(slots, "period", None) or default)
    return {"period": period} if period else {}


def _common(slots: Any, default_period: str | None = None) -> dict[str, Any]:
    args = period_from(slots, default_period)
    filters = filters_from(slots)
    if filters:
        args["filters"] = filters
    return args


def metrics_from(slots: Any) -> list[str]:
    from tools.analytics.kpi_catalog import METRICS, normalize_metric

    out = []
    for m in getattr(slots, "metrics", []) or []:
        code = normalize_metric(m)
        if code in METRICS and code not in out:
            out.append(code)
    return out


def _kpi_settings(ctx: ToolContext):
    return ctx.config.kpi_settings()


# -- runners -----------------------------------------------------------------------------


def _funnel(ctx: ToolContext, params: Any):
    from tools.analytics.funnel import funnel

    return funnel(ctx.store, params)


def _dropoffs(ctx: ToolContext, params: Any):
    from tools.analytics.dropoffs import dropoffs

    return dropoffs(ctx.store, params)


def _paths(ctx: ToolContext, params: Any):
    from tools.analytics.paths import paths

    return paths(ctx.store, params)


def _kpis(ctx: ToolContext, params: Any):
    from tools.analytics.kpis import kpis

    return kpis(ctx.store, params, settings=_kpi_settings(ctx))


def _trend(ctx: ToolContext, params: Any):
    from tools.analytics.trends import trend

    return trend(ctx.store, params, settings=_kpi_settings(ctx))


def _compare(ctx: ToolContext, params: Any):
    from tools.analytics.compare import compare

    return compare(ctx.store, params, settings=_kpi_settings(ctx))


def _movers(ctx: ToolContext, params: Any):
    from tools.analytics.movers import top_movers

    return top_movers(ctx.store, params, settings=_kpi_settings(ctx))


# -- planner: slots -> arguments ---------------------------------------------------------


def _plan_funnel(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = _common(slots)
    stages = list(getattr(slots, "stages", []) or [])
    touchpoints = list(getattr(slots, "touchpoints", []) or [])
    if len(touchpoints) >= 2:
        args["touchpoints"] = touchpoints[:10]
    elif len(stages) >= 2:
        from tools.core.stages import STAGE_INDEX

        first, last = min(stages, key=STAGE_INDEX.get), max(stages, key=STAGE_INDEX.get)
        # "between consideration and purchase" means every stage from one to the other.
        from tools.core.stages import STAGES

        args["stages"] = list(STAGES[STAGE_INDEX[first]: STAGE_INDEX[last] + 1])
    if getattr(slots, "breakdown", None) in _KPI_DIMS:
        args["by"] = slots.breakdown
    return args


def _plan_dropoffs(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = _common(slots)
    text = (getattr(slots, "text", "") or "").lower()
    if re.search(r"\bstage", text):
        args["level"] = "stage"
    stages = [s for s in (getattr(slots, "stages", []) or []) if s != "awareness"]
    if stages and stages[-1] != "purchase" and not re.search(r"\b(buy|purchase|order)", text):
        args["goal_stage"] = stages[-1]
    return args


def _plan_paths(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = _common(slots)
    if re.search(r"\bstage", (getattr(slots, "text", "") or "").lower()):
        args["level"] = "stage"
    goal = [s for s in (getattr(slots, "stages", []) or []) if s not in ("awareness", "purchase")]
    if goal and not re.search(r"\b(?:buy|purchase|order)", _text(slots)):
        args["goal_stage"] = goal[-1]
    if getattr(slots, "top", None):
        args["top"] = min(int(slots.top), 50)
    return args


def _plan_kpis(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = _common(slots)
    metrics = metrics_from(slots)
    if metrics:
        args["metrics"] = metrics
    return args


def _plan_trend(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = _common(slots)
    metrics = metrics_from(slots)
    args["metric"] = metrics[0] if metrics else "purchase_conversion"
    if getattr(slots, "grain", None):
        args["grain"] = slots.grain
    return args


def _plan_compare(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = _common(slots, _default_compare_period(slots))
    metrics = metrics_from(slots)
    if metrics:
        args["metrics"] = metrics
    against = period_args(getattr(slots, "against", None))
    if against:
        args["against"] = against
    return args


def _default_compare_period(slots: Any) -> str:
    """"week on week" looks at this week, "month on month" (and no hint) at this month."""
    text = _text(slots)
    if re.search(r"\bweek on week\b|\bwow\b|\bweekly\b|\bthis week\b", text):
        return "this_week"
    if re.search(r"\bday on day\b|\bdaily\b", text):
        return "yesterday"
    return "this_month"


def _plan_movers(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = _common(slots)
    metrics = metrics_from(slots)
    args["metric"] = metrics[0] if metrics else "revenue"
    by = getattr(slots, "breakdown", None)
    args["by"] = by if by in _KPI_DIMS else "channel"
    against = period_args(getattr(slots, "against", None))
    if against:
        args["against"] = against
    if getattr(slots, "top", None):
        args["top"] = max(1, min(int(slots.top), 50))
    return args


_TREND_CUE = re.compile(r"\btrend\w*|\bover time\b|\bweek by week\b|\bday by day\b|\bmonth by month\b|"
                        r"\bchart\w*|\bplot\w*|\bgraph\w*|\bseries\b|\bcreep\w*|\bgoing (?:up|down)\b|"
                        r"\b(?:is|are|has|have|was|were) (?:\w+ ){0,4}(?:been )?(?:rising|falling|climbing|declining|"
                        r"sliding|growing|shrinking|improving|worsening|increasing|decreasing|dropping|slipping|"
                        r"getting (?:better|worse)|creeping|edging)\b|\bhow (?:has|have) .{0,40}\bmoved\b|"
                        r"\b(?:week|day|month) to (?:week|day|month)\b|"
                        r"\bover the (?:weeks|months)\b")
_COMPARE_CUE = re.compile(
    r"\bcompar\w*|\bvs\.?\b|\bversus\b|\bagainst\b|\b(?:week|month|year|day) on (?:week|month|year|day)\b|"
    r"\bperiod over period\b|\bbetter or worse\b|\bup or down\b|\bthan (?:last|the previous|it was|before|in)\b|"
    r"\b(?:did|has|have|was|were)\b.*\b(?:drop|drops|dropped|fall|fell|rise|rose|gone (?:up|down)|"
    r"went (?:up|down)|improv\w*|increase\w*|decrease\w*|get (?:better|worse)|got (?:better|worse)|"
    r"changed?|better|worse|faster|slower)\b|\bsince last\b|\bchange in\b")
_MOVER_CUE = re.compile(r"\bdr[oi]ve\w*|\bdriving\b|\bbehind\b|\bcaus\w*|\bcontribut\w*|\bexplain\w*|"
                        r"\bmovers?\b|\bresponsible\b|\baccount(?:s|ed)? for\b|\b(?:moved|changed|shifted|swung)\b.{0,30}"
                        r"\bmost\b|\b(?:pull|pulled|pulling|dragg?\w*|push\w*|knock\w*|lift\w*|boost\w*|hurt\w*|"
                        r"tank\w*)\b.{0,30}\b(?:down|up)\b|\bto blame\b|"
                        r"\b(?:has|have|gets?|got|shows?|had|with) the (?:worst|best|highest|lowest|most|least|biggest|"
                        r"smallest|fastest|slowest|weakest|strongest)\b|"
                        r"\bwhich (?:channels?|segments?|cit(?:y|ies)|towns?|regions?|age (?:bands?|groups?)|personas?)\b"
                        r".*\b(?:most|least|highest|lowest|best|worst|biggest|smallest|top)\b|"
                        r"\brank\w* (?:the |our |all )?(?:channels|segments|cities|towns|regions|age bands|personas)\b|"
                        r"\b(?:top|bottom|best|worst) \d+ (?:channels|segments|cities|towns|regions|age bands|personas)\b|"
                        r"\bwhy (?:did|has|have|is|are|was|were) .{0,40}\b(?:fall|fell|falling|drop|dropped|dropping|rise|"
                        r"rose|rising|go up|go down|gone (?:up|down)|change|changed|dip|dipped|jump|jumped|spike|spiked|"
                        r"decline|declined|increase|increased|decrease|decreased|slump|slumped)\b")
# The future: a forecast, a horizon, a prediction. ("might" is left out: "what might explain
# the drop?" is about the past.)
_FUTURE = re.compile(r"\bforecast|\bpredict|\bproject(?:ed|ion)|\bnext (?:week|month|quarter|year|\d+|few|couple)|"
                     r"\bwill\b|\bcoming (?:\d+ )?(?:days?|weeks?|months?|quarter|year)|\blikely to\b|\babout to\b|"
                     r"\bgoing to\b|\bahead\b|\bexpected? (?:revenue|sales|income|spend)", re.I)
# "revenue by channel", "new visitors per segment": one KPI split by a group. The movers tool
# answers it with each group's value (and the period before), where kpis would give one total.
_SPLIT_CUE = re.compile(r"\b(?:by|per|for each|each|split (?:by|across|into)|broken down by|across)\s+"
                        r"(?:first[- ]touch\s+|acquisition\s+)?"
                        r"(?:channels?|segments?|cit(?:y|ies)|regions?|age bands?|age groups?|personas?)\b", re.I)
_KPI_DIMS = ("channel", "acquisition_channel", "segment", "city", "region", "age_band", "persona")


def _has_metric(slots: Any) -> bool:
    """A KPI of the past: one named in a question about the future is a forecast's."""
    return bool(metrics_from(slots)) and not _FUTURE.search(_text(slots))


def _text(slots: Any) -> str:
    return getattr(slots, "norm", "") or (getattr(slots, "text", "") or "").lower()


def _boost_kpis(slots: Any) -> float:
    return 0.45 if _has_metric(slots) else 0.0


def _boost_funnel(slots: Any) -> float:
    two = len(getattr(slots, "stages", []) or []) >= 2 or len(getattr(slots, "touchpoints", []) or []) >= 2
    return 0.35 if two else 0.0


def _boost_trend(slots: Any) -> float:
    text = _text(slots)
    # A KPI plus a time-series word ("weekly", "trending", "over time") asks for a series.
    series = getattr(slots, "grain", None) in ("day", "week") or _TREND_CUE.search(text)
    return 0.75 if _has_metric(slots) and series else 0.0


def _boost_compare(slots: Any) -> float:
    text = _text(slots)
    asked = getattr(slots, "against", None) or _COMPARE_CUE.search(text)
    return 0.55 if _has_metric(slots) and asked else 0.0


def _boost_movers(slots: Any) -> float:
    text = _text(slots)
    breakdown = getattr(slots, "breakdown", None)
    by = breakdown in _KPI_DIMS
    # A group movers cannot split by (a stage, a product category) is another tool's question.
    cue = _MOVER_CUE.search(text) and (by or (breakdown is None and re.search(r"\b(?:which|what|who|why|how come)\b", text)))
    split = by and _SPLIT_CUE.search(text) and not _TREND_CUE.search(text)
    return 0.9 if _has_metric(slots) and (cue or split) else 0.0


# What people say when they want each analysis (weights add up in bot/agent/ranking.py).
_STAGE = r"(?:awareness|consideration|decision|purchase|post-purchase|advocacy|checkout)"
FUNNEL_CUES = (
    (r"\bfunnel\b", 1.0),
    (rf"\bbetween (?:the )?{_STAGE}(?: stage)? and (?:the )?{_STAGE}\b", 0.5),
    (r"\bhow many (?:\w+ ){0,5}(?:go|get|make it|reach|move|progress|get through|go on|"
     r"went on|end up|ended up|ends up|carry on|carried on|went through|got through|made it|reached)\b", 0.45),
    (rf"\bfrom {_STAGE} (?:\w+ ){{0,4}}(?:to|through|into|until)\b", 0.3),
    (r"\bstage by stage\b|\beach stage\b.*\bhow many\b", 0.2),
    (r"\bstage(?:[- ]to[- ]stage)? conversion\b|\bconversion (?:by|per|at each|between|for each) stages?\b|"
     r"\b(?:move|moving|progress\w*|flow|go|get|make (?:it|their way)) (?:on )?through (?:the )?(?:stages|funnel|journey)\b|"
     r"\bof (?:those|the (?:people|ones|customers|visitors)|everyone|people|customers|visitors) (?:who|that)\b.*\bhow many\b",
     0.6),
    (r"\bconversion rate\b|\brate\b", -0.3),
    # "where do we lose people (in the funnel)?" asks where people leave: the drop-offs.
    (r"\bwhere (?:do|did|are|were|is) (?:[\w']+ ){0,3}(?:lose|losing|lost|leave|leaving|drop|give up|fall|abandon|"
     r"get stuck)\w*(?!.*\bbetween\b)", -0.5),
)
DROPOFF_CUES = (
    (r"\bdrop(?:s|ped|ping)?[- ]?offs?\b|\bdrop(?:ping)? out\b|\bfall(?:s|ing)? out\b|\bgive up\b|\bgiving up\b|"
     r"\bbail\w*\b|\babandon (?:us|the (?:site|journey|shop))\b|\bleak\w*\b|\bquit\b", 0.8),
    (r"\bwhere (?:do|did|are|were|is) (?:[\w']+ ){0,3}(?:lose|losing|lost|leave|leaving|left|stop|stopping|quit|drop|"
     r"give up|fall|abandon|get stuck|getting stuck|stall)\w*|\babandon\w* (?:the |our )?(?:journey|site|shop|funnel|website)\b", 0.75),
    (r"\b(?:last|final) (?:thing|step|touchpoint|stage|page|action)s?\b(?! before (?:a |the |they |their |buying|"
     r"purchas|ordering|an order))", 0.6),
    (r"\b(?:at )?(?:which|what) (?:stage|step|point|touchpoint|page)s? (?:do|did|are|were|does) (?:\w+ ){0,3}"
     r"(?:stop|leave|quit|drop|give up|lose|bail|abandon|fall|walk away)\w*", 0.7),
    (r"\b(?:didn'?t|did not|never|don'?t|do not) (?:convert|buy|order|purchase)\w*|\bnon-?buyers\b|"
     r"\bwithout (?:buying|ordering)\b|\bbefore (?:leaving|they left|they leave)\b", 0.45),
    (r"\b(?:loses?|losing|lost) (?:the most|most|more) (?:people|customers|shoppers|visitors)?", 0.5),
    (r"\bwhich (?:stage|step|touchpoint) (?:\w+ )?(?:lose|loses|losing)\b", 0.4),
)
PATH_CUES = (
    (r"\bpaths?\b|\broutes?\b|\bsequences?\b", 0.8),
    (r"\bfirst touch(?:point)?\b|\blast touch(?:point)?\b|\bclos(?:e|es|ing) the (?:deal|sale)\b|\bbring (?:buyers|them|customers) in\b", 0.6),
    (r"\bwhich channels? (?:first )?(?:bring|brings|brought|introduce|introduces)\b|"
     r"\b(?:top|common|usual|typical|main) (?:\d+ )?(?:journeys|routes|paths|sequences)\b|"
     r"\bjourneys? (?:to|towards|before|into) (?:purchase|buying|an? order|ordering)\b", 0.6),
    (r"\bjourneys? (?:lead|leading|that lead)\b|\bon (?:the|their|its|his|her) way to\b|\bfind their way\b|"
     r"\btypical (?:customer )?journeys?\b|\bsteps? (?:do )?(?:buyers|customers|people) take\b|"
     r"\bwhat do (?:customers|people|buyers) (?:usually |typically |normally )?do before\b|"
     r"\bcommon (?:customer )?journeys?\b|\bhow do (?:buyers|customers|people) (?:usually |typically )?"
     r"(?:get|find|end up|come)\b", 0.7),
    (r"\bjourneys? (?:that |which )?(?:include|involve|contain|had|have|with)\b|\bhow many journeys\b|\boffline touchpoints?\b|\bshop visit\b|\bgo through on the way\b|"
     r"\b(?:order|sequence|series) of (?:touchpoints|steps|stages|events|channels)\b", 0.5),
    (r"\bbefore (?:buying|they (?:buy|order|purchase)|ordering|purchasing|an? (?:order|purchase)|their (?:first )?"
     r"(?:order|purchase))\b|\b(?:visited|visit|came into|popped into) the (?:shop|store)\b", 0.4),
)
KPI_CUES = (
    (r"\bheadline\b|\bkey (?:numbers|figures|metrics|stats)\b|\bkpis?\b|\bhow are we doing\b|"
     r"\bhow(?:'s| is) business\b|\bscorecard\b|\bthe numbers\b|\bour numbers\b|"
     r"\bhow (?:are|is|'re|'s) (?:things|business|trade|it|everything|the shop) (?:looking|going|doing|shaping up)\b|"
     r"\bhow(?:'s| is) trade\b|\bperformance\b|\bhow did we perform\b|\bhow we(?:'re| are) performing\b", 0.6),
    (r"^(?:what(?:'s| is| are| was| were)|whats|how (?:many|much|long|fast|quickly|often|satisfied|happy))\b", 0.15),
    (r"\bright now\b|\bcurrent(?:ly)?\b|\bat the moment\b", 0.1),
)
# A series needs a KPI: without one these words are weak evidence (the boost below does the rest).
TREND_CUES = (
    (_TREND_CUE.pattern, 0.2),
    # "how has X changed?" with no period to compare with asks how it went, point by point.
    (r"\bhow (?:has|have) .{0,40}\b(?:changed|developed|evolved|moved|gone|done)\b"
     r"(?!.*\b(?:since|than|versus|vs|compared|against|last|previous)\b)", 0.35),
    (r"\bseries\b|\bchart\w*|\bplot\w*|\bgraph\w*|\btrend\w*|\bover time\b|\bweek by week\b|\bday by day\b", 0.2),
)
COMPARE_CUES = (
    (r"\bcompar\w*|\bvs\.?\b|\bversus\b|\b(?:week|month|year|day) on (?:week|month|year|day)\b|"
     r"\bperiod over period\b|\bbetter or worse\b|\bup or down\b|\bthan (?:last|the previous|it was|before)\b",
     0.55),
    (r"\bwhat changed\b|\bagainst (?:last|the previous|the same)\b", 0.35),
    (r"\bsince last\b", 0.2),
    (r"\bseries\b|\bchart\w*|\bplot\w*|\bgraph\w*|\btrend\w*|\bover time\b|\bweek by week\b|\bday by day\b", -0.3),
)
# Without a KPI these are weak evidence: the boost (a KPI and a group) does the rest.
MOVER_CUES = (
    (_MOVER_CUE.pattern, 0.2),
    (r"\bwhich (?:channels?|segments?|cit(?:y|ies)|towns?|regions?|age (?:bands?|groups?)|personas?|groups?)\b", 0.15),
)


def analytics_tools() -> list[ToolSpec]:
    from tools.analytics.compare import CompareParams
    from tools.analytics.dropoffs import DropoffParams
    from tools.analytics.funnel import FunnelParams
    from tools.analytics.kpis import KpiParams
    from tools.analytics.movers import MoversParams
    from tools.analytics.paths import PathParams
    from tools.analytics.trends import TrendParams

    return [
        ToolSpec(
            name="funnel",
            params=FunnelParams,
            run=_funnel,
            description=(FunnelParams.__doc__ or "").strip(),
            examples=(
                "where do we lose people between consideration and purchase?",
                "show me the funnel for the last 30 days",
                "how does the funnel look for Instagram customers this month?",
                "which channel converts best from visit to purchase?",
            ),
            phrasings=(
                "funnel", "conversion funnel by stage", "how many people make it from awareness to purchase",
                "journey funnel", "how many customers reach each stage", "stage by stage conversion",
                "where in the journey do people get stuck", "funnel broken down by channel",
                "how many visitors end up buying", "from first contact to purchase, how many get through",
            ),
            keywords=("funnel", "reach", "between", "get through", "make it to"),
            cues=FUNNEL_CUES,
            plan=_plan_funnel,
            boost=_boost_funnel,
        ),
        ToolSpec(
            name="dropoffs",
            params=DropoffParams,
            run=_dropoffs,
            description=(DropoffParams.__doc__ or "").strip(),
            examples=(
                "where do we lose people?",
                "at which point do people give up before buying?",
                "what was the last thing people did before they left without buying?",
            ),
            phrasings=(
                "drop off points", "where do customers drop off", "where do we lose customers",
                "why do people leave without ordering", "last step before people abandon",
                "where do visitors bail out", "which touchpoint loses the most people",
                "where did non-buyers stop", "biggest leak in the journey",
            ),
            keywords=("drop off", "drop-off", "lose", "losing", "give up", "leave", "abandon", "bail", "leak"),
            cues=DROPOFF_CUES,
            plan=_plan_dropoffs,
        ),
        ToolSpec(
            name="paths",
            params=PathParams,
            run=_paths,
            description=(PathParams.__doc__ or "").strip(),
            examples=(
                "what do customers usually do before they buy?",
                "what are the most common paths to purchase?",
                "which channels bring buyers in and which close the sale?",
            ),
            phrasings=(
                "typical customer path", "journey sequences", "common routes to buying",
                "first touch and last touch of buyers", "how many journeys include an offline touchpoint",
                "what steps do buyers take", "path to purchase", "customer journey paths",
                "share of journeys with an in-store visit", "first and last touch channel",
            ),
            keywords=("path", "paths", "route", "sequence", "first touch", "last touch", "offline"),
            cues=PATH_CUES,
            plan=_plan_paths,
        ),
        ToolSpec(
            name="kpis",
            params=KpiParams,
            run=_kpis,
            description=(KpiParams.__doc__ or "").strip() + " Metrics are listed in the schema's enum.",
            examples=(
                "how are we doing this month?",
                "what is our NPS?",
                "what's our average order value and repeat purchase rate?",
                "how quickly do we answer support tickets?",
            ),
            # KPI names are recognised by the slot parser (and boost this tool); phrasings and
            # keywords here are about asking for current values, so that the same KPI name in a
            # trend or comparison question does not pull it here.
            phrasings=(
                "kpis", "key numbers", "headline metrics", "how is business", "what is our current score",
                "give me the numbers", "what was it last month", "how much did we make",
                "how satisfied are customers", "what is the rate right now", "how fast are we",
                "how long does it take", "what percentage of",
            ),
            keywords=("kpi", "how are we doing", "right now", "current", "numbers"),
            cues=KPI_CUES,
            plan=_plan_kpis,
            boost=_boost_kpis,
        ),
        ToolSpec(
            name="trend",
            params=TrendParams,
            run=_trend,
            description=(TrendParams.__doc__ or "").strip(),
            examples=(
                "how has our NPS moved week by week this quarter?",
                "show daily conversion over the last 30 days",
                "is average order value going up?",
            ),
            phrasings=(
                "trend of revenue", "weekly trend", "daily series", "over time", "week by week",
                "day by day", "how has it changed over the months", "is it going up or down",
                "chart csat over time", "plot orders per week",
            ),
            keywords=("trend", "over time", "week by week", "day by day", "daily", "weekly", "going up",
                      "going down", "series"),
            cues=TREND_CUES,
            plan=_plan_trend,
            boost=_boost_trend,
        ),
        ToolSpec(
            name="compare",
            params=CompareParams,
            run=_compare,
            description=(CompareParams.__doc__ or "").strip(),
            examples=(
                "how does this month compare with last month?",
                "did conversion drop this week?",
                "are we better or worse than last week?",
            ),
            phrasings=(
                "compare this week with last week", "month on month", "week on week", "versus last month",
                "what changed since last month", "period over period", "is csat better than last month",
                "did revenue go up compared to the previous month",
            ),
            keywords=("compare", "compared", "vs", "versus", "than last", "week on week",
                      "month on month", "change", "better", "worse"),
            cues=COMPARE_CUES,
            plan=_plan_compare,
            boost=_boost_compare,
        ),
        ToolSpec(
            name="movers",
            params=MoversParams,
            run=_movers,
            description=(MoversParams.__doc__ or "").strip(),
            examples=(
                "which channel drove the change in revenue this month?",
                "why did conversion drop this week, any segment in particular?",
                "which cities got unhappier in the last 30 days?",
            ),
            phrasings=(
                "top movers", "what drove the change", "which segment moved the most",
                "biggest contributors to the drop", "who is behind the increase", "which group changed most",
                "explain the change by channel",
            ),
            keywords=("drove", "driving", "movers", "contribut", "behind the", "which segment", "which channel",
                      "which city", "explain"),
            cues=MOVER_CUES,
            plan=_plan_movers,
            boost=_boost_movers,
        ),
    ]
