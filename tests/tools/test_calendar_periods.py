"""A calendar period is compared with the calendar period before it: a year with the year
before (all of it, 1 January of a leap year included), a quarter with the quarter before."""

from __future__ import annotations

import datetime as dt

from tools.analytics.compare import CompareParams, compare
from tools.analytics.periods import Period, previous_calendar, resolve, same_calendar_length
from tools.data.ingest import ingest_file

# 1 January 2016 (a leap year) holds an order the "previous 365 days" of 2017 would miss.
ORDERS = ("order_id,customer_id,ts,amount\n1,A,2016-01-01 10:00,100\n2,B,2016-06-01 10:00,10\n"
          "3,A,2017-03-01 10:00,20\n4,B,2017-12-31 10:00,30\n5,A,2018-02-01 10:00,5\n")


def _load(store, tmp_path):
    (tmp_path / "c.csv").write_text("customer_id\nA\nB\n")
    ingest_file(store, "customers", tmp_path / "c.csv")
    (tmp_path / "o.csv").write_text(ORDERS)
    ingest_file(store, "orders", tmp_path / "o.csv")


def test_a_calendar_year_is_set_against_the_whole_year_before(store, tmp_path):
    _load(store, tmp_path)
    result = compare(store, CompareParams(metrics=["revenue"],
                                          period=Period(start=dt.date(2017, 1, 1), end=dt.date(2017, 12, 31))))
    text = result.to_text()
    assert "vs the year before (2016-01-01 to 2016-12-31)" in text
    revenue = result.rows.set_index("metric").loc["revenue"]
    assert (revenue["current"], revenue["previous"]) == (50, 110)


def test_this_year_and_this_quarter_so_far_are_set_against_the_same_dates_before():
    year = previous_calendar(Period(name="this_year"), dt.date(2016, 8, 15))
    assert year.label == "the year before (2015-01-01 to 2015-08-15)"
    quarter = previous_calendar(Period(name="last_quarter"), dt.date(2016, 5, 20))
    assert quarter.label == "the quarter before (2015-10-01 to 2015-12-31)"
    # A rolling window that happens to be a whole month stays a rolling window.
    days = previous_calendar(Period(name="last_30_days"), dt.date(2017, 6, 30))
    assert days.label == "previous 30 days (2017-05-02 to 2017-05-31)"


def test_a_year_against_a_leap_year_is_judged_as_it_stands(store, tmp_path):
    """365 days against 366 stopped the verdict ("the two periods differ in length"); a calendar
    year is set against the year before as it is. February against January is still per day."""
    _load(store, tmp_path)
    year = compare(store, CompareParams(metrics=["revenue"],
                                        period=Period(start=dt.date(2017, 1, 1), end=dt.date(2017, 12, 31))))
    assert "differ in length" not in year.to_text()
    assert year.rows.set_index("metric").loc["revenue"]["change"] == -60
    february = resolve(Period(start=dt.date(2018, 2, 1), end=dt.date(2018, 2, 28)), dt.date(2018, 3, 1))
    assert not same_calendar_length(february, february.previous())


def test_a_year_before_the_data_starts_is_said_and_its_totals_not_judged(store, tmp_path):
    """2018 so far against 2017, when the orders start in 2016: measured. 2016 against 2015, when
    they start on 1 January 2016: the year before holds no data at all (said as such); and a year
    against one the data starts in the middle of is said, its totals left unjudged."""
    (tmp_path / "c.csv").write_text("customer_id\nA\nB\n")
    ingest_file(store, "customers", tmp_path / "c.csv")
    (tmp_path / "o.csv").write_text("order_id,customer_id,ts,amount\n1,A,2016-09-04 10:00,10\n"
                                    "2,B,2016-10-01 10:00,10\n3,A,2017-03-01 10:00,20\n4,B,2017-12-31 10:00,30\n")
    ingest_file(store, "orders", tmp_path / "o.csv")
    r = compare(store, CompareParams(metrics=["revenue"],
                                     period=Period(start=dt.date(2017, 1, 1), end=dt.date(2017, 12, 31))))
    text = r.to_text()
    assert "the orders start on 2016-09-04, so the year before (2016-01-01 to 2016-12-31) has data on only " \
           "119 of its 366 days" in text
    assert r.rows.set_index("metric").loc["revenue"]["assessment"] is None
