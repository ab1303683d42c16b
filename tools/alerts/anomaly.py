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
    expected, sigma, points = baseline_arrays(values.to_numpy(dtype=float, na_value=np.nan),
                                              usable.to_numpy(dtype=bool), weeks)
    return pd.DataFrame({"expected": expected, "sigma": sigma, "points": points}, index=values.index)


def baseline_arrays(values: np.ndarray, usable: np.ndarray, weeks: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`weekday_baseline` on plain arrays: (expected, sigma, points). In numpy throughout: the
    digest judges nine KPIs on series of about 110 days, where pandas' per-operation overhead
    was most of the time (tools/alerts/detect.py)."""
    v = np.where(usable, values, np.nan)
    size = len(v)
    lags = np.full((size, weeks), np.nan)
    for k in range(1, weeks + 1):
        if 7 * k < size:
            lags[7 * k:, k - 1] = v[:size - 7 * k]
    points = np.count_nonzero(~np.isnan(lags), axis=1)
    # Rows with no weekday value yet (the series' first weeks) stay NaN; leaving them out of
    # nanmedian avoids its all-NaN warning without warnings.catch_warnings, which is not
    # thread-safe (two alert checks in threads undid each other's filter).
    expected = np.full(size, np.nan)
    some = points > 0
    expected[some] = np.nanmedian(lags[some], axis=1)
    expected = np.where(points >= MIN_BASELINE_POINTS, expected, np.nan)
    residual = np.abs(v - expected)
    before = np.concatenate([[np.nan], residual[:-1]])  # the days before each day, not the day
    spread = rolling_median(before, 7 * weeks, MIN_RESIDUALS) * MAD_TO_SD
    floor = np.abs(expected) * RELATIVE_FLOOR + 1e-9
    sigma = np.maximum(spread, floor)
    return expected, sigma, points


def rolling_median(x: np.ndarray, window: int, min_periods: int) -> np.ndarray:
    """The median of the non-missing values among the `window` ending at each position (fewer at
    the start), NaN where fewer than `min_periods`: pandas' rolling median, on an array."""
    size = len(x)
    if size == 0:
        return np.full(0, np.nan)
    padded = np.concatenate([np.full(window - 1, np.nan), x])
    windows = np.lib.stride_tricks.sliding_window_view(padded, window)
    enough = np.count_nonzero(~np.isnan(windows), axis=1) >= min_periods
    out = np.full(size, np.nan)
    if enough.any():
        out[enough] = np.nanmedian(windows[enough], axis=1)
    return out


def run_starts(flags: pd.Series) -> pd.Series:
    """For each day in a run of True flags, the first day of that run (NaT elsewhere):
    'since when' a condition has held."""
    f = flags.to_numpy(dtype=bool)
    at = np.arange(len(f))
    starts = f & ~np.concatenate([[False], f[:-1]])
    first = np.maximum.accumulate(np.where(starts, at, -1)) if len(f) else at  # the latest start so far
    return pd.Series(flags.index[np.maximum(first, 0)], index=flags.index).where(f)
