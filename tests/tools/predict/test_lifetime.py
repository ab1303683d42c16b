"""Customer lifetime value: what each customer has spent (from the raw orders) plus what the
model expects over the coming year, summarised with mean and median and by group, and the
warning when the model did not beat its naive baseline."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from tools.analytics.filters import Filters
from tools.predict.clv import rfm_summary
from tools.predict.lifetime import LifetimeValueParams, _trust, lifetime_value


def test_lifetime_value_is_spend_so_far_plus_the_expected_year(trained, shop_files):
    store, registry, _ = trained
    result = lifetime_value(store, LifetimeValueParams(limit=5), registry=registry)
    orders = pd.read_csv(shop_files[0] / "orders.csv")
    spent = orders[orders.status == "completed"].groupby("customer_id").amount.sum()  # independent of the SQL
    model = registry.load(registry.active("clv"))
    expected = model.predict(rfm_summary(store, result.as_of + dt.timedelta(days=1)), 365.0)["expected_revenue"]
    value = spent.reindex(expected.index) + expected
    assert result.customers == len(spent) == len(expected)
    assert result.mean_value == pytest.approx(value.mean()) and result.median_value == pytest.approx(value.median())
    assert result.mean_spent == pytest.approx(spent.mean())
    assert list(result.top.index) == list(value.sort_values(ascending=False).index[:5])
    text = result.to_text()
    assert f"{result.customers:,} customers who have bought" in text and "typical customer (median)" in text
    assert "Top customers by lifetime value:" in text and result.provenance.tool == "customer_lifetime_value"


def test_lifetime_value_by_group_and_for_some_customers(trained):
    store, registry, _ = trained
    by = lifetime_value(store, LifetimeValueParams(by="channel", limit=0), registry=registry)
    everyone = lifetime_value(store, LifetimeValueParams(limit=0), registry=registry)
    assert by.breakdown["customers"].sum() == everyone.customers
    assert by.breakdown["share"].sum() == pytest.approx(1.0)
    assert list(by.breakdown["median_value"]) == sorted(by.breakdown["median_value"], reverse=True)
    assert "By first-touch channel:" in by.to_text() and len(by.top) == 0
    group = str(by.breakdown["value"].iloc[0])
    only = lifetime_value(store, LifetimeValueParams(filters=Filters(channel=[group]), limit=0), registry=registry)
    assert only.customers == int(by.breakdown["customers"].iloc[0])
    assert only.median_value == pytest.approx(by.breakdown["median_value"].iloc[0])


def test_a_model_that_did_not_beat_its_baseline_is_said_to(trained):
    _, registry, _ = trained
    version = registry.active("clv")
    model = registry.load(version)
    worse = dataclasses.replace(version, metrics={**version.metrics, "mae": 0.9, "naive_mae": 0.6})
    beats, warnings = _trust(worse, model)
    assert beats is False
    assert warnings[0].startswith("Warning: on its last 60-day holdout the model did not beat the naive forecast")
    better = dataclasses.replace(version, metrics={**version.metrics, "mae": 0.4, "naive_mae": 0.6,
                                                   "repeat_share": 0.5})
    beats, warnings = _trust(better, model)
    assert beats is True and not any(w.startswith("Warning") for w in warnings)
    real = version.metrics["mae"] < version.metrics["naive_mae"]
    result = lifetime_value(trained[0], LifetimeValueParams(), registry=registry)
    assert result.beats_baseline is real and ("did not beat the naive forecast" in result.to_text()) is not real
