"""KPIs over time: daily, weekly, monthly or quarterly series, and one KPI's trend.

    kpi_series(store, ["nps", "csat"], period="last_180_days", grain="day") -> DataFrame
    trend(store, TrendParams(metric="aov", grain="week")) -> TrendResult

Series run on the same SQL as the headline KPIs (tools/analytics/kpi_sql.py), grouped by day, week
or month (and breakdown value), so a point of a daily series equals the KPI of that one day (web
sessions crossing midnight count on the day they began) and a point of a monthly series the KPI
of that month's rows (a median of the month's tickets, never a mean of daily values). Days, weeks
and months are calendar ones in the business time zone; weeks start on Monday and partial weeks
or months at the ends of the period are flagged with their days. Period over period is in tools/analytics/compare.py, who moved a KPI most in
tools/analytics/movers.py.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

import duckdb
import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from tools.analytics import kpi_frame, kpi_sql
from tools.analytics.capabilities import capabilities
from tools.analytics.coverage import short_coverage_note
from tools.analytics.filters import Filters
from tools.analytics.kpi_catalog import (
    ARROWS,
    METRICS,
    SPECS,
    Metric,
    MetricSpec,
    assessment,
    direction,
    format_change,
    format_value,
    normalize_metric,
)
from tools.analytics.kpi_notes import UNPAGED, UNPAGED_WHY
from tools.analytics.kpi_result import who_text as _who_text
from tools.analytics.kpi_scope import (
    KpiSettings,
    Scope,
    _f,
    by_table,
    describe_definition,
    metric_table,
    no_data,
    open_scope,
    rows_for,
)
from tools.analytics.periods import Period, provenance_period
from tools.analytics.trend_notes import (
    GRAIN_WORDS,
    end_at_the_data,
    from_the_bulk,
    partial_buckets,
    quarter_name,
    quarter_of,
    series_notes,
    start_at_the_data,
    starts_late,
    statuses_note,
)
from tools.core.errors import NoDataError, ToolInputError
from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.data.spans import DATED
from tools.data.store import JourneyStore

__all__ = ["kpi_series", "TrendParams", "TrendResult", "trend", "window_values"]

SERIES_COLUMNS = ["bucket", "grp", "metric", "value", "n", "num", "den", "median", "excluded",
                  "days", "partial"]
_SPARKS = "▁▂▃▄▅▆▇█"
SeriesGrain = Literal["day", "week", "month", "quarter"]
MONTHS_DEFAULT = "last_180_days"  # a monthly trend's period when none is asked for
QUARTERS_DEFAULT = "all"  # a quarterly one's: 180 days hold two or three quarters, most cut
GRAINS: tuple[str, ...] = SeriesGrain.__args__  # type: ignore[attr-defined]


# -- series --------------------------------------------------------------------------------

def kpi_series(store: JourneyStore, metrics: list[str], *, period: Period | str | None = "last_90_days",
               grain: SeriesGrain = "day", filters: Filters | None = None,
               settings: KpiSettings | None = None, by: str | None = None,
               churn_window_days: int | None = None, cart_window_hours: int | None = None) -> pd.DataFrame:
    """Every bucket of the period for every metric (and group, with `by`), in one grouped query
    per metric family: bucket, grp, metric, value, n, num, den, median, excluded, days, partial.

    Buckets without data have n=0 and no value (totals such as revenue are 0). This is the
    function for backtests: 180 days of several KPIs cost a handful of queries."""
    metrics = _check_series_args(metrics, grain)
    tables = list(by_table(metrics))
    # Metrics of one table are anchored on its last day of data; a mix on events and orders.
    table = tables[0] if len(tables) == 1 else None
    with open_scope(store, period, filters, settings, churn_window_days, cart_window_hours,
                    table=table) as (con, scope):
        return series_on(con, scope, metrics, grain, by)


def window_values(store: JourneyStore, metric: str, *, days: int, first: dt.date, last: dt.date,
                  filters: Filters | None = None, by: str | None = None, settings: KpiSettings | None = None,
                  churn_window_days: int | None = None) -> pd.DataFrame:
    """A median or percentile KPI over the `days` days ending on each day from `first` to
    `last`, computed over each window's own rows (the median of the window's tickets, never a
    mean of daily medians): date, grp, value, n. One query for the rows, then each row counts
    in the windows of its day and the `days` - 1 days after. (Rates, means and totals combine
    from a daily series exactly and need no such thing.)"""
    from tools.analytics.kpi_families import QUANTILE_ROWS

    [metric] = _check_series_args([metric], "day")
    if metric not in QUANTILE_ROWS:
        raise ToolInputError(f"{metric} is not a median or percentile: its windows add up from the daily series")
    build, column, q = QUANTILE_ROWS[metric]
    start = first - dt.timedelta(days=days - 1)
    # Anchored on the metric's own table, as kpi_series is: a support desk with tickets and no
    # events or orders (twcs) has first replies to judge.
    with open_scope(store, Period(start=start, end=last), filters, settings, churn_window_days,
                    table=by_table([metric]).popitem()[0]) as (con, scope):
        who = kpi_frame.prepare_who(con, scope.filters, by)
        try:
            frame = scope.frame("day", who=who)
            rows = kpi_frame.run_sql(con, build(frame, column), frame)
        finally:
            kpi_frame.drop_who(con, who)
    if rows.empty:
        return pd.DataFrame({"date": [], "grp": [], "value": [], "n": []})
    day = pd.to_datetime(rows["bucket"]).to_numpy()
    spread = rows.loc[rows.index.repeat(days)].assign(
        date=np.repeat(day, days) + np.tile(np.arange(days), len(rows)).astype("timedelta64[D]"))
    spread = spread[(spread["date"] >= np.datetime64(first)) & (spread["date"] <= np.datetime64(last))]
    grouped = spread.groupby(["date", "grp"])["value"]
    out = pd.DataFrame({"value": grouped.quantile(q), "n": grouped.size()}).reset_index()
    out["date"] = out["date"].dt.date
    return out[["date", "grp", "value", "n"]]


def _check_series_args(metrics: list[str], grain: str) -> list[str]:
    if grain not in GRAINS:
        raise ToolInputError(f"grain must be 'day', 'week', 'month' or 'quarter', got {grain!r}")
    metrics = [str(normalize_metric(m)) for m in metrics]
    unknown = [m for m in metrics if m not in SPECS]
    if unknown:
        raise ToolInputError(f"Unknown metric(s) {', '.join(map(repr, unknown))}; metrics are: {', '.join(METRICS)}")
    return list(dict.fromkeys(metrics))


def series_on(con: duckdb.DuckDBPyConnection, scope: Scope, metrics: list[str],
              grain: SeriesGrain, by: str | None = None) -> pd.DataFrame:
    who = kpi_frame.prepare_who(con, scope.filters, by)
    try:
        frame = scope.frame(grain, who=who)
        long = kpi_sql.compute(con, frame, metrics)
    finally:
        kpi_frame.drop_who(con, who)
    buckets = frame.buckets()
    groups = sorted(set(long["grp"])) if by is not None else ["all"]
    grid = pd.MultiIndex.from_product([buckets, groups, metrics], names=["bucket", "grp", "metric"])
    full = long.set_index(["bucket", "grp", "metric"]).reindex(grid).reset_index()
    ends = buckets[1:] + [frame.end_day]
    # A day or week with no orders inside the data is a real £0; one that ends before the data
    # starts is not measured at all ("no value"), or a store loaded yesterday reads as weeks of
    # zero revenue and a jump "better" than them.
    covered = full["bucket"].map(pd.Series([e > scope.data_start for e in ends], index=buckets))
    totals = full["metric"].map(lambda m: SPECS[m].kind == "total")
    full["value"] = full["value"].where(full["value"].notna() | ~totals | ~covered, 0.0)
    full["n"] = full["n"].fillna(0).astype("int64")
    full["excluded"] = full["excluded"].fillna(0).astype("int64")
    days = pd.Series([(b - a).days for a, b in zip(buckets, ends, strict=True)], index=buckets)
    full["days"] = full["bucket"].map(days).astype("int64")
    full["partial"] = full["bucket"].map(partial_buckets(buckets, days, grain)).astype(bool)
    if scope.granularity == "month":
        # Every row on the 1st of its month (UCI's sessions): the last month ends on its 1st by
        # the calendar, yet holds all its rows; "partial: 1 days" would discount a whole month.
        full["partial"] = False
        # A month with no row at all is a gap in the export (UCI's file has no January or April),
        # not a month of 0 sessions to call the lowest.
        gap = pd.Series(False, index=full.index)
        for table, ms in by_table(metrics).items():
            held = {r[0] for r in con.execute(f'SELECT DISTINCT CAST(date_trunc(\'month\', "{DATED[table]}") AS DATE) '
                                              f'FROM "{table}"').fetchall()}
            gap |= full["metric"].isin(ms) & ~full["bucket"].isin(held)
        full.loc[gap, "value"] = np.nan
    return full[SERIES_COLUMNS]


class TrendParams(BaseModel):
    """One KPI as a daily, weekly or monthly series over a period, with the sample size per point.

    Examples:
    - "How has our NPS moved week by week this quarter?" ->
      {"metric": "nps", "grain": "week", "period": {"name": "this_quarter"}}
    - "Daily conversion over the last 30 days" ->
      {"metric": "purchase_conversion", "grain": "day", "period": {"name": "last_30_days"}}
    - "How did conversion move month by month this year?" ->
      {"metric": "purchase_conversion", "grain": "month", "period": {"name": "this_year"}}
    - "Revenue by quarter this year" ->
      {"metric": "revenue", "grain": "quarter", "period": {"name": "this_year"}}
    - "Is the average order of our VIPs going up?" ->
      {"metric": "aov", "grain": "week", "filters": {"segment": ["vip"]}}
    """

    model_config = ConfigDict(extra="forbid")

    metric: Metric = Field(description="The KPI to follow over time.")

    _alias = field_validator("metric", mode="before")(lambda cls, v: normalize_metric(v))
    grain: SeriesGrain = Field(
        default="week", description="One point per calendar day, per week (weeks start Monday), per "
        "calendar month or per calendar quarter (each point's KPI from its own rows).")
    period: Period = Field(default_factory=lambda: Period(name="last_90_days"),
                           description="Period the series covers (default: the last 90 days; "
                           "month by month, the last 180 days; quarter by quarter, all the data).")
    filters: Filters = Field(default_factory=Filters, description="Only these customers.")
    churn_window_days: int | None = Field(default=None, ge=7, le=730,
                                          description="Churn window in days (default from config).")
    cart_window_hours: int | None = Field(default=None, ge=1, le=168,
                                          description="Cart window in hours (default from config).")

    @model_validator(mode="after")
    def _months_need_a_longer_default(self) -> TrendParams:
        # 90 days are three or four months, two of them cut: too few points to see a movement
        if self.grain in ("month", "quarter") and "period" not in self.model_fields_set:
            self.period = Period(name=MONTHS_DEFAULT if self.grain == "month" else QUARTERS_DEFAULT)
        return self


@dataclass(frozen=True)
class TrendResult(Priced, ResultMixin):
    metric: str
    label: str
    unit: str
    grain: str
    series: pd.DataFrame  # bucket, value, n, days, partial
    currency: str
    latest: float | None
    previous: float | None  # the point before the latest
    # Totals (revenue, orders): the mean per point. Everything else: the KPI over all the
    # period's rows, as `overall` (a median of all tickets, not a mean of weekly medians).
    mean: float | None
    provenance: Provenance = field(repr=False)
    overall: float | None = None  # the KPI computed over the whole period's rows (= kpis for it)
    overall_n: int = 0  # the rows (tickets, answers, customers...) behind `overall`
    locale: str | None = None
    latest_n: int | None = None  # the rows behind `latest` and `previous`
    previous_n: int | None = None
    min_sample: int = 30  # below this n a point is a rough figure: no better/worse is read from it

    def to_frame(self) -> pd.DataFrame:
        return self.series.copy()

    def to_text(self, details: bool = False) -> str:
        s = SPECS[self.metric]
        head = {"day": "day", "week": "week of"}.get(self.grain, self.grain)
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
            part = f"  partial: {self._days_of(r.bucket, r.days)}" if r.partial else ""
            lines.append(f"{self._point(r.bucket):<12}{format_value(s, r.value, self.numbers):>12}"
                         f"{self.numbers.number(r.n):>9}{part}")
        lines.append("")
        d = None if self.latest is None or self.previous is None else self.latest - self.previous
        summary = f"Latest {format_value(s, self.latest, self.numbers)}"
        rough = self._rough_points() or self._cut_month()
        if d is not None:
            dd = direction(d, s)
            if dd == "flat":
                summary += f", no change on the {self.grain} before"
            else:
                summary += (f", {ARROWS[dd or 'flat']} {format_change(s, d, self.numbers)} on the "
                            f"{self.grain} before")
                verdict = assessment(s, d)
                # one parcel in the last week is not "deliveries got slower"
                summary += f" ({verdict})" if verdict in ("better", "worse") and not rough else ""
        if rough.startswith(("the latest month", "the latest quarter")):
            summary += f" ({rough}: not read as better or worse)"
        elif rough:
            summary += f" ({rough}: too few to read as a change)"
        lines.append(summary + ".")
        extremes = self.extremes_line()
        if extremes:
            lines.append(extremes)
        lines.append(self.period_line())
        lines.append(self.provenance.to_text(details))
        return "\n".join(lines)

    def _point(self, bucket: object) -> str:
        """A point's name: the day, the Monday of the week, or the month (2017-03)."""
        if self.grain == "month" and isinstance(bucket, dt.date):
            return f"{bucket:%Y-%m}"
        return quarter_name(bucket) if self.grain == "quarter" and isinstance(bucket, dt.date) else str(bucket)

    def _days_of(self, bucket: object, days: int) -> str:
        """"3 days", and for a month the days it covers ("12 days, 2017-03-20 to 2017-03-31")."""
        if self.grain not in ("month", "quarter") or not isinstance(bucket, dt.date):
            return f"{days} days"
        return f"{days} days, {bucket} to {bucket + dt.timedelta(days=int(days) - 1)}"

    def _cut_month(self) -> str:
        """"the latest month has 15 of its 30 days" when the month the change is read from is cut
        short by the period's end: half of November against all of October is no trend."""
        s = SPECS[self.metric]
        pts = self.series if s.kind == "total" else self.series[self.series["n"] > 0]
        if self.grain not in ("month", "quarter") or len(pts) < 2 or not bool(pts["partial"].iloc[-1]):
            return ""
        b = pts["bucket"].iloc[-1]
        full = calendar.monthrange(b.year, b.month)[1] if self.grain == "month" else quarter_of(b)[1]
        return f"the latest {self.grain} has {int(pts['days'].iloc[-1])} of its {full} days"

    def _rough_points(self) -> str:
        """The latest point and the one before when either rests on fewer rows than min_sample
        ("1 delivery in the latest week, 77 in the week before"), else "". Totals (revenue, orders)
        are counts, not estimates: never rough."""
        s = SPECS[self.metric]
        ns = [n for n in (self.latest_n, self.previous_n) if n is not None]
        if s.kind == "total" or not ns or min(ns) >= self.min_sample:
            return ""
        said = f"{self.numbers.number(self.latest_n or 0)} {s.n_label} in the latest {self.grain}"
        if self.previous_n is not None:
            said += f", {self.numbers.number(self.previous_n)} in the {self.grain} before"
        return said

    def extremes_line(self) -> str:
        """The highest and the lowest point ("which day was busiest?"), ties named; points
        without data are left out, and so is a partial first or last week or month."""
        s = SPECS[self.metric]
        pts = self.series
        if s.kind != "total":
            pts = pts[pts["n"] > 0]
        pts = pts[~pts["partial"].astype(bool)] if "partial" in pts else pts
        values = pd.to_numeric(pts["value"], errors="coerce")
        pts = pts[values.notna()]
        values = values[values.notna()]
        if len(pts) < 2 or values.max() == values.min():
            return ""

        def at(v: float) -> str:
            hit = [self._point(b) for b in pts.loc[values == v, "bucket"]]
            more = f" and {len(hit) - 1} more" if len(hit) > 1 else ""
            n = int(pts.loc[values == v, "n"].iloc[0])
            few = (f", from {self.numbers.number(n)} {s.n_label} only"
                   if s.kind != "total" and not more and n < self.min_sample else "")
            return f"{hit[0]}{more} ({format_value(s, v, self.numbers)}{few})"

        head = "week of " if self.grain == "week" else ""
        return f"Highest {self.grain}: {head}{at(values.max())}; lowest: {head}{at(values.min())}."


    def period_line(self) -> str:
        """The whole period in one number, computed over its rows: a median of every ticket in
        the period, a rate pooled over all its customers; never a mean of the points above."""
        # in the owner's locale like every figure above it (1.234 answers for a Brazilian shop)
        s, nf = SPECS[self.metric], self.numbers
        whole = format_value(s, self.overall, nf)
        if s.kind == "total":
            per = f"average per {self.grain} {format_value(s, self.mean, nf)}"
            return f"Whole period: {whole}; {per}."
        n = nf.number(self.overall_n)
        how = {"quantile": f"the {'median' if 'p90' not in self.metric else '90th percentile'} of all "
                           f"{n} {s.n_label} in the period",
               "rate": f"pooled over all {n} {s.n_label}",
               "mean": f"over all {n} {s.n_label}"}[s.kind]
        return f"Whole period: {whole} ({how}, not an average of the {self.grain}s)."


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


def trend(store: JourneyStore, params: TrendParams, settings: KpiSettings | None = None) -> TrendResult:
    """A KPI as a daily, weekly or monthly series with n per point."""
    settings = settings or KpiSettings()
    capabilities(store).require(params.metric)
    table = metric_table(params.metric)
    with open_scope(store, params.period, params.filters, settings,
                    params.churn_window_days, params.cart_window_hours, table=table) as (con, scope):
        who = kpi_frame.prepare_who(con, scope.filters, None)
        try:
            frame = scope.frame(who=who)
            if rows_for(con, frame, table) == 0:
                raise no_data(con, scope, frame, table)
            statuses = statuses_note(con, scope, frame, params.metric)
        finally:
            kpi_frame.drop_who(con, who)
        grain = params.grain
        regrained = ""
        if scope.granularity == "month" and grain not in ("month", "quarter"):
            # Every row on the 1st of its month (UCI's sessions): weeks or days would be one full
            # point a month among empty ones, and "the week before" a month earlier.
            grain = "month"
            regrained = (f"the {scope.noun} are dated by month only (every row on the 1st), so the trend is "
                         f"month by month, not {params.grain} by {params.grain}")
        series, ends_early = end_at_the_data(series_on(con, scope, [params.metric], grain), scope, grain)
        series, stray = from_the_bulk(series, params.period, grain)
        short = short_coverage_note(con, scope.period)
        series = start_at_the_data(series, scope) if short else series
        overall, overall_n = period_value(con, scope, params.metric)
    if int(series["n"].sum()) == 0 and SPECS[params.metric].kind != "total":
        why = f"; the web sessions' {UNPAGED_WHY}" if params.metric in UNPAGED and series["excluded"].sum() else ""
        raise NoDataError(
            f"Nothing to measure for {SPECS[params.metric].label} in {scope.period.label}, although "
            f"there are {scope.noun} in it (they cover {scope.data_start} to {scope.as_of}){why}."
        )
    s = SPECS[params.metric]
    out = series[["bucket", "value", "n", "days", "partial"]].reset_index(drop=True)
    with_data = out[out["n"] > 0] if s.kind != "total" else out[out["value"].notna()]
    latest = _f(with_data["value"].iloc[-1]) if len(with_data) else None
    previous = _f(with_data["value"].iloc[-2]) if len(with_data) > 1 else None
    latest_n = int(with_data["n"].iloc[-1]) if len(with_data) else None
    previous_n = int(with_data["n"].iloc[-2]) if len(with_data) > 1 else None
    mean = _per_point(series, s) if s.kind == "total" else overall
    prov = Provenance(
        tool="trend",
        definition=f"{s.label}: {s.definition}; one point per {grain} "
        f"({GRAIN_WORDS[grain]}, {scope.timezone}); "
        + describe_definition(scope, [params.metric]),
        params=params.model_dump(mode="json", exclude_none=True),
        filters=scope.filters.active(),
        **provenance_period(scope.period, params),
        tables=(),
        row_counts={"points": len(out), "points_with_data": int((out["n"] > 0).sum())},
        notes=tuple(n for n in (short, regrained) if n) + tuple(series_notes(out, grain)) + tuple(
            n for n in (scope.period.note, starts_late(scope), ends_early, stray, statuses) if n),
    )
    return TrendResult(params.metric, s.label, s.unit, grain, out, scope.numbers.currency,
                       latest, previous, mean, prov, locale=scope.numbers.locale, overall=overall,
                       overall_n=overall_n, latest_n=latest_n, previous_n=previous_n,
                       min_sample=settings.min_sample)


def period_value(con: duckdb.DuckDBPyConnection, scope: Scope, metric: str) -> tuple[float | None, int]:
    """The KPI over the whole period's rows, and the rows behind it: the same query as the
    headline KPIs, with the period as one bucket."""
    who = kpi_frame.prepare_who(con, scope.filters, None)
    try:
        long = kpi_sql.compute(con, scope.frame("period", who=who), [metric])
    finally:
        kpi_frame.drop_who(con, who)
    row = long[long["metric"] == metric]
    if row.empty:
        return None, 0
    n = row["n"].iloc[0]
    return _f(row["value"].iloc[0]), int(n) if pd.notna(n) else 0


def _per_point(series: pd.DataFrame, s: MetricSpec) -> float | None:
    """The mean of a total's points (revenue per day): what "average per day" means."""
    vals = series["value"]
    return float(vals.mean()) if len(vals.dropna()) else None
