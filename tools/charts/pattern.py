"""When customers come: a KPI by weekday, hour of the day or month as columns, the highest and
the lowest marked, columns resting on a small sample hatched (tools/analytics/time_pattern.py
gives the numbers)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from tools.charts.axes import Measure, apply_measure
from tools.charts.base import BAR, LIGHT, MUTED, NOTE, SMALL_HATCH, figure, finish, png, same_length


def pattern_chart(labels: Sequence[str], values: Sequence[float | None], *, title: str, measure: Measure,
                  subtitle: str = "", ns: Sequence[int] | None = None, min_n: int = 0,
                  marked: Sequence[str] = ()) -> bytes:
    return png(pattern_figure(labels, values, title=title, measure=measure, subtitle=subtitle, ns=ns,
                              min_n=min_n, marked=marked))


def pattern_figure(labels: Sequence[str], values: Sequence[float | None], *, title: str, measure: Measure,
                   subtitle: str = "", ns: Sequence[int] | None = None, min_n: int = 0,
                   marked: Sequence[str] = ()) -> Figure:
    """One column per bucket in calendar order; `marked` (the highest and lowest named in the
    answer) drawn in the strong colour, the others pale; no column where nothing was measured."""
    same_length(list(labels), list(values), "labels", "values")
    vals = [math.nan if v is None else float(v) for v in values]
    fig = figure(height=4.2)
    ax = fig.add_subplot()
    x = list(range(len(vals)))
    small = [bool(ns is not None and min_n and ns[i] < min_n) for i in x]
    colours = [BAR if str(labels[i]) in marked else LIGHT for i in x]
    bars = ax.bar(x, [0.0 if math.isnan(v) else v for v in vals], color=colours)
    for bar, is_small in zip(bars, small, strict=True):
        if is_small:
            bar.set_hatch(SMALL_HATCH)
            bar.set_edgecolor(MUTED)
    many = len(vals) > 12  # 24 hours: every other label, upright numbers
    short = [str(s)[:5] if many else str(s)[:3] for s in labels]
    ax.set_xticks(x, [s if not many or i % 2 == 0 else "" for i, s in enumerate(short)])
    if not many:
        for xi, v in zip(x, vals, strict=True):
            if not math.isnan(v):
                ax.text(xi, v, measure.value_text(v), ha="center", va="bottom", fontsize=NOTE)
    finite = [v for v in vals if not math.isnan(v)]
    apply_measure(ax, measure, finite)
    if measure.kind == "count" and max(finite, default=0.0) < 10:
        # averages per occurrence (0.3 tickets an hour) need decimals a count axis would round to 0
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, min_n_ticks=3))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.2f}".rstrip("0").rstrip(".")))
    note = f"hatched: fewer than {min_n} behind the column" if any(small) else ""
    finish(ax, title, "; ".join(p for p in (subtitle, note) if p))
    return fig
