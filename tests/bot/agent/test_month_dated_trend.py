"""Data dated by month only (UCI's online shoppers: every row on the 1st) is shown month by month
whatever grain a trend asks for. The reading above the answer said "week by week" over monthly
points; it now says the grain the answer shows."""

from __future__ import annotations

from bot.agent.agent import JourneyAgent
from bot.agent.tools import ToolContext
from bot.config import load_config
from tools.data.ingest import ingest_file


def _agent(store, tmp_path) -> JourneyAgent:
    (tmp_path / "c.csv").write_text("customer_id\nA\nB\n")
    ingest_file(store, "customers", tmp_path / "c.csv")
    rows = "".join(f"{i},{'AB'[i % 2]},2026-{1 + i % 5:02d}-01 00:00,{10 + i}\n" for i in range(1, 41))
    (tmp_path / "o.csv").write_text("order_id,customer_id,ts,amount\n" + rows)
    ingest_file(store, "orders", tmp_path / "o.csv")
    assert store.span("orders").granularity == "month"
    return JourneyAgent(ToolContext(store=store, config=load_config()), memory_path=tmp_path / "memory.sqlite")


def test_a_trend_over_month_dated_orders_is_headed_month_by_month(store, tmp_path):
    a = _agent(store, tmp_path).answer("how has revenue trended week by week over all our data?")
    assert a.tool_calls and a.tool_calls[0].name == "trend" and a.tool_calls[0].args.get("grain") == "week"
    assert "month by month" in a.understood and "week by week" not in a.understood
    first = a.text.splitlines()[0]
    assert "month by month" in first and "week by week" not in first
    assert "Revenue by month" in a.text


def test_the_heading_keeps_the_period_answered(store, tmp_path):
    # A month grain left to its default period reads 180 days; the answer covered the 90 asked.
    a = _agent(store, tmp_path).answer("how has revenue trended?")
    assert a.understood == "Revenue month by month, last 90 days"
    assert "last 90 days (Mar 2026 to May 2026)" in a.text
