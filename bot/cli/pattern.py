"""`journeybot pattern`: when customers come and buy, by weekday, hour of the day or month."""

from __future__ import annotations

from typing import Any

import click

from bot.cli.common import EXIT_USAGE, CommandError, Ctx, friendly_errors, pass_ctx, show_result
from bot.cli.kpis import _PERIOD_HELP, build_filters, filter_options, metric_arg, period_arg


@click.command()
@click.option("--by", type=click.Choice(["weekday", "hour", "month"]), default="weekday", show_default=True,
              help="Day of the week, hour of the day (business time zone) or month of the year.")
@click.option("--metric", default="orders", show_default=True,
              help="orders, revenue, aov, sessions, new_visitors, session_conversion, bounce_rate, "
                   "purchase_conversion, survey_responses, csat, csat_mean, nps, tickets, "
                   "first_response_time, resolution_time, resolved_tickets, refunded_orders, refund_rate, "
                   "cancelled_orders, cancellation_rate, active_customers, buyers, session_length, pages_per_session, "
                   "exit_rate, cart_abandonment (resolved tickets by when they "
                   "were resolved; refunds and cancellations by when the order was placed; active customers and "
                   "buyers as the different customers of each day or hour; a session's figures by when it started).")
@click.option("--period", help=f"Period ({_PERIOD_HELP}). Default: last_90_days; by month all data.")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_ctx
@friendly_errors
def pattern(ctx: Ctx, by: str, metric: str, period: str | None, as_json: bool, **filters: Any) -> None:
    """When customers come and buy: a KPI by weekday, hour of the day or month, fairly counted.

    Counts show the total, how many such days (hours) the data covers and the average per
    occurrence; rates are pooled over each bucket's rows. The answer names the busiest and the
    quietest, or says when the difference is within noise.

    \b
    Examples:
      journeybot pattern                                  busiest day of the week (orders, 90 days)
      journeybot pattern --by hour --metric tickets       when support tickets come in
      journeybot pattern --metric active_customers        which day most customers turn up
      journeybot pattern --by month --metric revenue --period all
      journeybot pattern --by hour --metric session_conversion --channel instagram --json
    """
    from tools.analytics.pattern_kpis import refusal
    from tools.analytics.time_pattern import PatternParams, time_pattern

    name = metric_arg(metric)
    why_not = refusal(name, by)  # the tool's own reason (a stock, a lifetime figure...), before any data is read
    if why_not:
        raise CommandError(why_not, EXIT_USAGE)
    params = PatternParams(metric=name, by=by,  # type: ignore[arg-type]
                           period=period_arg(period, "last_90_days" if by != "month" else "all"),
                           filters=build_filters(filters))
    show_result(ctx, time_pattern(ctx.store, params, ctx.config.kpi_settings()), as_json)
