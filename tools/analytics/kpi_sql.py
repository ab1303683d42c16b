"""The SQL behind every KPI: one query per family of metrics, grouped by time bucket and group.

A single engine serves the snapshot (one bucket: the whole period), the daily and weekly
series (one bucket per day or week) and the top movers (one group per value of a breakdown
dimension), so the three can never disagree, and a 180-day daily series costs one grouped query
per family rather than 180 calls. Every query is written in tools/analytics/kpi_families.py and
tools/analytics/kpi_sessions.py from a `Frame` (tools/analytics/kpi_frame.py); the only values
that vary are bound parameters, and identifiers come from fixed enums (grain, dimension, family).

Each family returns a wide frame (bucket, grp, counts...) that `_to_long` turns into one row per
(bucket, grp, metric) with value, n (sample size), num/den (for rates and means), median and
excluded (rows in scope left out, e.g. tickets still waiting for a reply), by the rules of
tools/analytics/kpi_long.py. `compute_rows` runs the same queries for a snapshot and reads its
few rows as tuples (`LongRow`), so the plain `journeybot kpis` never loads pandas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb

from tools.analytics.kpi_catalog import FAMILIES, SPECS
from tools.analytics.kpi_families import (
    FAMILY_SQL,
    ORDER_TOTALS,
    STATUS_METRICS,
    order_totals_sql,
    orders_sql,
    stage_steps_sql,
    step_stages,
)
from tools.analytics.kpi_frame import Frame, run_records, run_sql
from tools.analytics.kpi_long import LONG, LONG_COLUMNS, LongRow, long_rows
from tools.analytics.kpi_sessions import find_cut, sessions_sql
from tools.core.stages import STAGES
from tools.data import spans
from tools.data.schema import TABLES

if TYPE_CHECKING:  # numpy and pandas load with the first frame (compute): a snapshot of one
    import pandas as pd  # period reads tuples (compute_rows) and never needs them (issue 22)

T = TypeVar("T")


def _to_long(frame: pd.DataFrame, metrics: list[str]) -> pd.DataFrame:
    """The long frame of a wide one, by the rules of tools/analytics/kpi_long.py."""
    import numpy as np
    import pandas as pd

    # Plain numpy arrays: the frame is small (buckets x groups) but this runs for every
    # family of every call, and per-column pandas overhead would dominate small queries.
    size = len(frame)
    wide = {c: pd.to_numeric(frame[c], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
            for c in frame.columns if c not in ("bucket", "grp")}
    nan = np.full(size, np.nan)
    cols: dict[str, list[np.ndarray]] = {c: [] for c in LONG_COLUMNS}
    for m in metrics:
        how = LONG[m]
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
_BY_COST = ("sessions", "churn", "orders", "deliveries", "on_time", "stages", "arrivals", "open_tickets", "ticket_flow", "tickets", "contacts", "surveys")


def _family(con: duckdb.DuckDBPyConnection, frame: Frame, family: str, chosen: list[str]) -> pd.DataFrame | None:
    wide = run_sql(con, *_family_sql(con, frame, family, chosen))
    if not len(wide):
        return None
    wide["bucket"] = [d.date() if isinstance(d, dt.datetime) else d for d in wide["bucket"]]
    return _to_long(wide, chosen)


def _family_rows(con: duckdb.DuckDBPyConnection, frame: Frame, family: str, chosen: list[str]) -> list[LongRow] | None:
    wide = run_records(con, *_family_sql(con, frame, family, chosen))
    if not wide:
        return None
    for row in wide:
        if isinstance(row["bucket"], dt.datetime):
            row["bucket"] = row["bucket"].date()
    return long_rows(wide, chosen)


def _family_sql(con: duckdb.DuckDBPyConnection, frame: Frame, family: str,
                chosen: list[str]) -> tuple[str, Frame, Any]:
    if family == "sessions":
        cut = find_cut(con, frame)
        return sessions_sql(frame, cut), frame, cut
    if family == "orders":
        statuses = bool(STATUS_METRICS & set(chosen))
        sql = order_totals_sql if ORDER_TOTALS.issuperset(chosen) else orders_sql
        return sql(frame, statuses), frame, None
    if family == "stages" and step_stages(chosen) is not None:
        return stage_steps_sql(frame, chosen), frame, None
    return FAMILY_SQL[family](frame), frame, None


def _on_cursor(con: duckdb.DuckDBPyConnection, zone: str, run: Callable[..., T | None], frame: Frame,
               family: str, chosen: list[str]) -> T | None:
    # A cursor is a new connection to the same database: settings are per connection.
    with con.cursor() as cur:
        cur.execute(f"SET TimeZone = '{zone.replace(chr(39), chr(39) * 2)}'")
        cur.execute("SET enable_progress_bar = false")
        return run(cur, frame, family, chosen)


def _families(con: duckdb.DuckDBPyConnection, frame: Frame, metrics: list[str], parallel: int,
              run: Callable[..., T | None]) -> list[T]:
    """Each family's result of `run`, in catalogue order, for the families of `metrics` that
    have rows.

    The family queries are independent, and one query keeps DuckDB's threads only partly busy
    (sorts, joins and window partitions run on one thread for much of the time), so up to
    `parallel` run at once, each on its own cursor. Not when customers are filtered or grouped:
    their temp table is visible to this connection only."""
    wanted = set(metrics)
    todo = {fam: [m for m in members if m in wanted] for fam, members in FAMILIES.items()}
    todo = {fam: chosen for fam, chosen in todo.items() if chosen}
    results: dict[str, T | None] = {}
    if parallel > 1 and frame.who is None and len(todo) > 1:
        zone = con.execute("SELECT current_setting('TimeZone')").fetchone()[0]  # type: ignore[index]
        order = sorted(todo, key=lambda fam: _BY_COST.index(fam) if fam in _BY_COST else len(_BY_COST))
        with ThreadPoolExecutor(max_workers=min(parallel, len(todo))) as pool:
            futures = {fam: pool.submit(_on_cursor, con, zone, run, frame, fam, todo[fam]) for fam in order}
            results = {fam: fut.result() for fam, fut in futures.items()}
    else:
        results = {fam: run(con, frame, fam, chosen) for fam, chosen in todo.items()}
    return [part for fam in todo if (part := results[fam]) is not None]


def compute(con: duckdb.DuckDBPyConnection, frame: Frame, metrics: list[str],
            parallel: int = 2) -> pd.DataFrame:
    """One row per (bucket, grp, metric) that has data; callers fill empty buckets."""
    import pandas as pd

    parts = _families(con, frame, metrics, parallel, _family)
    if not parts:
        return pd.DataFrame(columns=LONG_COLUMNS)
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]


def compute_rows(con: duckdb.DuckDBPyConnection, frame: Frame, metrics: list[str],
                 parallel: int = 2) -> list[LongRow]:
    """`compute` as `LongRow`s, for a snapshot (one bucket, a group or a few): the same queries
    and rules, without pandas."""
    return [row for part in _families(con, frame, metrics, parallel, _family_rows) for row in part]


def undelivered_detail(con: duckdb.DuckDBPyConnection, frame: Frame) -> list[dict[str, Any]]:
    """Delivery orders due in the frame that never arrived, by what became of them: a small
    table (what, orders) for the note that names them."""
    from tools.analytics.kpi_families import UNDELIVERED

    wide = run_records(con, FAMILY_SQL["on_time"](frame), frame)
    return [{"what": label, "orders": sum(int(r[col] or 0) for r in wide)} for col, label in UNDELIVERED.items()]


def answers_detail(con: duckdb.DuckDBPyConnection, frame: Frame) -> dict[str, int]:
    """The survey answers of the frame by what they hold (a CSAT score, an NPS score, neither),
    for the note under `survey_responses`: the surveys family's own query, its few columns summed."""
    wide = run_records(con, FAMILY_SQL["surveys"](frame), frame)
    total = {c: sum(int(r[c] or 0) for r in wide) for c in ("answers", "csat_n", "nps_n")}
    return {"answers": total["answers"], "csat": total["csat_n"], "nps": total["nps_n"]}


def times_detail(con: duckdb.DuckDBPyConnection, frame: Frame) -> list[dict[str, int]]:
    """The period's buyers by their number of completed orders by its end: (times, customers)."""
    from tools.analytics.kpi_families import order_times_sql

    return [{"times": int(r["times"]), "customers": int(r["customers"])}
            for r in run_records(con, order_times_sql(frame), frame)]


def stage_detail(long: list[LongRow]) -> list[dict[str, Any]]:
    """The step conversions of a snapshot as a small table: from, to, reached, of, rate."""
    first = {}
    for r in long:
        first.setdefault(r.metric, r)
    rows = []
    for k in range(1, len(STAGES)):
        r = first.get(f"conversion_{STAGES[k].replace('-', '_')}")
        if r is not None:
            rows.append({"from": STAGES[k - 1], "to": STAGES[k], "reached": int(r.num), "of": int(r.den),
                         "rate": r.value})
    return rows


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
    return row[0] if row else None


def rows_in_period(con: duckdb.DuckDBPyConnection, frame: Frame, families: set[str]) -> dict[str, int]:
    """Rows of each table read for the period (before customer filters)."""
    tables = {"stages": ("events", "ts"), "sessions": ("events", "ts"),
              "orders": ("orders", "ts"), "churn": ("orders", "ts"), "deliveries": ("events", "ts"), "surveys": ("surveys", "ts"),
              "arrivals": ("events", "ts"), "on_time": ("orders", "ts"),
              "tickets": ("tickets", "created_at"), "open_tickets": ("tickets", "created_at"),
              "ticket_flow": ("tickets", "created_at"), "contacts": ("tickets", "created_at")}
    out: dict[str, int] = {}
    wanted = {tables[fam] for fam in families}
    for table, col in sorted(wanted, key=lambda tc: list(TABLES).index(tc[0])):
        out[table] = int(run_records(con, f'SELECT count(*) AS n FROM "{table}" WHERE "{col}" >= $start '
                                          f'AND "{col}" < $end', frame)[0]["n"])
    return out


def families_of(metrics: list[str]) -> set[str]:
    return {SPECS[m].family for m in metrics}
