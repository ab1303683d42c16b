"""Arguments every analysis shares, read from the planner's slots: the period as the tools take
it and the customers a question names (bot/agent/analytics_tools.py, journey_plans.py and the
feedback, satisfaction and time-pattern tools use them)."""

from __future__ import annotations

from typing import Any


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


def common(slots: Any, default_period: str | None = None) -> dict[str, Any]:
    args = period_from(slots, default_period)
    filters = filters_from(slots)
    if filters:
        args["filters"] = filters
    return args
