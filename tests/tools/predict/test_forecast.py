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
    assert "Checked on the 60 days held back: it beat the simple past-rate rule" in result.to_text()
    assert "on the last 60 days it predicted" in result.to_text(details=True)
    assert "£" in result.to_text().splitlines()[0]  # money in the business currency
    rolling = revenue_forecast(store, RevenueForecastParams(horizon="next_90_days"), registry=registry)
    assert rolling.first_day == D(2026, 8, 29) and rolling.revenue > 0


def test_a_lifetime_value_model_that_does_not_beat_the_simple_rule_is_not_used(shop_files, tmp_path):
    """A model further off than 'each customer keeps their past rate' on the holdout (skill
    below 0) is kept on file, never made active, and the forecast comes from the simple rule,
    saying so; it is not retrained on every question."""
    import datetime as dt

    from tools.data.ingest import folder_loads, ingest_loads
    from tools.data.store import JourneyStore
    from tools.predict.clv import fit_clv
    from tools.predict.registry import ModelRegistry

    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(shop_files[0]))
    registry = ModelRegistry(store, tmp_path / "models")
    model, _ = fit_clv(store, D(2026, 8, 29))
    now = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
    for name in ("churn", "purchase"):  # present, so the forecast trains nothing else
        registry.register(name, model, now=now, data_start=D(2026, 1, 1), data_end=D(2026, 8, 28),
                          method="test", metric="roc_auc", score=0.8, metrics={})
    worse = registry.register("clv", model, now=now, data_start=D(2026, 1, 1), data_end=D(2026, 8, 28),
                              method="BG/NBD + Gamma-Gamma", metric="holdout_skill", score=-0.083,
                              metrics={"holdout_days": 60, "skill": -0.083},
                              floor=(0.0, "not used: worse than the past-rate rule"))
    assert not worse.activated and registry.active("clv") is None
    result = revenue_forecast(store, RevenueForecastParams(horizon="next_90_days", limit=2), registry=registry)
    assert result.method == "past rate" and len(registry.versions("clv")) == 1  # nothing retrained
    # the simple rule, computed here from the purchase summary: past rate x days x value per purchase day
    rfm = rfm_summary(store, D(2026, 8, 29))
    rate = (rfm["x"] / rfm["T"].where(rfm["T"] > 0)).fillna(0.0)
    assert result.revenue == pytest.approx((rate * 90 * rfm["spend"] / (rfm["x"] + 1)).sum())
    text = result.to_text()
    assert "if each keeps buying at their past rate" in text
    assert "The lifetime value model is not used" in text and "still active" not in text
