"""Alerts at work: the daily check, posting what it decided, and the buttons people press.

The check judges every enabled rule on the last complete day of data and lets
tools/alerts/store.py record, once, what follows (fire, escalate, resolve) in its outbox. The
outbox is then posted through the run ledger, so each message reaches Slack once:

- fire: the alert with its explanation and buttons, and its chart in the thread;
- escalate (high severity): the configured mention in the alert's thread and/or a copy in the
  escalation channel;
- resolve: a "resolved" reply in the alert's thread, and the alert itself updated.

The functions the Slack app calls for the buttons and threads are here too: acknowledge,
snooze, alert_chart, open_alerts and thread_context.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from bot.ports import Poster
from bot.render.alerts import (
    alert_blocks,
    alert_text,
    chart_title,
    escalation_text,
    resolved_text,
    thread_context_text,
)
from bot.render.message import Attachment, Message
from bot.scheduler.delivery import Delivery, RunLedger
from tools.alerts.evaluate import evaluate_groups
from tools.alerts.lifecycle import AlertPolicy
from tools.alerts.rules import AlertRule, find_rule
from tools.alerts.series import SeriesProvider
from tools.alerts.store import AlertRecord, AlertStore, OutboxItem
from tools.core.errors import ToolInputError

log = logging.getLogger(__name__)


class AlertDesk:
    def __init__(self, config: Any, alerts: AlertStore, ledger: RunLedger, poster: Poster | None,
                 provider: Callable[[], SeriesProvider]):
        self.config = config
        self.alerts = alerts
        self.ledger = ledger
        self.poster = poster
        self.provider = provider

    @property
    def settings(self) -> Any:
        return self.config.alerts

    def policy(self) -> AlertPolicy:
        s = self.settings
        return AlertPolicy(cooldown_hours=s.cooldown_hours, clear_days=s.clear_days, escalate=tuple(s.escalate))

    def rules(self) -> list[AlertRule]:
        """Rules from the config file first, then those made in conversation or the CLI."""
        from bot.alert_wiring import all_rules

        return all_rules(self.config, self.alerts)

    def rule(self, rule_id: str) -> AlertRule | None:
        return find_rule(self.rules(), rule_id)

    # -- the daily check ----------------------------------------------------------------
    def check(self, day: dt.date, *, now: dt.datetime | None = None) -> list[Delivery]:
        """Judge every enabled rule on `day` (each rule once per day, whoever runs it), then
        post what the outbox holds."""
        now = now or dt.datetime.now(dt.UTC)
        provider = self.provider()
        policy = self.policy()
        for rule in self.rules():
            if not rule.enabled or (rule.per is None and self.alerts.was_checked(rule.id, day)):
                continue
            try:
                judged = evaluate_groups(provider, rule, day)
            except ToolInputError as exc:
                log.warning("alert rule %s cannot be judged on %s: %s", rule.id, day, exc)
                continue
            for concrete, finding in judged:  # each group of a per-group rule has its own state
                events = self.alerts.apply(concrete, finding, now, policy)
                for event in events:
                    log.info("alert %s: %s on %s", event.kind, event.alert_id, day)
        return self.deliver_pending()

    def deliver_pending(self) -> list[Delivery]:
        if self.poster is None:
            return []
        out: list[Delivery] = []
        waiting: set[str] = set()  # alerts whose fire message is not out yet: later items wait
        for item in self.alerts.undelivered():
            if item.alert_id in waiting:
                continue
            deliveries = self._deliver(item)
            out.extend(deliveries)
            if deliveries and all(d.done for d in deliveries):
                self.alerts.mark_delivered(item.key)
            elif item.kind == "fire":
                waiting.add(item.alert_id)
        return out

    def _channel_for(self, rule_id: str) -> str | None:
        rule = self.rule(rule_id)
        return (rule.post_to if rule else None) or self.settings.channel

    def _deliver(self, item: OutboxItem) -> list[Delivery]:
        assert self.poster is not None
        record = self.alerts.get(item.alert_id)
        if item.kind == "fire":
            channel = self._channel_for(record.rule_id)
            if channel is None:
                # Nothing to post to: the alert stays open (App Home, `alerts list`) but is not
                # posted late when a channel is configured later.
                log.warning("alert %s has no channel: set [alerts] channel or the rule's post_to", record.id)
                return [Delivery(item.key, "already_posted", None, "no channel to post to")]
            chart = (self._chart_file(record),) if record.finding.history else ()  # freshness has none
            message = Message(alert_text(record), alert_blocks(record), files=chart)
            delivery = self.ledger.deliver(item.key, channel, message, self.poster)
            if delivery.done and delivery.ts:
                self.alerts.record_thread(record.id, channel, delivery.ts, main=True)
            return [delivery]
        main = self.alerts.main_thread(record.id)
        if main is None:
            if any(i.kind == "fire" and i.alert_id == record.id for i in self.alerts.undelivered()):
                return []  # the alert itself is not posted yet: this waits for it
            return [Delivery(item.key, "already_posted", None, "the alert itself was never posted")]
        channel, ts = main
        if item.kind == "escalate":
            out = []
            mention = self.settings.escalation_mention
            if mention:
                out.append(self.ledger.deliver(
                    f"{item.key}:mention", channel, Message(escalation_text(record, mention), thread_ts=ts),
                    self.poster))
            second = self.settings.escalation_channel
            if second and second != channel:
                copy = self.ledger.deliver(f"{item.key}:channel", second,
                                           Message(alert_text(record), alert_blocks(record)), self.poster)
                if copy.done and copy.ts:
                    self.alerts.record_thread(record.id, second, copy.ts, main=False)
                out.append(copy)
            return out or [Delivery(item.key, "already_posted", None, "no escalation target configured")]
        if item.kind == "resolve":
            delivery = self.ledger.deliver(item.key, channel, Message(resolved_text(record, item.event.finding),
                                                                      thread_ts=ts), self.poster)
            if delivery.done:
                self._refresh(record)
            return [delivery]
        return []

    def _chart_file(self, record: AlertRecord) -> Attachment:
        return Attachment(f"alert-{record.id.replace('@', '-')}.png", self.alert_chart(record.id), chart_title(record))

    def _refresh(self, record: AlertRecord) -> None:
        """Show the alert's current state (resolved, acknowledged, snoozed) on every copy."""
        if self.poster is None:
            return
        record = self.alerts.get(record.id)
        blocks = alert_blocks(record)
        for channel, ts in self.alerts.threads(record.id):
            try:
                self.poster.update(channel, ts, alert_text(record), blocks)
            except Exception:
                log.exception("could not update alert %s in %s", record.id, channel)

    # -- what the buttons and threads call --------------------------------------------
    def acknowledge(self, alert_id: str, user: str) -> str:
        record = self.alerts.acknowledge(alert_id, user, dt.datetime.now(dt.UTC))
        self._refresh(record)
        return f"Alert {alert_id} acknowledged by {record.acked_by}."

    def snooze(self, alert_id: str, hours: float = 24) -> str:
        if not 0 < hours <= 24 * 30:
            raise ToolInputError(f"snooze takes 0 to 720 hours, got {hours:g}")
        until = dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)
        record = self.alerts.snooze(alert_id, until)
        self._refresh(record)
        return (f"Rule {record.rule_id} snoozed until {until:%a %d %b %H:%M} UTC: no new alert or "
                "escalation from it until then.")

    def alert_chart(self, alert_id: str) -> bytes:
        record = self.alerts.get(alert_id)
        from tools.charts.alert import alert_chart_png  # matplotlib: only when a chart is drawn

        return alert_chart_png(record.finding.history, title=chart_title(record), unit=record.finding.unit)

    def open_alerts(self) -> list[AlertRecord]:
        return self.alerts.alerts(status="open")

    def thread_context(self, channel: str, thread_ts: str) -> str | None:
        alert_id = self.alerts.alert_for_thread(channel, thread_ts)
        if alert_id is None:
            return None
        return thread_context_text(self.alerts.get(alert_id))
