"""What the planner understood, in words: the first line of every answer ("Purchase conversion
by first-touch channel, last 30 days"), built from the tool, its validated arguments and the
slots read from the question. Split from bot/agent/reading.py (uncertainty and alternatives)
when that reached the size limit."""

from __future__ import annotations

from typing import Any

from bot.agent.slots import Slots
from tools.alerts.manage import NO_METRIC_GIVEN
from tools.core.text import in_words


def metric_label(metric: str) -> str:
    from tools.analytics.kpi_catalog import SPECS

    spec = SPECS.get(metric)
    return spec.label if spec else metric.replace("_", " ")


def period_words(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "model_dump"):
        value = value.model_dump(exclude_none=True)
    if isinstance(value, dict):
        if value.get("name"):
            name = str(value["name"])
            return "all the data" if name == "all" else name.replace("_", " ")
        start, end = value.get("start"), value.get("end")
        if start and end and str(start) == str(end):
            return f"on {start}"
        return f"{start or 'the start'} to {end or 'the last day of data'}"
    return str(value)


def who_words(filters: Any) -> str:
    if filters is None:
        return ""
    data = filters.active() if hasattr(filters, "active") else dict(filters)
    if not data:
        return ""
    from tools.analytics.filters import DIMENSION_LABELS

    parts = []
    for dim, value in data.items():
        shown = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
        parts.append(f"{DIMENSION_LABELS.get(dim, dim)} {shown}")
    return " for " + " and ".join(parts)


def validated(spec: Any, args: dict[str, Any]) -> Any:
    try:
        return spec.params.model_validate(args)
    except Exception:
        return None


def answered_args(args: dict[str, Any], result: Any) -> dict[str, Any]:
    """The arguments as the tool answered them: a satisfaction measure the surveys lack is
    answered in the one they hold (NPS for a 1-5 score, and back), and the reading says the
    measure used, as the answer's body does, not the one asked for; likewise a trend's grain."""
    asked, used = getattr(result, "asked", ""), getattr(result, "measure", None)
    if asked and isinstance(used, str) and used != asked and args.get("measure", asked) != used:
        return {**args, "measure": used}
    # A trend over data dated by month only is shown month by month whatever grain was asked:
    # the heading says the grain shown, not "week by week" over monthly points.
    from tools.analytics.trends import TrendParams, TrendResult

    if isinstance(result, TrendResult) and result.grain != args.get("grain", "week"):
        # the period stays the one answered: a month grain left unset would default to 180 days
        period = TrendParams.model_validate(args).period.model_dump(mode="json", exclude_none=True)
        return {**args, "grain": result.grain, "period": period}
    return args


def understood(tool: str, args: dict[str, Any], slots: Slots | None = None, spec: Any = None) -> str:
    """The reading of a question as one line: what will be computed, for whom, when."""
    if spec is None:
        from bot.agent.catalog import tool_spec

        spec = tool_spec(tool)
    p = validated(spec, args) if spec is not None else None
    if p is None:  # arguments the tool refuses: shown as words, the tool's error says what is wrong
        shown = "; ".join(f"{k.replace('_', ' ')}: {in_words(v)}" for k, v in args.items())
        return f"{tool.replace('_', ' ').capitalize()} ({shown})"
    get = lambda name, default=None: getattr(p, name, default)  # noqa: E731
    when = period_words(get("period"))
    who = who_words(get("filters"))
    text = _describe(tool, p, get, when, who)
    return text[0].upper() + text[1:]


def _describe(tool: str, p: Any, get: Any, when: str, who: str) -> str:
    metrics = ", ".join(metric_label(m) for m in (get("metrics") or [])) or "the headline KPIs"
    by = str(get("by") or "").replace("_", " ")
    if tool == "kpis":
        least = get("min_orders")
        if least and least != 2 and "repeat_customers" in (get("metrics") or []):
            # "bought more than 3 times": said as the count it is, as the table's row says it
            from tools.analytics.kpi_catalog import at_least_label

            metrics = metrics.replace(metric_label("repeat_customers"), at_least_label(least))
        return f"{metrics}, {when}{who}"
    if tool == "trend":
        return f"{metric_label(get('metric'))} {get('grain')} by {get('grain')}, {when}{who}"
    if tool == "time_pattern":  # its period defaults by unit: 90 days, all the data by month
        span = when or ("all the data" if get("by") == "month" else "last 90 days")
        unit = {"weekday": "day of the week", "hour": "hour of the day", "month": "month of the year"}[get("by")]
        return f"{metric_label(get('metric'))} by {unit}, {span}{who}"
    if tool == "compare":
        against = period_words(get("against")) or "the period before"
        return f"{metrics}, {when} against {against}{who}"
    if tool == "movers":
        if get("rank") == "value":  # each group's own level ("revenue by town")
            return f"{metric_label(get('metric'))} by {by}, {when}{who}"
        return f"which {by} moved {metric_label(get('metric'))} most, {when} against the period before{who}"
    if tool == "funnel":
        steps = get("touchpoints") or get("stages")
        route = " → ".join(steps) if steps else "all six stages"
        return f"the funnel ({route}), {when}{who}" + (f", by {by}" if by else "")
    if tool == "dropoffs":
        goal = get("goal_touchpoint") or get("goal_stage")
        return f"where people who did not reach {goal} left, by {get('level')}, {when}{who}"
    if tool == "paths":
        return f"the common paths to {get('goal_touchpoint') or get('goal_stage')}, by {get('level')}, {when}{who}"
    if tool == "feedback_search":
        extra = " (negative only)" if (get("max_sentiment") or 1) < 0 else ""
        src = f" in {', '.join(get('source'))}s" if get("source") else ""
        cust = f" from customer {get('customer_id')}" if get("customer_id") else ""
        scores = ""
        for scale in ("csat", "nps"):  # "what do customers who gave 1 star say?": said, not only applied
            lo, hi = get(f"min_{scale}"), get(f"max_{scale}")
            if lo is not None or hi is not None:
                span = (f"{lo}" if lo == hi else f"{lo}-{hi}" if lo is not None and hi is not None
                        else f"{lo} or more" if lo is not None else f"{hi} or less")
                scores += f" with {scale.upper()} {span}"
        if not get("query"):  # no topic: ranked by tone (tools/feedback/tone_ranked.py)
            what = ("the most negative feedback" if extra else "the most positive feedback"
                    if (get("min_sentiment") or -1) > 0 else "the latest feedback")
            return f"{what}{src}{cust}{scores}{_living(get)}, {when}"
        return f"feedback about “{get('query')}”{extra}{src}{cust}{scores}{_living(get)}, {when}"
    if tool == "feedback_sentiment":
        return f"how customers{_living(get, ' in ')} feel, by {by}, {when}"
    if tool == "feedback_themes":
        tone = {"negative": "complaint ", "positive": "praise "}.get(get("sentiment"), "")
        return f"the main {tone}themes in feedback{_living(get)}, {when}"
    if tool == "customer_lifetime_value":
        return "customer lifetime value" + (f" by {by}" if by else "") + who
    if tool == "at_risk_customers":
        return f"customers at {str(get('tier')).replace('_', ' and ')} risk of not buying again{who}"
    if tool == "newly_at_risk":
        return f"customers newly at high risk (against {get('days')} days ago){who}"
    if tool == "revenue_forecast":
        return f"expected revenue from existing customers, {str(get('horizon')).replace('_', ' ')}" \
               + (f", by {by}" if by else "") + who
    if tool == "purchase_propensity":
        return f"who is likely to buy soon ({get('who')}){who}"
    if tool == "next_best_actions":
        return "the next best action" + (f" for customer {get('customer_id')}" if get("customer_id") else
                                         f" per customer{who}")
    if tool == "journey_map":
        stage = f", the {get('stage')} stage in detail" if get("stage") else ""
        return f"the customer journey map, {when}{who}{stage}"
    if tool == "digest":
        return f"the {get('cadence')} digest" + (f" for {get('date')}" if get("date") else "")
    if tool == "satisfaction_by":  # was "Satisfaction by: filters {'region': ['SP']}"
        from tools.analytics.satisfaction import BY_WORDS
        from tools.analytics.satisfaction_stats import MEASURES

        return f"{MEASURES[get('measure')].label} by {BY_WORDS[get('by')]}, {when}{who}"
    if tool == "product_interest":  # (lane real29a) "views by brand (apple), all the data"
        named = f" ({' or '.join(get('name'))})" if get("name") else ""
        only = ", only those never bought" if get("unbought") else ""
        return f"{get('measure')} by {by.replace('product category', 'category')}{named}{only}, {when}"
    if tool == "tickets_by_brand":  # (lane real29b) said as a ranking, not "rank tickets, complaints True"
        what = "Complaints (tickets)" if get("complaints") else "Tickets"
        if get("brands"):
            return f"{what} of {', '.join(get('brands'))}, {when}"
        if get("rank") == "tickets":
            return f"{what} by brand, most first, {when}"
        return f"{what} by brand, {get('order')} first reply first, {when}"
    return _plain_action(tool, p)


def _living(get: Any, lead: str = " from customers in ") -> str:
    places = " in ".join(" or ".join(p) for p in (get("city"), get("region")) if p)  # "Leeds in Yorkshire"
    return f"{lead}{places}" if places else ""


def _plain_action(tool: str, p: Any) -> str:
    data = p.model_dump(exclude_defaults=True, exclude_none=True) if p is not None else {}
    data.pop("request", None)
    if data.get("metric") == NO_METRIC_GIVEN:  # the planner's placeholder for an alert with no figure said
        data["metric"] = "not named"
    # in words, as "I tried ..." says them: "period 1-30 September 2026", never a Python dict
    shown = ", ".join(f"{k.replace('_', ' ')} {in_words(v)}" for k, v in data.items())
    return tool.replace("_", " ") + (f": {shown}" if shown else "")
