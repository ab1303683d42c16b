"""The buckets of a time pattern: every occurrence (day or local hour) the data covers, and the
per-occurrence KPI series folded into one row per weekday, hour of the day or month, with the
spread that says whether two buckets differ by more than chance (tools/analytics/time_pattern.py)."""

from __future__ import annotations

import calendar
import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from tools.analytics.kpi_catalog import SPECS


def occurrence_grid(by: str, first: dt.date, last: dt.date, timezone: str) -> pd.Index:
    """Every day (hour, as its local index) the data covers: what a bucket's occurrences are
    counted from. Hours come from real UTC hours, so the hour a clock skips is not there and
    the hour it repeats (clocks going back) is there twice: it held two hours of custom."""
    if by != "hour":
        return pd.DatetimeIndex(pd.date_range(first, last, freq="D"))
    tz = ZoneInfo(timezone)
    lo = pd.Timestamp(dt.datetime.combine(first, dt.time(), tzinfo=tz)).tz_convert("UTC")
    hi = pd.Timestamp(dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=tz)).tz_convert("UTC")
    local = pd.date_range(lo, hi, freq="h", inclusive="left").tz_convert(timezone).tz_localize(None)
    return pd.Index((local - pd.Timestamp("1970-01-01")) // pd.Timedelta(hours=1))


def _key(by: str, index: pd.Index) -> np.ndarray:
    if by == "hour":
        return np.asarray(index, dtype="int64") % 24
    days = pd.DatetimeIndex(index)
    return np.asarray(days.day_of_week if by == "weekday" else days.month)


def _label(by: str, k: int) -> str:
    if by == "weekday":
        return calendar.day_name[k]
    if by == "month":
        return calendar.month_name[k]
    return f"{k:02d}:00-{(k + 1) % 24:02d}:00"


def fold_buckets(by: str, metric: str, grid: pd.Index, long: pd.DataFrame, rows: pd.DataFrame | None,
          monthly: bool = False, q: float = 0.5) -> pd.DataFrame:
    """One row per bucket the data covers, from the per-occurrence series on `grid`. `monthly`:
    the data is dated by month only, so the spread is taken between months (a day average per
    month), not between days of which only the 1st has rows. `rows`: a median (quantile `q`)
    KPI's own rows, each bucket's value taken over them."""
    s = SPECS[metric]
    # The rows of a repeated local hour (clocks going back) sit in one local bucket: its values
    # are read once, its two occurrences both counted, so a total's average per hour is not
    # doubled for it.
    repeated = grid[grid.duplicated()]
    grid = grid.unique()
    keys = long["bucket"] if by == "hour" else pd.to_datetime(long["bucket"])
    per = long.assign(bucket=keys.to_numpy()).set_index("bucket")[["value", "n", "num", "den"]]
    per = per.groupby(level=0).sum(min_count=1)  # one row per occurrence
    per = per.reindex(grid)
    per["n"] = per["n"].fillna(0)
    if s.kind == "total":
        per["value"] = per["value"].fillna(0.0)
    per["key"] = _key(by, grid)
    g = per.groupby("key")
    occ = g.size()
    spread = g["value"].agg(["std", "count"])
    if monthly and by == "month" and s.kind != "quantile":
        m = per.groupby(pd.DatetimeIndex(grid).to_period("M")).agg(
            value=("value", "sum"), num=("num", "sum"), den=("den", "sum"), days=("key", "size"), key=("key", "first"))
        m["value"] = m["value"] / m["days"] if s.kind == "total" else m["num"] / m["den"].where(m["den"] > 0)
        spread = m.groupby("key")["value"].agg(["std", "count"])
    occ = occ + pd.Series(_key(by, repeated)).value_counts().reindex(occ.index, fill_value=0)
    out = pd.DataFrame({"occurrences": occ, "n": g["n"].sum().astype("int64")})
    out["se"] = spread["std"] / np.sqrt(spread["count"].where(spread["count"] > 0))
    out["with_data"] = spread["count"]
    if s.kind == "total":
        out["total"] = g["value"].sum()
        out["value"] = out["total"] / out["occurrences"]
    elif s.kind == "quantile":
        assert rows is not None
        rk = rows["bucket"] if by == "hour" else pd.to_datetime(rows["bucket"])
        rows = rows.assign(key=_key(by, pd.Index(rk)))
        out["value"] = rows.groupby("key")["value"].quantile(q).reindex(out.index)
        out["total"] = np.nan
    else:
        num, den = g["num"].sum(), g["den"].sum()
        out["value"] = (num / den.where(den > 0)).reindex(out.index)
        out["total"] = np.nan
        if s.unit == "rate":  # the sampling error of a proportion: p(1-p)/n
            p = out["value"]
            out["se"] = np.sqrt(p * (1 - p) / out["n"].where(out["n"] > 0))
    out.index.name = "bucket"
    out = out.reset_index()
    out["label"] = [_label(by, int(k)) for k in out["bucket"]]
    return out[["bucket", "label", "occurrences", "total", "value", "n", "se", "with_data"]]
