"""The chart that goes with an alert: the recent series, the expected value and its usual
range, and the days that broke the rule. Pure: plain numbers in, PNG bytes out (matplotlib's
object API on Agg, like the other charts, so alerts can be drawn on several threads).

Broken days are drawn as large crosses as well as in red, and the legend names every line,
so the picture reads without colour."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pandas as pd
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

from tools.charts.axes import alert_measure, apply_measure
from tools.charts.base import BAD, NOTE, figure, finish, png


def alert_chart_png(history: Sequence[dict[str, Any]], *, title: str, unit: str = "", subtitle: str = "") -> bytes:
    """history rows: date, value, expected, lower, upper, breach (as kept with a Finding);
    unit as alert series keep it: '%' (already x100), a currency symbol, 'points', 'h', ..."""
    return png(alert_chart_figure(history, title=title, unit=unit, subtitle=subtitle))


def alert_chart_figure(history: Sequence[dict[str, Any]], *, title: str, unit: str = "", subtitle: str = ""):  # noqa: ANN201
    frame = pd.DataFrame(list(history))
    fig = figure(height=3.6)
    ax = fig.add_subplot()
    # The axis names the metric alone: "Purchase conversion (channel x) — alert A1" -> the first part.
    measure = alert_measure(re.split(r" \(| —|, | on ", title)[0], unit)
    if frame.empty:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
        finish(ax, title, subtitle)
        return fig
    dates = pd.to_datetime(frame["date"])
    values = pd.to_numeric(frame["value"], errors="coerce")
    lower = pd.to_numeric(frame.get("lower"), errors="coerce")
    upper = pd.to_numeric(frame.get("upper"), errors="coerce")
    expected = pd.to_numeric(frame.get("expected"), errors="coerce")
    if measure.from_zero:  # a usual range below zero (or above 100%) is not a value anyone can see
        lower = lower.clip(lower=0)
        upper = upper.clip(upper=100) if measure.kind == "percent" else upper
    shown = list(values.dropna())
    if lower.notna().any() and upper.notna().any():
        ax.fill_between(dates, lower, upper, color="#9ecae1", alpha=0.35, label="usual range")
        shown += list(lower.dropna()) + list(upper.dropna())
    elif lower.notna().any() or upper.notna().any():
        line = lower if lower.notna().any() else upper
        ax.plot(dates, line, color=BAD, linestyle=":", linewidth=1, label="threshold")
        shown += list(line.dropna())
    if expected.notna().any():
        ax.plot(dates, expected, color="#3182bd", linestyle="--", linewidth=1, label="expected")
    ax.plot(dates, values, color="#252525", linewidth=1.4, marker="o", markersize=2.5, label="actual")
    broken = frame["breach"].astype(bool).to_numpy() if "breach" in frame else []
    if len(broken) and broken.any():
        ax.scatter(dates[broken], values[broken], color=BAD, marker="X", zorder=5, s=60, label="alert")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=NOTE, frameon=False, ncol=4)
    apply_measure(ax, measure, [float(v) for v in shown])
    locator = AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.grid(alpha=0.25)
    finish(ax, title, subtitle)
    return fig
