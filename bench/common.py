"""Shared pieces of the benchmark scripts: cases, timing, peak memory, tables.

Benchmarks measure; they never assert. Each script prints a table and the command that
reproduced it belongs in docs/BENCHMARKS.md together with the table.
"""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class Case:
    """One analysis to time: the product's implementation and, for comparison, a naive
    pandas one working on DataFrames of the store's tables (keyed by table name)."""

    name: str
    run: Callable[[Any], object]  # takes a JourneyStore
    naive: Callable[[dict[str, pd.DataFrame]], object] | None = None


def median_seconds(fn: Callable[[], object], repeats: int = 5, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """A Markdown table, ready to paste into docs/BENCHMARKS.md."""
    def fmt(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:,.3f}" if v < 100 else f"{v:,.0f}"
        if isinstance(v, int):
            return f"{v:,}"
        return str(v)

    lines = ["| " + " | ".join(columns) + " |", "| " + " | ".join("---" for _ in columns) + " |"]
    lines += ["| " + " | ".join(fmt(r.get(c, "")) for c in columns) + " |" for r in rows]
    return "\n".join(lines)


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of the values, as the nearest observed value (no interpolation)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]
