"""The live Shopify connection and the Shopify orders export count the same orders alike: the
fake Shopify API's orders are synced, and written out as Shopify's orders export (one row per
line item, the order's own fields on its first row) and loaded; each order's kind, word and
amount agree. Expected kinds are Shopify's meanings, read from the fake's records here."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from fakes.vendors.shopify import TOKEN

from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.data.store import JourneyStore
from tools.data.vendors.load import ingest_export
from tools.sources.http import HttpSettings
from tools.sources.spec import SourceSpec
from tools.sources.state import SourceState
from tools.sources.sync import sync_source


def refunded(order: dict) -> float:
    return sum(float(t["amount"]) for r in order["refunds"] for t in r["transactions"]
               if t["kind"] == "refund" and t["status"] == "success")


def export_time(text: str | None) -> str:
    return dt.datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M:%S %z") if text else ""


def as_export(orders: list[dict]) -> pd.DataFrame:
    """Shopify's orders export of these API orders, as the admin downloads it."""
    rows = []
    for o in orders:
        for i, li in enumerate(o["line_items"]):
            first = i == 0
            rows.append({
                "Name": o["name"], "Email": o["email"] or "",
                "Financial Status": o["financial_status"] if first else "",
                "Currency": o["currency"] if first else "",
                "Total": o["total_price"] if first else "",
                "Created at": export_time(o["created_at"]),
                "Lineitem quantity": li["quantity"], "Lineitem name": li["name"],
                "Cancelled at": export_time(o["cancelled_at"]) if first else "",
                "Payment Method": ", ".join(o["payment_gateway_names"]) if first else "",
                "Refunded Amount": f"{refunded(o):.2f}" if first else "",
                "Source": o["source_name"] if first else "",
            })
    return pd.DataFrame(rows)


@pytest.fixture
def shop_orders(fake_shopify) -> list[dict]:
    """The fake's orders plus one partly refunded, then cancelled (Shopify's cancel refunds only
    what the shop chooses), and one voided on cancellation."""
    base = next(o for o in fake_shopify.orders if o["financial_status"] == "partially_refunded")
    now = fake_shopify.clock.now.astimezone(dt.timezone(dt.timedelta(hours=2))).isoformat(timespec="seconds")
    fake_shopify.add_order(financial_status="partially_refunded", cancelled_at=now, refunds=base["refunds"],
                           total_price=base["total_price"], current_total_price=base["current_total_price"],
                           line_items=base["line_items"], payment_gateway_names=["shopify_payments"])
    paid = next(o for o in fake_shopify.orders if o["financial_status"] == "paid" and not o["test"])
    fake_shopify.add_order(financial_status="voided", cancelled_at=now, total_price=paid["total_price"],
                           current_total_price=paid["total_price"], line_items=paid["line_items"],
                           payment_gateway_names=["shopify_payments"])
    return fake_shopify.orders


def by_order(store: JourneyStore) -> pd.DataFrame:
    return store.query("SELECT order_id, status, status_raw, round(amount, 2) AS amount, channel FROM orders"
                       " ORDER BY order_id").set_index("order_id")


def test_the_api_and_the_export_count_every_order_alike(fake_shopify, shop_orders, tmp_path):
    live = JourneyStore(None, timezone="Europe/Berlin")
    spec = SourceSpec(name="shop", kind="shopify", base_url=fake_shopify.base_url, token_env="SHOPIFY_TOKEN")
    report = sync_source(live, spec, SourceState(None), credentials={"token": TOKEN},
                         settings=HttpSettings(sleep=lambda s: None))
    assert report.ok, report.to_text()
    path = tmp_path / "orders_export.csv"
    as_export(shop_orders).to_csv(path, index=False)
    exported = JourneyStore(None, timezone="Europe/Berlin")
    ingest_export(exported, path)

    api, csv = by_order(live), by_order(exported)
    pd.testing.assert_frame_equal(api, csv)

    # what Shopify means, from the fake's own records: the partly refunded then cancelled order
    # kept its total less its refund and is a sale; the other cancelled ones are not
    late = shop_orders[-2]
    assert api.loc[late["name"], "status"] == "completed"
    assert api.loc[late["name"], "status_raw"] == "partially_refunded_then_cancelled"
    assert api.loc[late["name"], "amount"] == pytest.approx(float(late["total_price"]) - refunded(late))
    real = [o for o in shop_orders if not o["test"]]
    sold = [o for o in real if o["financial_status"] in ("paid", "partially_refunded")
            and (not o["cancelled_at"] or o["financial_status"] == "partially_refunded")]
    never = [o for o in real if o["cancelled_at"] and o["financial_status"] != "partially_refunded"
             or o["financial_status"] in ("voided", "expired")]
    for store in (live, exported):
        res = kpis(store, KpiParams(period=Period(name="all"), metrics=["orders", "revenue", "cancelled_orders"]))
        got = {v.metric: v.value for v in res.values}
        assert got["orders"] == len(sold)
        assert got["revenue"] == pytest.approx(sum(float(o["total_price"]) - refunded(o) for o in sold))
        assert got["cancelled_orders"] == len(never)
    assert api.loc[shop_orders[-1]["name"], "status_raw"] == "voided"
    live.close()
    exported.close()
