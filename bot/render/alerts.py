"""Alert messages: what fired and why, buttons to act on it, and the follow-ups in its thread.

Buttons carry action_ids alert_ack, alert_snooze and alert_chart with the alert id as value;
the Slack app routes them to bot/scheduler/alert_desk.py.
"""

from __future__ import annotations

import datetime as dt

from bot.render.blocks import Block, actions, button, context, header, sections
from bot.render.slack import escape
from tools.alerts.evaluate import Finding
from tools.alerts.store import AlertRecord

SEVERITY_MARK = {"low": ":large_yellow_circle:", "medium": ":large_orange_circle:", "high": ":red_circle:"}
ACTION_ACK = "alert_ack"
ACTION_SNOOZE = "alert_snooze"
ACTION_CHART = "alert_chart"


def alert_text(record: AlertRecord) -> str:
    """The notification text (also what a screen reader and the terminal get)."""
    return f"{record.severity.capitalize()} alert: {record.finding.headline()}"


def alert_blocks(record: AlertRecord, *, condition: str | None = None) -> list[Block]:
    f = record.finding
    mark = SEVERITY_MARK.get(record.severity, "")
    blocks: list[Block] = [header(f"{record.severity.capitalize()} alert: {f.label}")]
    # Plain text, escaped: a rule's words, a segment or touchpoint name come from outside.
    lines = [escape(line) for line in f.explanation()]
    body = f"{mark} *{lines[0]}*"
    if len(lines) > 1:
        body += "\n" + "\n".join(f"• {line}" for line in lines[1:])
    blocks += sections(body)
    blocks.append(context(f"Rule `{escape(f.rule_id)}`: {escape(condition or f.condition)}", f"Alert id `{record.id}`"))
    status = status_line(record)
    if status:
        blocks.append(context(status))
    if record.status == "open":
        buttons = []
        if not record.acked_by:
            buttons.append(button("Acknowledge", ACTION_ACK, record.id, style="primary"))
        buttons.append(button("Snooze 24 h", ACTION_SNOOZE, record.id))
        buttons.append(button("Show chart", ACTION_CHART, record.id))
        blocks.append(actions(*buttons, block_id=f"alert:{record.id}"[:255]))
    else:
        blocks.append(actions(button("Show chart", ACTION_CHART, record.id), block_id=f"alert:{record.id}"[:255]))
    return blocks


def status_line(record: AlertRecord) -> str:
    parts = []
    if record.status == "resolved":
        parts.append(f":white_check_mark: Resolved on {record.resolved_day}")
    if record.acked_by:
        parts.append(f"Acknowledged by {_who(record.acked_by)}")
    if record.snoozed_until and record.status == "open":
        parts.append(f"Snoozed until {record.snoozed_until:%a %d %b %H:%M} UTC")
    return " · ".join(parts)


def _who(user: str) -> str:
    return f"<@{user}>" if user.startswith(("U", "W")) and user.isalnum() else user


def escalation_text(record: AlertRecord, mention: str | None) -> str:
    who = f"{mention} " if mention else ""
    return f"{who}:rotating_light: Escalated ({record.severity}): {record.finding.headline()}"


def resolved_text(record: AlertRecord, finding: Finding) -> str:
    days = (finding.day - record.since_day).days
    if finding.kind == "freshness":
        return f":white_check_mark: Resolved: {finding.reason}. It had been stale since {record.since_day}."
    info = finding.info
    value = info.format(finding.value)
    expected = info.format(finding.expected)
    return (f":white_check_mark: Resolved: {finding.label} is back within bounds on {finding.day} "
            f"({value}; expected {expected}). It had been off since {record.since_day} ({days} days).")


def chart_title(record: AlertRecord) -> str:
    f = record.finding
    scope = ", ".join(f"{k} {v}" for k, v in f.scope.items())
    return f"{f.label}" + (f" ({scope})" if scope else "") + f" — alert {record.id}"


def thread_context_text(record: AlertRecord) -> str:
    """What the agent is told when someone asks a question in an alert's thread."""
    f = record.finding
    state = record.status + (f", acknowledged by {record.acked_by}" if record.acked_by else "")
    lines = [
        f"This thread is about the {record.severity} alert {record.id} ({state}), raised by rule "
        f"{f.rule_id}: {f.condition}.",
        *f.explanation(),
        f"Judged on {f.day}; open since {record.since_day}.",
    ]
    return "\n".join(lines)


def opened_age(record: AlertRecord, now: dt.datetime) -> str:
    hours = (now - record.opened_at).total_seconds() / 3600
    return f"{hours:.0f} h" if hours < 48 else f"{hours / 24:.0f} days"
