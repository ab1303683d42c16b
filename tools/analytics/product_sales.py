"""What sells best: revenue, orders and units by product or product category for a period,
ranked, top or bottom N, or by how much each grew or shrank against the period before.

    product_sales(store, ProductSalesParams(by="product_category", measure="revenue"))
    -> "Revenue by product category, last 30 days: 1. health_beauty R$ 4.210,00 (12%) ..."

The orders table holds what was bought as a list per order (`products`, `categories`: distinct
values, no price per line), so the money of an order is its total (for Olist the sum of its
payments, freight included) shared equally among the products or categories it lists, and its
units (the order's item count) likewise. Most orders list one category, where this is exact;
the answer says how many orders and how much money were shared. Only completed orders count, as
in the revenue KPI: pending, cancelled and returned ones are left out and counted. A store whose
orders list no products (or no categories) gets a ProductSalesUnavailable
(tools/analytics/product_sales_missing.py): an answer saying why, and what can be ranked instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from tools.analytics.filters import Filters, cohort_sql, validate_filters
from tools.analytics.kpi_frame import COMPLETED
from tools.analytics.kpi_scope import numbers_of
from tools.analytics.periods import Period, ResolvedPeriod, provenance_period, resolve
from tools.analytics.product_sales_missing import ProductSalesUnavailable, unavailable
from tools.core.errors import NoDataError
from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.core.text import counted, text_table
from tools.data.store import JourneyStore

__all__ = ["ProductSalesParams", "ProductSalesResult", "ProductSalesUnavailable", "product_sales"]

By = Literal["product_category", "product"]
Measure = Literal["revenue", "orders", "units"]
_COLUMN = {"product_category": "categories", "product": "products"}
_WHAT = {"product_category": "product category", "product": "product"}
_MEASURE_WORDS = {"revenue": "revenue", "orders": "orders", "units": "units sold"}


class ProductSalesParams(BaseModel):
    """What sells best (or worst): revenue, orders and units sold by product or by product
    category over a period, ranked, with each one's share of the total; or, with rank "change",
    which ones grew or shrank most against the period before.

    Use for "top category by revenue", "which products make us the most money this month",
    "best sellers by units", "which range is shrinking", "worst selling products".
    Examples:
    - "Which product categories make us the most money?" -> {"by": "product_category", "measure": "revenue"}
    - "Best sellers by units this month" -> {"by": "product", "measure": "units", "period": {"name": "this_month"}}
    - "Which range is shrinking?" -> {"by": "product_category", "rank": "change", "order": "bottom"}
    """

    model_config = ConfigDict(extra="forbid")

    by: By = Field(default="product_category", description="product_category: the categories of what "
                   "was bought; product: the products (ids or names as the export gives them).")
    measure: Measure = Field(default="revenue", description="revenue: completed orders' money, an "
                             "order's total shared among what it lists; orders: completed orders listing it; "
                             "units: items sold.")
    period: Period = Field(default_factory=lambda: Period(name="last_30_days"),
                           description="Orders placed in this period; relative names count back from the last order.")
    rank: Literal["value", "change"] = Field(
        default="value", description="value: this period's amount; change: the change against the period "
        "before (growing or shrinking lines).")
    order: Literal["top", "bottom"] = Field(default="top", description="top: best sellers (or fastest "
                                            "growing) first; bottom: worst sellers (or fastest shrinking) first.")
    top: int = Field(default=10, ge=1, le=100, description="How many to list.")
    filters: Filters = Field(default_factory=Filters, description="Only the orders of these customers "
                             "(region, city, segment, channel, persona...).")


@dataclass(frozen=True)
class ProductSalesResult(Priced, ResultMixin):
    by: str
    measure: str
    rank: str
    order: str
    # group, revenue, orders, units, share (of the measure's total), and with rank "change":
    # previous, change (absolute), change_pct; ranked as asked, every group
    groups: pd.DataFrame
    total: float  # the measure over every counted order of the period
    top: int
    previous_label: str | None
    provenance: Provenance = field(repr=False)
    currency: str = "GBP"
    locale: str | None = None

    def to_frame(self) -> pd.DataFrame:
        return self.groups.copy()

    def _value(self, measure: str, v: float) -> str:
        return self.numbers.money(v) if measure == "revenue" else self.numbers.number(v)

    def to_text(self) -> str:
        what = _WHAT[self.by]
        head = f"{_MEASURE_WORDS[self.measure].capitalize()} by {what}, {self.provenance.period_label}"
        if self.rank == "change":
            head += f", against {self.previous_label}"
        shown = self.groups.head(self.top)
        word = {("value", "top"): "best first", ("value", "bottom"): "lowest first",
                ("change", "top"): "biggest rise first", ("change", "bottom"): "biggest fall first"}
        lines = [f"{head} ({word[(self.rank, self.order)]}):"]
        if self.rank == "change":
            header = [what, "this period", "before", "change"]
            rows = [[str(r.group), self._value(self.measure, r.current), self._value(self.measure, r.previous),
                     ("+" if r.change > 0 else "") + self._value(self.measure, r.change)
                     + (f" ({self.numbers.percent(r.change_pct)})" if pd.notna(r.change_pct) else " (new)")]
                    for r in shown.itertuples()]
        else:
            header = [what, "revenue", "orders", "units", "share"]
            rows = [[str(r.group), self.numbers.money(r.revenue), self.numbers.number(r.orders),
                     self.numbers.number(r.units), self.numbers.percent(r.share)] for r in shown.itertuples()]
        lines += ["  " + line for line in text_table(header, rows)]
        if len(self.groups) > self.top:
            lines.append(f"  ... and {counted(len(self.groups) - self.top, what, self.numbers)} more (all with --json)")
        lines += ["", self.provenance.to_text(details=True)]
        return "\n".join(lines)


# Each completed order of the period with the distinct groups it lists; an order's money and
# units are shared equally among them (no price per line is stored).
_LINES = """
    WITH o AS (SELECT order_id, amount, items, {col} AS listed FROM orders
               WHERE {done} AND ts >= $start AND ts < $end{only}),
    g AS (SELECT DISTINCT order_id, trim(x) AS grp FROM (SELECT order_id, unnest(string_split(listed, ',')) AS x FROM o)
          WHERE trim(x) <> ''),
    n AS (SELECT order_id, count(*) AS k FROM g GROUP BY 1)
    SELECT g.grp AS "group", sum(o.amount / n.k) AS revenue, count(*) AS orders,
           sum(coalesce(o.items, n.k) / n.k) AS units
    FROM g JOIN n USING (order_id) JOIN o USING (order_id) GROUP BY 1"""
_OUTSIDE = """
    SELECT count(*) FILTER (WHERE {done} AND nullif(trim({col}), '') IS NULL) AS unlisted,
           coalesce(sum(amount) FILTER (WHERE {done} AND nullif(trim({col}), '') IS NULL), 0) AS unlisted_amount,
           count(*) FILTER (WHERE {done} AND {col} LIKE '%,%') AS shared,
           coalesce(sum(amount) FILTER (WHERE {done} AND {col} LIKE '%,%'), 0) AS shared_amount,
           count(*) FILTER (WHERE status = 'pending') AS pending,
           count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
           coalesce(sum(amount) FILTER (WHERE status = 'cancelled'), 0) AS cancelled_amount,
           count(*) FILTER (WHERE status = 'returned') AS returned,
           count(*) FILTER (WHERE {done}) AS counted, count(items) FILTER (WHERE {done}) AS with_items
    FROM orders WHERE ts >= $start AND ts < $end{only}"""


def product_sales(store: JourneyStore, params: ProductSalesParams) -> ProductSalesResult | ProductSalesUnavailable:
    numbers = numbers_of(store)
    filters = validate_filters(store, params.filters)
    cohort, cohort_args = cohort_sql(filters)
    col = _COLUMN[params.by]
    with store.connect() as con:
        span = con.execute(f"SELECT min(ts), max(ts), count(*), count(nullif(trim({col}), '')) FROM orders").fetchone()
        assert span is not None
        if not span[2]:  # an answer too: nothing sold is loaded
            return unavailable(params.by, params.measure, "", 0, None, None, 0, params.model_dump(mode="json"),
                               numbers.currency, numbers.locale)
        first, last = _local_day(span[0], store.timezone), _local_day(span[1], store.timezone)
        period = resolve(params.period, last, store.timezone, first)
        if not span[3]:  # an answer, not a fault: what was looked at and what can be ranked instead
            other = "products" if params.by == "product_category" else "categories"
            has_other = con.execute(f"SELECT count(nullif(trim({other}), '')) FROM orders").fetchone()[0]  # type: ignore[index]
            return unavailable(params.by, params.measure, period.label, int(span[2]), first, last, int(has_other),
                               params.model_dump(mode="json"), numbers.currency, numbers.locale)
        if cohort:
            con.execute("CREATE OR REPLACE TEMP TABLE jb_product_cohort AS " + cohort, cohort_args)
        only = " AND customer_id IN (SELECT customer_id FROM jb_product_cohort)" if cohort else ""
        try:
            sql = _LINES.format(col=col, done=COMPLETED, only=only)
            now = con.execute(sql, {"start": period.start, "end": period.end}).df()
            out = con.execute(_OUTSIDE.format(col=col, done=COMPLETED, only=only),
                              {"start": period.start, "end": period.end}).df().iloc[0]
            before: ResolvedPeriod | None = None
            prev = None
            if params.rank == "change":
                before = period.previous()
                prev = con.execute(sql, {"start": before.start, "end": before.end}).df()
            # (lane real28a) Olist's "which categories sell the most?" over its empty last 30 days
            # said only when the orders run: the latest completed order listing one, to ask about
            # (looked up only for an empty answer: a ranking with rows needs no other period)
            latest = None
            if now.empty and (prev is None or prev.empty):
                latest = con.execute(f"SELECT max(ts) FROM orders WHERE {COMPLETED} AND ts < $start AND "
                                     f"nullif(trim({col}), '') IS NOT NULL{only}", {"start": period.start}).fetchone()[0]  # type: ignore[index]
        finally:
            if cohort:
                con.execute("DROP TABLE IF EXISTS jb_product_cohort")
    if now.empty and (prev is None or prev.empty):
        raise _nothing_listed(params, period, first, last, latest, store.timezone)
    groups = _ranked(now, prev, params)
    total = float(now[params.measure].sum()) if not now.empty else 0.0
    prov = Provenance(
        tool="product_sales",
        definition=_definition(params),
        params=params.model_dump(mode="json"),
        filters=filters.active(),
        **provenance_period(period, params),
        tables=("orders",) + (("customers",) if cohort else ()),
        row_counts={"completed orders": int(out["counted"]), "counted": int(out["counted"]) - int(out["unlisted"])},
        notes=tuple(_notes(out, params, numbers, last, period, before, prev is not None and not prev.empty)),
    )
    return ProductSalesResult(params.by, params.measure, params.rank, params.order, groups, total, params.top,
                              before.label if before else None, prov, numbers.currency, numbers.locale)


def _nothing_listed(params: ProductSalesParams, period: ResolvedPeriod, first, last, latest: object,  # noqa: ANN001
                    timezone: str) -> NoDataError:
    """No completed order listing one in the period: the same length of period ending on the latest
    day with one, offered as the kpis offer theirs (tools/analytics/kpi_scope.py), else when the orders run."""
    head = f"No completed orders listing a {_WHAT[params.by]} in {period.label}"
    if latest is None:
        return NoDataError(f"{head}; the orders run from {first} to {last}.")
    end = _local_day(latest, timezone)
    if period.months or period.days <= 1:
        return NoDataError(f"{head}; the latest is on {end}: ask about a period up to then.")
    start = end - dt.timedelta(days=period.days - 1)
    # said in words only: the offered reading (bot/agent/empty_period.py) has no phrasing of a product
    # ranking over given dates yet, so a button would ask the empty period again
    return NoDataError(f"{head}; the latest {period.days} days with them are {start} to {end}: ask about that period "
                       f"(e.g. \"... from {start} to {end}\").")


def _local_day(value: object, timezone: str):
    ts = pd.Timestamp(value)  # type: ignore[arg-type]
    return (ts.tz_localize("UTC") if ts.tzinfo is None else ts).tz_convert(timezone).date()


def _ranked(now: pd.DataFrame, prev: pd.DataFrame | None, params: ProductSalesParams) -> pd.DataFrame:
    m = params.measure
    frame = now.copy()
    total = frame[m].sum()
    frame["share"] = frame[m] / total if total else 0.0
    if prev is None:
        low = params.order == "bottom"
        return frame.sort_values([m, "revenue", "group"], ascending=[low, low, True]).reset_index(drop=True)
    both = frame.merge(prev[["group", m]].rename(columns={m: "previous"}), on="group", how="outer")
    both[["revenue", "orders", "units", "share", "previous"]] = both[
        ["revenue", "orders", "units", "share", "previous"]].fillna(0.0)
    both["current"] = both[m]
    both["change"] = both["current"] - both["previous"]
    both["change_pct"] = (both["change"] / both["previous"]).where(both["previous"] > 0)
    return both.sort_values(["change", "group"], ascending=[params.order == "bottom", True]).reset_index(drop=True)


def _definition(params: ProductSalesParams) -> str:
    what = _WHAT[params.by]
    return (f"completed orders placed in the period, by the {what} each lists (distinct per order); revenue "
            f"per {what} = each order's total as loaded (the order's amount: what the customer paid, freight and "
            f"fees included when the export's total includes them, as Olist's payments do) shared equally among "
            f"the {what.replace('y', 'ie')}s it lists, since no price per line is stored; orders = completed orders listing it; units = the order's item count shared the same way "
            "(one per listed value when the count is missing); pending, cancelled and returned orders left out")


def _notes(out: pd.Series, params: ProductSalesParams, numbers, last, period: ResolvedPeriod, before,
           had_before: bool) -> list[str]:
    what = _WHAT[params.by]
    notes = [f"data to {last} (the last order loaded)"]
    if period.last_day > last:  # "2018" of data ending in October: the rest of the year is not a fall
        notes.append(f"the period runs to {period.last_day}, past the last order ({last}): its last "
                     f"{counted((period.last_day - last).days, 'day', numbers)} have no orders")
    if int(out["shared"]):
        notes.append(f"{counted(int(out['shared']), 'order', numbers)} ({numbers.money(float(out['shared_amount']))}) "
                     f"{'lists' if int(out['shared']) == 1 else 'list'} several {what.replace('y', 'ie')}s: their money and units are shared equally")
    if int(out["unlisted"]):
        notes.append(f"{counted(int(out['unlisted']), 'completed order', numbers)} "
                     f"({numbers.money(float(out['unlisted_amount']))}) {'lists' if int(out['unlisted']) == 1 else 'list'} "
                     f"no {what}: not counted")
    left = [(int(out["pending"]), "pending"), (int(out["cancelled"]), "cancelled"), (int(out["returned"]), "returned")]
    said = ", ".join(f"{numbers.number(n)} {w}" for n, w in left if n)
    if said:
        notes.append(f"left out: {said} order{'s' if sum(n for n, _ in left) != 1 else ''}"
                     + (f" (cancelled worth {numbers.money(float(out['cancelled_amount']))})" if int(out["cancelled"]) else ""))
    if params.measure == "units" and int(out["with_items"]) < int(out["counted"]):
        notes.append(f"{counted(int(out['counted']) - int(out['with_items']), 'order', numbers)} have no item count: "
                     f"one unit per {what} listed")
    if before is not None and not had_before:
        notes.append(f"no completed orders list a {what} in {before.label}: every one is new against it")
    return notes
