"""KPIs over time: daily or weekly series, period over period, and who moved a KPI most.

    kpi_series(store, ["nps", "csat"], period="last_180_days", grain="day") -> DataFrame
    trend(store, TrendParams(metric="aov", grain="week")) -> TrendResult
    compare(store, CompareParams(period=Period(name="this_month"))) -> CompareResult
    top_movers(store, MoversParams(metric="revenue", by="channel")) -> MoversResult

Series, comparisons and movers all run on the same SQL as the headline KPIs
(tools/analytics/kpi_sql.py), grouped by day, week or breakdown value, so a point of a daily series
equals the KPI of that one day (web sessions crossing midnight count on the day they began). Days and weeks are calendar days in the business time zone;
weeks start on Monday and partial weeks at the ends of the period are flagged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import duckdb
import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from tools.analytics import kpi_sql
from tools.analytics.filters import DIMENSION_LABELS, Dimension, Filters
from tools.analytics.kpi_catalog import (
    ARROWS,
    METRICS,
    SPECS,
    Metric,
    MetricSpec,
    assessment,
    direction,
    format_change,
    format_relative,
    format_value,
    normalize_metric,
)
from tools.analytics.kpis import (
    KpiSettings,
    Scope,
    _who_text,
    check_inside,
    describe_definition,
    kpi_notes,
    kpi_values,
    metric_names,
    open_scope,
    snapshot,
    unique_metrics,
)
from tools.analytics.periods import Period, ResolvedPeriod, previous_calendar
from tools.core.errors import NoDataError, ToolInputError
from tools.core.results import Provenance, ResultMixin
from tools.data.store import JourneyStore

__all__ = [
    "kpi_series", "TrendParams", "TrendResult", "trend", "CompareParams", "CompareResult",
    "compare", "MoversParams", "MoversResult", "top_movers",
]

SERIES_COLUMNS = ["bucket", "grp", "metric", "value", "n", "num", "den", "median", "excluded",
                  "days", "partial"]
_SPARKS = "▁▂▃▄▅▆▇█"


# -- series --------------------------------------------------------------------------------

def kpi_series(store: JourneyStore, metrics: list[str], *, period: Period | str | None = "last_90_days",
               grain: Literal["day", "week"] = "day", filters: Filters | None = None,
               settings: KpiSettings | None = None, by: str | None = None,
               churn_window_days: int | None = None, cart_window_hours: int | None = None) -> pd.DataFrame:
    """Every bucket of the period for every metric (and group, with `by`), in one grouped query
    per metric family: bucket, grp, metric, value, n, num, den, median, excluded, days, partial.

    Buckets without data have n=0 and no value (totals such as revenue are 0). This is the
    function for backtests: 180 days of several KPIs cost a handful of queries."""
    metrics = _check_series_args(metrics, grain)
    with open_scope(store, period, filters, settings, churn_window_days, cart_window_hours) as (con, scope):
        return series_on(con, scope, metrics, grain, by)


def _check_series_args(metrics: list[str], grain: str) -> list[str]:
    if grain not in ("day", "week"):
        raise ToolInputError(f"grain must be 'day' or 'week', got {grain!r}")
    metrics = [str(normalize_metric(m)) for m in metrics]
    unknown = [m for m in metrics if m not in SPECS]
    if unknown:
        raise ToolInputError(f"Unknown metric(s) {', '.join(map(repr, unknown))}; metrics are: {', '.join(METRICS)}")
    return list(dict.fromkeys(metrics))


def series_on(con: duckdb.DuckDBPyConnection, scope: Scope, metrics: list[str],
              grain: Literal["day", "week"], by: str | None = None) -> pd.DataFrame:
    who = kpi_sql.prepare_who(con, scope.filters, by)
    try:
        frame = scope.frame(grain, who=who)
        long = kpi_sql.compute(con, frame, metrics)
    finally:
        kpi_sql.drop_who(con, who)
    buckets = frame.buckets()
    groups = sorted(set(long["grp"])) if by is not None else ["all"]
    grid = pd.MultiIndex.from_product([buckets, groups, metrics], names=["bucket", "grp", "metric"])
    full = long.set_index(["bucket", "grp", "metric"]).reindex(grid).reset_index()
    totals = full["metric"].map(lambda m: SPECS[m].kind == "total")
    full["value"] = full["value"].where(full["value"].notna() | ~totals, 0.0)
    full["n"] = full["n"].fillna(0).astype("int64")
    full["excluded"] = full["excluded"].fillna(0).astype("int64")
    ends = buckets[1:] + [frame.end_day]
    days = pd.Series([(b - a).days for a, b in zip(buckets, ends, strict=True)], index=buckets)
    full["days"] = full["bucket"].map(days).astype("int64")
    full["partial"] = (full["days"] < 7) if grain == "week" else False
    return full[SERIES_COLUMNS]


class TrendParams(BaseModel):
    """One KPI as a daily or weekly series over a period, with the sample size per point.

    Examples:
    - "How has our NPS moved week by week this quarter?" ->
      {"metric": "nps", "grain": "week", "period": {"name": "this_quarter"}}
    - "Daily conversion over the last 30 days" ->
      {"metric": "purchase_conversion", "grain": "day", "period": {"name": "last_30_days"}}
    - "Is the average order of our VIPs going up?" ->
      {"metric": "aov", "grain": "week", "filters": {"segment": ["vip"]}}
    """

    model_config = ConfigDict(extra="forbid")

    metric: Metric = Field(description="The KPI to follow over time.")

    _alias = field_validator("metric", mode="before")(lambda cls, v: normalize_metric(v))
    grain: Literal["day", "week"] = Field(
        default="week", description="One point per calendar day or per week (weeks start Monday).")
    period: Period = Field(default_factory=lambda: Period(name="last_90_days"),
                           description="Period the series covers.")
    filters: Filters = Field(default_factory=Filters, description="Only these customers.")
    churn_window_days: int | None = Field(default=None, ge=7, le=730,
                                          description="Churn window in days (default from config).")
    cart_window_hours: int | None = Field(default=None, ge=1, le=168,
                                          description="Cart window in hours (default from config).")


@dataclass(frozen=True)
class TrendResult(ResultMixin):
    metric: str
    label: str
    unit: str
    grain: str
    series: pd.DataFrame  # bucket, value, n, days, partial
    currency: str
    latest: float | None
    previous: float | None  # the point before the latest
    mean: float | None  # over the points with data (rates: pooled over the whole period)
    provenance: Provenance = field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        return self.series.copy()

    def to_text(self) -> str:
        s = SPECS[self.metric]
        head = "day" if self.grain == "day" else "week of"
        lines = [f"{self.label} by {self.grain}, {self.provenance.period_label}"
                 f"{_who_text(self.provenance.filters)}"]
        spark = sparkline(self.series["value"])
        if spark:
            lines.append(spark)
        lines.append("")
        lines.append(f"{head:<12}{'value':>12}{'n':>9}")
        shown = self.series if len(self.series) <= 20 else self.series.tail(14)
        if len(shown) < len(self.series):
            lines.append(f"(... {len(self.series) - len(shown)} earlier {self.grain}s; to_frame() has all)")
        for r in shown.itertuples():
            part = f"  partial: {r.days} days" if r.partial else ""
            lines.append(f"{str(r.bucket):<12}{format_value(s, r.value, self.currency):>12}"
                         f"{r.n:>9,}{part}")
        lines.append("")
        d = None if self.latest is None or self.previous is None else self.latest - self.previous
        summary = f"Latest {format_value(s, self.latest, self.currency)}"
        if d is not None:
            dd = direction(d, s)
            if dd == "flat":
                summary += f", no change on the {self.grain} before"
            else:
                summary += (f", {ARROWS[dd or 'flat']} {format_change(s, d, self.currency)} on the "
                            f"{self.grain} before")
                verdict = assessment(s, d)
                summary += f" ({verdict})" if verdict in ("better", "worse") else ""
        summary += f"; average {format_value(s, self.mean, self.currency)}."
        lines.append(summary)
        lines.append(self.provenance.to_text())
        return "\n".join(lines)


def sparkline(values: pd.Series) -> str:
    """▁▂▅█ from a series; gaps are spaces."""
    v = pd.to_numeric(values, errors="coerce").astype(float)
    ok = v.dropna()
    if ok.empty:
        return ""
    lo, hi = ok.min(), ok.max()
    span = hi - lo
    out = []
    for x in v:
        if np.isnan(x):
            out.append(" ")
        else:
            out.append(_SPARKS[int(round((x - lo) / span * (len(_SPARKS) - 1))) if span else 3])
    return "".join(out)


def change_phrase(s: MetricSpec, delta: float | None, currency: str = "GBP") -> str:
    """'↓ -1.2 pp, worse', 'no change' or '' when unknown."""
    d = direction(delta, s)
    if d is None:
        return ""
    if d == "flat":
        return "no change"
    verdict = assessment(s, delta)
    text = f"{ARROWS[d]} {format_change(s, delta, currency)}"
    return text + (f", {verdict}" if verdict in ("better", "worse") else "")


def trend(store: JourneyStore, params: TrendParams, settings: KpiSettings | None = None) -> TrendResult:
    """A KPI as a daily or weekly series with n per point."""
    settings = settings or KpiSettings()
    with open_scope(store, params.period, params.filters, settings,
                    params.churn_window_days, params.cart_window_hours) as (con, scope):
        check_inside(scope)
        series = series_on(con, scope, [params.metric], params.grain)
    if int(series["n"].sum()) == 0 and SPECS[params.metric].kind != "total":
        raise NoDataError(
            f"No data for {SPECS[params.metric].label} in {scope.period.label} "
            f"(data covers {scope.data_start} to {scope.as_of})."
        )
    s = SPECS[params.metric]
    out = series[["bucket", "value", "n", "days", "partial"]].reset_index(drop=True)
    with_data = out[out["n"] > 0] if s.kind != "total" else out
    latest = _f(with_data["value"].iloc[-1]) if len(with_data) else None
    previous = _f(with_data["value"].iloc[-2]) if len(with_data) > 1 else None
    mean = _pooled(series, s)
    prov = Provenance(
        tool="trend",
        definition=f"{s.label}: {s.definition}; one point per {params.grain} "
        f"({'Monday to Sunday' if params.grain == 'week' else 'calendar day'}, {scope.timezone}); "
        + describe_definition(scope),
        params=params.model_dump(mode="json", exclude_none=True),
        filters=scope.filters.active(),
        period_start=scope.period.start, period_end=scope.period.end,
        period_label=scope.period.label,
        tables=(),
        row_counts={"points": len(out), "points_with_data": int((out["n"] > 0).sum())},
        notes=tuple(_series_notes(out, params.grain)),
    )
    return TrendResult(params.metric, s.label, s.unit, params.grain, out, settings.currency,
                       latest, previous, mean, prov)


def _pooled(series: pd.DataFrame, s: MetricSpec) -> float | None:
    if s.kind in ("rate", "mean"):
        den = series["den"].sum()
        return float(series["num"].sum() / den) if den else None
    vals = series.loc[series["n"] > 0, "value"] if s.kind != "total" else series["value"]
    return float(vals.mean()) if len(vals.dropna()) else None


def _series_notes(series: pd.DataFrame, grain: str) -> list[str]:
    notes = []
    empty = int((series["n"] == 0).sum())
    if empty:
        notes.append(f"{empty} {grain}(s) without data show no value")
    if grain == "week" and series["partial"].any():
        notes.append("partial weeks at the ends of the period are flagged; compare them with care")
    return notes


def _f(x: object) -> float | None:
    if x is None or pd.isna(x):  # type: ignore[arg-type]
        return None
    return float(x)  # type: ignore[arg-type]


# -- period over period ---------------------------------------------------------------------

class CompareParams(BaseModel):
    """KPIs in a period against the period before: absolute and relative change, and whether
    the change is good or bad for the business (churn up is bad, CSAT up is good).

    Examples:
    - "How does this month compare with last month?" -> {"period": {"name": "this_month"}}
    - "Did conversion drop this week?" ->
      {"metrics": ["purchase_conversion"], "period": {"name": "this_week"}}
    - "Compare CSAT in May with April" -> {"metrics": ["csat"],
      "period": {"start": "2026-05-01", "end": "2026-05-31"},
      "against": {"start": "2026-04-01", "end": "2026-04-30"}}
    """

    model_config = ConfigDict(extra="forbid")

    metrics: list[Metric] | None = Field(default=None, min_length=1, max_length=len(METRICS),
                                         description="KPIs to compare; leave empty for all.")
    period: Period = Field(default_factory=lambda: Period(name="last_30_days"),
                           description="The period to look at.")
    against: Period | None = Field(
        default=None, description="The period to compare with. Default: the one before (this "
        "month -> the same days of last month, this week -> last week, last 30 days -> the 30 "
        "days before).")
    filters: Filters = Field(default_factory=Filters, description="Only these customers.")
    churn_window_days: int | None = Field(default=None, ge=7, le=730,
                                          description="Churn window in days (default from config).")
    cart_window_hours: int | None = Field(default=None, ge=1, le=168,
                                          description="Cart window in hours (default from config).")

    _aliases = field_validator("metrics", mode="before")(lambda cls, v: metric_names(v))
    _unique = field_validator("metrics")(lambda cls, v: unique_metrics(v))


@dataclass(frozen=True)
class CompareResult(ResultMixin):
    rows: pd.DataFrame  # metric, label, current, previous, change, relative_change, direction,
    #                      assessment, n_current, n_previous, small_sample
    current_label: str
    previous_label: str
    currency: str
    provenance: Provenance = field(repr=False)

    def row(self, metric: str) -> dict:
        hit = self.rows[self.rows["metric"] == metric]
        if hit.empty:
            raise KeyError(f"{metric!r} was not compared")
        return hit.iloc[0].to_dict()

    def to_frame(self) -> pd.DataFrame:
        return self.rows.copy()

    def to_text(self) -> str:
        lines = [f"{self.current_label}", f"  vs {self.previous_label}"
                 f"{_who_text(self.provenance.filters)}", ""]
        width = max(len(x) for x in self.rows["label"]) + 2
        lines.append(f"  {'':<{width}}{'now':>12}{'before':>12}   change")
        for r in self.rows.itertuples():
            s = SPECS[r.metric]
            change = ""
            if r.direction == "flat":
                change = f"{ARROWS['flat']} no change"
            elif isinstance(r.direction, str):
                change = f"{ARROWS[r.direction]} {format_change(s, _f(r.change), self.currency)}"
                rel = format_relative(_f(r.relative_change))
                if rel and s.unit not in ("points",):
                    change += f" ({rel})"
                if r.assessment in ("better", "worse"):
                    change += f"  {r.assessment}"
            if r.small_sample:
                change += "  (small sample)"
            lines.append(f"  {r.label:<{width}}{format_value(s, _f(r.current), self.currency):>12}"
                         f"{format_value(s, _f(r.previous), self.currency):>12}   {change}".rstrip())
        lines.append("")
        lines.append(self.provenance.to_text())
        return "\n".join(lines)


def resolve_against(scope: Scope, period: Period, against: Period | None) -> ResolvedPeriod:
    if against is not None:
        return scope.resolve(against)
    if period.name == "all":
        raise ToolInputError("'all' has no period before it; choose a period such as "
                             "this_month or last_30_days, or give `against` explicitly")
    if period.name is None:
        return scope.period.previous()
    return previous_calendar(period, scope.as_of, scope.timezone)


def compare(store: JourneyStore, params: CompareParams | None = None,
            settings: KpiSettings | None = None) -> CompareResult:
    """KPIs of a period against the previous one, with absolute and relative change."""
    params = params or CompareParams()
    settings = settings or KpiSettings()
    metrics = list(params.metrics) if params.metrics else list(METRICS)
    with open_scope(store, params.period, params.filters, settings,
                    params.churn_window_days, params.cart_window_hours) as (con, scope):
        before = resolve_against(scope, params.period, params.against)
        check_inside(scope)
        now_long, now_rows, _ = snapshot(con, scope, metrics)
        then_long, then_rows, _ = snapshot(con, scope, metrics, period=before)
    now = kpi_values(now_long, metrics, settings)
    then = kpi_values(then_long, metrics, settings)
    rows = []
    for a, b in zip(now, then, strict=True):
        s = SPECS[a.metric]
        change = None if a.value is None or b.value is None else a.value - b.value
        rel = None if change is None or not b.value else change / abs(b.value)
        rows.append({
            "metric": a.metric, "label": a.label, "current": a.value, "previous": b.value,
            "change": change, "relative_change": rel, "direction": direction(change, s),
            "assessment": assessment(s, change), "n_current": a.n, "n_previous": b.n,
            "excluded_current": a.excluded, "small_sample": a.small_sample or b.small_sample,
        })
    notes = kpi_notes(scope, now, scope.period.first_day)
    if sum(then_rows.values()) == 0:
        notes.append(f"no data in {before.label}: nothing to compare with")
    prov = Provenance(
        tool="compare",
        definition=f"each KPI in {scope.period.label} minus the same KPI in {before.label}; "
        "relative change = change / |previous|; " + describe_definition(scope),
        params=params.model_dump(mode="json", exclude_none=True),
        filters=scope.filters.active(),
        period_start=scope.period.start, period_end=scope.period.end,
        period_label=f"{scope.period.label} vs {before.label}",
        tables=tuple(now_rows),
        row_counts={**{f"{k} now": v for k, v in now_rows.items()},
                    **{f"{k} before": v for k, v in then_rows.items()}},
        notes=tuple(notes),
    )
    return CompareResult(pd.DataFrame(rows), scope.period.label, before.label, settings.currency, prov)


# -- top movers ----------------------------------------------------------------------------

class MoversParams(BaseModel):
    """Which segment, channel or other group moved a KPI most between two periods, and how
    much of the overall change each group explains.

    Examples:
    - "Which channel drove the change in revenue this month?" ->
      {"metric": "revenue", "by": "channel", "period": {"name": "this_month"}}
    - "Why did conversion drop this week? Any segment in particular?" ->
      {"metric": "purchase_conversion", "by": "segment", "period": {"name": "this_week"}}
    - "Which cities got unhappier in the last 30 days?" -> {"metric": "csat", "by": "city"}
    """

    model_config = ConfigDict(extra="forbid")

    metric: Metric = Field(description="The KPI whose change to explain.")

    _alias = field_validator("metric", mode="before")(lambda cls, v: normalize_metric(v))
    by: Dimension = Field(default="channel", description="Group customers by this dimension "
                          "(channel = first-touch channel).")
    period: Period = Field(default_factory=lambda: Period(name="last_30_days"),
                           description="The period to look at.")
    against: Period | None = Field(default=None, description="The period to compare with; "
                                   "default: the one before.")
    filters: Filters = Field(default_factory=Filters, description="Only these customers.")
    min_n: int | None = Field(default=None, ge=1, le=1_000_000, description="Ignore groups with "
                              "fewer than this many in both periods (default from config, 30).")
    top: int = Field(default=5, ge=1, le=50, description="How many groups to list.")
    churn_window_days: int | None = Field(default=None, ge=7, le=730,
                                          description="Churn window in days (default from config).")
    cart_window_hours: int | None = Field(default=None, ge=1, le=168,
                                          description="Cart window in hours (default from config).")


@dataclass(frozen=True)
class MoversResult(ResultMixin):
    metric: str
    label: str
    by: str
    current: float | None
    previous: float | None
    change: float | None
    groups: pd.DataFrame  # group, current, previous, change, n_current, n_previous,
    #   share_current, share_previous, contribution, rate_effect, mix_effect, small, thin
    #   (sorted: biggest mover first; groups small in both periods last)
    top: int
    min_n: int
    currency: str
    current_label: str
    previous_label: str
    provenance: Provenance = field(repr=False)

    def to_frame(self) -> pd.DataFrame:
        return self.groups.copy()

    @property
    def movers(self) -> pd.DataFrame:
        """The ranked groups big enough to count, at most `top` of them."""
        return self.groups[~self.groups["small"]].head(self.top)

    def to_text(self) -> str:
        s = SPECS[self.metric]
        dim = DIMENSION_LABELS.get(self.by, self.by)
        lines = [f"What moved {self.label}, by {dim}: {self.current_label} vs {self.previous_label}"
                 f"{_who_text(self.provenance.filters)}"]
        overall = (f"Overall {format_value(s, self.previous, self.currency)} -> "
                   f"{format_value(s, self.current, self.currency)}")
        if direction(self.change, s) is not None:
            overall += f" ({change_phrase(s, self.change, self.currency)})"
        lines += [overall, ""]
        movers = self.movers
        if movers.empty:
            lines.append("No group is big enough in both periods to rank.")
        else:
            width = max(12, max(len(str(g)) for g in movers["group"]) + 2)
            has_contrib = s.kind != "quantile"
            lines.append(f"{self.by:<{width}}{'now':>12}{'before':>12}{'change':>14}{'n now':>9}"
                         + (f"{'contribution':>15}" if has_contrib else ""))
            for r in movers.itertuples():
                dd = direction(_f(r.change), s)
                change = f"{ARROWS[dd]} {format_change(s, _f(r.change), self.currency)}" if dd else "-"
                row = (f"{str(r.group):<{width}}{format_value(s, _f(r.current), self.currency):>12}"
                       f"{format_value(s, _f(r.previous), self.currency):>12}{change:>14}{r.n_current:>9,}")
                if has_contrib:
                    row += f"{format_change(s, _f(r.contribution), self.currency):>15}"
                if r.thin:
                    row += "  *"
                lines.append(row)
            if movers["thin"].any():
                lines.append(f"* fewer than {self.min_n} in one of the periods: its own change is uncertain")
        small = self.groups[self.groups["small"]]
        if len(small):
            lines.append(f"{len(small)} group(s) with fewer than {self.min_n} in both periods left out of the ranking.")
        lines.append("")
        lines.append(self.provenance.to_text())
        return "\n".join(lines)


def top_movers(store: JourneyStore, params: MoversParams,
               settings: KpiSettings | None = None) -> MoversResult:
    """Each group's value in both periods, its change and its contribution to the overall
    change; groups below the minimum size in either period are not ranked."""
    settings = settings or KpiSettings()
    s = SPECS[params.metric]
    metric = [params.metric]
    with open_scope(store, params.period, params.filters, settings,
                    params.churn_window_days, params.cart_window_hours) as (con, scope):
        before = resolve_against(scope, params.period, params.against)
        check_inside(scope)
        now_all, now_rows, _ = snapshot(con, scope, metric)
        then_all, then_rows, _ = snapshot(con, scope, metric, period=before)
        # Each customer's group is the same in both periods: find it once.
        who = kpi_sql.prepare_who(con, scope.filters, params.by)
        try:
            now_g, _, _ = snapshot(con, scope, metric, by=params.by, who=who)
            then_g, _, _ = snapshot(con, scope, metric, period=before, by=params.by, who=who)
        finally:
            kpi_sql.drop_who(con, who)
    overall_now = kpi_values(now_all, metric, settings)[0]
    overall_then = kpi_values(then_all, metric, settings)[0]
    min_n = params.min_n or settings.min_sample
    groups = movers_table(now_g, then_g, s, min_n)
    change = (None if overall_now.value is None or overall_then.value is None
              else overall_now.value - overall_then.value)
    dim = DIMENSION_LABELS.get(params.by, params.by)
    how = {"rate": "share-weighted: contribution = share now x value now - share before x value "
                   "before, where share = the group's part of the denominator; it splits into a "
                   "rate effect (the group's value changed) and a mix effect (the group's share "
                   "changed), and the contributions add up to the overall change",
           "mean": "share-weighted like a rate, shares being the group's part of n",
           "total": "contribution = the group's change; contributions add up to the overall change",
           "quantile": "medians and percentiles do not add up, so groups are ranked by their own "
                       "change weighted by their share of n, with no contribution"}[s.kind]
    prov = Provenance(
        tool="top_movers",
        definition=f"{s.label} per {dim} in {scope.period.label} and {before.label}; {how}; "
        f"groups with n below {min_n} in both periods are not ranked; " + describe_definition(scope),
        params=params.model_dump(mode="json", exclude_none=True),
        filters=scope.filters.active(),
        period_start=scope.period.start, period_end=scope.period.end,
        period_label=f"{scope.period.label} vs {before.label}",
        tables=tuple(now_rows),
        row_counts={**{f"{k} now": v for k, v in now_rows.items()},
                    **{f"{k} before": v for k, v in then_rows.items()}},
        notes=tuple(["groups overlap (a customer can be in several personas), so contributions "
                     "need not add up"] if params.by == "persona" else []),
    )
    return MoversResult(params.metric, s.label, params.by, overall_now.value, overall_then.value,
                        change, groups, params.top, min_n, settings.currency, scope.period.label,
                        before.label, prov)


def movers_table(now: pd.DataFrame, then: pd.DataFrame, s: MetricSpec, min_n: int) -> pd.DataFrame:
    """Per group: both values, change, shares and contribution (vectorised over groups)."""
    cols = ["grp", "value", "n", "num", "den"]
    a = now[cols] if len(now) else pd.DataFrame(columns=cols)
    b = then[cols] if len(then) else pd.DataFrame(columns=cols)
    t = a.merge(b, on="grp", how="outer", suffixes=("_now", "_then")).set_index("grp")
    for c in ("n_now", "n_then"):
        t[c] = pd.to_numeric(t[c]).fillna(0).astype("int64")
    for c in ("value_now", "value_then", "num_now", "num_then", "den_now", "den_then"):
        t[c] = pd.to_numeric(t[c]).astype(float)
    if s.kind == "total":
        t["value_now"] = t["value_now"].fillna(0.0)
        t["value_then"] = t["value_then"].fillna(0.0)
    out = pd.DataFrame(index=t.index)
    out["current"] = t["value_now"]
    out["previous"] = t["value_then"]
    out["change"] = t["value_now"] - t["value_then"]
    out["n_current"] = t["n_now"]
    out["n_previous"] = t["n_then"]
    tot_now, tot_then = t["n_now"].sum(), t["n_then"].sum()
    out["share_current"] = t["n_now"] / tot_now if tot_now else np.nan
    out["share_previous"] = t["n_then"] / tot_then if tot_then else np.nan
    if s.kind in ("rate", "mean"):
        part_now = (t["num_now"].fillna(0) / tot_now) if tot_now else 0.0
        part_then = (t["num_then"].fillna(0) / tot_then) if tot_then else 0.0
        out["contribution"] = part_now - part_then
        w0, w1 = out["share_previous"].fillna(0), out["share_current"].fillna(0)
        both = t["value_now"].notna() & t["value_then"].notna()
        out["rate_effect"] = ((w0 + w1) / 2 * out["change"]).where(both, 0.0)
        out["mix_effect"] = out["contribution"] - out["rate_effect"]
        key = out["contribution"].abs()
    elif s.kind == "total":
        out["contribution"] = out["change"]
        out["rate_effect"] = np.nan
        out["mix_effect"] = np.nan
        key = out["contribution"].abs()
    else:
        out["contribution"] = np.nan
        out["rate_effect"] = np.nan
        out["mix_effect"] = np.nan
        key = (out["change"].abs() * out["share_current"].fillna(0)).fillna(0)
    # A group too small in both periods is noise; one that is big in one period only (a new
    # or a vanishing channel) is exactly what a mover can be, so it stays, marked.
    out["small"] = (out["n_current"] < min_n) & (out["n_previous"] < min_n)
    out["thin"] = ~out["small"] & ((out["n_current"] < min_n) | (out["n_previous"] < min_n))
    out["_key"] = key.fillna(0)
    out = out.reset_index(names="group")
    out = out.sort_values(["small", "_key", "group"], ascending=[True, False, True], kind="stable")
    return out.drop(columns="_key").reset_index(drop=True)
