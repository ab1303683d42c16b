"""A split by a customer group the data does not have is said, never a table of one "(unknown)"
row; a partly blank one says how much is blank; a filter on a group no customer has says so.

On data we did not generate: the Shopify customers and orders exports and the Mailchimp activity
export in tests/fixtures/vendors (a shop with towns and tags but no regions, ages or first-touch
channels on its orders), and Olist from ../shared/data/external (states and towns, no ages).
Every count is checked against pandas over the raw files, written here."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import REPO, external

from tools.analytics.filters import Filters
from tools.analytics.funnel import FunnelParams, funnel
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.movers import MoversParams, top_movers
from tools.core.errors import ToolInputError

VENDORS = Path(__file__).resolve().parents[1] / "fixtures" / "vendors"
ALL = {"name": "all"}


@pytest.fixture(scope="module")
def store():
    from tools.data.store import JourneyStore
    from tools.data.vendors.load import ingest_export

    store = JourneyStore(None, timezone="Europe/Berlin")
    for export in ("shopify/customers_export.csv", "shopify/orders_export.csv", "mailchimp/email_activity.csv"):
        ingest_export(store, VENDORS / export)
    yield store
    store.close()


@pytest.fixture(scope="module")
def orders() -> pd.DataFrame:
    """The completed orders as pandas reads the exports: one row per order (the first line of
    each), paid or partly refunded and not cancelled, the shop's own test orders (tagged 'test')
    left out, each with its customer's row of the customers export (by email)."""
    raw = pd.read_csv(VENDORS / "shopify" / "orders_export.csv", dtype=str).groupby("Name", as_index=False).first()
    done = raw[raw["Financial Status"].isin(["paid", "partially_refunded"]) & raw["Cancelled at"].isna()
               & (raw["Tags"].fillna("") != "test")]
    people = pd.read_csv(VENDORS / "shopify" / "customers_export.csv", dtype=str)
    people["email"] = people["Email"].str.lower()
    return done.assign(email=done["Email"].str.lower()).merge(people, on="email", how="left",
                                                              suffixes=("", "_customer"))


def test_pandas_sees_what_the_store_holds(store, orders):
    """The ground the other tests stand on: no customer of the export has a province, some have
    no town, half the orders are from customers without tags."""
    people = pd.read_csv(VENDORS / "shopify" / "customers_export.csv", dtype=str)
    assert people["Default Address Province Code"].notna().sum() == 0
    assert 0 < orders["Default Address City"].isna().sum() < len(orders)
    assert 0 < orders["Tags_customer"].isna().sum() < len(orders)


@pytest.mark.parametrize("by, words", [("region", "a region"), ("age_band", "an age band")])
def test_a_split_no_customer_has_is_said_not_a_table_of_unknown(store, orders, by, words):
    for rank in ("value", "change"):
        r = top_movers(store, MoversParams(metric="orders", by=by, rank=rank, period=ALL if rank == "value"
                                           else {"name": "last_30_days"}))
        text = r.to_text()
        assert r.gap is not None and r.gap.empty
        assert f"No customer in this data has {words}" in text
        assert "(unknown)" not in text  # no one-row table
        assert "Splits it can make here:" in text and "city" in text and "segment" in text
    r = top_movers(store, MoversParams(metric="orders", by=by, rank="value", period=ALL))
    assert r.gap.total == len(orders) == r.current  # every completed order, in the one blank group


@pytest.mark.parametrize("by, column", [("segment", "Tags_customer"), ("city", "Default Address City")])
def test_a_partly_blank_split_says_how_many_have_no_value(store, orders, by, column):
    r = top_movers(store, MoversParams(metric="orders", by=by, rank="value", period=ALL))
    blank, total = int(orders[column].isna().sum()), len(orders)
    assert (r.gap.blank, r.gap.total, r.gap.empty) == (blank, total, False)
    share = f"{round(100 * blank / total)}%"
    assert f"(no {by}) is the {blank} of {total} orders ({share}) from customers with no {by}" in r.to_text()
    assert any(f"{blank} of {total} orders" in n for n in r.provenance.notes)  # typed, not only text


def test_a_split_by_persona_with_none_saved_is_said(store):
    with pytest.raises(ToolInputError, match="No persona is saved yet.*Splits it can make here"):
        top_movers(store, MoversParams(metric="orders", by="persona"))


def test_a_funnel_split_none_of_its_entrants_has_is_said(store):
    """The Mailchimp readers enter the funnel (an open is awareness); no customer has a region,
    and none of these readers has a Shopify tag (segment) on the store's side either."""
    activity = pd.read_csv(VENDORS / "mailchimp" / "email_activity.csv", dtype=str)
    readers = activity.loc[activity["action"] == "open", "email_address"].str.lower().nunique()
    whole = funnel(store, FunnelParams(period=ALL))
    assert whole.entered == readers
    r = funnel(store, FunnelParams(period=ALL, by="region"))
    text = r.to_text()
    assert r.gap is not None and r.gap.empty and r.gap.total == readers
    assert "No customer in this data has a region" in text and "(unknown)" not in text
    seg = funnel(store, FunnelParams(period=ALL, by="segment"))
    assert seg.gap is not None and seg.gap.empty
    assert f"None of the {readers} customers here has a segment" in seg.to_text()
    channel = funnel(store, FunnelParams(period=ALL, by="channel"))  # every reader came by email: no gap
    assert channel.gap is not None and channel.gap.blank == 0 and "(unknown)" not in channel.to_text()


def test_a_filter_on_a_group_no_customer_has_is_said(store):
    with pytest.raises(ToolInputError, match="No customer in this data has a region, so 'Bayern' picks out no one"):
        kpis(store, KpiParams(metrics=["orders"], filters=Filters(region=["Bayern"]), period=ALL))
    with pytest.raises(ToolInputError, match="Unknown city 'Paris'; known values: .*Berlin"):
        kpis(store, KpiParams(metrics=["orders"], filters=Filters(city=["Paris"]), period=ALL))
    # the article follows the group's name in both places the owner reads it
    with pytest.raises(ToolInputError, match="has an age band, so '25-34' picks out no one; ask without it, "
                                             "or load customer data with an age band\\."):
        kpis(store, KpiParams(metrics=["orders"], filters=Filters(age_band=["25-34"]), period=ALL))


@pytest.mark.realdata
def test_olist_has_states_and_towns_but_no_ages():
    from tools.data.ingest import ingest_recipe
    from tools.data.store import JourneyStore

    data = external("olist_sample")
    people = pd.read_csv(data / "olist_customers_dataset.csv", dtype=str)
    assert people["customer_state"].notna().all() and "age" not in " ".join(people.columns)
    store = JourneyStore(None)
    try:
        ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=data)
        ages = top_movers(store, MoversParams(metric="orders", by="age_band", rank="value", period=ALL))
        text = ages.to_text()
        assert ages.gap.empty and "No customer in this data has an age band" in text and "(unknown)" not in text
        assert "region" in text.split("Splits it can make here:")[1]
        states = top_movers(store, MoversParams(metric="orders", by="region", rank="value", period=ALL))
        assert states.gap.blank == 0 and not any("no region" in n for n in states.provenance.notes)
        assert states.gap.total == ages.gap.total == states.current
    finally:
        store.close()
