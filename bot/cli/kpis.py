"""KPIs from the command line: kpis, trend, compare, movers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from bot.cli.args import parse_period
from bot.cli.common import (
    EXIT_USAGE,
    CommandError,
    Ctx,
    friendly_errors,
    pass_ctx,
    show_result,
)
from tools.analytics.filters import DIMENSIONS, Filters
from tools.analytics.kpi_catalog import METRICS, normalize_metric
from tools.analytics.periods import Period
from tools.core.results import text_of

_FILTERS = (
    ("--channel", "channel", "first-touch channel"),
    ("--segment", "segment", "CRM segment"),
    ("--city", "city", "city or town"),
    ("--region", "region", "region"),
    ("--age-band", "age_band", "age band"),
    ("--acquisition-channel", "acquisition_channel", "acquisition channel (CRM)"),
)


def filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--channel, --segment, ... (each repeatable) and --persona."""
    fn = click.option("--persona", help="Only the members of this saved persona.")(fn)
    for flag, dest, what in reversed(_FILTERS):
        fn = click.option(flag, dest, multiple=True, metavar="VALUE", help=f"Only customers with this {what} (repeatable).")(fn)
    return fn


def build_filters(kwargs: dict[str, Any]) -> Filters:
    values: dict[str, Any] = {dest: list(kwargs.pop(dest)) or None for _, dest, _ in _FILTERS}
    values["persona"] = kwargs.pop("persona")
    return Filters(**values)


def metric_arg(value: str) -> str:
    name = str(normalize_metric(value))
    if name not in METRICS:
        raise CommandError(f"unknown metric {value!r}; use one of {', '.join(METRICS)} "
                           "(`journeybot kpis --list` says what each counts)", EXIT_USAGE)
    return name


def period_arg(value: str | None, default: str, option: str = "--period") -> Period:
    return parse_period(value or default, option)


_PERIOD_HELP = "last_30_days, this_month, last_week, all, ... or YYYY-MM-DD..YYYY-MM-DD"


@click.command()
@click.option("--period", help=f"Period ({_PERIOD_HELP}). Default: last_30_days.")
@click.option("--metric", "metrics", multiple=True, metavar="METRIC",
              help="Only this KPI (repeatable); default: all. See `journeybot kpis --list`.")
@filter_options
@click.option("--churn-window", "churn_window_days", type=click.IntRange(7, 730),
              help="Days without an order that count as churned (default from the config).")
@click.option("--min-orders", "min_orders", type=click.IntRange(2, 100),
              help="Repeat customers counted at this many completed orders or more (default 2).")
@click.option("--list", "list_metrics", is_flag=True, help="List the KPI names and exit.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_ctx
@friendly_errors
def kpis(ctx: Ctx, period: str | None, metrics: tuple[str, ...], churn_window_days: int | None,
         min_orders: int | None, list_metrics: bool, as_json: bool, **filters: Any) -> None:
    """Headline KPIs for a period, each with the sample size behind it.

    \b
    Examples:
      journeybot kpis
      journeybot kpis --period this_month --metric nps --metric csat
      journeybot kpis --period 2026-10-01..2026-10-31 --channel instagram --json
      journeybot kpis --metric refund_rate --metric cancelled_orders --period last_month
      journeybot kpis --metric repeat_customers --min-orders 4
    """
    from tools.analytics.kpi_catalog import SPECS
    from tools.analytics.kpis import KpiParams
    from tools.analytics.kpis import kpis as run

    if list_metrics:
        for name, s in SPECS.items():
            ctx.console.print(f"{name:<26} {s.definition}", markup=False, soft_wrap=True)
        return
    params = KpiParams(metrics=[metric_arg(m) for m in metrics] or None,  # type: ignore[misc]
                       period=period_arg(period, "last_30_days"), filters=build_filters(filters),
                       churn_window_days=churn_window_days, min_orders=min_orders)
    show_result(ctx, run(ctx.store, params, ctx.config.kpi_settings()), as_json)


@click.command()
@click.argument("metric")
@click.option("--grain", type=click.Choice(["day", "week", "month", "quarter"]), default="week", show_default=True,
              help="One point per calendar day, week (Monday to Sunday), calendar month or calendar quarter.")
@click.option("--period", help=f"Period ({_PERIOD_HELP}). Default: last_90_days; with --grain month, "
              "last_180_days; with --grain quarter, all.")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_ctx
@friendly_errors
def trend(ctx: Ctx, metric: str, grain: str, period: str | None, as_json: bool, **filters: Any) -> None:
    """One KPI as a daily, weekly, monthly or quarterly series (weeks start on Monday), with n per point.

    \b
    Examples:
      journeybot trend nps
      journeybot trend purchase_conversion --grain day --period last_30_days
      journeybot trend purchase_conversion --grain month --period this_year
      journeybot trend revenue --grain quarter --period this_year
      journeybot trend aov --segment vip --json
    """
    from tools.analytics.trends import MONTHS_DEFAULT, QUARTERS_DEFAULT, TrendParams
    from tools.analytics.trends import trend as run

    params = TrendParams(metric=metric_arg(metric), grain=grain,  # type: ignore[arg-type]
                         period=period_arg(period, {"month": MONTHS_DEFAULT, "quarter": QUARTERS_DEFAULT}.get(
                             grain, "last_90_days")),
                         filters=build_filters(filters))
    show_result(ctx, run(ctx.store, params, ctx.config.kpi_settings()), as_json)


@click.command()
@click.argument("metrics", nargs=-1)
@click.option("--period", help=f"Period to look at ({_PERIOD_HELP}). Default: last_30_days.")
@click.option("--against", help="Period to compare with. Default: the one before (this_month -> "
              "the same days of last month).")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_ctx
@friendly_errors
def compare(ctx: Ctx, metrics: tuple[str, ...], period: str | None, against: str | None, as_json: bool,
            **filters: Any) -> None:
    """KPIs in a period against the period before: change, % change, better or worse.

    \b
    Examples:
      journeybot compare
      journeybot compare purchase_conversion --period this_week
      journeybot compare csat nps --period this_month --against 2026-09-01..2026-09-30
    """
    from tools.analytics.compare import CompareParams
    from tools.analytics.compare import compare as run

    params = CompareParams(metrics=[metric_arg(m) for m in metrics] or None,  # type: ignore[misc]
                           period=period_arg(period, "last_30_days"),
                           against=parse_period(against, "--against") if against else None,
                           filters=build_filters(filters))
    show_result(ctx, run(ctx.store, params, ctx.config.kpi_settings()), as_json)


@click.command()
@click.argument("metric")
@click.option("--by", type=click.Choice(list(DIMENSIONS)), default="channel", show_default=True,
              help="Group customers by this (channel = first-touch channel).")
@click.option("--period", help=f"Period to look at ({_PERIOD_HELP}). Default: last_30_days.")
@click.option("--against", help="Period to compare with. Default: the one before.")
@click.option("--min-n", type=click.IntRange(min=1), help="Skip groups smaller than this in both periods.")
@click.option("--top", type=click.IntRange(1, 50), default=5, show_default=True)
@click.option("--rank", type=click.Choice(["change", "value"]), default="change", show_default=True,
              help="change: the groups that moved the KPI most; value: each group's own value, highest first.")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_ctx
@friendly_errors
def movers(ctx: Ctx, metric: str, by: str, period: str | None, against: str | None, min_n: int | None,
           top: int, rank: str, as_json: bool, **filters: Any) -> None:
    """Which channel, segment or other group moved a KPI most, and its share of the change.

    With --rank value, each group's own value instead, highest first ("revenue by town").

    \b
    Examples:
      journeybot movers revenue --by channel
      journeybot movers purchase_conversion --by segment --period this_week
      journeybot movers csat --by city --min-n 10
      journeybot movers orders --by region --rank value --period all
    """
    from tools.analytics.movers import MoversParams, top_movers

    params = MoversParams(metric=metric_arg(metric), by=by,  # type: ignore[arg-type]
                          period=period_arg(period, "last_30_days"),
                          against=parse_period(against, "--against") if against else None,
                          filters=build_filters(filters), min_n=min_n, top=top, rank=rank)
    show_result(ctx, top_movers(ctx.store, params, ctx.config.kpi_settings()), as_json)


def demo_kpi_snapshot(ctx: Ctx) -> None:
    """The demo's "KPI snapshot": the last 30 days against the 30 before, and what moved revenue."""
    from tools.analytics.compare import CompareParams, compare
    from tools.analytics.movers import MoversParams, top_movers

    settings = ctx.config.kpi_settings()
    ctx.console.print(text_of(compare(ctx.store, CompareParams(period=Period(name="last_30_days")), settings), ctx.details),
                      markup=False)
    ctx.console.print()
    ctx.console.print(text_of(top_movers(ctx.store, MoversParams(metric="orders", by="channel"), settings), ctx.details),
                      markup=False)
