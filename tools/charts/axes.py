"""How a chart's value axis reads for a person: the unit on the axis label, money with its
currency symbol, shares as percentages, counts and money from zero, and text that does not
run off the picture.

`Measure` says what the numbers are; `apply_measure` sets an axis from it. Charts take a
Measure instead of a unit string, so the same metric reads the same in every picture.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from typing import Literal

from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, MaxNLocator

MeasureKind = Literal["count", "money", "percent", "minutes", "hours", "days", "points", "score"]

# What the catalogue of KPIs calls a unit (tools/analytics/kpi_catalog.py) -> how it is drawn.
KPI_UNITS: dict[str, MeasureKind] = {"rate": "percent", "money": "money", "count": "count", "minutes": "minutes", "hours": "hours",
                                     "days": "days", "points": "points", "score": "score"}
# Alert series keep their own short units (tools/alerts/series.py): shares already x100.
ALERT_UNITS: dict[str, MeasureKind] = {"%": "percent", "points": "points", "/5": "score", "": "count",
                                       "min": "minutes", "h": "hours", "days": "days"}


@dataclass(frozen=True)
class Measure:
    """What a chart's values are. `fraction`: percentages given as 0..1 (KPI rates)."""

    name: str  # what is measured, in words: "customers", "revenue", "CSAT, 4-5 of 5"
    kind: MeasureKind = "count"
    symbol: str = ""  # currency symbol for money
    fraction: bool = False

    @property
    def from_zero(self) -> bool:
        """Counts, money, shares and durations are read against zero; a score (1-5) or NPS
        (-100..100) has its own scale."""
        return self.kind in ("count", "money", "percent", "minutes", "hours", "days")

    def axis_label(self) -> str:
        unit = {"money": self.symbol or "money", "percent": "%", "minutes": "minutes", "hours": "hours", "days": "days",
                "points": "points", "score": "score out of 5"}.get(self.kind, "")
        return f"{self.name}, {unit}" if unit else self.name

    def tick(self, value: float) -> str:
        v = value * 100 if self.fraction and self.kind == "percent" else value
        if self.kind == "money":
            return f"{'-' if v < 0 else ''}{self.symbol}{abs(v):,.0f}"
        if self.kind == "percent":
            return f"{v:.0f}%"
        if self.kind in ("minutes", "hours", "days", "score"):
            return f"{v:,.1f}".rstrip("0").rstrip(".")
        return f"{v:,.0f}"

    def value_text(self, value: float) -> str:
        """One value as a label on the chart: £1,234.50, 41%, 3.2 h, 1,234."""
        v = value * 100 if self.fraction and self.kind == "percent" else value
        if self.kind == "money":
            return f"{'-' if v < 0 else ''}{self.symbol}{abs(v):,.2f}"
        if self.kind == "percent":
            return f"{v:.0f}%" if abs(v) >= 10 else f"{v:.1f}%"
        if self.kind == "minutes":
            return f"{v:.1f} min"
        if self.kind == "hours":
            return f"{v:.1f} h"
        if self.kind == "days":
            return f"{v:.1f} days"
        if self.kind == "score":
            return f"{v:.2f}"
        return f"{v:,.0f}"


def kpi_measure(label: str, unit: str, symbol: str = "") -> Measure:
    """A KPI from the catalogue: its label and unit (rate, money, count, ...)."""
    return Measure(label, KPI_UNITS.get(unit, "count"), symbol, fraction=unit == "rate")


def alert_measure(label: str, unit: str) -> Measure:
    """An alert series: '%' (already x100), a currency symbol, 'points', 'h', ..."""
    kind = ALERT_UNITS.get(unit)
    if kind is None:
        return Measure(label, "money", unit) if len(unit) <= 3 else Measure(f"{label}, {unit}")
    return Measure(label, kind)


def apply_measure(ax: Axes, measure: Measure, values: list[float], *, axis: Literal["x", "y"] = "y") -> None:
    """Label the axis with its unit, format the ticks, and start it at zero when it should."""
    finite = [v for v in values if v is not None and not math.isnan(v)]
    top = max(finite, default=0.0)
    bottom = min(finite, default=0.0)
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(lambda v, _pos: measure.tick(v)))
    target.set_major_locator(MaxNLocator(nbins=6, integer=measure.kind == "count", min_n_ticks=3))
    (ax.set_ylabel if axis == "y" else ax.set_xlabel)(measure.axis_label(), fontsize=11)
    setter = ax.set_ylim if axis == "y" else ax.set_xlim
    if measure.from_zero:
        full = 1.0 if measure.fraction else 100.0
        upper = top * 1.15 if top > 0 else (full if measure.kind == "percent" else 1.0)
        if measure.kind == "percent" and top <= full:
            upper = min(upper, full * 1.04)  # room for a marker at 100%, no 120% tick
        setter(min(0.0, bottom * 1.15), upper)
    elif measure.kind == "score":
        setter(1.0, 5.0)


def wrap_title(text: str, width: int = 70) -> str:
    """Long titles wrap instead of running off the picture."""
    return "\n".join(textwrap.wrap(text, width)) or text


def shorten(text: str, limit: int) -> str:
    """A label cut to `limit` characters with an ellipsis, never silently."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
