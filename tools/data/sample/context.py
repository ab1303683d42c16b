"""The state one chunk of customers is generated in: its random generator, the timeline, its
customers, and where the behaviours put what they draw (events, orders, failed checkouts).
The id counters and daily stats run on across chunks.

Every behaviour takes this as its first argument, so what it reads and writes is in one typed
place rather than spread over a generator object.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from tools.data.sample.baskets import OrderBook
from tools.data.sample.counters import DailyStats, IdCounters
from tools.data.sample.customers import Customers
from tools.data.sample.draws import channels, clock, poisson_days
from tools.data.sample.events import EventLog
from tools.data.sample.timeline import Timeline


@dataclass(eq=False)
class ChunkContext:
    rng: np.random.Generator
    tl: Timeline
    customers: Customers
    counters: IdCounters
    stats: DailyStats
    events: EventLog = field(default_factory=EventLog)
    orders: OrderBook = field(default_factory=OrderBook)
    # checkouts the payment breakage turned away: (customers, session end times, channels)
    failed: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=list)

    # The draws of draws.py with this chunk's generator, timeline and customers' active days.

    def clock(self, days: np.ndarray, weekday: str, weekend: str | None = None) -> np.ndarray:
        return clock(self.rng, self.tl, days, weekday, weekend)

    def channels(
        self, days: np.ndarray, mix: dict[str, float], tiktok_scale: float = 1.0
    ) -> np.ndarray:
        return channels(self.rng, self.tl, days, mix, tiktok_scale)

    def poisson_days(
        self, rows: np.ndarray, rate: np.ndarray, dayw: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        c = self.customers
        return poisson_days(self.rng, self.tl, c.first_day, c.last_day, rows, rate, dayw)
