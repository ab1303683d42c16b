"""Refunds, cancellations and head counts of customers as KPIs, each checked against pandas on
the same orders: the bank's sample, Olist's raw files (canceled, unavailable) and the Shopify and
WooCommerce exports with refunds, with each vendor's meaning of its statuses written out here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO, external
from sample_cache import bank_store

from tools.analytics.compare import CompareParams, compare
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.movers import MoversParams, top_movers
from tools.analytics.periods import Period
from tools.analytics.trends import TrendParams, trend
from tools.core.errors import NoDataError
from tools.data.ingest import ingest_recipe
from tools.data.store import JourneyStore
from tools.data.vendors.load import ingest_export

VENDORS = Path(__file__).resolve().parents[1] / "fixtures" / "vendors"
STATUS_KPIS = ["refunded_orders", "refund_rate", "cancelled_orders", "cancellation_rate"]
HEADS = ["buyers", "repeat_customers"]
ALL = Period(name="all")


def values(store: JourneyStore, metrics: list[str], period: Period = ALL) -> dict:
    return {v.metric: v for v in kpis(store, KpiParams(metrics=metrics, period=period)).values}


def by_kind(kinds: pd.Series) -> dict[str, float]:
    """The four KPIs from each order's kind (completed, pending, cancelled, returned)."""
    n = kinds.value_counts()
    done, back, off = n.get("completed", 0), n.get("returned", 0), n.get("cancelled", 0)
    return {"refunded_orders": back, "refund_rate": back / (done + back), "cancelled_orders": off,
            "cancellation_rate": off / (done + back + off), "sold": done + back, "settled": done + back + off,
            "pending": n.get("pending", 0)}


def assert_matches(v: dict, want: dict) -> None:
    assert v["refunded_orders"].value == want["refunded_orders"]
    assert v["cancelled_orders"].value == want["cancelled_orders"]
    assert v["refund_rate"].value == pytest.approx(want["refund_rate"])
    assert v["cancellation_rate"].value == pytest.approx(want["cancellation_rate"])
    assert (v["refund_rate"].n, v["cancellation_rate"].n) == (want["sold"], want["settled"])
    # pending orders can still be cancelled or returned: in neither rate, counted apart
    assert v["refund_rate"].excluded == v["cancellation_rate"].excluded == want["pending"]


# -- the sample the question banks are asked against ------------------------------------------

def test_refunds_cancellations_and_head_counts_on_the_sample_match_pandas():
    store = bank_store()
    with store.connect() as con:
        orders = con.execute("SELECT customer_id, ts, status FROM orders").df()
    local = pd.to_datetime(orders.ts, utc=True).dt.tz_convert("Europe/London")
    orders = orders.assign(day=local.dt.date, kind=orders.status.fillna("completed"))
    first, last = dt.date(2026, 7, 1), dt.date(2026, 9, 30)  # a quarter with returns and cancellations
    period = Period(start=first, end=last)
    inside = orders[(orders.day >= first) & (orders.day <= last)]
    v = values(store, STATUS_KPIS + HEADS, period)
    want = by_kind(inside.kind)
    assert want["refunded_orders"] > 0 and want["cancelled_orders"] > 0
    assert_matches(v, want)
    # buyers: a completed order in the quarter; repeat: two or more completed orders by its end
    done = orders[orders.kind == "completed"]
    buyers = set(done[(done.day >= first) & (done.day <= last)].customer_id)
    by_end = done[done.day <= last].groupby("customer_id").size()
    assert v["buyers"].value == len(buyers)
    assert v["repeat_customers"].value == int((by_end.reindex(sorted(buyers)) >= 2).sum())
    assert v["repeat_customers"].n == len(buyers)
    # "more than 3 times" is read off the note: buyers with 4 or more completed orders by then
    four = int((by_end.reindex(sorted(buyers)) >= 4).sum())
    assert 0 < four < len(buyers)
    note = next(n for n in kpis(store, KpiParams(metrics=["repeat_customers"], period=period))
                .provenance.notes if n.startswith("repeat customers:"))
    assert f"{four:,} with 4 or more" in note
    # and asked for directly: repeat customers counted at 4 or more orders
    at_four = kpis(store, KpiParams(metrics=["repeat_customers"], period=period, min_orders=4)).headline
    assert (at_four.value, at_four.n, at_four.label) == (four, len(buyers), "Customers with 4 or more orders")
    with pytest.raises(ValueError, match="min_orders"):
        KpiParams(metrics=["repeat_customers"], min_orders=1)


def test_the_new_kpis_flow_through_trend_compare_and_movers():
    store = bank_store()
    t = trend(store, TrendParams(metric="refund_rate", grain="month", period=Period(name="last_90_days")))
    assert t.to_text().startswith("Refund rate by month")
    c = compare(store, CompareParams(metrics=["cancelled_orders", "repeat_customers"], period=Period(name="last_month")))
    assert "Cancelled orders" in c.to_text() and "Repeat customers" in c.to_text()
    m = top_movers(store, MoversParams(metric="cancellation_rate", by="channel"))
    assert "Cancellation rate" in m.to_text()


def test_an_alert_watches_refunds_a_day_at_a_time():
    from tools.alerts.series import KpiSeriesProvider, Scope

    store = bank_store()
    with store.connect() as con:
        orders = con.execute("SELECT ts, status FROM orders").df()
    day = pd.to_datetime(orders.ts, utc=True).dt.tz_convert("Europe/London").dt.date
    first, last = dt.date(2026, 8, 1), dt.date(2026, 8, 31)
    want = day[(orders.status == "returned") & (day >= first) & (day <= last)].value_counts()
    got = KpiSeriesProvider(store).daily("refunds", Scope(), first, last)  # the owner's word for it
    assert len(got) == 31 and got.value.sum() == want.sum() > 0
    assert {d: v for d, v in zip(got.date, got.value, strict=True) if v} == {d: float(n) for d, n in want.items()}


# -- exports that cannot tell ------------------------------------------------------------------

def test_an_export_of_sales_only_refuses_refunds_with_the_reason():
    from kpi_fixtures import store_with

    store = store_with([(1, 1, 10.0, "completed"), (1, 30, 12.0, "completed"), (2, 5, 8.0, None)], [])
    r = kpis(store, KpiParams(period=ALL))
    assert "refund_rate" in r.unavailable and "no status other than completed" in r.unavailable["refund_rate"]
    assert r.get("repeat_customers").value == 1
    with pytest.raises(NoDataError, match="no status other than completed"):
        kpis(store, KpiParams(metrics=["cancellation_rate"], period=ALL))


# -- vendor exports with refunds --------------------------------------------------------------

def _shopify_kinds() -> pd.Series:
    d = pd.read_csv(VENDORS / "shopify/orders_export.csv", dtype=str, keep_default_na=False)
    first = d[(d["Financial Status"] != "") & (d["Payment Method"] != "bogus")]
    # Shopify: paid and partially refunded stay sales; refunded is a return; voided and expired,
    # and any order with a Cancelled at date, are cancellations
    kind = first["Financial Status"].map({"paid": "completed", "partially_refunded": "completed",
                                         "pending": "pending", "authorized": "pending",
                                         "partially_paid": "pending", "refunded": "returned",
                                         "voided": "cancelled", "expired": "cancelled"})
    return kind.where(first["Cancelled at"] == "", "cancelled")


def _woo_kinds() -> pd.Series:
    d = pd.read_csv(VENDORS / "woocommerce/orders.csv", dtype=str, keep_default_na=False)
    return d["status"].str.removeprefix("wc-").map({
        "completed": "completed", "processing": "completed", "pending": "pending", "on-hold": "pending",
        "checkout-draft": "pending", "failed": "cancelled", "cancelled": "cancelled", "trash": "cancelled",
        "refunded": "returned"})


@pytest.mark.parametrize(("path", "zone", "kinds"), [
    (VENDORS / "shopify/orders_export.csv", "Europe/Berlin", _shopify_kinds),
    (VENDORS / "woocommerce/orders.csv", "Europe/London", _woo_kinds),
], ids=["shopify", "woocommerce"])
def test_vendor_refunds_and_cancellations_match_the_raw_export(path, zone, kinds):
    store = JourneyStore(None, timezone=zone)
    try:
        ingest_export(store, path)
        r = kpis(store, KpiParams(metrics=STATUS_KPIS, period=ALL))
        want = by_kind(kinds())
        assert want["refunded_orders"] > 0 and want["cancelled_orders"] > 0
        assert_matches({v.metric: v for v in r.values}, want)
        # the note says which of the export's words were counted as what
        note = next(n for n in r.provenance.notes if n.startswith("refunds count"))
        assert f"{want['refunded_orders']} returned: {want['refunded_orders']} refunded" in note
    finally:
        store.close()


# -- real data --------------------------------------------------------------------------------

@pytest.mark.realdata
def test_olist_cancellations_and_head_counts_match_the_raw_files(store):
    data = external("olist_sample")
    ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=data)
    orders = pd.read_csv(data / "olist_orders_dataset.csv").merge(
        pd.read_csv(data / "olist_customers_dataset.csv"), on="customer_id")
    # Olist: delivered is a sale; canceled and unavailable never were; the rest is on its way
    kind = orders.order_status.map(lambda s: {"delivered": "completed", "canceled": "cancelled",
                                              "unavailable": "cancelled"}.get(s, "pending"))
    r = kpis(store, KpiParams(metrics=STATUS_KPIS + HEADS, period=ALL))
    v = {x.metric: x for x in r.values}
    want = by_kind(kind)
    assert want["cancelled_orders"] > 0 and want["refunded_orders"] == 0
    assert_matches(v, want)
    note = next(n for n in r.provenance.notes if n.startswith("refunds count"))
    assert "unavailable" in note  # Olist's own word, named under cancelled
    # Olist has no word for a refund: its refund rate of 0 is said to mean "not recorded"
    assert any(n.startswith("no order in the whole data is returned or refunded") for n in r.provenance.notes)
    assert not any(n.startswith("no order in the whole data is cancelled") for n in r.provenance.notes)
    # a person is customer_unique_id
    per_person = orders[orders.order_status == "delivered"].groupby("customer_unique_id").size()
    assert v["buyers"].value == len(per_person)
    assert v["repeat_customers"].value == int((per_person >= 2).sum())


def test_acuity_no_shows_are_cancellations_named_by_their_own_word():
    d = pd.read_csv(VENDORS / "acuity/appointments.csv", dtype=str, keep_default_na=False)
    yes = ("yes", "true", "1")
    # Acuity: a canceled appointment and a no-show (flag or label, the word it keeps) never made a sale
    no_show = d["No Show"].str.lower().isin(yes) | d["Label"].isin(["No Show", "No-Show", "Noshow"])
    off = d["Canceled"].str.lower().isin(yes) | no_show
    store = JourneyStore(None, timezone="America/Chicago")
    try:
        ingest_export(store, VENDORS / "acuity/appointments.csv")
        r = kpis(store, KpiParams(metrics=["cancelled_orders", "cancellation_rate"], period=ALL))
        v = {x.metric: x for x in r.values}
        assert v["cancelled_orders"].value == int(off.sum()) > int(no_show.sum()) > 0
        assert v["cancellation_rate"].value == pytest.approx(off.mean())
        note = next(n for n in r.provenance.notes if n.startswith("cancellations count"))
        assert f"{int(no_show.sum())} no show" in note
    finally:
        store.close()
