"""What the KPI tools (kpis, trends, compare, movers) share: the settings, a validated request
(`Scope`) anchored on the data of the table a metric reads, the snapshot of one period, and the
notes that go with its values.

Relative periods end on the last day with data for the table a KPI reads (orders for sales,
surveys for satisfaction, events for the journey and the web, tickets for support), not on the
last day of any table: Olist's reviews run weeks past its last order, and "orders in the last
30 days" must mean the last 30 days with orders. A period with no rows for a table says so and
offers the latest period that has them (`empty_note`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb

from tools.analytics import kpi_frame, kpi_sessions, kpi_sql
from tools.analytics.filters import Filters, validate_filters
from tools.analytics.kpi_catalog import SPECS, MetricSpec
from tools.analytics.kpi_long import LongRow
from tools.analytics.kpi_notes import kpi_notes
from tools.analytics.kpi_request import TABLE_NOUNS, KpiSettings, Scope
from tools.analytics.kpi_result import KpiValue
from tools.analytics.periods import Period, ResolvedPeriod, resolve
from tools.analytics.stray_rows import stray_note
from tools.core.errors import LatestWithData, NoDataError, TableNotLoaded
from tools.core.money import NumberFormat
from tools.core.text import counted
from tools.data import session_table, spans
from tools.data.store import JourneyStore

if TYPE_CHECKING:  # the snapshot of one period reads tuples; frames are for series and movers
    import pandas as pd

# The table each family of KPIs reads, whose last day anchors its periods.
FAMILY_TABLES: dict[str, str] = {
    "stages": "events", "arrivals": "events", "sessions": "events", "deliveries": "events",
    "orders": "orders", "churn": "orders", "on_time": "orders", "surveys": "surveys", "tickets": "tickets",
    "open_tickets": "tickets", "ticket_flow": "tickets", "contacts": "tickets",
}
# Families whose rows are not the table's rows dated in the period: churn counts customers
# active before it (and lapsing in it), on-time delivery dates orders by the day they are due.
# A period with no orders of its own is still an answer for them, unless it lies before the data.
UNDATED_FAMILIES = frozenset({"churn", "on_time", "open_tickets"})


def metric_table(metric: str) -> str:
    return FAMILY_TABLES[SPECS[metric].family]


def by_table(metrics: list[str]) -> dict[str, list[str]]:
    """Metrics grouped by the table they read, tables in the order their first metric comes."""
    out: dict[str, list[str]] = {}
    for m in metrics:
        out.setdefault(metric_table(m), []).append(m)
    return out


def promise_of(store: JourneyStore, settings: KpiSettings) -> KpiSettings:
    """The settings with the business profile's delivery promise: the profile travels with the
    data folder, so it wins over [analytics] delivery_promise_days. A number of days is the
    promise for every order without a promised date of its own; a column name says each order
    carries its own (loaded as orders.promised_at), so only orders with one are judged."""
    promise = store.profile.delivery_promise
    if isinstance(promise, bool) or promise is None:
        return settings
    days = promise if isinstance(promise, int) else None
    if days != settings.delivery_promise_days:
        return dataclasses.replace(settings, delivery_promise_days=days)
    return settings


def numbers_of(store: JourneyStore, settings: KpiSettings | None = None) -> NumberFormat:
    """How this business writes money: the profile's currency and locale, unless the settings
    name another currency."""
    if settings is not None and settings.currency:
        return NumberFormat.of(settings.currency, settings.locale)
    return store.profile.numbers


@contextlib.contextmanager
def open_scope(store: JourneyStore, period: Period | str | None, filters: Filters | None,
               settings: KpiSettings | None, churn_window_days: int | None = None,
               cart_window_hours: int | None = None, table: str | None = None,
               con: duckdb.DuckDBPyConnection | None = None,
               ) -> Iterator[tuple[duckdb.DuckDBPyConnection, Scope]]:
    """Validate the request and hold one connection for all its queries: a file store opens a
    connection per use, and that costs more than most KPI queries. With `table`, relative
    periods end on that table's last day of data (and are read in months for data dated by
    month only); without, on the last day of events or orders. `con`: a connection the caller
    already holds (one per answer: opening a file store costs more than most KPI queries)."""
    fixed = validate_filters(store, filters) if filters is not None and not filters.is_empty() else Filters()
    settings = promise_of(store, settings or KpiSettings())
    with (contextlib.nullcontext(con) if con is not None else store.connect()) as con:
        # DuckDB draws a progress bar on stdout for long queries; it would land in the answer.
        con.execute("SET enable_progress_bar = false")
        granularity = "time"
        if table is None:
            rng = kpi_sql.date_range(con)
        else:
            span = spans.table_span(con, table, spans.load_cap(con))
            rng = (span.first_day, span.last_day) if span.has_data else None
            granularity = span.granularity
        if rng is None or rng[0] is None or rng[1] is None:
            what = f"no {TABLE_NOUNS[table]}" if table else "no events or orders"
            raise TableNotLoaded(f"The journey store has {what} yet; load them with `journeybot ingest` "
                                 "(`journeybot describe` lists what is loaded).", missing=what)
        data_start, as_of = rng
        resolved = resolve(period, as_of, store.timezone, data_start, granularity)
        end = kpi_sql.data_end(con) or dt.datetime.combine(as_of + dt.timedelta(days=1), dt.time(),
                                                            tzinfo=resolved.start.tzinfo)
        yield con, Scope(resolved, fixed, settings, churn_window_days or settings.churn_window_days,
                         cart_window_hours or settings.cart_window_hours, data_start, as_of, end,
                         store.timezone, numbers_of(store, settings), table, granularity)


def snapshot(con: duckdb.DuckDBPyConnection, scope: Scope, metrics: list[str],
             period: ResolvedPeriod | None = None, by: str | None = None, who: str | None = None,
             ) -> tuple[pd.DataFrame, dict[str, int], dict[str, Any]]:
    """Long frame (grp, metric, value, n, ...) for one period, with rows read (top movers: a
    row per group). `who` is a table from kpi_frame.prepare_who(con, scope.filters, by) that
    the caller made once for several periods (and drops); by default it is made here."""
    return _snapshot(con, scope, metrics, period, by, False, who, kpi_sql.compute)


def snapshot_rows(con: duckdb.DuckDBPyConnection, scope: Scope, metrics: list[str],
                  period: ResolvedPeriod | None = None, details: bool = False, who: str | None = None,
                  ) -> tuple[list[LongRow], dict[str, int], dict[str, list[dict[str, Any]]]]:
    """`snapshot` of everyone in scope as `LongRow`s, with the details the KPI text shows
    (step conversions, exits by touchpoint, undelivered orders) as plain rows: no pandas."""
    return _snapshot(con, scope, metrics, period, None, details, who, kpi_sql.compute_rows)


def _snapshot(con: duckdb.DuckDBPyConnection, scope: Scope, metrics: list[str], period: ResolvedPeriod | None,
              by: str | None, details: bool, who: str | None, compute: Any) -> tuple[Any, dict[str, int], dict[str, Any]]:
    extra: dict[str, Any] = {}
    mine = who is None
    if mine:
        who = kpi_frame.prepare_who(con, scope.filters, by)
    try:
        frame = scope.frame("period", period, who)
        long = compute(con, frame, metrics)
        rows = kpi_sql.rows_in_period(con, frame, kpi_sql.families_of(metrics))
        if details and by is None:
            if "exit_rate" in metrics:
                extra["exits"] = kpi_sessions.exit_detail(con, frame)
            if any(m.startswith("conversion_") for m in metrics):
                extra["stages"] = kpi_sql.stage_detail(long)
            if "on_time_delivery" in metrics:
                extra["undelivered"] = kpi_sql.undelivered_detail(con, frame)
            if "survey_responses" in metrics:
                extra["answers"] = kpi_sql.answers_detail(con, frame)
            if "repeat_customers" in metrics:
                extra["times"] = kpi_sql.times_detail(con, frame)
    finally:
        if mine:
            kpi_frame.drop_who(con, who)
    return long, rows, extra


def kpi_values(long: pd.DataFrame | Iterable[LongRow], metrics: list[str], settings: KpiSettings,
               grp: str = "all", period_label: str = "", no_data: bool = False) -> list[KpiValue]:
    """KpiValues in the order asked, from a long frame (kpi_sql.compute) or its rows
    (compute_rows). Where the period has no rows for a value's table (`no_data`), there is no
    value, not a zero; inside a period with rows, a total with no rows of its own is a true
    zero."""
    tuples = long.itertuples(index=False) if hasattr(long, "itertuples") else long
    rows = {r.metric: r for r in tuples if r.grp == grp}
    out = []
    for m in metrics:
        s = SPECS[m]
        r = rows.get(m)
        if r is None or no_data:
            value = 0.0 if s.kind == "total" and not no_data else None
            out.append(_value(s, value, 0, settings, period_label=period_label, no_data=no_data))
            continue
        out.append(_value(s, _f(r.value), int(r.n), settings, _f(r.num), _f(r.den), _f(r.median),
                          int(r.excluded), period_label))
    return out


def _f(x: Any) -> float | None:
    """A value as a float; None for NULL and NaN (no value)."""
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def _value(s: MetricSpec, value: float | None, n: int, settings: KpiSettings,
           num: float | None = None, den: float | None = None, median: float | None = None,
           excluded: int = 0, period_label: str = "", no_data: bool = False) -> KpiValue:
    small = 0 < n < settings.min_sample and s.kind != "total"
    rough = 0 < n < settings.min_sample and s.kind == "total"
    return KpiValue(s.name, s.label, value, n, s.n_label, s.unit, s.higher_is_better, num, den,
                    median, excluded, small, s.definition, period_label, no_data, rough)


@dataclass(frozen=True)
class Rows:
    """The rows a KPI is computed from, to tell "no data for this question in the period" from
    a true zero: its table, a condition on a row (alias t) and what to call them."""

    table: str
    where: str
    noun: str
    # rows drawn from more than one table: a subquery of (customer_id, ts) standing for `table`
    source: str | None = None

    @property
    def from_sql(self) -> str:
        return f"({self.source})" if self.source else f'"{self.table}"'

    @property
    def dated(self) -> str:
        return "ts" if self.source else spans.DATED[self.table]


_COMPLETED_T = "coalesce(t.status, 'completed') = 'completed'"
FAMILY_ROWS: dict[str, Rows] = {
    "stages": Rows("events", "TRUE", "journey events"),
    "arrivals": Rows("events", "TRUE", "journey events"),
    "sessions": Rows("events", f"t.touchpoint IN ({session_table.BROWSE})", "web visits"),
    # a delivery is an order's delivered date, or a delivery event (the KPI counts each once)
    "deliveries": Rows("events", "TRUE", "deliveries",
                       "SELECT customer_id, ts FROM events WHERE touchpoint = 'delivery' "
                       "UNION ALL SELECT customer_id, delivered_at AS ts FROM orders "
                       "WHERE delivered_at IS NOT NULL"),
    "orders": Rows("orders", _COMPLETED_T, "completed orders"),
    "churn": Rows("orders", _COMPLETED_T, "completed orders"),
    "on_time": Rows("orders", "(t.fulfilment = 'delivery' OR t.promised_at IS NOT NULL "
                    "OR t.delivered_at IS NOT NULL)", "delivery orders"),
    "surveys": Rows("surveys", "TRUE", "survey answers"),
    "tickets": Rows("tickets", "TRUE", "support tickets"),
    "open_tickets": Rows("tickets", "TRUE", "support tickets"),
    "contacts": Rows("tickets", "TRUE", "support tickets"),
    # resolved tickets are dated by their resolution: a period with closures but no new ticket
    # has an answer
    "ticket_flow": Rows("tickets", "TRUE", "support tickets opened or resolved",
                        "SELECT customer_id, created_at AS ts FROM tickets UNION ALL "
                        "SELECT customer_id, greatest(resolved_at, created_at) AS ts FROM tickets "
                        "WHERE resolved_at IS NOT NULL"),
}
# Refunds and cancellations are read off every order placed in the period, not only completed ones.
_ALL_ORDERS = Rows("orders", "TRUE", "orders")
METRIC_ROWS: dict[str, Rows] = {
    **dict.fromkeys(("refunded_orders", "refund_rate", "cancelled_orders", "cancellation_rate"), _ALL_ORDERS),
    "csat": Rows("surveys", "t.csat IS NOT NULL", "CSAT answers"),
    "csat_mean": Rows("surveys", "t.csat IS NOT NULL", "CSAT answers"),
    "low_review_share": Rows("surveys", "t.csat IS NOT NULL", "CSAT answers"),
    "nps": Rows("surveys", "t.nps IS NOT NULL", "NPS answers"),
}


def rows_of(metric: str) -> Rows:
    return METRIC_ROWS.get(metric) or FAMILY_ROWS[SPECS[metric].family]


@dataclass
class Measured:
    """One table's KPIs for one period: the values, rows read, details and notes."""

    values: list[KpiValue]
    rows: dict[str, int]
    extra: dict[str, list[dict[str, Any]]]  # snapshot_rows' details
    notes: list[str]
    empty: bool  # the table has no rows in the period (for the customers asked about)


def measure(con: duckdb.DuckDBPyConnection, scope: Scope, table: str, metrics: list[str],
            period: ResolvedPeriod | None = None, who: str | None = None, details: bool = False) -> Measured:
    """The KPIs of one table for one period. A KPI whose rows (completed orders for sales, CSAT
    answers for CSAT, ...) are absent from the period has no data (not 0), and a note offers
    the latest period that has them."""
    p = period or scope.period
    frame = scope.frame("period", p, who)
    counts = {r: rows_for(con, frame, r) for r in {rows_of(m) for m in metrics}}
    # Before the table's data begins, nothing can be said, not even of churn.
    before = p.last_day < scope.data_start
    blank = [m for m in metrics if counts[rows_of(m)] == 0
             and (before or SPECS[m].family not in UNDATED_FAMILIES)]
    live = [m for m in metrics if m not in blank]
    got: dict[str, KpiValue] = {}
    total = rows_for(con, frame, Rows(table, "TRUE", ""))
    out = Measured([], {table: total}, {}, [], empty=total == 0)
    if blank:
        at = scope if period is None else dataclasses.replace(scope, period=p)
        for r in dict.fromkeys(rows_of(m) for m in blank):
            out.notes.append(empty_note(con, at, frame, r))
        got.update((v.metric, v) for v in kpi_values([], blank, scope.settings,
                                                      period_label=p.label, no_data=True))
    if live:
        long, out.rows, out.extra = snapshot_rows(con, scope, live, period=p, details=details, who=who)
        found = kpi_values(long, live, scope.settings, period_label=p.label)
        got.update((v.metric, v) for v in found)
        out.notes += kpi_notes(scope, found, p.first_day, out.extra.get("undelivered"), p.last_day,
                               out.extra.get("answers"), out.extra.get("times"))
    if period is None and p.first_day <= scope.data_start and total:
        # "all the data" labelled from one stray order in 2015 when the shop's data starts in
        # 2018: said, as the trend over it says it (tools/analytics/stray_rows.py)
        out.notes += [n for n in (stray_note(con, scope, frame, table),) if n]
    out.values = [got[m] for m in metrics]
    return out


def rows_for(con: duckdb.DuckDBPyConnection, frame: kpi_frame.Frame, rows: Rows | str) -> int:
    """How many of `rows` (or of a table's rows) are in the frame's period, for the customers
    in scope."""
    r = rows if isinstance(rows, Rows) else Rows(rows, "TRUE", TABLE_NOUNS[rows])
    col = r.dated
    sql = (f'SELECT count(*) AS n FROM {r.from_sql} t {frame.join("t")} '
           f'WHERE t."{col}" >= $start AND t."{col}" < $end AND ({r.where})')
    return int(kpi_frame.run_records(con, sql, frame)[0]["n"])


def empty_note(con: duckdb.DuckDBPyConnection, scope: Scope, frame: kpi_frame.Frame, rows: Rows | str) -> str:
    """'no completed orders in last 30 days (...); the latest 30 days with completed orders are
    2018-07-31 to 2018-08-29': the same length of period, ending on the last day with such rows
    (for the customers asked about) before the period, or where they start after it."""
    return _empty(con, scope, frame, rows)[0]


def no_data(con: duckdb.DuckDBPyConnection, scope: Scope, frame: kpi_frame.Frame, rows: Rows | str) -> NoDataError:
    """The error for a period without the rows asked about: `empty_note`'s words, and the latest
    period that has them as a field, for a caller to offer without reading the words."""
    text, latest = _empty(con, scope, frame, rows)
    return NoDataError(text + ".", latest=latest)


def _empty(con: duckdb.DuckDBPyConnection, scope: Scope, frame: kpi_frame.Frame,
           rows: Rows | str) -> tuple[str, LatestWithData | None]:
    r = rows if isinstance(rows, Rows) else Rows(rows, "TRUE", TABLE_NOUNS[rows])
    col = r.dated
    p = scope.period
    who = " for these customers" if frame.filtered else ""
    row = kpi_frame.run_records(con, f"""
        SELECT max(t."{col}") FILTER (WHERE t."{col}" < $start) AS before,
               min(t."{col}") FILTER (WHERE t."{col}" >= $end) AS after
        FROM {r.from_sql} t {frame.join('t')} WHERE {r.where}""", frame)[0]
    head = f"no {r.noun} in {p.label}{who}"
    tz = p.start.tzinfo
    assert isinstance(tz, dt.tzinfo)
    if row["before"] is not None:
        last = row["before"].astimezone(tz).date()
        if scope.granularity == "month" and not p.months and last.day == 1:
            # Rows dated by month only (UCI shoppers): "the latest 30 days ... are 2017-01-31 to
            # 2017-03-01" spanned two months' rows; the month is what such data can offer.
            end = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            return (f"{head}; the latest month with {r.noun} is {last:%b %Y}: ask about that month",
                    LatestWithData(head, last, end))
        text = f"{head}; the latest {_length(p)} with {r.noun} {_are(p)} {_same_length(p, last)}: ask about that period"
        # a period of days is offered as those days; one of whole months is named only in words
        first = last - dt.timedelta(days=p.days - 1)
        return text, (LatestWithData(head, first, last) if not p.months and p.days > 1 else None)
    if row["after"] is not None:
        first = row["after"].astimezone(tz).date()
        return f"{head}; the {r.noun}{who} start on {first}", None
    return f"{head}, and none at any other time{who}", None


def _length(p: ResolvedPeriod) -> str:
    if p.months:
        return "month" if p.months == 1 else f"{p.months} months"
    return "day" if p.days == 1 else f"{p.days} days"


def _are(p: ResolvedPeriod) -> str:
    return "is" if (p.months or p.days) == 1 else "are"


def _same_length(p: ResolvedPeriod, last: dt.date) -> str:
    """The period as long as `p` that ends on `last` (in months for a period read in months)."""
    if p.months:
        k = last.year * 12 + last.month - 1 - (p.months - 1)
        start = dt.date(k // 12, k % 12 + 1, 1)
        return f"{start:%b %Y}" if p.months == 1 else f"{start:%b %Y} to {last:%b %Y}"
    first = last - dt.timedelta(days=p.days - 1)
    return str(first) if p.days == 1 else f"{first} to {last}"


def describe_definition(scope: Scope, metrics: list[str] | None = None) -> str:
    text = (
        f"definitions in docs/METRICS.md; days in {scope.timezone}; orders, revenue and AOV count "
        "completed orders (the others are named by status); conversions read purchase-stage "
        f"events; churn window {scope.churn_days} days; cart window {scope.cart_hours} h"
    )
    if metrics is None or "on_time_delivery" in metrics:
        days = scope.settings.delivery_promise_days
        text += ("; delivery promise: each order's own promised date" if days is None else
                 f"; delivery promise {counted(days, 'day')} after the order day, or the order's own "
                 "promised date where it has one")
    return text


def check_inside(scope: Scope, period: ResolvedPeriod | None = None) -> None:
    """A period wholly outside the data is a mistake worth saying; inside it, no rows is an
    answer (n = 0)."""
    p = period or scope.period
    if p.last_day < scope.data_start or p.first_day > scope.as_of:
        raise NoDataError(
            f"No {scope.noun} in {p.label}: they cover {scope.data_start} to {scope.as_of}. "
            "Choose a period inside it."
        )
