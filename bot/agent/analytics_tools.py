"""Journey and KPI analyses for the agent and the planner: funnel, drop-offs, paths, KPIs,
trends, comparisons and top movers. Each wraps a function of tools/ unchanged; the `plan`
functions turn the slots the planner read from a question into that tool's arguments."""

from __future__ import annotations

import re
from typing import Any

from bot.agent.analytics_cues import (
    COMPARE_CUES,
    KPI_CUES,
    KPI_DIMS,
    MOVER_CUES,
    NO_COMPARISON,
    TREND_CUES,
    boost_compare,
    boost_funnel,
    boost_kpis,
    boost_movers,
    boost_trend,
    churn_window_days,
    metrics_from,
    ranks_conversion,
    series_grain,
    text_of,
)
from bot.agent.journey_cues import DROPOFF_CUES, FUNNEL_CUES, PATH_CUES
from bot.agent.tools import ToolContext, ToolSpec

__all__ = ["analytics_tools", "filters_from", "metrics_from", "period_args", "period_from"]


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
    # "...book a tasting or ask for a quote: funnel from decision to purchase to post purchase":
    # the stages are the steps asked for; the touchpoints only say who
    stage_chain = len(stages) >= 3 and re.search(
        r"\b(?:funnel|from) (?:the )?(?:awareness|consideration|decision|purchase|post-purchase|advocacy)\b", text_of(slots))
    if len(touchpoints) >= 2 and not stage_chain:
        args["touchpoints"] = touchpoints[:10]
    elif len(stages) >= 2:
        from tools.core.stages import STAGE_INDEX

        first, last = min(stages, key=STAGE_INDEX.get), max(stages, key=STAGE_INDEX.get)
        # "between consideration and purchase" means every stage from one to the other.
        from tools.core.stages import STAGES

        args["stages"] = list(STAGES[STAGE_INDEX[first]: STAGE_INDEX[last] + 1])
    elif ranks_conversion(slots):
        to_purchase = _stages_to_purchase(ctx)
        if to_purchase:
            args["stages"] = to_purchase
    if getattr(slots, "breakdown", None) in KPI_DIMS:
        args["by"] = slots.breakdown
    text = text_of(slots)
    # "a 7 day conversion window", "within 14 days of entering": how long later steps may take.
    window = re.search(r"\b(\d{1,3})[- ]?(day|week)s?\b(?=.{0,25}\bwindow\b)|\bwindow of (\d{1,3}) ?(day|week)s?\b|"
                       r"\bwithin (\d{1,3}) ?(day|week)s? of (?:entering|their first|the first|first)\b|"
                       # "only count it if they get through within 7 days"
                       r"\b(?:get|gets|got|make it|go|goes|move|moves|convert\w*|finish\w*|complete\w*|count\w*)\b"
                       r".{0,30}\bwithin (?:a |an )?(\d{1,3})? ?(day|week|fortnight|month)s?\b", text)
    if window:
        n, unit = next((window.group(i) or "1", window.group(i + 1)) for i in (1, 3, 5, 7) if window.group(i + 1))
        args["window_days"] = max(1, min(int(n) * {"week": 7, "fortnight": 14, "month": 30}.get(unit, 1), 365))
    # "no skipping steps", "every stage has to happen": each step needs its own event.
    if re.search(r"\bno skipp\w*|\bwithout skipp\w*|\bno (?:step|stage)s? skipped|\bcan(?:no|')?t skip|"
                 r"\b(?:every|each) (?:step|stage) (?:has to|must|needs to|should) (?:\w+ )?(?:happen|be (?:there|seen|done))|"
                 r"\bstrict(?:ly)? (?:in order|step by step|funnel)\b|\bskips? (?:=|as )?stop\b", text):
        args["skips"] = "stop"
    return args


def _stages_to_purchase(ctx: ToolContext) -> list[str] | None:
    """The stages the data has, up to purchase: "which channel converts best?" means converts
    to buying, not to a review or referral after it (the funnel's default end)."""
    from tools.analytics.scope import present_stages

    try:
        with ctx.store.connect() as con:
            present = present_stages(con)
    except Exception:  # an empty or busy store: the funnel's own default steps
        return None
    steps = [s for s in present if s != "post-purchase" and s != "advocacy"]
    return steps if len(steps) >= 2 and steps[-1] == "purchase" else None


def _plan_dropoffs(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = _common(slots)
    text = (getattr(slots, "text", "") or "").lower()
    if _by_stage(text) or getattr(slots, "breakdown", None) == "stage":  # kept by a follow-up ("and instagram?")
        args["level"] = "stage"
    stages = [s for s in (getattr(slots, "stages", []) or []) if s != "awareness"]
    if stages and stages[-1] != "purchase" and not re.search(r"\b(buy|purchase|order)", text):
        args["goal_stage"] = stages[-1]
    touchpoints = list(getattr(slots, "touchpoints", []) or [])
    # "drop-offs before order_placed", "who leaves before reaching add to cart": that touchpoint
    # is the goal (the one named last, if several).
    # "the ones who never placed an order", "if they don't start a checkout": the step they missed
    if touchpoints and re.search(r"\b(?:before|until|reach\w*|get(?:ting)? to|up to|short of|never|didn'?t|did not|don'?t|"
                                 r"do not|doesn'?t|does not|haven'?t|without)\b", text):
        args["goal_touchpoint"] = touchpoints[-1]
        args.pop("goal_stage", None)
    if getattr(slots, "top", None):  # "top 3 drop-off points"
        args["top"] = max(1, min(int(slots.top), 50))
    if NO_COMPARISON.search(text):
        args["compare"] = False
    return args




def _plan_paths(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = _common(slots)
    text = text_of(slots)
    if _by_stage((getattr(slots, "text", "") or "").lower()):
        args["level"] = "stage"
    goal = [s for s in (getattr(slots, "stages", []) or []) if s not in ("awareness", "purchase")]
    if goal and not re.search(r"\b(?:buy|purchase|order)", text):
        args["goal_stage"] = goal[-1]
    touchpoints = list(getattr(slots, "touchpoints", []) or [])
    # "the typical path to placing an order", "routes to a quote request": that step is the goal
    either = _stage_of_either(touchpoints, text, ctx)
    if either:
        # "paths that lead people to leave a testimonial or refer someone": two steps of one
        # stage, either will do, so the goal is their stage
        args["goal_stage"] = either
    elif touchpoints and re.search(r"\b(?:to|towards|before|until|till|into|reach\w*|lead(?:s|ing)? to|end(?:s|ing)? (?:in|with|at))\b",
                                   text):
        args["goal_touchpoint"] = touchpoints[-1]
        args.pop("goal_stage", None)
    steps = re.search(r"\b(?:last|final|only|just|up to|at most|max(?:imum)?|no more than|no longer than|not more than|"
                      # "keep them to 4 steps", "cap it at 5 steps"
                      r"under|fewer than|less than|(?:keep|cap|limit|trim|cut|shorten) (?:them|it|those|the paths|paths) (?:to|at))"
                      r"(?: the)?(?: last| final)? "
                      r"(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:steps|touchpoints|touches|stages|"
                      r"events|moves)\b", text) or re.search(
        # "keep them to 4 steps max", "3 steps at most"
        r"\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:steps|touchpoints|touches|stages|events|"
        r"moves) (?:max(?:imum)?|at most|or (?:fewer|less)|tops|long at most)\b", text)
    if steps:  # "only the last 4 steps": longer paths keep their last steps
        from bot.agent.vocab import NUMBER_WORDS

        n = steps.group(1)
        args["max_steps"] = max(2, min(int(n) if n.isdigit() else NUMBER_WORDS.get(n, 6), 12))
    if getattr(slots, "top", None):
        args["top"] = min(int(slots.top), 50)
    return args


def _stage_of_either(touchpoints: list[str], text: str, ctx: ToolContext) -> str | None:
    """The stage two or more goal steps joined by "or" share, if they share one."""
    if len(touchpoints) < 2 or not re.search(r"\bor\b", text):
        return None
    try:
        tpmap = ctx.config.touchpoint_map()
        stages = {getattr(tpmap.lookup(tp), "stage", None) for tp in touchpoints}
    except Exception:  # a config without a touchpoint map: the steps as named
        return None
    stage = stages.pop() if len(stages) == 1 else None
    return stage if isinstance(stage, str) else None


def _by_stage(text: str) -> bool:
    """"At which stage do they leave", "stage by stage rather than touchpoint by touchpoint":
    stages, unless they are what is turned down ("touchpoints, not stages")."""
    return bool(re.search(r"\bstage", text)) and not re.search(
        r"\b(?:rather than|instead of|not|no) (?:by |per |at the |the )?stages?\b", text)


# "if we give people 48 hours to come back and buy", "a 2 day cart window": how long an
# abandoned cart has before it counts as abandoned.
_CART_WINDOW = re.compile(r"\b(\d{1,3}|one|two|three|four|five|six|seven|twelve|twenty-four) ?[- ]?(hours?|hrs?|h|days?)\b"
                          r"(?= (?:\w+ ){0,2}(?:to (?:\w+ )?(?:come back|return|finish|complete|check ?out|buy|order|pay)|"
                          r"(?:cart |basket |grace )?(?:window|grace|cut[- ]?off)))|"
                          r"\b(?:window|grace period|cut[- ]?off) of (\d{1,3}) ?(hours?|hrs?|h|days?)\b")


def cart_window_hours(text: str) -> int | None:
    """The cart-abandonment window a question sets, in hours (1 to 168), or None."""
    from bot.agent.vocab import NUMBER_WORDS

    m = _CART_WINDOW.search(text)
    if m is None:
        return None
    n_word, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    n = int(n_word) if n_word.isdigit() else 24 if n_word == "twenty-four" else NUMBER_WORDS.get(n_word, 0)
    hours = n * (24 if unit.startswith("d") else 1)
    return max(1, min(hours, 168)) if n else None


def _windows(slots: Any, metrics: list[str]) -> dict[str, int]:
    """The churn and cart windows a question sets, for the KPIs that use them (kpis, compare
    and trend all take them: "compare churn with a 60 day window" is not the default 90)."""
    out: dict[str, int] = {}
    text = text_of(slots)
    window = churn_window_days(text) if "churn_rate" in metrics else None
    if window:
        out["churn_window_days"] = window
    hours = cart_window_hours(text) if "cart_abandonment" in metrics else None
    if hours:
        out["cart_window_hours"] = hours
    return out


def _plan_kpis(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = _common(slots)
    metrics = metrics_from(slots)
    if metrics:
        args["metrics"] = metrics
    args.update(_windows(slots, metrics))
    return args


def _plan_trend(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = _common(slots)
    metrics = metrics_from(slots)
    args["metric"] = metrics[0] if metrics else "purchase_conversion"
    grain = getattr(slots, "grain", None) or series_grain(text_of(slots))
    if grain:
        args["grain"] = grain
    args.update(_windows(slots, [args["metric"]]))
    from bot.agent.time_peaks import plan_trend_peak  # "which day was busiest?"

    return plan_trend_peak(slots, args)


def _plan_compare(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = _common(slots, _default_compare_period(slots))
    metrics = metrics_from(slots)
    if metrics:
        args["metrics"] = metrics
    args.update(_windows(slots, metrics))
    against = period_args(getattr(slots, "against", None))
    if against:
        args["against"] = against
    return args


def _default_compare_period(slots: Any) -> str:
    """"week on week" looks at this week, "month on month" (and no hint) at this month."""
    text = text_of(slots)
    if re.search(r"\bweek on week\b|\bwow\b|\bweekly\b|\bthis week\b", text):
        return "this_week"
    if re.search(r"\bday on day\b|\bdaily\b", text):
        return "yesterday"
    return "this_month"


def _plan_movers(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    # "which channel is behind the change in orders?" with no period: this month against the
    # last, as the compare tool reads the same question without a group.
    args = _common(slots, "this_month")
    metrics = metrics_from(slots)
    args["metric"] = metrics[0] if metrics else "revenue"
    by = getattr(slots, "breakdown", None)
    args["by"] = by if by in KPI_DIMS else "channel"
    against = period_args(getattr(slots, "against", None))
    if against:
        args["against"] = against
    if getattr(slots, "top", None):
        args["top"] = max(1, min(int(slots.top), 50))
    from bot.agent.group_levels import plan_levels  # "revenue by town": each group's level

    return plan_levels(slots, args)


def analytics_tools() -> list[ToolSpec]:
    from bot.agent.group_levels import LEVEL_CUES, boost_levels, side_by_side
    from bot.agent.time_peaks import TIME_PEAK_CUES, boost_trend_peak, pattern_asked, time_peak
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
            cached=True,
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
            boost=boost_funnel,
        ),
        ToolSpec(
            name="dropoffs",
            params=DropoffParams,
            run=_dropoffs,
            cached=True,
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
            cached=True,
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
            cached=True,
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
            boost=boost_kpis,
        ),
        ToolSpec(
            name="trend",
            params=TrendParams,
            run=_trend,
            cached=True,
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
            cues=(*TREND_CUES, *TIME_PEAK_CUES),
            plan=_plan_trend,
            # also "which day was busiest?"; never "revenue by day of the week" (a pattern, time_pattern)
            boost=lambda slots: -1.0 if pattern_asked(slots) else max(boost_trend(slots), boost_trend_peak(slots)),
        ),
        ToolSpec(
            name="compare",
            params=CompareParams,
            run=_compare,
            cached=True,
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
            # two groups set side by side ("Clifton vs Redland") are movers' levels, not two periods
            boost=lambda slots: -0.4 if side_by_side(slots) else boost_compare(slots),
        ),
        ToolSpec(
            name="movers",
            params=MoversParams,
            run=_movers,
            cached=True,
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
            cues=(*MOVER_CUES, *LEVEL_CUES),
            plan=_plan_movers,
            # a change, or each group's level; never "which day/month was busiest" (a time, not a group)
            boost=lambda slots: -1.0 if time_peak(slots) else max(boost_movers(slots), boost_levels(slots)),
        ),
    ]
