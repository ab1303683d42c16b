"""Where the alert engine gets its numbers: daily KPI series behind a small interface.

The engine asks for `daily(metric, scope, first, last)` -> DataFrame(date, value, n) and, when
something fires, for the groups that drove the change. The production provider reads them
from the KPI and trend tools (tools/kpis.py, tools/trends.py); tests and backtests of
hand-made data use FrameSeriesProvider. The engine never computes a KPI itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

import pandas as pd

from tools.alert_rules import AlertRule, MetricInfo
from tools.errors import ToolInputError


@dataclass(frozen=True)
class Scope:
    """Which customers and which stage a rule looks at."""

    channel: str | None = None
    segment: str | None = None
    stage: str | None = None

    @classmethod
    def of(cls, rule: AlertRule) -> Scope:
        return cls(rule.channel, rule.segment, rule.stage)

    def key(self) -> tuple[str | None, str | None, str | None]:
        return (self.channel, self.segment, self.stage)


@dataclass(frozen=True)
class Contributor:
    """One group's part in a change: e.g. channel instagram went 48% -> 20%."""

    dimension: str  # channel, segment, stage, ...
    group: str
    before: float | None
    now: float | None
    share: float | None  # share of the total change this group explains (0..1), if known
    n: int = 0

    def to_text(self, info: MetricInfo) -> str:
        part = f" ({self.share:.0%} of the change)" if self.share is not None else ""
        return f"{self.dimension} {self.group}: {info.format(self.before)} → {info.format(self.now)}{part}"


class SeriesProvider(Protocol):
    def metrics(self) -> list[MetricInfo]:
        ...

    def daily(self, metric: str, scope: Scope, first: dt.date, last: dt.date) -> pd.DataFrame:
        """date, value, n for each day with data (days without data may be missing)."""
        ...

    def contributors(self, metric: str, scope: Scope, current: tuple[dt.date, dt.date],
                     previous: tuple[dt.date, dt.date], top: int = 3) -> list[Contributor]:
        ...

    def last_day(self) -> dt.date | None:
        ...


def metric_info(provider: SeriesProvider, metric: str) -> MetricInfo:
    known = {m.name: m for m in provider.metrics()}
    if metric not in known:
        raise ToolInputError(f"Unknown metric {metric!r} for alerts; use one of {', '.join(sorted(known))}")
    return known[metric]


class FrameSeriesProvider:
    """Series given as frames, keyed by metric (and optionally by scope): hand-made data."""

    def __init__(self, infos: list[MetricInfo], frames: dict[str | tuple, pd.DataFrame],
                 contributions: dict[str, list[Contributor]] | None = None):
        self.infos = infos
        self.frames = frames
        self.contributions = contributions or {}
        self.calls: list[tuple[str, Scope, dt.date, dt.date]] = []

    def metrics(self) -> list[MetricInfo]:
        return list(self.infos)

    def daily(self, metric: str, scope: Scope, first: dt.date, last: dt.date) -> pd.DataFrame:
        self.calls.append((metric, scope, first, last))
        frame = self.frames.get((metric, *scope.key()), self.frames.get(metric))
        if frame is None:
            return pd.DataFrame({"date": [], "value": [], "n": []})
        dates = pd.to_datetime(frame["date"]).dt.date
        return frame[(dates >= first) & (dates <= last)].reset_index(drop=True)

    def contributors(self, metric: str, scope: Scope, current: tuple[dt.date, dt.date],
                     previous: tuple[dt.date, dt.date], top: int = 3) -> list[Contributor]:
        return self.contributions.get(metric, [])[:top]

    def last_day(self) -> dt.date | None:
        days = [pd.to_datetime(f["date"]).max().date() for f in self.frames.values() if len(f)]
        return max(days) if days else None


class KpiSeriesProvider:
    """Daily series from the KPI and trend tools (tools/kpis.py, tools/trends.py): wired
    when those land on main."""

    def __init__(self, store: object, *, currency: str = "GBP", churn_window_days: int = 90):
        raise ToolInputError("KPI series are not available yet: tools/trends.py has not landed")
