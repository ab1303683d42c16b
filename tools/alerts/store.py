"""Alert rules made in conversation, alert state and alert history, in the operational
database (state.sqlite, or PostgreSQL when several instances share it; tools/core/opsdb.py).

Judging a rule on a day and recording what follows happen in one transaction: the day is
marked as checked, the rule's state moves on, the alert row changes, and the messages to send
go into an outbox. Every write transaction holds the "alerts" lock (SQLite: the file's write
lock; PostgreSQL: an advisory lock), so a second instance, or a restart, that judges the same
rule on the same day waits, then finds it checked and does nothing; messages that were not sent yet are still in the outbox.
Posting them exactly once is the scheduler's job (bot/scheduler/delivery.py).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, text

from tools.alerts.evaluate import Finding
from tools.alerts.lifecycle import AlertEvent, AlertPolicy, RuleState, step
from tools.alerts.rules import AlertRule
from tools.core.errors import ToolInputError
from tools.core.opsdb import OpsDB, as_db, scrub_columns

METADATA = MetaData()
Table("alert_rules", METADATA,
      Column("id", String, primary_key=True), Column("rule", Text, nullable=False),
      Column("source", String, nullable=False), Column("created_by", String),
      Column("created_at", Float, nullable=False), Column("updated_at", Float, nullable=False))
Table("alert_rule_state", METADATA,
      Column("rule_id", String, primary_key=True), Column("state", Text, nullable=False),
      Column("updated_at", Float, nullable=False))
Table("alert_checks", METADATA,
      Column("rule_id", String, primary_key=True), Column("day", String, primary_key=True),
      Column("breach", Integer), Column("checked_at", Float))
Table("alerts", METADATA,
      Column("id", String, primary_key=True), Column("rule_id", String, nullable=False),
      Column("status", String, nullable=False), Column("severity", String, nullable=False),
      Column("day", String, nullable=False), Column("since_day", String, nullable=False),
      Column("opened_at", String, nullable=False), Column("resolved_at", String),
      Column("resolved_day", String), Column("finding", Text, nullable=False),
      Column("acked_by", String), Column("acked_at", String))
Table("alert_outbox", METADATA,
      Column("seq", Integer, primary_key=True, autoincrement=True),
      Column("key", String, unique=True, nullable=False), Column("alert_id", String, nullable=False),
      Column("kind", String, nullable=False), Column("event", Text, nullable=False),
      Column("created_at", Float, nullable=False), Column("delivered_at", Float))
Table("alert_threads", METADATA,
      Column("channel", String, primary_key=True), Column("ts", String, primary_key=True),
      Column("alert_id", String, nullable=False), Column("main", Integer, nullable=False, server_default="0"))

_ALERT_COLUMNS = ("id, rule_id, status, severity, day, since_day, opened_at, resolved_at, resolved_day, "
                  "finding, acked_by, acked_at")


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
    """`where`: the operational database (an OpsDB or its URL), a SQLite file path, or None
    (in memory)."""

    def __init__(self, where: OpsDB | str | Path | None):
        self.db = as_db(where)
        self.db.create(METADATA)

    @property
    def path(self) -> str:
        return self.db.url

    # -- connections ------------------------------------------------------------------
    @contextmanager
    def _tx(self) -> Iterator[Any]:
        """A write transaction that holds the alerts lock first, so read-then-write is atomic
        across processes and instances."""
        with self.db.write(lock="alerts") as con:
            yield con

    def _rows(self, sql: str, **params: Any) -> list[Any]:
        with self.db.read() as con:
            return list(con.execute(text(sql), params).all())

    # -- rules made in conversation or on the command line ------------------------------
    def stored_rules(self) -> list[StoredRule]:
        rows = self._rows("SELECT rule, source, created_by, created_at FROM alert_rules ORDER BY created_at")
        return [StoredRule(AlertRule.model_validate_json(r), s, c, _from_epoch(t)) for r, s, c, t in rows]

    def add_rule(self, rule: AlertRule, *, source: str, created_by: str | None = None,
                 reserved: set[str] | None = None) -> None:
        if reserved and rule.id in reserved:
            raise ToolInputError(f"A rule named {rule.id!r} is in the config file; pick another name")
        now = time.time()
        with self._tx() as con:
            if con.execute(text("SELECT 1 FROM alert_rules WHERE id = :id"), {"id": rule.id}).first():
                raise ToolInputError(f"A rule named {rule.id!r} exists already; change it or pick another name")
            con.execute(text("INSERT INTO alert_rules (id, rule, source, created_by, created_at, updated_at) "
                              "VALUES (:id, :rule, :source, :by, :now, :now)"),
                        {"id": rule.id, "rule": rule.model_dump_json(), "source": source, "by": created_by,
                         "now": now})

    def replace_rule(self, rule: AlertRule) -> None:
        with self._tx() as con:
            cur = con.execute(text("UPDATE alert_rules SET rule = :rule, updated_at = :now WHERE id = :id"),
                              {"rule": rule.model_dump_json(), "now": time.time(), "id": rule.id})
            if cur.rowcount == 0:
                raise ToolInputError(f"No rule named {rule.id!r} was made in conversation or on the command line")

    def remove_rule(self, rule_id: str) -> bool:
        with self._tx() as con:
            cur = con.execute(text("DELETE FROM alert_rules WHERE id = :id"), {"id": rule_id})
        return cur.rowcount == 1

    def forget(self, mentions: Callable[[str], bool], scrub: Callable[[str], str]) -> int:
        """Erasure: alerts hold aggregates, but a rule made in conversation, a finding or a
        message waiting in the outbox can quote a customer ("orders of C100"); those words are
        replaced (the JSON stays valid: the token has no quotes). Returns the values changed."""
        columns = {"alert_rules": (("id",), ("rule",)), "alerts": (("id",), ("finding",)),
                   "alert_outbox": (("seq",), ("event",))}
        return scrub_columns(self.db, columns, mentions, scrub, lock="alerts")

    # -- judging ----------------------------------------------------------------------
    def state(self, rule_id: str) -> RuleState:
        rows = self._rows("SELECT state FROM alert_rule_state WHERE rule_id = :r", r=rule_id)
        return RuleState.from_json(json.loads(rows[0][0]) if rows else None)

    def was_checked(self, rule_id: str, day: dt.date) -> bool:
        return bool(self._rows("SELECT 1 FROM alert_checks WHERE rule_id = :r AND day = :d",
                               r=rule_id, d=day.isoformat()))

    def last_checked_day(self) -> dt.date | None:
        """The latest day any rule was judged on (a source's freshness keys are not days); None
        before the first check."""
        rows = self._rows("SELECT max(day) FROM alert_checks WHERE day LIKE '____-__-__'")
        return dt.date.fromisoformat(rows[0][0]) if rows and rows[0][0] else None

    def apply(self, rule: AlertRule, finding: Finding, now: dt.datetime, policy: AlertPolicy,
              *, check_key: str | None = None) -> list[AlertEvent]:
        """Move the rule on by the judged day, once. Returns the events to announce (also
        queued in the outbox); an empty list when the day was checked before. `check_key`
        replaces the day as what is judged once (a source's freshness after each sync)."""
        day = check_key or finding.day.isoformat()
        with self._tx() as con:
            if con.execute(text("SELECT 1 FROM alert_checks WHERE rule_id = :r AND day = :d"),
                           {"r": rule.id, "d": day}).first():
                return []
            state = _read_state(con, rule.id)
            new_state, events = step(rule, finding, state, now, policy)
            con.execute(text("INSERT INTO alert_checks (rule_id, day, breach, checked_at) VALUES (:r, :d, :b, :t)"),
                        {"r": rule.id, "d": day, "b": int(finding.breach), "t": time.time()})
            _write_state(con, rule.id, new_state)
            for event in events:
                self._record_event(con, event, now)
        return events

    def _record_event(self, con: Any, event: AlertEvent, now: dt.datetime) -> None:
        finding_json = json.dumps(event.finding.to_dict())
        if event.kind == "fire":
            con.execute(text(
                "INSERT INTO alerts (id, rule_id, status, severity, day, since_day, opened_at, finding) "
                "VALUES (:id, :r, 'open', :sev, :day, :since, :at, :f) ON CONFLICT (id) DO NOTHING"),
                {"id": event.alert_id, "r": event.rule_id, "sev": event.severity, "day": event.day.isoformat(),
                 "since": (event.finding.since or event.day).isoformat(), "at": now.isoformat(), "f": finding_json})
        elif event.kind == "resolve":
            con.execute(text(
                "UPDATE alerts SET status = 'resolved', resolved_at = :at, resolved_day = :day WHERE id = :id"),
                {"at": now.isoformat(), "day": event.day.isoformat(), "id": event.alert_id})
        if event.kind in ("fire", "escalate", "resolve"):
            con.execute(text(
                "INSERT INTO alert_outbox (key, alert_id, kind, event, created_at) "
                "VALUES (:key, :id, :kind, :ev, :t) ON CONFLICT (key) DO NOTHING"),
                {"key": event.key, "id": event.alert_id, "kind": event.kind,
                 "ev": json.dumps(_event_json(event)), "t": time.time()})

    # -- the outbox ---------------------------------------------------------------------
    def undelivered(self) -> list[OutboxItem]:
        rows = self._rows(
            "SELECT seq, key, alert_id, kind, event FROM alert_outbox WHERE delivered_at IS NULL ORDER BY seq")
        return [OutboxItem(seq, key, aid, kind, _event_from(json.loads(ev))) for seq, key, aid, kind, ev in rows]

    def mark_delivered(self, key: str) -> None:
        with self._tx() as con:
            con.execute(text("UPDATE alert_outbox SET delivered_at = :t WHERE key = :k"),
                        {"t": time.time(), "k": key})

    def record_thread(self, alert_id: str, channel: str, ts: str, *, main: bool) -> None:
        with self._tx() as con:
            con.execute(text(
                "INSERT INTO alert_threads (channel, ts, alert_id, main) VALUES (:c, :ts, :id, :m) "
                "ON CONFLICT (channel, ts) DO UPDATE SET alert_id = excluded.alert_id, main = excluded.main"),
                {"c": channel, "ts": ts, "id": alert_id, "m": int(main)})

    def main_thread(self, alert_id: str) -> tuple[str, str] | None:
        rows = self._rows("SELECT channel, ts FROM alert_threads WHERE alert_id = :id AND main = 1", id=alert_id)
        return (rows[0][0], rows[0][1]) if rows else None

    def threads(self, alert_id: str) -> list[tuple[str, str]]:
        return [(c, t) for c, t in self._rows(
            "SELECT channel, ts FROM alert_threads WHERE alert_id = :id ORDER BY main DESC", id=alert_id)]

    def alert_for_thread(self, channel: str, ts: str) -> str | None:
        rows = self._rows("SELECT alert_id FROM alert_threads WHERE channel = :c AND ts = :ts", c=channel, ts=ts)
        return rows[0][0] if rows else None

    # -- people acting on alerts ----------------------------------------------------------
    def get(self, alert_id: str) -> AlertRecord:
        rows = self._rows(f"SELECT {_ALERT_COLUMNS} FROM alerts WHERE id = :id", id=alert_id)
        if not rows:
            raise ToolInputError(f"No alert with id {alert_id!r}")
        return self._record(tuple(rows[0]))

    def alerts(self, *, status: str | None = "open", limit: int = 50) -> list[AlertRecord]:
        where, params = (" WHERE status = :status", {"status": status}) if status else ("", {})
        rows = self._rows(f"SELECT {_ALERT_COLUMNS} FROM alerts{where} ORDER BY opened_at DESC LIMIT :n",
                          n=limit, **params)
        return [self._record(tuple(r)) for r in rows]

    def acknowledge(self, alert_id: str, user: str, now: dt.datetime) -> AlertRecord:
        with self._tx() as con:
            cur = con.execute(text(
                "UPDATE alerts SET acked_by = :u, acked_at = :at WHERE id = :id AND acked_by IS NULL"),
                {"u": user, "at": now.isoformat(), "id": alert_id})
            if cur.rowcount == 0 and not con.execute(text("SELECT 1 FROM alerts WHERE id = :id"),
                                                     {"id": alert_id}).first():
                raise ToolInputError(f"No alert with id {alert_id!r}")
        return self.get(alert_id)

    def snooze(self, alert_id: str, until: dt.datetime) -> AlertRecord:
        """Quiet the alert's rule until `until`: no new alert and no escalation for it."""
        record = self.get(alert_id)
        with self._tx() as con:
            state = _read_state(con, record.rule_id)
            _write_state(con, record.rule_id, RuleState(state.open, state.last_fired_at, until))
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


def _read_state(con: Any, rule_id: str) -> RuleState:
    row = con.execute(text("SELECT state FROM alert_rule_state WHERE rule_id = :r"), {"r": rule_id}).first()
    return RuleState.from_json(json.loads(row[0]) if row else None)


def _write_state(con: Any, rule_id: str, state: RuleState) -> None:
    con.execute(text(
        "INSERT INTO alert_rule_state (rule_id, state, updated_at) VALUES (:r, :s, :t) "
        "ON CONFLICT (rule_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at"),
        {"r": rule_id, "s": json.dumps(state.to_json()), "t": time.time()})


def _from_epoch(value: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(value, dt.UTC)


def _event_json(event: AlertEvent) -> dict[str, Any]:
    return {"kind": event.kind, "alert_id": event.alert_id, "rule_id": event.rule_id,
            "day": event.day.isoformat(), "severity": event.severity, "note": event.note,
            "finding": event.finding.to_dict()}


def _event_from(data: dict[str, Any]) -> AlertEvent:
    return AlertEvent(data["kind"], data["alert_id"], data["rule_id"], dt.date.fromisoformat(data["day"]),
                      data["severity"], Finding.from_dict(data["finding"]), data.get("note", ""))
