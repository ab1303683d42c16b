"""`journeybot predict`: churn risk, lifetime value, next best actions and the model versions."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

import click

from bot.cli.common import Ctx, friendly_errors, pass_ctx, print_json, show_result
from tools.core.results import text_of

_FILTER_FLAGS = ("segment", "city", "region", "channel", "acquisition_channel", "age_band")


def filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--segment/--city/... (repeatable) and --persona, gathered into `filters`."""
    for name in reversed(_FILTER_FLAGS):
        fn = click.option(f"--{name.replace('_', '-')}", name, multiple=True,
                          help=f"Only customers with this {name.replace('_', ' ')} (repeatable).")(fn)
    fn = click.option("--persona", help="Only the members of this saved persona.")(fn)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from tools.analytics.filters import Filters

        values = {k: list(kwargs.pop(k)) or None for k in _FILTER_FLAGS}
        kwargs["filters"] = Filters(persona=kwargs.pop("persona"), **values)
        return fn(*args, **kwargs)


    return wrapper


def _registry(ctx: Ctx):
    from tools.predict.registry import ModelRegistry

    return ModelRegistry(ctx.store, ctx.config.models_dir)


def _scores(ctx: Ctx, filters: Any = None):
    """Score everyone, training missing models first (and saying so, since it takes a while).
    Filters are checked first, so a typo does not wait for a training run."""
    from tools.analytics.filters import validate_filters
    from tools.predict.scoring import missing_models, score_customers

    validate_filters(ctx.store, filters)
    registry = _registry(ctx)
    if missing_models(ctx.store, registry):
        ctx.err.print("No trained models yet: training them now (once) ...", markup=False)
    return registry, score_customers(ctx.store, registry, ctx.config.predict.settings())


@click.group()
def predict() -> None:
    """Who may leave, what customers are worth, what to do next, and the models behind it.

    \b
    Examples:
      journeybot predict train                 train or retrain every model now
      journeybot predict risk --sort value     valuable customers at high risk
      journeybot predict clv --horizon next_quarter --by segment
      journeybot predict actions --persona "The Regular"
      journeybot predict models                versions, training periods and scores
    """


@predict.command()
@click.option("--model", "models", multiple=True, type=click.Choice(["churn", "purchase", "clv"]),
              help="Train only this model (repeatable; default: all).")
@click.option("--if-new-data", is_flag=True,
              help="Skip models whose active version already covers the last day of data.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_ctx
@friendly_errors
def train(ctx: Ctx, models: tuple[str, ...], if_new_data: bool, as_json: bool) -> None:
    """Train the models on the data loaded now and register new versions.

    A new version that scores worse than the active one is kept but not used.

    \b
    Example:
      journeybot predict train --model churn
    """
    from tools.predict.registry import MODEL_NAMES
    from tools.predict.scoring import refresh_saved_scores
    from tools.predict.training import retrain

    registry, settings = _registry(ctx), ctx.config.predict.settings()
    report = retrain(ctx.store, registry, settings, now=dt.datetime.now(dt.UTC), models=models or MODEL_NAMES,
                     only_if_new_data=if_new_data)
    refresh_saved_scores(ctx.store, registry, settings)  # what the digest and alert check read
    from bot.agent.digest import save_digest_inputs

    save_digest_inputs(ctx.config, ctx.store)  # as the retrain job does: a dry run reads them
    show_result(ctx, report, as_json)


@predict.command()
@click.option("--tier", type=click.Choice(["high", "high_and_medium"]), default="high", show_default=True)
@click.option("--sort", "sort_by", type=click.Choice(["risk", "value", "rising"]), default="risk",
              show_default=True, help="Order by risk, last-12-month spend, or rise in risk.")
@click.option("--limit", type=click.IntRange(1, 200), default=15, show_default=True)
@click.option("--new", "new_days", type=click.IntRange(1, 180), metavar="DAYS",
              help="Only customers who became high risk in the last DAYS days.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@filter_options
@pass_ctx
@friendly_errors
def risk(ctx: Ctx, tier: str, sort_by: str, limit: int, new_days: int | None, as_json: bool, filters) -> None:
    """Customers at risk of not buying again soon, with their value and why.

    \b
    Examples:
      journeybot predict risk --sort value --limit 10
      journeybot predict risk --new 7            newly at high risk this week
    """
    from tools.predict.churn import (
        AtRiskParams,
        NewlyAtRiskParams,
        at_risk_customers,
        newly_at_risk,
    )

    registry, scores = _scores(ctx, filters)
    if new_days:
        result: Any = newly_at_risk(ctx.store, NewlyAtRiskParams(days=new_days, limit=limit, filters=filters),
                                    registry=registry, scores=scores)
    else:
        result = at_risk_customers(ctx.store, AtRiskParams(tier=tier, sort_by=sort_by, limit=limit,  # type: ignore[arg-type]
                                                           filters=filters), scores=scores)
    show_result(ctx, result, as_json)


@predict.command()
@click.option("--who", type=click.Choice(["everyone", "customers", "prospects"]), default="everyone",
              show_default=True)
@click.option("--min", "min_probability", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="List people at or above this purchase probability.")
@click.option("--limit", type=click.IntRange(1, 200), default=15, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@filter_options
@pass_ctx
@friendly_errors
def propensity(ctx: Ctx, who: str, min_probability: float, limit: int, as_json: bool, filters) -> None:
    """Who is likely to buy in the next weeks, customers and prospects.

    \b
    Example:
      journeybot predict propensity --who prospects --min 0.3
    """
    from tools.predict.propensity import PropensityParams, purchase_propensity

    _, scores = _scores(ctx, filters)
    params = PropensityParams(who=who, min_probability=min_probability, limit=limit, filters=filters)  # type: ignore[arg-type]
    show_result(ctx, purchase_propensity(ctx.store, params, scores=scores), as_json)


@predict.command()
@click.option("--horizon", type=click.Choice(["next_30_days", "next_90_days", "next_180_days",
                                              "next_365_days", "next_month", "next_quarter"]),
              default="next_90_days", show_default=True)
@click.option("--by", type=click.Choice(["channel", "acquisition_channel", "segment", "city", "region",
                                         "age_band", "persona"]), help="Break the forecast down.")
@click.option("--limit", type=click.IntRange(0, 200), default=10, show_default=True,
              help="Top customers to list.")
@click.option("--check", is_flag=True, help="Rerun the holdout check now and show it per customer group.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@filter_options
@pass_ctx
@friendly_errors
def clv(ctx: Ctx, horizon: str, by: str | None, limit: int, check: bool, as_json: bool, filters) -> None:
    """Expected revenue from existing customers (BG/NBD + Gamma-Gamma), and how well it held up.

    \b
    Examples:
      journeybot predict clv --horizon next_quarter --by segment
      journeybot predict clv --check            predicted vs actual on the last 60 days
    """
    from tools.predict.clv import holdout_check
    from tools.predict.forecast import RevenueForecastParams, revenue_forecast

    settings = ctx.config.predict.settings()
    params = RevenueForecastParams(horizon=horizon, by=by, limit=limit, filters=filters)  # type: ignore[arg-type]
    result = revenue_forecast(ctx.store, params, registry=_registry(ctx), settings=settings,
                              currency=ctx.config.business.currency)
    show_result(ctx, result, as_json)
    if check and not as_json:
        checked, _ = holdout_check(ctx.store, settings)
        ctx.console.print("", markup=False)
        ctx.console.print(text_of(checked, ctx.details), markup=False)
        ctx.console.print(checked.by_frequency.to_string(index=False, float_format=lambda v: f"{v:.3f}"),
                          markup=False)


def demo_lifetime_value(ctx: Ctx) -> None:
    """Demo section: what a customer is worth, by first-touch channel."""
    from tools.predict.lifetime import LifetimeValueParams, lifetime_value

    ctx.console.print("$ journeybot predict lifetime --by channel --limit 0", markup=False, style="dim")
    result = lifetime_value(ctx.store, LifetimeValueParams(by="channel", limit=0), registry=_registry(ctx),
                            settings=ctx.config.predict.settings())
    ctx.console.print(result.to_text(), markup=False)


@predict.command()
@click.option("--by", type=click.Choice(["segment", "channel", "acquisition_channel", "city", "region", "age_band",
                                        "persona"]), help="Break the value down.")
@click.option("--limit", type=click.IntRange(0, 200), default=10, show_default=True,
              help="Top customers to list.")
@click.option("--horizon", "horizon_days", type=click.IntRange(30, 1825), default=365, show_default=True,
              help="Days of expected future spend added to the spend so far.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@filter_options
@pass_ctx
@friendly_errors
def lifetime(ctx: Ctx, by: str | None, limit: int, horizon_days: int, as_json: bool, filters) -> None:
    """What a customer is worth over their lifetime: spend so far plus a year of expected spend.

    Mean and median per customer, by segment, first-touch channel, town, region, age band or
    persona, and the top customers; says so when the model did not beat its naive baseline on
    the holdout.
    (`predict clv` is the revenue forecast for a coming period.)

    \b
    Examples:
      journeybot predict lifetime
      journeybot predict lifetime --by channel --limit 5
    """
    from tools.predict.lifetime import LifetimeValueParams, lifetime_value

    params = LifetimeValueParams(by=by, limit=limit, horizon_days=horizon_days, filters=filters)  # type: ignore[arg-type]
    result = lifetime_value(ctx.store, params, registry=_registry(ctx), settings=ctx.config.predict.settings())
    show_result(ctx, result, as_json)


@predict.command()
@click.option("--action", type=click.Choice(["personal_follow_up", "win_back_valuable", "service_recovery",
                                             "win_back", "check_in", "convert_prospect", "reward_loyal",
                                             "no_discount_needed", "keep_in_touch"]),
              help="Only customers given this action.")
@click.option("--customer", "customer_id", help="One customer's next action.")
@click.option("--by", type=click.Choice(["channel", "acquisition_channel", "segment", "city", "region",
                                         "age_band", "persona"]), help="Count actions per group.")
@click.option("--customers", "per_customer", is_flag=True, help="One line per customer instead of a summary.")
@click.option("--prospects", is_flag=True, help="Include people who never bought.")
@click.option("--limit", type=click.IntRange(1, 200), default=10, show_default=True)
@click.option("--rules", "show_rules", is_flag=True, help="Print the rules, in the order they are checked.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@filter_options
@pass_ctx
@friendly_errors
def actions(ctx: Ctx, action: str | None, customer_id: str | None, by: str | None, per_customer: bool,
            prospects: bool, limit: int, show_rules: bool, as_json: bool, filters) -> None:
    """Next best action per customer or group, each with the rule and numbers behind it.

    \b
    Examples:
      journeybot predict actions --persona "The Regular"
      journeybot predict actions --action personal_follow_up --customers
      journeybot predict actions --rules
    """
    from tools.predict.actions import NextActionsParams, next_best_actions

    _, scores = _scores(ctx, filters)
    params = NextActionsParams(level="customers" if per_customer else "summary", action=action,  # type: ignore[arg-type]
                               customer_id=customer_id, by=by, include_prospects=prospects,  # type: ignore[arg-type]
                               limit=limit, filters=filters)
    result = next_best_actions(ctx.store, params, scores=scores)
    if show_rules and not as_json:
        ctx.console.print("Rules, checked in order (the first that matches decides):", markup=False)
        for i, (name, when, what) in enumerate(result.rules, 1):
            ctx.console.print(f"{i}. {name}\n   when: {when}\n   do:   {what}", markup=False)
        return
    show_result(ctx, result, as_json)  # the text carries the per-group table (`by`)


@predict.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_context
def models(click_ctx: click.Context, as_json: bool) -> None:
    """Model versions: training period, method, test score, and which one is active.

    \b
    Examples:
      journeybot predict models
      journeybot predict models activate churn 2     go back to version 2
    """
    if click_ctx.invoked_subcommand is not None:
        return
    ctx = click_ctx.find_object(Ctx) or Ctx()
    _list_models(ctx, as_json)


@friendly_errors
def _list_models(ctx: Ctx, as_json: bool) -> None:
    versions = _registry(ctx).versions()
    if as_json:
        print_json(versions)
        return
    if not versions:
        ctx.console.print("No models yet. Train them with `journeybot predict train`.", markup=False)
        return
    for v in versions:
        mark = "*" if v.active else " "
        ctx.console.print(
            f"{mark} {v.label():<13} {v.method:<24} data {v.data_start} to {v.data_end}  "
            f"{v.metric} {v.score:.3f}  trained {v.trained_at:%Y-%m-%d %H:%M}", markup=False)
        ctx.console.print(f"  {'':<13} {v.note}", markup=False)
    ctx.console.print("* = active (used for scoring)", markup=False)


@models.command()
@click.argument("name", type=click.Choice(["churn", "purchase", "clv"]))
@click.argument("version", type=int)
@pass_ctx
@friendly_errors
def activate(ctx: Ctx, name: str, version: int) -> None:
    """Make a model version the active one (e.g. to go back after a bad retrain).

    \b
    Example:
      journeybot predict models activate churn 2
    """
    chosen = _registry(ctx).activate(name, version)
    ctx.console.print(f"{chosen.label()} is now active: {chosen.summary()}", markup=False)


def who_may_leave(ctx: Ctx) -> None:
    """The demo section: train, who is at risk and why, the revenue outlook, what to do."""
    from tools.predict.actions import NextActionsParams, next_best_actions
    from tools.predict.churn import (
        AtRiskParams,
        NewlyAtRiskParams,
        at_risk_customers,
        newly_at_risk,
    )
    from tools.predict.forecast import RevenueForecastParams, revenue_forecast
    from tools.predict.scoring import score_customers
    from tools.predict.training import retrain

    out = ctx.console
    registry = _registry(ctx)
    settings = ctx.config.predict.settings()
    out.print("$ journeybot predict train --if-new-data", markup=False)
    report = retrain(ctx.store, registry, settings, now=dt.datetime.now(dt.UTC), only_if_new_data=True)
    out.print(report.to_text(), markup=False)
    scores = score_customers(ctx.store, registry, settings)
    out.print("\n$ journeybot predict risk --sort value --limit 5", markup=False)
    out.print(at_risk_customers(ctx.store, AtRiskParams(sort_by="value", limit=5), scores=scores).to_text(),
              markup=False)
    out.print("\nDigest line:", markup=False)
    out.print("  " + newly_at_risk(ctx.store, NewlyAtRiskParams(days=7), registry=registry,
                                   scores=scores).digest_line(), markup=False)
    out.print("\n$ journeybot predict clv --horizon next_quarter --limit 0", markup=False)
    out.print(text_of(revenue_forecast(ctx.store, RevenueForecastParams(horizon="next_quarter", limit=0),
                                       registry=registry, settings=settings, currency=ctx.config.business.currency),
                      ctx.details), markup=False)
    out.print("\n$ journeybot predict actions --limit 3", markup=False)
    out.print(next_best_actions(ctx.store, NextActionsParams(limit=3), scores=scores).to_text(), markup=False)
