"""A time pattern over a small real shop (the Shopify orders export in tests/fixtures/vendors):
a rate named highest or lowest on a handful of orders carries the caution, the hours with no
orders are said as ranges, what an empty hour is not is said in the KPI's own unit, and one
month is "1 month". Every count is checked against pandas over the raw export, written here."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tools.analytics.kpi_request import KpiSettings
from tools.analytics.time_pattern import PatternParams, time_pattern

VENDORS = Path(__file__).resolve().parents[1] / "fixtures" / "vendors"
ALL = {"name": "all"}


@pytest.fixture(scope="module")
def store():
    from tools.data.store import JourneyStore
    from tools.data.vendors.load import ingest_export

    store = JourneyStore(None, timezone="Europe/Berlin")
    for export in ("shopify/customers_export.csv", "shopify/orders_export.csv"):
        ingest_export(store, VENDORS / export)
    yield store
    store.close()


@pytest.fixture(scope="module")
def orders() -> pd.DataFrame:
    """One row per order (its first line), the shop's own test orders left out, with its Berlin
    weekday and hour, whether it is settled (not waiting for payment, or cancelled) and
    cancelled (a cancel date, or voided)."""
    raw = pd.read_csv(VENDORS / "shopify" / "orders_export.csv", dtype=str).groupby("Name", as_index=False).first()
    raw = raw[raw["Tags"].fillna("") != "test"]
    local = pd.to_datetime(raw["Created at"], utc=True).dt.tz_convert("Europe/Berlin")
    waiting = raw["Financial Status"].isin(["pending", "authorized", "partially_paid"])
    cancelled = raw["Cancelled at"].notna() | (raw["Financial Status"] == "voided")
    completed = raw["Financial Status"].isin(["paid", "partially_refunded"]) & ~cancelled
    return raw.assign(weekday=local.dt.day_name(), hour=local.dt.hour, settled=~waiting | cancelled,
                      cancelled=cancelled, completed=completed)


def test_a_rate_named_highest_on_few_orders_carries_the_caution(store, orders):
    r = time_pattern(store, PatternParams(metric="cancellation_rate", by="weekday", period=ALL))
    settled = orders[orders["settled"]]
    by_day = settled.groupby("weekday")["cancelled"].agg(["sum", "size"])
    t = r.table.set_index("label")
    assert (t.loc[by_day.index, "n"].astype(int) == by_day["size"]).all()
    assert (t.loc[by_day.index, "value"] - by_day["sum"] / by_day["size"]).abs().max() < 1e-9
    assert r.verdict in ("clear", "tied")
    named = [x for x in (r.highest, r.runner_up if r.verdict == "tied" else None, r.lowest) if x]
    summary = r.summary()
    assert "Caution:" in summary and "fewer than 30" in summary
    for day in named:  # every day named rests on fewer than 30 settled orders, each said with its n
        assert by_day.loc[day, "size"] < 30 and f"{day} (n={by_day.loc[day, 'size']})" in summary
    assert "(rough: few rows)" in r.headline()
    # The threshold is the KPIs' small sample: below every named day's n there is no caution.
    low = min(int(by_day.loc[d, "size"]) for d in named)
    calm = time_pattern(store, PatternParams(metric="cancellation_rate", by="weekday", period=ALL),
                        KpiSettings(min_sample=low))
    assert "Caution" not in calm.summary()


def test_a_count_pattern_has_no_caution(store):
    r = time_pattern(store, PatternParams(metric="orders", by="weekday", period=ALL))
    assert "Caution" not in r.summary()


def test_empty_hours_are_ranges_and_not_zero_for_money(store, orders):
    r = time_pattern(store, PatternParams(metric="aov", by="hour", period=ALL))
    busy = set(orders.loc[orders["completed"], "hour"])
    empty = [h for h in range(24) if h not in busy]
    # the runs of empty hours as pandas finds them, written 01:00-06:00
    runs = pd.Series(empty).groupby(pd.Series(empty).diff().ne(1).cumsum()).agg(["first", "last"])
    spans = [f"{a:02d}:00-{(b + 1) % 24:02d}:00" for a, b in zip(runs["first"], runs["last"], strict=True)]
    note = next(n for n in r.provenance.notes if n.startswith("No orders at"))
    for span in spans:
        assert span in note
    assert "01:00-02:00" not in note  # one run, not each hour
    assert "(not zero)" in note and "0%" not in note  # an average order value is not a percentage


def test_one_month_is_one_month(store, orders):
    r = time_pattern(store, PatternParams(metric="orders", by="month",
                                          period={"start": "2025-04-01", "end": "2025-04-30"}))
    note = " ".join(r.provenance.notes)
    assert "the data covers 1 month (Apr 2025)" in note and "1 months" not in note
    april = orders[orders["completed"] & pd.to_datetime(orders["Created at"], utc=True)
                   .dt.tz_convert("Europe/Berlin").dt.strftime("%Y-%m").eq("2025-04")]
    assert int(r.table.set_index("label").loc["April", "total"]) == len(april)
