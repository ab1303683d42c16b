"""`journeybot digest`: the morning digest in the terminal, or posted to Slack now."""

from __future__ import annotations

import datetime as dt

import click

from bot.cli.args import parse_day
from bot.cli.common import (
    EXIT_ENVIRONMENT,
    EXIT_USAGE,
    CommandError,
    Ctx,
    friendly_errors,
    pass_ctx,
    print_json,
)
from tools.core.errors import ToolInputError


def _date(text: str | None) -> dt.date | None:
    return parse_day(text)


def slack_poster(ctx: Ctx):
    """A poster for the bot token in SLACK_BOT_TOKEN, marking posts with their run key."""
    token = ctx.config.secret("slack_bot_token")
    if not token:
        raise CommandError("--post needs SLACK_BOT_TOKEN in the environment (see README, Slack)", EXIT_ENVIRONMENT)
    from slack_sdk import WebClient

    from bot.scheduler.slack_runs import ClientPoster, RunMarkingSlackPoster

    slack = getattr(ctx.config, "slack", None)
    base_url = getattr(slack, "api_base_url", None) or WebClient.BASE_URL
    client = WebClient(token=token, base_url=base_url)
    return RunMarkingSlackPoster(ClientPoster(client), client)


@click.command("digest")
@click.option("--dry-run", "dry_run", is_flag=True, help="Print the digest here; post nothing (the default).")
@click.option("--post", is_flag=True, help="Post it to Slack now (once per channel and day, like the schedule).")
@click.option("--channel", help="Slack channel to post to (default: the first [[digests]] channel).")
@click.option("--date", metavar="YYYY-MM-DD", help="The day it reports on (default: the last day of data).")
@click.option("--cadence", type=click.Choice(["daily", "weekly"]), default="daily", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the digest as JSON.")
@pass_ctx
@friendly_errors
def digest_cmd(ctx: Ctx, dry_run: bool, post: bool, channel: str | None, date: str | None, cadence: str,
               as_json: bool) -> None:
    """The journey digest: KPIs against the previous period, the funnel's biggest drop-off,
    sentiment and themes, open alerts and customers newly at risk.

    \b
    Examples:
      journeybot digest --dry-run
      journeybot digest --dry-run --date 2026-09-01 --cadence weekly
      journeybot digest --post --channel C0123456789
    """
    from bot.agent.digest import build_digest
    from bot.scheduler.digests import aged, narrate

    if dry_run and post:
        raise CommandError("choose --dry-run or --post, not both", EXIT_USAGE)
    day = _date(date)
    if post:
        target = channel or next((d.channel for d in ctx.config.digests if d.cadence == cadence), None)
        if not target:
            raise CommandError("--post needs --channel (or a [[digests]] entry in the config)", EXIT_USAGE)
        from bot.scheduler.scheduler import JourneyScheduler

        scheduler = JourneyScheduler(ctx.config, slack_poster(ctx), store=ctx.store)
        delivery = scheduler.run_digest(target, cadence, day or ctx.store.digest_day())
        if delivery is None:
            from tools.digest.compose import nothing_to_digest

            raise ToolInputError(nothing_to_digest(ctx.store))
        said = {"posted": f"Posted the {cadence} digest to {target} (ts {delivery.ts}).",
                "recovered": f"The {cadence} digest was already in {target} (found by its run key).",
                "already_posted": f"The {cadence} digest for that day was already posted to {target}.",
                "busy": "Another journeybot is posting this digest right now.",
                "failed": f"Slack did not take the digest: {delivery.detail}. It will be retried by the scheduler.",
                "abandoned": "This digest was given up earlier and is not posted again."}[delivery.outcome]
        ctx.console.print(said, markup=False)
        if delivery.outcome == "failed":
            raise CommandError(f"posting failed: {delivery.detail}", EXIT_ENVIRONMENT)
        return
    # The terminal shows no chart: its series is read only for --json, which carries it.
    result = aged(build_digest(ctx.config, ctx.store, cadence, day, chart=as_json), asked=day)
    narrative = narrate(ctx.config, result)
    if as_json:
        data = result.to_dict()
        data["narrative"] = narrative
        print_json(data)
        return
    text = result.to_text()
    if narrative:
        text = text.replace(result.summary, narrative + "\n(Summary written by the language model from the numbers below.)", 1)
    ctx.console.print(text, markup=False)


def demo_digest(ctx: Ctx) -> None:
    """The demo section: this morning's digest, as `journeybot digest --dry-run` prints it."""
    from bot.agent.digest import build_digest
    from bot.scheduler.digests import narrate

    ctx.console.print("$ journeybot digest --dry-run", markup=False)
    result = build_digest(ctx.config, ctx.store, chart=False)
    narrative = narrate(ctx.config, result)
    text = result.to_text()
    if narrative:
        text = text.replace(result.summary, narrative, 1)
    ctx.console.print(text, markup=False)
