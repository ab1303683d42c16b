"""The predictive tools for the agent and the planner: churn risk, revenue forecast, purchase
propensity and next best actions. They share one model registry per process (built from the
config) and train missing models on first use."""

from __future__ import annotations

from typing import Any

from bot.agent.tools import ToolContext, ToolSpec


def _registry(ctx: ToolContext):
    from tools.predict.registry import ModelRegistry

    return ctx.service("predict_registry", lambda: ModelRegistry(ctx.store, ctx.config.models_dir))


def _settings(ctx: ToolContext):
    return ctx.config.predict.settings()


def _filters(slots: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if getattr(slots, "persona", None):
        out["persona"] = slots.persona
    if getattr(slots, "channels", None):
        out["channel"] = list(slots.channels)
    return {"filters": out} if out else {}


def _at_risk(ctx: ToolContext, params: Any):
    from tools.predict.churn import at_risk_customers

    return at_risk_customers(ctx.store, params, registry=_registry(ctx), settings=_settings(ctx))


def _newly(ctx: ToolContext, params: Any):
    from tools.predict.churn import newly_at_risk

    return newly_at_risk(ctx.store, params, registry=_registry(ctx), settings=_settings(ctx))


def _forecast(ctx: ToolContext, params: Any):
    from tools.predict.forecast import revenue_forecast

    return revenue_forecast(ctx.store, params, registry=_registry(ctx), settings=_settings(ctx),
                            currency=ctx.config.business.currency)


def _propensity(ctx: ToolContext, params: Any):
    from tools.predict.propensity import purchase_propensity

    return purchase_propensity(ctx.store, params, registry=_registry(ctx), settings=_settings(ctx))


def _actions(ctx: ToolContext, params: Any):
    from tools.predict.actions import next_best_actions

    return next_best_actions(ctx.store, params, registry=_registry(ctx), settings=_settings(ctx))


def _forecast_plan(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = (getattr(slots, "text", "") or "").lower()
    horizon = "next_90_days"
    if "quarter" in text:
        horizon = "next_quarter"
    elif "month" in text:
        horizon = "next_month"
    elif "year" in text or "12 months" in text:
        horizon = "next_365_days"
    out: dict[str, Any] = {"horizon": horizon, **_filters(slots)}
    if getattr(slots, "breakdown", None):
        out["by"] = slots.breakdown
    return out


def predict_tools() -> list[ToolSpec]:
    from tools.predict.actions import NextActionsParams
    from tools.predict.churn import AtRiskParams, NewlyAtRiskParams
    from tools.predict.forecast import RevenueForecastParams
    from tools.predict.propensity import PropensityParams

    return [
        ToolSpec(
            name="at_risk_customers",
            params=AtRiskParams,
            run=_at_risk,
            description=(
                "Customers at high risk of not buying again in the coming weeks (the churn model's "
                "window after the last day of data), how many, what they spent in the last 12 months, "
                "and why each is at risk. Says which model scored them and how it tested against a "
                "simple recency rule."),
            examples=("who is at risk this month?", "which valuable customers might we lose?",
                      "who is likely to churn?"),
            phrasings=("customers at risk", "who might leave", "who is about to stop buying",
                       "churn risk", "at-risk customers", "customers we might lose"),
            keywords=("risk", "churn", "leave", "lose", "lapsing", "danger", "likely to leave", "stop buying"),
            plan=lambda slots, ctx: {**({"limit": slots.top} if getattr(slots, "top", None) else {}),
                                     **_filters(slots)},
        ),
        ToolSpec(
            name="newly_at_risk",
            params=NewlyAtRiskParams,
            run=_newly,
            description=(
                "Customers who became high risk recently (compared with N days ago or the previous "
                "saved scoring), their count and value, and how many are at high risk in all."),
            examples=("who is newly at risk this week?", "has anyone become at risk lately?"),
            phrasings=("newly at risk", "became at risk", "new at-risk customers"),
            keywords=("newly", "became"),
            plan=lambda slots, ctx: {"days": 7, **_filters(slots)},
        ),
        ToolSpec(
            name="revenue_forecast",
            params=RevenueForecastParams,
            run=_forecast,
            description=(
                "Expected revenue and purchases from existing customers over a coming period, from a "
                "buy-till-you-die model (BG/NBD + Gamma-Gamma), optionally by segment or persona, with "
                "how well the model predicted a held-out recent period."),
            examples=("what is our expected revenue from existing customers next quarter?",
                      "how much will our customers spend next month?", "customer lifetime value forecast"),
            phrasings=("expected revenue from existing customers", "revenue forecast", "forecast sales",
                       "lifetime value", "what will customers spend", "CLV forecast"),
            keywords=("forecast", "expected", "next quarter", "next month", "will spend", "future"),
            plan=_forecast_plan,
        ),
        ToolSpec(
            name="purchase_propensity",
            params=PropensityParams,
            run=_propensity,
            description=(
                "Who is likely to buy in the next weeks (the purchase model's horizon), customers and "
                "prospects, and how many buyers to expect."),
            examples=("who is likely to buy soon?", "which prospects are close to buying?"),
            phrasings=("likely to buy", "purchase propensity", "ready to buy", "close to a first order"),
            keywords=("likely", "propensity", "prospects"),
            plan=lambda slots, ctx: {**({"limit": slots.top} if getattr(slots, "top", None) else {}),
                                     **_filters(slots)},
        ),
        ToolSpec(
            name="next_best_actions",
            params=NextActionsParams,
            run=_actions,
            description=(
                "What to do next for customers or a group (a persona, segment or one customer): one "
                "action per customer from ordered rules an owner can read (e.g. high value + rising "
                "churn risk + recent complaint -> personal follow-up), each with its reason, "
                "summarised with the headline action for the group."),
            examples=("what should we do for The Regular persona?", "who needs a personal follow-up?",
                      "what is the next best action for our customers?"),
            phrasings=("what should we do for", "next best action", "what to do about customers",
                       "recommended actions", "how do we keep them"),
            keywords=("should we do", "action", "recommend", "follow-up"),
            plan=lambda slots, ctx: {**({"by": slots.breakdown} if getattr(slots, "breakdown", None) else {}),
                                     **_filters(slots)},
        ),
    ]
