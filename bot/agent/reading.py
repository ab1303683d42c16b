"""How the planner read a question, in words, and the other readings it could have meant.

Every answer starts with its reading ("Purchase conversion by first-touch channel, last 30
days"), so a question answered differently than meant is caught at a glance. When the reading
is uncertain (another tool scored close, a KPI, period or group word was not understood, a KPI
had to be assumed) the answer says so and offers up to three alternatives: buttons in Slack,
suggested questions in the terminal. Each alternative carries its tool and arguments, and a
question that the planner reads the same way.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from bot.agent.group_levels import LOWEST
from bot.agent.refused_asks import (
    COURTESY,
    COURTESY_REPLY,
    ELSEWHERE,
    HARM_AT_START,
    HARM_REFUSAL,
    NAMING,
)
from bot.agent.slots import Slots
from bot.agent.vocab import OFF_TOPIC
from bot.answer import Alternative, Answer
from tools.core.text import in_words

# The planner (bot/agent/planner.py) calls these with itself and its Plan; they are typed Any
# here so that this module does not import the planner back.
OfflinePlanner = Any
Plan = Any

MAX_ALTERNATIVES = 3
COMMON_METRICS = ("revenue", "orders", "purchase_conversion", "nps")  # offered when no KPI was named
WEAK = 0.6  # a best score below this is a guess, said as one
CLEAR_MARGIN = 0.2  # a plausible runner-up closer than this makes the reading uncertain
MIN_PLAUSIBLE = 0.3  # a runner-up below this is no real alternative

# How to ask for each KPI so the planner reads it back as that KPI.
METRIC_WORDS: dict[str, str] = {
    "active_customers": "active customers", "new_visitors": "new visitors",
    "purchase_conversion": "purchase conversion", "conversion_consideration": "awareness to consideration conversion",
    "conversion_decision": "consideration to decision conversion", "conversion_purchase": "checkout conversion",
    "conversion_post_purchase": "purchase to post-purchase conversion",
    "conversion_advocacy": "post-purchase to advocacy conversion", "sessions": "web sessions",
    "session_conversion": "session conversion", "bounce_rate": "bounce rate", "exit_rate": "exit rate",
    "cart_abandonment": "cart abandonment", "revenue": "revenue", "orders": "number of orders",
    "aov": "average order value", "repeat_purchase_rate": "repeat purchase rate", "clv": "clv",
    "time_to_first_purchase": "time to first purchase", "churn_rate": "churn rate",
    "delivery_time": "delivery time", "delivery_time_p90": "p90 delivery time",
    "on_time_delivery": "on-time delivery", "csat": "csat", "csat_mean": "average review score",
    "nps": "nps", "survey_responses": "number of survey responses", "tickets": "number of support tickets",
    "open_tickets": "open tickets", "first_response_time": "first response time",
    "first_response_time_p90": "p90 first response time", "resolution_time": "resolution time",
    "resolution_time_p90": "p90 resolution time", "session_length": "session length", "pages_per_session": "pages per session",
}
_DESTRUCTIVE = re.compile(r"\b(?:delete|remove|get rid of|wipe|erase|forget|undo|drop|scrap|clear|cancel|"
                          r"kill|destroy|reset|nuke|trash|obliterate)\b")


def _label(metric: str) -> str:
    from tools.analytics.kpi_catalog import SPECS

    spec = SPECS.get(metric)
    return spec.label if spec else metric.replace("_", " ")


def _period(value: Any) -> str:
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


def _who(filters: Any) -> str:
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


def _validated(spec: Any, args: dict[str, Any]) -> Any:
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
    p = _validated(spec, args) if spec is not None else None
    if p is None:  # arguments the tool refuses: shown as words, the tool's error says what is wrong
        shown = "; ".join(f"{k.replace('_', ' ')}: {in_words(v)}" for k, v in args.items())
        return f"{tool.replace('_', ' ').capitalize()} ({shown})"
    get = lambda name, default=None: getattr(p, name, default)  # noqa: E731
    when = _period(get("period"))
    who = _who(get("filters"))
    text = _describe(tool, p, get, when, who)
    return text[0].upper() + text[1:]


def _describe(tool: str, p: Any, get: Any, when: str, who: str) -> str:
    metrics = ", ".join(_label(m) for m in (get("metrics") or [])) or "the headline KPIs"
    by = str(get("by") or "").replace("_", " ")
    if tool == "kpis":
        least = get("min_orders")
        if least and least != 2 and "repeat_customers" in (get("metrics") or []):
            # "bought more than 3 times": said as the count it is, as the table's row says it
            from tools.analytics.kpi_catalog import at_least_label

            metrics = metrics.replace(_label("repeat_customers"), at_least_label(least))
        return f"{metrics}, {when}{who}"
    if tool == "trend":
        return f"{_label(get('metric'))} {get('grain')} by {get('grain')}, {when}{who}"
    if tool == "time_pattern":  # its period defaults by unit: 90 days, all the data by month
        span = when or ("all the data" if get("by") == "month" else "last 90 days")
        unit = {"weekday": "day of the week", "hour": "hour of the day", "month": "month of the year"}[get("by")]
        return f"{_label(get('metric'))} by {unit}, {span}{who}"
    if tool == "compare":
        against = _period(get("against")) or "the period before"
        return f"{metrics}, {when} against {against}{who}"
    if tool == "movers":
        if get("rank") == "value":  # each group's own level ("revenue by town")
            return f"{_label(get('metric'))} by {by}, {when}{who}"
        return f"which {by} moved {_label(get('metric'))} most, {when} against the period before{who}"
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
    return _plain_action(tool, p)


def _living(get: Any, lead: str = " from customers in ") -> str:
    places = " in ".join(" or ".join(p) for p in (get("city"), get("region")) if p)  # "Leeds in Yorkshire"
    return f"{lead}{places}" if places else ""


def _plain_action(tool: str, p: Any) -> str:
    data = p.model_dump(exclude_defaults=True, exclude_none=True) if p is not None else {}
    data.pop("request", None)
    shown = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in data.items())
    return tool.replace("_", " ") + (f": {shown}" if shown else "")


# -- uncertainty and the other readings -------------------------------------------------------


_METRIC_TOOLS = ("kpis", "trend", "compare", "movers")
# tools with groups of their own ("which product categories get the worst reviews?") or that
# look for words in what customers wrote: a category there is no missing group
_OWN_GROUPS = ("satisfaction_by", "feedback_search", "feedback_themes", "feedback_sentiment")


def _groups_held(planner: OfflinePlanner) -> str:
    """The groups this data can be split by (a store without cities is not offered cities)."""
    from tools.analytics.filters import groups_held

    try:
        have: set[str] | None = set(groups_held(planner.ctx.store))
    except Exception:  # a busy store: say what journeybot can split by in general
        have = None
    dims = (("channel", "channel"), ("segment", "segment"), ("city", "city"), ("region", "region"),
            ("age band", "age_band"), ("persona", "persona"))
    held = [word for word, dim in dims if have is None or dim in have]
    if not held:
        return "this data holds no channels, segments, places, age bands or personas to split by"
    return "this data can be split by " + (", ".join(held[:-1]) + " and " + held[-1] if len(held) > 1 else held[0])


# The KPI that counts the people a share is of, for "how many customers buy again?" read as the
# repeat purchase rate: the owner is told which number to ask for.
_HEAD_COUNT = {"repeat_purchase_rate": "the number is Repeat customers (ask “how many repeat customers”)",
               "purchase_conversion": "the number of customers with a completed order is Buyers (ask “how many "
                                      "buyers”)"}
_NO_COUNT = "the rate times its n is about how many"


def _kpi_of(plan: Plan) -> str:
    metrics = plan.args.get("metrics") or [plan.args.get("metric")]
    return str(metrics[0]) if metrics else ""


def reasons(planner: OfflinePlanner, plan: Plan) -> list[str]:
    """Why the reading may be wrong, in words (empty when it is clear)."""
    from bot.agent.meaning_notes import notes
    from bot.agent.product_sales_tool import sold_by

    out = list(getattr(plan, "notes", ()))  # e.g. read by resemblance (bot/agent/similar.py)
    slots = plan.slots
    out += notes(slots, plan.args)  # a group, step or segment read by meaning (bot/agent/meaning_args.py)
    places = [*(slots.filters or {}).get("city", ()), *(slots.filters or {}).get("region", ())]
    if places and plan.spec and plan.spec.name.startswith("feedback_") and not (
            plan.args.get("city") or plan.args.get("region")):  # never a silent loss of the place
        out.append(f"what customers wrote is not tied to a town or region, so this is everyone's, not only {' or '.join(places)}")
    for kind, words in slots.unknown:
        if kind == "metric" and plan.spec and "metric" in "".join(plan.spec.params.model_fields):
            out.append(f"I don't know “{words}” as a KPI")
        elif kind == "period":
            out.append(f"I can't read “{words}” as dates, so I used the default period")
        elif kind == "who" and not any(words in w for k, w in slots.unknown if k == "group"):
            out.append(f"I don't know “{words}” as a channel, segment, place or persona, so everyone is counted")
        elif kind == "review_site" and planner is not None:  # "amazon reviews against yelp"
            from bot.agent.review_sites import not_loaded

            said = not_loaded(planner.ctx.store, words)
            out += [said] if said else []
        elif kind == "place":  # "the north east" where the data's regions are counties
            out.append(f"“{words}” is not a region or town in the loaded data, so no place is picked out by it")
        elif kind == "group" and plan.spec and plan.spec.name not in _OWN_GROUPS and not (
                plan.spec.name == "product_sales" and sold_by(words)):  # its answer says whether orders list them
            out.append(f"“{words}” is not in the loaded data, so nothing here is split by it; {_groups_held(planner)}")
        elif kind == "count" and plan.spec and plan.spec.name in _METRIC_TOOLS:
            out.append(f"this is a share, not the head count “{words}” asks for: {_HEAD_COUNT.get(_kpi_of(plan), _NO_COUNT)}")
        elif kind == "unanswered" and plan.spec and plan.spec.name in _METRIC_TOOLS:
            out.append(f"no KPI is “{words}” as such: the first reply's n counts the tickets answered, and its note "
                       "those still without a reply")
        elif kind == "status" and plan.spec and plan.spec.name in _METRIC_TOOLS:
            out.append(f"orders, revenue and AOV count completed orders only, not orders “{words}”; the note on "
                       "order statuses gives the period's other orders by status, and `journeybot describe` "
                       "all orders by status (refunds and cancellations are KPIs of their own)")
    if plan.spec is not None and plan.spec.name == "movers" and plan.args.get("rank") == "value" \
            and plan.args.get("top") == 50 and LOWEST.search(slots.norm):
        out.append("groups are listed highest first, all of them: the lowest is the last")
    assumed = plan.spec is not None and plan.spec.name in ("trend", "movers") and not slots.metrics
    if assumed:
        out.append(f"no KPI was named, so I used {_label(plan.args.get('metric', ''))}")
    if not plan.follow_up and len(plan.candidates) > 1 and plan.spec is not None:
        best, second = plan.candidates[0], plan.candidates[1]
        close = second.score >= MIN_PLAUSIBLE and best.score - second.score < CLEAR_MARGIN
        guessed = best.score < WEAK and not best.cues and not (slots.metrics or slots.stages)
        if close or guessed:
            out.append("the question could mean more than one analysis")
    return out


def alternatives(planner: OfflinePlanner, plan: Plan, key: str) -> list[Alternative]:
    """Up to three other readings when the reading is uncertain; none when it is clear."""
    if plan.spec is None or not reasons(planner, plan):
        return []
    out: list[Alternative] = []
    slots = plan.slots
    takes_metric = plan.spec.name in ("kpis", "trend", "compare", "movers")
    unknown_metric = [w for k, w in slots.unknown if k == "metric"]
    read_as = [w for k, w in slots.unknown if k == "read_as"]  # runners-up of a KPI read by meaning (arg_match.py)
    if takes_metric and (unknown_metric or not slots.metrics or read_as):
        picks = read_as or (closest_metrics(" ".join(unknown_metric)) if unknown_metric else list(COMMON_METRICS))
        for metric in [m for m in picks if m != plan.args.get("metric")][:2]:
            args = _with_metric(plan.spec.name, plan.args, metric)
            out.append(alternative(planner, plan.spec.name, args, slots))
    out += _read_otherwise(planner, plan, key)
    if any(k == "period" for k, _ in slots.unknown) and "period" in plan.spec.params.model_fields:
        for name in ("last_90_days", "this_year", "all"):
            if plan.args.get("period") != {"name": name}:
                out.append(alternative(planner, plan.spec.name, {**plan.args, "period": {"name": name}}, slots))
    for cand in plan.candidates[1:]:
        spec = planner.by_name.get(cand.tool)
        if spec is None or spec.changes_state or spec.plan is None or cand.score < 0.5 * plan.score:
            continue
        args = spec.plan(slots, planner.ctx.for_conversation(key))
        out.append(alternative(planner, spec.name, args, slots))
        if len(out) >= MAX_ALTERNATIVES:
            break
    seen, unique = set(), []
    for alt in out:
        if alt.label not in seen and not (alt.tool == plan.spec.name and alt.args == plan.args):
            seen.add(alt.label)
            unique.append(alt)
    return unique[:MAX_ALTERNATIVES]


def _read_otherwise(planner: OfflinePlanner, plan: Plan, key: str) -> list[Alternative]:
    """The question with a runner-up of a group, step or segment read by meaning in place
    (bot/agent/meaning_args.py), as the planner plans it; never a tool that changes something."""
    from bot.agent.meaning_notes import other_questions

    out = []
    for question in other_questions(plan.slots, plan.args):
        other = planner.plan(question, key)
        if other.spec is not None and not other.spec.changes_state:
            out.append(Alternative(understood(other.spec.name, other.args, other.slots, other.spec), question,
                                   other.spec.name, other.args))
    return out


def closest_metrics(words: str) -> list[str]:
    """KPIs whose names sound closest to the words ("purchase ratio" -> purchase conversion)."""
    from tools.analytics.kpi_catalog import METRICS

    names = {METRIC_WORDS.get(m, m.replace("_", " ")): m for m in METRICS}
    names.update({_label(m).lower(): m for m in METRICS})
    scored = sorted(((difflib.SequenceMatcher(None, words.lower(), n).ratio(), m) for n, m in names.items()),
                    reverse=True)
    out: list[str] = []
    for _, m in scored:
        if m not in out:
            out.append(m)
    return out[:3]


def _with_metric(tool: str, args: dict[str, Any], metric: str) -> dict[str, Any]:
    out = dict(args)
    if tool in ("trend", "movers"):
        out["metric"] = metric
    else:
        out["metrics"] = [metric]
    return out


def alternative(planner: OfflinePlanner, tool: str, args: dict[str, Any], slots: Slots) -> Alternative:
    spec = planner.by_name[tool]
    return Alternative(understood(tool, args, slots, spec), question_for(tool, args, spec), tool, args)


def question_for(tool: str, args: dict[str, Any], spec: Any) -> str:
    """A question the planner reads as this tool with these arguments (for the terminal)."""
    p = _validated(spec, args)
    get = (lambda n, d=None: getattr(p, n, d)) if p is not None else (lambda n, d=None: args.get(n, d))
    when = _period(get("period"))
    when = "" if not when else (f" {when}" if when.startswith("on ") else f" in the {when}"
                                if when.startswith("last") else f" {when}")
    who = _who(get("filters"))
    metric = METRIC_WORDS.get(str(get("metric") or ""), str(get("metric") or "").replace("_", " "))
    metrics = " and ".join(METRIC_WORDS.get(m, m) for m in (get("metrics") or []))
    questions = {
        "kpis": f"what is our {metrics or 'headline numbers'}{when}{who}?",
        "trend": f"{metric} {get('grain')} by {get('grain')}{when}{who}",
        "compare": f"compare {metrics or 'the kpis'}{when} with the period before{who}",
        "movers": f"which {str(get('by') or 'channel').replace('_', ' ')} "
                  + (f"has the most {metric}{when}?" if get("rank") == "value" else f"drove the change in {metric}{when}?"),
        "funnel": f"show the funnel{when}{who}",
        "feedback_search": f"what do customers say about {get('query')}?" if get("query")
        else f"show me angry customers{when}" if (get("max_sentiment") or 1) < 0
        else f"show me what customers wrote{when}",
        "feedback_themes": f"what are the main themes in feedback{when}?",
        "feedback_sentiment": f"how do customers feel, by {get('by')}{when}?",
        "dropoffs": f"where do we lose people{when}{who}?",
        "paths": f"what are the most common paths to purchase{when}{who}?",
        "journey_map": f"show the journey map{when}{who}",
        "revenue_forecast": f"forecast revenue from existing customers, {str(get('horizon')).replace('_', ' ')}",
        "customer_lifetime_value": "customer lifetime value" + (f" by {get('by')}" if get("by") else ""),
        "at_risk_customers": f"which customers are at risk of leaving{who}?",
    }
    return questions.get(tool) or (spec.examples[0] if spec.examples else tool.replace("_", " "))


_OUTSIDE = ("{}: it does not look like a question about your customers or your shop's "
            "data, and I answer from your data only. What I can do: your numbers and how they moved (sales, "
            "conversion, satisfaction, churn), the customer journey (funnels, drop-offs, paths, the journey map), "
            "what customers say, who is at risk and what to expect, alerts and personas. Try one of these:")


def ask_back(planner: OfflinePlanner, plan: Plan, question: str, key: str) -> Answer:
    """No tool fits: say so plainly, and offer what might be meant."""
    slots = plan.slots
    from bot.agent.product_sales import no_product_sales, product_sales_noun
    from bot.agent.unmeasured import not_in_data

    missing = None if _DESTRUCTIVE.search(slots.norm) else not_in_data(slots.norm)
    if missing:  # "how long do sessions last?": what the data lacks, said, not another KPI
        return Answer(missing, "offline", suggestions=planner.suggestions())
    noun = product_sales_noun(slots.norm)
    if noun and not _DESTRUCTIVE.search(slots.norm):  # "which brands sell best?": no line items, said so
        return Answer(no_product_sales(noun), "offline", suggestions=planner.suggestions())
    if re.match(COURTESY, slots.norm):  # "ta mate, ur a legend": thanks, not a question to refuse
        return Answer(COURTESY_REPLY, "offline", suggestions=planner.suggestions())
    off_topic = not planner._about_the_business(slots)
    if (off_topic and OFF_TOPIC.search(slots.norm)) or re.match(NAMING, slots.norm) or re.match(ELSEWHERE, slots.norm):
        # "how do i reset the wifi router?": outside the data, whatever the verb
        return Answer(_OUTSIDE.format("I can't help with that"), "offline", suggestions=planner.suggestions())
    if re.search(HARM_AT_START, slots.norm):  # "set fire to the database": refused, never routed
        return Answer(HARM_REFUSAL, "offline", suggestions=planner.suggestions())
    if _DESTRUCTIVE.search(slots.norm):
        text = ("I only delete, change or forget something when the request names it, and I ask "
                "before doing it. Which one do you mean? For example “delete the revenue alert” or "
                "“list the alert rules” to see their names.")
        return Answer(text, "offline", suggestions=["list the alert rules", "show personas"])
    if off_topic:  # gibberish or something else: less sure it is outside, so said less flatly
        return Answer(_OUTSIDE.format("I'm not sure how to help with that"), "offline", suggestions=planner.suggestions())
    alts = []
    for cand in plan.candidates[:MAX_ALTERNATIVES]:
        spec = planner.by_name.get(cand.tool)
        if spec is None or spec.changes_state or spec.plan is None or cand.score < 0.15:
            continue
        args = spec.plan(slots, planner.ctx.for_conversation(key))
        alts.append(alternative(planner, spec.name, args, slots))
    text = ("I'm not sure which analysis you mean, and I answer offline without a language model, "
            "so I stick to questions I can map to an analysis.")
    if alts:
        text += " Did you mean one of these?"
        return Answer(text, "offline", alternatives=alts, suggestions=[a.question for a in alts])
    return Answer(text + " Try one of these:", "offline", suggestions=planner.suggestions())


def reading_lead(line: str, why: list[str], fixes: list[tuple[str, str]] | None = None) -> str:
    """The first line of an answer: the reading, the typos it read past, and why it may be wrong
    when it may be."""
    if fixes:
        line += " (reading " + ", ".join(f"“{a}” as {b}" for a, b in fixes[:3]) + ")"
    if not why:
        return f"{line}:"
    return f"I read this as: {line} (not sure: {'; '.join(why)}). Other readings are offered below.\n"


def confirmation_text(tool: str, args: dict[str, Any], line: str) -> str:
    return (f"I read this as: {line}.\nThat changes what journeybot keeps, so nothing has been done "
            "yet. Confirm to go ahead (the button in Slack, “y” in the terminal, or `--yes`).")
