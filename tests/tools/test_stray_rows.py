"""One stray order in 2015 in a shop whose orders start in 2018: KPIs and comparisons over all
the data were labelled "all data (2015-03-02 to ...)" with nothing said. They still count every
order, and now say how many lie long before the rest and where the dense data starts, as the
trend over all the data does (tools/analytics/stray_rows.py)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tools.analytics.compare import CompareParams, compare
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.data.ingest import ingest_file

D = dt.date
NOTE = "1 of the 121 orders lies long before the rest (from 2015-03-02, then nothing until 2018-01-01)"


def _orders(store, tmp_path, rows: str) -> pd.DataFrame:
    (tmp_path / "c.csv").write_text("customer_id\nA\nB\n")
    ingest_file(store, "customers", tmp_path / "c.csv")
    (tmp_path / "o.csv").write_text("order_id,customer_id,ts,amount\n" + rows)
    ingest_file(store, "orders", tmp_path / "o.csv")
    return pd.read_csv(tmp_path / "o.csv", parse_dates=["ts"])


@pytest.fixture
def stray(store, tmp_path):
    rows = "0,A,2015-03-02 10:00,99\n" + "".join(
        f"{i},{'AB'[i % 2]},2018-{1 + i % 6:02d}-{1 + i % 27:02d} 10:00,{10 + i}\n" for i in range(1, 121))
    return store, _orders(store, tmp_path, rows)


def test_kpis_over_all_the_data_say_the_stray_order_and_still_count_it(stray):
    store, raw = stray
    r = kpis(store, KpiParams(metrics=["orders", "revenue"], period=Period(name="all")))
    assert r.get("orders").value == len(raw) == 121
    assert r.get("revenue").value == pytest.approx(raw.amount.sum())
    assert r.first_day == D(2015, 3, 2)
    text = r.to_text()
    assert NOTE in text
    assert f"the values over all data (2015-03-02 to {raw.ts.max().date()}) count them all" in text


def test_a_comparison_of_all_the_data_says_it_too(stray):
    store, raw = stray
    r = compare(store, CompareParams(metrics=["orders"], period=Period(name="all"),
                                     against=Period(start=D(2014, 1, 1), end=D(2014, 12, 31))))
    assert r.rows.set_index("metric").loc["orders", "current"] == len(raw)
    assert NOTE in r.to_text()


def test_a_period_inside_the_data_and_dense_data_say_nothing_of_it(stray, store, tmp_path):
    s, _ = stray
    inside = kpis(s, KpiParams(metrics=["orders"], period=Period(start=D(2018, 1, 1), end=D(2018, 6, 30))))
    assert inside.get("orders").value == 120 and "long before the rest" not in inside.to_text()


def test_dense_data_over_all_says_nothing_of_stray_rows(store, tmp_path):
    rows = "".join(f"{i},{'AB'[i % 2]},2018-{1 + i % 6:02d}-{1 + i % 27:02d} 10:00,{10 + i}\n" for i in range(1, 121))
    _orders(store, tmp_path, rows)
    r = kpis(store, KpiParams(metrics=["orders"], period=Period(name="all")))
    assert r.get("orders").value == 120 and "long before the rest" not in r.to_text()
