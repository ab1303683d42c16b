"""Alert rules made in conversation, alert state and alert history, in state.sqlite.

Judging a rule on a day and recording what follows happen in one transaction: the day is
marked as checked, the rule's state moves on, the alert row changes, and the messages to send
go into an outbox. A second instance, or a restart, that judges the same rule on the same day
finds it checked and does nothing; messages that were not sent yet are still in the outbox.
Posting them exactly once is the scheduler's job (bot/scheduler/delivery.py).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tools.alerts.evaluate import Finding
from tools.alerts.lifecycle import AlertEvent, AlertPolicy, RuleState, step
from tools.alerts.rules import AlertRule
from tools.core.errors import ToolInputError
from tools.core.sqlite_wal import connect_wal

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS alert_rules (
        id TEXT PRIMARY KEY, rule TEXT NOT NULL, source TEXT NOT NULL, created_by TEXT,
        created_at REAL NOT NULL, updated_at REAL NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS alert_rule_state (
        rule_id TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at REAL NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS alert_checks (
        rule_id TEXT, day TEXT, breach INTEGER, checked_at REAL, PRIMARY KEY (rule_id, day))""",
    """CREATE TABLE IF NOT EXISTS alerts (
        id TEXT PRIMARY KEY, rule_id TEXT NOT NULL, status TEXT NOT NULL, severity TEXT NOT NULL,
        day TEXT NOT NULL, since_day TEXT NOT NULL, opened_at TEXT NOT NULL, resolved_at TEXT,
        resolved_day TEXT, finding TEXT NOT NULL, acked_by TEXT, acked_at TEXT)""",
    """CREATE TABLE IF NOT EXISTS alert_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT UNIQUE NOT NULL, alert_id TEXT NOT NULL,
        kind TEXT NOT NULL, event TEXT NOT NULL, created_at REAL NOT NULL, delivered_at REAL)""",
    """CREATE TABLE IF NOT EXISTS alert_threads (
        channel TEXT, ts TEXT, alert_id TEXT NOT NULL, main INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (channel, ts))""",
]


@dataclass(frozen=True)
class StoredRule:
    rule: AlertRule
    source: str  # chat | cli
    created_by: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class AlertRecord:
    id: str
    rule_id: str
    status: str  # open | resolved
    severity: str
    day: dt.date
    since_day: dt.date
    opened_at: dt.datetime
    resolved_at: dt.datetime | None
    resolved_day: dt.date | None
    finding: Finding
    acked_by: str | None
    acked_at: dt.datetime | None
    snoozed_until: dt.datetime | None = None
    channel: str | None = None  # where the alert was posted, once it was
    ts: str | None = None

    def summary(self) -> str:
        state = self.status
        if self.acked_by:
            state += f", acknowledged by {self.acked_by}"
        if self.snoozed_until:
            state += f", snoozed until {self.snoozed_until:%Y-%m-%d %H:%M}"
        return f"[{self.severity}] {self.finding.headline()} — since {self.since_day} ({state}) · id {self.id}"


@dataclass(frozen=True)
class OutboxItem:
    seq: int
    key: str
    alert_id: str
    kind: str
    event: AlertEvent


class AlertStore:
    def __init__(self, path: str | Path | None):
        self.path = str(path) if path else ":memory:"
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._shared: sqlite3.Connection | None = None
        with self._tx() as con:
            for sql in _SCHEMA:
                con.execute(sql)

    # -- connections ------------------------------------------------------------------
    def _con(self) -> sqlite3.Connection:
        if self.path == ":memory:":  # one connection, or each thread would see its own database
            if self._shared is None:
                self._shared = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            return self._shared
        con = getattr(self._local, "con", None)
        if con is None:
            con = connect_wal(self.path, autocommit=True)
            self._local.con = con
        return con

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE: take the write lock first, so read-then-write is atomic across
        processes."""
        con = self._con()
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    # -- rules made in conversation or on the command line ------------------------------
    def stored_rules(self) -> list[StoredRule]:
        rows = self._con().execute(
            "SELECT rule, source, created_by, created_at FROM alert_rules ORDER BY created_at").fetchall()
        return [StoredRule(AlertRule.model_validate_json(r), s, c, _from_epoch(t)) for r, s, c, t in rows]

    def add_rule(self, rule: AlertRule, *, source: str, created_by: str | None = None,
                 reserved: set[str] | None = None) -> None:
        if reserved and rule.id in reserved:
            raise ToolInputError(f"A rule named {rule.id!r} is in the config file; pick another name")
        now = time.time()
        with self._tx() as con:
            if con.execute("SELECT 1 FROM alert_rules WHERE id = ?", [rule.id]).fetchone():
                raise ToolInputError(f"A rule named {rule.id!r} exists already; change it or pick another name")
            con.execute("INSERT INTO alert_rules VALUES (?, ?, ?, ?, ?, ?)",
                        [rule.id, rule.model_dump_json(), source, created_by, now, now])

    def replace_rule(self, rule: AlertRule) -> None:
        with self._tx() as con:
            cur = con.execute("UPDATE alert_rules SET rule = ?, updated_at = ? WHERE id = ?",
                              [rule.model_dump_json(), time.time(), rule.id])
            if cur.rowcount == 0:
                raise ToolInputError(f"No rule named {rule.id!r} was made in conversation or on the command line")

    def remove_rule(self, rule_id: str) -> bool:
        with self._tx() as con:
            cur = con.execute("DELETE FROM alert_rules WHERE id = ?", [rule_id])
        return cur.rowcount == 1

    # -- judging ----------------------------------------------------------------------
    def state(self, rule_id: str) -> RuleState:
        row = self._con().execute("SELECT state FROM alert_rule_state WHERE rule_id = ?", [rule_id]).fetchone()
        return RuleState.from_json(json.loads(row[0]) if row else None)

    def was_checked(self, rule_id: str, day: dt.date) -> bool:
        return self._con().execute("SELECT 1 FROM alert_checks WHERE rule_id = ? AND day = ?",
                                   [rule_id, day.isoformat()]).fetchone() is not None

    def apply(self, rule: AlertRule, finding: Finding, now: dt.datetime, policy: AlertPolicy,
              *, check_key: str | None = None) -> list[AlertEvent]:
        """Move the rule on by the judged day, once. Returns the events to announce (also
        queued in the outbox); an empty list when the day was checked before. `check_key`
        replaces the day as what is judged once (a source's freshness after each sync)."""
        day = check_key or finding.day.isoformat()
        with self._tx() as con:
            if con.execute("SELECT 1 FROM alert_checks WHERE rule_id = ? AND day = ?", [rule.id, day]).fetchone():
                return []
            row = con.execute("SELECT state FROM alert_rule_state WHERE rule_id = ?", [rule.id]).fetchone()
            state = RuleState.from_json(json.loads(row[0]) if row else None)
            new_state, events = step(rule, finding, state, now, policy)
            con.execute("INSERT INTO alert_checks VALUES (?, ?, ?, ?)", [rule.id, day, int(finding.breach), time.time()])
            con.execute("INSERT OR REPLACE INTO alert_rule_state VALUES (?, ?, ?)",
                        [rule.id, json.dumps(new_state.to_json()), time.time()])
            for event in events:
                self._record_event(con, event, now)
        return events

    def _record_event(self, con: sqlite3.Connection, event: AlertEvent, now: dt.datetime) -> None:
        finding_json = json.dumps(event.finding.to_dict())
        if event.kind == "fire":
            con.execute(
                "INSERT OR IGNORE INTO alerts (id, rule_id, status, severity, day, since_day, opened_at, finding) "
                "VALUES (?, ?, 'open', ?, ?, ?, ?, ?)",
                [event.alert_id, event.rule_id, event.severity, event.day.isoformat(),
                 (event.finding.since or event.day).isoformat(), now.isoformat(), finding_json])
        elif event.kind == "resolve":
            con.execute(
                "UPDATE alerts SET status = 'resolved', resolved_at = ?, resolved_day = ? WHERE id = ?",
                [now.isoformat(), event.day.isoformat(), event.alert_id])
        if event.kind in ("fire", "escalate", "resolve"):
            con.execute(
                "INSERT OR IGNORE INTO alert_outbox (key, alert_id, kind, event, created_at) VALUES (?, ?, ?, ?, ?)",
                [event.key, event.alert_id, event.kind, json.dumps(_event_json(event)), time.time()])

    # -- the outbox ---------------------------------------------------------------------
    def undelivered(self) -> list[OutboxItem]:
        rows = self._con().execute(
            "SELECT seq, key, alert_id, kind, event FROM alert_outbox WHERE delivered_at IS NULL ORDER BY seq"
        ).fetchall()
        return [OutboxItem(seq, key, aid, kind, _event_from(json.loads(ev))) for seq, key, aid, kind, ev in rows]

    def mark_delivered(self, key: str) -> None:
        with self._tx() as con:
            con.execute("UPDATE alert_outbox SET delivered_at = ? WHERE key = ?", [time.time(), key])

    def record_thread(self, alert_id: str, channel: str, ts: str, *, main: bool) -> None:
        with self._tx() as con:
            con.execute("INSERT OR REPLACE INTO alert_threads VALUES (?, ?, ?, ?)", [channel, ts, alert_id, int(main)])

    def main_thread(self, alert_id: str) -> tuple[str, str] | None:
        row = self._con().execute(
            "SELECT channel, ts FROM alert_threads WHERE alert_id = ? AND main = 1", [alert_id]).fetchone()
        return (row[0], row[1]) if row else None

    def threads(self, alert_id: str) -> list[tuple[str, str]]:
        return [(c, t) for c, t in self._con().execute(
            "SELECT channel, ts FROM alert_threads WHERE alert_id = ? ORDER BY main DESC", [alert_id]).fetchall()]

    def alert_for_thread(self, channel: str, ts: str) -> str | None:
        row = self._con().execute(
            "SELECT alert_id FROM alert_threads WHERE channel = ? AND ts = ?", [channel, ts]).fetchone()
        return row[0] if row else None

    # -- people acting on alerts ----------------------------------------------------------
    def get(self, alert_id: str) -> AlertRecord:
        row = self._con().execute(
            "SELECT id, rule_id, status, severity, day, since_day, opened_at, resolved_at, resolved_day, "
            "finding, acked_by, acked_at FROM alerts WHERE id = ?", [alert_id]).fetchone()
        if row is None:
            raise ToolInputError(f"No alert with id {alert_id!r}")
        return self._record(row)

    def alerts(self, *, status: str | None = "open", limit: int = 50) -> list[AlertRecord]:
        sql = ("SELECT id, rule_id, status, severity, day, since_day, opened_at, resolved_at, resolved_day, "
               "finding, acked_by, acked_at FROM alerts")
        params: list[Any] = []
        if status:
            sql += " WHERE status = ?"
            params.append(status)
        sql += " ORDER BY opened_at DESC LIMIT ?"
        params.append(limit)
        return [self._record(r) for r in self._con().execute(sql, params).fetchall()]

    def acknowledge(self, alert_id: str, user: str, now: dt.datetime) -> AlertRecord:
        with self._tx() as con:
            cur = con.execute("UPDATE alerts SET acked_by = ?, acked_at = ? WHERE id = ? AND acked_by IS NULL",
                              [user, now.isoformat(), alert_id])
            if cur.rowcount == 0 and not con.execute("SELECT 1 FROM alerts WHERE id = ?", [alert_id]).fetchone():
                raise ToolInputError(f"No alert with id {alert_id!r}")
        return self.get(alert_id)

    def snooze(self, alert_id: str, until: dt.datetime) -> AlertRecord:
        """Quiet the alert's rule until `until`: no new alert and no escalation for it."""
        record = self.get(alert_id)
        with self._tx() as con:
            row = con.execute("SELECT state FROM alert_rule_state WHERE rule_id = ?", [record.rule_id]).fetchone()
            state = RuleState.from_json(json.loads(row[0]) if row else None)
            state = RuleState(state.open, state.last_fired_at, until)
            con.execute("INSERT OR REPLACE INTO alert_rule_state VALUES (?, ?, ?)",
                        [record.rule_id, json.dumps(state.to_json()), time.time()])
        return self.get(alert_id)

    def _record(self, row: tuple) -> AlertRecord:
        (aid, rule_id, status, severity, day, since, opened_at, resolved_at, resolved_day, finding,
         acked_by, acked_at) = row
        state = self.state(rule_id)
        snoozed = state.snoozed_until
        now = dt.datetime.now(dt.UTC)
        if snoozed is not None and snoozed.tzinfo is not None and snoozed <= now:
            snoozed = None
        main = self.main_thread(aid)
        return AlertRecord(
            id=aid, rule_id=rule_id, status=status, severity=severity, day=dt.date.fromisoformat(day),
            since_day=dt.date.fromisoformat(since), opened_at=dt.datetime.fromisoformat(opened_at),
            resolved_at=dt.datetime.fromisoformat(resolved_at) if resolved_at else None,
            resolved_day=dt.date.fromisoformat(resolved_day) if resolved_day else None,
            finding=Finding.from_dict(json.loads(finding)), acked_by=acked_by,
            acked_at=dt.datetime.fromisoformat(acked_at) if acked_at else None, snoozed_until=snoozed,
            channel=main[0] if main else None, ts=main[1] if main else None,
        )


def _from_epoch(value: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(value, dt.UTC)


def _event_json(event: AlertEvent) -> dict[str, Any]:
    return {"kind": event.kind, "alert_id": event.alert_id, "rule_id": event.rule_id,
            "day": event.day.isoformat(), "severity": event.severity, "note": event.note,
            "finding": event.finding.to_dict()}


def _event_from(data: dict[str, Any]) -> AlertEvent:
    return AlertEvent(data["kind"], data["alert_id"], data["rule_id"], dt.date.fromisoformat(data["day"]),
                      data["severity"], Finding.from_dict(data["finding"]), data.get("note", ""))
