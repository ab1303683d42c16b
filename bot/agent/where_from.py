"""(lane real29a) Where customers come from: all of them, not the last 30 days' few.

"Which states do most customers come from?" and "which city has the most customers?" were read as
active customers by place over the default last 30 days: over Olist, whose last month holds 16
customers, the answer ranked those 16 (SP 8 of 16) as if they were where the shop's 8,016 customers
live. A question of where customers come from, live or are based, or which place has the most
customers, asked with no period, is about every customer: the same split over all the data. A
period said ("which states did customers come from last month?") is kept."""

from __future__ import annotations

import dataclasses

from bot.agent.patterns import lazy
from bot.agent.plan import Plan

_PEOPLE = r"(?:customers|clients|buyers|shoppers|people|patients|members|guests|students)"
WHERE_FROM = lazy(
    rf"\b{_PEOPLE} (?:\w+ )?(?:come from|came from|coming from|are from|live|living|are based|based|are located|located)\b|"
    rf"\bwhere (?:do|are|did) (?:our |the |most )?(?:of )?(?:our )?{_PEOPLE} (?:come from|from|based|located|live)\b|"
    rf"\b(?:which|what) (?:states?|cit(?:y|ies)|regions?|towns?|countries|country|counties|county|areas?|places?) "
    rf"(?:\w+ ){{0,2}}(?:most|the most|more|fewest|the fewest|least) {_PEOPLE}\b|"
    rf"\b(?:most|more) {_PEOPLE} (?:\w+ )?(?:in|from) (?:which|what) \w+")
_HEADS = frozenset({"active_customers", "customers", "buyers", "new_customers"})


def everyone_by_place(plan: Plan) -> Plan:
    """Customers by place with no period said, asked as where they come from: over all the data."""
    if plan.spec is None or plan.spec.name != "movers" or plan.follow_up or plan.slots.period:
        return plan
    if plan.args.get("metric") not in _HEADS or plan.args.get("by") not in ("region", "city"):
        return plan
    if not WHERE_FROM.search(plan.slots.norm):
        return plan
    return dataclasses.replace(plan, args={**plan.args, "period": {"name": "all"}})
