"""`journeybot describe`: what the journey store holds. Its own module so that it loads
neither the ingest pipeline nor the sample generator (bot/cli/data.py)."""

from __future__ import annotations

import click

from bot.cli.common import Ctx, friendly_errors, pass_ctx, print_json


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_ctx
@friendly_errors
def describe(ctx: Ctx, as_json: bool) -> None:
    """What the journey store holds: coverage, row counts, stages, touchpoints, gaps.

    \b
    Examples:
      journeybot describe
      journeybot describe --json > coverage.json
    """
    from tools.analytics.describe import describe_data
    from tools.core.results import text_of

    result = describe_data(ctx.store)
    if as_json:
        print_json(result)
    else:
        ctx.console.print(text_of(result, ctx.details), markup=False)
