"""The alert's life as a pure state machine: `step(rule, finding, state, now, policy)` fires once
(dedupe while open), escalates high severity, stays quiet in the cooldown and while snoozed, and
resolves when the condition clears.

The scheduler persists each rule's `RuleState` (tools/alerts/store.py); the backtest
(tools/alerts/backtest.py) keeps it in memory.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from tools.alerts.evaluate import Finding
from tools.alerts.rules import AlertRule
from tools.core.results import to_jsonable

EventKind = Literal["fire", "escalate", "resolve", "suppressed"]


@dataclass(frozen=True)
class AlertPolicy:
    cooldown_hours: float = 72.0  # after an alert fires, no new one for the rule this long
    clear_days: int = 1  # judged days within bounds before an open alert is resolved
    escalate: tuple[str, ...] = ("high",)  # severities that escalate


@dataclass(frozen=True)
class OpenAlert:
    id: str
    rule_id: str
    severity: str
    opened_day: dt.date
    since_day: dt.date
    opened_at: dt.datetime
    last_breach_day: dt.date
    clear_streak: int = 0


@dataclass(frozen=True)
class RuleState:
    open: OpenAlert | None = None
    last_fired_at: dt.datetime | None = None
    snoozed_until: dt.datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return to_jsonable(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> RuleState:
        if not data:
            return cls()
        o = data.get("open")
        open_alert = None
        if o:
            open_alert = OpenAlert(
                id=o["id"], rule_id=o["rule_id"], severity=o["severity"],
                opened_day=dt.date.fromisoformat(o["opened_day"]), since_day=dt.date.fromisoformat(o["since_day"]),
                opened_at=dt.datetime.fromisoformat(o["opened_at"]),
                last_breach_day=dt.date.fromisoformat(o["last_breach_day"]), clear_streak=int(o["clear_streak"]))
        return cls(open_alert, _dt(data.get("last_fired_at")), _dt(data.get("snoozed_until")))


def _dt(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


@dataclass(frozen=True)
class AlertEvent:
    kind: EventKind
    alert_id: str
    rule_id: str
    day: dt.date
    severity: str
    finding: Finding
    note: str = ""

    @property
    def key(self) -> str:
        return f"alert:{self.alert_id}:{self.kind}"


def alert_id(rule_id: str, day: dt.date) -> str:
    return f"{rule_id}@{day.isoformat()}"


def step(rule: AlertRule, finding: Finding, state: RuleState, now: dt.datetime,
         policy: AlertPolicy) -> tuple[RuleState, list[AlertEvent]]:
    """Advance one rule by one judged day. Pure: same inputs, same outputs."""
    cooldown = dt.timedelta(hours=rule.cooldown_hours if rule.cooldown_hours is not None else policy.cooldown_hours)
    opened = state.open
    if not finding.judged:
        return state, []  # no data or too few customers: neither fire nor resolve
    if finding.breach:
        if opened is not None:  # dedupe: the open alert already says it
            return dataclasses.replace(state, open=dataclasses.replace(
                opened, last_breach_day=finding.day, clear_streak=0)), []
        aid = alert_id(rule.id, finding.day)
        if state.snoozed_until is not None and now < state.snoozed_until:
            return state, [AlertEvent("suppressed", aid, rule.id, finding.day, rule.severity, finding,
                                      f"snoozed until {state.snoozed_until:%Y-%m-%d %H:%M}")]
        if state.last_fired_at is not None and now - state.last_fired_at < cooldown:
            return state, [AlertEvent("suppressed", aid, rule.id, finding.day, rule.severity, finding,
                                      f"in the {cooldown.total_seconds() / 3600:g} h cooldown")]
        new = OpenAlert(aid, rule.id, rule.severity, finding.day, finding.since or finding.day, now, finding.day)
        events = [AlertEvent("fire", aid, rule.id, finding.day, rule.severity, finding)]
        if rule.severity in policy.escalate:
            events.append(AlertEvent("escalate", aid, rule.id, finding.day, rule.severity, finding))
        return RuleState(new, now, state.snoozed_until), events
    if opened is None:
        return state, []
    streak = opened.clear_streak + 1
    if streak < policy.clear_days:
        return dataclasses.replace(state, open=dataclasses.replace(opened, clear_streak=streak)), []
    resolved = AlertEvent("resolve", opened.id, rule.id, finding.day, opened.severity, finding,
                          f"open since {opened.since_day}")
    return dataclasses.replace(state, open=None), [resolved]
