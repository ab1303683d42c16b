"""Alert state in state.sqlite: judged once per rule and day, across restarts and processes."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp

import pytest

from tools.alerts.evaluate import Finding
from tools.alerts.lifecycle import AlertPolicy
from tools.alerts.rules import AlertRule
from tools.alerts.store import AlertStore
from tools.core.errors import ToolInputError

RULE = AlertRule(id="conv", kind="anomaly", metric="conversion_rate", severity="high")
DAY = dt.date(2026, 6, 1)
NOW = dt.datetime(2026, 6, 2, 7, tzinfo=dt.UTC)


def _finding(day: dt.date = DAY, breach: bool = True) -> Finding:
    return Finding(
        rule_id="conv", condition="conversion moves the bad way", metric="conversion_rate",
        label="Checkout conversion", unit="%", day=day, window_days=1, kind="anomaly", breach=breach,
        judged=True, value=30.0, expected=41.0, lower=35.0, upper=47.0, z=-6.7, change_pct=-26.8, n=64,
        since=day if breach else None, reason="broken" if breach else "within bounds", severity="high",
        history=({"date": day.isoformat(), "value": 30.0, "expected": 41.0, "lower": 35.0, "upper": 47.0,
                  "breach": breach},),
    )


def test_a_day_is_judged_once_and_the_messages_wait_in_the_outbox(tmp_path):
    store = AlertStore(tmp_path / "state.sqlite")
    events = store.apply(RULE, _finding(), NOW, AlertPolicy())
    assert [e.kind for e in events] == ["fire", "escalate"]
    assert store.apply(RULE, _finding(), NOW, AlertPolicy()) == []  # same day again: nothing
    reopened = AlertStore(tmp_path / "state.sqlite")  # a restart
    assert reopened.apply(RULE, _finding(), NOW, AlertPolicy()) == []
    assert [i.key for i in reopened.undelivered()] == ["alert:conv@2026-06-01:fire", "alert:conv@2026-06-01:escalate"]
    reopened.mark_delivered("alert:conv@2026-06-01:fire")
    assert [i.kind for i in reopened.undelivered()] == ["escalate"]
    [record] = reopened.alerts()
    assert (record.id, record.status, record.severity, record.since_day) == ("conv@2026-06-01", "open", "high", DAY)
    assert record.finding == _finding()


def test_resolving_closes_the_alert(tmp_path):
    store = AlertStore(tmp_path / "state.sqlite")
    store.apply(RULE, _finding(), NOW, AlertPolicy())
    later = DAY + dt.timedelta(days=1)
    events = store.apply(RULE, _finding(later, breach=False), NOW + dt.timedelta(days=1), AlertPolicy())
    assert [(e.kind, e.alert_id) for e in events] == [("resolve", "conv@2026-06-01")]
    assert store.alerts() == []
    [record] = store.alerts(status="resolved")
    assert record.resolved_day == later


def _apply_in_process(path: str, out) -> None:
    out.put([e.kind for e in AlertStore(path).apply(RULE, _finding(), NOW, AlertPolicy())])


def test_two_processes_judging_the_same_day_fire_once(tmp_path):
    path = str(tmp_path / "state.sqlite")
    AlertStore(path)
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_apply_in_process, args=(path, out)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    results = sorted(out.get(timeout=5) for _ in procs)
    assert results == [[], [], ["fire", "escalate"]]
    assert len(AlertStore(path).undelivered()) == 2


def test_acknowledge_snooze_and_threads(tmp_path):
    store = AlertStore(tmp_path / "state.sqlite")
    store.apply(RULE, _finding(), NOW, AlertPolicy())
    record = store.acknowledge("conv@2026-06-01", "U123", NOW)
    assert record.acked_by == "U123"
    assert store.acknowledge("conv@2026-06-01", "U999", NOW).acked_by == "U123"  # the first one counts
    until = NOW + dt.timedelta(hours=24)
    store.snooze("conv@2026-06-01", until)
    assert store.state("conv").snoozed_until == until
    store.record_thread("conv@2026-06-01", "C1", "111.1", main=True)
    store.record_thread("conv@2026-06-01", "C2", "222.2", main=False)
    assert store.alert_for_thread("C2", "222.2") == "conv@2026-06-01"
    assert store.main_thread("conv@2026-06-01") == ("C1", "111.1")
    with pytest.raises(ToolInputError, match="No alert with id 'nope'"):
        store.acknowledge("nope", "U1", NOW)


def test_rules_made_in_conversation(tmp_path):
    store = AlertStore(tmp_path / "state.sqlite")
    rule = AlertRule(id="wow", metric="conversion_rate", comparison="drops_by", value=10, window_days=7)
    store.add_rule(rule, source="chat", created_by="U1")
    with pytest.raises(ToolInputError, match="exists already"):
        store.add_rule(rule, source="chat")
    with pytest.raises(ToolInputError, match="is in the config file"):
        store.add_rule(rule.model_copy(update={"id": "cfg"}), source="chat", reserved={"cfg"})
    store.replace_rule(rule.model_copy(update={"value": 15.0}))
    [stored] = store.stored_rules()
    assert (stored.rule.value, stored.source, stored.created_by) == (15.0, "chat", "U1")
    assert store.remove_rule("wow") and not store.remove_rule("wow")
    with pytest.raises(ToolInputError, match="No rule named 'wow'"):
        store.replace_rule(rule)


def test_open_alerts_say_whether_any_rule_was_checked_and_on_which_day(tmp_path):
    from tools.alerts.manage import open_alerts

    store = AlertStore(tmp_path / "state.sqlite")
    assert "no rule has been checked yet" in open_alerts(store).to_text()
    store.apply(RULE, _finding(breach=False), NOW, AlertPolicy())
    store.apply(RULE, _finding(breach=False), NOW, AlertPolicy(), check_key="source:shop:sync-7")  # not a day
    assert open_alerts(store).to_text() == f"No open alerts: every rule was within bounds at its last check ({DAY})."
