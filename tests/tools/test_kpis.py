"""Headline KPIs: every metric against figures worked out by hand on small fixtures, edge
cases, a property-based cross-check against a plain-Python implementation, and the real
Olist and UCI data sets checked against figures computed from the raw files."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pytest
from conftest import REPO, external
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kpi_fixtures import BAKERY, CHURN, T0, load, oracle, store_with
from pydantic import ValidationError

from tools.analytics.filters import Filters
from tools.analytics.kpi_catalog import DEFAULT_METRICS, SPECS, format_change, format_value
from tools.analytics.kpis import KpiParams, KpiSettings, kpi, kpis, metric_availability
from tools.analytics.periods import Period
from tools.core.errors import NoDataError, ToolInputError
from tools.data.ingest import ingest_recipe
from tools.data.store import JourneyStore

MAY = Period(start=dt.date(2026, 5, 4), end=dt.date(2026, 5, 6))
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def bakery(store, tmp_path):
    load(store, tmp_path / "bakery", BAKERY)
    return store


def values(result):
    return {v.metric: v for v in result.values}


def quantile(xs, q):
    """Linear interpolation between closest ranks (what DuckDB's quantile_cont does)."""
    return float(np.quantile(np.array(xs, dtype=float), q))


# -- every KPI on the bakery fixture ----------------------------------------------------------

def test_journey_conversions_count_customers_not_events(bakery):
    v = values(kpis(bakery, KpiParams(period=MAY)))
    # A, B, C, D, E had events; A (order placed) and B (bought in store) had a purchase event.
    assert (v["purchase_conversion"].value, v["purchase_conversion"].n) == (pytest.approx(2 / 5), 5)
    # Step k: of the customers at stage k-1, those who reached stage k or later.
    assert v["conversion_consideration"].value == 1.0 and v["conversion_consideration"].n == 1
    assert v["conversion_decision"].value == pytest.approx(3 / 5)
    # D skipped the purchase event (bought via the orders table) but got a delivery: reached.
    assert (v["conversion_purchase"].value, v["conversion_purchase"].n) == (1.0, 3)
    assert v["conversion_post_purchase"].value == pytest.approx(1 / 2)
    assert (v["conversion_advocacy"].value, v["conversion_advocacy"].n) == (pytest.approx(1 / 2), 2)


def test_repeated_stages_count_a_customer_once_and_steps_come_as_a_table(store, tmp_path):
    load(store, tmp_path / "repeat", {
        "customers": "customer_id\nA\nB\n",
        "events": "customer_id,ts,touchpoint,session_id\n"
                  "A,2026-05-01 10:00,product_view,a\nA,2026-05-01 10:01,product_view,a\n"
                  "A,2026-05-01 10:02,product_view,a\nA,2026-05-01 10:03,add_to_cart,a\n"
                  "A,2026-05-02 10:03,add_to_cart,b\nB,2026-05-01 11:00,menu_view,c\n",
    })
    r = kpis(store, KpiParams(period=Period(name="all")))
    v = values(r)
    assert (v["conversion_decision"].value, v["conversion_decision"].n) == (0.5, 2)
    steps = r.stage_steps.set_index("to")
    assert (steps.loc["decision", "reached"], steps.loc["decision", "of"]) == (1, 2)
    assert v["sessions"].value == 3 and v["bounce_rate"].value == pytest.approx(2 / 3)


def test_web_sessions_bounce_exit_and_cart_abandonment(bakery):
    r = kpis(bakery, KpiParams(period=MAY))
    v = values(r)
    # Five web sessions (s1..s5); only s1 has a purchase-stage web event.
    assert (v["session_conversion"].value, v["session_conversion"].n) == (pytest.approx(1 / 5), 5)
    # s3 (C) and s5 (E) have one web event each; the ad click and delivery are not web events.
    assert v["bounce_rate"].value == pytest.approx(2 / 5)
    # 9 web events, 5 of them the last of their session.
    assert (v["exit_rate"].value, v["exit_rate"].n) == (pytest.approx(5 / 9), 9)
    exits = r.exits.set_index("touchpoint")
    assert exits.loc["product_view", "exits"] == 0 and exits.loc["product_view", "events"] == 3
    assert exits.loc["add_to_cart", "exit_rate"] == pytest.approx(1 / 2)
    assert exits.loc["order_placed", "exit_rate"] == 1.0
    # s1 bought 3 minutes later; s4 (D) was rescued by an order 6 hours later; s2 (B) bought in
    # store 46 hours later, outside the 24-hour window: abandoned.
    assert (v["cart_abandonment"].value, v["cart_abandonment"].n) == (pytest.approx(1 / 3), 3)
    assert v["cart_abandonment"].excluded == 0


def test_sales_kpis_use_completed_orders_only(bakery):
    v = values(kpis(bakery, KpiParams(period=MAY)))
    # O1 20 + O3 15 (no status: a sale) + O4 12; the cancelled O5 does not count.
    assert v["revenue"].value == pytest.approx(47.0)
    assert v["orders"].value == 3
    assert (v["aov"].value, v["aov"].n) == (pytest.approx(47 / 3), 3)
    # A had bought in March too; D and B bought for the first time.
    assert (v["repeat_purchase_rate"].value, v["repeat_purchase_rate"].n) == (pytest.approx(1 / 3), 3)
    # Lifetime revenue to the end of the period: A 50, D 15, B 12.
    assert v["clv"].value == pytest.approx(77 / 3)
    assert v["clv"].median == pytest.approx(15.0)
    # D: first event 14:00, order 20:00 -> 0.25 days. B: CRM first seen 30 April (midnight),
    # order 6 May 09:00 -> 6 days 9 hours.
    assert v["time_to_first_purchase"].n == 2
    assert v["time_to_first_purchase"].value == pytest.approx((0.25 + 6.375) / 2)
    # A's March order keeps A active at the start (90-day window) and A bought again: no churn.
    assert (v["churn_rate"].value, v["churn_rate"].n) == (0.0, 1)
    # Head counts: A, D and B bought; A alone has a second completed order by the end of May.
    assert (v["buyers"].value, v["repeat_customers"].value, v["repeat_customers"].n) == (3, 1, 3)
    # O5 was cancelled: 1 of the 4 orders no longer pending; nothing was returned of the 3 sold.
    assert (v["cancelled_orders"].value, v["cancellation_rate"].value, v["cancellation_rate"].n) == (
        1, pytest.approx(1 / 4), 4)
    assert (v["refunded_orders"].value, v["refund_rate"].value, v["refund_rate"].n) == (0, 0.0, 3)


def test_delivery_time_matches_the_order_of_the_same_session_or_the_latest_before(bakery):
    v = values(kpis(bakery, KpiParams(period=MAY, metrics=["delivery_time", "delivery_time_p90"])))
    a = (dt.timedelta(days=1, hours=1, minutes=54)) / dt.timedelta(days=1)  # s1: placed 4 May 10:06
    d = 14 / 24  # no session: D's order at 20:00 the evening before
    assert v["delivery_time"].n == 2
    assert v["delivery_time"].value == pytest.approx(quantile([a, d], 0.5))
    assert v["delivery_time_p90"].value == pytest.approx(quantile([a, d], 0.9))


def test_satisfaction_scores(bakery):
    v = values(kpis(bakery, KpiParams(period=MAY)))
    # CSAT answers 5, 2, 4 (S4 gave no CSAT).
    assert (v["csat"].value, v["csat"].n) == (pytest.approx(2 / 3), 3)
    assert v["csat_mean"].value == pytest.approx(11 / 3)
    # NPS answers 10, 6, 9, 8: two promoters, one detractor of four -> +25 points.
    assert (v["nps"].value, v["nps"].n) == (pytest.approx(25.0), 4)


def test_support_times_median_and_p90_leave_out_open_tickets(bakery):
    v = values(kpis(bakery, KpiParams(period=MAY)))
    assert v["first_response_time"].value == pytest.approx(3.0)
    assert v["first_response_time_p90"].value == pytest.approx(quantile([1, 3, 10], 0.9))  # 8.6
    assert (v["first_response_time"].n, v["first_response_time"].excluded) == (3, 1)
    assert v["resolution_time"].value == pytest.approx(15.0)
    assert v["resolution_time_p90"].value == pytest.approx(quantile([6, 24], 0.9))  # 22.2
    assert (v["resolution_time"].n, v["resolution_time"].excluded) == (2, 2)
    notes = kpis(bakery, KpiParams(period=MAY)).provenance.notes
    assert any(n.endswith(": 1 ticket without a reply is not counted") for n in notes), notes
    assert any(n.endswith(": 2 tickets not resolved are not counted") for n in notes), notes


def test_every_metric_is_computed_and_listed_in_order(bakery):
    r = kpis(bakery, KpiParams(period=MAY))
    # repeat contacts are asked for by name (tests/tools/test_kpi_repeat_contacts.py)
    assert [v.metric for v in r.values] == list(DEFAULT_METRICS)
    # May had no returned order: a true zero, not "no data"
    assert all(v.n > 0 for v in r.values if v.metric != "refunded_orders")
    assert (r.get("refunded_orders").value, r.get("refunded_orders").no_data) == (0.0, False)


# -- filters, time zones, edges --------------------------------------------------------------

def test_customer_filter_applies_to_every_table_and_drops_anonymous_answers(bakery):
    r = kpis(bakery, KpiParams(period=MAY, filters=Filters(channel=["Instagram"])))
    v = values(r)
    # First touch through Instagram: A and B.
    assert v["purchase_conversion"].value == 1.0 and v["purchase_conversion"].n == 2
    assert v["revenue"].value == pytest.approx(32.0)
    assert (v["csat"].value, v["csat"].n) == (0.5, 2)  # the anonymous S3 is not counted
    assert v["nps"].value == pytest.approx(0.0)
    assert r.provenance.filters == {"channel": ["instagram"]}
    assert any("anonymous" in n for n in r.provenance.notes)


def test_days_are_business_days_in_the_business_time_zone(bakery):
    # E's web event at 23:30 UTC on 5 May belongs to 6 May in London.
    may5 = values(kpis(bakery, KpiParams(period=Period(start=dt.date(2026, 5, 5), end=dt.date(2026, 5, 5)))))
    may6 = values(kpis(bakery, KpiParams(period=Period(start=dt.date(2026, 5, 6), end=dt.date(2026, 5, 6)))))
    assert (may5["bounce_rate"].value, may5["bounce_rate"].n) == (0.5, 2)  # s3 and s4
    assert (may6["bounce_rate"].value, may6["bounce_rate"].n) == (1.0, 1)  # s5 only


def test_same_data_in_utc_moves_the_late_event_back_a_day(tmp_path):
    utc = JourneyStore(None, timezone="UTC")
    load(utc, tmp_path / "utc", BAKERY)
    may5 = values(kpis(utc, KpiParams(period=Period(start=dt.date(2026, 5, 5), end=dt.date(2026, 5, 5)))))
    assert may5["bounce_rate"].n == 3  # s3, s4 and now s5
    utc.close()


def test_relative_periods_count_back_from_the_last_day_of_data(bakery):
    r = kpis(bakery, KpiParams(period=Period(name="last_7_days"), metrics=["revenue"]))
    assert (r.first_day, r.last_day) == (dt.date(2026, 4, 30), dt.date(2026, 5, 6))
    assert r.headline.value == pytest.approx(47.0)


def test_empty_period_is_a_clear_error(bakery):
    with pytest.raises(NoDataError) as err:
        kpis(bakery, KpiParams(period=Period(start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 31))))
    assert ("no completed orders in custom period (2025-01-01 to 2025-01-31); the completed orders start on "
            "2026-03-01") in str(err.value)
    with pytest.raises(NoDataError) as err:
        kpis(bakery, KpiParams(metrics=["revenue"], period=Period(start=dt.date(2026, 6, 1), end=dt.date(2026, 6, 7))))
    assert "the latest 7 days with completed orders are 2026-04-30 to 2026-05-06" in str(err.value)


def test_empty_store_is_a_clear_error(store):
    with pytest.raises(NoDataError, match="journeybot ingest"):
        kpis(store)


def test_a_period_with_orders_but_no_answers_reports_n_zero_and_no_value(bakery):
    # 1 March: only A's first order.
    march = Period(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 1))
    v = values(kpis(bakery, KpiParams(period=march)))
    assert v["revenue"].value == 30.0 and v["aov"].value == 30.0
    assert (v["nps"].value, v["nps"].n) == (None, 0)
    assert (v["csat"].value, v["csat"].n) == (None, 0)
    assert (v["first_response_time"].value, v["first_response_time"].n) == (None, 0)
    assert v["purchase_conversion"].n == 0 and v["purchase_conversion"].value is None


def test_one_customer_one_order(store, tmp_path):
    load(store, tmp_path / "one", {"customers": "customer_id\nZ\n",
                                   "orders": "order_id,customer_id,ts,amount\n1,Z,2026-06-01 12:00,9.50\n"})
    r = kpis(store, KpiParams(period=Period(name="all")))
    v = values(r)
    assert v["aov"].value == 9.5 and v["clv"].value == 9.5 and v["repeat_purchase_rate"].value == 0.0
    assert v["time_to_first_purchase"].value == 0.0  # the order is the first touch
    # no events, so no web KPIs at all: left out and named, not shown as empty
    assert "bounce_rate" not in v and "bounce_rate" in r.unavailable
    assert "Bounce rate" in r.to_text() and "no journey events are loaded" in r.to_text()


def test_carts_too_recent_to_judge_are_left_out(store, tmp_path):
    load(store, tmp_path / "carts", {
        "customers": "customer_id\nA\nB\n",
        "events": "customer_id,ts,touchpoint,session_id\n"
                  "A,2026-05-01 10:00,add_to_cart,a1\n"
                  "B,2026-05-02 08:00,add_to_cart,b1\n"
                  "A,2026-05-02 11:00,page_view,a2\n",
    })
    v = kpi(store, "cart_abandonment", period="all").headline
    # B's cart is 3 hours old when the data ends: its outcome is unknown.
    assert (v.value, v.n, v.excluded) == (1.0, 1, 1)
    longer = kpi(store, "cart_abandonment", period="all", cart_window_hours=1).headline
    assert (longer.n, longer.excluded) == (2, 0)


# -- churn -------------------------------------------------------------------------------------

@pytest.fixture
def winter(store, tmp_path):
    load(store, tmp_path / "winter", CHURN)
    return store


def test_churn_counts_customers_active_at_the_start_whose_window_ran_out(winter):
    feb = kpi(winter, "churn_rate", Period(start=dt.date(2026, 2, 1), end=dt.date(2026, 2, 28)),
              churn_window_days=30).headline
    # Active on 1 Feb (an order in the 30 days before): P, Q, S. P's window ends 19 Feb and
    # Q's 9 Feb without a new order; S keeps buying.
    assert (feb.value, feb.n) == (pytest.approx(2 / 3), 3)
    march = kpi(winter, "churn_rate", Period(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31)),
                churn_window_days=30).headline
    # Active on 1 March: R (5 Feb) and S (20 Feb); R lapses on 7 March. Q's new order on
    # 1 March starts after the start of the period, so Q is not at risk.
    assert (march.value, march.n) == (pytest.approx(1 / 2), 2)


def test_churn_window_comes_from_settings_unless_given(winter):
    feb = Period(start=dt.date(2026, 2, 1), end=dt.date(2026, 2, 28))
    wide = kpi(winter, "churn_rate", feb, settings=KpiSettings(churn_window_days=60)).headline
    # 60 days: P (20 Jan) lapses 21 March, Q (10 Jan) 11 March: nobody lapses in February.
    assert (wide.value, wide.n) == (0.0, 3)


def test_churn_notes_when_the_window_reaches_before_the_data(winter):
    r = kpi(winter, "churn_rate", Period(start=dt.date(2026, 1, 15), end=dt.date(2026, 1, 31)),
            churn_window_days=30)
    assert any("before the data starts" in n for n in r.provenance.notes)


# -- params, rendering, availability -------------------------------------------------------------

def test_params_reject_unknown_metrics_and_out_of_range_windows():
    with pytest.raises(ValidationError, match="purchase_conversion"):
        KpiParams(metrics=["profit"])
    with pytest.raises(ValidationError):
        KpiParams(churn_window_days=3)
    with pytest.raises(ValidationError):
        KpiParams(cart_window_hours=0)
    with pytest.raises(ValidationError):
        KpiParams(metrics=[])
    assert KpiParams(metrics=["repeat_rate", "Conversion Rate", "nps", "nps"]).metrics == [
        "repeat_purchase_rate", "purchase_conversion", "nps"]


def test_every_params_field_is_described():
    for name, f in KpiParams.model_fields.items():
        assert f.description, name


def test_unknown_filter_value_lists_the_known_ones(bakery):
    with pytest.raises(ToolInputError, match="known values"):
        kpis(bakery, KpiParams(period=MAY, filters=Filters(segment=["gold"])))


def test_text_shows_units_and_sample_sizes(bakery):
    text = kpis(bakery, KpiParams(period=MAY)).to_text()
    assert "4 May" not in text  # dates are ISO
    assert "2026-05-04 to 2026-05-06" in text
    assert "40.0%" in text and "£47.00" in text and "3.67 / 5" in text and "15.0 h" in text
    assert "(small sample)" in text and "Rows read: events" not in text
    assert "Rows read: events" in kpis(bakery, KpiParams(period=MAY)).to_text(details=True)


def test_result_round_trips_to_json_and_a_frame(bakery):
    r = kpis(bakery, KpiParams(period=MAY, metrics=["nps", "aov"]))
    data = json.loads(json.dumps(r.to_dict()))
    assert data["values"][0]["metric"] == "nps" and data["values"][0]["n"] == 4
    assert data["provenance"]["tool"] == "kpis"
    frame = r.to_frame()
    assert list(frame["metric"]) == ["nps", "aov"] and frame.loc[1, "value"] == pytest.approx(47 / 3)


def test_formatting_uses_the_metric_units():
    assert format_value(SPECS["nps"], 25.0) == "25"
    assert format_value(SPECS["aov"], 3.5, "EUR") == "€3.50"
    assert format_value(SPECS["churn_rate"], None) == "-"
    assert format_change(SPECS["csat"], -0.012) == "-1.2 pp"
    assert format_change(SPECS["nps"], 3) == "+3 points"
    assert format_change(SPECS["resolution_time"], 0.5) == "+0.5 h"


def test_availability_says_what_the_data_cannot_answer(winter):
    av = metric_availability(winter).set_index("metric")
    assert av.loc["churn_rate", "available"]
    assert not av.loc["nps", "available"] and "NPS" in av.loc["nps", "reason"]
    assert not av.loc["cart_abandonment", "available"]


# -- property-based cross-check --------------------------------------------------------------------

orders_st = st.lists(
    st.tuples(st.integers(0, 5), st.integers(0, 120 * 24), st.floats(0, 200, allow_nan=False).map(lambda x: round(x, 2)),
              st.sampled_from(["completed", "completed", None, "cancelled", "refunded"])),
    min_size=1, max_size=40)
answers_st = st.lists(
    st.tuples(st.integers(0, 120 * 24), st.one_of(st.none(), st.integers(0, 10)),
              st.one_of(st.none(), st.integers(1, 5))).filter(lambda t: t[1] is not None or t[2] is not None),
    max_size=40)
window_st = st.tuples(st.integers(0, 110), st.integers(1, 60))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(orders=orders_st, answers=answers_st, window=window_st, churn_days=st.integers(7, 60))
def test_kpis_agree_with_a_plain_python_implementation(orders, answers, window, churn_days):
    offset, days = window
    first = T0.date() + dt.timedelta(days=offset)
    period = Period(start=first, end=first + dt.timedelta(days=days - 1))
    names = ["revenue", "aov", "repeat_purchase_rate", "clv", "churn_rate", "csat", "csat_mean", "nps"]
    s = store_with(orders, answers)
    try:
        if not any(st_ in ("completed", None) for *_, st_ in orders):
            return  # no completed order: nothing dates the data
        got = {v.metric: v.value for v in kpis(
            s, KpiParams(metrics=names, period=period, churn_window_days=churn_days)).values}
    except NoDataError:
        return  # the period holds no row at all: the error is the answer
    finally:
        s.close()
    want = oracle(orders, answers, first, days, churn_days)
    for name in names:
        if want[name] is None:  # (a KPI the data cannot answer at all is left out)
            assert got.get(name) is None, name
        else:
            assert got[name] == pytest.approx(want[name], abs=1e-9), name


# -- real data ---------------------------------------------------------------------------------------

@pytest.mark.realdata
def test_olist_kpis_match_the_raw_files(store):
    data = external("olist_sample")
    ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=data)
    orders = pd.read_csv(data / "olist_orders_dataset.csv")
    people = pd.read_csv(data / "olist_customers_dataset.csv")
    pay = pd.read_csv(data / "olist_order_payments_dataset.csv").groupby("order_id").payment_value.sum()
    reviews = pd.read_csv(data / "olist_order_reviews_dataset.csv")
    v = values(kpis(store, KpiParams(period=Period(name="all"), metrics=[
        "aov", "orders", "repeat_purchase_rate", "csat", "csat_mean", "delivery_time", "delivery_time_p90"])))
    delivered = orders[orders.order_status == "delivered"].merge(people, on="customer_id")
    # Only delivered orders are completed ones.
    assert v["orders"].value == len(delivered) == 5_172
    assert v["aov"].value == pytest.approx(pay.reindex(delivered.order_id).mean())
    # A person is customer_unique_id; repeat = two or more delivered orders.
    per_person = delivered.groupby("customer_unique_id").size()
    assert v["repeat_purchase_rate"].n == len(per_person)
    assert v["repeat_purchase_rate"].value == pytest.approx((per_person >= 2).mean())
    # Review scores 1-5 are CSAT.
    assert v["csat"].n == len(reviews)
    assert v["csat"].value == pytest.approx((reviews.review_score >= 4).mean())
    assert v["csat_mean"].value == pytest.approx(reviews.review_score.mean())
    # Delivery time: purchase to delivery to the customer, from the raw timestamps.
    got = orders.dropna(subset=["order_delivered_customer_date"])
    days = (pd.to_datetime(got.order_delivered_customer_date) - pd.to_datetime(got.order_purchase_timestamp)) \
        / pd.Timedelta(days=1)
    assert v["delivery_time"].n == len(days)
    assert v["delivery_time"].value == pytest.approx(days.median(), abs=1e-6)
    assert v["delivery_time_p90"].value == pytest.approx(days.quantile(0.9), abs=1e-6)


@pytest.mark.realdata
def test_uci_online_shoppers_session_conversion_and_bounce(store):
    data = external("online_shoppers_intention")
    ingest_recipe(store, REPO / "examples" / "uci_online_shoppers" / "recipe.toml", data_dir=data)
    raw = pd.read_csv(data / "online_shoppers_intention.csv", sep=";")
    r = kpis(store, KpiParams(period=Period(name="all"), metrics=[
        "session_conversion", "purchase_conversion", "bounce_rate", "cart_abandonment"]))
    v = values(r)
    assert (v["session_conversion"].n, v["session_conversion"].numerator) == (12_330, 1_908)
    assert v["purchase_conversion"].value == pytest.approx(1908 / 12330)
    # One event per kind of page, all on the month's 1st: a session of one event saw any number
    # of pages (13 such "bounces" against the file's 597 sessions of one page), so no bounce
    # rate is counted from the events, and the note says why.
    pages = raw.Administrative + raw.Informational + raw.ProductRelated
    assert int((pages == 1).sum()) == 597
    assert (v["bounce_rate"].value, v["bounce_rate"].n, v["bounce_rate"].excluded) == (None, 0, 12_330)
    assert any("not measured for 12,330 web sessions: their events are dated by month only" in n
               for n in r.provenance.notes)
    # No cart events in this data set: left out, and said why.
    assert "cart_abandonment" not in v and "add-to-cart" in r.unavailable["cart_abandonment"]
    # May alone: the month's sessions and purchases.
    may = kpi(store, "session_conversion", Period(start=dt.date(2017, 5, 1), end=dt.date(2017, 5, 31))).headline
    in_may = raw[raw.Month == "May"]
    assert (may.n, may.numerator) == (len(in_may), int(in_may.Revenue.sum()))


def test_describe_lists_the_kpis_the_data_cannot_answer(winter):
    from tools.analytics.describe import describe_data

    d = describe_data(winter)
    av = d.kpis.set_index("metric")["available"]
    assert av["revenue"] and av["churn_rate"] and av["bounce_rate"] and not av["csat"] and not av["cart_abandonment"]
    text = d.to_text()
    assert "What it cannot answer, and why:" in text and "NPS: no NPS (0-10) answers in the surveys" in text
    assert "KPIs (" in text and "Revenue" in text.split("What it cannot answer")[0]
    json.dumps(d.to_dict())


# -- newcomers and on-time delivery -------------------------------------------------------------

def test_new_visitors_count_first_contacts_not_customers_the_export_first_sees(store, tmp_path):
    """A has been a customer since 2024 (CRM first seen): her first event in the export is not a
    first contact. B's first event and C's CRM sign-up (no events) are."""
    load(store, tmp_path / "new", {
        "customers": "customer_id,first_seen\nA,2024-01-10 09:00\nB,\nC,2026-05-05 12:00\n",
        "events": "customer_id,ts,touchpoint,channel\n"
                  "A,2026-05-04 10:00,website_visit,search\n"
                  "B,2026-05-04 11:00,website_visit,instagram\n"
                  "B,2026-05-05 11:00,website_visit,search\n",
    })
    v = kpi(store, "new_visitors", period=MAY).headline
    assert (v.value, v.n) == (2, 2)
    by_channel = kpi(store, "new_visitors", period=MAY, filters=Filters(channel=["instagram"])).headline
    assert by_channel.value == 1  # B, whose first touch was instagram
    assert kpi(store, "new_customers", period=MAY).headline.value == 2  # the alias a shop would use


def test_on_time_delivery_is_judged_on_the_day_a_delivery_is_due(store, tmp_path):
    """X's parcel arrives on its due day (order day + 2); Y's a day late; Z's never arrives, so it
    is counted apart and named, not called late. A cancelled delivery and a pickup are not
    deliveries that arrived."""
    load(store, tmp_path / "ontime", {
        "customers": "customer_id\nX\nY\nZ\nW\nV\n",
        "orders": "order_id,customer_id,ts,amount,status,fulfilment\n"
                  "1,X,2026-05-01 10:00,20,completed,delivery\n"
                  "2,Y,2026-05-02 10:00,20,completed,delivery\n"
                  "3,Z,2026-05-02 18:00,20,completed,delivery\n"
                  "4,W,2026-05-02 10:00,20,cancelled,delivery\n"
                  "5,V,2026-05-02 10:00,20,completed,pickup\n",
        "events": "customer_id,ts,touchpoint\n"
                  "X,2026-05-03 16:00,delivery\n"
                  "Y,2026-05-05 09:00,delivery\n"
                  "V,2026-05-06 09:00,page_view\n",
    })
    period = Period(start=dt.date(2026, 5, 3), end=dt.date(2026, 5, 4))
    r = kpis(store, KpiParams(period=period, metrics=["on_time_delivery"]))
    v = r.headline
    assert (v.n, v.value, v.excluded) == (2, pytest.approx(1 / 2), 2)
    note = next(n for n in r.provenance.notes if n.startswith("on-time delivery"))
    assert "2 delivery orders due in the period never arrived" in note
    assert "1 cancelled" in note and "1 with no delivery recorded" in note and "not as late" in note
    # a next-day promise: X is due on the 2nd (before the period), Y and Z on the 3rd: Y late
    strict = kpis(store, KpiParams(period=period, metrics=["on_time_delivery"]),
                  settings=KpiSettings(delivery_promise_days=1))
    assert (strict.values[0].n, strict.values[0].value) == (1, 0.0)
    # The business profile's promise (kept with the data) wins over the [analytics] default,
    # and the answer says which promise it judged by.
    store.set_profile({"delivery_promise": 1}, "test")
    by_profile = kpis(store, KpiParams(period=period, metrics=["on_time_delivery"]))
    assert (by_profile.values[0].n, by_profile.values[0].value) == (1, 0.0)
    assert "delivery promise 1 day after the order day" in by_profile.provenance.definition


def test_one_parcel_arrives_for_one_order_never_for_a_cancelled_one_placed_before(store, tmp_path):
    """A delivery event belongs to the customer's latest delivery order before it that still waits
    for a parcel (docs/METRICS.md). P cancelled an order in April and ordered again on 1 May; the
    parcel of 3 May is the new order's, so the cancelled order is named cancelled, not judged
    late by a month. Q's two orders of 1 May share one recorded parcel: it arrives for the later
    order; the earlier one has no delivery recorded, rather than one parcel counting twice."""
    load(store, tmp_path / "parcels", {
        "customers": "customer_id\nP\nQ\n",
        "orders": "order_id,customer_id,ts,amount,status,fulfilment\n"
                  "1,P,2026-04-01 10:00,20,cancelled,delivery\n"
                  "2,P,2026-05-01 10:00,20,completed,delivery\n"
                  "3,Q,2026-05-01 09:00,20,completed,delivery\n"
                  "4,Q,2026-05-01 12:00,20,completed,delivery\n",
        "events": "customer_id,ts,touchpoint\n"
                  "P,2026-05-03 16:00,delivery\n"
                  "Q,2026-05-02 16:00,delivery\n",
    })
    r = kpis(store, KpiParams(period=Period(start=dt.date(2026, 4, 1), end=dt.date(2026, 5, 3)),
                              metrics=["on_time_delivery"]))
    # judged: P's order 2 (due 3 May, arrived 3 May) and Q's order 4 (due 3 May, arrived 2 May)
    assert (r.headline.n, r.headline.numerator, r.headline.excluded) == (2, 2, 2)
    note = next(n for n in r.provenance.notes if n.startswith("on-time delivery"))
    assert "1 cancelled" in note and "1 with no delivery recorded" in note


def test_on_time_delivery_uses_each_orders_own_promised_date(store, tmp_path):
    """Orders with a promised date are judged against it (the whole promised day counts);
    orders without one against the promise in days. A parcel still on its way past its
    promised day, and one never recorded, are named apart."""
    load(store, tmp_path / "promised", {
        "customers": "customer_id\nA\nB\nC\nD\nE\n",
        "orders": "order_id,customer_id,ts,amount,status,fulfilment,promised_at,delivered_at\n"
                  # promised the 10th, arrives late evening on the 10th: on time
                  "1,A,2026-05-01 10:00,20,completed,delivery,2026-05-10,2026-05-10 22:30\n"
                  # promised the 10th, arrives on the 11th: late
                  "2,B,2026-05-02 10:00,20,completed,delivery,2026-05-10,2026-05-11 08:00\n"
                  # promised the 10th, still shipped at the end of the data: open, not late
                  "3,C,2026-05-03 10:00,20,pending,delivery,2026-05-10,\n"
                  # no promised date: order day + 2 = the 10th; arrives on the 9th
                  "4,D,2026-05-08 10:00,20,completed,delivery,,2026-05-09 12:00\n"
                  # promised the 20th: due outside the period
                  "5,E,2026-05-08 10:00,20,completed,delivery,2026-05-20,2026-05-12 12:00\n",
        "events": "customer_id,ts,touchpoint\nE,2026-05-12 12:00,page_view\n",  # the data runs on
    })
    period = Period(start=dt.date(2026, 5, 10), end=dt.date(2026, 5, 10))
    r = kpis(store, KpiParams(period=period, metrics=["on_time_delivery", "delivery_time"]))
    on_time = r.get("on_time_delivery")
    assert (on_time.n, on_time.numerator, on_time.excluded) == (3, 2, 1)
    assert any("1 still open past the promised day" in n for n in r.provenance.notes)
    # the delivered date drives delivery time too: only A arrived on the 10th, after 9.5 days
    assert r.get("delivery_time").value == pytest.approx(9 + 12.5 / 24)
    # only per-order promises: D (no promised date) is not judged
    only = kpis(store, KpiParams(period=period, metrics=["on_time_delivery"]),
                settings=KpiSettings(delivery_promise_days=None))
    assert (only.headline.n, only.headline.numerator) == (2, 1)


def test_a_profile_naming_the_promise_column_judges_each_order_by_it(store, tmp_path):
    """`delivery_promise = "eta"` in the profile: the orders' eta column is loaded as their
    promised date, and only orders with one are judged. A promise still ahead (an open order
    due next year) is loaded, not refused as a future date."""
    store.set_profile({"delivery_promise": "eta"}, "test")
    next_year = dt.date.today().year + 1
    load(store, tmp_path / "eta", {
        "customers": "customer_id\nA\nB\nC\nD\n",
        "orders": "order_id,customer_id,ts,amount,status,fulfilment,eta,delivered_at\n"
                  "1,A,2026-05-01 10:00,20,completed,delivery,2026-05-10,2026-05-10 22:30\n"
                  "2,B,2026-05-02 10:00,20,completed,delivery,2026-05-10,2026-05-11 08:00\n"
                  # no eta: with a promise column, not judged (order day + 2 days would be on time)
                  "3,C,2026-05-08 10:00,20,completed,delivery,,2026-05-10 09:00\n"
                  f"4,D,2026-05-09 10:00,20,pending,delivery,{next_year}-01-05,\n",
    })
    assert store.scalar("SELECT count(promised_at) FROM orders") == 3
    r = kpis(store, KpiParams(period=Period(start=dt.date(2026, 5, 10), end=dt.date(2026, 5, 10)),
                              metrics=["on_time_delivery"]))
    assert (r.headline.n, r.headline.numerator) == (2, 1)
    assert "delivery promise: each order's own promised date" in r.provenance.definition


def test_orders_not_fulfilled_yet_are_counted_apart_and_noted(store, tmp_path):
    load(store, tmp_path / "pending", {
        "customers": "customer_id\nA\nB\n",
        "orders": "order_id,customer_id,ts,amount,status\n"
                  "1,A,2026-05-04 10:00,20,completed\n"
                  "2,B,2026-05-04 18:00,30,pending\n"
                  "3,B,2026-05-04 19:00,15,cancelled\n",
    })
    r = kpis(store, KpiParams(period=Period(name="all"), metrics=["orders", "revenue"]))
    v = values(r)
    assert (v["orders"].value, v["orders"].excluded, v["revenue"].value) == (1, 1, 20)
    assert any("count completed orders" in n and "1 completed order (plus 1 pending, not yet completed; "
               "1 cancelled)" in n for n in r.provenance.notes)
    assert r.orders.by_kind() == {"completed": 1, "pending": 1, "cancelled": 1, "returned": 0}
    assert r.to_dict()["order_statuses"][0] == {"kind": "completed", "status": "completed", "orders": 1,
                                                "amount": 20.0}
