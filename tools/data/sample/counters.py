"""What carries over from one chunk of customers to the next: the running numbers behind
session, order, survey and ticket ids, and per-day counts of what the files show (reported as
"observed" in incidents.json and drift.json)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class IdCounters:
    """How many sessions, orders, surveys and tickets earlier chunks numbered."""

    sessions: int = 0
    orders: int = 0
    surveys: int = 0
    tickets: int = 0


class DailyStats:
    """Per-day counters across chunks, to report what the incidents look like in the files."""

    def __init__(self, days: int):
        z = lambda: np.zeros(days, np.int64)  # noqa: E731
        self.checkout_start, self.order_placed = z(), z()
        self.arrivals, self.arrivals_tiktok = z(), z()  # website visits
        self.delivery_tickets, self.tickets = z(), z()
        self.delivery_csat_sum, self.delivery_csat_n = z(), z()
        self.deliveries, self.deliveries_late = z(), z()  # by promised day, catering excluded
        self.drift_purchases, self.drift_customers = z(), 0  # in-store, of drifting regulars
