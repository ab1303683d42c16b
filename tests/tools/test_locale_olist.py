"""Predictions, lifetime value and personas on the real Olist sample (a Brazilian shop, profile
BRL / pt_BR from its recipe) read in the business's own terms: every amount in R$, every count
with Brazilian grouping (8.016, not 8,016), and the numbers equal to pandas over the raw files,
computed here and not through journeybot. Answers train nothing: no model exists on fresh data,
and the answers say so while still giving what a rule can."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from conftest import REPO, external

from tools.core.money import NumberFormat
from tools.data.ingest import ingest_recipe
from tools.data.store import JourneyStore
from tools.personas.draft import draft_personas
from tools.personas.params import DraftPersonasParams
from tools.predict.churn import AtRiskParams, at_risk_customers
from tools.predict.forecast import RevenueForecastParams, revenue_forecast
from tools.predict.lifetime import LifetimeValueParams, lifetime_value
from tools.predict.registry import ModelRegistry

pytestmark = pytest.mark.realdata
BRL = NumberFormat.of("BRL", "pt_BR")
# A count of four or more digits written the English way: "6,808" (a decimal comma has one
# to two digits after it, as in "R$ 1,77", so it does not match).
ENGLISH_GROUPING = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")


@pytest.fixture(scope="module")
def olist(tmp_path_factory):
    data = external("olist_sample")
    store = JourneyStore(None)  # no config: the recipe's profile (BRL, pt_BR) is all there is
    ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=data)
    customers = pd.read_csv(data / "olist_customers_dataset.csv")
    orders = pd.read_csv(data / "olist_orders_dataset.csv").merge(
        customers[["customer_id", "customer_unique_id"]], on="customer_id")
    pay = pd.read_csv(data / "olist_order_payments_dataset.csv").groupby("order_id").payment_value.sum()
    orders["amount"] = orders.order_id.map(pay)
    registry = ModelRegistry(store, tmp_path_factory.mktemp("models"))
    yield store, registry, orders, customers
    store.close()


def _completed(orders: pd.DataFrame) -> pd.DataFrame:
    # Olist's completed sale is a delivered order (the profile's default vocabulary); the
    # amount is the sum of its payments.
    return orders[orders.order_status == "delivered"]


def _in_brazilian(text: str, money: bool = True) -> None:
    assert ("R$" in text or not money) and "£" not in text
    assert not ENGLISH_GROUPING.search(text), ENGLISH_GROUPING.search(text)


def test_lifetime_value_is_in_reais_and_counts_every_buyer(olist):
    store, registry, orders, _ = olist
    r = lifetime_value(store, LifetimeValueParams(limit=3), registry=registry, train_if_missing=False)
    sold = _completed(orders)
    spend = sold.groupby("customer_unique_id").amount.sum()
    assert r.customers == spend.size  # 6,808 buyers
    assert r.mean_spent == pytest.approx(spend.mean())
    text = r.to_text()
    _in_brazilian(text)
    assert f"{BRL.number(spend.size)} customers who have bought" in text
    assert f"{BRL.money(spend.mean())} spent so far" in text
    top = spend.sort_values(ascending=False)
    assert f"{BRL.money(top.iloc[0])} so far" in text  # the biggest spender, to the centavo
    # No model was trained for the answer, and the answer says so.
    assert "not trained yet on this data" in text and "journeybot predict train" in text
    assert registry.versions() == []


def test_revenue_forecast_and_at_risk_are_in_reais_with_brazilian_counts(olist):
    store, registry, orders, _ = olist
    buyers = _completed(orders).customer_unique_id.nunique()
    forecast = revenue_forecast(store, RevenueForecastParams(horizon="next_90_days", limit=3),
                                registry=registry, train_if_missing=False)
    assert forecast.customers == buyers
    text = forecast.to_text()
    _in_brazilian(text)
    assert f"Expected from the {BRL.number(buyers)} existing customers" in text
    assert BRL.money_short(forecast.revenue) in text
    risk = at_risk_customers(store, AtRiskParams(), registry=registry, train_if_missing=False)
    assert risk.buyers == buyers
    assert f"of {BRL.number(buyers)} customers" in risk.to_text()
    _in_brazilian(risk.to_text(), money=risk.count > 0)  # nobody lapsing: no spend is written
    assert registry.versions() == []


def test_persona_cards_are_in_reais_with_brazilian_counts(olist):
    store, _, orders, customers = olist
    r = draft_personas(store, DraftPersonasParams(), conversation="locale")
    people = customers.customer_unique_id.nunique()
    assert sum(p.facts["customers"] for p in r.personas) == people  # every customer on one card
    assert f"from {BRL.number(people)} customers' behaviour" in r.headline
    sold = _completed(orders)
    for p in r.personas:
        card = p.to_markdown()
        _in_brazilian(card, money=bool(p.facts["orders"]))  # a card of people who never bought has no amounts
        assert f"**Size:** {BRL.number(p.facts['customers'])} customers" in card
        if p.facts["orders"]:
            assert f"average order {BRL.money(p.facts['avg_order'])}" in card
    # The average order over all cards, weighted by their orders, is the shop's average order.
    bought = [p.facts for p in r.personas if p.facts["orders"]]
    weighted = sum(f["avg_order"] * f["orders"] for f in bought) / sum(f["orders"] for f in bought)
    assert weighted == pytest.approx(sold.amount.mean(), rel=1e-6)


def test_describe_and_funnel_write_counts_the_brazilian_way(olist):
    """`journeybot describe` and the funnel wrote 8,016 customers and 82.9% for a pt_BR shop
    while its trend wrote 8.016: one way of writing numbers for every answer."""
    from tools.analytics.describe import describe_data
    from tools.analytics.funnel import FunnelParams, funnel
    from tools.analytics.periods import Period

    store, _, orders, _ = olist
    people = orders.customer_unique_id.nunique()
    text = describe_data(store).to_text()
    _in_brazilian(text, money=False)
    assert f"{BRL.number(people)} customers; {BRL.number(people)} with journey events" in text
    assert re.search(rf"^orders +{re.escape(BRL.number(len(orders)))} ", text, re.M)
    statuses = orders.order_status.value_counts()
    assert f"delivered {BRL.number(statuses['delivered'])} -> completed" in text

    r = funnel(store, FunnelParams(period=Period(name="all")))
    text = r.to_text()
    _in_brazilian(text, money=False)
    # Every buyer enters at the purchase; the share who reached post-purchase (delivered or
    # reviewed) within the window is the funnel's own count, written with a decimal comma.
    assert r.entered == people
    assert f"{BRL.number(people)} customers entered at purchase" in text
    assert (f"Funnel conversion: {BRL.percent(r.completed / people)} "
            f"({BRL.number(r.completed)} of {BRL.number(people)} reached post-purchase") in text
    assert not re.search(r"\d\.\d days", text)  # 12,5 days, as a Brazilian writes it


def test_revenue_by_state_is_a_table_whose_columns_line_up(olist):
    """"Revenue by state in 2017": R$ 132.392,81 is 13 characters and the table's fixed
    12-character column let it push the row out of line with the others."""
    import datetime as dt

    from tools.analytics.movers import MoversParams, top_movers
    from tools.analytics.periods import Period

    store, _, orders, customers = olist
    year = Period(start=dt.date(2017, 1, 1), end=dt.date(2017, 12, 31))
    r = top_movers(store, MoversParams(metric="revenue", by="region", period=year, rank="value", top=5))
    text = r.to_text()
    states = customers.drop_duplicates("customer_id").set_index("customer_id").customer_state
    sold = _completed(orders)
    sold = sold[pd.to_datetime(sold.order_purchase_timestamp).dt.year == 2017]
    top = sold.groupby(sold.customer_id.map(states)).amount.agg(["sum", "size"]).sort_values("sum", ascending=False)
    rows = [line for line in text.splitlines() if line.split()[:1] and line.split()[0] in set(top.index[:5])]
    assert [line.split()[0] for line in rows] == list(top.index[:5])
    for line, (state, row) in zip(rows, top.head(5).iterrows(), strict=True):
        assert line.split()[1:4] == ["R$", BRL.number(row["sum"], 2), BRL.number(row["size"])], (state, line)
    # every figure ends in the same column, as a table should
    ends = {len(line.rstrip()) for line in rows}
    assert len(ends) == 1, rows
    _in_brazilian(text)
