"""Arguments every analysis shares, read from the planner's slots: the period as the tools take
it and the customers a question names (bot/agent/analytics_tools.py, journey_plans.py and the
feedback, satisfaction and time-pattern tools use them)."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy, rx

# The channel as the CRM records it ("signup source", "acquisition channel", "the crm says")
_ACQUIRED = lazy(r"\bcrm\b|\bsign[- ]?up (?:source|channel)s?\b|\bacquisition (?:channels?|sources?)\b|"
                       r"\bacquired (?:via|through|from|on|by)\b|\bhow (?:they|customers) were acquired\b")
# "skip any group with fewer than 5", "ignore towns under 20 customers", "only groups of at least
# 10": the least size a group needs to be listed
_LEAST_GROUP = lazy(
    r"\b(?:skip|ignore|drop|leave out|exclude|hide|without)\s+(?:any |all |the )?(?:\w+ )?(?:groups?|ones|channels|segments|"
    r"cities|towns|regions|areas|bands|personas)\s+(?:with |of |that have |having )?(?:fewer|less|smaller) than\s+(\d{1,6})\b|"
    r"\b(?:skip|ignore|drop|leave out|exclude|hide)\s+(?:any |all |the )?(?:\w+ )?(?:groups?|ones|channels|segments|cities|"
    r"towns|regions|areas|bands|personas)\s+(?:under|below)\s+(\d{1,6})\b|"
    r"\b(?:only|just)\s+(?:the )?(?:\w+ )?(?:groups?|ones|channels|segments|cities|towns|regions|areas|bands|personas)\s+"
    r"(?:with|of|that have|having)\s+(?:at least|over|more than|a minimum of)\s+(\d{1,6})\b")


def filters_from(slots: Any) -> dict[str, Any]:
    """Customer filters the question names: a saved persona, first-touch channels, segments,
    places and age bands (tools.analytics.filters.Filters fields)."""
    out: dict[str, Any] = {k: list(v) for k, v in (getattr(slots, "filters", None) or {}).items() if v}
    if getattr(slots, "persona", None):
        out["persona"] = slots.persona
    if getattr(slots, "channels", None):
        # "customers whose crm signup source is word of mouth": the channel the CRM records, not
        # the first touch in the journey data
        crm = _ACQUIRED.search(getattr(slots, "norm", "") or (getattr(slots, "text", "") or "").lower())
        out["acquisition_channel" if crm else "channel"] = list(slots.channels)
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


def common(slots: Any, default_period: str | None = None) -> dict[str, Any]:
    args = period_from(slots, default_period)
    filters = filters_from(slots)
    if filters:
        args["filters"] = filters
    return args


def least_group_size(text: str) -> int | None:
    """The least size of a group a question lets through ("skip any group with fewer than 5"),
    or None; "more than 10" lets 11 through."""
    m = _LEAST_GROUP.search(text)
    if m is None:
        return None
    n = int(next(g for g in m.groups() if g))
    return max(1, n + 1 if rx.search(r"\b(?:over|more than) \d", m.group(0)) else n)
