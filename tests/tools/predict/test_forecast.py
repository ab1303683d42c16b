"""Expected revenue from existing customers over calendar and rolling horizons."""

from __future__ import annotations

import datetime as dt

import pytest

from tools.predict.clv import rfm_summary
from tools.predict.forecast import RevenueForecastParams, horizon_days, revenue_forecast

D = dt.date


@pytest.mark.parametrize("horizon, as_of, expected", [
    ("next_90_days", D(2026, 8, 28), (0, 90, D(2026, 8, 29), D(2026, 11, 26))),
    ("next_month", D(2026, 8, 28), (3, 30, D(2026, 9, 1), D(2026, 9, 30))),
    ("next_quarter", D(2026, 8, 28), (33, 92, D(2026, 10, 1), D(2026, 12, 31))),
    ("next_quarter", D(2026, 12, 31), (0, 90, D(2027, 1, 1), D(2027, 3, 31))),
    ("next_month", D(2027, 1, 31), (0, 28, D(2027, 2, 1), D(2027, 2, 28))),
])
def test_horizons_by_hand(horizon, as_of, expected):
    assert horizon_days(horizon, as_of) == expected


def test_forecast_sums_the_customers_and_breaks_down(trained):
    store, registry, _ = trained
    result = revenue_forecast(store, RevenueForecastParams(horizon="next_quarter", by="segment", limit=3),
                              registry=registry)
    model = registry.load(registry.active("clv"))
    pred = model.predict(rfm_summary(store, D(2026, 8, 29)), 92.0, start_offset=33.0)
    assert result.revenue == pytest.approx(pred["expected_revenue"].sum())
    assert result.customers == len(pred) and (result.first_day, result.last_day) == (D(2026, 10, 1), D(2026, 12, 31))
    assert result.breakdown["expected_revenue"].sum() == pytest.approx(result.revenue)
    assert set(result.breakdown["value"]) == {"loyalty", "standard"}
    assert len(result.top) == 3 and result.holdout["holdout_days"] == 60
    assert "on the last 60 days it predicted" in result.to_text()
    rolling = revenue_forecast(store, RevenueForecastParams(horizon="next_90_days"), registry=registry)
    assert rolling.first_day == D(2026, 8, 29) and rolling.revenue > 0
