"""What is really planted in a sample, for checking tools against: ground_truth.csv (every
customer's planted type and whether they drift), incidents.json and drift.json (dates, sizes,
and what the files show around them, from the daily stats)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tools.data.sample.codes import PLANTED_TYPES
from tools.data.sample.counters import DailyStats
from tools.data.sample.customers import Customers
from tools.data.sample.incidents import (
    CHECKOUT_FAIL,
    DRIFT_FLOOR,
    DRIFT_RAMP_DAYS,
    DRIFT_SHARE,
    SHIPPING_LATE,
    TIKTOK_FROM,
    TIKTOK_HALF_LIFE,
    TIKTOK_JUMP,
    TIKTOK_PEAK,
    TIKTOK_TO,
)
from tools.data.sample.timeline import Timeline


def truth_table(cust: Customers) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": cust.ids,
            "planted_type": np.array(PLANTED_TYPES)[cust.ctype],
            "churn_drift": np.where(cust.drift, "true", "false"),
        }
    )


def _ratio(a: np.ndarray, b: np.ndarray) -> float:
    return round(float(a.sum()) / max(float(b.sum()), 1.0), 3)


def incident_report(tl: Timeline, st: DailyStats) -> list[dict]:
    """incidents.json: the checkout breakage, the shipping delay and the TikTok growth."""
    D = tl.days
    plan = tl.incidents
    day = tl.day_iso
    out: list[dict] = []
    if plan.checkout:
        a, b = plan.checkout
        inside = np.zeros(D, bool)
        inside[a : b + 1] = True
        around = (np.arange(D) >= a - 28) & (np.arange(D) <= b + 28) & ~inside
        base = _ratio(st.order_placed[around], st.checkout_start[around])
        during = _ratio(st.order_placed[inside], st.checkout_start[inside])
        out.append(
            {
                "id": "checkout_breakage",
                "kind": "checkout_failure",
                "start": day(a),
                "end": day(b),
                "size": -CHECKOUT_FAIL,
                "size_unit": "relative change in online order_placed per checkout_start",
                "stage": "purchase",
                "touchpoint": "order_placed",
                "channel": "online (all web channels)",
                "description": (
                    "Payment step broken for a week: checkout_start continues but "
                    f"{int(CHECKOUT_FAIL * 100)}% of online payments fail, so order_placed drops; "
                    "failed shoppers leave payment feedback (csat 1-2) and open payment tickets."
                ),
                "observed": {
                    "order_placed_per_checkout_start_4_weeks_around": base,
                    "order_placed_per_checkout_start_during": during,
                    "order_placed_per_day_4_weeks_around": round(
                        float(st.order_placed[around].mean()), 1
                    ),
                    "order_placed_per_day_during": round(float(st.order_placed[inside].mean()), 1),
                    "checkout_start_per_day_4_weeks_around": round(
                        float(st.checkout_start[around].mean()), 1
                    ),
                    "checkout_start_per_day_during": round(
                        float(st.checkout_start[inside].mean()), 1
                    ),
                },
            }
        )
    if plan.shipping:
        a, b = plan.shipping
        inside = np.zeros(D, bool)
        inside[a : b + 1] = True
        before = (np.arange(D) < a) & (np.arange(D) >= a - 42)
        csat_in = st.delivery_csat_sum[inside].sum() / max(st.delivery_csat_n[inside].sum(), 1)
        csat_before = st.delivery_csat_sum[before].sum() / max(st.delivery_csat_n[before].sum(), 1)
        out.append(
            {
                "id": "shipping_delay",
                "kind": "delivery_delay",
                "start": day(a),
                "end": day(b),
                "size": SHIPPING_LATE,
                "size_unit": "share of deliveries due in the spell that arrive late (normally 0.06), by 2-5 days",
                "stage": "post-purchase",
                "touchpoint": "delivery",
                "channel": "delivery orders",
                "description": (
                    "Courier problems: deliveries due in the spell arrive 2-5 days late "
                    f"({int(SHIPPING_LATE * 100)}% of them); late-delivery tickets rise, replies slow "
                    "down (backlog), delivery CSAT and the tone of delivery feedback fall. Tickets and "
                    "surveys about the spell run on a few days after it ends."
                ),
                "observed": {
                    "late_delivery_share_6_weeks_before": _ratio(
                        st.deliveries_late[before], st.deliveries[before]
                    ),
                    "late_delivery_share_during": _ratio(
                        st.deliveries_late[inside], st.deliveries[inside]
                    ),
                    "late_delivery_tickets_per_week_6_weeks_before": round(
                        float(st.delivery_tickets[before].sum()) / 6, 1
                    ),
                    "late_delivery_tickets_per_week_during": round(
                        float(st.delivery_tickets[inside].sum()) / (inside.sum() / 7), 1
                    ),
                    "delivery_csat_6_weeks_before": round(float(csat_before), 2),
                    "delivery_csat_during": round(float(csat_in), 2),
                },
            }
        )
    a = plan.tiktok_start
    first30 = np.arange(D) < min(a, 30) if a > 0 else np.arange(D) < 30
    last30 = np.arange(D) >= D - 30
    out.append(
        {
            "id": "tiktok_growth",
            "kind": "channel_growth",
            "start": day(a),
            "end": day(D - 1),
            "size": TIKTOK_PEAK,
            "size_unit": (
                f"share of the start day's new arrivals from tiktok (from {TIKTOK_FROM} before); "
                f"the burst halves every {TIKTOK_HALF_LIFE:g} days into growth from "
                f"{TIKTOK_JUMP} to {TIKTOK_TO} by the end"
            ),
            "stage": "awareness",
            "touchpoint": "website_visit",
            "channel": "tiktok",
            "first_touch_channel": "tiktok",
            "description": (
                "A video of the shop takes off on TikTok: on the start day TikTok brings most of the "
                "day's new visitors (on top of the usual ones), the burst fades over a week, and "
                "TikTok then keeps growing to a real share of new arrivals. It adds traffic, mostly "
                "prospects who browse and leave, plus some new customers with acquisition_channel=tiktok."
            ),
            "observed": {
                "tiktok_share_of_website_visits_first_30_days": _ratio(
                    st.arrivals_tiktok[first30], st.arrivals[first30]
                ),
                "tiktok_share_of_website_visits_last_30_days": _ratio(
                    st.arrivals_tiktok[last30], st.arrivals[last30]
                ),
                "website_visits_per_day_first_30_days": round(
                    float(st.arrivals[first30].mean()), 1
                ),
                "website_visits_per_day_last_30_days": round(float(st.arrivals[last30].mean()), 1),
                "tiktok_website_visits_on_the_start_day": int(st.arrivals_tiktok[a])
                if a < D
                else 0,
                "tiktok_website_visits_per_day_week_before": round(
                    float(st.arrivals_tiktok[max(a - 7, 0) : a].mean()) if a > 0 else 0.0, 1
                ),
            },
        }
    )
    return out


def drift_report(tl: Timeline, st: DailyStats) -> list[dict]:
    """drift.json: the planted churn drift of a customer type: what churn prediction and
    personas are checked against. Not an incident: it builds up over weeks in part of one
    customer type, so no day breaks."""
    D = tl.days
    day = tl.day_iso
    out: list[dict] = []
    if tl.incidents.drift_start is not None:
        a = tl.incidents.drift_start
        last60 = np.arange(D) >= D - 60
        prior = (np.arange(D) < D - 60) & (np.arange(D) >= D - 150)
        dp = st.drift_purchases
        out.append(
            {
                "id": "regular_churn_drift",
                "kind": "churn_drift",
                "start": day(a),
                "end": day(D - 1),
                "size": -(1 - DRIFT_FLOOR),
                "size_unit": f"relative change in purchase rate of the drifting regulars (reached after {DRIFT_RAMP_DAYS} days)",
                "stage": "purchase",
                "touchpoint": "instore_purchase",
                "channel": "in_store",
                "segment": "weekday_regular",
                "affected_customers": int(st.drift_customers),
                "description": (
                    f"About {int(DRIFT_SHARE * 100)}% of established weekday regulars (churn_drift=true in "
                    "ground_truth.csv) buy less and less from the start date; their feedback turns to "
                    "prices, queues and quality and their NPS falls. Not an incident of the whole shop."
                ),
                "observed": {
                    "drifting_purchases_per_day_prior_90_days": round(float(dp[prior].mean()), 2),
                    "drifting_purchases_per_day_last_60_days": round(float(dp[last60].mean()), 2),
                },
            }
        )
    return out
