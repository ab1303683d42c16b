"""Cached analyses: a repeated question is not recomputed, and new data is never answered from
the cache. Checked against the events counted independently with pandas."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from bot.agent.catalog import all_tools
from bot.agent.tools import ToolContext, run_tool
from bot.config import load_config
from tools.core.errors import IngestError
from tools.data.cache import RESULTS
from tools.data.ingest import ingest_file
from tools.data.store import JourneyStore

# Written here, not by journeybot's sample generator.
FIRST = """customer_id,ts,touchpoint,channel
a1,2026-04-02 10:00,ad_click,search
a1,2026-04-02 10:04,product_view,search
a2,2026-04-03 12:00,ad_click,instagram
a2,2026-04-03 12:10,add_to_cart,instagram
a2,2026-04-03 12:15,order_placed,instagram
"""
LATER = """customer_id,ts,touchpoint,channel
b1,2026-04-04 09:00,ad_click,email
b1,2026-04-04 09:02,product_view,email
b2,2026-04-04 18:00,ad_click,search
b3,2026-04-05 08:00,ad_click,search
b3,2026-04-05 08:30,order_placed,search
"""


def customers(*csvs: str) -> int:
    return pd.concat([pd.read_csv(io.StringIO(c)) for c in csvs])["customer_id"].nunique()


@pytest.fixture
def loaded(tmp_path, home):
    RESULTS.clear()
    store = JourneyStore(tmp_path / "journey.duckdb", timezone="UTC")
    (tmp_path / "first.csv").write_text(FIRST)
    ingest_file(store, "events", tmp_path / "first.csv")
    ctx = ToolContext(store=store, config=load_config())
    return store, ctx, {t.name: t for t in all_tools()}


def test_a_repeated_question_is_answered_from_the_cache(loaded):
    store, ctx, specs = loaded
    first = run_tool(specs["funnel"], ctx, {"period": {"name": "all"}})
    hits = RESULTS.stats.hits
    again = run_tool(specs["funnel"], ctx, {"period": {"name": "all"}})
    assert first.ok and again.ok
    assert RESULTS.stats.hits == hits + 1 and again.result is first.result
    # Other arguments are another result.
    other = run_tool(specs["funnel"], ctx, {"period": {"name": "all"}, "by": "channel"})
    assert other.ok and other.result is not first.result


def test_new_data_is_never_answered_from_the_cache(loaded, tmp_path):
    store, ctx, specs = loaded
    before = run_tool(specs["kpis"], ctx, {"metrics": ["active_customers"], "period": {"name": "all"}})
    assert before.ok, before.error
    assert before.result.get("active_customers").value == customers(FIRST) == 2
    version = store.data_version()
    (tmp_path / "later.csv").write_text(LATER)
    ingest_file(store, "events", tmp_path / "later.csv")
    assert store.data_version() == version + 1
    after = run_tool(specs["kpis"], ctx, {"metrics": ["active_customers"], "period": {"name": "all"}})
    assert after.result.get("active_customers").value == customers(FIRST, LATER) == 5


def test_a_load_by_another_process_is_seen(loaded, tmp_path):
    """Another journeybot (a command-line ingest while `serve` runs) opens the file itself."""
    store, ctx, specs = loaded
    run_tool(specs["funnel"], ctx, {"period": {"name": "all"}})
    other = JourneyStore(tmp_path / "journey.duckdb", timezone="UTC")
    (tmp_path / "later.csv").write_text(LATER)
    ingest_file(other, "events", tmp_path / "later.csv")
    fresh = run_tool(specs["funnel"], ctx, {"period": {"name": "all"}})
    assert fresh.result.entered == customers(FIRST, LATER) == 5


def test_a_failed_load_and_an_unchanged_reload_keep_the_cache(loaded, tmp_path):
    store, ctx, specs = loaded
    version = store.data_version()
    (tmp_path / "bad.csv").write_text("customer_id,ts,touchpoint\nx,not a date,website_visit\n")
    with pytest.raises(IngestError):
        ingest_file(store, "events", tmp_path / "bad.csv")
    ingest_file(store, "events", tmp_path / "first.csv")  # the same rows again: nothing new
    assert store.data_version() == version


def test_erasing_a_customer_invalidates(loaded):
    store, ctx, specs = loaded
    first = run_tool(specs["funnel"], ctx, {"period": {"name": "all"}})
    assert first.result.entered == 2
    store.delete_customer("a2")
    after = run_tool(specs["funnel"], ctx, {"period": {"name": "all"}})
    assert after.result.entered == 1
