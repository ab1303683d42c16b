"""`journeybot home --dry-run`: the App Home tab as Slack would show it, printed here from the
same builders the Slack app publishes (bot/slack/home.py), without Slack or a token. The KPI
snapshot, open alerts, saved personas, digest subscriptions and data sources are read from this
data folder the way `journeybot serve` reads them."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import click

from bot.cli.common import CommandError, Ctx, friendly_errors, pass_ctx, print_json


@click.command()
@click.option("--dry-run", "dry_run", is_flag=True, default=True,
              help="Print the Home tab here; publish nothing (the default and only mode).")
@click.option("--json", "as_json", is_flag=True, help="Print the Home view (its Block Kit blocks) as JSON.")
@pass_ctx
@friendly_errors
def home(ctx: Ctx, dry_run: bool, as_json: bool) -> None:
    """Preview the Slack App Home tab: KPIs, open alerts, data sources, personas, digests.

    \b
    Examples:
      journeybot home --dry-run
      journeybot home --json > home.json
    """
    if not dry_run:
        raise CommandError("the Home tab is published by `journeybot serve` when someone opens it; "
                           "here it is only previewed")
    view = home_preview(ctx.config, ctx.store)
    if as_json:
        print_json(view)
        return
    ctx.console.print(view_text(view), markup=False)


def home_preview(config: Any, store: Any) -> dict[str, Any]:
    """The Home view the Slack app would publish, from this data folder."""
    from bot.render.features import home_view
    from bot.slack.home import _safe, coverage_line
    from bot.slack.kpi_snapshot import kpi_snapshot
    from bot.slack.persona_features import slack_features

    scheduled, stop = _scheduled(config, store)
    try:
        with store.held():
            return home_view(
                business_name=getattr(getattr(config, "business", None), "name", None) or "My shop",
                coverage=coverage_line(store),
                snapshot=_safe(lambda: kpi_snapshot(store, config), "KPI snapshot"),
                alerts=_safe(scheduled.get("open_alerts"), "open alerts"),
                personas=_safe(slack_features(store)["personas"], "personas"),
                subscriptions=_safe(scheduled.get("subscriptions"), "subscriptions"),
                sources=_safe(scheduled.get("sources_status"), "data sources"),
            )
    finally:
        stop()


def _scheduled(config: Any, store: Any) -> tuple[dict[str, Any], Any]:
    """The scheduler's Home features over its job and alert stores, started paused: nothing runs
    and nothing is posted (as `journeybot digest --post` opens it). A data folder that never kept
    operational state has no alert and no subscription: a preview does not create its files."""
    from bot.scheduler.features import scheduler_features, source_lines
    from bot.scheduler.scheduler import JourneyScheduler

    if not _state_kept(config):
        return {"open_alerts": list, "subscriptions": list, "sources_status": lambda: source_lines(config)}, lambda: None
    scheduler = JourneyScheduler(config, None, store=store)

    def stop() -> None:
        if scheduler.scheduler is not None:
            scheduler.scheduler.shutdown(wait=False)

    return scheduler_features(scheduler), stop


def _state_kept(config: Any) -> bool:
    """Whether there is operational state to read: a shared database, or the local files."""
    urls = [config.state_url, config.jobstore_url]
    local = [u.split(":///", 1)[1] for u in urls if u.startswith("sqlite") and ":///" in u]
    return len(local) < len(urls) or any(Path(p).exists() for p in local)


def view_text(view: dict[str, Any]) -> str:
    """A Home view's blocks as plain text, in order, as Slack shows them (markup unescaped)."""
    out: list[str] = []
    for block in view.get("blocks", []):
        kind = block.get("type")
        if kind == "header":
            out += ["", block["text"]["text"].upper()]
        elif kind == "divider":
            out.append("-" * 60)
        elif kind == "section":
            out.append(html.unescape(block["text"]["text"]).replace("```", ""))
        elif kind == "context":
            out += [html.unescape(e.get("text", "")) for e in block.get("elements", [])]
        elif kind == "actions":
            out.append("[" + "] [".join(e["text"]["text"] for e in block.get("elements", [])) + "]")
    return "\n".join(out).strip("\n")
