"""Block Kit for the features Slack surfaces besides answers: the KPI snapshot, open alerts
(with their buttons), saved personas, digest subscriptions, and the App Home tab that shows
them together. Pure builders: plain data in (bot/slack/services.py types), blocks out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.render.blocks import (
    Block,
    actions,
    button,
    code_sections,
    context,
    divider,
    header,
    sections,
)
from bot.render.slack import ALERT_ACK, ALERT_CHART, ALERT_SNOOZE, escape

MAX_HOME_BLOCKS = 100  # Slack's limit for a Home tab view
MAX_ALERTS_SHOWN = 15  # two blocks each: within one message with room to spare
_SEVERITY = {"high": ":red_circle:", "medium": ":large_orange_circle:", "low": ":large_yellow_circle:"}
_DIRECTION = {"good": "▲ good", "bad": "▼ bad", "flat": "= flat", "": ""}
NOT_SET_UP = "_Not set up in this journeybot yet._"
COULD_NOT_LOAD = ":warning: _Could not be loaded just now; the log has the details._"


def kpi_blocks(snapshot: Any) -> list[Block]:
    """The KPI snapshot as an aligned table: name, value, change, whether the change is good."""
    title = f"*KPIs* as of {escape(snapshot.as_of)}, compared with {escape(snapshot.compared_with)}"
    if not snapshot.lines:
        return sections(title + "\n_No KPIs could be computed from the data yet._")
    width = max(len(line.name) for line in snapshot.lines)
    vwidth = max(len(line.value) for line in snapshot.lines)
    cwidth = max(len(line.change) for line in snapshot.lines)
    dwidth = max(len(_DIRECTION.get(line.direction, "")) for line in snapshot.lines)
    rows = [f"{line.name:<{width}}  {line.value:>{vwidth}}  {line.change:<{cwidth}}  "
            f"{_DIRECTION.get(line.direction, ''):<{dwidth}}  {_own_day(line)}".rstrip() for line in snapshot.lines]
    blocks = sections(title) + code_sections(escape("\n".join(rows)))
    if any(_own_day(line) for line in snapshot.lines):
        blocks.append(context(f"A line marked with its own day counts back from its table's last day, "
                              f"not {escape(snapshot.as_of)}: that table ends on another day."))
    return blocks


def _own_day(line: Any) -> str:
    day = getattr(line, "as_of", "")
    return f"(as of {day})" if day else ""


def alert_blocks(alerts: Sequence[Any], *, with_buttons: bool = True) -> list[Block]:
    if not alerts:
        return sections(":white_check_mark: No open alerts.")
    out: list[Block] = []
    for alert in list(alerts)[:MAX_ALERTS_SHOWN]:
        since = f" (since {escape(alert.since)})" if alert.since else ""
        detail = f"\n{escape(alert.detail)}" if alert.detail else ""
        text = f"{_SEVERITY.get(alert.severity, ':bell:')} *{escape(alert.title)}*{since}{detail}"
        out += sections(text[:2900])
        if with_buttons:
            out.append(actions(
                button("Acknowledge", ALERT_ACK, alert.id),
                button("Mute this alert for 24 h", ALERT_SNOOZE, alert.id),
                button("Show chart", ALERT_CHART, alert.id),
                block_id=f"alert:{alert.id}"[:255],
            ))
    if len(alerts) > MAX_ALERTS_SHOWN:
        out.append(context(f"…and {len(alerts) - MAX_ALERTS_SHOWN} more open alerts."))
    return out


def persona_blocks(personas: Sequence[Any]) -> list[Block]:
    if not personas:
        return sections("No saved personas yet. Ask about your customer types, then press *Save persona*.")
    text = "\n".join(f"• *{escape(p.name)}*" + (f": {escape(p.summary)}" if p.summary else "") for p in personas)
    return sections(text)


def subscription_blocks(subscriptions: Sequence[Any]) -> list[Block]:
    if not subscriptions:
        return sections("No digest subscriptions. Start one with `/journey subscribe daily 08:30`.")
    lines = []
    for s in subscriptions:
        when = f"{s.cadence} at {s.time}" if s.cadence == "daily" else f"weekly on {s.weekday or 'mon'} at {s.time}"
        lines.append(f"• <#{s.channel}>: {when}" + (f" ({escape(s.tz)})" if s.tz else ""))
    return sections("\n".join(lines))


_SOURCE_MARK = {"fresh": ":white_check_mark:", "failing": ":red_circle:", "quiet": ":large_orange_circle:",
                "never": ":white_circle:", "disabled": ":black_circle:"}


def source_blocks(sources: Sequence[Any]) -> list[Block]:
    """Each source's state: fresh, failing (with the error), quiet, not synced yet."""
    if not sources:
        return sections("No sources set up. Add `[[sources]]` to the config to sync Shopify, Zendesk, "
                        "Typeform, a folder or a URL on a schedule (docs/SOURCES.md).")
    lines = []
    for s in sources:
        running = " _(syncing now)_" if getattr(s, "running", False) else ""
        lines.append(f"{_SOURCE_MARK.get(s.state, ':grey_question:')} *{escape(s.name)}* ({escape(s.kind)}, "
                     f"{escape(s.schedule)}): {escape(s.message)}{running}")
    return sections("\n".join(lines))


def home_view(*, business_name: str, coverage: str, snapshot: Any | None, alerts: Sequence[Any] | None,
              personas: Sequence[Any] | None, subscriptions: Sequence[Any] | None,
              sources: Sequence[Any] | Exception | None = None) -> dict[str, Any]:
    """The Home tab. A section whose feature is not wired (None) says so instead of vanishing;
    one that failed (an exception instead of data) says it could not be loaded."""
    blocks: list[Block] = [header(f"journeybot for {business_name}"), context(escape(coverage))]
    parts = [
        ("Today's KPIs", snapshot, kpi_blocks),
        ("Open alerts", alerts, alert_blocks),
        ("Data sources", sources, source_blocks),
        ("Saved personas", personas, persona_blocks),
        ("Digest subscriptions", subscriptions, subscription_blocks),
    ]
    for title, data, build in parts:
        blocks += [divider(), header(title)]
        if data is None:
            blocks += sections(NOT_SET_UP)
        elif isinstance(data, Exception):
            blocks += sections(COULD_NOT_LOAD)
        else:
            blocks += build(data)
    blocks += [divider(), context("Ask me anything in a DM, mention @journeybot in a channel, or type `/journey help`.")]
    if len(blocks) > MAX_HOME_BLOCKS:
        blocks = blocks[: MAX_HOME_BLOCKS - 1] + [context("(shortened: too much to show here)")]
    return {"type": "home", "blocks": blocks}


def refusal_view(text: str) -> dict[str, Any]:
    return {"type": "home", "blocks": sections(escape(text))}
