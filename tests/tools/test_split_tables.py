"""A split the owner asked for is shown under a header naming it, in the text the bot sends:
next best actions carry their per-group table (before, only the CLI printed it, after the text,
so a Slack answer had the overall counts alone), the revenue forecast's and lifetime value's
tables say which split they are ("By segment:", "By first-touch channel:"), and satisfaction_by
offers only the splits it makes itself.

On the Shopify customers and orders exports plus the Mailchimp activity export in
tests/fixtures/vendors, and on the Olist sample (realdata). Every count is read from the raw
files with pandas. No model is trained: the groups do not depend on it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tools.analytics.satisfaction import SatisfactionParams, satisfaction_by
from tools.core.errors import NoDataError
from tools.predict.actions import NextActionsParams, next_best_actions
from tools.predict.forecast import RevenueForecastParams, revenue_forecast
from tools.predict.lifetime import LifetimeValueParams, lifetime_value
from tools.predict.registry import ModelRegistry

VENDORS = Path(__file__).resolve().parents[1] / "fixtures" / "vendors"


@pytest.fixture(scope="module")
def buyers() -> pd.DataFrame:
    """One row per customer with a completed order, as pandas reads the exports (by email; an
    order without one, a walk-in, its own customer), with the customers export's town and tags."""
    raw = pd.read_csv(VENDORS / "shopify" / "orders_export.csv", dtype=str).groupby("Name", as_index=False).first()
    done = raw[raw["Financial Status"].isin(["paid", "partially_refunded"]) & raw["Cancelled at"].isna()
               & (raw["Tags"].fillna("") != "test")]
    key = done["Email"].str.lower().fillna("walk-in " + done["Name"])
    people = pd.read_csv(VENDORS / "shopify" / "customers_export.csv", dtype=str)
    people["key"] = people["Email"].str.lower()
    return pd.DataFrame({"key": key.unique()}).merge(people, on="key", how="left")


def _block(text: str, header: str) -> list[str]:
    """The indented lines under a header, up to the first blank line."""
    tail = text.split(f"\n{header}\n", 1)[1]
    return [line for line in tail.split("\n\n", 1)[0].splitlines() if line.startswith("  ")]


def test_next_actions_by_town_show_each_towns_customers_under_a_header(vendor, buyers):
    store, registry = vendor
    r = next_best_actions(store, NextActionsParams(by="city"), registry=registry, train_if_missing=False)
    text = r.to_text()
    towns = buyers["Default Address City"].fillna("(no city)").value_counts()
    rows = _block(text, "By city:")
    assert rows[0].split() == ["city", "customers", *r.summary["action"]]
    shown = {line[:line.index("  ", 2)].strip(): int(line.split()[-len(r.summary) - 1]) for line in rows[1:]}
    assert shown == towns.to_dict()  # every town, the blank one named for what it lacks
    counts = [shown[t] for t in shown]
    assert counts == sorted(counts, reverse=True)  # largest groups first
    assert "(unknown)" not in text and text.count("By city:") == 1


def test_next_actions_by_a_group_no_buyer_has_show_no_table(vendor):
    store, registry = vendor
    text = next_best_actions(store, NextActionsParams(by="region"), registry=registry,
                             train_if_missing=False).to_text()
    assert "No customer in this data has a region" in text and "By region:" not in text


def test_the_forecast_and_lifetime_value_name_the_split_over_their_tables(vendor, buyers):
    store, registry = vendor
    tags = buyers["Tags"].fillna("(no segment)").value_counts()
    forecast = revenue_forecast(store, RevenueForecastParams(by="segment"), registry=registry,
                                train_if_missing=False).to_text()
    rows = _block(forecast, "By segment:")
    assert {line.split("  ")[1].strip(): int(line.split("%, ")[1].split()[0]) for line in rows} == tags.to_dict()
    ltv = lifetime_value(store, LifetimeValueParams(by="segment"), registry=registry,
                         train_if_missing=False).to_text()
    rows = _block(ltv, "By segment:")[1:]  # under the column heads
    assert {line[:24].strip(): int(line.split()[-2]) for line in rows} == tags.to_dict()
    assert "By channel:" not in forecast + ltv


@pytest.mark.realdata
def test_olist_names_the_first_touch_channel_and_satisfaction_offers_only_its_splits(tmp_path):
    """Olist: every customer came by the marketplace (the recipe's first event), none has a
    segment; reviews name their order, orders their promised and delivered dates and products'
    categories. Before: satisfaction by segment offered 'first-touch channel, city and region',
    two of them splits it does not make."""
    from conftest import REPO, external

    from tools.data.ingest import ingest_recipe
    from tools.data.store import JourneyStore

    data = external("olist_sample")
    orders = pd.read_csv(data / "olist_orders_dataset.csv", dtype=str)
    people = pd.read_csv(data / "olist_customers_dataset.csv", dtype=str)
    reviews = pd.read_csv(data / "olist_order_reviews_dataset.csv", dtype=str)
    items = pd.read_csv(data / "olist_order_items_dataset.csv", dtype=str)
    products = pd.read_csv(data / "olist_products_dataset.csv", dtype=str)
    store = JourneyStore(None)
    try:
        ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=data)
        ltv = lifetime_value(store, LifetimeValueParams(by="channel", limit=0), registry=ModelRegistry(store, tmp_path),
                             train_if_missing=False)
        rows = _block(ltv.to_text(), "By first-touch channel:")[1:]
        assert [line.split()[0] for line in rows] == ["marketplace"]
        assert int(rows[0].split()[-2].replace(".", "")) == ltv.customers
        with pytest.raises(NoDataError) as caught:
            satisfaction_by(store, SatisfactionParams(measure="review_score", by="segment"))
        message = str(caught.value)
        scored = reviews[reviews["review_score"].notna()].merge(orders, on="order_id")
        bought = scored.merge(items, on="order_id").merge(products, on="product_id")
        assert people["customer_unique_id"].notna().all() and "segment" not in " ".join(people.columns)
        expected = [w for w, has in (
            ("delivery outcome", scored["order_estimated_delivery_date"].notna().any()),
            ("first-touch channel", scored["customer_id"].isin(people["customer_id"]).any()),
            ("journey stage", len(scored) > 0),  # every review carries the recipe's touchpoint, delivery
            ("product category", bought["product_category_name"].notna().any()),
        ) if has]
        offered = message.split("Splits it can make here: ")[1].split(".")[0].replace(" and ", ", ").split(", ")
        assert offered == expected == ["delivery outcome", "first-touch channel", "journey stage", "product category"]
        assert "region" not in message and "city" not in message
    finally:
        store.close()


@pytest.mark.realdata
def test_paths_over_events_without_a_channel_say_where_buyers_came_from_cannot_be_told():
    """REES46's events loaded without the recipe's constant channel: before, 'Where buyers came
    from' was a table of one '(none) 100%' row, read as a channel that brought every buyer."""
    from conftest import external

    from tools.analytics.paths import PathParams, paths
    from tools.data.ingest import ingest_file
    from tools.data.mapping import Mapping
    from tools.data.store import JourneyStore

    data = external("rees46_events_sample")
    raw = pd.read_csv(data / "2019-Oct-sample.csv")
    assert "channel" not in raw.columns
    buyers = raw.loc[raw["event_type"] == "purchase", "user_id"].nunique()
    store = JourneyStore(None, timezone="UTC")
    try:
        ingest_file(store, "events", data / "2019-Oct-sample.csv", Mapping(table="events", columns={
            "customer_id": "user_id", "ts": "event_time", "touchpoint": "event_type", "session_id": "user_session"}))
        r = paths(store, PathParams(period={"name": "all"}))
        text = r.to_text()
        assert r.converted == buyers
        assert (f"Where buyers came from: no event on the paths of the {buyers} buyers has a channel, so their "
                "first and last touch cannot be told.") in text
        assert "(none)" not in text and "first touch" not in text
    finally:
        store.close()


def test_lifetime_value_by_town_splits_by_town(vendor, buyers):
    """Asked by town, lifetime value split by town (it took segment, channel and persona only,
    and "by city" was answered with the overall value and no word of the split)."""
    store, registry = vendor
    towns = buyers["Default Address City"].fillna("(no city)").value_counts()
    ltv = lifetime_value(store, LifetimeValueParams(by="city", limit=0), registry=registry,
                         train_if_missing=False).to_text()
    rows = _block(ltv, "By city:")[1:]  # under the column heads
    assert {line[:24].strip(): int(line.split()[-2]) for line in rows} == towns.to_dict()
