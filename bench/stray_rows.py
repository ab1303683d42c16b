"""The CPU cost of the stray-rows check a KPI over all the data now runs (tools/analytics/
stray_rows.py): the rows counted per UTC day by integer arithmetic (as landed) against per month
in the business's time zone (ICU's date_part, the first version), over 1M and 10M orders, one row
every 6 seconds. CPU, not wall time: other work on the two cores stretches wall times.

    .venv/bin/python bench/stray_rows.py
"""

from __future__ import annotations

import time

import duckdb

FORMS = {
    "UTC day, epoch_us // day (landed)": "epoch_us(t.ts) // 86400000000",
    "local month, date_part (not landed)": "date_part('year', t.ts) * 12 + date_part('month', t.ts)",
}


def main() -> None:
    con = duckdb.connect()
    con.execute("SET TimeZone = 'Europe/London'")
    params = {"s": "2015-01-01 00:00:00+00", "e": "2030-01-01 00:00:00+00"}
    for n in (1_000_000, 10_000_000):
        con.execute(f"CREATE OR REPLACE TABLE orders AS SELECT TIMESTAMPTZ '2018-01-01 00:00:00+00' "
                    f"+ to_seconds(i * 6) AS ts FROM range({n}) t(i)")
        for name, key in FORMS.items():
            sql = (f"SELECT {key} AS b, count(*) AS n, min(t.ts) AS first FROM orders t "
                   "WHERE t.ts >= $s AND t.ts < $e GROUP BY ALL ORDER BY b")
            con.execute(sql, params).fetchall()  # warm-up
            cpu = []
            for _ in range(5):
                c0 = time.process_time()
                con.execute(sql, params).fetchall()
                cpu.append(time.process_time() - c0)
            print(f"{n:>10,} rows  {name:<38} CPU median {sorted(cpu)[2]:.3f} s")


if __name__ == "__main__":
    main()
