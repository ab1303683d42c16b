"""A trend over a period that runs past the data's last day ends on that day and says so: the
weeks after it, which no row reaches, are not shown as £0.00 at n 0 (bench/edge_shapes.py found
them whenever the data ended before the period asked for)."""

from __future__ import annotations

import datetime as dt

from tools.analytics.periods import Period
from tools.analytics.trends import TrendParams, trend
from tools.data.ingest import ingest_file

D = dt.date


def _orders(store, tmp_path, rows: str):
    (tmp_path / "c.csv").write_text("customer_id\nA\nB\n")
    ingest_file(store, "customers", tmp_path / "c.csv")
    (tmp_path / "o.csv").write_text("order_id,customer_id,ts,amount\n" + rows)
    ingest_file(store, "orders", tmp_path / "o.csv")


def test_a_weekly_trend_past_the_data_ends_on_its_last_day(store, tmp_path):
    # Wednesday 20 May 2026 is the last day; the period runs to Sunday 31 May.
    _orders(store, tmp_path, "1,A,2026-04-28 10:00,10\n2,B,2026-05-06 10:00,20\n3,A,2026-05-12 10:00,30\n"
                             "4,B,2026-05-20 10:00,40\n")
    r = trend(store, TrendParams(metric="revenue", grain="week", period=Period(start=D(2026, 4, 27), end=D(2026, 5, 31))))
    s = r.series
    assert list(s["bucket"])[-1] == D(2026, 5, 18)  # no week of 25 May at £0.00
    last = s.iloc[-1]
    assert (last["value"], int(last["n"]), int(last["days"]), bool(last["partial"])) == (40, 1, 3, True)
    text = r.to_text()
    assert "the data ends on 2026-05-20: the trend ends there, not on 2026-05-31" in text
    assert "2026-05-25" not in text.split("Period:")[0]


def test_a_trend_within_the_data_is_left_as_asked(store, tmp_path):
    _orders(store, tmp_path, "1,A,2026-04-28 10:00,10\n2,B,2026-05-06 10:00,20\n3,A,2026-05-31 10:00,30\n")
    r = trend(store, TrendParams(metric="revenue", grain="week", period=Period(start=D(2026, 4, 27), end=D(2026, 5, 31))))
    assert list(r.series["bucket"])[-1] == D(2026, 5, 25) and "the trend ends there" not in r.to_text()


def test_all_the_data_starts_where_the_rows_are_dense_and_says_so(store, tmp_path):
    # One stray order in 2015 and a shop whose orders start in 2018: "all" ran from 2015 with
    # three years of empty months.
    rows = "0,A,2015-03-02 10:00,99\n" + "".join(
        f"{i},{'AB'[i % 2]},2018-{1 + i % 6:02d}-{1 + i % 27:02d} 10:00,{10 + i}\n" for i in range(1, 121))
    _orders(store, tmp_path, rows)
    r = trend(store, TrendParams(metric="orders", grain="month", period=Period(name="all")))
    assert r.series["bucket"].iloc[0] == D(2018, 1, 1) and len(r.series) == 6
    text = r.to_text()
    assert "1 of the 121 rows lies long before the rest (from 2015-03-02, then nothing for 33 months)" in text
    assert "the trend starts where the data is dense, at 2018-01-01" in text
