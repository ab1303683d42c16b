"""Replaying alert rules over past days, and scoring them against known incidents.

Each rule's series is read once and judged for every day in one vectorised pass; the day-by-
day part is only the alert state machine (fire once, cooldown, resolve), so a backtest sees
exactly the alerts the daily job would have posted, without posting anything.

Scoring: an incident is caught when an alert on one of its metrics (any metric, if the
incident does not name them) fires no later than `tolerance_days` after it starts. An alert is
true when it fires inside an incident on its metric (from the start to `tolerance_days` after
the end); every other alert is false. An incident of one first-touch channel (a channel's
traffic growing) is matched only by alerts on that channel or on the whole shop: an alert
about another channel during it is false.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from tools.alerts.check import unloaded_lines
from tools.alerts.detect import detect
from tools.alerts.evaluate import finding_from, rules_with_series
from tools.alerts.lifecycle import AlertEvent, AlertPolicy, RuleState, step
from tools.alerts.rules import AlertRule
from tools.alerts.series import SeriesProvider, metric_info
from tools.core.errors import NotReadyYet, TableNotLoaded, ToolInputError
from tools.core.results import Provenance, ResultMixin
from tools.core.text import counted


@dataclass(frozen=True)
class Incident:
    id: str
    name: str
    start: dt.date
    end: dt.date
    metrics: tuple[str, ...] = ()  # empty: any metric may catch it
    kind: str = ""
    channel: str | None = None  # the first-touch channel it is about, if one

    def covers(self, metric: str, channel: str | None = None) -> bool:
        """Whether an alert on this metric (for this first-touch channel, None = all) is about it."""
        if self.metrics and metric not in self.metrics:
            return False
        return self.channel is None or channel is None or channel == self.channel


# What each kind of incident in the sample data moves (docs/SAMPLE_DATA.md): an alert on one
# of these metrics during the incident is a true alert. The lists are written from the
# incident descriptions, not from what the rules happened to catch.
INCIDENT_METRICS: dict[str, tuple[str, ...]] = {
    "checkout_failure": ("session_conversion", "conversion_purchase", "purchase_conversion",
                         "cart_abandonment", "orders", "revenue", "csat", "csat_mean", "tickets",
                         "tickets_answered", "open_tickets", "backlog_change"),
    "delivery_delay": ("on_time_delivery", "delivery_time", "delivery_time_p90", "deliveries", "csat",
                       "csat_mean", "nps", "first_response_time", "first_response_time_p90",
                       "resolution_time", "resolution_time_p90", "tickets", "tickets_answered", "open_tickets",
                       "backlog_change"),
    # New browsers from the channel: more newcomers and sessions, more bounces, a lower share of
    # sessions that buy. Checkout conversion is not among them: browsers rarely reach checkout.
    "channel_growth": ("new_visitors", "sessions", "web_sessions", "bounce_rate", "session_conversion",
                       "conversion_consideration"),
}


def load_incidents(path: str | Path) -> list[Incident]:
    """incidents.json of the sample data (a list of {id, kind, start, end, ...})."""
    try:
        items = json.loads(Path(path).read_text(encoding="utf-8"))
        return [Incident(str(i["id"]), str(i["id"]),
                         dt.date.fromisoformat(i["start"]), dt.date.fromisoformat(i["end"]),
                         INCIDENT_METRICS.get(str(i.get("kind")), ()), str(i.get("kind", "")),
                         i.get("first_touch_channel"))
                for i in items]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ToolInputError(f"{path}: not an incidents file ({exc}); expected a JSON list of objects "
                             "with id, kind, start and end") from None


@dataclass(frozen=True)
class BacktestAlert:
    rule_id: str
    metric: str
    channel: str | None  # the first-touch channel the alert is about; None = all customers
    day: dt.date
    severity: str
    incident: str | None  # the incident it belongs to, or None for a false alert
    headline: str


@dataclass(frozen=True)
class BacktestResult(ResultMixin):
    first: dt.date
    last: dt.date
    alerts: tuple[BacktestAlert, ...]
    incidents: tuple[Incident, ...]
    caught: dict[str, dt.date | None]  # incident id -> day of its first alert within tolerance
    tolerance_days: int
    resolved: int
    suppressed: int
    errors: tuple[tuple[str, str], ...] = ()
    provenance: Provenance = field(default=None)  # type: ignore[assignment]
    unloaded: tuple[tuple[str, str], ...] = ()  # rule id, "no orders": its data is not loaded (check.py)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def true_alerts(self) -> int:
        return sum(1 for a in self.alerts if a.incident is not None)

    @property
    def precision(self) -> float | None:
        return self.true_alerts / len(self.alerts) if self.alerts else None

    @property
    def recall(self) -> float | None:
        return sum(1 for d in self.caught.values() if d is not None) / len(self.caught) if self.caught else None

    def false_alerts_per_metric(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for a in self.alerts:
            out.setdefault(a.metric, 0)
            if a.incident is None:
                out[a.metric] += 1
        return out

    def worst_false_rate(self) -> float:
        """The most false alerts any metric had per 30 days."""
        counts = self.false_alerts_per_metric()
        return max(counts.values(), default=0) * 30 / self.days

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([a.__dict__ for a in self.alerts])

    def to_text(self, details: bool = False) -> str:
        if not self.incidents:
            return self._unscored_text()
        caught = sum(1 for inc in self.incidents if self.caught.get(inc.id))
        head = (f"Backtest {self.first} to {self.last} ({self.days} days): {len(self.alerts)} alerts, "
                f"{self.true_alerts} of them during real incidents")
        if self.incidents:
            head += (f"; {caught} of {len(self.incidents)} incidents caught within "
                     f"{counted(self.tolerance_days, 'day')} of their start")
        if details:
            p = "n/a" if self.precision is None else f"{self.precision:.2f}"
            r = "n/a" if self.recall is None else f"{self.recall:.2f}"
            head += f" (precision {p}, recall {r})"
        lines = [head + "."]
        for inc in self.incidents:
            day = self.caught.get(inc.id)
            lag = f"caught on {day} (+{(day - inc.start).days} d)" if day else "MISSED"
            kind = f"{inc.kind}, " if inc.kind else ""
            lines.append(f"  incident {inc.name} ({kind}{inc.start} to {inc.end}): {lag}")
        per_metric = self.false_alerts_per_metric()
        if per_metric:
            lines.append("False alerts per metric (per 30 days): " + ", ".join(
                f"{m} {n} ({n * 30 / self.days:.2f})" for m, n in sorted(per_metric.items())))
        lines.append(f"Resolved follow-ups: {self.resolved}; alerts held back by cooldown or snooze: {self.suppressed}")
        for a in self.alerts:
            tag = f"incident {a.incident}" if a.incident else "FALSE"
            lines.append(f"  {a.day} {a.rule_id:<28} [{a.severity}] {tag}: {a.headline}")
        lines += unloaded_lines(self.unloaded, "  skipped ")
        for rule_id, message in self.errors:
            lines.append(f"  error {rule_id}: {message}")
        return "\n".join(lines)


    def _unscored_text(self) -> str:
        """Without a list of known incidents (any data but the sample's) nothing tells a true
        alert from a false one: the alerts the rules would have sent, per metric, not called false
        (on Olist every alert was printed as FALSE)."""
        lines = [f"Backtest {self.first} to {self.last} ({self.days} days): {len(self.alerts)} alerts the rules "
                 "would have sent. No list of known incidents to score them against, so none is called true or "
                 "false: check each against what happened (`--incidents FILE` scores them, a JSON list of "
                 "{id, kind, start, end})."]
        per_metric: dict[str, int] = {}
        for a in self.alerts:
            per_metric[a.metric] = per_metric.get(a.metric, 0) + 1
        if per_metric:
            lines.append("Alerts per metric (per 30 days): " + ", ".join(
                f"{m} {n} ({n * 30 / self.days:.2f})" for m, n in sorted(per_metric.items())))
        lines.append(f"Resolved follow-ups: {self.resolved}; alerts held back by cooldown or snooze: {self.suppressed}")
        lines += [f"  {a.day} {a.rule_id:<28} [{a.severity}] {a.headline}" for a in self.alerts]
        lines += unloaded_lines(self.unloaded, "  skipped ")
        lines += [f"  error {rule_id}: {message}" for rule_id, message in self.errors]
        return "\n".join(lines)


def replay(provider: SeriesProvider, rule: AlertRule, first: dt.date, last: dt.date,
           policy: AlertPolicy) -> list[AlertEvent]:
    """Every event the rule (each group of a per-group rule) would have produced, day by day,
    from first to last."""
    info = metric_info(provider, rule.metric)
    events: list[AlertEvent] = []
    for concrete, series in rules_with_series(provider, rule, first, last):
        checked = detect(concrete, info, series)
        # One pass over the judged days. A day that is not judged, or judged within bounds
        # while no alert is open, leaves the state machine where it was (see `step`), so only
        # breaches and the days after an alert opened need a Finding: building one for each
        # of thousands of quiet days was what made a long replay slow.
        window = checked.loc[pd.Timestamp(first):pd.Timestamp(last)]
        judged = window["judged"].to_numpy(dtype=bool)
        breach = window["breach"].to_numpy(dtype=bool)
        state = RuleState()
        for ts, is_breach in zip(window.index[judged], breach[judged], strict=True):
            if not is_breach and state.open is None:
                continue
            day = ts.date()
            finding = finding_from(concrete, info, checked, day)
            # The daily job runs the morning after the day it judges.
            now = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(7, 0), tzinfo=dt.UTC)
            state, new = step(concrete, finding, state, now, policy)
            events.extend(new)
    return events


def backtest(provider: SeriesProvider, rules: list[AlertRule], first: dt.date, last: dt.date,
             incidents: list[Incident], *, policy: AlertPolicy | None = None,
             tolerance_days: int = 1) -> BacktestResult:
    if last < first:
        raise ToolInputError(f"backtest ends ({last}) before it starts ({first})")
    policy = policy or AlertPolicy()
    fired: list[BacktestAlert] = []
    caught: dict[str, dt.date | None] = {i.id: None for i in incidents}
    resolved = suppressed = 0
    errors: list[tuple[str, str]] = []
    unloaded: list[tuple[str, str]] = []
    for rule in (r for r in rules if r.enabled):
        try:
            events = replay(provider, rule, first, last, policy)
        except TableNotLoaded as exc:
            unloaded.append((rule.id, exc.missing))
            continue
        except (ToolInputError, NotReadyYet) as exc:
            errors.append((rule.id, str(exc)))
            continue
        for event in events:
            if event.kind == "resolve":
                resolved += 1
            elif event.kind == "suppressed":
                suppressed += 1
            if event.kind != "fire":
                continue
            channel = event.finding.scope.get("channel")
            during = next((i for i in incidents if i.covers(rule.metric, channel)
                           and i.start <= event.day <= i.end + dt.timedelta(days=tolerance_days)), None)
            fired.append(BacktestAlert(event.rule_id, rule.metric, channel, event.day, event.severity,
                                       during.id if during else None, event.finding.headline()))
            for inc in incidents:
                if inc.covers(rule.metric, channel) and inc.start <= event.day <= inc.start + dt.timedelta(days=tolerance_days):
                    if caught[inc.id] is None or event.day < caught[inc.id]:  # type: ignore[operator]
                        caught[inc.id] = event.day
    fired.sort(key=lambda a: (a.day, a.rule_id))
    prov = Provenance(
        tool="alerts_backtest",
        definition="every enabled rule replayed day by day with the alert state machine (dedupe, "
                   "cooldown, resolve); alerts scored against the documented incidents",
        params={"first": first.isoformat(), "last": last.isoformat(), "rules": [r.id for r in rules if r.enabled],
                "tolerance_days": tolerance_days, "cooldown_hours": policy.cooldown_hours},
        period_label=f"{first} to {last}",
    )
    return BacktestResult(first, last, tuple(fired), tuple(incidents), caught, tolerance_days, resolved,
                          suppressed, tuple(errors), prov, tuple(unloaded))
