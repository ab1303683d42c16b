"""`journeybot alerts`: check the rules for a day, replay a range, and manage the rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from bot.cli.args import parse_day
from bot.cli.common import Ctx, friendly_errors, pass_ctx, print_json
from tools.core.errors import NoDataError, ToolInputError
from tools.core.results import text_of


def _day(ctx: Ctx, date: str | None, option: str = "--date") -> dt.date:
    day = parse_day(date, option)
    if day is not None:
        return day
    # The day the digest and the scheduled check report on (scheduler.last_complete_day): a
    # support desk or a survey export has no events or orders, and its tickets still have days.
    as_of = ctx.store.digest_day()
    if as_of is None:
        raise NoDataError("The journey store is empty; load data first (journeybot ingest or journeybot demo)")
    return as_of


def config_rules(config):
    from bot.alert_wiring import config_rules as rules

    return rules(config)


def _engine(ctx: Ctx):
    from bot.alert_wiring import alert_store_for, all_rules, provider_for

    alerts = alert_store_for(ctx.config)
    return provider_for(ctx.config, ctx.store), alerts, all_rules(ctx.config, alerts)


@click.group("alerts")
def alerts_group() -> None:
    """Alert rules: check them, replay them over past days, add and remove them.

    \b
    Examples:
      journeybot alerts check --date 2026-09-01
      journeybot alerts backtest --since 2026-06-01
      journeybot alerts add --metric conversion_rate --stage decision --condition drops_by --value 10 --window 7
    """


@alerts_group.command("check")
@click.option("--date", metavar="YYYY-MM-DD", help="The day to judge (default: the last day of data).")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@pass_ctx
@friendly_errors
def check(ctx: Ctx, date: str | None, as_json: bool) -> None:
    """Judge every rule on a day and print what would fire (nothing is posted or recorded).

    \b
    Example:
      journeybot alerts check --date 2026-09-01
    """
    from tools.alerts.check import check_rules

    provider, _, rules = _engine(ctx)
    if not rules:
        raise ToolInputError("No alert rules: add [[alerts.rules]] to the config or run `journeybot alerts add`")
    result = check_rules(provider, rules, _day(ctx, date))
    if as_json:
        print_json(result.to_dict())
        return
    ctx.console.print(text_of(result, ctx.details), markup=False)


@alerts_group.command("backtest")
@click.option("--since", required=True, metavar="YYYY-MM-DD", help="First day to replay.")
@click.option("--until", metavar="YYYY-MM-DD", help="Last day to replay (default: the last day of data).")
@click.option("--incidents", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="incidents.json to score against (default: the sample's, when the store holds it).")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_ctx
@friendly_errors
def backtest_cmd(ctx: Ctx, since: str, until: str | None, incidents: Path | None, as_json: bool) -> None:
    """Replay every rule day by day over a range, with dedupe, cooldown and resolve, and score
    the alerts against known incidents (precision and recall).

    \b
    Example:
      journeybot alerts backtest --since 2026-06-01
    """
    from bot.alert_wiring import alert_policy
    from tools.alerts.backtest import backtest, load_incidents

    provider, _, rules = _engine(ctx)
    first = _day(ctx, since, "--since")
    last = _day(ctx, until, "--until")
    if incidents is None:
        sample = ctx.config.sample_dir / "incidents.json"
        dataset = ctx.store.scalar("SELECT value FROM meta WHERE key = 'dataset'")
        incidents = sample if dataset == "sample" and sample.exists() else None
    known = load_incidents(incidents) if incidents else []
    result = backtest(provider, rules, first, last, known, policy=alert_policy(ctx.config))
    if as_json:
        print_json(result.to_dict())
        return
    ctx.console.print(text_of(result, ctx.details), markup=False)


@alerts_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the rules as JSON.")
@pass_ctx
@friendly_errors
def list_cmd(ctx: Ctx, as_json: bool) -> None:
    """List the alert rules (config file and conversation) and the open alerts.

    \b
    Example:
      journeybot alerts list
    """
    from tools.alerts.manage import list_alert_rules, open_alerts

    provider, alerts, _ = _engine(ctx)
    rules = list_alert_rules(alerts, config_rules(ctx.config), provider.metrics())
    opened = open_alerts(alerts)
    if as_json:
        print_json({"rules": rules.to_dict(), "open_alerts": opened.to_dict()})
        return
    ctx.console.print(text_of(rules, ctx.details), markup=False)
    ctx.console.print(text_of(opened, ctx.details), markup=False)


@alerts_group.command("add")
@click.option("--metric", required=True, help="KPI to watch, e.g. conversion_rate, csat, orders.")
@click.option("--condition", required=True, type=click.Choice(["drops_by", "rises_by", "below", "above", "unusual"]))
@click.option("--value", type=float, help="Percent for drops_by/rises_by; the threshold for below/above.")
@click.option("--window", "window_days", type=click.IntRange(1, 90), default=1, show_default=True,
              help="Days per value (7 = week on week).")
@click.option("--stage", help="Conversion from this stage (decision = checkout conversion).")
@click.option("--channel", help="Only customers whose first touch was this channel.")
@click.option("--segment", help="Only this CRM segment.")
@click.option("--per", type=click.Choice(["channel", "segment", "city", "region"]),
              help="Watch each channel (or segment, town, region) on its own; the alert names it.")
@click.option("--direction", type=click.Choice(["bad", "up", "down", "both"]),
              help="For --condition unusual: which moves alert (default: the way that hurts).")
@click.option("--severity", type=click.Choice(["low", "medium", "high"]), default="medium", show_default=True)
@click.option("--name", help="Rule id (made up from the metric and condition when absent).")
@pass_ctx
@friendly_errors
def add_cmd(ctx: Ctx, metric: str, condition: str, value: float | None, window_days: int, stage: str | None,
            channel: str | None, segment: str | None, per: str | None, direction: str | None, severity: str,
            name: str | None) -> None:
    """Add an alert rule (kept in the data folder, like rules made in Slack).

    \b
    Examples:
      journeybot alerts add --metric conversion_rate --stage decision --condition drops_by --value 10 --window 7
      journeybot alerts add --metric new_visitors --condition unusual --direction up --per channel
    """
    from pydantic import ValidationError

    from bot.agent.tools import validation_message
    from bot.alert_wiring import canonical_metric
    from tools.alerts.manage import CreateAlertRuleParams, create_alert_rule

    provider, alerts, _ = _engine(ctx)
    try:
        params = CreateAlertRuleParams(metric=canonical_metric(metric), condition=condition, value=value, window_days=window_days,
                                       stage=stage, channel=channel, segment=segment, per=per, direction=direction,
                                       severity=severity, name=name)
    except ValidationError as exc:
        raise ToolInputError(validation_message(exc)) from None
    result = create_alert_rule(alerts, config_rules(ctx.config), provider.metrics(), params, source="cli",
                               journey=getattr(provider, "store", None))  # hand-made series (tests) have no store
    ctx.console.print(text_of(result, ctx.details), markup=False)


@alerts_group.command("remove")
@click.argument("rule_id")
@pass_ctx
@friendly_errors
def remove_cmd(ctx: Ctx, rule_id: str) -> None:
    """Remove an alert rule made in Slack or with `alerts add`.

    \b
    Example:
      journeybot alerts remove conversion-rate-decision-drops-by-7d
    """
    from tools.alerts.manage import DeleteAlertRuleParams, delete_alert_rule

    provider, alerts, _ = _engine(ctx)
    result = delete_alert_rule(alerts, config_rules(ctx.config), provider.metrics(),
                               DeleteAlertRuleParams(rule_id=rule_id))
    ctx.console.print(text_of(result, ctx.details), markup=False)


def demo_alerts(ctx: Ctx) -> None:
    """The demo section: what would fire on the last day, and the backtest over the sample."""
    from bot.alert_wiring import alert_policy
    from tools.alerts.backtest import backtest, load_incidents
    from tools.alerts.check import check_rules

    provider, _, rules = _engine(ctx)
    day = _day(ctx, None)
    ctx.console.print("$ journeybot alerts check", markup=False)
    ctx.console.print(text_of(check_rules(provider, rules, day), ctx.details), markup=False)
    first = ctx.store.date_range()[0]
    ctx.console.print(f"\n$ journeybot alerts backtest --since {first}", markup=False)
    incidents = ctx.config.sample_dir / "incidents.json"
    result = backtest(provider, rules, first, day, load_incidents(incidents) if incidents.exists() else [],
                      policy=alert_policy(ctx.config))
    lines = text_of(result, ctx.details).splitlines()
    shown = [line for line in lines if not line.startswith("  20")]  # the summary, not every alert
    ctx.console.print("\n".join(shown), markup=False)
    ctx.console.print(f"({len(result.alerts)} alerts in all: `journeybot alerts backtest --since {first}` "
                      "lists each with its explanation.)", markup=False)
