"""The predictive tools (lifetime value, revenue forecast, next actions) and satisfaction_by say a
split by a customer group their customers do not have, or have only in part, as movers does; the
splits they offer instead are ones these customers have; the blank group is named for what it
lacks ("(no segment)"), its typed value staying "(unknown)".

On the Shopify customers and orders exports plus the Mailchimp activity export in
tests/fixtures/vendors (towns and tags, no regions; the newsletter readers, the only customers
with a first-touch channel, never ordered), and on a copy of the small sample with every
customer's segment blanked. No model is trained: answers take the past-rate rule, and the
groups do not depend on the model. Every count is checked against pandas over the raw files."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from tools.analytics.filters import UNKNOWN_GROUP
from tools.analytics.movers import MoversParams, top_movers
from tools.analytics.satisfaction import SatisfactionParams, satisfaction_by
from tools.core.errors import NoDataError
from tools.predict.actions import NextActionsParams, next_best_actions
from tools.predict.forecast import RevenueForecastParams, revenue_forecast
from tools.predict.lifetime import LifetimeValueParams, lifetime_value
from tools.predict.registry import ModelRegistry

VENDORS = Path(__file__).resolve().parents[1] / "fixtures" / "vendors"
WORDS = {"channel": "first-touch channel", "acquisition_channel": "acquisition channel", "segment": "segment",
         "city": "city", "region": "region", "age_band": "age band"}


def _offered(text: str) -> list[str]:
    """The splits a note offers, in order: 'Splits it can make here: a, b and c.' -> [a, b, c]."""
    tail = text.split("Splits it can make here: ")[1].split(".")[0]
    return [w.strip() for w in tail.replace(" and ", ", ").split(",")]


@pytest.fixture(scope="module")
def buyers() -> pd.DataFrame:
    """One row per customer with a completed order, as pandas reads the exports: by email, and
    each order without an email (the shop counter's walk-ins) its own customer; with the tags
    and town of the customers export."""
    raw = pd.read_csv(VENDORS / "shopify" / "orders_export.csv", dtype=str).groupby("Name", as_index=False).first()
    done = raw[raw["Financial Status"].isin(["paid", "partially_refunded"]) & raw["Cancelled at"].isna()
               & (raw["Tags"].fillna("") != "test")]
    key = done["Email"].str.lower().fillna("walk-in " + done["Name"])
    people = pd.read_csv(VENDORS / "shopify" / "customers_export.csv", dtype=str)
    people["key"] = people["Email"].str.lower()
    return pd.DataFrame({"key": key.unique()}).merge(people, on="key", how="left")


def test_pandas_sees_the_buyers_the_tools_split(vendor, buyers):
    """The ground: no buyer is a newsletter reader (the only customers with a first-touch
    channel), none has a region, some have no tags, the walk-ins no town."""
    activity = pd.read_csv(VENDORS / "mailchimp" / "email_activity.csv", dtype=str)
    assert not set(activity["email_address"].str.lower()) & set(buyers["key"])
    assert buyers["Default Address Province Code"].isna().all()
    assert 0 < buyers["Tags"].isna().sum() < len(buyers)
    assert 0 < buyers["Default Address City"].isna().sum() < len(buyers)


def test_a_forecast_and_actions_by_a_group_no_buyer_has_say_so(vendor, buyers):
    store, registry = vendor
    offered = [WORDS[d] for d, col in (("segment", "Tags"), ("city", "Default Address City")) if buyers[col].notna().any()]
    forecast = revenue_forecast(store, RevenueForecastParams(by="region"), registry=registry, train_if_missing=False)
    actions = next_best_actions(store, NextActionsParams(by="region"), registry=registry, train_if_missing=False)
    for r in (forecast, actions):
        text = r.to_text()
        assert r.gap is not None and r.gap.empty and r.gap.total == len(buyers)
        assert "No customer in this data has a region" in text and "(unknown)" not in text
        assert _offered(text) == offered == ["segment", "city"]  # never the readers' channel
    assert "(unknown)" not in forecast.to_text() and actions.group_table().empty


def test_lifetime_value_by_a_channel_only_non_buyers_have_says_so(vendor, buyers):
    """The store holds first-touch channels (the readers'), so the words are 'none of these
    customers', not 'no customer in this data'; the offer is the buyers' own groups, every one of
    which lifetime value splits by since real26 (their segment and their town)."""
    store, registry = vendor
    r = lifetime_value(store, LifetimeValueParams(by="channel"), registry=registry, train_if_missing=False)
    text = r.to_text()
    assert r.gap.empty and r.gap.total == r.customers == len(buyers)
    assert (f"None of the {len(buyers)} customers here has a first-touch channel, so nothing can be split by "
            "first-touch channel. Splits") in text  # no "in this period": lifetime value has none
    assert _offered(text) == ["segment", "city"] and "By channel" not in text and "By first-touch" not in text


@pytest.mark.parametrize("by, column", [("segment", "Tags"), ("city", "Default Address City")])
def test_a_partly_blank_predictive_split_says_how_many_and_names_the_blank_group(vendor, buyers, by, column):
    store, registry = vendor
    blank, total = int(buyers[column].isna().sum()), len(buyers)
    share = f"{round(100 * blank / total)}%"
    forecast = revenue_forecast(store, RevenueForecastParams(by=by), registry=registry, train_if_missing=False)
    actions = next_best_actions(store, NextActionsParams(by=by), registry=registry, train_if_missing=False)
    sentence = f"(no {by}) is the {blank} of {total} customers ({share}) with no {by}"
    for r in (forecast, actions):
        assert (r.gap.blank, r.gap.total, r.gap.empty) == (blank, total, False)
        assert sentence in r.to_text() and any(sentence in n for n in r.provenance.notes)
    typed = forecast.breakdown.set_index("value")
    assert typed.loc[UNKNOWN_GROUP, "customers"] == blank  # the typed value stays
    assert f"(no {by})" in forecast.to_text() and "(unknown)" not in forecast.to_text()
    shown = actions.group_table().set_index("group")
    assert shown.drop(columns="group", errors="ignore").loc[f"(no {by})"].sum() == blank
    assert UNKNOWN_GROUP in set(actions.by_group["group"])
    if by == "segment":
        ltv = lifetime_value(store, LifetimeValueParams(by=by), registry=registry, train_if_missing=False)
        assert ltv.breakdown.set_index("value").loc[UNKNOWN_GROUP, "customers"] == blank
        assert sentence in ltv.to_text() and "(no segment)" in ltv.to_text().split("By segment:")[1]


def test_movers_offer_only_splits_the_ordering_customers_have(vendor, buyers):
    """Before: 'Splits it can make here: first-touch channel, segment and city' for orders, and
    orders by first-touch channel is one blank group too."""
    store, _ = vendor
    r = top_movers(store, MoversParams(metric="orders", by="region", rank="value", period={"name": "all"}))
    assert _offered(r.to_text()) == ["segment", "city"]
    channel = top_movers(store, MoversParams(metric="orders", by="channel", rank="value", period={"name": "all"}))
    assert channel.gap.empty and "None of the 58 orders here is from a customer with a first-touch channel" \
        in channel.to_text()


@pytest.fixture(scope="module")
def no_segments():
    """A copy of the small sample with every customer's segment blanked: (store, files)."""
    from tools.data.ingest import folder_loads, ingest_loads
    from tools.data.sample import SampleSpec, generate_sample
    from tools.data.store import JourneyStore

    folder = Path(tempfile.mkdtemp(prefix="journeybot-nosegment-"))
    generate_sample(folder, SampleSpec(events=5000))
    people = pd.read_csv(folder / "customers.csv", dtype=str)
    people.assign(segment=None).to_csv(folder / "customers.csv", index=False)
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(folder))
    files = {n: pd.read_csv(folder / f"{n}.csv", dtype=str) for n in ("customers", "orders", "events", "surveys")}
    yield store, files
    store.close()
    shutil.rmtree(folder, ignore_errors=True)


def _held(files: dict[str, pd.DataFrame], ids: pd.Series) -> list[str]:
    """The dimensions some of these customers have, in pandas: the customers file's columns, and
    the channel of each one's first event."""
    people = files["customers"].set_index("customer_id").reindex(ids.dropna().unique())
    events = files["events"].assign(ts=lambda e: pd.to_datetime(e["ts"], utc=True, format="mixed"))
    first = events.sort_values("ts").groupby("customer_id")["channel"].first().reindex(people.index)
    has = {"channel": first.notna().any(), **{d: people[d].notna().any() for d in WORDS if d != "channel"}}
    return [WORDS[d] for d in WORDS if has[d]]


def test_lifetime_value_by_a_blanked_segment_on_the_sample(no_segments, tmp_path):
    store, files = no_segments
    orders = files["orders"]
    bought = orders.loc[orders["status"] == "completed", "customer_id"]
    r = lifetime_value(store, LifetimeValueParams(by="segment"), registry=ModelRegistry(store, tmp_path),
                       train_if_missing=False)
    text = r.to_text()
    assert r.gap.empty and r.gap.total == r.customers == bought.nunique()
    assert "No customer in this data has a segment" in text and "(unknown)" not in text
    assert _offered(text) == [w for w in _held(files, bought) if w != "segment"]  # every group the buyers have


def test_satisfaction_by_a_blanked_segment_offers_the_answerers_splits(no_segments):
    """Only the splits satisfaction_by makes (delivery outcome, first-touch channel, journey
    stage, product category or product) that tie some of these answers to a group: before, the
    customers' towns, regions and age bands, which it does not take."""
    store, files = no_segments
    surveys = files["surveys"]
    answered = surveys[surveys["csat"].notna()]
    with pytest.raises(NoDataError) as caught:
        satisfaction_by(store, SatisfactionParams(measure="csat", by="segment"))
    message = str(caught.value)
    assert f"None of the {len(answered)} CSAT answers" in message
    latest = _latest_orders(answered, files["orders"])
    expected = [w for w, has in (
        ("delivery outcome", (latest["fulfilment"] == "delivery").any()),
        ("first-touch channel", "first-touch channel" in _held(files, answered["customer_id"])),
        ("journey stage", answered["stage"].notna().any()),
        ("product", latest["products"].notna().any()),  # the sample's orders have no categories
    ) if has]
    assert _offered(message) == expected == ["delivery outcome", "first-touch channel", "journey stage", "product"]
    assert "region" not in message and "city" not in message


def _latest_orders(answers: pd.DataFrame, orders: pd.DataFrame) -> pd.DataFrame:
    """Each answer's order in pandas: its customer's latest order at or before it, if no more than
    30 days before (the sample's surveys carry no order id)."""
    a = answers.assign(ts=pd.to_datetime(answers["ts"], utc=True, format="mixed")).sort_values("ts")
    o = orders.assign(ots=pd.to_datetime(orders["ts"], utc=True, format="mixed")).sort_values("ots")[["customer_id", "ots", "fulfilment", "products"]]
    joined = pd.merge_asof(a, o, left_on="ts", right_on="ots", by="customer_id")
    return joined[(joined["ts"] - joined["ots"]) <= pd.Timedelta(days=30)]


@pytest.mark.realdata
def test_olist_forecast_by_age_says_there_are_none_and_offers_states(tmp_path):
    from conftest import REPO, external

    from tools.data.ingest import ingest_recipe
    from tools.data.store import JourneyStore

    data = external("olist_sample")
    people = pd.read_csv(data / "olist_customers_dataset.csv", dtype=str)
    assert people["customer_state"].notna().all() and "age" not in " ".join(people.columns)
    store = JourneyStore(None)
    try:
        ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=data)
        r = revenue_forecast(store, RevenueForecastParams(by="age_band"), registry=ModelRegistry(store, tmp_path),
                             train_if_missing=False)
        text = r.to_text()
        assert r.gap.empty and r.gap.total == r.customers
        assert "No customer in this data has an age band" in text and "(unknown)" not in text
        assert "region" in _offered(text)
    finally:
        store.close()


def test_a_funnel_offers_only_splits_its_entrants_have(vendor):
    """The entrants are the newsletter readers (an open is awareness): they came by email, and
    pandas finds none of them in the Shopify customers export, so a town or a tag is no split of
    theirs even though the store holds both."""
    from tools.analytics.funnel import FunnelParams, funnel

    store, _ = vendor
    activity = pd.read_csv(VENDORS / "mailchimp" / "email_activity.csv", dtype=str)
    readers = set(activity.loc[activity["action"] == "open", "email_address"].str.lower())
    people = pd.read_csv(VENDORS / "shopify" / "customers_export.csv", dtype=str)
    known = people[people["Email"].str.lower().isin(readers)]
    offered = ["first-touch channel"] + [w for w, col in (("segment", "Tags"), ("city", "Default Address City"))
                                         if known[col].notna().any()]
    r = funnel(store, FunnelParams(period={"name": "all"}, by="region"))
    assert r.gap.empty and r.gap.total == len(readers)
    assert _offered(r.to_text()) == offered == ["first-touch channel"]
