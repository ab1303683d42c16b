"""Headline KPIs for a period: conversion, satisfaction, sales, retention, web and support.

    kpis(store, KpiParams(period=Period(name="this_month"))) -> KpiResult
    kpi(store, "nps", period="last_90_days") -> KpiResult with one value

Every value comes with its sample size (n) and the definition it was computed with; exact
definitions are in docs/METRICS.md. Purchases are completed orders (orders with no status
count as completed) except in the conversion metrics, which read purchase-stage journey
events because web-analytics exports often have no orders table.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, field_validator

from tools.analytics import kpi_frame, kpi_sessions, kpi_sql
from tools.analytics.filters import DIMENSION_LABELS, Filters, validate_filters
from tools.analytics.kpi_catalog import (
    METRICS,
    SPECS,
    Metric,
    MetricSpec,
    format_value,
    normalize_metric,
    spec,
)
from tools.analytics.periods import Period, ResolvedPeriod, resolve
from tools.core.errors import NoDataError
from tools.core.results import Provenance, ResultMixin
from tools.data import session_table
from tools.data.store import JourneyStore

__all__ = [
    "METRICS", "Metric", "KpiSettings", "KpiParams", "KpiValue", "KpiResult", "kpis", "kpi",
    "metric_availability",
]

AREAS: dict[str, str] = {
    "stages": "Journey", "arrivals": "Journey", "sessions": "Web", "orders": "Sales",
    "churn": "Sales", "deliveries": "Fulfilment", "on_time": "Fulfilment", "surveys": "Satisfaction", "tickets": "Support",
}


@dataclass(frozen=True)
class KpiSettings:
    """Business settings the KPIs need; the bot fills them from [analytics] and [business]."""

    churn_window_days: int = 90
    cart_window_hours: int = 24
    # on time: delivered by the end of this many days after the order day, for orders without
    # a promised date of their own (orders.promised_at); None: only those orders are judged
    delivery_promise_days: int | None = 2
    currency: str = "GBP"
    min_sample: int = 30  # below this n a value is flagged as a small sample


def metric_names(v: Any) -> Any:
    """A metric name or a list of them, each as the catalogue spells it (aliases resolved)."""
    if isinstance(v, str):
        v = [v]
    return [normalize_metric(x) for x in v] if isinstance(v, list) else v


def unique_metrics(v: list[str] | None) -> list[str] | None:
    return list(dict.fromkeys(v)) if v else v


class KpiParams(BaseModel):
    """Headline KPIs for a period, optionally for some customers only.

    Use it for "how are we doing" questions and for any single KPI's current value.
    Examples:
    - "How did we do this month?" -> {"period": {"name": "this_month"}}
    - "What are NPS and CSAT for customers who found us on Instagram, last 90 days?" ->
      {"metrics": ["nps", "csat"], "period": {"name": "last_90_days"},
       "filters": {"channel": ["instagram"]}}
    - "What's our churn if 60 days without an order counts as churned?" ->
      {"metrics": ["churn_rate"], "churn_window_days": 60}
    """

    model_config = ConfigDict(extra="forbid")

    metrics: list[Metric] | None = Field(
        default=None, min_length=1, max_length=len(METRICS),
        description="KPIs to compute; leave empty for all of them.",
    )
    period: Period = Field(
        default_factory=lambda: Period(name="last_30_days"),
        description="Period the KPIs cover; relative names count back from the last day of data.",
    )
    filters: Filters = Field(default_factory=Filters, description="Only these customers.")
    churn_window_days: int | None = Field(
        default=None, ge=7, le=730,
        description="Days without a completed order after which a customer counts as churned "
        "(default from the config, 90).",
    )
    cart_window_hours: int | None = Field(
        default=None, ge=1, le=168,
        description="Hours after the last cart event within which a purchase still rescues the "
        "cart (default from the config, 24).",
    )

    _aliases = field_validator("metrics", mode="before")(lambda cls, v: metric_names(v))
    _unique = field_validator("metrics")(lambda cls, v: unique_metrics(v))

    def chosen(self) -> list[str]:
        return list(self.metrics) if self.metrics else list(METRICS)


@dataclass(frozen=True)
class KpiValue:
    metric: str
    label: str
    value: float | None  # rates as fractions (0.123 = 12.3%), NPS in points, money, hours, days
    n: int  # the sample behind the value, counted in `n_label`
    n_label: str
    unit: str
    higher_is_better: bool | None
    numerator: float | None = None
    denominator: float | None = None
    median: float | None = None  # CLV: median lifetime revenue
    excluded: int = 0  # rows in scope left out (unanswered tickets, carts still undecided)
    small_sample: bool = False
    definition: str = ""

    def formatted(self, currency: str = "GBP") -> str:
        return format_value(SPECS[self.metric], self.value, currency)


@dataclass(frozen=True)
class KpiResult(ResultMixin):
    values: tuple[KpiValue, ...]
    period_label: str
    first_day: dt.date
    last_day: dt.date
    currency: str
    stage_steps: pd.DataFrame  # from, to, reached, of, rate (when step conversions were asked)
    exits: pd.DataFrame  # touchpoint, events, exits, exit_rate (when exit_rate was asked)
    provenance: Provenance = field(repr=False)

    def get(self, metric: str) -> KpiValue:
        for v in self.values:
            if v.metric == metric:
                return v
        raise KeyError(f"{metric!r} was not computed; computed: {', '.join(v.metric for v in self.values)}")

    @property
    def headline(self) -> KpiValue:
        return self.values[0]

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([
            {"metric": v.metric, "label": v.label, "value": v.value, "n": v.n, "n_label": v.n_label,
             "unit": v.unit, "numerator": v.numerator, "denominator": v.denominator,
             "median": v.median, "excluded": v.excluded, "small_sample": v.small_sample}
            for v in self.values
        ])

    def to_text(self) -> str:
        who = _who_text(self.provenance.filters)
        lines = [f"KPIs for {self.period_label}{who}", ""]
        width = max(len(v.label) for v in self.values) + 2
        lines.append(f"  {'':<{width}}{'value':>12}   {'n':>9}")
        area = None
        for v in self.values:
            a = AREAS[SPECS[v.metric].family]
            if a != area and len(self.values) > 1:
                lines.append(a)
                area = a
            shown = v.formatted(self.currency)
            extra = ""
            if v.metric == "clv" and v.median is not None:
                extra = f", median {format_value(SPECS['clv'], v.median, self.currency)}"
            flag = "  (small sample)" if v.small_sample else ""
            lines.append(f"  {v.label:<{width}}{shown:>12}   {v.n:>9,} {v.n_label}{extra}{flag}")
        if len(self.exits):
            lines.append("")
            lines.append("Exit rate by web touchpoint (exits / events):")
            for r in self.exits.head(8).itertuples():
                lines.append(f"  {r.touchpoint:<18}{r.exit_rate * 100:>7.1f}%   {r.exits:>8,} of {r.events:,}")
        lines.append("")
        lines.append(self.provenance.to_text())
        return "\n".join(lines)


def _who_text(filters: dict[str, Any]) -> str:
    if not filters:
        return ", all customers"
    parts = []
    for k, v in filters.items():
        label = DIMENSION_LABELS.get(k, k)
        parts.append(f"{label} {', '.join(v) if isinstance(v, list) else v}")
    return ", customers with " + "; ".join(parts)


# -- shared set-up for kpis and trends ------------------------------------------------------

@dataclass(frozen=True)
class Scope:
    """A validated request: resolved period, filters and windows, ready to build frames."""

    period: ResolvedPeriod
    filters: Filters
    settings: KpiSettings
    churn_days: int
    cart_hours: int
    data_start: dt.date
    as_of: dt.date
    data_end: dt.datetime
    timezone: str

    def frame(self, grain: kpi_frame.Grain = "period", period: ResolvedPeriod | None = None,
              who: str | None = None) -> kpi_frame.Frame:
        p = period or self.period
        return kpi_frame.Frame(
            start=p.start, end=p.end, first_day=p.first_day,
            end_day=p.last_day + dt.timedelta(days=1), grain=grain,
            churn_hours=self.churn_days * 24, cart_hours=self.cart_hours,
            promise_days=self.settings.delivery_promise_days, data_end=self.data_end, who=who, filtered=not self.filters.is_empty(),
        )

    def resolve(self, period: Period | str | None) -> ResolvedPeriod:
        return resolve(period, self.as_of, self.timezone, self.data_start)


@contextlib.contextmanager
def open_scope(store: JourneyStore, period: Period | str | None, filters: Filters | None,
               settings: KpiSettings | None, churn_window_days: int | None = None,
               cart_window_hours: int | None = None) -> Iterator[tuple[duckdb.DuckDBPyConnection, Scope]]:
    """Validate the request and hold one connection for all its queries: a file store opens a
    connection per use, and that costs more than most KPI queries."""
    fixed = validate_filters(store, filters) if filters is not None and not filters.is_empty() else Filters()
    settings = settings or KpiSettings()
    with store.connect() as con:
        # DuckDB draws a progress bar on stdout for long queries; it would land in the answer.
        con.execute("SET enable_progress_bar = false")
        rng = kpi_sql.date_range(con)
        if rng is None:
            raise NoDataError(
                "The journey store has no events or orders yet; load data with `journeybot ingest` "
                "(or try `journeybot demo`)."
            )
        data_start, as_of = rng
        resolved = resolve(period, as_of, store.timezone, data_start)
        end = kpi_sql.data_end(con)
        assert end is not None
        yield con, Scope(resolved, fixed, settings, churn_window_days or settings.churn_window_days,
                         cart_window_hours or settings.cart_window_hours, data_start, as_of, end,
                         store.timezone)


def snapshot(con: duckdb.DuckDBPyConnection, scope: Scope, metrics: list[str],
             period: ResolvedPeriod | None = None, by: str | None = None,
             details: bool = False, who: str | None = None,
             ) -> tuple[pd.DataFrame, dict[str, int], dict[str, pd.DataFrame]]:
    """Long frame (grp, metric, value, n, ...) for one period, with rows read and details.
    `who` is a table from kpi_frame.prepare_who(con, scope.filters, by) that the caller made
    once for several periods (and drops); by default it is made here."""
    extra: dict[str, pd.DataFrame] = {}
    mine = who is None
    if mine:
        who = kpi_frame.prepare_who(con, scope.filters, by)
    try:
        frame = scope.frame("period", period, who)
        long = kpi_sql.compute(con, frame, metrics)
        rows = kpi_sql.rows_in_period(con, frame, kpi_sql.families_of(metrics))
        if details and by is None:
            if "exit_rate" in metrics:
                extra["exits"] = kpi_sessions.exit_detail(con, frame)
            if any(m.startswith("conversion_") for m in metrics):
                extra["stages"] = kpi_sql.stage_detail(long)
            if "on_time_delivery" in metrics:
                extra["undelivered"] = kpi_sql.undelivered_detail(con, frame)
    finally:
        if mine:
            kpi_frame.drop_who(con, who)
    return long, rows, extra


def kpi_values(long: pd.DataFrame, metrics: list[str], settings: KpiSettings,
               grp: str = "all") -> list[KpiValue]:
    """KpiValues in the order asked, with n=0 and no value where the period has no rows."""
    rows = {r.metric: r for r in long[long["grp"] == grp].itertuples()} if len(long) else {}
    out = []
    for m in metrics:
        s = SPECS[m]
        r = rows.get(m)
        if r is None:
            value = 0.0 if s.kind == "total" else None
            out.append(_value(s, value, 0, settings))
            continue
        out.append(_value(s, _f(r.value), int(r.n), settings, _f(r.num), _f(r.den), _f(r.median),
                          int(r.excluded)))
    return out


def _f(x: Any) -> float | None:
    if x is None or pd.isna(x):
        return None
    return float(x)


def _value(s: MetricSpec, value: float | None, n: int, settings: KpiSettings,
           num: float | None = None, den: float | None = None, median: float | None = None,
           excluded: int = 0) -> KpiValue:
    small = 0 < n < settings.min_sample and s.kind != "total"
    return KpiValue(s.name, s.label, value, n, s.n_label, s.unit, s.higher_is_better, num, den,
                    median, excluded, small, s.definition)


def kpi_notes(scope: Scope, values: list[KpiValue], first_day: dt.date,
              undelivered: pd.DataFrame | None = None) -> list[str]:
    notes = []
    by = {v.metric: v for v in values}
    on_time = by.get("on_time_delivery")
    if on_time and on_time.excluded:
        parts = ([f"{int(r.orders):,} {r.what}" for r in undelivered.itertuples() if r.orders]
                 if undelivered is not None else [])
        notes.append(f"on-time delivery: {on_time.excluded:,} delivery order(s) due in the period never "
                     "arrived" + (f" ({'; '.join(parts)})" if parts else "")
                     + "; they are counted apart, not as late")
    if "churn_rate" in by:
        reach = first_day - dt.timedelta(days=scope.churn_days)
        if reach < scope.data_start:
            notes.append(
                f"churn: the {scope.churn_days}-day window reaches back to {reach}, before the data "
                f"starts ({scope.data_start}); customers whose last order was before then are missing, "
                "so churn may be understated")
    cart = by.get("cart_abandonment")
    if cart and cart.excluded:
        notes.append(f"cart abandonment: {cart.excluded:,} cart(s) from the last {scope.cart_hours} h of "
                     "data are not counted yet (their outcome is not known)")
    sales = next((by[m] for m in ("orders", "revenue", "aov") if m in by), None)
    if sales and sales.excluded:
        notes.append(f"orders and revenue: {sales.excluded:,} order(s) placed in the period are still "
                     "pending (not fulfilled yet) and not counted")
    for m, what in (("first_response_time", "ticket(s) without a reply"),
                    ("resolution_time", "ticket(s) not resolved"),
                    ("delivery_time", "delivery event(s) with no order found before them")):
        v = by.get(m) or by.get(m + "_p90")
        if v and v.excluded:
            notes.append(f"{v.label.split(' (')[0].lower()}: {v.excluded:,} {what} are not counted")
    if not scope.filters.is_empty() and any(SPECS[m].family in ("surveys", "tickets") for m in by):
        notes.append("with a customer filter, anonymous survey answers and tickets are not counted")
    empty = [v.label for v in values if v.n == 0 and SPECS[v.metric].kind != "total"]
    if empty:
        notes.append("nothing to measure in this period for: " + ", ".join(empty))
    if any(v.small_sample for v in values):
        notes.append(f"values marked (small sample) rest on fewer than {scope.settings.min_sample} "
                     "customers, orders, answers or tickets: read them as rough")
    return notes


def check_inside(scope: Scope, period: ResolvedPeriod | None = None) -> None:
    """A period wholly outside the data is a mistake worth saying; inside it, no rows is an
    answer (n = 0)."""
    p = period or scope.period
    if p.last_day < scope.data_start or p.first_day > scope.as_of:
        raise NoDataError(
            f"No data in {p.label}: the data covers {scope.data_start} to {scope.as_of}. "
            "Choose a period inside it."
        )


def describe_definition(scope: Scope) -> str:
    return (
        f"definitions in docs/METRICS.md; days in {scope.timezone}; purchases are completed "
        "orders (conversions: purchase-stage events); churn window "
        f"{scope.churn_days} days; cart window {scope.cart_hours} h"
    )


# -- the tools -----------------------------------------------------------------------------

def kpis(store: JourneyStore, params: KpiParams | None = None,
         settings: KpiSettings | None = None) -> KpiResult:
    """All (or the chosen) KPIs for a period, each with its sample size."""
    params = params or KpiParams()
    settings = settings or KpiSettings()
    metrics = params.chosen()
    with open_scope(store, params.period, params.filters, settings,
                    params.churn_window_days, params.cart_window_hours) as (con, scope):
        check_inside(scope)
        long, rows, extra = snapshot(con, scope, metrics, details=True)
    values = kpi_values(long, metrics, settings)
    prov = Provenance(
        tool="kpis",
        definition=describe_definition(scope),
        params=params.model_dump(mode="json", exclude_none=True),
        filters=scope.filters.active(),
        period_start=scope.period.start,
        period_end=scope.period.end,
        period_label=scope.period.label,
        tables=tuple(rows),
        row_counts=rows,
        notes=tuple(kpi_notes(scope, values, scope.period.first_day, extra.get("undelivered"))),
    )
    return KpiResult(
        values=tuple(values), period_label=scope.period.label, first_day=scope.period.first_day,
        last_day=scope.period.last_day, currency=settings.currency,
        stage_steps=extra.get("stages", pd.DataFrame(columns=["from", "to", "reached", "of", "rate"])),
        exits=extra.get("exits", pd.DataFrame(columns=["touchpoint", "events", "exits", "exit_rate"])),
        provenance=prov,
    )


def kpi(store: JourneyStore, metric: str, period: Period | str | None = "last_30_days",
        filters: Filters | None = None, settings: KpiSettings | None = None,
        **windows: int) -> KpiResult:
    """One KPI (`result.headline`); windows: churn_window_days=, cart_window_hours=."""
    metric = str(normalize_metric(metric))
    spec(metric)
    return kpis(store, KpiParams(metrics=[metric], period=Period.parse(period),  # type: ignore[list-item]
                                 filters=filters or Filters(), **windows), settings)


def metric_availability(store: JourneyStore) -> pd.DataFrame:
    """Which KPIs the loaded data can answer, and why not when it cannot."""
    with store.connect() as con:
        row = con.execute(f"""
            SELECT (SELECT count(*) FROM events),
                   (SELECT count(*) FROM events WHERE touchpoint IN ({session_table.WEB})),
                   (SELECT count(*) FROM events WHERE touchpoint IN ({session_table.CARTS})),
                   (SELECT count(*) FROM events WHERE touchpoint = 'delivery')
                     + (SELECT count(delivered_at) FROM orders),
                   (SELECT count(*) FROM orders WHERE {kpi_frame.COMPLETED}),
                   (SELECT count(csat) FROM surveys), (SELECT count(nps) FROM surveys),
                   (SELECT count(first_response_at) FROM tickets),
                   (SELECT count(resolved_at) FROM tickets),
                   (SELECT count(*) FROM orders WHERE fulfilment = 'delivery'
                      OR promised_at IS NOT NULL OR delivered_at IS NOT NULL)""").fetchone()
    assert row is not None
    events, web, carts, deliveries, orders, csat, nps, replied, resolved, delivery_orders = (int(x) for x in row)
    need = {
        "stages": (events, "no journey events"),
        "sessions": (web, "no web touchpoints (page, product, cart or checkout views)"),
        "orders": (orders, "no completed orders"),
        "churn": (orders, "no completed orders"),
        "deliveries": (deliveries, "no delivery dates or delivery events"),
        "arrivals": (events, "no journey events"),
        "on_time": (min(deliveries, delivery_orders),
                    "no delivery orders (fulfilment = delivery, or a promised or delivered date)"
                    if not delivery_orders else "no delivery dates or delivery events"),
    }
    rows = []
    for m in METRICS:
        s = SPECS[m]
        if m in ("csat", "csat_mean"):
            have, why = csat, "no CSAT answers in the surveys"
        elif m == "cart_abandonment":
            have, why = carts, "no add-to-cart or checkout events"
        elif m == "nps":
            have, why = nps, "no NPS answers in the surveys"
        elif m.startswith("first_response"):
            have, why = replied, "no tickets with a first-response time"
        elif m.startswith("resolution"):
            have, why = resolved, "no tickets with a resolution time"
        else:
            have, why = need[s.family]
        rows.append({"metric": m, "label": s.label, "available": have > 0,
                     "reason": "" if have else why})
    return pd.DataFrame(rows)
