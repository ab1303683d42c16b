"""A validated KPI request (`Scope`) and the business settings it carries, in a module of their
own so that kpi_scope.py, which builds a scope, and kpi_notes.py, which reads one, both import
the real type without importing each other."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tools.analytics import kpi_frame
from tools.analytics.filters import Filters
from tools.analytics.periods import Period, ResolvedPeriod, resolve
from tools.core.money import NumberFormat

TABLE_NOUNS = {"events": "journey events", "orders": "orders", "surveys": "survey answers",
               "tickets": "support tickets"}


@dataclass(frozen=True)
class KpiSettings:
    """Business settings the KPIs need; the bot fills them from [analytics] and [business]."""

    churn_window_days: int = 90
    cart_window_hours: int = 24
    # on time: delivered by the end of this many days after the order day, for orders without
    # a promised date of their own (orders.promised_at); None: only those orders are judged
    delivery_promise_days: int | None = 2
    currency: str | None = None  # None: the business profile's (the store's)
    locale: str | None = None  # with currency: how its amounts are written (default its usual)
    min_sample: int = 30  # below this n a value is flagged as a small sample


@dataclass(frozen=True)
class Scope:
    """A validated request: resolved period, filters and windows, ready to build frames."""

    period: ResolvedPeriod
    filters: Filters
    settings: KpiSettings
    churn_days: int
    cart_hours: int
    data_start: dt.date
    as_of: dt.date
    data_end: dt.datetime
    timezone: str
    numbers: NumberFormat = field(default_factory=NumberFormat)
    table: str | None = None  # the table whose data the period is anchored on
    granularity: str = "time"  # how finely that table is dated (tools/data/spans.py)

    def frame(self, grain: kpi_frame.Grain = "period", period: ResolvedPeriod | None = None,
              who: str | None = None) -> kpi_frame.Frame:
        p = period or self.period
        return kpi_frame.Frame(
            start=p.start, end=p.end, first_day=p.first_day,
            end_day=p.last_day + dt.timedelta(days=1), grain=grain,
            churn_hours=self.churn_days * 24, cart_hours=self.cart_hours,
            promise_days=self.settings.delivery_promise_days, data_end=self.data_end, who=who, filtered=not self.filters.is_empty(),
            month_dated=self.granularity == "month" and self.table == "events",
        )

    def resolve(self, period: Period | str | None) -> ResolvedPeriod:
        return resolve(period, self.as_of, self.timezone, self.data_start, self.granularity)

    @property
    def noun(self) -> str:
        return TABLE_NOUNS.get(self.table or "", "events or orders")
