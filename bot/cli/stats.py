"""`journeybot stats`: how the Slack answers are used and rated."""

from __future__ import annotations

import click

from bot.cli.common import Ctx, friendly_errors, pass_ctx, print_json
from tools.core.results import text_of


@click.command()
@click.option("--days", type=click.IntRange(1, 3650), default=30, show_default=True,
              help="How far back to count.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@pass_ctx
@friendly_errors
def stats(ctx: Ctx, days: int, as_json: bool) -> None:
    """Answers given in Slack and their thumbs up / down, overall and by tool.

    \b
    Examples:
      journeybot stats
      journeybot stats --days 7 --json
    """
    from bot.answer_log import AnswerLog
    from bot.state import StateStore

    report = AnswerLog(StateStore(ctx.config.ops_db())).stats(days=days)
    if as_json:
        print_json(report.to_dict())
        return
    ctx.console.print(text_of(report, ctx.details), markup=False)
