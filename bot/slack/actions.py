"""The buttons: under answers (chart, data, save persona, thumbs up/down or Slack's feedback
buttons) and under alerts (acknowledge, mute for 24 h, chart). Each runs after the ack; results go
into the thread of the message the button was on, and problems go only to the person who pressed it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.render import slack as ids
from bot.render.assistant import parse_feedback
from bot.render.chart_data import chart_for, data_frame
from bot.render.slack import escape, text_message
from bot.slack import texts
from bot.slack.poster import CannotPost
from bot.slack.replies import request_id
from bot.slack.services import SlackServices
from tools.core.cells import csv_bytes
from tools.core.errors import ToolInputError

log = logging.getLogger(__name__)

MAX_CSV_FILES = 3


@dataclass(frozen=True)
class Click:
    """What a button press tells us: who, where, which value."""

    action_id: str
    value: str
    user: str
    channel: str
    thread_ts: str | None  # the thread of the message the button was on

    @classmethod
    def from_body(cls, body: dict[str, Any]) -> Click:
        action = (body.get("actions") or [{}])[0]
        container = body.get("container") or {}
        message = body.get("message") or {}
        channel = container.get("channel_id") or (body.get("channel") or {}).get("id") or ""
        thread = container.get("thread_ts") or message.get("thread_ts") or container.get("message_ts") \
            or message.get("ts")
        return cls(action.get("action_id", ""), action.get("value", ""), (body.get("user") or {}).get("id", ""),
                   channel, thread or None)


def handle_click(services: SlackServices, click: Click) -> None:
    handler = HANDLERS.get(click.action_id)
    if handler is None:
        return
    try:
        handler(services, click)
    except CannotPost as exc:
        _tell(services, click, str(exc))
    except ToolInputError as exc:
        # What the person asked for is not there (an alert cleared since the message was
        # posted): say so, only to them; nothing is broken, so no traceback.
        log.info("button %s on %r: %s", click.action_id, click.value, exc)
        gone = click.action_id in (ids.ALERT_ACK, ids.ALERT_SNOOZE, ids.ALERT_CHART) and "No alert" in str(exc)
        _tell(services, click, texts.ALERT_GONE if gone else f":information_source: {exc}")
    except Exception:
        rid = request_id()
        log.exception("button %s failed (request %s)", click.action_id, rid)
        _tell(services, click, texts.FAILED.format(request_id=rid))


def show_chart(services: SlackServices, click: Click) -> None:
    results = _results(services, click)
    if results is None:
        return
    try:
        chart = next((c for c in (chart_for(r) for r in results) if c is not None), None)
    except ToolInputError as exc:  # e.g. a trend with no values to draw
        _tell(services, click, f"I could not draw this chart: {exc}.")
        return
    if chart is None:
        _tell(services, click, texts.NO_CHART)
        return
    services.poster.upload(click.channel, chart.filename, chart.png, title=chart.title, thread_ts=click.thread_ts)


def show_data(services: SlackServices, click: Click) -> None:
    results = _results(services, click)
    if results is None:
        return
    frames = [(r, f) for r in results if (f := data_frame(r)) is not None][:MAX_CSV_FILES]
    if not frames:
        _tell(services, click, texts.NO_DATA)
        return
    cap = services.settings.max_data_rows
    for result, frame in frames:
        tool = getattr(getattr(result, "provenance", None), "tool", "result")
        comment = None
        if len(frame) > cap:
            comment = f"The first {cap:,} of {len(frame):,} rows."
            frame = frame.head(cap)
        services.poster.upload(click.channel, f"{tool}-data.csv", csv_bytes(frame, bom=False),
                               title=f"The rows behind the answer ({tool})", thread_ts=click.thread_ts,
                               comment=comment)


def save_persona(services: SlackServices, click: Click) -> None:
    record = services.answers.get(click.value)
    if record is None:
        _tell(services, click, texts.ANSWER_GONE)
        return
    if services.save_persona is None:
        _tell(services, click, texts.NOT_SET_UP.format(feature="Saving personas"))
        return
    name = services.save_persona(record.conversation)
    _say(services, click, f":bookmark: <@{click.user}> saved the persona *{escape(name)}*. It is listed in my Home tab.")


def rate(services: SlackServices, click: Click) -> None:
    if services.answers.get(click.value) is None:
        _tell(services, click, texts.ANSWER_GONE)
        return
    up = click.action_id == ids.RATE_UP
    services.answers.rate(click.value, click.user, 1 if up else -1)
    _tell(services, click, texts.THANKS_UP if up else texts.THANKS_DOWN)


def feedback(services: SlackServices, click: Click) -> None:
    """Slack's feedback buttons under a streamed answer: recorded like the thumbs."""
    parsed = parse_feedback(click.value)
    if parsed is None:
        return
    rating, answer_id = parsed
    if services.answers.get(answer_id) is None:
        _tell(services, click, texts.ANSWER_GONE)
        return
    services.answers.rate(answer_id, click.user, rating)
    _tell(services, click, texts.THANKS_UP if rating > 0 else texts.THANKS_DOWN)


def acknowledge_alert(services: SlackServices, click: Click) -> None:
    if services.acknowledge_alert is None:
        _tell(services, click, texts.NOT_SET_UP.format(feature="Alerts"))
        return
    services.acknowledge_alert(click.value, click.user)
    _say(services, click, f":white_check_mark: <@{click.user}> acknowledged this alert.")


def mute_alert(services: SlackServices, click: Click) -> None:
    if services.mute_alert is None:
        _tell(services, click, texts.NOT_SET_UP.format(feature="Alerts"))
        return
    services.mute_alert(click.value, 24.0)
    _say(services, click, f":mute: <@{click.user}> muted this alert for 24 hours.")


def alert_chart(services: SlackServices, click: Click) -> None:
    if services.alert_chart is None:
        _tell(services, click, texts.NOT_SET_UP.format(feature="Alert charts"))
        return
    png = services.alert_chart(click.value)
    if not png:
        _tell(services, click, "There is no chart for this alert.")
        return
    services.poster.upload(click.channel, f"alert-{click.value}.png", png, title="Alert chart",
                           thread_ts=click.thread_ts)


def _results(services: SlackServices, click: Click) -> list[Any] | None:
    record = services.answers.get(click.value)
    if record is None:
        _tell(services, click, texts.ANSWER_GONE)
        return None
    return services.rerun(record.tools, record.conversation)


def _say(services: SlackServices, click: Click, text: str) -> None:
    services.poster.post(click.channel, text, text_message(text).blocks, thread_ts=click.thread_ts)


def _tell(services: SlackServices, click: Click, text: str) -> None:
    services.poster.ephemeral(click.channel, click.user, text, thread_ts=click.thread_ts)


HANDLERS: dict[str, Callable[[SlackServices, Click], None]] = {
    ids.SHOW_CHART: show_chart,
    ids.SHOW_DATA: show_data,
    ids.SAVE_PERSONA: save_persona,
    ids.RATE_UP: rate,
    ids.RATE_DOWN: rate,
    ids.FEEDBACK: feedback,
    ids.ALERT_ACK: acknowledge_alert,
    ids.ALERT_SNOOZE: mute_alert,
    ids.ALERT_CHART: alert_chart,
}
