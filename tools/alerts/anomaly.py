"""A robust, weekday-aware baseline for daily KPI series.

A bakery's Saturday is not its Tuesday, so a day is compared with the same weekday of the
previous weeks: the expected value is their median, and the usual spread is the median
absolute residual (value minus its own weekday median) over the same weeks, scaled by 1.4826
so that it estimates a standard deviation for normal noise. Medians ignore the odd holiday or
incident in the history, which a mean and a standard deviation would not.

Every computation is a vectorised pass over the whole series, and the value of day t uses only
days before t (plus t itself as the value tested), so a backtest over a range gets exactly the
numbers a daily run would have seen.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MAD_TO_SD = 1.4826
MIN_BASELINE_POINTS = 3  # same-weekday values needed before a day can be judged
MIN_RESIDUALS = 14  # residuals behind the spread
RELATIVE_FLOOR = 0.01  # spread never below 1% of the expected value (flat series)


def complete_days(daily: pd.DataFrame, first: object, last: object) -> pd.DataFrame:
    """One row per calendar day from first to last (date index), value NaN and n 0 where the
    provider had nothing."""
    days = pd.date_range(pd.Timestamp(first), pd.Timestamp(last), freq="D")
    if daily.empty:
        return pd.DataFrame({"value": np.nan, "n": 0, "excluded": 0}, index=days)
    if "excluded" not in daily:  # things not counted yet (pending orders): none known
        daily = daily.assign(excluded=0)
    frame = daily.assign(date=pd.to_datetime(daily["date"])).set_index("date")[["value", "n", "excluded"]]
    frame = frame[~frame.index.duplicated(keep="last")].reindex(days)
    frame["value"] = frame["value"].astype(float)
    frame["n"] = frame["n"].fillna(0).astype(np.int64)
    frame["excluded"] = frame["excluded"].fillna(0).astype(np.int64)
    return frame


def rolling_window(frame: pd.DataFrame, days: int, aggregation: str) -> pd.DataFrame:
    """The metric over the `days` days ending on each date: summed for counts and money,
    n-weighted for rates and means (exact for both). Medians and percentiles do not combine
    that way: their window values come computed over the window's rows (window_value and
    window_n, tools/alerts/evaluate.py `with_windows`) and are used as they are."""
    if days == 1:
        return frame[["value", "n"]].copy()
    if "window_value" in frame:
        return pd.DataFrame({"value": frame["window_value"], "n": frame["window_n"]}, index=frame.index)
    n = frame["n"].astype(float)
    n_w = n.rolling(days, min_periods=days).sum()
    if aggregation == "sum":
        value = frame["value"].fillna(0.0).rolling(days, min_periods=days).sum()
    else:
        weighted = (frame["value"] * n).where(n > 0, 0.0)
        value = weighted.rolling(days, min_periods=days).sum() / n_w.where(n_w > 0)
    return pd.DataFrame({"value": value, "n": n_w.fillna(0).astype(np.int64)}, index=frame.index)


def weekday_baseline(values: pd.Series, usable: pd.Series, weeks: int) -> pd.DataFrame:
    """expected (median of the same weekday over the previous `weeks` weeks), sigma (robust
    spread of residuals over the days before) and points (weekday values behind expected)."""
    v = values.where(usable)
    lags = np.column_stack([v.shift(7 * k).to_numpy(dtype=float) for k in range(1, weeks + 1)])
    points = np.count_nonzero(~np.isnan(lags), axis=1)
    # Rows with no weekday value yet (the series' first weeks) stay NaN; leaving them out of
    # nanmedian avoids its all-NaN warning without warnings.catch_warnings, which is not
    # thread-safe (two alert checks in threads undid each other's filter).
    expected = np.full(len(lags), np.nan)
    some = points > 0
    expected[some] = np.nanmedian(lags[some], axis=1)
    expected = np.where(points >= MIN_BASELINE_POINTS, expected, np.nan)
    residual = (v - expected).abs()
    spread = residual.shift(1).rolling(7 * weeks, min_periods=MIN_RESIDUALS).median() * MAD_TO_SD
    floor = np.abs(expected) * RELATIVE_FLOOR + 1e-9
    sigma = np.maximum(spread.to_numpy(dtype=float), floor)
    return pd.DataFrame({"expected": expected, "sigma": sigma, "points": points}, index=values.index)


def run_starts(flags: pd.Series) -> pd.Series:
    """For each day in a run of True flags, the first day of that run (NaT elsewhere):
    'since when' a condition has held."""
    group = (~flags).cumsum()
    dates = pd.Series(flags.index, index=flags.index)
    first = dates.where(flags).groupby(group).transform("min")
    return first.where(flags)
