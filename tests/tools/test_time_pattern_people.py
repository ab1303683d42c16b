"""Which day (hour, month) customers turn up (tools/analytics/time_pattern.py, pattern_kpis.py):
active customers and buyers by weekday, hour and month, checked against pandas over the raw
files (the bank's sample and Olist), a regular counted once in the period's total, and the KPIs
still refused saying why."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import REPO, external
from kpi_fixtures import load

from tools.analytics.pattern_kpis import NO_PATTERN, PATTERN_METRICS
from tools.analytics.periods import Period
from tools.analytics.time_pattern import PatternParams, time_pattern
from tools.core.errors import ToolInputError
from tools.data.ingest import folder_loads, ingest_loads, ingest_recipe
from tools.data.sample import SampleSpec, generate_sample
from tools.data.store import JourneyStore

LONDON = "Europe/London"
ALL = Period(name="all")


def _keys(by: str, ts: pd.Series) -> pd.Series:
    return {"weekday": ts.dt.day_of_week, "hour": ts.dt.hour, "month": ts.dt.month}[by]


def _check(store: JourneyStore, metric: str, rows: pd.DataFrame, by: str) -> None:
    """rows: customer_id and local ts of what makes a customer count. The total is the different
    customers of each bucket over the period; the average per occurrence times the occurrences
    is the sum over the days (hours) of each one's different customers."""
    r = time_pattern(store, PatternParams(metric=metric, by=by, period=ALL))
    t = r.table.set_index("bucket")
    key = _keys(by, rows.ts)
    different = rows.groupby(key.to_numpy()).customer_id.nunique()
    assert t["total"].astype(int).to_dict() == different.reindex(t.index, fill_value=0).to_dict(), by
    occurrence = rows.ts.dt.floor("h") if by == "hour" else rows.ts.dt.normalize()
    per = rows.assign(o=occurrence.to_numpy()).groupby("o").customer_id.nunique()
    summed = per.groupby(_keys(by, pd.Series(per.index)).to_numpy()).sum()
    got = (t["value"] * t["occurrences"]).round().astype(int)
    assert got.to_dict() == summed.reindex(t.index, fill_value=0).to_dict(), by
    assert r.people and "different" in r.to_text()


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    """The small sample the question banks are written against (5,000 events, London)."""
    folder = tmp_path_factory.mktemp("bank")
    generate_sample(folder, SampleSpec(events=5000))
    store = JourneyStore(None, timezone=LONDON)
    ingest_loads(store, folder_loads(folder))
    yield store, folder
    store.close()


@pytest.mark.parametrize("by", ["weekday", "hour", "month"])
def test_active_customers_on_the_bank_sample_match_its_events(bank, by):
    store, folder = bank
    ev = pd.read_csv(folder / "events.csv")
    ev["ts"] = pd.to_datetime(ev.ts, utc=True).dt.tz_convert(LONDON)  # stamped with offsets
    _check(store, "active_customers", ev[["customer_id", "ts"]], by)


def test_buyers_on_the_bank_sample_count_completed_orders_only(bank):
    store, folder = bank
    o = pd.read_csv(folder / "orders.csv")
    o = o[o.status.fillna("completed") == "completed"]
    o["ts"] = pd.to_datetime(o.ts, utc=True).dt.tz_convert(LONDON)
    _check(store, "buyers", o[["customer_id", "ts"]], "weekday")


def test_a_regular_is_one_customer_in_the_total_and_one_a_monday_in_the_average(store, tmp_path):
    # Three Mondays and three Tuesdays (June 2026, London): A comes every Monday (twice on the
    # first), B on the first Monday only; C on every Tuesday, D and E on the last.
    stamps = [("A", "2026-06-01 09:00"), ("A", "2026-06-01 17:00"), ("B", "2026-06-01 10:00"),
              ("A", "2026-06-08 09:00"), ("A", "2026-06-15 09:00"),
              ("C", "2026-06-02 09:00"), ("C", "2026-06-09 09:00"), ("C", "2026-06-16 09:00"),
              ("D", "2026-06-16 11:00"), ("E", "2026-06-16 12:00")]
    events = "customer_id,ts,touchpoint\n" + "".join(f"{c},{t},store_visit\n" for c, t in stamps)
    load(store, tmp_path / "club", {"customers": "customer_id\nA\nB\nC\nD\nE\n", "events": events})
    r = time_pattern(store, PatternParams(metric="active_customers", by="weekday", period=ALL))
    mon, tue = (r.table.set_index("label").loc[d] for d in ("Monday", "Tuesday"))
    assert (mon.total, mon.occurrences, round(mon.value, 4)) == (2, 3, round(4 / 3, 4))
    assert (tue.total, tue.occurrences, round(tue.value, 4)) == (3, 3, round(5 / 3, 4))
    said = r.to_text()
    assert "an active customer is one with any journey event" in said
    assert "'different' counts each customer once over the whole period" in said
    assert "different customers over the whole period" in r.provenance.definition


@pytest.mark.parametrize("metric", sorted(NO_PATTERN))
def test_a_kpi_without_a_moment_of_its_own_is_refused_with_its_reason(store, tmp_path, metric):
    with pytest.raises(ToolInputError) as err:
        time_pattern(store, PatternParams(metric=metric, by="weekday"))
    said = str(err.value)
    assert NO_PATTERN[metric].split(";")[0] in said and "active_customers" in said, said


def test_every_kpi_is_either_taken_or_refused_with_a_reason():
    from tools.analytics.kpi_catalog import METRICS

    assert sorted(set(PATTERN_METRICS) | set(NO_PATTERN)) == sorted(METRICS)


@pytest.mark.realdata
@pytest.mark.parametrize("by", ["weekday", "hour", "month"])
def test_olist_active_customers_match_its_orders_deliveries_and_reviews(by):
    """Olist's journey events are what its exports date: an order placed, delivered, a review
    answered (examples/olist/recipe.toml), written in Sao Paulo local time without an offset;
    a person is customer_unique_id. The sample holds every undelivered order and a fifth of the
    delivered ones (SOURCE.md), so the counts are the sample's, not Olist's."""
    data = external("olist_sample")
    store = JourneyStore(None)
    ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=data)
    orders = pd.read_csv(data / "olist_orders_dataset.csv")
    people = pd.read_csv(data / "olist_customers_dataset.csv").set_index("customer_id").customer_unique_id
    orders["person"] = orders.customer_id.map(people)
    reviews = pd.read_csv(data / "olist_order_reviews_dataset.csv").merge(orders[["order_id", "person"]], on="order_id")
    stamps = pd.concat([orders[["person", "order_purchase_timestamp"]].set_axis(["customer_id", "ts"], axis=1),
                        orders[["person", "order_delivered_customer_date"]].set_axis(["customer_id", "ts"], axis=1),
                        reviews[["person", "review_answer_timestamp"]].set_axis(["customer_id", "ts"], axis=1)])
    stamps["ts"] = pd.to_datetime(stamps.ts)
    _check(store, "active_customers", stamps.dropna(subset=["ts"]), by)
    store.close()


def test_hours_of_active_customers_are_answered(bank):
    store, _ = bank
    r = time_pattern(store, PatternParams(metric="active_customers", by="hour", period=Period(
        start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31))))
    assert r.label == "Active customers" and r.by == "hour" and r.highest is not None
    assert r.provenance.period_label and r.provenance.row_counts["events"] > 0
