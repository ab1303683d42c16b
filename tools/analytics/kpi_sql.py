"""The SQL behind every KPI: one query per family of metrics, grouped by time bucket and group.

A single engine serves the snapshot (one bucket: the whole period), the daily and weekly
series (one bucket per day or week) and the top movers (one group per value of a breakdown
dimension), so the three can never disagree, and a 180-day daily series costs one grouped query
per family rather than 180 calls. Every query is written in tools/analytics/kpi_families.py and
tools/analytics/kpi_sessions.py from a `Frame` (tools/analytics/kpi_frame.py); the only values
that vary are bound parameters, and identifiers come from fixed enums (grain, dimension, family).

Each family returns a wide frame (bucket, grp, counts...) that `_to_long` turns into one row per
(bucket, grp, metric) with value, n (sample size), num/den (for rates and means), median and
excluded (rows in scope left out, e.g. tickets still waiting for a reply).
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from tools.analytics.kpi_catalog import FAMILIES, METRICS, SPECS
from tools.analytics.kpi_families import FAMILY_SQL
from tools.analytics.kpi_frame import Frame, run_sql
from tools.analytics.kpi_sessions import find_cut, sessions_sql
from tools.core.stages import STAGES
from tools.data import spans
from tools.data.schema import TABLES

LONG_COLUMNS = ["bucket", "grp", "metric", "value", "n", "num", "den", "median", "excluded"]


# metric -> (kind of value, columns): rate (num, den), mean (sum, n), total (value, n),
# quantile (value, n); optional median and excluded columns.
_STEP_COLS = {f"conversion_{s.replace('-', '_')}": (f"n{k}", f"d{k}") for k, s in enumerate(STAGES) if k}
_LONG: dict[str, dict[str, Any]] = {
    "active_customers": {"total": ("active", "active")},
    "new_visitors": {"total": ("new_visitors", "new_visitors")},
    "purchase_conversion": {"rate": ("buyers", "active")},
    **{m: {"rate": cols} for m, cols in _STEP_COLS.items()},
    "sessions": {"total": ("sessions", "sessions")},
    "session_conversion": {"rate": ("converted", "sessions")},
    "bounce_rate": {"rate": ("bounces", "sessions")},
    "exit_rate": {"rate": ("sessions", "hits")},
    "cart_abandonment": {"rate": ("abandoned", "carts"), "excluded": "pending"},
    "repeat_purchase_rate": {"rate": ("repeaters", "buyers")},
    "churn_rate": {"rate": ("lapsed", "active")},
    "csat": {"rate": ("csat_top", "csat_n")},
    "csat_mean": {"mean": ("csat_sum", "csat_n")},
    "nps": {"nps": ("promoters", "detractors", "nps_n")},
    "clv": {"mean": ("lifetime_sum", "buyers"), "median": "lifetime_median"},
    "aov": {"mean": ("revenue", "orders"), "excluded": "pending"},
    "revenue": {"total": ("revenue", "orders"), "excluded": "pending"},
    "orders": {"total": ("orders", "orders"), "excluded": "pending"},
    "time_to_first_purchase": {"quantile": ("ttfp_p50", "first_buyers")},
    "delivery_time": {"quantile": ("del_p50", "del_n"), "excluded": ("deliveries", "del_n")},
    "delivery_time_p90": {"quantile": ("del_p90", "del_n"), "excluded": ("deliveries", "del_n")},
    "on_time_delivery": {"rate": ("on_time", "delivered"), "excluded": "undelivered"},
    "first_response_time": {"quantile": ("frt_p50", "frt_n"), "excluded": ("tickets", "frt_n")},
    "first_response_time_p90": {"quantile": ("frt_p90", "frt_n"), "excluded": ("tickets", "frt_n")},
    "resolution_time": {"quantile": ("res_p50", "res_n"), "excluded": ("tickets", "res_n")},
    "resolution_time_p90": {"quantile": ("res_p90", "res_n"), "excluded": ("tickets", "res_n")},
}
assert set(_LONG) == set(METRICS)


def _to_long(frame: pd.DataFrame, metrics: list[str]) -> pd.DataFrame:
    # Plain numpy arrays: the frame is small (buckets x groups) but this runs for every
    # family of every call, and per-column pandas overhead would dominate small queries.
    size = len(frame)
    wide = {c: pd.to_numeric(frame[c], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
            for c in frame.columns if c not in ("bucket", "grp")}
    nan = np.full(size, np.nan)
    cols: dict[str, list[np.ndarray]] = {c: [] for c in LONG_COLUMNS}
    for m in metrics:
        how = _LONG[m]
        num = den = nan
        if "rate" in how or "mean" in how:
            a, b = how.get("rate") or how["mean"]
            num, den = np.nan_to_num(wide[a]), np.nan_to_num(wide[b])
            value = np.divide(num, den, out=np.full(size, np.nan), where=den > 0)
            n = den
        elif "nps" in how:
            p, d, total = how["nps"]
            den = np.nan_to_num(wide[total])
            num = (np.nan_to_num(wide[p]) - np.nan_to_num(wide[d])) * 100
            value = np.divide(num, den, out=np.full(size, np.nan), where=den > 0)
            n = den
        elif "total" in how:
            v, c = how["total"]
            value, n = np.nan_to_num(wide[v]), np.nan_to_num(wide[c])
        else:
            v, c = how["quantile"]
            n = np.nan_to_num(wide[c])
            value = np.where(n > 0, wide[v], np.nan)
        excl = how.get("excluded")
        if isinstance(excl, tuple):
            excluded = np.nan_to_num(wide[excl[0]]) - np.nan_to_num(wide[excl[1]])
        elif excl:
            excluded = np.nan_to_num(wide[excl])
        else:
            excluded = np.zeros(size)
        cols["bucket"].append(frame["bucket"].to_numpy())
        cols["grp"].append(frame["grp"].to_numpy(dtype=object))
        cols["metric"].append(np.full(size, m, dtype=object))
        cols["value"].append(value)
        cols["n"].append(n)
        cols["num"].append(num)
        cols["den"].append(den)
        cols["median"].append(wide[how["median"]] if "median" in how else nan)
        cols["excluded"].append(excluded)
    if not metrics:
        return pd.DataFrame(columns=LONG_COLUMNS)
    out = {c: np.concatenate(v) for c, v in cols.items()}
    out["n"] = out["n"].astype("int64")
    out["excluded"] = out["excluded"].astype("int64")
    return pd.DataFrame(out)


# The families by their cost at 10M events, dearest first: with two cursors the cheap ones fill
# in behind the dear ones.
_BY_COST = ("sessions", "churn", "orders", "deliveries", "on_time", "stages", "arrivals", "tickets", "surveys")


def _family(con: duckdb.DuckDBPyConnection, frame: Frame, family: str, chosen: list[str]) -> pd.DataFrame | None:
    if family == "sessions":
        cut = find_cut(con, frame)
        wide = run_sql(con, sessions_sql(frame, cut), frame, cut)
    else:
        wide = run_sql(con, FAMILY_SQL[family](frame), frame)
    if not len(wide):
        return None
    wide["bucket"] = [d.date() if isinstance(d, dt.datetime) else d for d in wide["bucket"]]
    return _to_long(wide, chosen)


def _on_cursor(con: duckdb.DuckDBPyConnection, zone: str, frame: Frame, family: str,
               chosen: list[str]) -> pd.DataFrame | None:
    # A cursor is a new connection to the same database: settings are per connection.
    with con.cursor() as cur:
        cur.execute(f"SET TimeZone = '{zone.replace(chr(39), chr(39) * 2)}'")
        cur.execute("SET enable_progress_bar = false")
        return _family(cur, frame, family, chosen)


def compute(con: duckdb.DuckDBPyConnection, frame: Frame, metrics: list[str],
            parallel: int = 2) -> pd.DataFrame:
    """One row per (bucket, grp, metric) that has data; callers fill empty buckets.

    The family queries are independent, and one query keeps DuckDB's threads only partly busy
    (sorts, joins and window partitions run on one thread for much of the time), so up to
    `parallel` run at once, each on its own cursor. Not when customers are filtered or grouped:
    their temp table is visible to this connection only."""
    wanted = set(metrics)
    todo = {fam: [m for m in members if m in wanted] for fam, members in FAMILIES.items()}
    todo = {fam: chosen for fam, chosen in todo.items() if chosen}
    results: dict[str, pd.DataFrame | None] = {}
    if parallel > 1 and frame.who is None and len(todo) > 1:
        zone = con.execute("SELECT current_setting('TimeZone')").fetchone()[0]  # type: ignore[index]
        order = sorted(todo, key=lambda fam: _BY_COST.index(fam) if fam in _BY_COST else len(_BY_COST))
        with ThreadPoolExecutor(max_workers=min(parallel, len(todo))) as pool:
            futures = {fam: pool.submit(_on_cursor, con, zone, frame, fam, todo[fam]) for fam in order}
            results = {fam: fut.result() for fam, fut in futures.items()}
    else:
        results = {fam: _family(con, frame, fam, chosen) for fam, chosen in todo.items()}
    parts = [results[fam] for fam in todo if results[fam] is not None]
    if not parts:
        return pd.DataFrame(columns=LONG_COLUMNS)
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]  # type: ignore[return-value]


def undelivered_detail(con: duckdb.DuckDBPyConnection, frame: Frame) -> pd.DataFrame:
    """Delivery orders due in the frame that never arrived, by what became of them: a small
    table (what, orders) for the note that names them."""
    from tools.analytics.kpi_families import UNDELIVERED

    wide = run_sql(con, FAMILY_SQL["on_time"](frame), frame)
    rows = [{"what": label, "orders": int(pd.to_numeric(wide[col]).fillna(0).sum()) if len(wide) else 0}
            for col, label in UNDELIVERED.items()]
    return pd.DataFrame(rows, columns=["what", "orders"])


def stage_detail(long: pd.DataFrame) -> pd.DataFrame:
    """The step conversions of a snapshot as a small table: from, to, reached, of, rate."""
    rows = []
    for k in range(1, len(STAGES)):
        m = f"conversion_{STAGES[k].replace('-', '_')}"
        hit = long[long["metric"] == m]
        if len(hit):
            r = hit.iloc[0]
            rows.append({"from": STAGES[k - 1], "to": STAGES[k], "reached": int(r["num"]),
                         "of": int(r["den"]), "rate": r["value"]})
    return pd.DataFrame(rows, columns=["from", "to", "reached", "of", "rate"])


def date_range(con: duckdb.DuckDBPyConnection) -> tuple[dt.date, dt.date] | None:
    """First and last day with events or orders (JourneyStore.date_range, on this connection)."""
    first, last = spans.last_day(con)
    if first is None or last is None:
        return None
    return first, last


def data_end(con: duckdb.DuckDBPyConnection) -> dt.datetime | None:
    """The last moment with events or orders, not counting rows dated in the future."""
    cap = spans.load_cap(con)
    where = "WHERE ts <= $cap" if cap is not None else ""
    row = con.execute(
        f"SELECT max(m) FROM (SELECT max(ts) AS m FROM events {where} UNION ALL SELECT max(ts) FROM orders {where})",
        {"cap": cap} if cap is not None else {}).fetchone()
    value = row[0] if row else None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def rows_in_period(con: duckdb.DuckDBPyConnection, frame: Frame, families: set[str]) -> dict[str, int]:
    """Rows of each table read for the period (before customer filters)."""
    tables = {"stages": ("events", "ts"), "sessions": ("events", "ts"),
              "orders": ("orders", "ts"), "churn": ("orders", "ts"), "deliveries": ("events", "ts"), "surveys": ("surveys", "ts"),
              "arrivals": ("events", "ts"), "on_time": ("orders", "ts"),
              "tickets": ("tickets", "created_at")}
    out: dict[str, int] = {}
    wanted = {tables[fam] for fam in families}
    for table, col in sorted(wanted, key=lambda tc: list(TABLES).index(tc[0])):
        out[table] = int(run_sql(con, f'SELECT count(*) AS n FROM "{table}" WHERE "{col}" >= $start '
                                      f'AND "{col}" < $end', frame)["n"].iloc[0])
    return out


def families_of(metrics: list[str]) -> set[str]:
    return {SPECS[m].family for m in metrics}
