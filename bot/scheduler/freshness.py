"""Freshness alerts: a source that stops delivering raises an alert through the alert desk,
like any other rule ("no new Shopify orders since Tue 09:00; last sync failed: 401 token
refused"), with the same posting, acknowledging, snoozing and resolving.

Each configured source has its own rule, `freshness-<name>`, made here from the source (not
written in the config). It is judged after every sync of the source and in the daily alert
check, each judgement once (whoever makes it); a stale source opens an alert (high when its
syncs fail, medium when they succeed but nothing new arrives), and the first fresh judgement
after that resolves it.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

from bot.sources import freshness
from tools.alerts.evaluate import Finding
from tools.alerts.lifecycle import AlertEvent
from tools.alerts.rules import AlertRule

log = logging.getLogger(__name__)
PREFIX = "freshness-"
COOLDOWN_HOURS = 12.0


def freshness_rule(f: Any) -> AlertRule:
    return AlertRule(id=f"{PREFIX}{f.name}", kind="freshness", metric="freshness", severity=f.severity,
                     cooldown_hours=COOLDOWN_HOURS, min_n=1,
                     description=f"{f.what} keep arriving as source {f.name}'s schedule promises")


def freshness_finding(f: Any, day: dt.date) -> Finding:
    scope = {"source": f.name}
    if f.last_success_at:
        scope["last successful sync"] = f"{f.last_success_at:%Y-%m-%d %H:%M} UTC"
    if f.last_error and f.state == "failing":
        scope["last error"] = f.last_error[:300]
    return Finding(
        rule_id=f"{PREFIX}{f.name}", condition=f"{f.what} keep arriving on schedule", metric="freshness",
        label=f.what, unit="", day=day, window_days=1, kind="freshness", breach=f.stale,
        judged=f.state in ("fresh", "failing", "quiet"), value=None, expected=None, lower=None, upper=None,
        z=None, change_pct=None, n=1, since=day if f.stale else None, reason=f.message, severity=f.severity,
        scope=scope,
    )


def check_freshness(desk: Any, config: Any, now: dt.datetime | None = None) -> list[AlertEvent]:
    """Judge every source's freshness now; post what the alert desk decided."""
    now = now or dt.datetime.now(dt.UTC)
    day = now.astimezone(ZoneInfo(config.business.timezone)).date()
    events: list[AlertEvent] = []
    for f in freshness(config, now):
        if f.state in ("never", "disabled"):
            continue
        rule = freshness_rule(f)
        if not f.stale and desk.alerts.state(rule.id).open is None:
            continue  # fresh and no alert open: nothing to record
        found = desk.alerts.apply(rule, freshness_finding(f, day), now, desk.policy(),
                                  check_key=now.isoformat(timespec="seconds"))
        for event in found:
            log.info("freshness alert %s: %s (%s)", event.kind, event.alert_id, f.message)
        events += found
    desk.deliver_pending()
    return events
