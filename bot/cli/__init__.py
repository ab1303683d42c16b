"""The `journeybot` command line: a click group of small commands.

Each command builds a params model, calls a function of tools/, and prints the result through
its text rendering. Commands are listed once, at the bottom, by the module they live in: a
command's module is imported only when that command runs (or when `--help` lists them all), so
`journeybot funnel` does not pay for the Slack server, the agent and PostgreSQL drivers it never
uses (docs/BENCHMARKS.md, "Command start time").
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from bot.cli.args import DETAILS_FLAG, JourneyGroup


class LazyGroup(JourneyGroup):
    """A group whose commands are "module:attribute" names, imported on first use."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            module, attr = self.lazy[cmd_name].split(":")
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)


COMMANDS = {
    "demo": "bot.cli.demo:demo",
    "ingest": "bot.cli.data:ingest",
    "sample": "bot.cli.data:sample",
    "describe": "bot.cli.data:describe",
    "sources": "bot.cli.sources:sources_group",
    "ask": "bot.cli.agent_cmd:ask",
    "chat": "bot.cli.agent_cmd:chat",
    "config": "bot.cli.config_cmd:config_group",
    "predict": "bot.cli.predict:predict",
    "serve": "bot.cli.serve:serve",
    "stats": "bot.cli.stats:stats",
    "funnel": "bot.cli.analytics:funnel",
    "dropoffs": "bot.cli.analytics:dropoffs",
    "paths": "bot.cli.analytics:paths",
    "kpis": "bot.cli.kpis:kpis",
    "trend": "bot.cli.kpis:trend",
    "compare": "bot.cli.kpis:compare",
    "movers": "bot.cli.kpis:movers",
    "feedback": "bot.cli.feedback:feedback_group",
    "forget": "bot.cli.forget:forget",
    "map": "bot.cli.map:map_cmd",
    "alerts": "bot.cli.alerts:alerts_group",
    "digest": "bot.cli.digest:digest_cmd",
    "personas": "bot.cli.personas:personas",
    "profile": "bot.cli.profile:profile_group",
    "satisfaction": "bot.cli.satisfaction:satisfaction",
}


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

    click_ctx.obj = Ctx(config_path=config_path, details=details_flag or bool(click_ctx.meta.get(DETAILS_FLAG)))
