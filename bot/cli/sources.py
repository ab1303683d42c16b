"""`journeybot sources list|test|sync|status`: the [[sources]] of the config, at work."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from bot.cli.common import (
    EXIT_ENVIRONMENT,
    EXIT_INPUT,
    CommandError,
    Ctx,
    friendly_errors,
    pass_ctx,
    print_json,
)
from bot.cli.data import WRITER_WAIT_S
from bot.sources import find_source, freshness, next_run, run_sync, schedule_text, source_state

NO_SOURCES = ("No sources in the config. Add a [[sources]] entry (see config.example.toml and "
              "docs/SOURCES.md), e.g.\n  [[sources]]\n  name = \"shop\"\n  kind = \"shopify\"\n"
              "  shop = \"my-shop\"\n  token_env = \"SHOPIFY_TOKEN\"")


@click.group("sources")
def sources_group() -> None:
    """Data that syncs itself: a folder inbox, a CSV or JSON URL, Shopify, Zendesk, Typeform.

    `list` and `status` report and exit 0, also when no source is configured (they say how to
    add one). `test` and `sync` need a source: with none they exit 1; a source that cannot be
    reached exits 3, data a sync refuses exits 1.

    \b
    Examples:
      journeybot sources list
      journeybot sources test shop
      journeybot sources sync            # every source, now
      journeybot sources status
    """


def _specs(ctx: Ctx, name: str | None) -> list:
    if name:
        return [find_source(ctx.config, name)]
    specs = list(ctx.config.sources)
    if not specs:
        raise CommandError(NO_SOURCES, EXIT_INPUT)
    return specs


@sources_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_ctx
@friendly_errors
def list_cmd(ctx: Ctx, as_json: bool) -> None:
    """The configured sources: kind, where from, what they load, when they sync.

    \b
    Examples:
      journeybot sources list
      journeybot sources list --json
    """
    specs = ctx.config.sources
    rows = [{"name": s.name, "kind": s.kind, "what": s.what, "schedule": schedule_text(ctx.config, s),
             "where": s.path or s.url or (s.api_base() if s.kind in ("shopify", "zendesk", "typeform") else ""),
             "loads": s.recipe or s.mapping or ", ".join(s.wanted) or "recognised per file",
             "token_env": s.token_env, "token_set": bool(ctx.config.source_credentials(s)) if s.token_env else None}
            for s in specs]
    if as_json:
        print_json(rows)
        return
    if not rows:
        ctx.console.print(NO_SOURCES, markup=False)
        return
    for r in rows:
        token = ""
        if r["token_env"]:
            token = f"; token from ${r['token_env']}" + ("" if r["token_set"] else " (NOT SET)")
        ctx.console.print(f"{r['name']:<14} {r['kind']:<9} {r['where']}\n{'':<24} loads {r['loads']}; "
                          f"{r['schedule']}{token}", markup=False)


@sources_group.command("test")
@click.argument("name", required=False)
@pass_ctx
@friendly_errors
def test_cmd(ctx: Ctx, name: str | None) -> None:
    """Reach each source with its credentials and write nothing.

    \b
    Example:
      journeybot sources test shop
    """
    from tools.sources.http import SourceError
    from tools.sources.sync import probe_source

    failed = 0
    for spec in _specs(ctx, name):
        try:
            text = probe_source(spec, credentials=ctx.config.source_credentials(spec))
            ctx.console.print(f"{spec.name}: OK, {text}", markup=False)
        except SourceError as exc:
            failed += 1
            ctx.console.print(f"{spec.name}: FAILED, {exc}", markup=False)
    if failed:
        raise CommandError(f"{failed} source(s) could not be reached", EXIT_ENVIRONMENT)


@sources_group.command("sync")
@click.argument("name", required=False)
@click.option("--here", is_flag=True, help="Sync in this process even when journeybot serve is running.")
@click.option("--wait", type=click.IntRange(min=1), default=900, show_default=True,
              help="Seconds to wait for a running serve to finish the syncs handed to it.")
@click.option("--no-index", "no_index", is_flag=True,
              help="Do not embed new survey and ticket texts now; `journeybot feedback index` does it later.")
@click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON.")
@pass_ctx
@friendly_errors
def sync_cmd(ctx: Ctx, name: str | None, here: bool, wait: int, no_index: bool, as_json: bool) -> None:
    """Sync now: load what is new since the last sync, all or nothing per page or file.

    A sync that stops half way (network, rate limit, a crash) resumes where it stopped next
    time; loading the same data again adds nothing. New survey and ticket texts are embedded
    next (a progress bar on a terminal; `--no-index` leaves them for later). When `journeybot
    serve` is running, the sync is handed to it (it holds the journey store; loading from here
    would make its answers wait; it embeds the texts in the background) and this command
    prints what it did. With several instances sharing PostgreSQL
    ([state] url), any running instance takes it, or this command syncs as the elected writer
    (waiting for another instance's write) and publishes the result.

    \b
    Examples:
      journeybot sources sync
      journeybot sources sync shop
    """
    from tools.sources.state import SyncRequests

    specs = [spec for spec in _specs(ctx, name) if spec.enabled or name]
    requests = SyncRequests(source_state(ctx.config))
    worker = None if here else requests.live_worker()
    if worker:
        if not as_json:
            ctx.err.print(f"journeybot serve is running ({worker}): it syncs, this waits for it.", markup=False)
        reports = _handed(requests, [s.name for s in specs], wait)
    else:
        store = None if ctx.config.shared else ctx.store  # shared: the writer opens its working copy
        reports = [_as_dict(run_sync(ctx.config, store, spec, wait_seconds=WRITER_WAIT_S)) for spec in specs]
    if as_json:
        print_json(reports)
    else:
        for r in reports:
            ctx.console.print(r["text"], markup=False)
    if (not worker and not no_index and ctx.config.feedback.index_on_load
            and any(r.get("ok") and r.get("rows_added") for r in reports)):
        from bot.cli.feedback import index_after_load

        index_after_load(ctx, ctx.store, quiet=as_json)
    failed = [r for r in reports if not r.get("ok")]
    if failed:
        data = any(r.get("error") == "data refused" or str(r.get("error") or "").endswith("files refused")
                   for r in failed)
        raise CommandError(f"{len(failed)} of {len(reports)} source(s) did not sync: "
                           + "; ".join(f"{r['name']}: {r.get('error') or r.get('detail')}" for r in failed),
                           EXIT_INPUT if data else EXIT_ENVIRONMENT)


def _as_dict(report: Any) -> dict[str, Any]:
    from tools.core.results import to_jsonable

    return {**to_jsonable(report), "text": report.to_text()}


def _handed(requests: Any, names: list[str], wait: int) -> list[dict[str, Any]]:
    """Ask the running serve to sync each source; its reports, in order."""
    import time

    ids = [(name, requests.ask(name)) for name in names]
    deadline = time.monotonic() + wait
    out: dict[str, dict[str, Any]] = {}
    while len(out) < len(ids):
        for name, request_id in ids:
            if name not in out and (result := requests.result(request_id)) is not None:
                out[name] = result
        if len(out) < len(ids):
            if time.monotonic() > deadline:
                pending = ", ".join(n for n, _ in ids if n not in out)
                raise CommandError(f"journeybot serve has not finished syncing {pending} after {wait} s; it "
                                   "goes on, see `journeybot sources status`", EXIT_ENVIRONMENT)
            time.sleep(0.5)
    return [out[name] for name, _ in ids]


@sources_group.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_ctx
@friendly_errors
def status_cmd(ctx: Ctx, as_json: bool) -> None:
    """Each source: last successful sync, rows added, next run, last error, freshness.

    \b
    Examples:
      journeybot sources status
      journeybot sources status --json
    """
    config = ctx.config
    if not config.sources:
        # a report, like `sources list`: nothing configured is an answer, not a failure
        if as_json:
            print_json([])
        else:
            ctx.console.print(NO_SOURCES, markup=False)
        return
    now = dt.datetime.now(dt.UTC)
    statuses = source_state(config).all()
    judged = {f.name: f for f in freshness(config, now)}
    rows = []
    for spec in config.sources:
        s = statuses.get(spec.name)
        rows.append({
            "name": spec.name, "kind": spec.kind, "freshness": judged[spec.name].state,
            "message": judged[spec.name].message,
            "last_success": s.last_success_at if s else None, "last_attempt": s.last_attempt_at if s else None,
            "rows_added_last_sync": s.last_rows if s else None, "rows_total": s.total_rows if s else 0,
            "newest_record": s.newest_record_at if s else None, "running": bool(s and s.running),
            "last_error": s.last_error if s and s.failing else None,
            "next_run": next_run(config, spec, now), "schedule": schedule_text(config, spec),
        })
    if as_json:
        print_json(rows)
        return
    tz = config.business.timezone
    for r in rows:
        ctx.console.print(f"{r['name']} ({r['kind']}, {r['schedule']}): {r['message']}", markup=False)
        last = _local(r["last_success"], tz) or "never"
        added = "" if r["rows_added_last_sync"] is None else f"; {r['rows_added_last_sync']:,} rows added last time"
        ctx.console.print(f"  last successful sync {last}{added}; next run {_local(r['next_run'], tz) or '-'}"
                          " (while journeybot serve runs)", markup=False)
        if r["running"]:
            ctx.console.print("  a sync is running now", markup=False)
        if r["last_error"]:
            ctx.console.print(f"  last error: {r['last_error']}", markup=False)


def _local(t: dt.datetime | None, tz: str) -> str | None:
    from zoneinfo import ZoneInfo

    return None if t is None else f"{t.astimezone(ZoneInfo(tz)):%a %d %b %H:%M}"


DEMO_EXPORT = """Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Total,\
Created at,Lineitem quantity,Lineitem name,Lineitem price,Cancelled at,Payment Method,Refunded Amount,Source
#1001,ana@example.com,paid,2026-05-04 10:13:00 +0100,fulfilled,GBP,9.00,0.00,9.00,2026-05-04 10:12:00 +0100,2,\
Sourdough loaf,3.50,,Shopify Payments,0.00,web
#1001,ana@example.com,,,,,,,,2026-05-04 10:12:00 +0100,1,Raspberry jam,2.00,,,,
#1002,ben@example.com,refunded,2026-05-05 09:01:00 +0100,fulfilled,GBP,32.00,0.00,32.00,\
2026-05-05 09:00:00 +0100,1,Birthday cake,32.00,,Shopify Payments,32.00,web
#1003,,voided,,,GBP,2.50,0.00,2.50,2026-05-05 11:30:00 +0100,1,Croissant,2.50,2026-05-05 11:40:00 +0100,\
Shopify Payments,0.00,pos
"""


def demo_sources(ctx: Ctx) -> None:
    """A Shopify orders export dropped into an inbox syncs by itself (a scratch store: the
    sample data is left alone)."""
    import tempfile
    from pathlib import Path

    from tools.data.store import JourneyStore
    from tools.data.vendors.catalogue import vendor_recipes
    from tools.sources.freshness import judge
    from tools.sources.spec import SourceSpec
    from tools.sources.state import SourceState
    from tools.sources.sync import sync_source

    with tempfile.TemporaryDirectory(prefix="journeybot-demo-inbox-") as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        (inbox / "orders_export.csv").write_text(DEMO_EXPORT, encoding="utf-8")
        spec = SourceSpec(name="drop", kind="inbox", path=str(inbox))
        store, state = JourneyStore(None, timezone=ctx.config.business.timezone), SourceState(None)
        say = ctx.console.print
        say("A Shopify orders export (4 rows: 3 orders, one with two line items) dropped into an inbox:",
            markup=False)
        say(sync_source(store, spec, state).to_text(), markup=False)
        rows = store.query("SELECT order_id, status, items, products FROM orders ORDER BY order_id")
        say("  " + "; ".join(f"{r.order_id} {r.status} ({r.items} items: {r.products})" for r in rows.itertuples()),
            markup=False)
        now = dt.datetime.now(dt.UTC)
        say(f"  moved to {', '.join(p.name for p in inbox.iterdir() if p.is_dir())}/; freshness: "
            f"{judge(spec, state.get('drop'), now, ctx.config.business.timezone).message}", markup=False)
        store.close()
    say("Exports that load as they are (`journeybot ingest FILE`): "
        + ", ".join(r.title.removesuffix(" export") for r in vendor_recipes()) + ".", markup=False)
    say("[[sources]] in the config sync Shopify, Zendesk, Typeform, a folder or a URL before the "
        "morning digest (docs/SOURCES.md).", markup=False)
