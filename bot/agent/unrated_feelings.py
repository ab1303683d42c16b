"""Feelings the rules send to a tool that cannot answer them: "what share of reviews are
positive?" of reviews nobody scored, and two places compared on a feeling.

The rules read the share of positive reviews as CSAT (the share of 4s and 5s), which is right
where the answers carry a CSAT score. A review export with texts only (the UCI sentences, an app
store dump) has none: the KPI would come back empty while the texts' sentiment answers the
question as asked. The planner checks the data before it settles on CSAT for a question about
feelings, and says which reading it took through the tool it names.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.agent.patterns import lazy
from bot.agent.plan import Plan

_FEELING = lazy(r"\b(?:positive|negative|good|bad|poor|happy|unhappy|angry|upset|critical|favou?rable|unfavou?rable|glowing|"
                      r"nice|kind|pleased|satisfied)\b")


def _counts(store: Any) -> tuple[int, int, int] | None:
    """How many survey answers have a CSAT score, an NPS score and a text (None: no surveys)."""
    try:
        with store.connect() as con:
            return con.execute("SELECT count(csat), count(nps), count(text) FROM surveys").fetchone()
    except Exception:  # noqa: BLE001 - no surveys table: the rules' reading stands
        return None


def _scored(store: Any) -> bool | None:
    """Whether any survey answer has a CSAT score and any text is there (None: cannot tell)."""
    counts = _counts(store)
    return None if not counts or not counts[2] else bool(counts[0])


_CSAT_BY_NAME = lazy(r"\bcsat\b|\bstars?\b|\b(?:out )?of (?:5|five)\b|\b1 ?(?:-|to) ?5\b")  # CSAT itself, asked by name
NPS_INSTEAD = "the surveys hold no CSAT scores, only NPS (0-10), so this is NPS"


def sentiment_without_csat(planner: Any, plan: Plan) -> Plan:
    """For a CSAT question about feelings on data without CSAT: the NPS the surveys hold (said),
    else the texts' sentiment."""
    # (lane real28b) "what share of reviews are negative" is the low ratings' share where scored
    metrics = plan.args.get("metrics")
    if plan.spec is None or plan.spec.name != "kpis" or metrics not in (["csat"], ["low_review_share"]):
        return plan
    counts = _counts(planner.ctx.store)
    if metrics == ["csat"] and counts and not counts[0] and counts[1] and not _CSAT_BY_NAME.search(plan.slots.norm or ""):
        # "how satisfied are customers?" where the surveys only ever asked for NPS
        return dataclasses.replace(plan, args={**plan.args, "metrics": ["nps"]}, notes=(*plan.notes, NPS_INSTEAD))
    if not _FEELING.search(plan.slots.norm or ""):
        return plan
    sentiment = planner.by_name.get("feedback_sentiment")
    if sentiment is None or sentiment.plan is None or _scored(planner.ctx.store) is not False:
        return plan
    args = sentiment.plan(plan.slots, planner.ctx)
    return dataclasses.replace(plan, spec=sentiment, args=args)


# "are customers in the north east happier than in the south?": two places set against each
# other on a feeling. The sentiment tool cannot split by place; each region's (or town's)
# review score side by side answers it, whichever of the places the data knows by name.
_HAPPIER_THAN_IN = lazy(r"\b(?:happier|unhappier|more (?:satisfied|content|positive)|less (?:happy|satisfied|content)|"
                              r"(?:like|rate) us (?:more|better|less))\b.{0,40}\bthan (?:\w+ )?(?:in|at|from|round|around)\b")


def satisfaction_by_place(planner: Any, plan: Plan) -> Plan:
    """Each region's (or city's) review score for a feeling compared between places."""
    movers = planner.by_name.get("movers")
    if plan.spec is None or movers is None or movers.plan is None or plan.slots.metrics \
            or not _HAPPIER_THAN_IN.search(plan.slots.norm or ""):
        return tone_between_segments(planner, plan)
    filters = dict(plan.slots.filters or {})
    by = "city" if filters.get("city") and not filters.get("region") else "region"
    for place in ("city", "region"):  # the places compared are the rows, not a filter
        filters.pop(place, None)
    slots = dataclasses.replace(plan.slots, metrics=["csat_mean"], breakdown=by, filters=filters)
    args = {**movers.plan(slots, planner.ctx), "by": by, "metric": "csat_mean", "rank": "value"}
    if not (plan.slots.period or plan.slots.step):
        args["period"] = {"name": "last_30_days"}  # as "review score by region" reads
    return dataclasses.replace(plan, spec=movers, args=args, slots=slots)


# (lane tune31) "are newsletter collectors more negative in tone than loyalty ones": two CRM
# segments set against each other on the feeling of what they wrote. The sentiment tool cannot
# split by segment; each segment's mean sentiment side by side answers it.
_TONE_THAN = lazy(r"\b(?:(?:more|less) (?:positive|negative|upbeat|grumpy|harsh|sour|critical|moany|cheerful)|happier|"
                        r"grumpier|moodier|angrier|crosser|nicer|kinder|harsher)\b.{0,60}\b(?:than|vs\.?|versus|compared)\b")


def tone_between_segments(planner: Any, plan: Plan) -> Plan:
    """Each segment's mean sentiment for a feeling compared between CRM segments."""
    spec = planner.by_name.get("satisfaction_by")
    filters = dict(plan.slots.filters or {})
    if plan.spec is None or plan.spec.name != "feedback_sentiment" or spec is None or spec.plan is None \
            or not filters.get("segment") or not _TONE_THAN.search(plan.slots.norm or ""):
        return plan
    filters.pop("segment")  # the segments compared are the rows, not a filter
    slots = dataclasses.replace(plan.slots, breakdown="segment", filters=filters)
    args = {**spec.plan(slots, planner.ctx), "measure": "sentiment", "by": "segment"}
    return dataclasses.replace(plan, spec=spec, args=args, slots=slots)
