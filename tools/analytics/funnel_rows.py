"""The funnel's tables as typed rows: one `FunnelStep` per step, one `FunnelGroup` per
breakdown group, built from the query's wide result rows (plain tuples from DuckDB).

Why not DataFrames: `journeybot funnel` prints a handful of rows, and building them as frames
made every funnel pay for importing pandas (about a second on a loaded machine, most of the
command's start; docs/BENCHMARKS.md, issue 22). The frames (`FunnelResult.steps`, `.groups`,
`.group_summary`) are still there for charts, exports and the agent: made from these rows,
with the same columns and types, the first time they are read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tools.analytics.group_gaps import shown
from tools.core.money import NumberFormat
from tools.core.text import count, counted, pct

if TYPE_CHECKING:
    import pandas as pd

NAN = float("nan")


@dataclass(frozen=True)
class FunnelStep:
    """One step: customers reaching it, conversion from the step before and from entering,
    customers lost since the step before, median and 90th-percentile days from the step
    before, and customers counted here only through a later step's event."""

    step: int  # 1-based
    name: str
    customers: int
    step_conversion: float  # 1.0 at step 1 (NaN when nobody entered); NaN after a step nobody reached
    overall_conversion: float
    lost: int
    median_days: float  # NaN at step 1 and where nobody reached the step
    p90_days: float
    via_later_step: int


@dataclass(frozen=True)
class GroupStep:
    """A step of one breakdown group: the group's value, then the columns of `FunnelStep`."""

    group: Any
    step: int
    name: str
    customers: int
    step_conversion: float
    overall_conversion: float
    lost: int
    median_days: float
    p90_days: float
    via_later_step: int


@dataclass(frozen=True)
class FunnelGroup:
    """One breakdown group's totals and where it lost most."""

    group: Any  # the dimension's value (text; None for customers without one)
    entered: int
    completed: int
    overall_conversion: float
    biggest_drop: str | None  # "decision > purchase"
    drop_lost_share: float | None


@dataclass(frozen=True)
class DropOff:
    """The step transition that keeps the smallest share of customers."""

    from_step: str
    to_step: str
    lost: int
    kept_share: float  # conversion from from_step to to_step

    @property
    def lost_share(self) -> float:
        return 1.0 - self.kept_share


STEP_COLUMNS = ["step", "name", "customers", "step_conversion", "overall_conversion", "lost",
                "median_days", "p90_days", "via_later_step"]
GROUP_COLUMNS = ["group", "entered", "completed", "overall_conversion", "biggest_drop", "drop_lost_share"]


def _num(value: Any) -> float:
    return NAN if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def step_rows(row: dict[str, Any], names: tuple[str, ...]) -> tuple[FunnelStep, ...]:
    """One wide result row (n1, n2, m2, q2, v2, ...) -> the steps."""
    n = len(names)
    customers = [int(row[f"n{k}"]) for k in range(1, n + 1)]
    entered = customers[0]
    steps = []
    for k in range(1, n + 1):
        here = customers[k - 1]
        if k == 1:
            step_conv, lost, median, p90, via = (1.0 if entered else NAN), 0, NAN, NAN, 0
        else:
            prev = customers[k - 2]
            step_conv = here / prev if prev > 0 else NAN
            lost, via = prev - here, int(row[f"v{k}"])
            median, p90 = _num(row[f"m{k}"]), _num(row[f"q{k}"])
        steps.append(FunnelStep(k, names[k - 1], here, step_conv, here / entered if entered else NAN,
                                lost, median, p90, via))
    return tuple(steps)


def biggest_drop(steps: tuple[FunnelStep, ...]) -> DropOff | None:
    cand = [s for s in steps[1:] if s.lost > 0 and not math.isnan(s.step_conversion)]
    if not cand:
        return None
    # min returns the first of equal minima: the earliest step wins a tie.
    row = min(cand, key=lambda s: s.step_conversion)
    before = steps[row.step - 2]
    return DropOff(before.name, row.name, row.lost, row.step_conversion)


def group_rows(rows: list[dict[str, Any]], names: tuple[str, ...]
               ) -> tuple[tuple[GroupStep, ...], tuple[FunnelGroup, ...]]:
    """Per group (a handful of rows, not one per customer): its steps, and the summary rows,
    largest group first (ties by name; customers without a value last among equals)."""
    tables: list[GroupStep] = []
    summary = []
    for row in rows:
        steps = step_rows(row, names)
        tables += [GroupStep(row["grp"], *_values(s)) for s in steps]
        drop = biggest_drop(steps)
        entered = steps[0].customers
        summary.append(FunnelGroup(
            group=row["grp"], entered=entered, completed=steps[-1].customers,
            overall_conversion=steps[-1].customers / entered if entered else NAN,
            biggest_drop=f"{drop.from_step} > {drop.to_step}" if drop else None,
            drop_lost_share=drop.lost_share if drop else None,
        ))
    summary.sort(key=lambda g: (-g.entered, g.group is None, "" if g.group is None else g.group))
    return tuple(tables), tuple(summary)


_STEP_TYPES = {"step": "int64", "customers": "int64", "lost": "int64", "via_later_step": "int64",
               "step_conversion": "float64", "overall_conversion": "float64", "median_days": "float64",
               "p90_days": "float64"}


def steps_frame(steps: tuple[FunnelStep, ...]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([_values(s) for s in steps], columns=STEP_COLUMNS).astype(_STEP_TYPES)


def groups_frame(steps: tuple[GroupStep, ...]) -> pd.DataFrame | None:
    import pandas as pd

    if not steps:
        return None
    return pd.DataFrame([_values(s) for s in steps], columns=["group", *STEP_COLUMNS]).astype(_STEP_TYPES)


def summary_frame(summary: tuple[FunnelGroup, ...]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([_values(g) for g in summary], columns=GROUP_COLUMNS)


def _values(row: Any) -> list[Any]:
    return [getattr(row, name) for name in row.__dataclass_fields__]


RANK_MIN_ENTRANTS = 30  # as the KPIs' small sample: a group of 5 converting at 100% is not "the best"


def ranked_line(groups: tuple[FunnelGroup, ...], label: str, nf: NumberFormat, by: str = "") -> str:
    """'Highest funnel conversion: traffic_type_2, 15.5% (121 of 783); lowest: ...', among the
    groups with enough entrants, so "which channel converts best?" is answered in words and a
    handful of customers does not top the list; '' with fewer than two such groups."""
    big = sorted((g for g in groups if g.entered >= RANK_MIN_ENTRANTS),
                 key=lambda g: (-g.overall_conversion, -g.entered))
    if len(big) < 2:
        return ""
    def say(g: FunnelGroup) -> str:
        return f"{shown(g.group, by)}, {pct(g.overall_conversion, numbers=nf)} ({count(g.completed, nf)} of {count(g.entered, nf)})"

    small = len(groups) - len(big)
    left = f"; {counted(small, 'smaller group', nf)} left out" if small else ""
    return (f"Highest funnel conversion: {say(big[0])}; lowest: {say(big[-1])}; of the {len(big)} {label}s "
            f"with {RANK_MIN_ENTRANTS} or more entrants{left}.")
