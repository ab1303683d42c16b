"""Charts as PNG bytes from plain data: the funnel, a KPI trend, sentiment by stage.

Pure functions: lists in, PNG bytes out, so the Slack app, the digest and the terminal draw
the same picture and tests can check it without a display. matplotlib's object API with the
Agg canvas is used instead of pyplot: pyplot keeps global state that is not safe when Slack
requests are answered on several threads at once.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from tools.core.errors import ToolInputError
from tools.core.money import unit_label

WIDTH_IN = 8.0
DPI = 110
BAR = "#3b6ea8"
GOOD = "#2e8540"
BAD = "#c0392b"
MUTED = "#8a8f98"


def funnel_chart(steps: Sequence[str], counts: Sequence[float], *, title: str = "Journey funnel") -> bytes:
    """Horizontal bars, first step on top, each labelled with its count and the share of the
    first step that reached it."""
    return _png(funnel_figure(steps, counts, title=title))


def funnel_figure(steps: Sequence[str], counts: Sequence[float], *, title: str = "Journey funnel") -> Figure:
    labels = [str(s) for s in steps]
    values = _numbers(counts, "counts")
    _same_length(labels, values, "steps", "counts")
    if any(v < 0 for v in values):
        raise ToolInputError("funnel counts cannot be negative")
    fig = _figure(height=1.2 + 0.55 * len(labels))
    ax = fig.add_subplot()
    y = list(range(len(labels)))[::-1]  # first step at the top
    ax.barh(y, values, color=BAR)
    ax.set_yticks(y, labels)
    first = values[0] or 1.0
    right = max(values) or 1.0
    for yi, v in zip(y, values, strict=True):
        ax.text(v + right * 0.01, yi, f"{v:,.0f}  ({v / first:.0%})", va="center", fontsize=9)
    ax.set_xlim(0, right * 1.25)
    ax.set_xlabel("customers")
    _finish(ax, title)
    return fig


def kpi_trend_chart(dates: Sequence[dt.date], values: Sequence[float | None], *, title: str,
                    unit: str = "") -> bytes:
    """A line over time; missing values (days without enough data) leave a gap."""
    return _png(kpi_trend_figure(dates, values, title=title, unit=unit))


def kpi_trend_figure(dates: Sequence[dt.date], values: Sequence[float | None], *, title: str,
                     unit: str = "") -> Figure:
    days = list(dates)
    numbers = [math.nan if v is None else float(v) for v in values]
    _same_length(days, numbers, "dates", "values")
    if all(math.isnan(v) for v in numbers):
        raise ToolInputError("the trend has no values to draw")
    fig = _figure(height=3.6)
    ax = fig.add_subplot()
    ax.plot(days, numbers, color=BAR, marker="o" if len(days) <= 31 else None, markersize=3)
    if unit:
        ax.set_ylabel(unit_label(unit))
    fig.autofmt_xdate()
    _finish(ax, title)
    return fig


def sentiment_by_stage_chart(stages: Sequence[str], means: Sequence[float], counts: Sequence[int],
                             *, title: str = "Sentiment by journey stage") -> bytes:
    """Bars from -1 (negative) to +1 (positive) per stage, each labelled with how many texts
    it rests on, so a bar built on three comments is not read like one built on three hundred."""
    return _png(sentiment_by_stage_figure(stages, means, counts, title=title))


def sentiment_by_stage_figure(stages: Sequence[str], means: Sequence[float], counts: Sequence[int],
                              *, title: str = "Sentiment by journey stage") -> Figure:
    labels = [str(s) for s in stages]
    values = _numbers(means, "means")
    ns = [int(n) for n in counts]
    _same_length(labels, values, "stages", "means")
    _same_length(labels, ns, "stages", "counts")
    if any(v < -1 or v > 1 for v in values):
        raise ToolInputError("sentiment means must lie between -1 and 1")
    fig = _figure(height=1.2 + 0.55 * len(labels))
    ax = fig.add_subplot()
    y = list(range(len(labels)))[::-1]
    ax.barh(y, values, color=[GOOD if v >= 0 else BAD for v in values])
    ax.set_yticks(y, labels)
    ax.axvline(0, color=MUTED, linewidth=0.8)
    for yi, v, n in zip(y, values, ns, strict=True):
        ax.text(v + (0.03 if v >= 0 else -0.03), yi, f"{v:+.2f} (n={n:,})", va="center",
                ha="left" if v >= 0 else "right", fontsize=9)
    ax.set_xlim(-1.3, 1.3)
    ax.set_xlabel("mean sentiment (-1 negative … +1 positive)")
    _finish(ax, title)
    return fig


def _numbers(values: Sequence[float], name: str) -> list[float]:
    out = []
    for v in values:
        f = float(v)
        if math.isnan(f) or math.isinf(f):
            raise ToolInputError(f"{name} must be finite numbers, got {v!r}")
        out.append(f)
    return out


def _same_length(a: Sequence[object], b: Sequence[object], a_name: str, b_name: str) -> None:
    if not a:
        raise ToolInputError(f"nothing to draw: {a_name} is empty")
    if len(a) != len(b):
        raise ToolInputError(f"{a_name} and {b_name} differ in length ({len(a)} vs {len(b)})")


def _figure(height: float) -> Figure:
    fig = Figure(figsize=(WIDTH_IN, min(max(height, 2.5), 12.0)), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _finish(ax, title: str) -> None:  # type: ignore[no-untyped-def]
    ax.set_title(title, loc="left", fontsize=12)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.figure.tight_layout()


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    # No software/date metadata: the same data gives the same bytes.
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()
