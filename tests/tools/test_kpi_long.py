"""The KPI snapshot read as tuples (kpi_sql.compute_rows, no pandas) gives the same values as
the long frame the series and movers read (kpi_sql.compute), metric by metric: the two readers
of tools/analytics/kpi_long.py's rules never disagree."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest
from sample_cache import bank_store

from tools.analytics import kpi_frame, kpi_sql
from tools.analytics.filters import Filters
from tools.analytics.kpi_catalog import METRICS
from tools.analytics.kpi_long import LONG_COLUMNS, long_rows
from tools.analytics.kpi_scope import KpiSettings, open_scope
from tools.analytics.periods import Period


def _same(a, b) -> bool:
    """Equal, or both missing (a NULL key of an empty group is None in a tuple, NaT in a frame)."""
    if a is None:
        return b is None or pd.isna(b)
    if isinstance(a, float) or isinstance(b, float):
        a, b = float(a), float(b)
        # DuckDB sums doubles in parallel: two runs of one query may differ in the last digits.
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-12)
    return a == b


@pytest.mark.parametrize("period, filters", [
    ("last_30_days", None),
    ("all", None),
    ("last_7_days", Filters(channel=["instagram", "search"])),
    (Period(start=dt.date(2026, 11, 14), end=dt.date(2026, 11, 15)), None),  # two days: small samples
])
def test_tuples_and_frames_agree_on_every_metric(period, filters):
    store = bank_store()
    metrics = list(METRICS)
    with open_scope(store, period, filters, KpiSettings()) as (con, scope):
        who = kpi_frame.prepare_who(con, scope.filters, None)
        try:
            frame = scope.frame("period", None, who)
            rows = kpi_sql.compute_rows(con, frame, metrics)
            long = kpi_sql.compute(con, frame, metrics)
        finally:
            kpi_frame.drop_who(con, who)
    # Every family with rows in the period: the bank sample may have no support tickets (eleven
    # KPIs, repeat contacts included); a week may have no first contacts.
    assert len(rows) == len(long) >= len(METRICS) - 12
    by_metric = {r.metric: r for r in long.itertuples(index=False)}
    for r in rows:
        f = by_metric[r.metric]
        for col in LONG_COLUMNS:
            assert _same(getattr(r, col), getattr(f, col)), (r.metric, col, getattr(r, col), getattr(f, col))
    # Not all blank: the bank sample has orders, answers and tickets in these periods.
    assert sum(r.n for r in rows) > 0


def test_null_counts_are_zero_and_an_empty_denominator_gives_no_value():
    # What a family query returns for a period with rows but no answers: NULL sums, 0 counts.
    wide = [{"bucket": dt.date(2026, 1, 1), "grp": "all", "csat_n": 0, "csat_top": None, "csat_sum": None,
             "nps_n": 4, "promoters": 3, "detractors": None}]
    got = {r.metric: r for r in long_rows(wide, ["csat", "csat_mean", "nps"])}
    assert math.isnan(got["csat"].value) and got["csat"].n == 0 and got["csat"].num == 0.0
    assert math.isnan(got["csat_mean"].value)
    assert got["nps"].value == 75.0 and got["nps"].n == 4
