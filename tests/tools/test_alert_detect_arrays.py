"""The anomaly detection on arrays (tools/alerts/detect.py, anomaly.py) against the pandas
formulation it replaced, written out here as the oracle: the same values, bands, verdicts and
'since' dates, bit for bit, on series with gaps, zeros, quiet days and runs of breaches."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tools.alerts.anomaly import (
    MAD_TO_SD,
    MIN_BASELINE_POINTS,
    MIN_RESIDUALS,
    RELATIVE_FLOOR,
    complete_days,
)
from tools.alerts.detect import detect
from tools.alerts.rules import AlertRule, MetricInfo


def oracle(rule: AlertRule, info: MetricInfo, frame: pd.DataFrame) -> pd.DataFrame:
    """Window of one day: the weekday median and the rolling median of residuals in pandas."""
    value, n = frame["value"], frame["n"]
    usable = (n >= rule.min_n) & value.notna()
    out = pd.DataFrame({"value": value, "n": n, "usable": usable,
                        "excluded": frame["excluded"].astype(np.int64)}, index=frame.index)
    history = value.notna() if info.kind == "count" else usable
    v = value.where(history)
    weeks = rule.baseline_weeks
    lags = pd.concat([v.shift(7 * k) for k in range(1, weeks + 1)], axis=1)
    points = lags.notna().sum(axis=1)
    expected = lags.median(axis=1, skipna=True).where(points >= MIN_BASELINE_POINTS)
    spread = (v - expected).abs().shift(1).rolling(7 * weeks, min_periods=MIN_RESIDUALS).median() * MAD_TO_SD
    sigma = np.maximum(spread, expected.abs() * RELATIVE_FLOOR + 1e-9)
    nn = n.astype(float).where(n > 0)
    if info.kind == "rate":
        edge = 1 / (nn + 2)
        p = (expected / 100).clip(edge, 1 - edge)
        noise = (100 * np.sqrt(p * (1 - p) / nn)).fillna(0.0)
    elif info.kind == "count":
        noise = np.sqrt(expected.clip(lower=1.0)).fillna(0.0)
    else:
        noise = pd.Series(0.0, index=frame.index)
    sigma = np.maximum(sigma, noise)
    delta = value - expected
    z = delta / sigma
    way = {"down": delta < 0, "up": delta > 0, "both": delta != 0}[
        rule.direction if rule.direction != "bad" else ("down" if info.good_direction == "up" else "up")]
    relative = (delta.abs() / expected.abs()).where(expected != 0, np.inf)
    judged = usable & expected.notna() & np.isfinite(sigma)
    out["expected"] = expected
    out["lower"] = expected - rule.sensitivity * sigma
    out["upper"] = expected + rule.sensitivity * sigma
    out["z"] = z
    out["change_pct"] = 100 * delta / expected.abs().where(expected != 0)
    out["breach"] = (judged & way & (z.abs() >= rule.sensitivity) & (relative >= rule.min_change_pct / 100)).astype(bool)
    out["judged"] = judged.astype(bool)
    flags = out["breach"]
    dates = pd.Series(flags.index, index=flags.index)
    out["since"] = dates.where(flags).groupby((~flags).cumsum()).transform("min").where(flags)
    return out


def series(rng: np.random.Generator, days: int, kind: str) -> pd.DataFrame:
    first = pd.Timestamp("2026-01-05")
    n = rng.integers(0, 60, days)
    if kind == "rate":
        value = np.round(100 * rng.beta(4, 6, days), 1)
    elif kind == "count":
        value = rng.poisson(12, days).astype(float)
        n = value.astype(int)
    else:
        value = np.round(rng.gamma(3, 10, days), 2)
    value[rng.random(days) < 0.08] = np.nan  # days without data
    value[rng.random(days) < 0.03] = 0.0
    value[-rng.integers(1, 6):] *= rng.choice([0.1, 4.0])  # a recent run off the usual
    daily = pd.DataFrame({"date": (first + pd.to_timedelta(np.arange(days), "D")).date, "value": value, "n": n,
                          "excluded": rng.integers(0, 3, days)}).dropna(subset=["value"]).iloc[::1]
    keep = rng.random(len(daily)) > 0.05  # and days the provider returned no row for at all
    frame = complete_days(daily[keep], first.date(), (first + pd.Timedelta(days=days - 1)).date())
    frame.iloc[-1, [0, 1]] = [10 * np.nanmedian(value) + 50, 60]  # a last day far off, well sampled
    return frame


@pytest.mark.parametrize("seed", range(12))
def test_the_array_detection_is_the_pandas_one_bit_for_bit(seed):
    rng = np.random.default_rng(seed)
    kind = ["rate", "count", "total", "mean"][seed % 4]
    info = MetricInfo(name="m", label="m", kind=kind, good_direction="up" if seed % 3 else "down",
                      aggregation="sum" if kind in ("count", "total") else "mean")
    judged = breaches = 0
    for days in (113, 40, 9):
        frame = series(rng, days, kind)
        for direction in ("both", "up", "down", "bad"):
            rule = AlertRule(id="r", kind="anomaly", metric="m", direction=direction,
                             sensitivity=float(rng.choice([2.0, 2.5, 3.5])), min_n=int(rng.choice([1, 5, 20])),
                             baseline_weeks=int(rng.choice([4, 8])))
            got, want = detect(rule, info, frame), oracle(rule, info, frame)
            pd.testing.assert_frame_equal(got, want, check_exact=True, check_freq=False)
            judged += int(got["judged"].sum())
            breaches += int(got["breach"].sum())
    assert judged > 50 and breaches  # the comparison covered judged days and breaches, not just NaN
