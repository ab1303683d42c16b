"""A KPI over time as a PNG: the line in the metric's own unit (money with its currency,
shares as percentages, counts and money from zero) and, when the sample size per point is
known, how many answers, orders or sessions each point rests on, underneath.

Points resting on fewer than `min_n` are drawn hollow and their bars hatched, so a day with
three survey answers swinging from 0% to 100% is seen for what it is.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from tools.charts.axes import Measure, alert_measure, apply_measure
from tools.charts.base import (
    BAR,
    LIGHT,
    MUTED,
    NOTE,
    SMALL_HATCH,
    figure,
    finish,
    png,
    same_length,
)
from tools.core.errors import ToolInputError


def kpi_trend_chart(dates: Sequence[dt.date], values: Sequence[float | None], *, title: str,
                    measure: Measure | None = None, unit: str = "", subtitle: str = "",
                    ns: Sequence[int] | None = None, n_label: str = "", min_n: int = 0,
                    partial: Sequence[bool] | None = None) -> bytes:
    """A line over time; missing values (days without enough data) leave a gap."""
    return png(kpi_trend_figure(dates, values, title=title, measure=measure, unit=unit, subtitle=subtitle,
                                ns=ns, n_label=n_label, min_n=min_n, partial=partial))


def kpi_trend_figure(dates: Sequence[dt.date], values: Sequence[float | None], *, title: str,
                     measure: Measure | None = None, unit: str = "", subtitle: str = "",
                     ns: Sequence[int] | None = None, n_label: str = "", min_n: int = 0,
                     partial: Sequence[bool] | None = None) -> Figure:
    days = list(dates)
    numbers = [math.nan if v is None else float(v) for v in values]
    same_length(days, numbers, "dates", "values")
    if all(math.isnan(v) for v in numbers):
        raise ToolInputError("the trend has no values to draw")
    m = measure or alert_measure(title.split(",")[0], unit)
    counts = [int(n) for n in ns] if ns is not None else None
    if counts is not None:
        same_length(days, counts, "dates", "ns")
    small = [c < min_n for c in counts] if counts is not None else [False] * len(days)
    if counts is not None:
        fig = figure(height=4.6)
        ax, below = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": (3, 1)})
    else:
        fig = figure(height=3.8)
        ax = fig.add_subplot()
        below = None
    ax.plot(days, numbers, color=BAR, linewidth=1.6)
    big = [(d, v) for d, v, s in zip(days, numbers, small, strict=True) if not s and not math.isnan(v)]
    few = [(d, v) for d, v, s in zip(days, numbers, small, strict=True) if s and not math.isnan(v)]
    if big and len(days) <= 62:
        ax.plot(*zip(*big, strict=True), linestyle="none", marker="o", markersize=4, color=BAR)
    if few:
        ax.plot(*zip(*few, strict=True), linestyle="none", marker="o", markersize=5, markerfacecolor="white",
                markeredgecolor=BAR, label=f"fewer than {min_n} {n_label or 'in the sample'}")
    for d, v, p in zip(days, numbers, partial or [False] * len(days), strict=True):
        if p and not math.isnan(v):
            ax.annotate("partial", (d, v), textcoords="offset points", xytext=(0, 7), ha="center",
                        fontsize=NOTE, color=MUTED)
    apply_measure(ax, m, numbers)
    ax.grid(axis="y", alpha=0.25)
    notes = [subtitle] if subtitle else []
    if few:
        notes.append(f"hollow points: fewer than {min_n} {n_label or 'in the sample'}, read with care")
    locator = AutoDateLocator(minticks=3, maxticks=8)
    target = below if below is not None else ax
    target.xaxis.set_major_locator(locator)
    target.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    if below is not None and counts is not None:
        width, align = _bar_width(days)
        bars = below.bar(days, counts, color=[LIGHT if s else MUTED for s in small], width=width, align=align,
                         edgecolor="#555555", linewidth=0.4)
        for bar, s in zip(bars, small, strict=True):
            if s:
                bar.set_hatch(SMALL_HATCH)
        if min_n:
            below.axhline(min_n, color="#555555", linestyle="--", linewidth=0.8)
        apply_measure(below, Measure(n_label or "n"), [float(c) for c in counts] + [float(min_n)])
        below.yaxis.label.set_size(NOTE)
        ax.tick_params(labelbottom=False)
        for side in ("top", "right"):
            below.spines[side].set_visible(False)
        below.tick_params(labelsize=NOTE)
    finish(ax, title, "; ".join(notes))
    return fig


def _bar_width(days: list[dt.date]) -> tuple[float | list[float], str]:
    """Bar widths in days and their alignment. Monthly bars cover most of their own month from
    its first day (a partial first month only up to the next), so they neither shrink to daily
    slivers nor overlap; daily and weekly bars as before, centred on their day."""
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    usual = sorted(gaps)[len(gaps) // 2] if gaps else 0
    if usual >= 28:
        return [0.85 * g for g in gaps + [usual]], "edge"
    return (0.8 if len(days) > 20 else 3), "center"
