"""A count asked again as a rate: "how many lessons got cancelled?" then "and as a % of all
bookings?" (or "what % of orders is that", "as a rate?") asks for the cancellation rate over the
same days. Re-read alone, the follow-up named the bookings (the rate's denominator) as the KPI,
and "of all bookings" as all the data."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy
from bot.agent.slot_readers import _RATE_OF as RATE_OF

_DENOMINATOR = r"(?:orders|bookings|appointments|reservations|jobs|sales|purchases|customers|buyers|people)"
_AS_RATE = lazy(
    r"\bas an? (?:rate|percentage|share|proportion|ratio|%|fraction|per ?cent(?:age)?)(?!\w)|\bin (?:percent(?:age)?s?|% terms)\b|"
    r"\b(?:what|which) (?:%|percentage|share|proportion|per ?cent|fraction|part) (?:of (?:all |the |our )?[\w-]+ )?"
    r"(?:is|was|are|were|does|did) (?:that|those|it|this|them|these)\b")
_OF_ALL = lazy(rf"\bof all (?:the |our |my )?(?:\w+ )?{_DENOMINATOR}\b")


def as_rate(previous: dict[str, Any], args: dict[str, Any], text: str) -> dict[str, Any]:
    """The follow-up's arguments with the last answer's counts turned into their rates."""
    if not _AS_RATE.search(text):
        return args
    key = "metrics" if "metrics" in previous else "metric" if "metric" in previous else None
    if key is None:
        return args
    before = previous[key] if isinstance(previous[key], list) else [previous[key]]
    now = args.get(key, before)
    now = now if isinstance(now, list) else [now]
    if not any(code in RATE_OF for code in before) or not set(now) <= {"orders", "buyers", *before}:
        return args  # the follow-up names a KPI of its own ("and revenue as a share?")
    rates = list(dict.fromkeys(RATE_OF.get(code, code) for code in before))
    out = {**args, key: rates if key == "metrics" else rates[0]}
    if _OF_ALL.search(text) and args.get("period") == {"name": "all"} and "period" in previous:
        out["period"] = previous["period"]  # "of all bookings": every booking of those days
    return out


# "as a percentage of all flights tho?", "and as a % of the hires?": the rate asked on its own,
# whatever the trade calls what the count is a share of (the KPI words know only some of those
# nouns, so without this the follow-up named no KPI and no tool)
RATE_AGAIN = (r"^(?:(?:and|so|ok|okay|but|now|right|what about|how about),? )*(?:as an? (?:rate|percentage|share|proportion|"
              r"ratio|%|fraction|per ?cent(?:age)?)|in (?:percent(?:age)?s?|% terms)|(?:what|which) (?:%|percentage|share|proportion|"
              r"per ?cent|fraction) (?:of (?:all |the |our )?[\w-]+ )?(?:is|was|are|were) (?:that|those|it|this|them))(?!\w)")
_COUNTING_TOOLS = ("kpis", "compare", "trend", "movers")


def rated_by_follow_up(specs: list[Any]) -> list[Any]:
    """The KPI analyses take "as a percentage (of all ...)" as a follow-up of themselves."""
    from dataclasses import replace

    return [replace(s, follow_ups=(*s.follow_ups, RATE_AGAIN)) if s.name in _COUNTING_TOOLS else s for s in specs]
