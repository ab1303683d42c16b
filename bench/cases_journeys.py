"""Benchmark cases for the journey analyses (funnel, drop-offs, paths), each with a naive
pandas version of the same numbers for comparison.

The naive versions follow docs/METRICS.md ("Journeys") with plain pandas on DataFrames of the
tables: sorts, merges, groupbys and, for paths, a Python loop per customer, as a notebook
would do it. `CHECKS` turns the product's result into what the naive version returns, so
`bench/analytics.py --check` can confirm both give the same numbers on the benchmark data.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

import pandas as pd

from bench.common import Case
from tools.analytics.dropoffs import DropoffParams, dropoffs
from tools.analytics.funnel import FunnelParams, funnel
from tools.analytics.paths import PathParams, paths
from tools.analytics.periods import Period, ResolvedPeriod, previous_calendar, resolve
from tools.analytics.scope import SENT_BY_BUSINESS
from tools.core.stages import DEFAULT_TOUCHPOINTS, STAGES

TZ = "Europe/London"
SIX = list(STAGES)
WEB = ["website_visit", "product_view", "add_to_cart", "checkout_start", "order_placed"]

# The aim the issue sets at 10M events: the full funnel with a breakdown within a second.
AIMS_10M = {"funnel: 6 stages, all data, by channel": 1.0}


# -- the product ------------------------------------------------------------------------------

def _funnel_all_by_channel(store):
    return funnel(store, FunnelParams(period=Period(name="all"), by="channel"))


def _funnel_30_days(store):
    return funnel(store, FunnelParams(period=Period(name="last_30_days")))


def _funnel_web_strict_by_segment(store):
    return funnel(store, FunnelParams(touchpoints=WEB, period=Period(name="last_90_days"),
                                      skips="stop", by="segment"))


def _dropoffs_30_days(store):
    return dropoffs(store, DropoffParams(period=Period(name="last_30_days")))


def _paths_30_days(store):
    return paths(store, PathParams(period=Period(name="last_30_days")))


def _paths_90_days_stages(store):
    return paths(store, PathParams(period=Period(name="last_90_days"), level="stage"))


# -- naive pandas -----------------------------------------------------------------------------

def _bounds(frames, period: Period) -> tuple[ResolvedPeriod, dt.date]:
    ev = frames["events"].ts.dt.tz_convert(TZ)
    last = max(ev.max().date(), frames["orders"].ts.dt.tz_convert(TZ).max().date())
    return resolve(period, last, TZ, data_start=ev.min().date()), last


def _first_touch(events: pd.DataFrame) -> pd.Series:
    with_channel = events.dropna(subset=["channel"]).sort_values("ts")
    return with_channel.groupby("customer_id").channel.first()


def naive_funnel(frames, steps: list[str], kind: str, period: Period, skips: str = "pass_through",
                 by: str | None = None, window_days: int = 30) -> pd.DataFrame:
    events = frames["events"]
    rp, _ = _bounds(frames, period)
    window = pd.Timedelta(days=window_days)
    col = "stage" if kind == "stage" else "touchpoint"
    e = events.loc[events[col].isin(steps), ["customer_id", "ts", col]].copy()
    e["s"] = e[col].map({name: i + 1 for i, name in enumerate(steps)})
    start, end = pd.Timestamp(rp.start), pd.Timestamp(rp.end)
    t = pd.DataFrame({"t1": e[(e.s == 1) & (e.ts >= start) & (e.ts < end)].groupby("customer_id").ts.min()})
    if skips == "pass_through":
        m = e.merge(t, left_on="customer_id", right_index=True)
        m = m[(m.ts >= m.t1) & (m.ts <= m.t1 + window)]
        for k in range(2, len(steps) + 1):
            t[f"t{k}"] = m[m.s >= k].groupby("customer_id").ts.min()
    else:
        for k in range(2, len(steps) + 1):
            prev = t[[f"t{k - 1}"]].dropna().join(t.t1.rename("entered"))
            m = e[e.s == k].merge(prev, left_on="customer_id", right_index=True)
            m = m[(m.ts >= m[f"t{k - 1}"]) & (m.ts <= m.entered + window)]
            t[f"t{k}"] = m.groupby("customer_id").ts.min()
    if by == "channel":
        t["group"] = _first_touch(events).reindex(t.index).fillna("(unknown)")
    elif by:
        t["group"] = frames["customers"].set_index("customer_id")[by].reindex(t.index).fillna("(unknown)")
    else:
        t["group"] = "all customers"
    reached = t.drop(columns="group").notna()
    rows = [("all customers", k, int(reached[f"t{k}"].sum())) for k in range(1, len(steps) + 1)]
    if by:
        per = reached.groupby(t.group).sum()
        rows += [(g, k, int(per.loc[g, f"t{k}"])) for g in per.index for k in range(1, len(steps) + 1)]
    return _sorted(pd.DataFrame(rows, columns=["group", "step", "customers"]))


def _journey_events(frames, start: pd.Timestamp, end: pd.Timestamp, goal_stage: str = "purchase"):
    """Events before the goal (or the goal) in [start, end), with the tie order of the rules."""
    events = frames["events"]
    before = STAGES[: STAGES.index(goal_stage)]
    e = events[(events.ts >= start) & (events.ts < end)].copy()
    e["g"] = e.stage == goal_stage
    e["b"] = e.stage.isin(before) & ~e.touchpoint.isin(SENT_BY_BUSINESS)
    e = e[e.g | e.b]
    order = {name: i for i, name in enumerate(DEFAULT_TOUCHPOINTS)}
    e["stage_rank"] = e.stage.map({s: i for i, s in enumerate(STAGES)})
    e["tp_rank"] = e.touchpoint.map(order).fillna(len(order))
    return e.sort_values(["customer_id", "ts", "stage_rank", "tp_rank", "touchpoint"])


def naive_dropoffs(frames, period: Period) -> pd.DataFrame:
    rp, last = _bounds(frames, period)
    prev = previous_calendar(period, last, TZ)
    e = _journey_events(frames, pd.Timestamp(prev.start), pd.Timestamp(rp.end))
    e["cur"] = (e.ts >= pd.Timestamp(rp.start)).astype(int)
    converted = e.groupby(["cur", "customer_id"]).g.any()
    last_point = e[e.b].groupby(["cur", "customer_id"]).touchpoint.last()
    lost = converted[~converted].index
    counts = last_point.reindex(lost).groupby(level="cur").value_counts()
    rows = [(cur, "(started)", int(n)) for cur, n in converted.groupby(level="cur").size().items()]
    rows += [(cur, "(converted)", int(n)) for cur, n in converted.groupby(level="cur").sum().items()]
    rows += [(cur, point, int(n)) for (cur, point), n in counts.items()]
    return _sorted(pd.DataFrame(rows, columns=["cur", "point", "customers"]))


def naive_paths(frames, period: Period, level: str = "touchpoint", top: int = 10) -> pd.DataFrame:
    rp, _ = _bounds(frames, period)
    e = _journey_events(frames, pd.Timestamp(rp.start), pd.Timestamp(rp.end))
    column = "touchpoint" if level == "touchpoint" else "stage"
    variants: dict[bool, Counter] = {True: Counter(), False: Counter()}
    offline = {True: 0, False: 0}
    firsts: Counter = Counter()
    for _, rows in e.groupby("customer_id", sort=False):  # the loop a notebook would write
        points, goals = rows[column].tolist(), rows.g.tolist()
        channels, offline_flags = rows.channel.tolist(), (rows.online == False).tolist()  # noqa: E712
        cut = goals.index(True) + 1 if True in goals else len(points)
        bought = True in goals
        steps = [p for i, p in enumerate(points[:cut]) if i == 0 or p != points[i - 1]]
        path = " > ".join(steps if len(steps) <= 6 else ["..."] + steps[-6:])
        variants[bought][path] += 1
        offline[bought] += any(offline_flags[:cut])
        if bought:
            firsts[next((c for c in channels[:cut] if isinstance(c, str)), "(none)")] += 1
    rows = [(f"path {'to goal' if k else 'left'}", p, n)
            for k in (True, False) for p, n in _top(variants[k], top)]
    rows += [("offline", "buyers", offline[True]), ("offline", "others", offline[False])]
    rows += [("first touch", c, n) for c, n in firsts.items()]
    return _sorted(pd.DataFrame(rows, columns=["what", "label", "customers"]))


def _top(counter: Counter, n: int) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(list(frame.columns[:2])).reset_index(drop=True)


# -- the product's results in the naive shape (bench/analytics.py --check) --------------------

def _funnel_counts(result) -> pd.DataFrame:
    rows = [("all customers", int(r.step), int(r.customers)) for r in result.steps.itertuples()]
    if result.groups is not None:
        rows += [(str(r.group), int(r.step), int(r.customers)) for r in result.groups.itertuples()]
    return _sorted(pd.DataFrame(rows, columns=["group", "step", "customers"]))


def _dropoff_counts(result) -> pd.DataFrame:
    rows = []
    for cur, counts in ((1, result.current), (0, result.previous)):
        rows += [(cur, "(started)", counts.started), (cur, "(converted)", counts.converted)]
    pts = result.points
    rows += [(1, p, int(n)) for p, n in zip(pts.point, pts.lost, strict=True) if n]
    rows += [(0, p, int(n)) for p, n in zip(pts.point, pts.lost_previous, strict=True) if n]
    return _sorted(pd.DataFrame(rows, columns=["cur", "point", "customers"]))


def _path_counts(result) -> pd.DataFrame:
    rows = [("path to goal", p, int(n)) for p, n in zip(result.to_goal.path, result.to_goal.customers, strict=True)]
    rows += [("path left", p, int(n)) for p, n in zip(result.to_dropoff.path, result.to_dropoff.customers, strict=True)]
    rows += [("offline", "buyers", result.offline.buyers_with_offline),
             ("offline", "others", result.offline.others_with_offline)]
    rows += [("first touch", c, int(n)) for c, n in zip(result.touches.channel, result.touches.first_touch, strict=True) if n]
    return _sorted(pd.DataFrame(rows, columns=["what", "label", "customers"]))


CASES: list[Case] = [
    Case("funnel: 6 stages, last 30 days", _funnel_30_days,
         lambda f: naive_funnel(f, SIX, "stage", Period(name="last_30_days"))),
    Case("funnel: 6 stages, all data, by channel", _funnel_all_by_channel,
         lambda f: naive_funnel(f, SIX, "stage", Period(name="all"), by="channel")),
    Case("funnel: 5 web touchpoints, 90 days, strict, by segment", _funnel_web_strict_by_segment,
         lambda f: naive_funnel(f, WEB, "touchpoint", Period(name="last_90_days"), skips="stop", by="segment")),
    Case("dropoffs: last 30 days vs the 30 before", _dropoffs_30_days,
         lambda f: naive_dropoffs(f, Period(name="last_30_days"))),
    Case("paths: last 30 days", _paths_30_days,
         lambda f: naive_paths(f, Period(name="last_30_days"))),
    Case("paths: stages, last 90 days", _paths_90_days_stages,
         lambda f: naive_paths(f, Period(name="last_90_days"), level="stage")),
]

CHECKS: dict[str, Callable[[Any], pd.DataFrame]] = {
    "funnel: 6 stages, last 30 days": _funnel_counts,
    "funnel: 6 stages, all data, by channel": _funnel_counts,
    "funnel: 5 web touchpoints, 90 days, strict, by segment": _funnel_counts,
    "dropoffs: last 30 days vs the 30 before": _dropoff_counts,
    "paths: last 30 days": _path_counts,
    "paths: stages, last 90 days": _path_counts,
}
