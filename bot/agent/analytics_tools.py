"""Journey and KPI analyses for the agent and the planner: funnel, drop-offs, paths, KPIs,
trends, comparisons and top movers. Each wraps a function of tools/ unchanged; the `plan`
functions turn the slots the planner read from a question into that tool's arguments."""

from __future__ import annotations

from typing import Any

from bot.agent.alert_plain_words import ALERT_JUDGED
from bot.agent.alert_rule_said import ALERT_YARDSTICK_SAID
from bot.agent.analytics_cues import (
    COMPARE_CUES,
    KPI_CUES,
    KPI_DIMS,
    MOVER_CUES,
    TREND_CUES,
    boost_compare,
    boost_funnel,
    boost_kpis,
    boost_movers,
    boost_trend,
    metrics_from,
    steps_listed,
    text_of,
)
from bot.agent.change_by_group import CHANGE_SPLIT_COMPARE_CUES, CHANGE_SPLIT_CUES
from bot.agent.churn_spans import said_churn_window
from bot.agent.drift_words import DRIFT_CUES
from bot.agent.dropoff_sense import DROPOFF_SENSE_CUES
from bot.agent.either_way import EITHER_WAY_CUES
from bot.agent.feeling_pairs import FEELING_PAIR_COMPARE_CUES
from bot.agent.journey_cues import DROPOFF_CUES, FUNNEL_CUES, PATH_CUES
from bot.agent.journey_plans import plan_dropoffs, plan_funnel, plan_paths
from bot.agent.kpi_loose_asks import LOOSE_ASK_CUES
from bot.agent.kpi_plain_words import PLAIN_CUES
from bot.agent.kpi_said_plainly import PLAIN_ASK_CUES
from bot.agent.kpi_sayings import SAYING_COMPARE_CUES, SAYING_CUES
from bot.agent.kpi_worth_and_takings import KPI_CUES as WORTH_CUES
from bot.agent.loose_days import LOOSE_DAYS_CUES
from bot.agent.patterns import lazy, rx
from bot.agent.period_pairs import THAN_CUES, boost_two_periods
from bot.agent.plan_args import common, filters_from, least_group_size, period_args, period_from
from bot.agent.same_days import SAME_DAYS_CUES
from bot.agent.series_cues import (
    AS_A_SERIES_CUES,
    SERIES_COMPARE_CUES,
    boost_series,
    series_grain_asked,
)
from bot.agent.series_words import series_grain
from bot.agent.stage_span import stage_span, window_alone
from bot.agent.tools import ToolContext, ToolSpec

__all__ = ["analytics_tools", "filters_from", "metrics_from", "period_args", "period_from"]


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


# How long a basket sits before it counts as abandoned (kpis' cart_window_hours): one number and
# one unit, after words that say it is the window (the lead) or, with no lead, before them
# (lanes probe22a, probe22b, tune33 and unify34 read the same idea; one pattern keeps their union).
_CART_HOURS = r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|twelve|twenty-four) ?[- ]?(?P<unit>hours?|hrs?|h|days?)\b"
_CART_WINDOW = lazy(
    r"(?:\b(?P<lead>"
    # "a grace period of 36 hours", "a cut-off of 2 days"
    r"(?:window|grace period|cut[- ]?off) of |"
    # "counting a cart as saved if they buy within 48 hours"
    r"(?:buy|buys|bought|order|orders|ordered|pay|pays|paid|purchase\w*|check(?:s|ed)? ?out|come back|comes back|came back|"
    r"return\w*|complete\w*|finish\w*)\b(?: \w+){0,3} within (?:the )?(?:next )?|"
    # "if we allow 24 hours", "when we give shoppers two days": the grace the owner sets
    r"(?:if|when|assuming) (?:we |you |i )?(?:allow|give|wait|leave) (?:them |people |customers |shoppers |it |a cart |"
    r"baskets? )?(?:up to |a full )?|"
    # "only count a basket as dumped if it sits there 48 hours": the basket, its verdict, then when
    r"(?:basket|cart|trolley|bag)s? (?:\w+ ){0,2}?(?:as |is |are |counts? as |counted as )?(?:dumped|abandoned|ditched|lost|"
    r"gone|dead|left)\b(?: [\w']+){0,5}? (?:after|once|if|when|unless|until)(?: [\w']+){0,3}? (?:over |more than |at least )?|"
    # "counted as dumped after 48 hours", "given up on after a full 2 days", "lost if it sits idle for over 2 days"
    r"(?:abandon(?:ed)?|dumped|ditched|dead|lost|left|gone|walked away|given up(?: on)?) (?:only )?"
    r"(?:(?:after|once|past|beyond) (?:a full |the )?|if (?:it )?sits? (?:untouched |there |idle )?(?:for )?(?:over |more than )?)|"
    # "a cart left 2 days counts as abandoned", "only baskets sitting 36h+": how long a basket sits
    r"(?:basket|cart|trolley|bag)s? (?:left|sitting|sits|sat|stays|lies|lying|untouched|idle)(?: (?:there|idle|untouched|about|around))?"
    r"(?: for)?(?: over| more than| at least)? "
    r"))?" + _CART_HOURS +
    # no lead: the words after it say it is the window ("a 24 hour window", "two days to come back")
    r"(?(lead)|(?= (?:\w+ ){0,2}(?:to (?:\w+ )?(?:come back|return|finish|complete|check ?out|buy|order|pay)|"
    r"(?:cart |basket |grace )?(?:window|grace|cut[- ]?off))|"
    # (lane probe28a) "if 12 hours left alone counts as abandoned", "treating 6 hours as gone": the hours said
    # as what makes a basket abandoned
    r"(?= (?:left alone |untouched |idle |sitting |of nothing |without (?:a |an )?(?:order|sale|checkout) )?"
    r"(?:counts? |counted |is |are )?as (?:abandoned|dumped|ditched|gone|lost|dead)\b)))")


_BASKET_COUNTED = lazy(r"\bcount\w* (?:a |the |their )?(?:basket|cart|trolley|bag)s? as\b")


def cart_window_hours(text: str) -> int | None:
    """The cart-abandonment window a question sets, in hours (1 to 168), or None."""
    from bot.agent.vocab import NUMBER_WORDS

    m = _CART_WINDOW.search(text)
    if m is None:
        return None
    n_word, unit = m.group("n", "unit")
    n = int(n_word) if n_word.isdigit() else 24 if n_word == "twenty-four" else NUMBER_WORDS.get(n_word, 0)
    hours = n * (24 if unit.startswith("d") else 1)
    return max(1, min(hours, 168)) if n else None


def _windows(slots: Any, metrics: list[str]) -> dict[str, int]:
    """The churn and cart windows a question sets, for the KPIs that use them (kpis, compare
    and trend all take them: "compare churn with a 60 day window" is not the default 90)."""
    out: dict[str, int] = {}
    text = text_of(slots)
    window = said_churn_window(text) if "churn_rate" in metrics else None
    if window:
        out["churn_window_days"] = window
    # (lane probe22a) a follow-up that only sets when a basket counts as abandoned names no KPI: the
    # window is still said
    hours = cart_window_hours(text) if "cart_abandonment" in metrics or _BASKET_COUNTED.search(text) else None
    if hours:
        out["cart_window_hours"] = hours
    return out


# "bought more than 3 times", "4 or more times", "at least five times": the least number of orders
# a repeat customer is counted at (tools/analytics/kpis.py min_orders); "twice" is the default.
_TIMES = r"(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)"
_UNITS = r"(?:times|orders|purchases|visits|bookings|hires|jobs|appointments|sessions|classes|lessons|rentals)"
_ORDINALS = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "tenth": 10,
             "10th": 10}
_NTH = "(" + "|".join(_ORDINALS) + ")"
_MIN_ORDERS = lazy(rf"\bmore than {_TIMES} {_UNITS}\b|"
                         rf"\b(?:at least|minimum of|a minimum of) {_TIMES} {_UNITS}\b|"
                         rf"\b{_TIMES}(?: or more|\+| plus) {_UNITS}\b|"
                         rf"\b{_TIMES} {_UNITS} or more\b|"
                         # "bought more than twice", "at least thrice": the count said as an adverb
                         r"\bmore than (twice|thrice)\b|\b(?:at least|a minimum of) (thrice)\b|"
                         # (lane ps16) "on their third order or more", "up to a 4th booking or beyond"
                         # (lane ps21) whatever the unit: "on their third pot or more"
                         # (lane probe22c) and its measure: "on their third pair of gloves or more"
                         rf"\b(?:on|at|made|placed|reached|up to) (?:their|a|the|his|her) {_NTH}(?: [\w-]+){{0,2}} "
                         r"[\w-]+ (?:or|and) (?:more|beyond|above|later|after|up|over)\b|"
                         # (lane probe23a) a follow-up's bare "what about 3rd or more": the ordinal alone
                         rf"\b{_NTH} (?:one )?(?:or|and) (?:more|beyond|above|up|over)\b")


def min_orders(text: str) -> int | None:
    """The least number of completed orders "how many customers bought more than 3 times?" counts
    (4), or None when the question sets none beyond the default two."""
    from bot.agent.vocab import NUMBER_WORDS

    # the last said counts: a follow-up's "what about 3rd or more" comes after the question it changes
    m = next(reversed(list(_MIN_ORDERS.finditer(text))), None)
    if m is None:
        return None
    word = next(g for g in m.groups() if g)
    n = (int(word) if word.isdigit() else {"twice": 2, "thrice": 3}.get(word) or _ORDINALS.get(word)
         or NUMBER_WORDS.get(word, 0))
    n += 1 if m.group(0).startswith("more than") else 0
    # (lane probe24c) "on their 2nd kayak or more": two said as an ordinal is asked for, not the default left
    if word in ("second", "2nd"):
        return 2
    return n if 2 < n <= 100 else None


def _plan_kpis(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = common(slots)
    metrics = metrics_from(slots)
    if metrics:
        args["metrics"] = metrics
    args.update(_windows(slots, metrics))
    # (lane probe23a) with no KPI said, a bare "what about 3rd or more" is the repeat count a follow-up changes
    least = min_orders(text_of(slots)) if "repeat_customers" in metrics or not metrics else None
    if least:
        args["min_orders"] = least
    return args


def _plan_trend(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = common(slots)
    metrics = metrics_from(slots)
    args["metric"] = metrics[0] if metrics else "purchase_conversion"
    grain = series_grain_asked(text_of(slots)) or getattr(slots, "grain", None) or series_grain(text_of(slots))
    if grain:
        args["grain"] = grain
    args.update(_windows(slots, [args["metric"]]))
    from bot.agent.time_peaks import plan_trend_peak  # "which day was busiest?"

    return plan_trend_peak(slots, args)


def _plan_compare(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    args = common(slots, _default_compare_period(slots))
    metrics = metrics_from(slots)
    if metrics:
        args["metrics"] = metrics
    args.update(_windows(slots, metrics))
    against = period_args(getattr(slots, "against", None))
    if against:
        args["against"] = against
    return args


def _default_compare_period(slots: Any) -> str:
    """"week on week" looks at this week, "quarter on quarter" at this quarter, "month on month" (and
    no hint) at this month."""
    text = text_of(slots)
    if rx.search(r"\bweek on week\b|\bwow\b|\bweekly\b|\bthis week\b", text):
        return "this_week"
    if rx.search(r"\bday on day\b|\bdaily\b", text):
        return "yesterday"
    if rx.search(r"\bquarter on quarter\b|\bqoq\b|\bq/q\b", text):
        return "this_quarter"
    return "this_month"


def _plan_movers(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    # "which channel is behind the change in orders?" with no period: this month against the
    # last, as the compare tool reads the same question without a group.
    args = common(slots, "this_month")
    metrics = metrics_from(slots)
    args["metric"] = metrics[0] if metrics else "revenue"
    by = getattr(slots, "breakdown", None)
    args["by"] = by if by in KPI_DIMS else "channel"
    against = period_args(getattr(slots, "against", None))
    if against:
        args["against"] = against
    if getattr(slots, "top", None):
        args["top"] = max(1, min(int(slots.top), 50))
    from bot.agent.change_by_group import one_group_asked

    one = one_group_asked(text_of(slots))
    if one:  # "orders fell, was it one region in particular?": every region's share, that group
        args.pop("top", None)
        args["by"] = by if by in KPI_DIMS else one
    least = least_group_size(text_of(slots))
    if least:  # "skip any channel with fewer than 20 customers"
        args["min_n"] = least
    from bot.agent.group_either import (
        suspects_as_groups,  # "is it the vip lot or the newsletter lot who moved it"
    )
    from bot.agent.group_levels import plan_levels  # "revenue by town": each group's level

    return plan_levels(slots, suspects_as_groups(text_of(slots), args))


def analytics_tools() -> list[ToolSpec]:
    from bot.agent.blame_words import boost_blame
    from bot.agent.group_either import EITHER_CUES
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
            plan=plan_funnel,
            boost=lambda slots: max(boost_funnel(slots), stage_span(slots) or window_alone(slots) or -9.0),  # a stretch of stages asked
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
            keywords=("drop off", "drop-off", "lose", "losing", "give up", "leave", "abandon*", "bail", "leak*"),
            cues=DROPOFF_CUES + DROPOFF_SENSE_CUES,
            plan=plan_dropoffs,
            # "where do we lose them between quote and deposit": the funnel; (lane probe29b) so are the
            # steps listed before "where do we lose folks"
            boost=lambda slots: -stage_span(slots) - (0.8 if steps_listed(slots) else 0.0),
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
            plan=plan_paths,
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
            cues=(*KPI_CUES, *SAYING_CUES, *PLAIN_CUES, *PLAIN_ASK_CUES, *WORTH_CUES, *LOOSE_ASK_CUES),
            plan=_plan_kpis,
            boost=lambda slots: boost_kpis(slots) - 0.6 * boost_two_periods(slots),  # it would drop the second period
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
            cues=(*TREND_CUES, *TIME_PEAK_CUES, *AS_A_SERIES_CUES),
            plan=_plan_trend,
            # also "which day was busiest?"; never "revenue by day of the week" (a pattern, time_pattern)
            boost=lambda slots: -1.0 if pattern_asked(slots) else max(boost_trend(slots), boost_trend_peak(slots),
                                                                    boost_series(slots)),
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
            cues=(*COMPARE_CUES, *SAYING_COMPARE_CUES, *CHANGE_SPLIT_COMPARE_CUES, *SERIES_COMPARE_CUES, *THAN_CUES,
                  *SAME_DAYS_CUES, *FEELING_PAIR_COMPARE_CUES, *LOOSE_DAYS_CUES, *EITHER_WAY_CUES,
                  *DRIFT_CUES, (ALERT_YARDSTICK_SAID, -1.0), (ALERT_JUDGED, -1.0)),
            plan=_plan_compare,
            # two groups set side by side ("Clifton vs Redland") are movers' levels, not two periods
            boost=lambda slots: -0.4 if side_by_side(slots) else boost_compare(slots) + boost_two_periods(slots),
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
            keywords=("drove", "driving", "movers", "contribut*", "behind the", "which segment", "which channel",
                      "which city", "explain"),
            cues=(*MOVER_CUES, *LEVEL_CUES, *CHANGE_SPLIT_CUES, *EITHER_CUES),
            plan=_plan_movers,
            # a change, or each group's level; never "which day/month was busiest" (a time, not a group)
            boost=lambda slots: -1.0 if time_peak(slots) else max(boost_movers(slots), boost_levels(slots),
                                                                  boost_blame(slots)),
        ),
    ]
