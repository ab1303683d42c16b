"""Which chart fits a tool result, and the plain data tools/charts/ draws it from.

The result types differ per analysis; what they share is `to_frame()`, the rows behind the
numbers. A result is charted from the columns of that frame:

- a funnel: an ordered step column (step | stage | touchpoint) and a count (customers); with a
  breakdown (`by`), one small funnel per group;
- a KPI trend: a date column (date | day | week | period_start | bucket) and a value column,
  drawn in the KPI's unit with the n behind each point when the frame has it;
- sentiment by stage: a stage column, a mean sentiment (mean_sentiment | sentiment | mean) and n;
- the data overview (describe_data): customers reaching each journey stage;
- when customers come (time_pattern): one column per weekday, hour or month (its `occurrences`
  column tells it from a trend, whose `bucket` is a date).

Anything else has no chart, and the "Show chart" button is not offered for it. Titles name
what is drawn; the period goes in the subtitle, so titles never nest brackets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

ChartKind = Literal["funnel", "trend", "sentiment", "stages", "pattern"]

_STEP = ("step", "stage", "touchpoint")
_COUNT = ("customers", "reached", "count")
_DATE = ("date", "day", "week", "period_start", "bucket")
_SENTIMENT = ("mean_sentiment", "sentiment", "mean")
MAX_PANELS = 6  # small funnels per chart; more groups are named in the subtitle


@dataclass(frozen=True)
class ChartImage:
    png: bytes
    filename: str
    title: str


@dataclass(frozen=True)
class ChartFigure:
    """A chart before it becomes PNG bytes, for tests that look at what is drawn."""

    figure: Any  # matplotlib Figure
    filename: str
    title: str


def _standard(result: Any) -> tuple[ChartKind, pd.DataFrame] | None:
    """The chart a result fits and its rows in standard columns: label/customers (and group) for
    a funnel, date/value for a trend, stage/mean/n for sentiment by stage."""
    stages = getattr(result, "stages", None)
    frame = _frame(result)
    if frame is None:
        if isinstance(stages, pd.DataFrame) and {"stage", "customers"} <= set(stages.columns) and len(stages):
            return "stages", stages.rename(columns={"stage": "label"})
        return None
    cols = set(frame.columns)
    if {"occurrences", "label", "value"} <= cols:
        return "pattern", frame
    date = _first(cols, _DATE)
    if date and "value" in cols:
        return "trend", frame.rename(columns={date: "date"})
    if getattr(result, "by", None) == "stage" and {"group", "mean"} <= cols:
        # sentiment by stage (tools/feedback/sentiment.py): groups are stages, n is the scored texts
        n = "scored" if "scored" in cols else ("texts" if "texts" in cols else None)
        if n:
            if _no_split(result):  # one bar of texts with no stage is no chart of stages
                return None
            # here, not at the top: the feedback and journey stores' imports are heavy
            from tools.analytics.group_gaps import shown as label
            from tools.feedback.sentiment import TEXT_GROUPS

            out = frame.rename(columns={"group": "stage", n: "n"}).dropna(subset=["mean"])
            out = out.assign(stage=out["stage"].map(lambda g: label(g, "stage", TEXT_GROUPS)))
            return ("sentiment", out) if len(out) else None
    if "stage" in cols and _first(cols, _SENTIMENT) and "n" in cols:
        return "sentiment", frame.rename(columns={_first(cols, _SENTIMENT): "mean"})
    count = _first(cols, _COUNT)
    if count:
        # A funnel's steps are labelled by `name` when `step` is the step number.
        label = "name" if "name" in cols and pd.api.types.is_numeric_dtype(frame.get("step")) else _first(cols, _STEP)
        if label:
            return "funnel", frame.rename(columns={label: "label", count: "customers"})
    if isinstance(stages, pd.DataFrame) and {"stage", "customers"} <= set(stages.columns) and len(stages):
        return "stages", stages.rename(columns={"stage": "label"})
    return None


def _no_split(result: Any) -> bool:
    """Every row of the split is in the blank group (the result's `gap`, group_gaps.py): the text
    says so with the splits there are, and a chart of that one group would read as a result."""
    gap = getattr(result, "gap", None)
    return bool(getattr(gap, "empty", False))


def chart_kind(result: Any) -> ChartKind | None:
    found = _standard(result)
    return found[0] if found else None


def chart_for(result: Any) -> ChartImage | None:
    from tools.charts.base import png

    drawn = figure_for(result)
    return None if drawn is None else ChartImage(png(drawn.figure), drawn.filename, drawn.title)


def figure_for(result: Any) -> ChartFigure | None:
    found = _standard(result)
    if found is None:
        return None
    kind, data = found
    prov = getattr(result, "provenance", None)
    tool = getattr(prov, "tool", "result")
    period = getattr(prov, "period_label", None) or ""
    if kind == "funnel":
        return _funnel(result, data, tool, period)
    if kind == "stages":
        from tools.charts.journey import stage_counts_figure

        title = "Customers with an event at each journey stage"
        fig = stage_counts_figure(data["label"].astype(str).tolist(), data["customers"].tolist(), title=title,
                                  subtitle=period or "all data")
        return ChartFigure(fig, "journey-stages.png", title)
    if kind == "trend":
        return _trend(result, data, tool, period)
    if kind == "pattern":
        return _pattern(result, data, period)
    from tools.charts.journey import sentiment_by_stage_figure

    title = "How customers feel at each stage"
    fig = sentiment_by_stage_figure(data["stage"].astype(str).tolist(), data["mean"].astype(float).tolist(),
                                    data["n"].astype(int).tolist(), title=title, subtitle=period)
    return ChartFigure(fig, "sentiment-by-stage.png", title)


def _funnel(result: Any, data: pd.DataFrame, tool: str, period: str) -> ChartFigure:
    from tools.analytics.group_gaps import shown as label
    from tools.analytics.group_gaps import word
    from tools.charts.journey import funnel_figure, grouped_funnel_figure

    by = getattr(result, "by", None)
    if "group" in data.columns and by and data["group"].nunique() > 1 and not _no_split(result):
        groups = data[data["group"] != "all customers"]
        order = groups.groupby("group", sort=False)["customers"].first().sort_values(ascending=False)
        shown = list(order.index[:MAX_PANELS])
        counts = [groups.loc[groups["group"] == g, "customers"].tolist() for g in shown]
        steps = groups.loc[groups["group"] == shown[0], "label"].astype(str).tolist()
        dimension = word(by)
        left = len(order) - len(shown)
        subtitle = period + (f"; {left} smaller group{'s' if left > 1 else ''} not shown" if left else "")
        title = f"Funnel by {dimension}"
        fig = grouped_funnel_figure(steps, [label(g, by) for g in shown], counts, title=title, subtitle=subtitle)
        return ChartFigure(fig, f"{tool}-funnel-by-{by}.png", title)
    if "group" in data.columns:
        data = data[data["group"] == data["group"].iloc[0]]
    title = "Funnel: customers reaching each step"
    fig = funnel_figure(data["label"].astype(str).tolist(), data["customers"].tolist(), title=title, subtitle=period)
    return ChartFigure(fig, f"{tool}-funnel.png", title)


def _trend(result: Any, data: pd.DataFrame, tool: str, period: str) -> ChartFigure:
    from tools.analytics.kpi_catalog import SPECS
    from tools.charts.axes import Measure, kpi_measure
    from tools.charts.trend import kpi_trend_figure
    from tools.core.money import currency_symbol

    metric = str(data["metric"].iloc[0]) if "metric" in data.columns and len(data) else \
        str(getattr(result, "metric", tool))
    spec = SPECS.get(metric)
    label = getattr(result, "label", None) or (spec.label if spec else metric.replace("_", " ").capitalize())
    if spec is not None:
        measure = kpi_measure(label, spec.unit, currency_symbol(getattr(result, "currency", "GBP")))
    else:
        measure = Measure(label)
    data = data.sort_values("date")
    values = [None if pd.isna(v) else float(v) for v in data["value"]]
    grain = getattr(result, "grain", "")
    ns = data["n"].fillna(0).astype(int).tolist() if "n" in data.columns else None
    # Sums (revenue, orders) are not a sample; rates, means and medians rest on their n.
    min_n = 30 if spec is not None and spec.kind != "total" else 0
    partial = data["partial"].fillna(False).astype(bool).tolist() if "partial" in data.columns else None
    title = f"{label} by {grain}" if grain else label
    fig = kpi_trend_figure(pd.to_datetime(data["date"]).dt.date.tolist(), values, title=title, measure=measure,
                           subtitle=period, ns=ns, n_label=spec.n_label if spec else "", min_n=min_n,
                           partial=partial)
    return ChartFigure(fig, f"{metric}-trend.png", title)


def _pattern(result: Any, data: pd.DataFrame, period: str) -> ChartFigure:
    from tools.analytics.kpi_catalog import SPECS
    from tools.charts.axes import kpi_measure
    from tools.charts.pattern import pattern_figure
    from tools.core.money import currency_symbol

    spec = SPECS[result.metric]
    per = {"weekday": "a day", "hour": "an hour", "month": "a day"}[result.by]
    count = spec.kind == "total"
    label = f"{spec.label} {per} on average" if count else spec.label
    measure = kpi_measure(label, spec.unit, currency_symbol(getattr(result, "currency", "GBP")))
    title = f"{spec.label} by {'day of the week' if result.by == 'weekday' else result.by}"
    values = [None if pd.isna(v) else float(v) for v in data["value"]]
    marked = [m for m in (result.highest, result.lowest) if m and result.verdict in ("clear", "tied")]
    fig = pattern_figure(data["label"].astype(str).tolist(), values, title=title, measure=measure,
                         subtitle=f"{period}; {result.timezone} time", ns=data["n"].astype(int).tolist(),
                         min_n=0 if count else 30, marked=marked)
    return ChartFigure(fig, f"{result.metric}-by-{result.by}.png", title)


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
