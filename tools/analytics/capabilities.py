"""What the loaded data can answer: each KPI and analysis declares the tables and columns it
needs, and the store is checked against those needs in one query.

A KPI the data cannot support is left out of "all KPIs" (and named, with the reason) or refused
when asked for by name, instead of being computed from what loading happened to create: an
export with only order and review events has no web sessions, so it has no bounce rate either.
`describe` lists both sides. docs/METRICS.md has the same table in words.
"""

from __future__ import annotations

import contextlib
from dataclasses import astuple, dataclass
from typing import TYPE_CHECKING

import duckdb

from tools.analytics.kpi_catalog import METRICS, SPECS
from tools.core.errors import NoDataError
from tools.core.stages import STAGES
from tools.data.store import JourneyStore

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Need:
    """One thing the data must hold, how to count it, and what is missing when it does not."""

    label: str  # what it is, in words: "web sessions"
    count_sql: str  # SQL giving how many there are
    missing: str  # why an analysis needing it cannot run, for a shop owner
    columns: str  # tables.columns it reads, for docs/METRICS.md and describe --json


_COMPLETED = "coalesce(status, 'completed') = 'completed'"

# Keyed by a short name that METRIC_NEEDS and ANALYSES use.
NEEDS: dict[str, Need] = {
    "events": Need("journey events", "SELECT count(*) FROM events",
                   "no journey events are loaded", "events.customer_id, ts, touchpoint, stage"),
    "purchase_events": Need("purchase-stage events", "SELECT count(*) FROM events WHERE stage = 'purchase'",
                            "no purchase-stage events (an order, purchase or in-store sale)",
                            "events.stage = purchase"),
    "sessions": Need("web sessions", "SELECT count(*) FROM sessions",
                     "no web sessions: the events hold no website visits or page, product, cart or "
                     "checkout views (order, delivery and review events are not visits)",
                     "events.session_id, touchpoint (web pages), ts"),
    "session_purchases": Need("web sessions with a purchase", "SELECT count(*) FROM sessions WHERE bought",
                              "no web session includes a purchase or order event", "events.touchpoint (order_placed, purchase)"),
    "carts": Need("web sessions with a basket", "SELECT count(*) FROM sessions WHERE first_cart IS NOT NULL",
                  "no add-to-cart or checkout events in web sessions",
                  "events.touchpoint (add_to_cart, cart, checkout_start)"),
    "orders": Need("orders", "SELECT count(*) FROM orders", "no orders are loaded",
                   "orders.order_id, customer_id, ts, amount, status"),
    "completed_orders": Need("completed orders", f"SELECT count(*) FROM orders WHERE {_COMPLETED}",
                             "no completed orders (every order is pending, cancelled or returned)",
                             "orders.status (completed)"),
    # Refunds and cancellations need an export that says what became of an order: one listing
    # only what was sold (every order completed, or no status at all) cannot tell a shop with
    # no refunds from one whose refunds are not in the file.
    "order_statuses": Need("orders with a status other than completed",
                           "SELECT count(*) FROM orders WHERE status IN ('pending', 'cancelled', 'returned')",
                           "the orders carry no status other than completed (the export lists what was "
                           "sold, not what was cancelled or refunded)", "orders.status, status_raw"),
    # Not needed by any KPI, but said under the refund and cancellation KPIs when absent: an
    # export with no word for a refund (Olist) gives a refund rate of 0 that means "not recorded".
    "returns": Need("returned or refunded orders", "SELECT count(*) FROM orders WHERE status = 'returned'",
                    "no order is returned or refunded", "orders.status (returned)"),
    "cancellations": Need("cancelled orders", "SELECT count(*) FROM orders WHERE status = 'cancelled'",
                          "no order is cancelled", "orders.status (cancelled)"),
    "repeat_buyers": Need("customers with two or more completed orders",
                          f"SELECT count(*) FROM (SELECT customer_id FROM orders WHERE {_COMPLETED} "
                          "GROUP BY customer_id HAVING count(*) > 1)",
                          "no customer has more than one completed order", "orders.customer_id"),
    "deliveries": Need("deliveries (delivered dates or delivery events)",
                       "SELECT (SELECT count(*) FROM events WHERE touchpoint = 'delivery') "
                       "+ (SELECT count(delivered_at) FROM orders)",
                       "no delivery dates or delivery events (a delivered date per order)",
                       "orders.delivered_at or events.touchpoint = delivery"),
    "delivery_orders": Need("delivery orders",
                            "SELECT count(*) FROM orders WHERE fulfilment = 'delivery' "
                            "OR promised_at IS NOT NULL OR delivered_at IS NOT NULL",
                            "no delivery orders (orders.fulfilment = delivery, or a promised or "
                            "delivered date)", "orders.fulfilment, promised_at, delivered_at"),
    "csat": Need("CSAT answers", "SELECT count(csat) FROM surveys", "no CSAT (1-5) answers in the surveys",
                 "surveys.csat"),
    "nps": Need("NPS answers", "SELECT count(nps) FROM surveys", "no NPS (0-10) answers in the surveys",
                "surveys.nps"),
    "texts": Need("customer texts", "SELECT (SELECT count(text) FROM surveys) + (SELECT count(text) FROM tickets)",
                  "no free text from customers (survey answers or tickets)", "surveys.text, tickets.text"),
    "surveys": Need("survey answers", "SELECT count(*) FROM surveys", "no survey or review answers are loaded",
                    "surveys.ts"),
    "tickets": Need("support tickets", "SELECT count(*) FROM tickets", "no support tickets are loaded",
                    "tickets.ticket_id, created_at"),
    "replied": Need("tickets with a first reply", "SELECT count(first_response_at) FROM tickets",
                    "no tickets with a first-response time", "tickets.first_response_at"),
    "resolved": Need("resolved tickets", "SELECT count(resolved_at) FROM tickets",
                     "no tickets with a resolution time", "tickets.resolved_at"),
    # Repeat contacts tell one customer's tickets apart: a desk export with no customer on its
    # tickets (a shared inbox's log) has none to tell, and is not computed rather than 0.
    "ticket_customers": Need("tickets with a customer id", "SELECT count(customer_id) FROM tickets",
                             "the support tickets carry no customer id (who wrote in), so one customer's "
                             "tickets cannot be told from another's", "tickets.customer_id"),
    "customers": Need("customers with orders or events",
                      "SELECT count(*) FROM (SELECT customer_id FROM orders UNION SELECT customer_id FROM events)",
                      "no customers with orders or journey events", "orders.customer_id, events.customer_id"),
}

# A need that cannot be met without another: the reason given is the more basic one ("no orders
# are loaded", not "no completed orders").
PARENTS: dict[str, str] = {
    "purchase_events": "events", "sessions": "events", "session_purchases": "sessions", "carts": "sessions",
    "completed_orders": "orders", "repeat_buyers": "completed_orders", "order_statuses": "orders",
    "delivery_orders": "orders", "replied": "tickets", "resolved": "tickets",
    "ticket_customers": "tickets",
}

# What each KPI needs (all of them). Step conversions also need their stages (see below).
METRIC_NEEDS: dict[str, tuple[str, ...]] = {
    "active_customers": ("events",),
    "new_visitors": ("events",),
    "purchase_conversion": ("events", "purchase_events"),
    "sessions": ("sessions",),
    "session_conversion": ("sessions", "session_purchases"),
    "bounce_rate": ("sessions",),
    "exit_rate": ("sessions",),
    "session_length": ("sessions",),
    "pages_per_session": ("sessions",),
    "cart_abandonment": ("carts",),
    "revenue": ("orders",),
    "orders": ("orders",),
    "aov": ("orders",),
    "repeat_purchase_rate": ("completed_orders",),
    "buyers": ("completed_orders",),
    "repeat_customers": ("completed_orders",),
    "clv": ("completed_orders",),
    "time_to_first_purchase": ("completed_orders",),
    "churn_rate": ("completed_orders",),
    "refunded_orders": ("order_statuses",),
    "refund_rate": ("order_statuses",),
    "cancelled_orders": ("order_statuses",),
    "cancellation_rate": ("order_statuses",),
    "delivery_time": ("deliveries",),
    "delivery_time_p90": ("deliveries",),
    "on_time_delivery": ("delivery_orders", "deliveries"),
    "csat": ("csat",),
    "csat_mean": ("csat",),
    "low_review_share": ("csat",),
    "nps": ("nps",),
    "survey_responses": ("surveys",),
    "tickets": ("tickets",),
    # without any resolution time every ticket would look open: not computed rather than wrong
    "open_tickets": ("resolved",),
    # without resolution times every ticket would look unresolved: refused, never a 0
    "resolved_tickets": ("resolved",),
    "resolution_rate": ("resolved",),
    "backlog_change": ("resolved",),
    "first_response_time": ("replied",),
    "first_response_time_p90": ("replied",),
    "resolution_time": ("resolved",),
    "resolution_time_p90": ("resolved",),
    "repeat_contacts": ("ticket_customers",),
    "repeat_contact_rate": ("ticket_customers",),
}
STEP_METRICS: dict[str, int] = {f"conversion_{s.replace('-', '_')}": k for k, s in enumerate(STAGES) if k}
assert set(METRIC_NEEDS) | set(STEP_METRICS) == set(METRICS)


@dataclass(frozen=True)
class Analysis:
    name: str
    label: str  # what it answers, for describe
    needs: tuple[str, ...]


ANALYSES: tuple[Analysis, ...] = (
    Analysis("funnel", "funnels: customers reaching each stage in order", ("events",)),
    Analysis("dropoffs", "where people who did not buy were last (drop-offs)", ("events", "purchase_events")),
    Analysis("paths", "the most common paths to buying and to leaving", ("events",)),
    Analysis("kpis", "KPIs, trends, comparisons and top movers", ()),
    Analysis("feedback", "what customers say: search with quotes, themes, sentiment", ("texts",)),
    Analysis("personas", "personas drafted from customer behaviour", ("customers",)),
    Analysis("predict", "who may leave, who will buy, expected revenue (predictions)", ("completed_orders",
                                                                                    "repeat_buyers")),
    Analysis("journey_map", "the customer journey map", ("events",)),
    Analysis("support", "support response and resolution times", ("tickets",)),
)


@dataclass(frozen=True)
class MetricAvailability:
    metric: str
    label: str
    available: bool
    reason: str  # why not, for a shop owner; "" when available


@dataclass(frozen=True)
class AnalysisAvailability:
    analysis: str
    label: str
    available: bool
    reason: str


@dataclass(frozen=True)
class Capabilities:
    """Counts of every need, and the stages the events have."""

    counts: dict[str, int]
    stages: tuple[str, ...]  # stages with events, in journey order

    def has(self, need: str) -> bool:
        return self.counts.get(need, 0) > 0

    @property
    def empty(self) -> bool:
        return not any(self.has(n) for n in ("events", "orders", "texts", "csat", "nps", "tickets"))

    def why_not(self, need: str) -> str:
        """The most basic reason `need` is not met."""
        while need in PARENTS and not self.has(PARENTS[need]):
            need = PARENTS[need]
        return NEEDS[need].missing

    def metric(self, metric: str) -> tuple[bool, str]:
        """(available, why not) for one KPI."""
        if metric in STEP_METRICS:
            k = STEP_METRICS[metric]
            prev, later = STAGES[k - 1], STAGES[k:]
            if not self.has("events"):
                return False, self.why_not("events")
            if prev not in self.stages:
                return False, f"no events at the {prev} stage"
            if not set(later) & set(self.stages):
                return False, f"no events at the {STAGES[k]} stage or later"
            return True, ""
        for need in METRIC_NEEDS[metric]:
            if not self.has(need):
                return False, self.why_not(need)
        return True, ""

    def require(self, metric: str, hint: str = "") -> None:
        """NoDataError saying why the data cannot answer `metric`, when it cannot; `hint` says
        what to ask instead."""
        able, why = self.metric(metric)
        if not able:
            raise NoDataError(unanswerable(metric, why, hint))

    def analysis(self, a: Analysis) -> tuple[bool, str]:
        for need in a.needs:
            if not self.has(need):
                return False, self.why_not(need)
        if a.name == "kpis" and not any(self.metric(m)[0] for m in METRICS):
            return False, "none of the KPIs can be computed from what is loaded (see the list below)"
        if a.name == "funnel" and len(self.stages) < 2:
            only = self.stages[0] if self.stages else "none"
            return False, f"the events are all at one stage ({only}); a funnel needs two"
        if a.name in ("dropoffs", "paths") and not set(STAGES[:3]) & set(self.stages):
            return False, ("the events start at the purchase: there are none before it, so nobody can be "
                           "seen leaving before buying")
        return True, ""

    def metric_rows(self) -> tuple[MetricAvailability, ...]:
        return tuple(MetricAvailability(m, SPECS[m].label, *self.metric(m)) for m in METRICS)

    def analysis_rows(self) -> tuple[AnalysisAvailability, ...]:
        return tuple(AnalysisAvailability(a.name, a.label, *self.analysis(a)) for a in ANALYSES)

    def metrics_frame(self) -> pd.DataFrame:
        return availability_frame(self.metric_rows())

    def analyses_frame(self) -> pd.DataFrame:
        return availability_frame(self.analysis_rows())

    def split(self, metrics: list[str]) -> tuple[list[str], dict[str, str]]:
        """(the metrics the data can answer, {metric: why not} for the others); NoDataError
        saying so when the store is empty."""
        if self.empty:
            # Said so for a store holding only a customer list too: "empty" would be a wrong story.
            raise NoDataError("No orders, journey events, survey answers or tickets are loaded (a customer "
                              "list alone holds nothing to measure): load them with `journeybot ingest` "
                              "(or try `journeybot demo`).")
        ok, missing = [], {}
        for m in metrics:
            yes, why = self.metric(m)
            if yes:
                ok.append(m)
            else:
                missing[m] = why
        return ok, missing


def availability_frame(rows: tuple[MetricAvailability, ...] | tuple[AnalysisAvailability, ...]) -> pd.DataFrame:
    """The rows as a frame (metric or analysis, label, available, reason); pandas loads here, not
    with the module: `journeybot describe` prints the rows without it."""
    import pandas as pd

    if not rows:
        return pd.DataFrame()
    return pd.DataFrame([astuple(r) for r in rows], columns=list(type(rows[0]).__dataclass_fields__))


def unanswerable(metric: str, why: str, hint: str = "") -> str:
    """'Revenue cannot be answered from the loaded data: no orders are loaded.'"""
    return f"{SPECS[metric].label} cannot be answered from the loaded data: {why}.{hint}"


def capabilities(store: JourneyStore, con: duckdb.DuckDBPyConnection | None = None) -> Capabilities:
    """One query over the store for every need (on `con` when the caller holds one)."""
    names = list(NEEDS)
    sql = "SELECT " + ", ".join(f"({NEEDS[n].count_sql}) AS {n}" for n in names)
    with (contextlib.nullcontext(con) if con is not None else store.connect()) as con:
        row = con.execute(sql).fetchone()
        present = {r[0] for r in con.execute("SELECT DISTINCT stage FROM events WHERE stage IS NOT NULL").fetchall()}
    assert row is not None
    return Capabilities({n: int(v or 0) for n, v in zip(names, row, strict=True)},
                        tuple(s for s in STAGES if s in present))


def metric_availability(store: JourneyStore) -> pd.DataFrame:
    """Which KPIs the loaded data can answer, and why not when it cannot."""
    return capabilities(store).metrics_frame()


# The tables and columns each KPI reads (docs/METRICS.md lists the same; a test keeps them equal).
_WEB = "events.customer_id, ts, touchpoint, session_id"
READS: dict[str, str] = {
    "active_customers": "events.customer_id, ts",
    "new_visitors": "events.customer_id, ts; customers.first_seen",
    "purchase_conversion": "events.customer_id, ts, stage",
    **{m: "events.customer_id, ts, stage" for m in STEP_METRICS},
    "sessions": _WEB, "bounce_rate": _WEB, "exit_rate": _WEB, "session_length": _WEB, "pages_per_session": _WEB,
    "session_conversion": _WEB + ", stage",
    "cart_abandonment": _WEB + ", stage; orders.customer_id, ts, status",
    "revenue": "orders.ts, amount, status, status_raw",
    "orders": "orders.ts, status, status_raw",
    "aov": "orders.ts, amount, status, status_raw",
    "repeat_purchase_rate": "orders.customer_id, ts, status",
    "buyers": "orders.customer_id, ts, status",
    "repeat_customers": "orders.customer_id, ts, status",
    "clv": "orders.customer_id, ts, amount, status",
    "time_to_first_purchase": "orders.customer_id, ts, status; events.customer_id, ts; customers.first_seen",
    "churn_rate": "orders.customer_id, ts, status",
    **dict.fromkeys(("refunded_orders", "refund_rate", "cancelled_orders", "cancellation_rate"),
                    "orders.ts, status, status_raw"),
    "delivery_time": "orders.customer_id, ts, delivered_at; else events.customer_id, ts, touchpoint, session_id, stage",
    "delivery_time_p90": "orders.customer_id, ts, delivered_at; else events.customer_id, ts, touchpoint, session_id, stage",
    "on_time_delivery": "orders.customer_id, ts, status, fulfilment, promised_at, delivered_at; "
                        "else events.customer_id, ts, touchpoint",
    "csat": "surveys.ts, csat", "csat_mean": "surveys.ts, csat", "low_review_share": "surveys.ts, csat", "nps": "surveys.ts, nps",
    "survey_responses": "surveys.ts",
    "tickets": "tickets.created_at",
    "open_tickets": "tickets.created_at, resolved_at",
    **dict.fromkeys(("resolved_tickets", "resolution_rate", "backlog_change"), "tickets.created_at, resolved_at"),
    "first_response_time": "tickets.created_at, first_response_at",
    "first_response_time_p90": "tickets.created_at, first_response_at",
    "resolution_time": "tickets.created_at, resolved_at",
    "resolution_time_p90": "tickets.created_at, resolved_at",
    **dict.fromkeys(("repeat_contacts", "repeat_contact_rate"), "tickets.customer_id, created_at"),
}
assert set(READS) == set(METRICS)


def needs_text(metric: str) -> str:
    """What the data must hold for a KPI, in words."""
    if metric in STEP_METRICS:
        return "events at the previous stage, and at this stage or a later one"
    return ", ".join(NEEDS[n].label for n in METRIC_NEEDS[metric])


def missing_text(missing: dict[str, str]) -> str:
    """'Bounce rate, Web sessions (no web sessions: ...); NPS (no NPS answers ...)': the KPIs
    left out, grouped by the reason."""
    by_reason: dict[str, list[str]] = {}
    for m, why in missing.items():
        by_reason.setdefault(why, []).append(SPECS[m].label)
    return "; ".join(f"{', '.join(labels)} ({why})" for why, labels in by_reason.items())
