"""A US shop's export (the Square fixture: dollars, Pacific time): describe suggests the currency
from the money signs in the file, and once the profile says USD every amount is in dollars, with
days cut in Los Angeles time. Numbers are checked against pandas over the raw file."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import REPO

from tools.analytics.describe import describe_data
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.core.money import format_money
from tools.data.ingest import Load, ingest_loads
from tools.data.mapping import Mapping
from tools.data.store import JourneyStore

SQUARE = REPO / "tests" / "fixtures" / "vendors" / "square" / "transactions.csv"
PAYMENTS = Mapping(
    table="orders", name="square payments",
    columns={"order_id": "Payment ID", "customer_id": "Customer ID", "amount": "Total Collected",
             "status": "Transaction Status"},
    templates={"ts": "{Date} {Time}"}, where={"Event Type": "Payment"}, skip_missing=["customer_id"],
    unknown_customers="create")


@pytest.fixture
def raw() -> pd.DataFrame:
    d = pd.read_csv(SQUARE, dtype=str)
    d = d[(d["Event Type"] == "Payment") & d["Customer ID"].notna()].copy()
    d["amount"] = d["Total Collected"].str.replace(r"[$,]", "", regex=True).astype(float)
    return d


def test_describe_suggests_dollars_from_the_file(raw):
    store = JourneyStore(None)  # nothing set: GBP and Europe/London are assumed
    ingest_loads(store, [Load(SQUARE, PAYMENTS)])
    text = describe_data(store).to_text()
    assert "Assumed: currency GBP" in text
    assert "the amounts carry '$'" in text and "currency=USD" in text


def test_a_usd_profile_writes_dollars_and_cuts_days_in_pacific_time(raw):
    store = JourneyStore(None)
    ingest_loads(store, [Load(SQUARE, PAYMENTS)], profile={"currency": "USD", "timezone": "America/Los_Angeles"},
                 profile_source="test")
    r = kpis(store, KpiParams(metrics=["revenue", "orders", "aov"], period=Period(name="all")))
    assert r.get("orders").value == len(raw)
    assert r.get("revenue").value == pytest.approx(raw.amount.sum())
    assert format_money(raw.amount.sum(), "USD") in r.to_text() and "£" not in r.to_text()
    assert r.get("aov").formatted(r.numbers) == format_money(raw.amount.mean(), "USD")
    # The last day is the last payment's local (Pacific) date, as the file writes it.
    assert r.last_day == dt.date.fromisoformat(raw["Date"].max())
    assert store.scalar("SELECT count(*) FROM orders WHERE status_raw = 'complete'") == len(raw)
