"""Periods that follow the data: each table's last day, data dated by month only, and rows
dated in the future, which ingest refuses unless asked and which never move "today"."""

from __future__ import annotations

import datetime as dt

import pytest

from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period, resolve
from tools.core.errors import IngestError, NoDataError
from tools.data.ingest import ingest_file
from tools.data.mapping import Mapping

CUSTOMERS = "customer_id\nA\nB\n"


def _orders(tmp_path, store, rows: str, **mapping):
    (tmp_path / "c.csv").write_text(CUSTOMERS)
    ingest_file(store, "customers", tmp_path / "c.csv")
    path = tmp_path / "o.csv"
    path.write_text("order_id,customer_id,ts,amount\n" + rows)
    return ingest_file(store, "orders", path, Mapping(table="orders", **mapping))


def test_a_row_dated_2099_is_refused_with_file_row_and_column(store, tmp_path):
    with pytest.raises(IngestError) as err:
        _orders(tmp_path, store, "1,A,2026-05-01 10:00,10\n2,B,2099-01-01 10:00,20\n")
    text = str(err.value)
    assert "o.csv, row 2, column 'ts': dated in the future" in text and "2099-01-01" in text
    assert "--allow-future" in text and "Nothing was written" in text
    assert store.count("orders") == 0


def test_an_allowed_future_row_never_moves_last_month(store, tmp_path):
    _orders(tmp_path, store, "1,A,2026-05-01 10:00,10\n2,A,2026-05-20 10:00,15\n3,B,2099-01-01 10:00,20\n",
            allow_future=True)
    assert store.count("orders") == 3
    assert store.as_of() == dt.date(2026, 5, 20) and store.as_of("orders") == dt.date(2026, 5, 20)
    may = kpis(store, KpiParams(metrics=["revenue"], period=Period(name="this_month")))
    assert (may.first_day, may.last_day, may.headline.value) == (dt.date(2026, 5, 1), dt.date(2026, 5, 20), 25)
    with pytest.raises(NoDataError, match=r"no completed orders in last month \(2026-04-01 to 2026-04-30\)"):
        kpis(store, KpiParams(metrics=["revenue"], period=Period(name="last_month")))
    assert store.span("orders").later_rows == 1


def test_month_dated_rows_are_read_in_months():
    as_of = dt.date(2017, 12, 1)
    week = resolve(Period(name="last_7_days"), as_of, "Europe/London", granularity="month")
    assert (week.first_day, week.last_day, week.months) == (dt.date(2017, 12, 1), dt.date(2017, 12, 31), 1)
    assert "dated by month only" in (week.note or "") and "Dec 2017" in week.label
    quarter = resolve(Period(name="last_90_days"), as_of, "Europe/London", granularity="month")
    assert (quarter.first_day, quarter.last_day) == (dt.date(2017, 10, 1), dt.date(2017, 12, 31))
    before = quarter.previous()
    assert (before.first_day, before.last_day) == (dt.date(2017, 7, 1), dt.date(2017, 9, 30))
    assert resolve(Period(name="yesterday"), as_of, "UTC", granularity="month").first_day == dt.date(2017, 11, 1)


def test_granularity_is_detected_per_table(store, tmp_path):
    (tmp_path / "c.csv").write_text(CUSTOMERS)
    ingest_file(store, "customers", tmp_path / "c.csv")
    months = "".join(f"A,2017-{m:02d}-01,website_visit\n" for m in range(1, 13))
    (tmp_path / "e.csv").write_text("customer_id,ts,touchpoint\n" + months)
    ingest_file(store, "events", tmp_path / "e.csv")
    (tmp_path / "o.csv").write_text("order_id,customer_id,ts,amount\n1,A,2017-05-03 14:10,5\n")
    ingest_file(store, "orders", tmp_path / "o.csv")
    assert (store.span("events").granularity, store.span("orders").granularity) == ("month", "time")
