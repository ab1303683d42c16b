"""product_sales: revenue, orders and units by product or category, ranked, each number worked
out by hand from the rows below (an order's total and items shared equally among the distinct
things it lists; only completed orders; what is left out said)."""

from __future__ import annotations

import pytest
from kpi_fixtures import load

from tools.analytics.periods import Period
from tools.analytics.product_sales import ProductSalesParams, ProductSalesUnavailable, product_sales

ORDERS = """order_id,customer_id,ts,amount,status,items,products,categories
A,C1,2026-05-02 10:00,30,completed,3,"rye, scone","bread, cakes"
B,C2,2026-05-03 10:00,10,completed,1,rye,bread
C,C3,2026-05-04 10:00,50,completed,2,gateau,cakes
D,C4,2026-05-05 10:00,99,cancelled,1,gateau,cakes
E,C5,2026-05-06 10:00,7,pending,1,rye,bread
F,C6,2026-05-07 10:00,4,completed,1,,
G,C1,2026-04-05 10:00,80,completed,2,rye,bread
"""


@pytest.fixture
def shop(store, tmp_path):
    load(store, tmp_path / "shop", {"orders": ORDERS,
                                    "customers": "customer_id\nC1\nC2\nC3\nC4\nC5\nC6\n"})
    return store


MAY = Period(start="2026-05-01", end="2026-05-31")


def test_categories_share_each_order_and_leave_out_what_was_not_sold(shop):
    r = product_sales(shop, ProductSalesParams(period=MAY))
    g = r.groups.set_index("group")
    # A (30, 3 items) is half bread, half cakes; C is all cakes; the cancelled and pending are not sales
    assert g.loc["cakes", "revenue"] == pytest.approx(15 + 50)
    assert g.loc["bread", "revenue"] == pytest.approx(15 + 10)
    assert g.loc["cakes", "units"] == pytest.approx(1.5 + 2)
    assert (g.loc["cakes", "orders"], g.loc["bread", "orders"]) == (2, 2)
    assert list(r.groups.group) == ["cakes", "bread"]
    text = r.to_text()
    assert "1 order (£30.00) lists several product categories" in text
    assert "1 completed order (£4.00) lists no product category: not counted" in text
    assert "1 pending, 1 cancelled orders (cancelled worth £99.00)" in text
    assert "shared equally" in text


def test_products_by_units_bottom_first(shop):
    r = product_sales(shop, ProductSalesParams(by="product", measure="units", order="bottom", period=MAY))
    assert list(r.groups.group) == ["scone", "gateau", "rye"]  # 1.5, 2, 2.5
    assert r.groups.set_index("group").loc["rye", "units"] == pytest.approx(1.5 + 1)


def test_change_against_the_period_before_finds_the_shrinking_line(shop):
    r = product_sales(shop, ProductSalesParams(rank="change", order="bottom", period=MAY))
    first = r.groups.iloc[0]
    assert first.group == "bread"  # April 80 -> May 25
    assert (first.previous, first.current, first.change) == pytest.approx((80, 25, -55))
    assert f"against {r.previous_label}" in r.to_text() and "2026-04-01" in r.previous_label


def test_a_store_without_categories_answers_why_and_what_instead(store, tmp_path):
    load(store, tmp_path / "plain", {"orders": "order_id,customer_id,ts,amount,status,products\n"
                                               "A,C1,2026-05-02 10:00,30,completed,rye\n"
                                               "B,C1,2026-05-03 10:00,12,completed,\n",
                                     "customers": "customer_id\nC1\n"})
    r = product_sales(store, ProductSalesParams(period=MAY))
    # an answer, not an error: no ranking, and every part of why in the words
    assert isinstance(r, ProductSalesUnavailable) and not r.answerable and r.to_frame().empty
    assert (r.orders, r.listing_other) == (2, 1)
    text = r.to_text()
    assert text.startswith("Revenue by product category, custom period (2026-05-01 to 2026-05-31)")
    assert "I looked at the 2 orders loaded (2026-05-02 to 2026-05-03)" in text
    assert "none lists a product category (their `categories` column is empty)" in text
    assert "1 of them list their products, so I can rank products" in text and "journeybot products --by product" in text
    assert "lookups.categories" in text and "did not work" not in text
    assert r.to_dict()["answerable"] is False
    assert product_sales(store, ProductSalesParams(by="product", period=MAY)).groups.group.tolist() == ["rye"]


def test_a_store_listing_nothing_bought_points_to_the_kpis(store, tmp_path):
    load(store, tmp_path / "bare", {"orders": "order_id,customer_id,ts,amount,status\nA,C1,2026-05-02 10:00,30,completed\n",
                                    "customers": "customer_id\nC1\n"})
    text = product_sales(store, ProductSalesParams(by="product", measure="units", period=MAY)).to_text()
    assert text.startswith("Units sold by product, custom period (2026-05-01 to 2026-05-31)")
    assert "none lists a product (their `products` column is empty)" in text
    assert "nothing in these orders says what was bought" in text and "line items" in text


def test_no_orders_at_all_is_said_as_an_answer(store):
    r = product_sales(store, ProductSalesParams(period=MAY))
    assert isinstance(r, ProductSalesUnavailable) and r.orders == 0
    assert r.to_text().startswith("Revenue by product category: no orders are loaded, so there is nothing sold to rank.")



def test_the_last_30_days_are_the_revenue_kpis_own_when_events_run_past_the_orders(store, tmp_path):
    # Each KPI's period counts back from the last day of the table it reads, revenue from the
    # orders': what sold must be counted over those same days, not the events' later end
    events = ("event_id,customer_id,ts,touchpoint,stage,channel\n"
              "E1,C1,2026-05-02 09:00,website_visit,awareness,web\nE2,C2,2026-05-20 09:00,website_visit,awareness,web\n")
    load(store, tmp_path / "shop", {"orders": ORDERS, "events": events,
                                    "customers": "customer_id\nC1\nC2\nC3\nC4\nC5\nC6\n"})
    from tools.analytics.kpis import KpiParams
    from tools.analytics.kpis import kpis as compute_kpis

    sold = product_sales(store, ProductSalesParams())
    revenue = compute_kpis(store, KpiParams(metrics=["revenue"]))
    assert sold.provenance.period_label == revenue.provenance.period_label
    assert sold.provenance.period_label.endswith("to 2026-05-07)")
