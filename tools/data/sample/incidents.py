"""The incidents and the churn drift planted in the sample: when they happen and how big they are.

The sizes below are what generation uses; ground_truth.py reports them (with what the files
really show) in incidents.json and drift.json. docs/SAMPLE_DATA.md describes them in words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Incidents, as days before spec.end (inclusive windows). With the default end (Sunday
# 2026-11-15): checkout Mon 2026-08-31 .. Sun 2026-09-06, shipping Wed 2026-09-30 .. Sun
# 2026-10-18, TikTok growth from Tue 2026-08-18, churn drift from Thu 2026-09-17.
INCIDENT_DAYS_BEFORE_END = {
    "checkout_start": 76,
    "checkout_len": 7,
    "shipping_start": 46,
    "shipping_len": 19,
    "tiktok_start": 89,
    "drift_start": 59,
}
CHECKOUT_FAIL = 0.60  # share of online orders that fail at payment during the breakage
SHIPPING_LATE = 0.75  # share of deliveries late during the spell (normally 6%)
# Share of new arrivals from tiktok: a trickle before the start. On the start day a video of the
# shop takes off: tiktok brings TIKTOK_PEAK of that day's new arrivals (on top of the usual
# ones), the burst fades with a half-life of TIKTOK_HALF_LIFE days, and what stays grows from
# TIKTOK_JUMP to TIKTOK_TO by the end.
TIKTOK_FROM, TIKTOK_JUMP, TIKTOK_TO = 0.01, 0.05, 0.18
TIKTOK_PEAK, TIKTOK_HALF_LIFE = 0.85, 2.0
DRIFT_SHARE = 0.35  # share of established regulars that drift
DRIFT_FLOOR = 0.25  # their purchase rate falls to this fraction ...
DRIFT_RAMP_DAYS = 21  # ... over this many days


@dataclass(frozen=True, eq=False)
class IncidentPlan:
    """Where the planted incidents fall in a period of `days` days (day 0 is the first day).

    A window that would start before the period is None: short samples simply lack it.
    """

    checkout: tuple[int, int] | None  # first and last day of the checkout breakage
    shipping: tuple[int, int] | None  # first and last day of the shipping delay
    tiktok_start: int
    tiktok: np.ndarray  # share of new arrivals from tiktok, by day
    drift_start: int | None  # first day of the regulars' churn drift
    drift_curve: np.ndarray  # purchase rate of a drifting regular relative to before, by day
    fail_day: np.ndarray  # True on the days of the checkout breakage
    ship_day: np.ndarray  # True on the days of the shipping delay


def plan_incidents(days: int) -> IncidentPlan:
    D = days
    d = np.arange(D)

    def window(back: int, length: int) -> tuple[int, int] | None:
        first = D - 1 - back
        if first < 0:
            return None
        return first, min(first + length - 1, D - 1)

    b = INCIDENT_DAYS_BEFORE_END
    checkout = window(b["checkout_start"], b["checkout_len"])
    shipping = window(b["shipping_start"], b["shipping_len"])
    tiktok_start = max(0, D - 1 - b["tiktok_start"])
    ramp = np.clip((d - tiktok_start) / max(D - 1 - tiktok_start, 1), 0, 1)
    stays = TIKTOK_JUMP + (TIKTOK_TO - TIKTOK_JUMP) * ramp
    burst = 0.5 ** (np.maximum(d - tiktok_start, 0) / TIKTOK_HALF_LIFE)
    tiktok = np.where(d < tiktok_start, TIKTOK_FROM, stays + (TIKTOK_PEAK - stays) * burst)
    # a drift needs a few weeks of normal behaviour before it to be visible at all
    drift_start = D - 1 - b["drift_start"] if D - 1 - b["drift_start"] > 30 else None
    curve = np.ones(D)
    if drift_start is not None:
        x = np.clip((d - drift_start) / DRIFT_RAMP_DAYS, 0, 1)
        curve = 1 - (1 - DRIFT_FLOOR) * x
    fail_day = np.zeros(D, bool)
    if checkout:
        fail_day[checkout[0] : checkout[1] + 1] = True
    ship_day = np.zeros(D, bool)
    if shipping:
        ship_day[shipping[0] : shipping[1] + 1] = True
    return IncidentPlan(
        checkout=checkout,
        shipping=shipping,
        tiktok_start=tiktok_start,
        tiktok=tiktok,
        drift_start=drift_start,
        drift_curve=curve,
        fail_day=fail_day,
        ship_day=ship_day,
    )
