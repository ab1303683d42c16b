"""Behavioural features per customer as they stood at a cut-off, and the labels after it.

Everything a feature uses happened strictly before the cut-off (midnight starting the cut-off
day, business time zone), so a model trained on features at one cut-off and labels from the
window after it never sees the future. One SQL query computes every feature for every
customer; pandas only derives ratios from its columns.

A purchase is an order that was not cancelled or refunded (pending orders count: the customer
did buy). Days are fractional days between timestamps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal

import numpy as np
import pandas as pd

from tools.core.errors import NoDataError, ToolInputError
from tools.core.stages import STAGES
from tools.data.no_behaviour import nothing_to_read
from tools.data.store import JourneyStore
from tools.predict.settings import day_start

# A per-customer sentiment frame (customer_id, mean_sentiment, n), or a function giving that
# frame for the text written before a cut-off. Only the function form is leak-free when models
# are trained at past cut-offs; a plain frame is fine for scoring at the end of the data.
SentimentSource = pd.DataFrame | Callable[[dt.datetime], pd.DataFrame]

# A purchase is a completed order, as in the KPIs (tools/analytics/kpi_frame.py COMPLETED): an
# order still pending (shipped, processing) is named elsewhere but is not yet a sale, so it is
# neither spend so far nor a purchase the models learn from (issue 16: "orders counted in full").
PURCHASE_SQL = "(coalesce(status, 'completed') = 'completed')"
LOST_SQL = "(status IN ('cancelled', 'returned'))"

FEATURES: dict[str, str] = {
    "recency_days": "days since the last purchase",
    "frequency": "days with a purchase",
    "orders": "purchases (orders not cancelled or refunded)",
    "spend": "total spend",
    "avg_order_value": "average order value",
    "tenure_days": "days since the customer was first seen",
    "orders_30d": "purchases in the last 30 days",
    "orders_90d": "purchases in the last 90 days",
    "orders_prev_90d": "purchases in the 90 days before those",
    "order_trend": "purchases in the last 90 days minus the 90 days before",
    "spend_90d": "spend in the last 90 days",
    "spend_365d": "spend in the last 365 days",
    "mean_gap_days": "average days between purchase days",
    "rate_ratio": "purchase days in the last 45 days against the rate of the 90 days before (1 = as usual)",
    "overdue_ratio": "days since the last purchase divided by the usual gap",
    "cancelled_orders": "cancelled or refunded orders",
    "online_share": "share of purchases made online",
    "order_channels": "channels purchased through",
    "events_30d": "journey events in the last 30 days",
    "events_90d": "journey events in the last 90 days",
    "days_since_event": "days since the last journey event",
    "sessions_30d": "web or visit sessions in the last 30 days",
    "deepest_stage": "furthest journey stage ever reached (0 awareness .. 5 advocacy)",
    "stages_30d": "journey stages touched in the last 30 days",
    "decision_30d": "decision-stage events (basket, checkout) in the last 30 days",
    "event_channels": "marketing channels seen",
    "advocate": "has reviewed, referred or shared (advocacy stage)",
    "tickets": "support tickets",
    "tickets_90d": "support tickets in the last 90 days",
    "open_tickets": "tickets still unresolved at the cut-off",
    "surveys": "survey answers",
    "csat_mean": "average CSAT (1-5)",
    "nps_last": "latest NPS answer (0-10)",
    "low_scores_90d": "NPS 0-6 or CSAT 1-2 answers in the last 90 days",
    "days_since_complaint": "days since the last ticket or low score",
    "sentiment_mean": "average sentiment of the customer's feedback text (-1..1)",
    "sentiment_n": "feedback texts with a sentiment score",
}
FEATURE_NAMES: tuple[str, ...] = tuple(FEATURES)

_FEATURES_SQL = f"""
WITH
purchases AS (
    SELECT customer_id, ts, amount, channel FROM orders
    WHERE ts < $cutoff AND {PURCHASE_SQL}),
o AS (
    SELECT customer_id,
           count(*) AS orders,
           count(DISTINCT ts::DATE) AS frequency,
           sum(amount) AS spend,
           avg(amount) AS avg_order_value,
           (epoch($cutoff) - epoch(max(ts))) / 86400.0 AS recency_days,
           (epoch(max(ts)) - epoch(min(ts))) / 86400.0 AS active_span_days,
           min(ts) AS first_order,
           count(*) FILTER (WHERE ts >= $cutoff - INTERVAL 30 DAY) AS orders_30d,
           count(*) FILTER (WHERE ts >= $cutoff - INTERVAL 90 DAY) AS orders_90d,
           count(*) FILTER (WHERE ts >= $cutoff - INTERVAL 180 DAY
                              AND ts < $cutoff - INTERVAL 90 DAY) AS orders_prev_90d,
           count(DISTINCT ts::DATE) FILTER (WHERE ts >= $cutoff - INTERVAL 45 DAY) AS days_45d,
           count(DISTINCT ts::DATE) FILTER (WHERE ts >= $cutoff - INTERVAL 135 DAY
                                              AND ts < $cutoff - INTERVAL 45 DAY) AS days_prev_90d,
           coalesce(sum(amount) FILTER (WHERE ts >= $cutoff - INTERVAL 90 DAY), 0) AS spend_90d,
           coalesce(sum(amount) FILTER (WHERE ts >= $cutoff - INTERVAL 365 DAY), 0) AS spend_365d,
           avg(CASE WHEN channel = 'online' THEN 1.0 WHEN channel IS NULL THEN NULL ELSE 0.0 END)
               AS online_share,
           count(DISTINCT channel) AS order_channels
    FROM purchases GROUP BY customer_id),
lost AS (
    SELECT customer_id, count(*) AS cancelled_orders FROM orders
    WHERE ts < $cutoff AND {LOST_SQL} GROUP BY customer_id),
e AS (
    SELECT customer_id,
           count(*) FILTER (WHERE ts >= $cutoff - INTERVAL 30 DAY) AS events_30d,
           count(*) FILTER (WHERE ts >= $cutoff - INTERVAL 90 DAY) AS events_90d,
           (epoch($cutoff) - epoch(max(ts))) / 86400.0 AS days_since_event,
           min(ts) AS first_event,
           count(DISTINCT session_id) FILTER (WHERE ts >= $cutoff - INTERVAL 30 DAY) AS sessions_30d,
           max(list_position($stages, stage)) - 1 AS deepest_stage,
           count(DISTINCT stage) FILTER (WHERE ts >= $cutoff - INTERVAL 30 DAY) AS stages_30d,
           count(*) FILTER (WHERE stage = 'decision' AND ts >= $cutoff - INTERVAL 30 DAY) AS decision_30d,
           count(DISTINCT channel) AS event_channels,
           bool_or(stage = 'advocacy')::INTEGER AS advocate
    FROM events WHERE ts < $cutoff GROUP BY customer_id),
t AS (
    SELECT customer_id,
           count(*) AS tickets,
           count(*) FILTER (WHERE created_at >= $cutoff - INTERVAL 90 DAY) AS tickets_90d,
           count(*) FILTER (WHERE resolved_at IS NULL OR resolved_at >= $cutoff) AS open_tickets,
           max(created_at) AS last_ticket
    FROM tickets WHERE created_at < $cutoff AND customer_id IS NOT NULL GROUP BY customer_id),
s AS (
    SELECT customer_id,
           count(*) AS surveys,
           avg(csat) AS csat_mean,
           arg_max(nps, ts) FILTER (WHERE nps IS NOT NULL) AS nps_last,
           count(*) FILTER (WHERE (nps <= 6 OR csat <= 2) AND ts >= $cutoff - INTERVAL 90 DAY)
               AS low_scores_90d,
           max(ts) FILTER (WHERE nps <= 6 OR csat <= 2) AS last_low_score
    FROM surveys WHERE ts < $cutoff AND customer_id IS NOT NULL GROUP BY customer_id),
ids AS (SELECT customer_id FROM o UNION SELECT customer_id FROM e)
SELECT ids.customer_id,
       coalesce(o.orders, 0) > 0 AS has_purchase,
       o.recency_days,
       coalesce(o.frequency, 0) AS frequency,
       coalesce(o.orders, 0) AS orders,
       coalesce(o.spend, 0) AS spend,
       o.avg_order_value,
       -- least() skips NULLs; a CRM first_seen after the cut-off is not yet known then
       (epoch($cutoff) - epoch(least(o.first_order, e.first_event,
                                     CASE WHEN c.first_seen < $cutoff THEN c.first_seen END))) / 86400.0
           AS tenure_days,
       coalesce(o.orders_30d, 0) AS orders_30d,
       coalesce(o.orders_90d, 0) AS orders_90d,
       coalesce(o.orders_prev_90d, 0) AS orders_prev_90d,
       coalesce(o.days_45d, 0) AS days_45d,
       coalesce(o.days_prev_90d, 0) AS days_prev_90d,
       coalesce(o.spend_90d, 0) AS spend_90d,
       coalesce(o.spend_365d, 0) AS spend_365d,
       o.active_span_days,
       coalesce(lost.cancelled_orders, 0) AS cancelled_orders,
       o.online_share,
       coalesce(o.order_channels, 0) AS order_channels,
       coalesce(e.events_30d, 0) AS events_30d,
       coalesce(e.events_90d, 0) AS events_90d,
       e.days_since_event,
       coalesce(e.sessions_30d, 0) AS sessions_30d,
       -- a purchase is the purchase stage even when no journey event records it
       greatest(coalesce(e.deepest_stage, -1), CASE WHEN o.orders > 0 THEN $purchase_stage END) AS deepest_stage,
       coalesce(e.stages_30d, 0) AS stages_30d,
       coalesce(e.decision_30d, 0) AS decision_30d,
       coalesce(e.event_channels, 0) AS event_channels,
       coalesce(e.advocate, 0) AS advocate,
       coalesce(t.tickets, 0) AS tickets,
       coalesce(t.tickets_90d, 0) AS tickets_90d,
       coalesce(t.open_tickets, 0) AS open_tickets,
       coalesce(s.surveys, 0) AS surveys,
       s.csat_mean,
       s.nps_last,
       coalesce(s.low_scores_90d, 0) AS low_scores_90d,
       (epoch($cutoff) - epoch(greatest(t.last_ticket, s.last_low_score))) / 86400.0
           AS days_since_complaint
FROM ids
LEFT JOIN o USING (customer_id)
LEFT JOIN e USING (customer_id)
LEFT JOIN lost USING (customer_id)
LEFT JOIN t USING (customer_id)
LEFT JOIN s USING (customer_id)
LEFT JOIN customers c USING (customer_id)
ORDER BY ids.customer_id
"""

_LABEL_SQL = f"""
SELECT customer_id, count(*) AS purchases_after FROM orders
WHERE ts >= $start AND ts < $end AND {PURCHASE_SQL}
GROUP BY customer_id
"""


def customer_features(
    store: JourneyStore,
    cutoff: dt.date,
    *,
    sentiment: SentimentSource | None = None,
    population: Literal["buyers", "active"] = "active",
) -> pd.DataFrame:
    """One row per customer seen before `cutoff` (index customer_id, columns FEATURE_NAMES plus
    has_purchase). `population="buyers"` keeps only customers with a purchase before it."""
    at = day_start(cutoff, store.timezone)
    frame = store.query(_FEATURES_SQL, {"cutoff": at, "stages": list(STAGES),
                                        "purchase_stage": STAGES.index("purchase")})
    frame = frame.set_index("customer_id")
    frame["has_purchase"] = frame["has_purchase"].astype(bool)
    if population == "buyers":
        frame = frame[frame["has_purchase"]]
    # Ratios: with one purchase day there is no gap yet, so "overdue" is unknown (NaN), which
    # the models treat as its own case rather than as zero.
    gaps = frame["frequency"] - 1
    frame["mean_gap_days"] = (frame.pop("active_span_days") / gaps.where(gaps > 0)).astype(float)
    frame["overdue_ratio"] = frame["recency_days"] / frame["mean_gap_days"].where(frame["mean_gap_days"] > 0)
    frame["order_trend"] = frame["orders_90d"] - frame["orders_prev_90d"]
    # Against the customer's own rhythm: a regular who comes weekly instead of daily is slipping
    # away long before a "no purchase for N days" rule notices. Unknown without a habit to compare.
    before = frame["days_prev_90d"]
    frame["rate_ratio"] = (frame["days_45d"] / 45) / (before / 90).where(before >= 3)
    frame = _with_sentiment(frame, sentiment, at)
    out = frame[["has_purchase", *FEATURE_NAMES, "days_45d", "days_prev_90d"]].copy()
    out[list(FEATURE_NAMES)] = out[list(FEATURE_NAMES)].astype("float64")
    return out


def _with_sentiment(frame: pd.DataFrame, sentiment: SentimentSource | None, at: dt.datetime) -> pd.DataFrame:
    frame["sentiment_mean"] = np.nan
    frame["sentiment_n"] = 0.0
    if sentiment is None:
        return frame
    sent = sentiment(at) if callable(sentiment) else sentiment
    missing = {"customer_id", "mean_sentiment", "n"} - set(sent.columns)
    if missing:
        raise ToolInputError(
            f"The sentiment frame lacks column(s) {', '.join(sorted(missing))}; expected "
            "customer_id, mean_sentiment (-1..1) and n (texts scored)")
    sent = sent.drop_duplicates("customer_id").set_index("customer_id")
    frame["sentiment_mean"] = sent["mean_sentiment"].reindex(frame.index).astype(float)
    frame["sentiment_n"] = sent["n"].reindex(frame.index).fillna(0).astype(float)
    return frame


def purchases_between(store: JourneyStore, first: dt.date, end: dt.date) -> pd.Series:
    """Purchases per customer from the start of `first` to the start of `end` (exclusive);
    customers without one are absent."""
    params = {"start": day_start(first, store.timezone), "end": day_start(end, store.timezone)}
    df = store.query(_LABEL_SQL, params)
    return df.set_index("customer_id")["purchases_after"].astype(int)


FeatureCache = dict[dt.date, pd.DataFrame]


def labelled_frame(
    store: JourneyStore,
    cutoff: dt.date,
    window_days: int,
    *,
    target: Literal["churn", "purchase"],
    sentiment: SentimentSource | None = None,
    cache: FeatureCache | None = None,
) -> pd.DataFrame:
    """Features at `cutoff` plus `label`: churn = a buyer with no purchase in the window after
    the cut-off; purchase = anyone seen who buys in it. `cache` (cut-off -> features) lets one
    retrain compute each cut-off once for both models."""
    if cache is not None and cutoff in cache:
        frame = cache[cutoff].copy()
    else:
        frame = customer_features(store, cutoff, sentiment=sentiment)
        if cache is not None:
            cache[cutoff] = frame.copy()
    if target == "churn":
        frame = frame[frame["has_purchase"]]
    bought = purchases_between(store, cutoff, cutoff + dt.timedelta(days=window_days))
    did_buy = bought.reindex(frame.index).fillna(0) > 0
    frame["label"] = (~did_buy if target == "churn" else did_buy).astype(int)
    return frame


def data_span(store: JourneyStore) -> tuple[dt.date, dt.date]:
    """(first day of data, last day with an order): the span the models see.

    The predictions are about purchases, so they end where the order export ends: journey
    events or review answers that run on after it would otherwise make every customer look
    lapsed in the last weeks."""
    rng = store.date_range()
    if rng is None:
        raise NoDataError(nothing_to_read(store, "churn risk, lifetime value and forecasts are about purchases"))
    last_order = store.scalar("SELECT max(ts)::DATE FROM orders")
    if last_order is None:
        raise NoDataError("The journey store has no orders: the predictive models need purchases.")
    return rng[0], last_order


def thin_recent_orders(store: JourneyStore, as_of: dt.date, days: int = 28) -> str | None:
    """A warning when the last `days` days hold far fewer orders than the days before them
    (an export cut part-way through), else None."""
    end = day_start(as_of + dt.timedelta(days=1), store.timezone)
    row = store.query(
        """SELECT count(*) FILTER (WHERE ts >= $end - to_days($days)) AS recent,
                  count(*) FILTER (WHERE ts < $end - to_days($days) AND ts >= $end - to_days(4 * $days)) AS before
           FROM orders WHERE ts < $end""", {"end": end, "days": days}).iloc[0]
    recent, usual = int(row["recent"]), int(row["before"]) / 3
    if usual >= 20 and recent < 0.3 * usual:
        n = store.profile.numbers.number
        return (f"the last {days} days of data hold {n(recent)} orders against about {n(usual)} in each "
                f"{days} days before: the export looks cut part-way, so recent customers look lapsed "
                "and tests on the last weeks are unreliable")
    return None
