"""The scheduler's features as the Slack app's services expect them (bot/slack/services.py:
digest_now, subscribe, unsubscribe, subscriptions, open_alerts, acknowledge_alert,
mute_alert, alert_chart, thread_context, sources_status), so wiring is one call:

    build_services(config, store, poster, **scheduler_features(scheduler))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.render.alerts import alert_text


@dataclass(frozen=True)
class AlertLine:
    """An open alert as the App Home and `/journey alerts` show it."""

    id: str
    title: str
    severity: str
    since: str | None
    detail: str


@dataclass(frozen=True)
class SourceLine:
    """A source as the App Home shows it."""

    name: str
    kind: str
    state: str  # fresh | failing | quiet | never | disabled
    message: str  # "no new Shopify orders since Tue 09:00; last sync failed: 401 token refused"
    schedule: str  # "daily at 07:00"
    running: bool = False


def source_lines(config: Any) -> list[SourceLine]:
    from bot.sources import freshness, schedule_text, source_state

    specs = {s.name: s for s in config.sources}
    statuses = source_state(config).all() if specs else {}
    return [SourceLine(f.name, specs[f.name].kind, f.state, f.message, schedule_text(config, specs[f.name]),
                       bool(statuses.get(f.name) and statuses[f.name].running))
            for f in freshness(config)]


def scheduler_features(scheduler: Any) -> dict[str, Callable[..., Any]]:
    desk = scheduler.desk

    def digest_now(channel: str) -> None:
        scheduler.run_digest(channel, "daily", on_demand=True)

    def subscribe(channel: str, cadence: str, time: str, weekday: str | None = None, tz: str | None = None) -> Any:
        return scheduler.subscribe(channel, cadence, time, weekday=weekday, tz=tz or None)  # type: ignore[arg-type]

    def unsubscribe(channel: str) -> int:
        return len(scheduler.unsubscribe(channel))

    def open_alerts() -> list[AlertLine]:
        return [AlertLine(r.id, alert_text(r), r.severity, r.since_day.isoformat(),
                          "\n".join(r.finding.explanation()[1:])) for r in desk.open_alerts()]

    def acknowledge_alert(alert_id: str, user: str) -> None:
        desk.acknowledge(alert_id, user)

    def mute_alert(alert_id: str, hours: float = 24) -> None:
        desk.snooze(alert_id, hours)

    return {
        "digest_now": digest_now,
        "subscribe": subscribe,
        "unsubscribe": unsubscribe,
        "subscriptions": scheduler.subscriptions,
        "open_alerts": open_alerts,
        "acknowledge_alert": acknowledge_alert,
        "mute_alert": mute_alert,
        "alert_chart": desk.alert_chart,
        "thread_context": desk.thread_context,
        "sources_status": lambda: source_lines(scheduler.config),
    }
