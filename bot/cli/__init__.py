"""The `journeybot` command line: a click group of small commands.

Each command builds a params model, calls a function of tools/, and prints the result through
its text rendering. Commands are listed once, at the bottom.
"""

from __future__ import annotations

import click

from bot.cli.agent_cmd import ask, chat
from bot.cli.alerts import alerts_group
from bot.cli.common import Ctx
from bot.cli.config_cmd import config_group
from bot.cli.data import describe, ingest, sample
from bot.cli.demo import demo
from bot.cli.digest import digest_cmd
from bot.cli.feedback import feedback_group, forget
from bot.cli.kpis import compare, kpis, movers, trend
from bot.cli.predict import predict
from bot.cli.profile import profile_group
from bot.cli.serve import serve
from bot.cli.sources import sources_group
from bot.cli.stats import stats


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="JOURNEYBOT_CONFIG",
              help="Config file (default: ./journeybot.toml, then <data folder>/config.toml).")
@click.version_option(package_name="journeybot")
@click.pass_context
def main(click_ctx: click.Context, config_path: str | None) -> None:
    """journeybot: understand your customer journey from your own data, in Slack or here.

    \b
    Start with:
      journeybot demo            sample data, loaded and explained, offline
      journeybot ingest --help   load your own exports
    """
    click_ctx.obj = Ctx(config_path=config_path)


for command in (demo, ingest, sample, describe, profile_group, sources_group, ask, chat, config_group, predict,
                serve, stats):
    main.add_command(command)

from bot.cli.analytics import dropoffs, funnel, paths  # noqa: E402

for command in (funnel, dropoffs, paths):
    main.add_command(command)
for command in (kpis, trend, compare, movers):
    main.add_command(command)
for command in (feedback_group, forget):
    main.add_command(command)

from bot.cli.map import map_cmd  # noqa: E402

main.add_command(map_cmd)
main.add_command(alerts_group)
main.add_command(digest_cmd)

from bot.cli.personas import personas  # noqa: E402
from bot.cli.satisfaction import satisfaction  # noqa: E402

main.add_command(personas)
main.add_command(satisfaction)
