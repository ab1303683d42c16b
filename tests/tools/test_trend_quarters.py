"""A KPI quarter by quarter: calendar quarters (January, April, July, October) in the business
time zone, each quarter's KPI over its own rows, partial first and last quarters flagged and
said with their days; checked against pandas resample('QS') on the sample and on Olist's raw
export."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import REPO, external
from sample_cache import bank_store

from tools.analytics.periods import Period
from tools.analytics.trends import TrendParams, trend
from tools.data.ingest import ingest_recipe

D = dt.date


def test_the_sample_quarter_by_quarter_matches_pandas_resample():
    store = bank_store()
    with store.connect() as con:
        o = con.execute("SELECT ts, amount, status FROM orders").df()
    o = o[o.status == "completed"]
    local = o.assign(ts=pd.to_datetime(o.ts, utc=True).dt.tz_convert("Europe/London").dt.tz_localize(None))
    want = local.set_index("ts").amount.resample("QS").agg(["sum", "count"])

    r = trend(store, TrendParams(metric="revenue", grain="quarter", period=Period(name="all")))
    got = r.series[r.series["n"] > 0]
    # the first quarter starts where the data does: resample('QS') names it by its calendar start
    assert [pd.Timestamp(b).to_period("Q") for b in got["bucket"]] == [t.to_period("Q") for t in want.index]
    assert len(got) >= 2 and list(got["n"]) == list(want["count"])
    assert got["value"].to_numpy() == pytest.approx(want["sum"].to_numpy())
    # 180 days ending mid-November: both ends are cut quarters, and the answer says so
    assert bool(r.series["partial"].iloc[0]) and bool(r.series["partial"].iloc[-1])
    text = r.to_text()
    assert "2026 Q4" in text and "partial quarters at the ends of the period" in text
    last = r.series["days"].iloc[-1]
    assert r.series["bucket"].iloc[-1] == D(2026, 10, 1) and 30 < last < 92
    assert f"the latest quarter has {last} of its 92 days: not read as better or worse" in text


def test_whole_quarters_are_not_partial_and_the_schema_takes_quarter():
    params = TrendParams.model_validate({"metric": "orders", "grain": "quarter"})
    assert params.period.name == "all"  # 180 days are two or three quarters, most of them cut
    assert "quarter" in TrendParams.model_json_schema()["properties"]["grain"]["enum"]
    r = trend(bank_store(), TrendParams(metric="orders", grain="quarter",
                                        period=Period(start=D(2026, 7, 1), end=D(2026, 9, 30))))
    assert list(r.series["bucket"]) == [D(2026, 7, 1)]
    assert list(r.series["days"]) == [92] and not r.series["partial"].any()
    assert not any("partial" in n for n in r.provenance.notes)


@pytest.mark.realdata
def test_olist_quarter_by_quarter_matches_pandas_on_the_raw_export(store):
    raw = external("olist_sample")
    ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=raw)
    orders = pd.read_csv(raw / "olist_orders_dataset.csv", parse_dates=["order_purchase_timestamp"])
    pay = pd.read_csv(raw / "olist_order_payments_dataset.csv").groupby("order_id").payment_value.sum()
    done = orders[orders.order_status == "delivered"].join(pay, on="order_id")
    # Olist's stamps are Sao Paulo local time, the shop's zone: the quarter is the stamp's own
    cut = done[(done.order_purchase_timestamp >= "2017-02-15") & (done.order_purchase_timestamp < "2018-05-11")]
    want = cut.set_index("order_purchase_timestamp").payment_value.resample("QS").agg(["sum", "count"])

    r = trend(store, TrendParams(metric="revenue", grain="quarter",
                                 period=Period(start=D(2017, 2, 15), end=D(2018, 5, 10))))
    s = r.series
    assert [pd.Timestamp(b).to_period("Q") for b in s["bucket"]] == [t.to_period("Q") for t in want.index]
    assert list(s["n"]) == list(want["count"])
    assert s["value"].to_numpy() == pytest.approx(want["sum"].to_numpy())
    assert list(s["partial"]) == [True, False, False, False, False, True]
    assert (s["days"].iloc[0], s["days"].iloc[-1]) == (45, 40)
    note = next(n for n in r.provenance.notes if n.startswith("partial quarters"))
    assert "2017 Q1 has 45 of its 90 days" in note and "2018 Q2 has 40 of its 91 days" in note
