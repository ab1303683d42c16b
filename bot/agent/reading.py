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
from typing import Any

from bot.agent.group_levels import LOWEST
from bot.agent.patterns import lazy, rx
from bot.agent.refused_asks import (
    COURTESY,
    COURTESY_REPLY,
    ELSEWHERE,
    HARM_AT_START,
    HARM_REFUSAL,
    NAMING,
)
from bot.agent.slots import Slots
from bot.agent.understood import metric_label, period_words, understood, validated, who_words
from bot.agent.vocab import OFF_TOPIC
from bot.answer import Alternative, Answer

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
    "low_review_share": "share of 1 or 2 star reviews",
    "nps": "nps", "survey_responses": "number of survey responses", "tickets": "number of support tickets",
    "open_tickets": "open tickets", "first_response_time": "first response time",
    "first_response_time_p90": "p90 first response time", "resolution_time": "resolution time",
    "resolution_time_p90": "p90 resolution time", "session_length": "session length", "pages_per_session": "pages per session",
}
_DESTRUCTIVE = lazy(r"\b(?:delete|remove|get rid of|wipe|erase|forget|undo|drop|scrap|clear|cancel|"
                          r"kill|destroy|reset|nuke|trash|obliterate)\b")


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
            from bot.agent.ticket_subjects import subject_not_split

            # (lane real25) twcs's brand is each ticket's subject: held, but no tool splits by it
            held = subject_not_split(planner.ctx.store, words) if planner is not None else None
            out.append(held or f"“{words}” is not in the loaded data, so nothing here is split by it; {_groups_held(planner)}")
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
        out.append(f"no KPI was named, so I used {metric_label(plan.args.get('metric', ''))}")
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
    names.update({metric_label(m).lower(): m for m in METRICS})
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
    p = validated(spec, args)
    get = (lambda n, d=None: getattr(p, n, d)) if p is not None else (lambda n, d=None: args.get(n, d))
    when = period_words(get("period"))
    when = "" if not when else (f" {when}" if when.startswith("on ") else f" in the {when}"
                                if when.startswith("last") else f" {when}")
    who = who_words(get("filters"))
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
    if rx.match(COURTESY, slots.norm):  # "ta mate, ur a legend": thanks, not a question to refuse
        return Answer(COURTESY_REPLY, "offline", suggestions=planner.suggestions())
    off_topic = not planner._about_the_business(slots)
    if (off_topic and OFF_TOPIC.search(slots.norm)) or rx.match(NAMING, slots.norm) or rx.match(ELSEWHERE, slots.norm):
        # "how do i reset the wifi router?": outside the data, whatever the verb
        return Answer(_OUTSIDE.format("I can't help with that"), "offline", suggestions=planner.suggestions())
    if rx.search(HARM_AT_START, slots.norm):  # "set fire to the database": refused, never routed
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
