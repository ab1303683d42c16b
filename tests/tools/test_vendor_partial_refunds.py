"""A partly refunded order counts at what the shop kept, wherever the export says what was
refunded: Shopify (Refunded Amount), Squarespace (Amount Refunded), Square (refund rows), Stripe
(Amount Refunded / Converted Amount Refunded), WooCommerce (the refunds in refund_items). Revenue through the KPI tool agrees with pandas
reading the raw file, main and held-back exports alike."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.data.mapping import parse_aggregates
from tools.data.store import JourneyStore
from tools.data.vendors.load import ingest_export

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MAIN, HELDOUT = FIXTURES / "vendors", FIXTURES / "vendors_heldout"


def raw(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def money(s: pd.Series) -> pd.Series:
    return s.str.replace(r"[$£€,]", "", regex=True).replace("", "0").astype(float)


def revenue(path: Path, zone: str) -> tuple[float, JourneyStore]:
    store = JourneyStore(None, timezone=zone)
    ingest_export(store, path)
    got = kpis(store, KpiParams(period=Period(name="all"), metrics=["revenue"])).values
    return next(v.value for v in got), store


@pytest.mark.parametrize("root", [MAIN, HELDOUT], ids=["main", "heldout"])
def test_shopify_revenue_is_net_of_partial_refunds(root):
    d = raw(root / "shopify/orders_export.csv")
    first = d[(d["Financial Status"] != "") & (d["Payment Method"] != "bogus")]
    # Shopify: paid and partially_refunded orders make revenue; Refunded Amount is what went back
    counted = first[first["Financial Status"].isin(["paid", "partially_refunded"]) & (first["Cancelled at"] == "")]
    assert (counted["Financial Status"] == "partially_refunded").any()
    got, store = revenue(root / "shopify/orders_export.csv", "Europe/Berlin")
    store.close()
    assert got == pytest.approx((money(counted["Total"]) - money(counted["Refunded Amount"])).sum())


@pytest.mark.parametrize("root", [MAIN, HELDOUT], ids=["main", "heldout"])
def test_squarespace_revenue_is_net_of_partial_refunds(root):
    d = raw(root / "squarespace/orders.csv")
    first = d[d["Email"] != ""]
    counted = first[first["Financial Status"].str.upper().isin(["PAID", "PARTIALLY_REFUNDED"]) & (first["Cancelled at"] == "")]
    assert (counted["Financial Status"].str.upper() == "PARTIALLY_REFUNDED").any()
    got, store = revenue(root / "squarespace/orders.csv", "Europe/London")
    store.close()
    assert got == pytest.approx((money(counted["Total"]) - money(counted["Amount Refunded"])).sum())


@pytest.mark.parametrize("root", [MAIN, HELDOUT], ids=["main", "heldout"])
def test_square_revenue_is_what_each_payment_kept(root):
    d = raw(root / "square/transactions.csv")
    # Square: a refund is its own row with the payment's Transaction ID and negative amounts
    net = d.assign(c=money(d["Total Collected"])).groupby("Transaction ID")["c"].sum().round(6)
    paid = d.loc[d["Event Type"] == "Payment", "Transaction ID"].unique()
    kept = net[paid]
    got, store = revenue(root / "square/transactions.csv", "America/Los_Angeles")
    store.close()
    assert got == pytest.approx(kept[kept > 0].sum())


@pytest.mark.parametrize("root", [MAIN, HELDOUT], ids=["main", "heldout"])
def test_woocommerce_revenue_is_net_of_the_refunds_it_lists(root):
    # WebToffee's "separate rows" option repeats an order's row for each of its line items
    d = raw(root / "woocommerce/orders.csv").drop_duplicates("order_id").reset_index(drop=True)
    # WebToffee: refund_items holds each refund as amount:…|reason:…|date:…, ";" between them
    refunds = d["refund_items"].str.findall(r"(?:^|;)amount:(-?[0-9.]+)").apply(lambda xs: sum(map(float, xs)))
    counted = d["status"].isin(["completed", "processing"])
    got, store = revenue(root / "woocommerce/orders.csv", "Europe/London")
    amounts = store.query("SELECT order_id, amount FROM orders").set_index("order_id")["amount"]
    store.close()
    assert got == pytest.approx((money(d.loc[counted, "order_total"]) - refunds[counted]).sum())
    # every order is worth its total less what its refunds gave back (a refunded one: nothing)
    kept = money(d["order_total"]) - refunds
    assert amounts[d["order_id"]].tolist() == pytest.approx(kept.tolist())
    if root == MAIN:  # the shop's own export has partial refunds on orders that still count
        partial = counted & (refunds > 0)
        assert partial.any() and (kept[partial] < money(d.loc[partial, "order_total"])).all()


def test_a_woocommerce_export_without_refund_items_counts_each_order_at_its_total(tmp_path):
    d = raw(MAIN / "woocommerce/orders.csv").drop(columns=["refund_items"])
    f = tmp_path / "orders.csv"
    d.to_csv(f, index=False)
    store = JourneyStore(None, timezone="Europe/London")
    ingest_export(store, f)
    assert store.scalar("SELECT sum(amount) FROM orders") == pytest.approx(money(d["order_total"]).sum())
    store.close()


@pytest.mark.parametrize("converted", [True, False], ids=["settlement-currency", "no-converted-columns"])
def test_a_partly_refunded_stripe_charge_counts_at_what_it_kept(tmp_path, converted):
    d = raw(MAIN / "stripe/unified_payments.csv")
    paid = d.index[(d["Status"] == "Paid") & (d["id"] != "")][0]
    amount = float(d.loc[paid, "Converted Amount"])
    d.loc[paid, ["Amount Refunded", "Converted Amount Refunded"]] = f"{amount / 4:.2f}"
    if not converted:
        d = d.drop(columns=[c for c in d.columns if c.startswith("Converted")])
    f = tmp_path / "unified_payments.csv"
    d.to_csv(f, index=False)
    store = JourneyStore(None, timezone="UTC")
    ingest_export(store, f)
    row = store.query("SELECT status, amount FROM orders WHERE order_id = ?", [d.loc[paid, "id"]]).iloc[0]
    store.close()
    was = float(d.loc[paid, "Converted Amount" if converted else "Amount"])
    assert row["status"] == "completed"
    assert row["amount"] == pytest.approx(was - float(f"{amount / 4:.2f}"))


def test_aggregates_are_added_and_taken_away_between_terms_only():
    assert parse_aggregates("sum(Total) - sum(Refunded Amount)") == [(1, "sum", "Total"), (-1, "sum", "Refunded Amount")]
    # a '-' inside a column name is part of the name
    assert parse_aggregates("sum(Net - incl. tax)") == [(1, "sum", "Net - incl. tax")]
    with pytest.raises(ValueError):
        parse_aggregates("sum(Total) - join(Name)")


def test_a_shopify_order_partly_refunded_then_cancelled_is_a_sale_at_what_it_kept(tmp_path):
    """Shopify's cancel refunds only what the shop chooses: an order still partially_refunded
    after its cancellation kept the rest (Total less Refunded Amount), so it is not a
    cancellation that never made money, nor a refund; the refund KPIs say where it went."""
    d = raw(MAIN / "shopify/orders_export.csv")
    row = d[(d["Financial Status"] == "partially_refunded") & (d["Cancelled at"] == "")].iloc[[0]].copy()
    row["Name"] = "#9001"
    row["Cancelled at"] = row["Created at"]
    kept = float(money(row["Total"]).iloc[0] - money(row["Refunded Amount"]).iloc[0])
    assert kept > 0
    path = tmp_path / "orders_export.csv"
    pd.concat([row, d]).to_csv(path, index=False)
    store = JourneyStore(None, timezone="Europe/Berlin")
    ingest_export(store, path)
    res = kpis(store, KpiParams(period=Period(name="all"),
                                metrics=["revenue", "orders", "cancelled_orders", "refunded_orders"]))
    got = {v.metric: v.value for v in res.values}
    first = d[(d["Financial Status"] != "") & (d["Payment Method"] != "bogus")]
    sold = first[first["Financial Status"].isin(["paid", "partially_refunded"]) & (first["Cancelled at"] == "")]
    cancelled = (first["Cancelled at"] != "") | first["Financial Status"].isin(["voided", "expired"])
    assert got["revenue"] == pytest.approx((money(sold["Total"]) - money(sold["Refunded Amount"])).sum() + kept)
    assert got["orders"] == len(sold) + 1
    assert got["cancelled_orders"] == cancelled.sum()  # the new order is not one of them
    assert got["refunded_orders"] == ((first["Financial Status"] == "refunded") & (first["Cancelled at"] == "")).sum()
    note = " ".join(res.provenance.notes)
    partly = (sold["Financial Status"] == "partially_refunded").sum() + 1
    assert f"{partly} partly refunded orders count as sales at what the export says they kept, not as refunds" in note
    assert "1 partially refunded then cancelled" in note
    store.close()
