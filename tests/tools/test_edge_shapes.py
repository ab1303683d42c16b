"""Stores shaped unlike the sample (one day of orders, every order refunded, amounts of zero):
what the owner reads is what the data holds, never a zero that means "no data"."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from kpi_fixtures import T0, store_with

from tools.analytics.periods import Period
from tools.analytics.trends import TrendParams, trend


def test_weeks_before_a_store_of_one_day_show_no_value_and_no_jump():
    day = T0.date() + dt.timedelta(days=55)
    hours = (day - T0.date()).days * 24 + 10
    store = store_with([(1, hours, 20.0, "completed"), (2, hours + 1, 30.0, "completed")], [])
    try:
        res = trend(store, TrendParams(metric="revenue", grain="week",
                                       period=Period(start=day - dt.timedelta(days=55), end=day)))
    finally:
        store.close()
    before = res.series[res.series["bucket"] < day - dt.timedelta(days=7)]
    assert len(before) >= 6 and before["value"].isna().all()
    text = res.to_text()
    assert "£0.00" not in text
    assert "better" not in text and "on the week before" not in text
    assert f"the data starts on {day}" in text
    assert res.latest == 50.0 and res.previous is None


def test_a_week_without_orders_inside_the_data_is_still_zero():
    store = store_with([(1, 10, 20.0, "completed"), (1, 24 * 20, 30.0, "completed")], [])
    try:
        res = trend(store, TrendParams(metric="revenue", grain="week",
                                       period=Period(start=T0.date(), end=T0.date() + dt.timedelta(days=20))))
    finally:
        store.close()
    middle = res.series.iloc[1:-1]
    assert (middle["value"] == 0).all() and not pd.isna(middle["value"]).any()
    assert "the data starts" not in res.to_text()


def test_a_trend_of_refunded_orders_says_none_were_completed():
    store = store_with([(c, 24 * d, 30.0, "returned") for c, d in ((1, 1), (2, 8), (3, 15))], [])
    try:
        res = trend(store, TrendParams(metric="revenue", grain="week",
                                       period=Period(start=T0.date(), end=T0.date() + dt.timedelta(days=20))))
    finally:
        store.close()
    assert "0 completed orders (plus 3 returned" in res.to_text()
