"""The tour's screens for data that syncs itself, Slack's assistant panel and running as a
service: a few lines each, from the same code as their full sections (bot/cli/sources.py,
bot/cli/assistant_demo.py, bot/cli/service.py), which `journeybot demo --full` shows."""

from __future__ import annotations

import json

from bot.cli.common import Ctx


def _say(ctx: Ctx, *lines: str) -> None:
    for line in lines:
        ctx.console.print(line, markup=False)


def data_that_syncs_itself(ctx: Ctx) -> None:
    """A Shopify export dropped into an inbox loads by itself, into a scratch store so the
    sample is left alone."""
    import tempfile
    from pathlib import Path

    from bot.cli.sources import DEMO_EXPORT
    from tools.data.store import JourneyStore
    from tools.data.vendors.catalogue import vendor_recipes
    from tools.sources.spec import SourceSpec
    from tools.sources.state import SourceState
    from tools.sources.sync import sync_source

    with tempfile.TemporaryDirectory(prefix="journeybot-tour-inbox-") as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        (inbox / "orders_export.csv").write_text(DEMO_EXPORT, encoding="utf-8")
        store = JourneyStore(None, timezone=ctx.config.business.timezone)
        try:
            report = sync_source(store, SourceSpec(name="drop", kind="inbox", path=str(inbox)), SourceState(None))
            orders = store.count("orders")
        finally:
            store.close()
        moved = ", ".join(f"{p.name}/" for p in inbox.iterdir() if p.is_dir()) or "nowhere"
    how = report.files[0].to_text().split("(as ", 1)[-1].split(":")[0] if report.files else "a file"
    loaded = (f"loaded by itself as a {how}: {orders:,} orders, the file moved to {moved}."
              if report.ok else f"not loaded: {report.error}.")
    _say(ctx, f"An orders export dropped into a folder journeybot watches was {loaded}",
         f"Exports from {len({r.vendor for r in vendor_recipes()})} services load as they are "
         "(journeybot ingest --vendors); Shopify, Zendesk, Typeform, a folder or a URL sync by themselves: "
         "[[sources]] in the config (docs/SOURCES.md).")


def assistant_panel(ctx: Ctx) -> None:
    from bot.agent.agent import JourneyAgent
    from bot.agent.suggest import suggestions_for

    prompts = suggestions_for(ctx.store)
    _say(ctx, "Opening journeybot's side panel in Slack offers questions drawn from your data: "
              + "; ".join(f'"{p.message}"' for p in prompts[:2]) + "; it says what it is doing while it "
              "works and streams the answer.")
    if ctx.details and prompts:
        from bot.agent.schemas import compact_schema, tool_description

        agent = JourneyAgent.from_config(ctx.config, store=ctx.store)
        offer = agent.shortlist(prompts[0].message, "demo-tour-model")
        sent = [t for t in agent.tools if t.name in offer.offered]
        size = sum(len(tool_description(t)) + len(json.dumps(compact_schema(t.params))) for t in sent)
        _say(ctx, f"With a language model the first would offer {len(sent)} of {len(agent.tools)} tools "
                  f"({size / 1000:.1f} kB of schemas).")


def running_it_for_real(ctx: Ctx) -> None:
    from bot.cli.service import build_health

    status, _, body = build_health(ctx.config, ctx.store, None, None).respond("/ready")
    checks = json.loads(body).get("checks", {})
    _say(ctx, f"As a service it answers /health, /ready ({status}: "
              + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in checks.items())
              + ") and /metrics; run it with docker compose -f deploy/compose.yaml up -d or the systemd "
              "unit in deploy/ (docs/DEPLOY.md).")


def when_customers_come(ctx: Ctx) -> str:
    """One line for the KPI screen, over its period (the last 30 days): the days with the most
    and the fewest orders, fairly counted (orders per Monday, not per period), or that none
    stands out."""
    from tools.analytics.periods import Period
    from tools.analytics.time_pattern import PatternParams, time_pattern

    month = Period(name="last_30_days")
    week = time_pattern(ctx.store, PatternParams(metric="orders", by="weekday", period=month), ctx.config.kpi_settings())
    if week.highest is None or week.verdict in ("few", "flat", "noise"):
        line = "When customers come: no day of the week stands out for orders"
    else:
        top = f"{week.highest}s" + (f" and {week.runner_up}s" if week.verdict == "tied" and week.runner_up else "")
        line = f"When customers come: busiest {top}, quietest {week.lowest}s"
    more = " (journeybot pattern)"
    return line + (more if len(line + more) < 80 else ".")  # one line of the 80-column tour


def what_sells_best(ctx: Ctx) -> str:
    """One line for the KPI screen: the products bringing in the most revenue over its period,
    with their shares, or what the orders do not list (tools/analytics/product_sales.py)."""
    from tools.analytics.periods import Period
    from tools.analytics.product_sales import ProductSalesParams, ProductSalesResult, product_sales

    r = product_sales(ctx.store, ProductSalesParams(by="product", period=Period(name="last_30_days"), top=3))
    if not isinstance(r, ProductSalesResult) or r.groups.empty:
        return "What sells best: the orders list no products (journeybot products)"
    shares = [f"{g} {r.numbers.percent(s)}" for g, s in zip(r.groups.group[:3], r.groups.share[:3], strict=True)]
    lines = [f"What sells best: {', '.join(shares[:k])} of revenue (journeybot products)" for k in (3, 2, 1)]
    return next((line for line in lines if len(line) <= 100), lines[-1])  # about a line of the tour
