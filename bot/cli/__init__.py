"""The `journeybot` command line: a click group of small commands.

Each command builds a params model, calls a function of tools/, and prints the result through
its text rendering. Commands are listed once, at the bottom, by the module they live in: a
command's module is imported only when that command runs (or when `--help` lists them all), so
`journeybot funnel` does not pay for the Slack server, the agent and PostgreSQL drivers it never
uses (docs/BENCHMARKS.md, "Command start time").
"""

from __future__ import annotations

import importlib
import os
from typing import Any

import click

from bot.cli.args import DETAILS_FLAG, JourneyGroup

# When pydantic builds its first model it looks for plugins in the metadata of every installed
# package (10-40 ms of each command's start with the packages journeybot depends on); journeybot
# uses none. A value set by the user wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


class LazyGroup(JourneyGroup):
    """A group whose commands are "module:attribute" names, imported on first use."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """As click lists them, from the first help lines in COMMAND_TABLE for the commands not
        loaded yet."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(n) for n in names)
        rows = [(name, self.commands[name].get_short_help_str(limit) if name in self.commands
                 else click.Command(name, help=COMMAND_TABLE[name][1]).get_short_help_str(limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            module, attr = self.lazy[cmd_name].split(":")
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)


# name -> ("module:attribute", the command's first help line). `--help` lists the commands from
# these lines rather than importing every module (that is most of its start-up time);
# tests/bot/test_cli_start.py checks each line against its command.
COMMAND_TABLE: dict[str, tuple[str, str]] = {
    "demo": ("bot.cli.demo:demo",
             "A short tour of journeybot on generated sample data: one screen per capability, offline (no Slack, no keys, no server)."),
    "ingest": ("bot.cli.data:ingest",
               "Load an export (CSV, Parquet or JSON lines) into the journey store."),
    "sample": ("bot.cli.data:sample",
               "Generate a realistic, seeded sample data set for a small bakery-cafe."),
    "describe": ("bot.cli.describe:describe",
                 "What the journey store holds: coverage, row counts, stages, touchpoints, gaps."),
    "sources": ("bot.cli.sources:sources_group",
                "Data that syncs itself: a folder inbox, a CSV or JSON URL, Shopify, Zendesk, Typeform."),
    "ask": ("bot.cli.agent_cmd:ask",
            "Answer one question about your customers."),
    "chat": ("bot.cli.agent_cmd:chat",
             "Talk to journeybot in the terminal."),
    "config": ("bot.cli.config_cmd:config_group",
               "Check and show configuration."),
    "predict": ("bot.cli.predict:predict",
                "Who may leave, what customers are worth, what to do next, and the models behind it."),
    "serve": ("bot.cli.serve:serve",
              "Run the Slack app until stopped (Ctrl-C)."),
    "stats": ("bot.cli.stats:stats",
              "Answers given in Slack and their thumbs up / down, overall and by tool."),
    "funnel": ("bot.cli.analytics:funnel",
               "Customers reaching each journey step in order, the biggest drop-off and step times."),
    "dropoffs": ("bot.cli.analytics:dropoffs",
                 "Where customers who did not buy were last, ranked, against the period before."),
    "paths": ("bot.cli.analytics:paths",
              "The most common routes to buying and to leaving, first/last touch, offline share."),
    "kpis": ("bot.cli.kpis:kpis",
             "Headline KPIs for a period, each with the sample size behind it."),
    "trend": ("bot.cli.kpis:trend",
              "One KPI as a daily, weekly, monthly or quarterly series (weeks start on Monday), with n per point."),
    "pattern": ("bot.cli.pattern:pattern",
                "When customers come and buy: a KPI by weekday, hour of the day or month, fairly counted."),
    "compare": ("bot.cli.kpis:compare",
                "KPIs in a period against the period before: change, % change, better or worse."),
    "movers": ("bot.cli.kpis:movers",
               "Which channel, segment or other group moved a KPI most, and its share of the change."),
    "feedback": ("bot.cli.feedback:feedback_group",
                 "What customers say: index survey answers and tickets, search them, themes, sentiment."),
    "forget": ("bot.cli.forget:forget",
               "Erase a customer from every store and file journeybot keeps."),
    "map": ("bot.cli.map:map_cmd",
            "The customer journey map: per stage the touchpoints, conversion to the next stage and the time it takes, how customers feel, pain points with quotes, the stage's KPIs against the period before, red/amber/green health and what to improve."),
    "alerts": ("bot.cli.alerts:alerts_group",
               "Alert rules: check them, replay them over past days, add and remove them."),
    "digest": ("bot.cli.digest:digest_cmd",
               "The journey digest: KPIs against the previous period, the funnel's biggest drop-off, sentiment and themes, open alerts and customers newly at risk."),
    "home": ("bot.cli.home:home",
             "Preview the Slack App Home tab: KPIs, open alerts, data sources, personas, digests."),
    "personas": ("bot.cli.personas:personas",
                 "Personas from customer behaviour: draft, save, list, show, export."),
    "profile": ("bot.cli.profile:profile_group",
                "The business profile of this data folder: show it, or `profile set KEY=VALUE`."),
    "satisfaction": ("bot.cli.satisfaction:satisfaction",
                     "Compare satisfaction across groups, with answers per group and a plain verdict."),
    "products": ("bot.cli.products:products",
                 "What sells best: revenue, orders and units by product or category, ranked, or growing and shrinking."),
}
COMMANDS = {name: target for name, (target, _) in COMMAND_TABLE.items()}
# Commands that read the store many times and finish in seconds: they keep it open while they
# run (JourneyStore.held; each read then skips reopening the file). Not loads, training or the
# server, which would keep another process's sync waiting for the file for as long as they run.
HELD = frozenset({"describe", "kpis", "trend", "pattern", "compare", "movers", "funnel", "dropoffs", "paths", "digest",
                  "map", "satisfaction", "products"})


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="JOURNEYBOT_CONFIG",
              help="Config file (default: ./journeybot.toml, then <data folder>/config.toml).")
@click.option("--details", "details_flag", is_flag=True,
              help="Also show the statistics and methods behind the numbers (works after any command too).")
@click.version_option(package_name="journeybot")
@click.pass_context
def main(click_ctx: click.Context, config_path: str | None, details_flag: bool) -> None:
    """journeybot: understand your customer journey from your own data, in Slack or here.

    \b
    Examples:
      journeybot demo            a short tour on sample data, offline
      journeybot ingest --help   load your own exports
      journeybot funnel --help   every command's --help has examples
    """
    from bot.cli.common import Ctx

    click_ctx.obj = Ctx(config_path=config_path, details=details_flag or bool(click_ctx.meta.get(DETAILS_FLAG)),
                        hold_store=click_ctx.invoked_subcommand in HELD)
    click_ctx.call_on_close(click_ctx.obj.close)
