"""The KPI catalogue: every metric's name, unit, direction and one-line definition, and how
values and changes are written for a shop owner.

Names are a `Literal` so the agent, the digest and the alerts name metrics the same way, and
a typo is caught by validation instead of producing an empty answer. The exact definitions
(numerator, denominator, period handling, caveats) are in docs/METRICS.md; the SQL that
computes them is in tools/analytics/kpi_families.py and kpi_sessions.py, run by kpi_sql.py.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Literal

from tools.core.money import NumberFormat
from tools.core.stages import STAGES

Metric = Literal[
    "active_customers",
    "new_visitors",
    "purchase_conversion",
    "conversion_consideration",
    "conversion_decision",
    "conversion_purchase",
    "conversion_post_purchase",
    "conversion_advocacy",
    "sessions",
    "session_conversion",
    "bounce_rate",
    "exit_rate",
    "session_length",
    "pages_per_session",
    "cart_abandonment",
    "revenue",
    "orders",
    "aov",
    "repeat_purchase_rate",
    "buyers",
    "repeat_customers",
    "clv",
    "time_to_first_purchase",
    "churn_rate",
    "refunded_orders",
    "refund_rate",
    "cancelled_orders",
    "cancellation_rate",
    "delivery_time",
    "delivery_time_p90",
    "on_time_delivery",
    "csat",
    "csat_mean",
    "low_review_share",
    "nps",
    "survey_responses",
    "tickets",
    "open_tickets",
    "resolved_tickets",
    "resolution_rate",
    "backlog_change",
    "first_response_time",
    "first_response_time_p90",
    "resolution_time",
    "resolution_time_p90",
    "repeat_contacts",
    "repeat_contact_rate",
]
METRICS: tuple[str, ...] = Metric.__args__  # type: ignore[attr-defined]

Unit = Literal["rate", "points", "score", "money", "count", "minutes", "hours", "days"]
# How a metric combines over groups, which decides how top movers split a change:
#   rate/mean: the total is the n-weighted mean of the groups' values
#   total: the total is the sum of the groups' values
#   quantile: neither (medians and p90s do not add up)
Kind = Literal["rate", "mean", "total", "quantile"]


@dataclass(frozen=True)
class MetricSpec:
    name: str
    label: str
    unit: Unit
    kind: Kind
    higher_is_better: bool | None
    n_label: str  # what n counts
    family: str  # which query computes it (tools/analytics/kpi_families.py, kpi_sessions.py)
    definition: str


def _spec(name: str, label: str, unit: Unit, kind: Kind, better: bool | None, n_label: str,
          family: str, definition: str) -> MetricSpec:
    return MetricSpec(name, label, unit, kind, better, n_label, family, definition)


_STEP = ("share of customers with an event at the {prev} stage in the period who also had an "
         "event at the {stage} stage or a later one in the period")

SPECS: dict[str, MetricSpec] = {s.name: s for s in (
    _spec("active_customers", "Active customers", "count", "total", True, "customers", "stages",
          "customers with at least one journey event in the period"),
    _spec("new_visitors", "New visitors", "count", "total", True, "people", "arrivals",
          "people whose first contact with the business falls in the period: the earlier of their "
          "first journey event and their CRM first-seen date; bought or not"),
    _spec("purchase_conversion", "Buying rate", "rate", "rate", True, "customers", "stages",
          "customers with a purchase-stage event in the period / customers with any journey "
          "event in the period"),
    *(_spec(f"conversion_{stage.replace('-', '_')}", f"{prev.capitalize()} -> {stage}, same period", "rate",
            "rate", True, "customers", "stages", _STEP.format(prev=prev, stage=stage))
      for prev, stage in itertools.pairwise(STAGES)),
    _spec("sessions", "Web sessions", "count", "total", True, "sessions", "sessions",
          "web sessions (a session id, or a customer's web events of one day) with a web event in "
          "the period, dated by their first web event"),
    _spec("session_conversion", "Session conversion", "rate", "rate", True, "sessions", "sessions",
          "web sessions with a purchase-stage web event / web sessions; a session is dated by "
          "its first web event"),
    _spec("bounce_rate", "Bounce rate", "rate", "rate", False, "sessions", "sessions",
          "web sessions with exactly one web event / web sessions"),
    _spec("exit_rate", "Exit rate", "rate", "rate", False, "web events", "sessions",
          "web events that were the last of their session / web events (per touchpoint in the "
          "details; of events at the same time, the later stage, then the later step of a visit "
          "(visit, pages, product, cart, checkout, order) counts as the last)"),
    # A session whose events share one time stamp (one event, or an export dated by day or month
    # only) has no length, not a length of 0: it is left out and counted as excluded, so a shop
    # whose visits mostly bounce, or whose export has no times, is not told visits last 0 min.
    _spec("session_length", "Session length (median)", "minutes", "quantile", None, "sessions", "sessions",
          "median minutes from a web session's first web event to its last, over the sessions of the "
          "period whose web events are at two or more different times (a one-event session has no "
          "length and is left out)"),
    _spec("pages_per_session", "Pages per session", "count", "mean", True, "sessions", "sessions",
          "web events (pages, cart, checkout, purchase) / web sessions, dated by their first web event"),
    _spec("cart_abandonment", "Cart abandonment", "rate", "rate", False, "carts", "sessions",
          "carts (web sessions with add-to-cart or checkout, dated by the session) with no purchase "
          "by the customer from the first cart event until the cart window after the last one / "
          "carts"),
    _spec("revenue", "Revenue", "money", "total", True, "orders", "orders",
          "sum of completed orders placed in the period"),
    _spec("orders", "Orders", "count", "total", True, "orders", "orders",
          "completed orders placed in the period"),
    _spec("aov", "Average order value", "money", "mean", True, "orders", "orders",
          "revenue of completed orders in the period / number of completed orders"),
    _spec("repeat_purchase_rate", "Repeat purchase rate", "rate", "rate", True, "buyers", "orders",
          "customers who bought in the period and have at least two completed orders by its end / "
          "customers who bought in the period"),
    _spec("buyers", "Buyers", "count", "total", True, "buyers", "orders",
          "customers with at least one completed order placed in the period"),
    _spec("repeat_customers", "Repeat customers", "count", "total", True, "buyers", "orders",
          "customers who bought in the period and have at least two completed orders by its end "
          "(the period's or earlier ones); n is every customer who bought in the period"),
    _spec("clv", "Customer lifetime value", "money", "mean", True, "buyers", "orders",
          "mean revenue of completed orders per customer, from their first order to the end of "
          "the period, over the customers who bought in the period"),
    _spec("time_to_first_purchase", "Time to first purchase", "days", "quantile", False, "buyers",
          "orders", "median days from a customer's first touch (first event, CRM first-seen date "
          "or first order, whichever is earliest) to their first completed order, for customers "
          "whose first completed order is in the period"),
    _spec("churn_rate", "Churn rate", "rate", "rate", False, "active customers", "churn",
          "customers active at the start of the period (a completed order in the churn window "
          "before it) whose churn window ran out without a new order before the period ended"),
    # Refunds and cancellations read the order's kind (the business profile's order statuses),
    # so a vendor's "refunded", "partially_refunded" or "chargeback" all count as returned.
    _spec("refunded_orders", "Returned or refunded orders", "count", "total", False, "orders", "orders",
          "orders placed in the period whose status counts as returned (returned, refunded, partially "
          "refunded, chargeback... by the business profile)"),
    _spec("refund_rate", "Refund rate", "rate", "rate", False, "orders sold", "orders",
          "returned or refunded orders placed in the period / orders placed in the period that were "
          "sold (completed, returned or refunded); pending and cancelled orders are not in it"),
    _spec("cancelled_orders", "Cancelled orders", "count", "total", False, "orders", "orders",
          "orders placed in the period whose status counts as cancelled (cancelled, voided, failed, "
          "unavailable... by the business profile)"),
    _spec("cancellation_rate", "Cancellation rate", "rate", "rate", False, "orders settled", "orders",
          "cancelled orders placed in the period / orders placed in the period that are no longer "
          "pending (completed, cancelled, returned or refunded)"),
    _spec("delivery_time", "Delivery time (median)", "days", "quantile", False, "deliveries",
          "deliveries", "median days from an order to its delivery, deliveries in the period: the "
          "order's delivered date where the export has one, else its delivery event, whose order is "
          "the purchase event of the same session or the customer's latest order before it"),
    _spec("delivery_time_p90", "Delivery time (p90)", "days", "quantile", False, "deliveries",
          "deliveries", "90th percentile of days from order to delivery, deliveries in the period"),
    _spec("on_time_delivery", "On-time delivery", "rate", "rate", True, "delivered orders due",
          "on_time",
          "delivery orders due in the period that arrived by the end of their due day / those that "
          "arrived; the due day is the order's own promised (estimated) date where the export has "
          "one, else the order day + the delivery promise in days (2 by default); orders that never "
          "arrived (cancelled, still open, no delivery recorded) are counted apart, not as late"),
    _spec("csat", "CSAT (4-5 of 5)", "rate", "rate", True, "answers", "surveys",
          "survey answers scoring 4 or 5 / survey answers with a CSAT score, in the period"),
    _spec("csat_mean", "CSAT mean", "score", "mean", True, "answers", "surveys",
          "mean CSAT score (1-5) of the answers in the period"),
    # Asked as "what share of reviews are 1 or 2 stars": the bad end, which a mean hides.
    _spec("low_review_share", "Low ratings (1-2 of 5)", "rate", "rate", False, "answers", "surveys",
          "survey or review answers scoring 1 or 2 / survey answers with a CSAT (1-5) score, in the period"),
    _spec("nps", "NPS", "points", "mean", True, "answers", "surveys",
          "% promoters (9-10) minus % detractors (0-6) among NPS answers in the period, in points"),
    _spec("survey_responses", "Survey answers", "count", "total", None, "answers", "surveys",
          "survey or review answers given in the period, with any score (CSAT or NPS) or text"),
    _spec("tickets", "Support tickets", "count", "total", None, "tickets", "tickets",
          "support tickets opened in the period, answered or not, resolved or not"),
    _spec("open_tickets", "Open tickets", "count", "total", False, "tickets", "open_tickets",
          "support tickets opened by the end of the period and not resolved by then, counted at "
          "the end of the period (of each day or week in a series)"),
    # Dated by the resolution, not the opening: "how many did we close last month" counts the
    # month's closures whenever the ticket came in.
    _spec("resolved_tickets", "Resolved tickets", "count", "total", True, "tickets", "ticket_flow",
          "support tickets resolved in the period, whenever they were opened: dated by the day they "
          "were resolved (resolved_at), unlike the other ticket KPIs, which date a ticket by the day "
          "it was opened (a ticket opened in October and resolved in November counts in November)"),
    _spec("resolution_rate", "Resolution rate", "rate", "rate", True, "tickets", "tickets",
          "tickets opened in the period and resolved by its end / tickets opened in the period (each "
          "day, week or month of a series by its own end; a period still running, by the last day of "
          "data); tickets opened near the end have had less time, so a recent period reads low"),
    _spec("backlog_change", "Ticket backlog change", "count", "total", False, "tickets opened or resolved",
          "ticket_flow", "tickets opened in the period minus tickets resolved in it (whenever opened): the "
          "change in open tickets over the period; below 0, tickets are closed faster than they come in"),
    _spec("first_response_time", "First response (median)", "hours", "quantile", False, "tickets",
          "tickets", "median hours from a ticket being opened to the first reply, tickets opened "
          "in the period that got a reply"),
    _spec("first_response_time_p90", "First response (p90)", "hours", "quantile", False, "tickets",
          "tickets", "90th percentile of hours to the first reply, tickets opened in the period"),
    _spec("resolution_time", "Resolution time (median)", "hours", "quantile", False, "tickets",
          "tickets", "median hours from a ticket being opened to its resolution, tickets opened in "
          "the period that are resolved"),
    _spec("resolution_time_p90", "Resolution time (p90)", "hours", "quantile", False, "tickets",
          "tickets", "90th percentile of hours to resolution, tickets opened in the period"),
    # Anonymous tickets cannot be anyone's second contact: left out of both counts and named
    # (tools/analytics/kpi_contacts.py).
    _spec("repeat_contacts", "Repeat contacts", "count", "total", False, "customers with a ticket", "contacts",
          "customers who opened two or more support tickets in the period; n is every customer who "
          "opened one; tickets with no customer id are left out and counted apart"),
    _spec("repeat_contact_rate", "Repeat contact rate", "rate", "rate", False, "customers with a ticket",
          "contacts", "customers who opened two or more support tickets in the period / customers who "
          "opened any; tickets with no customer id are left out and counted apart"),
)}
assert tuple(SPECS) == METRICS, "every Metric needs a spec, in the same order"

# Net changes that can be below 0: a percent change of one (+7 against -1) means nothing.
SIGNED = frozenset({"backlog_change"})

# Names people (and other parts of journeybot) use for the same metrics.
METRIC_ALIASES: dict[str, str] = {
    "conversion_rate": "purchase_conversion",
    "buying_rate": "purchase_conversion",
    "new_customers": "new_visitors",
    "new_people": "new_visitors",
    "newcomers": "new_visitors",
    "arrivals": "new_visitors",
    "first_touches": "new_visitors",
    "conversion": "purchase_conversion",
    "repeat_rate": "repeat_purchase_rate",
    "repeat_buyers": "repeat_customers",
    "returning_customers": "repeat_customers",
    "paying_customers": "buyers",
    "purchasers": "buyers",
    "refunds": "refunded_orders",
    "returns": "refunded_orders",
    "returned_orders": "refunded_orders",
    "return_rate": "refund_rate",
    "returns_rate": "refund_rate",
    "refund_ratio": "refund_rate",
    "cancellations": "cancelled_orders",
    "canceled_orders": "cancelled_orders",
    "cancelation_rate": "cancellation_rate",
    "cancel_rate": "cancellation_rate",
    "cltv": "clv",
    "ltv": "clv",
    "lifetime_value": "clv",
    "average_order_value": "aov",
    "churn": "churn_rate",
    "cart_abandonment_rate": "cart_abandonment",
    "first_response": "first_response_time",
    "resolution": "resolution_time",
    "ticket_count": "tickets",
    "support_tickets": "tickets",
    "unresolved_tickets": "open_tickets",
    "closed_tickets": "resolved_tickets",
    "tickets_resolved": "resolved_tickets",
    "tickets_closed": "resolved_tickets",
    "solved_tickets": "resolved_tickets",
    "ticket_resolution_rate": "resolution_rate",
    "close_rate": "resolution_rate",
    "net_tickets": "backlog_change",
    "ticket_backlog_change": "backlog_change",
    "net_backlog": "backlog_change",
    "open_ticket_count": "open_tickets",
    "survey_answers": "survey_responses",
    "reviews": "survey_responses",
    "review_count": "survey_responses",
    "responses": "survey_responses",
    "delivery": "delivery_time",
    "on_time": "on_time_delivery",
    "on_time_rate": "on_time_delivery",
    "on_time_deliveries": "on_time_delivery",
    "repeat_contact": "repeat_contacts",
    "repeat_tickets": "repeat_contacts",
    "repeat_contacters": "repeat_contacts",
    "recontacts": "repeat_contacts",
    "repeat_contact_share": "repeat_contact_rate",
    "recontact_rate": "repeat_contact_rate",
    "low_ratings": "low_review_share",
    "low_rating_share": "low_review_share",
    "bad_reviews": "low_review_share",
    "bad_review_share": "low_review_share",
}

# Asked for by name only: not in "all the KPIs" (`journeybot kpis`, compare, the digest), whose
# headline stays the shop's usual numbers.
ON_REQUEST = frozenset({"repeat_contacts", "repeat_contact_rate", "low_review_share"})
DEFAULT_METRICS: tuple[str, ...] = tuple(m for m in METRICS if m not in ON_REQUEST)


def at_least_label(orders: int) -> str:
    """The label of repeat_customers counted at `orders` or more completed orders (`min_orders`),
    as the table row and the planner's reading both say it."""
    return f"Customers with {orders} or more orders"


def normalize_metric(value: object) -> object:
    """Map an alias ('repeat_rate', 'Conversion Rate') to the metric code; other values pass
    through unchanged so validation reports them with the valid names."""
    if not isinstance(value, str):
        return value
    key = value.strip().lower().replace(" ", "_").replace("-", "_")
    return METRIC_ALIASES.get(key, key)

FAMILIES: dict[str, tuple[str, ...]] = {}
for _s in SPECS.values():
    FAMILIES.setdefault(_s.family, ())
    FAMILIES[_s.family] += (_s.name,)


def spec(metric: str) -> MetricSpec:
    try:
        return SPECS[metric]
    except KeyError:
        from tools.core.errors import ToolInputError

        raise ToolInputError(f"Unknown metric {metric!r}; metrics are: {', '.join(METRICS)}") from None


# -- writing numbers for people -------------------------------------------------------------
# Every amount goes through the one formatter of tools/core/money.py, in the business's
# currency and locale (the store's profile); a plain currency code is accepted too.

Money = NumberFormat | str


def numbers(money: Money = "GBP") -> NumberFormat:
    return money if isinstance(money, NumberFormat) else NumberFormat.of(money)


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


# Durations read with one decimal and their unit, values and changes alike.
_DURATION_SUFFIX: dict[str, str] = {"minutes": " min", "hours": " h", "days": " days"}


def format_value(s: MetricSpec, value: float | None, currency: Money = "GBP") -> str:
    """12.3%, 42 (NPS points), 4.21 / 5, £23.40, 1,234, 3.2 h, 4.5 days; '-' when unknown."""
    if _missing(value):
        return "-"
    assert value is not None
    f = numbers(currency)
    if s.unit == "rate":
        return f.percent(value)
    if s.unit == "points":
        return f.number(value)
    if s.unit == "score":
        return f"{f.number(value, 2)} / 5"
    if s.unit == "money":
        return f.money(value)
    if s.unit == "count":
        # a net change reads as one: +7 more opened than resolved, -3 fewer
        return ("+" if s.name in SIGNED and value > 0 else "") + f.number(value, 0 if s.kind != "mean" else 1)
    return f"{f.number(value, 1)}{_DURATION_SUFFIX[s.unit]}"


def format_change(s: MetricSpec, delta: float | None, currency: Money = "GBP") -> str:
    """An absolute change in the metric's own unit: +1.2 pp, -3 points, +£1.20, +0.5 h."""
    if _missing(delta):
        return "-"
    assert delta is not None
    f = numbers(currency)
    sign = "+" if delta > 0 else "-" if delta < 0 else "±"
    mag = abs(delta)
    if s.unit == "rate":
        return f"{sign}{f.number(mag * 100, 1)} pp"
    if s.unit == "points":
        return f"{sign}{f.number(mag)} points"
    if s.unit == "score":
        return f"{sign}{f.number(mag, 2)}"
    if s.unit == "money":
        return f"{sign}{f.money(mag)}"
    if s.unit == "count":
        return f"{sign}{f.number(mag, 0 if s.kind != 'mean' else 1)}"
    return f"{sign}{f.number(mag, 1)}{_DURATION_SUFFIX[s.unit]}"


def format_relative(rel: float | None) -> str:
    if _missing(rel):
        return ""
    assert rel is not None
    return f"{rel * 100:+.0f}%" if abs(rel) >= 0.1 else f"{rel * 100:+.1f}%"


# Half the last digit shown: a change that prints as zero is no change.
RESOLUTION: dict[str, float] = {"rate": 0.0005, "points": 0.5, "score": 0.005, "money": 0.005,
                                "count": 0.5, "minutes": 0.05, "hours": 0.05, "days": 0.05}


def direction(delta: float | None, s: MetricSpec | None = None) -> str | None:
    """'up', 'down' or 'flat' (smaller than the metric shows); None when a side is unknown."""
    if _missing(delta):
        return None
    assert delta is not None
    # a mean count (pages per session) shows one decimal
    shown = 0.05 if s and s.unit == "count" and s.kind == "mean" else RESOLUTION[s.unit] if s else 1e-12
    if abs(delta) < shown:
        return "flat"
    return "up" if delta > 0 else "down"


def assessment(s: MetricSpec, delta: float | None) -> str | None:
    """'better', 'worse' or 'same' given the metric's good direction (churn up is worse)."""
    d = direction(delta, s)
    if d is None or s.higher_is_better is None:
        return None
    if d == "flat":
        return "same"
    return "better" if (d == "up") == s.higher_is_better else "worse"


ARROWS = {"up": "↑", "down": "↓", "flat": "→"}
