"""The buying rate by hour of the day (tools/analytics/pattern_holds.py, time_pattern.py): a
bucket pools customer-hours (a customer with any journey event in a local clock hour; buying when
a purchase-stage event falls in that same hour), as by weekday it pools customer-days. Checked
against pandas over the raw rows of the bank's sample and of Olist (Sao Paulo local times); an
hour with no active customers is said, never shown as 0%."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import REPO, external
from kpi_fixtures import load
from sample_cache import bank_store

from tools.analytics.periods import Period
from tools.analytics.time_pattern import PatternParams, time_pattern
from tools.data.ingest import ingest_recipe
from tools.data.store import JourneyStore

ALL = Period(name="all")


def _pandas(rows: pd.DataFrame, by: str) -> pd.DataFrame:
    """rows: customer_id, ts (naive, on the business's clock), bought (a purchase-stage row).
    Per bucket: the customer-hours (customer-days) and how many of them bought."""
    occurrence = rows.ts.dt.floor("h") if by == "hour" else rows.ts.dt.normalize()
    units = rows.assign(o=occurrence).groupby(["o", "customer_id"]).bought.any().reset_index()
    key = units.o.dt.hour if by == "hour" else units.o.dt.day_of_week
    return units.groupby(key.to_numpy()).bought.agg(bought="sum", active="size")


def _check(store: JourneyStore, rows: pd.DataFrame, by: str) -> pd.DataFrame:
    r = time_pattern(store, PatternParams(metric="purchase_conversion", by=by, period=ALL))
    t = r.table.set_index("bucket")
    want = _pandas(rows, by).reindex(t.index)
    assert t["n"].to_dict() == want["active"].fillna(0).astype(int).to_dict(), by
    # pooled: the bucket's buying units over its units, not a mean of hourly (daily) rates
    assert t["value"].to_numpy() == pytest.approx((want["bought"] / want["active"]).to_numpy(), nan_ok=True), by
    assert r.holds.startswith(f"customer-{'hour' if by == 'hour' else 'day'}s with a purchase-stage event")
    assert r.data_through == r.covered_to  # the whole data: its last day is the period's
    return t


@pytest.mark.parametrize("by", ["hour", "weekday"])
def test_bank_sample_buying_rate_pools_customer_hours_as_pandas_does(by):
    store = bank_store()
    with store.connect() as con:
        ev = con.execute("SELECT customer_id, ts, stage FROM events").df()
    # the London clock, the repeated 01:00 of the clocks going back one hour as fold_buckets has it
    ev["ts"] = pd.to_datetime(ev.ts, utc=True).dt.tz_convert("Europe/London").dt.tz_localize(None)
    t = _check(store, ev.assign(bought=ev.stage == "purchase"), by)
    assert (t["n"] > 0).all() and t["value"].between(0, 1).all()


def test_bank_sample_says_what_an_hour_holds_and_what_the_hour_cuts_or_dilutes():
    store = bank_store()
    r = time_pattern(store, PatternParams(metric="purchase_conversion", by="hour", period=ALL))
    said = r.to_text(details=True)
    assert "Buying rate by hour of the day, all data" in said and "customer-hours" in r.provenance.definition
    assert r.provenance.period_label and r.provenance.row_counts["events"] > 0
    assert r.data_through == dt.date(2026, 11, 15)  # the sample's last day: how fresh the answer is
    assert r.highest is not None and r.verdict in ("clear", "tied", "noise")
    with store.connect() as con:
        ev = con.execute("SELECT customer_id, ts, stage, touchpoint FROM events").df()
    ev["o"] = pd.to_datetime(ev.ts, utc=True).dt.tz_convert("Europe/London").dt.tz_localize(None).dt.floor("h")
    units = ev.assign(bought=ev.stage == "purchase", sent=ev.touchpoint.isin(["email_send", "receipt_email"])) \
        .groupby(["o", "customer_id"]).agg(bought=("bought", "any"), sent=("sent", "all")).reset_index()
    # a buying customer-hour whose customer was there the hour before without buying
    before = units[units.bought].assign(o=lambda u: u.o - pd.Timedelta(hours=1)).merge(
        units[~units.bought], on=["o", "customer_id"])
    assert f"{len(before)} of the {int(units.bought.sum())} buying customer-hours followed an hour" in said
    # the sample mails its list at 10:xx: most of that hour's customer-hours are the mailing
    ten = units[units.o.dt.hour == 10]
    sent, n, bought = int(ten.sent.sum()), len(ten), int(ten.bought.sum())
    assert sent * 2 > n
    assert (f"10:00-11:00: {sent} of its {n} customer-hours are only what the business sent (email_send, "
            f"receipt_email), not a visit; without them its buying rate is {bought / (n - sent):.1%}") in said
    others = [x for x in r.provenance.notes if "customer-hours are only what the business sent" in x]
    assert len(others) == 1  # no other hour is mostly a mailing


def test_an_hour_without_active_customers_has_no_rate_and_says_so(store, tmp_path):
    # Three June days (London): the shop mails E at 07:30; A browses and buys at 09:xx, B only
    # browses then; C browses at 13:50 and buys at 14:05; D browses at 17:00. Nobody is there at
    # 08, 10-13, 15-17 or overnight.
    stamps = [("E", "2026-06-01 07:30", "email_send"), ("A", "2026-06-01 09:10", "product_view"), ("A", "2026-06-01 09:20", "order_placed"),
              ("B", "2026-06-01 09:30", "product_view"), ("C", "2026-06-02 13:50", "product_view"),
              ("C", "2026-06-02 14:05", "order_placed"), ("D", "2026-06-03 17:00", "product_view")]
    events = "customer_id,ts,touchpoint\n" + "".join(f"{c},{t},{p}\n" for c, t, p in stamps)
    load(store, tmp_path / "florist", {"customers": "customer_id\nA\nB\nC\nD\nE\n", "events": events})
    r = time_pattern(store, PatternParams(metric="purchase_conversion", by="hour", period=ALL))
    t = r.table.set_index("bucket")
    assert t.loc[[7, 9, 13, 14, 17], "value"].tolist() == [0.0, 0.5, 0.0, 1.0, 0.0]
    assert t.loc[[7, 9, 13, 14, 17], "n"].tolist() == [1, 2, 1, 1, 1]
    empty = t.drop([7, 9, 13, 14, 17])
    assert (empty["n"] == 0).all() and empty["value"].isna().all()  # no rate, not 0%
    said = r.to_text()
    assert ("No active customers at 18:00-07:00, 08:00-09:00, 10:00-13:00 and 15:00-17:00 in 3 days, so no buying rate "
            "there (not 0%); left out of highest and lowest") in said
    line = next(x for x in said.splitlines() if x.startswith("10:00-11:00"))
    assert "%" not in line and line.split()[1:] == ["-", "0"]
    assert r.lowest in ("07:00-08:00", "13:00-14:00", "17:00-18:00") and r.highest == "14:00-15:00"
    # C's 13:50 browsing is a customer-hour without a buy: said, with its count
    assert any(n.startswith("1 of the 2 buying customer-hours followed an hour in which the same customer")
               for n in r.provenance.notes)
    # the 07:00 mailing is a customer-hour, as in the period's buying rate, and is named as such
    assert ("07:00-08:00: 1 of its 1 customer-hours are only what the business sent (email_send, receipt_email), "
            "not a visit; nobody else was there") in r.provenance.notes


@pytest.mark.realdata
@pytest.mark.parametrize("by", ["hour", "weekday"])
def test_olist_buying_rate_by_hour_matches_its_orders_deliveries_and_reviews(by):
    """Olist's journey events are an order placed (the purchase stage), its delivery and a
    review answered (examples/olist/recipe.toml), written in Sao Paulo local time without an
    offset; a person is customer_unique_id. The sample holds every undelivered order and a fifth
    of the delivered ones (SOURCE.md): the rates are the sample's, not Olist's."""
    data = external("olist_sample")
    store = JourneyStore(None)
    ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=data)
    orders = pd.read_csv(data / "olist_orders_dataset.csv")
    people = pd.read_csv(data / "olist_customers_dataset.csv").set_index("customer_id").customer_unique_id
    orders["person"] = orders.customer_id.map(people)
    reviews = pd.read_csv(data / "olist_order_reviews_dataset.csv").merge(orders[["order_id", "person"]], on="order_id")
    cols = ["customer_id", "ts", "bought"]
    rows = pd.concat([orders[["person", "order_purchase_timestamp"]].assign(b=True).set_axis(cols, axis=1),
                      orders[["person", "order_delivered_customer_date"]].assign(b=False).set_axis(cols, axis=1),
                      reviews[["person", "review_answer_timestamp"]].assign(b=False).set_axis(cols, axis=1)])
    rows["ts"] = pd.to_datetime(rows.ts)
    try:
        t = _check(store, rows.dropna(subset=["ts"]), by)
    finally:
        store.close()
    assert t["n"].sum() > 8000  # every order placed is a buying customer-hour (customer-day)
