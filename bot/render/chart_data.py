"""Which chart fits a tool result, and the plain data tools/charts.py draws it from.

The result types differ per analysis; what they share is `to_frame()`, the rows behind the
numbers. A result is charted from the columns of that frame:

- a funnel: an ordered step column (step | stage | touchpoint) and a count (customers);
- a KPI trend: a date column (date | day | week | period_start) and a value column;
- sentiment by stage: a stage column, a mean sentiment (mean_sentiment | sentiment | mean) and n;
- the data overview (describe_data): customers reaching each journey stage.

Anything else has no chart, and the "Show chart" button is not offered for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

ChartKind = Literal["funnel", "trend", "sentiment", "stages"]

_STEP = ("step", "stage", "touchpoint")
_COUNT = ("customers", "reached", "count")
_DATE = ("date", "day", "week", "period_start")
_VALUE = ("value",)
_SENTIMENT = ("mean_sentiment", "sentiment", "mean")


@dataclass(frozen=True)
class ChartImage:
    png: bytes
    filename: str
    title: str


def chart_kind(result: Any) -> ChartKind | None:
    frame = _frame(result)
    if frame is None:
        return None
    cols = set(frame.columns)
    if _first(cols, _DATE) and _first(cols, _VALUE):
        return "trend"
    if "stage" in cols and _first(cols, _SENTIMENT) and "n" in cols:
        return "sentiment"
    if _first(cols, _STEP) and _first(cols, _COUNT):
        return "funnel"
    stages = getattr(result, "stages", None)
    if isinstance(stages, pd.DataFrame) and {"stage", "customers"} <= set(stages.columns) and len(stages):
        return "stages"
    return None


def chart_for(result: Any) -> ChartImage | None:
    from tools.charts import funnel_chart, kpi_trend_chart, sentiment_by_stage_chart

    kind = chart_kind(result)
    if kind is None:
        return None
    tool = getattr(getattr(result, "provenance", None), "tool", "result")
    period = getattr(getattr(result, "provenance", None), "period_label", None)
    suffix = f" ({period})" if period else ""
    if kind == "stages":
        stages = result.stages
        png = funnel_chart(stages["stage"].tolist(), stages["customers"].tolist(),
                           title="Customers reaching each journey stage" + suffix)
        return ChartImage(png, "journey-stages.png", "Customers reaching each journey stage")
    frame = _frame(result)
    if frame is None:
        return None
    cols = set(frame.columns)
    if kind == "funnel":
        step, count = _first(cols, _STEP), _first(cols, _COUNT)
        png = funnel_chart(frame[step].astype(str).tolist(), frame[count].tolist(), title="Funnel" + suffix)
        return ChartImage(png, f"{tool}-funnel.png", "Funnel")
    if kind == "trend":
        date, value = _first(cols, _DATE), _first(cols, _VALUE)
        metric = str(frame["metric"].iloc[0]) if "metric" in cols and len(frame) else tool
        data = frame.sort_values(date)
        values = [None if pd.isna(v) else float(v) for v in data[value]]
        png = kpi_trend_chart(pd.to_datetime(data[date]).dt.date.tolist(), values,
                              title=metric.replace("_", " ").capitalize() + suffix)
        return ChartImage(png, f"{metric}-trend.png", f"{metric} trend")
    mean = _first(cols, _SENTIMENT)
    png = sentiment_by_stage_chart(frame["stage"].astype(str).tolist(), frame[mean].astype(float).tolist(),
                                   frame["n"].astype(int).tolist(), title="Sentiment by journey stage" + suffix)
    return ChartImage(png, "sentiment-by-stage.png", "Sentiment by journey stage")


def data_frame(result: Any) -> pd.DataFrame | None:
    """The rows behind a result for "Show the data"; None when it has none."""
    return _frame(result)


def _frame(result: Any) -> pd.DataFrame | None:
    to_frame = getattr(result, "to_frame", None)
    if to_frame is None:
        return None
    try:
        frame = to_frame()
    except Exception:  # a result that cannot show its rows simply offers no button
        return None
    return frame if isinstance(frame, pd.DataFrame) and len(frame) else None


def _first(cols: set[str], names: tuple[str, ...]) -> str | None:
    return next((n for n in names if n in cols), None)
