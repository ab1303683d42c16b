"""Which chart fits a tool result, and the plain data tools/charts/journey.py draws it from.

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
_DATE = ("date", "day", "week", "period_start", "bucket")
_VALUE = ("value",)
_SENTIMENT = ("mean_sentiment", "sentiment", "mean")


@dataclass(frozen=True)
class ChartImage:
    png: bytes
    filename: str
    title: str


def _standard(result: Any) -> tuple[ChartKind, pd.DataFrame] | None:
    """The chart a result fits and its rows in standard columns: step/customers for a
    funnel, date/value for a trend, stage/mean/n for sentiment by stage."""
    stages = getattr(result, "stages", None)
    frame = _frame(result)
    if frame is None:
        if isinstance(stages, pd.DataFrame) and {"stage", "customers"} <= set(stages.columns) and len(stages):
            return "stages", stages.rename(columns={"stage": "step"})
        return None
    cols = set(frame.columns)
    date = _first(cols, _DATE)
    if date and "value" in cols:
        out = frame.rename(columns={date: "date"})
        return "trend", out
    if getattr(result, "by", None) == "stage" and {"group", "mean"} <= cols:
        # sentiment by stage (tools/feedback/sentiment.py): groups are stages, n is the scored texts
        n = "scored" if "scored" in cols else ("texts" if "texts" in cols else None)
        if n:
            out = frame.rename(columns={"group": "stage", n: "n"}).dropna(subset=["mean"])
            return ("sentiment", out) if len(out) else None
    if "stage" in cols and _first(cols, _SENTIMENT) and "n" in cols:
        return "sentiment", frame.rename(columns={_first(cols, _SENTIMENT): "mean"})
    count = _first(cols, _COUNT)
    if count:
        # A funnel's steps are labelled by `name` when `step` is the step number; with a
        # breakdown, the chart shows the first group (all customers, or the largest).
        label = "name" if "name" in cols and pd.api.types.is_numeric_dtype(frame.get("step")) else _first(cols, _STEP)
        if label:
            data = frame
            if "group" in cols and data["group"].nunique() > 1:
                data = data[data["group"] == data["group"].iloc[0]]
            return "funnel", data.rename(columns={label: "label", count: "customers"})
    if isinstance(stages, pd.DataFrame) and {"stage", "customers"} <= set(stages.columns) and len(stages):
        return "stages", stages.rename(columns={"stage": "label"})
    return None


def chart_kind(result: Any) -> ChartKind | None:
    found = _standard(result)
    return found[0] if found else None


def chart_for(result: Any) -> ChartImage | None:
    from tools.charts.journey import funnel_chart, kpi_trend_chart, sentiment_by_stage_chart

    found = _standard(result)
    if found is None:
        return None
    kind, data = found
    tool = getattr(getattr(result, "provenance", None), "tool", "result")
    period = getattr(getattr(result, "provenance", None), "period_label", None)
    suffix = f" ({period})" if period else ""
    if kind in ("funnel", "stages"):
        labels = data["label" if "label" in data.columns else "step"].astype(str).tolist()
        title = "Customers reaching each journey stage" if kind == "stages" else "Funnel"
        png = funnel_chart(labels, data["customers"].tolist(), title=title + suffix)
        name = "journey-stages.png" if kind == "stages" else f"{tool}-funnel.png"
        return ChartImage(png, name, title)
    if kind == "trend":
        metric = str(data["metric"].iloc[0]) if "metric" in data.columns and len(data) else \
            str(getattr(result, "metric", tool))
        data = data.sort_values("date")
        values = [None if pd.isna(v) else float(v) for v in data["value"]]
        png = kpi_trend_chart(pd.to_datetime(data["date"]).dt.date.tolist(), values,
                              title=metric.replace("_", " ").capitalize() + suffix)
        return ChartImage(png, f"{metric}-trend.png", f"{metric} trend")
    png = sentiment_by_stage_chart(data["stage"].astype(str).tolist(), data["mean"].astype(float).tolist(),
                                   data["n"].astype(int).tolist(), title="Sentiment by journey stage" + suffix)
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
