"""Headline KPIs for a period: conversion, satisfaction, sales, retention, web and support.

    kpis(store, KpiParams(period=Period(name="this_month"))) -> KpiResult
    kpi(store, "nps", period="last_90_days") -> KpiResult with one value

Every value comes with its sample size (n), the definition it was computed with and the period
it covers: each table's KPIs are anchored on that table's last day of data
(tools/analytics/kpi_scope.py). Orders, revenue and AOV count completed orders, and the result
names the orders of every other status (tools/analytics/order_status.py). KPIs the loaded data
cannot support are left out and named with the reason (tools/analytics/capabilities.py). Exact
definitions are in docs/METRICS.md.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import duckdb
from pydantic import BaseModel, ConfigDict, Field, field_validator

from tools.analytics import kpi_frame
from tools.analytics.capabilities import capabilities, metric_availability, missing_text
from tools.analytics.coverage import short_coverage_note
from tools.analytics.filters import Filters
from tools.analytics.kpi_catalog import (
    DEFAULT_METRICS,
    METRICS,
    Metric,
    at_least_label,
    normalize_metric,
    spec,
)
from tools.analytics.kpi_result import ExitRow, KpiResult, KpiValue, StageStep
from tools.analytics.kpi_scope import (
    KpiSettings,
    Scope,
    by_table,
    describe_definition,
    measure,
    numbers_of,
    open_scope,
)
from tools.analytics.kpi_stand_ins import as_count, stand_ins
from tools.analytics.kpi_stand_ins import note as stand_in_note
from tools.analytics.order_status import OrderStatusCounts, order_status_counts
from tools.analytics.periods import Period, provenance_period
from tools.core.errors import NoDataError
from tools.core.results import Provenance
from tools.core.text import counted
from tools.data.store import JourneyStore

__all__ = [
    "METRICS", "Metric", "KpiSettings", "KpiParams", "KpiValue", "KpiResult", "kpis", "kpi",
    "metric_availability", "numbers_of",
]


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
    - "How many orders were refunded or cancelled last month, and how many customers ordered
      twice?" -> {"metrics": ["refunded_orders", "cancelled_orders", "repeat_customers"],
      "period": {"name": "last_month"}}
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

    min_orders: int | None = Field(
        default=None, ge=2, le=100,
        description="With repeat_customers: count the customers who bought in the period and have at "
        "least this many completed orders by its end (\"bought more than 3 times\" is 4; default 2).",
    )

    _aliases = field_validator("metrics", mode="before")(lambda cls, v: metric_names(v))
    _unique = field_validator("metrics")(lambda cls, v: unique_metrics(v))

    def chosen(self) -> list[str]:
        return list(self.metrics) if self.metrics else list(DEFAULT_METRICS)


# -- the tools -----------------------------------------------------------------------------

def kpis(store: JourneyStore, params: KpiParams | None = None,
         settings: KpiSettings | None = None) -> KpiResult:
    """All (or the chosen) KPIs for a period, each with its sample size; those the data
    cannot answer are left out and named."""
    params = params or KpiParams()
    settings = settings or KpiSettings()
    with store.connect() as con:
        return _kpis(store, con, params, settings)


def _kpis(store: JourneyStore, con: duckdb.DuckDBPyConnection, params: KpiParams,
          settings: KpiSettings) -> KpiResult:
    caps = capabilities(store, con)
    asked = params.chosen()
    # buyers or orders asked by name of an export with purchase events and no orders table
    swaps = stand_ins(caps, asked) if params.metrics else {}
    metrics, unavailable = caps.split(list(dict.fromkeys(swaps.get(m, m) for m in asked)))
    if not metrics:
        raise NoDataError(f"The loaded data cannot answer this: {missing_text(unavailable)}. "
                          "`journeybot describe` lists what it can answer.")
    values: dict[str, KpiValue] = {}
    rows: dict[str, int] = {}
    notes: list[str] = []
    extra: dict[str, list[dict[str, Any]]] = {}
    statuses: OrderStatusCounts | None = None
    headline: Scope | None = None
    for table, group in by_table(metrics).items():
        with open_scope(store, params.period, params.filters, settings, params.churn_window_days,
                        params.cart_window_hours, table=table, con=con) as (con, scope):
            headline = headline or scope
            who = kpi_frame.prepare_who(con, scope.filters, None)
            try:
                got = measure(con, scope, table, group, who=who, details=True)
                if params.min_orders and "times" in got.extra:
                    got.values = [_at_least(v, params.min_orders, got.extra["times"]) for v in got.values]
                if not got.empty and table == "orders" and ({"orders", "revenue", "aov"} | STATUS_KPIS) & set(group):
                    statuses = order_status_counts(con, scope.frame("period", None, who))
                    got.notes.append(_orders_note(statuses, scope, group))
            finally:
                kpi_frame.drop_who(con, who)
        rows.update(got.rows)
        extra.update(got.extra)
        notes += got.notes
        if scope.period.note:
            notes.append(scope.period.note)
        values.update({v.metric: v for v in got.values})
    assert headline is not None
    if swaps:
        notes.append(stand_in_note(swaps, headline.granularity == "month"))
        values.update({m: as_count(values[src], m) for m, src in swaps.items() if src in values})
        metrics = [m for m in dict.fromkeys(asked) if m in values]
    ordered = [values[m] for m in metrics]
    if all(v.no_data for v in ordered) and not any(rows.values()):
        # Nothing at all in the period: an answer of blanks would say less than this.
        raise NoDataError("; ".join(n for n in notes if n.startswith("no ")) + ".")
    short = short_coverage_note(con, headline.period)
    if short:
        notes.insert(0, short)
    notes += _never_seen(caps, metrics)
    if unavailable:
        notes.append("left out, the loaded data cannot answer them: " + missing_text(unavailable))
    assumed = store.profile.currency_note()
    if assumed and headline.numbers.currency == store.profile.currency and any(
            spec(v.metric).unit == "money" and not v.no_data for v in ordered):
        notes.append(assumed)
    prov = Provenance(
        tool="kpis",
        definition=describe_definition(headline, metrics),
        params=params.model_dump(mode="json", exclude_none=True),
        filters=headline.filters.active(),
        **provenance_period(headline.period, params),
        tables=tuple(rows),
        row_counts=rows,
        notes=tuple(dict.fromkeys(notes)),
    )
    return KpiResult(
        values=tuple(ordered), period_label=headline.period.label, first_day=headline.period.first_day,
        last_day=headline.period.last_day, currency=headline.numbers.currency,
        locale=headline.numbers.locale,
        stage_rows=tuple(StageStep(r["from"], r["to"], r["reached"], r["of"], r["rate"])
                         for r in extra.get("stages", ())),
        exit_rows=tuple(ExitRow(r["touchpoint"], int(r["events"]), int(r["exits"]), float(r["exit_rate"]))
                        for r in extra.get("exits", ())),
        provenance=prov,
        status_rows=statuses.rows if statuses is not None else (),
        unavailable=unavailable,
    )


def _never_seen(caps: Any, metrics: list[str]) -> list[str]:
    """A refund (cancellation) KPI over data with no returned (cancelled) order at all: its 0 may
    mean the export does not record them, which the owner is told rather than left to read as none."""
    out = []
    for need, kpis_of, what in (("returns", {"refunded_orders", "refund_rate"}, "returned or refunded"),
                                ("cancellations", {"cancelled_orders", "cancellation_rate"}, "cancelled")):
        if kpis_of & set(metrics) and not caps.has(need):
            out.append(f"no order in the whole data is {what}: if the export has no word for it (Olist's "
                       "statuses have none for a refund), 0 here means not recorded, not none")
    return out


def _at_least(v: KpiValue, k: int, times: list[dict[str, Any]]) -> KpiValue:
    """Repeat customers counted at k or more completed orders instead of 2, from the same
    customers' order counts the note under it gives (kpi_sql.times_detail)."""
    if v.metric != "repeat_customers" or v.no_data:
        return v
    count = sum(t["customers"] for t in times if t["times"] >= k)
    return dataclasses.replace(
        v, value=float(count), label=at_least_label(k),
        definition=f"customers who bought in the period and have at least {k} completed orders by its end")


# Read off the kind of every order placed in the period (tools/analytics/order_status.py words them).
STATUS_KPIS = frozenset({"refunded_orders", "refund_rate", "cancelled_orders", "cancellation_rate"})


def _orders_note(statuses: OrderStatusCounts, scope: Scope, metrics: list[str]) -> str:
    heads = []
    if {"orders", "revenue", "aov"} & set(metrics):
        heads.append("orders, revenue and AOV count completed orders")
    asked = STATUS_KPIS & set(metrics)
    if asked:
        # which of the export's words were counted as what: 'refunded' and 'partially refunded'
        # are returns, 'voided' a cancellation, by the business profile's order statuses
        refunds = asked & {"refunded_orders", "refund_rate"}
        kinds = ["refunds count the orders whose status is returned"] if refunds else []
        if asked & {"cancelled_orders", "cancellation_rate"}:
            kinds.append(f"cancellations{'' if refunds else ' count'} the orders whose status is cancelled")
        rates = "; pending orders are in neither rate (they can still be cancelled or returned)" \
            if asked & {"refund_rate", "cancellation_rate"} and statuses.count("pending") else ""
        heads.append(f"{' and '.join(kinds)}, by the business profile's order statuses (the export's own "
                     f"words after each kind){rates}")
    tail = ""
    if asked & {"refunded_orders", "refund_rate"}:
        tail = _partly_refunded(statuses, scope)
    return f"{'; '.join(heads)}: in {scope.period.label}, {statuses.phrase(scope.numbers)}{tail}"


def _partly_refunded(statuses: OrderStatusCounts, scope: Scope) -> str:
    """Sales whose word names a refund (Shopify's partially_refunded, counted at what it kept):
    the refund KPIs leave them out, and say so, so a refund rate of 2% is not read as 'only 2%
    of orders saw money go back'."""
    rows = [r for r in statuses.rows if r.kind == "completed" and "refund" in r.status]
    n = sum(r.orders for r in rows)
    if not n:
        return ""
    f = scope.numbers
    words = ", ".join(f"{f.number(r.orders)} {r.status.replace('_', ' ')}"
                      for r in sorted(rows, key=lambda r: (-r.orders, r.status)))
    verb = "counts as a sale at what the export says it" if n == 1 else "count as sales at what the export says they"
    return f"; {counted(n, 'partly refunded order', f)} {verb} kept, not as refunds ({words})"


def kpi(store: JourneyStore, metric: str, period: Period | str | None = "last_30_days",
        filters: Filters | None = None, settings: KpiSettings | None = None,
        **windows: int) -> KpiResult:
    """One KPI (`result.headline`); windows: churn_window_days=, cart_window_hours=."""
    metric = str(normalize_metric(metric))
    spec(metric)
    return kpis(store, KpiParams(metrics=[metric], period=Period.parse(period),  # type: ignore[list-item]
                                 filters=filters or Filters(), **windows), settings)
