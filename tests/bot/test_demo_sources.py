"""The demo's screens for data that syncs itself load their Shopify export by themselves: a
newcomer's first run of `journeybot demo` shows the inbox working, not a refused file."""

from __future__ import annotations

from bot.cli import tour_more
from bot.cli.common import Ctx
from bot.cli.sources import demo_sources


def _shown(run) -> str:
    ctx = Ctx()
    with ctx.console.capture() as captured:
        run(ctx)
    return captured.get()


def test_the_tour_screen_loads_the_dropped_export():
    out = _shown(tour_more.data_that_syncs_itself)
    assert "was loaded by itself as a Shopify orders export: 3 orders" in out, out
    assert "refused" not in out


def test_the_full_section_loads_each_order_with_its_status():
    out = _shown(demo_sources)
    assert "sync failed" not in out and "refused" not in out, out
    assert "#1001 completed (3 items: Sourdough loaf, Raspberry jam); #1002 returned" in out, out
    assert "#1003 cancelled" in out
