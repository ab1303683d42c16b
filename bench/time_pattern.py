"""When customers come (tools/analytics/time_pattern.py): seconds per answer on the 1M-event
sample store, against the daily trend of the same KPI (the same SQL, grouped by day).

    .venv/bin/python bench/time_pattern.py                   # 1M events (store built once, cached)
    .venv/bin/python bench/time_pattern.py --sizes 100000 --repeats 3

The store is bench/kpis.py's (bench/out/kpis_<events>.duckdb, built from the Parquet sample by
the product's ingest). Each case: one warm-up, then the median of --repeats runs, in this process
with the store open (as an answer in `serve` runs). The load average is printed: the machine is
shared, so wall-clock times stretch with it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.common import median_seconds, peak_rss_mb, table  # noqa: E402
from bench.kpis import ensure_store  # noqa: E402

CASES = (
    ("orders", "weekday", "last_90_days"),
    ("orders", "hour", "last_90_days"),
    ("revenue", "month", "all"),
    ("sessions", "hour", "last_90_days"),
    ("session_conversion", "hour", "last_90_days"),
    ("purchase_conversion", "weekday", "last_90_days"),
    ("csat", "weekday", "last_90_days"),
    ("first_response_time", "hour", "last_90_days"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    from tools.analytics.periods import Period
    from tools.analytics.time_pattern import PatternParams, time_pattern
    from tools.analytics.trends import TrendParams, trend
    from tools.data.store import JourneyStore

    rows = []
    for size in args.sizes:
        store = JourneyStore(str(ensure_store(size)), timezone="Europe/London")
        with store.held():
            for metric, by, period in CASES:
                p = Period(name=period)  # type: ignore[arg-type]
                pattern = PatternParams(metric=metric, by=by, period=p)  # type: ignore[arg-type]
                daily = TrendParams(metric=metric, grain="day", period=p)  # type: ignore[arg-type]
                secs = median_seconds(lambda s=store, q=pattern: time_pattern(s, q), args.repeats)
                base = median_seconds(lambda s=store, q=daily: trend(s, q), args.repeats)
                rows.append({"events": size, "metric": metric, "by": by, "period": period, "seconds": secs,
                             "daily trend, seconds": base})
        store.close()
    print(table(rows, ["events", "metric", "by", "period", "seconds", "daily trend, seconds"]))
    print(f"\npeak memory {peak_rss_mb():,.0f} MB; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")


if __name__ == "__main__":
    main()
