"""A KPI month by month: calendar months in the business time zone (across a clock change),
each month's KPI computed over its own rows (a median of its tickets, not a mean of daily
medians), partial first and last months said with their days; and Olist's months checked
against pandas on the raw export."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import REPO, external

from tools.analytics.periods import Period
from tools.analytics.trends import TrendParams, kpi_series, trend
from tools.data.ingest import ingest_file, ingest_recipe

D = dt.date
# Europe/London went to summer time on 29 March 2026: from then local time is UTC+1.
SPRING = Period(start=D(2026, 3, 10), end=D(2026, 4, 20))


def _tickets(store, tmp_path) -> pd.DataFrame:
    """March: two tickets on the 12th answered in 1 h and 3 h, one on the 30th in 10 h (daily
    medians 2 h and 10 h, whose mean is 6 h; the month's median is 3 h). April: 20 h, 30 h and
    40 h, the first opened at 00:30 on 1 April London time, which is still 31 March in UTC."""
    opened = ["2026-03-12T09:00:00Z", "2026-03-12T10:00:00Z", "2026-03-30T09:00:00Z",
              "2026-03-31T23:30:00Z", "2026-04-10T09:00:00Z", "2026-04-15T09:00:00Z"]
    hours = [1, 3, 10, 20, 30, 40]
    rows = [f"T{i},C{i},{o},{(pd.Timestamp(o) + pd.Timedelta(hours=h)).isoformat()}"
            for i, (o, h) in enumerate(zip(opened, hours, strict=True))]
    people = tmp_path / "customers.csv"
    people.write_text("customer_id\n" + "\n".join(f"C{i}" for i in range(len(hours))) + "\n")
    ingest_file(store, "customers", people)
    path = tmp_path / "tickets.csv"
    path.write_text("ticket_id,customer_id,created_at,first_response_at\n" + "\n".join(rows) + "\n")
    ingest_file(store, "tickets", path)
    return pd.read_csv(path, parse_dates=["created_at", "first_response_at"])


def test_months_are_local_calendar_months_with_each_months_own_median(store, tmp_path):
    raw = _tickets(store, tmp_path)
    r = trend(store, TrendParams(metric="first_response_time", grain="month", period=SPRING))
    s = r.series
    assert list(s["bucket"]) == [D(2026, 3, 10), D(2026, 4, 1)]
    # the 00:30 ticket of 1 April (London) is April's, though UTC still said March
    assert list(s["n"]) == [3, 3]
    local = raw.created_at.dt.tz_convert("Europe/London").dt.strftime("%Y-%m")
    hours = (raw.first_response_at - raw.created_at) / pd.Timedelta(hours=1)
    assert list(s["value"]) == list(hours.groupby(local).median()) == [3.0, 30.0]
    assert list(s["days"]) == [22, 20] and list(s["partial"]) == [True, True]
    text = r.to_text()
    assert "First response (median) by month" in text
    assert "2026-03" in text and "partial: 22 days, 2026-03-10 to 2026-03-31" in text
    assert "partial: 20 days, 2026-04-01 to 2026-04-20" in text
    assert "on the month before" in text and "not an average of the months" in text
    assert "calendar month" in r.provenance.definition
    assert any("partial months" in n and "2026-03 has 22 of its days" in n for n in r.provenance.notes)


def test_a_whole_month_is_not_partial_and_the_series_accepts_month(store, tmp_path):
    _tickets(store, tmp_path)
    s = kpi_series(store, ["tickets", "open_tickets"], period=Period(start=D(2026, 3, 1),
                   end=D(2026, 4, 30)), grain="month")
    tickets = s[s.metric == "tickets"]
    assert list(tickets["bucket"]) == [D(2026, 3, 1), D(2026, 4, 1)]
    assert list(tickets["days"]) == [31, 30] and not tickets["partial"].any()
    assert list(tickets["value"]) == [3, 3]
    # a stock counted at each month's end: none of the tickets is resolved
    assert list(s[s.metric == "open_tickets"]["value"]) == [3, 6]


def test_the_planners_month_grain_is_accepted_by_the_tool_schema():
    params = TrendParams.model_validate({"metric": "purchase_conversion", "grain": "month"})
    assert params.grain == "month"
    assert "month" in TrendParams.model_json_schema()["properties"]["grain"]["enum"]
    # three months, two of them cut, show no movement: month by month reads the last 180 days
    assert params.period.name == "last_180_days"
    asked = TrendParams.model_validate({"metric": "aov", "grain": "month", "period": {"name": "last_90_days"}})
    assert asked.period.name == "last_90_days"
    assert TrendParams(metric="aov", grain="week").period.name == "last_90_days"


@pytest.mark.realdata
def test_olist_month_by_month_matches_pandas_on_the_raw_export(store):
    raw = external("olist_sample")
    ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=raw)
    orders = pd.read_csv(raw / "olist_orders_dataset.csv", parse_dates=["order_purchase_timestamp"])
    pay = pd.read_csv(raw / "olist_order_payments_dataset.csv").groupby("order_id").payment_value.sum()
    done = orders[orders.order_status == "delivered"].join(pay, on="order_id")
    # Olist's stamps are Sao Paulo local time, the shop's zone: the month is the stamp's own
    month = done.order_purchase_timestamp.dt.strftime("%Y-%m")
    want = done.groupby(month).payment_value.agg(["mean", "count"])

    r = trend(store, TrendParams(metric="aov", grain="month", period=Period(name="all")))
    got = r.series.assign(month=[f"{b:%Y-%m}" for b in r.series["bucket"]]).set_index("month")
    with_orders = got[got["n"] > 0]
    assert list(with_orders.index) == list(want.index)
    assert list(with_orders["n"]) == list(want["count"])
    assert with_orders["value"].to_numpy() == pytest.approx(want["mean"].to_numpy())
    assert got["partial"].iloc[0] and got["partial"].iloc[-1]

    reviews = pd.read_csv(raw / "olist_order_reviews_dataset.csv", parse_dates=["review_answer_timestamp"])
    shares = (reviews.review_score >= 4).groupby(reviews.review_answer_timestamp.dt.strftime("%Y-%m")).mean()
    csat = trend(store, TrendParams(metric="csat", grain="month", period=Period(name="all"))).series
    csat = csat[csat["n"] > 0]
    assert [f"{b:%Y-%m}" for b in csat["bucket"]] == list(shares.index)
    assert csat["value"].to_numpy() == pytest.approx(shares.to_numpy())
