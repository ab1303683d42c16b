"""Detection over a whole daily series: for each day the value, what was expected, the band, the
z-score or change, whether the rule is broken, and since when. Vectorised: a backtest judges
every day of its period in one call.

Threshold rules compare the window's value with a fixed value or with the window before; anomaly
rules with the median of the same weekday over recent weeks and a robust spread
(tools/alerts/anomaly.py), never narrower than the noise chance alone gives (`sampling_noise`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tools.alerts.anomaly import rolling_window, run_starts, weekday_baseline
from tools.alerts.rules import AlertRule, MetricInfo

HISTORY_DAYS = 56  # days of history kept with a finding for its chart


def lookback_days(rule: AlertRule) -> int:
    """Days of data before the judged day that a rule needs."""
    if rule.kind == "anomaly":
        return 7 * rule.baseline_weeks * 2 + rule.window_days
    return 2 * rule.window_days + HISTORY_DAYS


def detect(rule: AlertRule, info: MetricInfo, frame: pd.DataFrame) -> pd.DataFrame:
    """frame: complete daily index with value, n. Returns, per day: value, n, usable,
    expected, lower, upper, z, change_pct, breach, since."""
    win = rolling_window(frame, rule.window_days, info.aggregation)
    usable = (win["n"] >= rule.min_n) & win["value"].notna()
    out = pd.DataFrame({"value": win["value"], "n": win["n"], "usable": usable}, index=frame.index)
    excluded = frame["excluded"] if "excluded" in frame else pd.Series(0, index=frame.index)
    out["excluded"] = excluded.rolling(rule.window_days, min_periods=1).sum().astype(np.int64)
    if rule.kind == "anomaly":
        # A quiet day is real history for a count (0 new visitors from a channel is the usual
        # value that a surge is judged against); for shares and means a small n is just noise.
        history = win["value"].notna() if info.kind == "count" else usable
        base = weekday_baseline(win["value"], history, rule.baseline_weeks)
        base["sigma"] = np.maximum(base["sigma"], sampling_noise(info, base["expected"], win["n"]))
        delta = win["value"] - base["expected"]
        z = delta / base["sigma"]
        direction = rule.direction
        if direction == "bad":
            direction = "down" if info.good_direction == "up" else "up"
        if direction == "down":
            wrong_way = delta < 0
        elif direction == "up":
            wrong_way = delta > 0
        else:
            wrong_way = delta != 0
        relative = (delta.abs() / base["expected"].abs()).where(base["expected"] != 0, np.inf)
        judged = usable & base["expected"].notna() & np.isfinite(base["sigma"])
        out["expected"] = base["expected"]
        out["lower"] = base["expected"] - rule.sensitivity * base["sigma"]
        out["upper"] = base["expected"] + rule.sensitivity * base["sigma"]
        out["z"] = z
        out["change_pct"] = 100 * delta / base["expected"].abs().where(base["expected"] != 0)
        out["breach"] = judged & wrong_way & (z.abs() >= rule.sensitivity) & \
            (relative >= rule.min_change_pct / 100)
        out["judged"] = judged
    else:
        assert rule.comparison is not None and rule.value is not None
        out["z"] = np.nan
        if rule.comparison in ("above", "below"):
            out["expected"] = rule.value
            out["lower"] = rule.value if rule.comparison == "below" else np.nan
            out["upper"] = rule.value if rule.comparison == "above" else np.nan
            out["change_pct"] = np.nan
            hit = win["value"] > rule.value if rule.comparison == "above" else win["value"] < rule.value
            out["judged"] = usable
            out["breach"] = usable & hit
        else:
            prev = win["value"].shift(rule.window_days)
            prev_ok = usable.shift(rule.window_days, fill_value=False) & prev.notna() & (prev != 0)
            change = 100 * (win["value"] - prev) / prev.abs()
            factor = rule.value / 100
            out["expected"] = prev
            if rule.comparison == "drops_by":
                out["lower"] = prev - prev.abs() * factor
                out["upper"] = np.nan
                hit = change <= -rule.value
            else:
                out["lower"] = np.nan
                out["upper"] = prev + prev.abs() * factor
                hit = change >= rule.value
            out["change_pct"] = change
            out["judged"] = usable & prev_ok
            out["breach"] = usable & prev_ok & hit
    out["breach"] = out["breach"].fillna(False).astype(bool)
    out["judged"] = out["judged"].fillna(False).astype(bool)
    out["since"] = run_starts(out["breach"])
    return out


def sampling_noise(info: MetricInfo, expected: pd.Series, n: pd.Series) -> pd.Series:
    """The spread chance alone gives a value of this size: binomial for a share of n, Poisson
    for a count. A quiet day with few customers is noisier than the history says, and a
    history of near-identical small counts would otherwise make every wobble look unusual."""
    n = n.astype(float).where(n > 0)
    if info.kind == "rate":
        # Kept one success and one failure away from 0% and 100%: a weekday whose usual value is
        # 100% of six deliveries on time has not shown that one late parcel is impossible.
        edge = 1 / (n + 2)
        p = (expected / 100).clip(edge, 1 - edge)
        return (100 * np.sqrt(p * (1 - p) / n)).fillna(0.0)
    if info.kind == "count":
        return np.sqrt(expected.clip(lower=1.0)).fillna(0.0)
    return pd.Series(0.0, index=expected.index)
