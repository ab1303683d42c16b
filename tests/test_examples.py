"""The example recipes load the real public data sets in ../shared/data/external, and what
lands in the store matches figures computed independently from the raw files."""

from __future__ import annotations

import csv

import pandas as pd
import pytest
from conftest import REPO, external

from tools.data.ingest import ingest_recipe

pytestmark = pytest.mark.realdata
EXAMPLES = REPO / "examples"


def load(store, name: str, folder: str):
    data = external(folder)
    return ingest_recipe(store, EXAMPLES / name / "recipe.toml", data_dir=data)


def test_olist_orders_reviews_and_people(store):
    reports = load(store, "olist", "olist_sample")
    data = external("olist_sample")
    orders = pd.read_csv(data / "olist_orders_dataset.csv")
    people = pd.read_csv(data / "olist_customers_dataset.csv")
    payments = pd.read_csv(data / "olist_order_payments_dataset.csv")
    assert store.count("orders") == len(orders) == 8135
    assert store.count("customers") == people.customer_unique_id.nunique() == 8016
    assert store.count("surveys") == 8225
    # Order totals are the payments' sums, per order.
    expected = payments.groupby("order_id").payment_value.sum()
    got = store.query("SELECT order_id, amount FROM orders").set_index("order_id").amount
    joined = pd.concat([expected.rename("exp"), got.rename("got")], axis=1).dropna()
    assert len(joined) == len(expected)
    assert (joined.exp - joined.got).abs().max() < 1e-6
    # Status codes mapped, none lost.
    delivered = int((orders.order_status == "delivered").sum())
    assert store.scalar("SELECT count(*) FROM orders WHERE status = 'completed'") == delivered
    # Delivered events only for orders with a delivery date.
    assert store.scalar("SELECT count(*) FROM events WHERE touchpoint = 'delivery'") == \
        int(orders.order_delivered_customer_date.notna().sum())
    # Repeat buyers exist (customer_unique_id across orders), as the source says.
    repeaters = store.scalar(
        "SELECT count(*) FROM (SELECT customer_id FROM orders GROUP BY 1 HAVING count(*) > 1)")
    assert repeaters == int((orders.merge(people, on="customer_id")
                             .groupby("customer_unique_id").size() > 1).sum())
    # Loading again adds nothing.
    again = ingest_recipe(store, EXAMPLES / "olist" / "recipe.toml", data_dir=data)
    assert sum(r.inserted for r in again) == 0
    assert sum(r.inserted for r in reports) > 0


def test_uci_online_shoppers_sessions_and_purchases(store):
    load(store, "uci_online_shoppers", "online_shoppers_intention")
    raw = pd.read_csv(external("online_shoppers_intention") / "online_shoppers_intention.csv", sep=";")
    assert store.scalar("SELECT count(DISTINCT session_id) FROM events") == len(raw) == 12330
    assert store.scalar("SELECT count(*) FROM events WHERE touchpoint = 'purchase'") == int(raw.Revenue.sum()) == 1908
    assert store.scalar("SELECT count(*) FROM events WHERE touchpoint = 'product_view'") == \
        int((raw.ProductRelated > 0).sum())
    by_month = store.query(
        "SELECT strftime(ts, '%m') AS m, count(*) AS n FROM events WHERE touchpoint = 'website_visit' GROUP BY 1"
    ).set_index("m").n
    assert by_month["05"] == int((raw.Month == "May").sum())


def test_uci_sentences_keep_every_line_despite_quotes(store):
    load(store, "uci_sentences", "uci_sentiment_labelled")
    folder = external("uci_sentiment_labelled")
    for name, channel in (("imdb_labelled.txt", "imdb"), ("yelp_labelled.txt", "yelp")):
        # split on \n only: some sentences hold other Unicode line separators
        lines = [ln for ln in (folder / name).read_text(encoding="utf-8").split("\n")[1:] if ln]
        first = lines[0].rsplit("\t", 1)[0].strip()
        assert store.scalar("SELECT count(*) FROM surveys WHERE channel = ?", [channel]) == len(lines) == 1000
        assert store.scalar("SELECT text FROM surveys WHERE survey_id = ?", [f"{channel}-1"]) == first


def test_rees46_sessions_and_event_types(store):
    load(store, "rees46", "rees46_events_sample")
    with (external("rees46_events_sample") / "2019-Oct-sample.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert store.count("events") == len(rows) == 1000
    assert store.scalar("SELECT count(DISTINCT session_id) FROM events") == len({r["user_session"] for r in rows})
    assert store.scalar("SELECT count(*) FROM events WHERE stage = 'purchase'") == \
        sum(r["event_type"] == "purchase" for r in rows)
    # "2019-10-01 00:00:00 UTC" keeps its zone, and the recipe's profile cuts days in UTC.
    assert store.timezone == "UTC"
    assert store.scalar("SELECT min(ts) FROM events").isoformat().startswith("2019-10-01T00:00:00+00:00")


def test_olist_on_time_delivery_is_judged_against_each_orders_estimated_date():
    """Olist estimates a delivery date per order. The share of delivered orders that arrived on
    or before that day, computed here from the raw CSV, is what on_time_delivery reports; the
    orders that never arrived are counted apart, not as late."""
    from tools.analytics.kpis import KpiParams, kpis
    from tools.analytics.periods import Period
    from tools.data.store import JourneyStore

    store = JourneyStore(None, timezone="America/Sao_Paulo")
    load(store, "olist", "olist_sample")
    raw = pd.read_csv(external("olist_sample") / "olist_orders_dataset.csv",
                      parse_dates=["order_delivered_customer_date", "order_estimated_delivery_date"])
    arrived = raw[raw.order_delivered_customer_date.notna()]
    on_time = (arrived.order_delivered_customer_date.dt.normalize()
               <= arrived.order_estimated_delivery_date.dt.normalize())
    r = kpis(store, KpiParams(period=Period(name="all"), metrics=["on_time_delivery", "delivery_time"]))
    v = r.get("on_time_delivery")
    assert (v.n, v.numerator) == (len(arrived), int(on_time.sum()))
    assert v.value == pytest.approx(on_time.mean()) and 0.93 < v.value < 0.94
    # never arrived, and due by the last day of the data (later promises are not due yet)
    never = raw[raw.order_delivered_customer_date.isna()
                & (raw.order_estimated_delivery_date.dt.date <= r.last_day)]
    assert v.excluded == len(never) > 2900
    cancelled = int(never.order_status.isin(["canceled", "unavailable"]).sum())
    note = next(n for n in r.provenance.notes if n.startswith("on-time delivery"))
    # counts are written the Brazilian way (the recipe's profile): 1.224
    assert f"{cancelled:,} cancelled".replace(",", ".") in note and "not as late" in note
    days = (arrived.order_delivered_customer_date - pd.to_datetime(arrived.order_purchase_timestamp))
    assert r.get("delivery_time").value == pytest.approx(days.dt.total_seconds().median() / 86400)
    store.close()


def test_olist_late_deliveries_and_reviews():
    """"Are late deliveries hurting our reviews?" on Olist: each review is about its order; the
    means of late and on-time orders are recomputed here from the raw CSVs."""
    from tools.analytics.satisfaction import SatisfactionParams, satisfaction_by
    from tools.data.store import JourneyStore

    store = JourneyStore(None, timezone="America/Sao_Paulo")
    load(store, "olist", "olist_sample")
    data = external("olist_sample")
    orders = pd.read_csv(data / "olist_orders_dataset.csv",
                         parse_dates=["order_delivered_customer_date", "order_estimated_delivery_date"])
    reviews = pd.read_csv(data / "olist_order_reviews_dataset.csv").merge(orders, on="order_id")
    arrived = reviews[reviews.order_delivered_customer_date.notna()]
    late = arrived.order_delivered_customer_date.dt.normalize() > arrived.order_estimated_delivery_date
    r = satisfaction_by(store, SatisfactionParams(measure="review_score", by="delivery"))
    g = r.groups.set_index("group")
    assert g.loc["late", "n"] == int(late.sum()) and g.loc["on time", "n"] == int((~late).sum())
    assert g.loc["late", "value"] == pytest.approx(arrived[late].review_score.mean())  # about 2.2
    assert g.loc["on time", "value"] == pytest.approx(arrived[~late].review_score.mean())  # about 4.3
    never = reviews[reviews.order_delivered_customer_date.isna()]
    assert g.loc["never arrived", "n"] == len(never)
    # In the shop's own number format (Olist is a Brazilian shop: decimal commas).
    assert r.verdict.startswith("Yes: review score 2,18 of 5 for late")
    store.close()


def _twcs_threads() -> pd.DataFrame:
    """Conversations of the raw twcs file, rebuilt here with pandas: each tweet's thread is
    found by following in_response_to_tweet_id up to a tweet that answers nothing in the file.
    The file is read with only \\n ending a row (its tweet 3399 holds bare \\r characters)."""
    raw = pd.read_csv(external("twcs_sample") / "twcs.csv", lineterminator="\n", dtype={"tweet_id": str})
    raw["parent"] = raw.in_response_to_tweet_id.map(lambda v: None if pd.isna(v) else str(int(v)))
    raw["ts"] = pd.to_datetime(raw.created_at, format="%a %b %d %H:%M:%S %z %Y")
    ids = set(raw.tweet_id)
    parent = {t: p for t, p in zip(raw.tweet_id, raw.parent, strict=True) if p in ids}
    root = {}
    for t in raw.tweet_id:
        r = t
        while r in parent:
            r = parent[r]
        root[t] = r
    raw["root"] = raw.tweet_id.map(root)
    return raw


def test_twcs_tickets_are_conversations_rebuilt_from_reply_links(store):
    reports = load(store, "twcs", "twcs_sample")
    assert reports[0].rows_read == 5000  # the bare \r does not split tweet 3399 in two
    raw = _twcs_threads()
    starts = raw[(raw.tweet_id == raw.root) & raw.inbound]
    assert store.count("tickets") == len(starts)
    assert store.count("customers") == starts.author_id.nunique()
    # first response: the brand's first tweet in the thread after the customer's first one
    merged = raw.merge(starts[["root", "ts"]].rename(columns={"ts": "opened"}), on="root")
    replies = merged[~merged.inbound & (merged.tweet_id != merged.root) & (merged.ts >= merged.opened)]
    first = replies.groupby("root").ts.min()
    got = store.query("SELECT ticket_id, first_response_at FROM tickets").set_index("ticket_id").first_response_at
    assert got.notna().sum() == len(first)
    assert (got[first.index] == first).all()
    # resolved: the thread's last tweet is the brand's
    last = merged.sort_values("ts").groupby("root").tail(1).set_index("root")
    resolved = last[~last.inbound & (merged.groupby("root").size()[last.index] > 1)]
    assert store.scalar("SELECT count(*) FROM tickets WHERE status = 'resolved'") == len(resolved)
    text = store.scalar("SELECT text FROM tickets WHERE ticket_id = '3399'")
    assert "\r\rI just love the start of email" in text
