"""Every entry point of the Slack app, in one table at the bottom.

Each entry is an ack function, run inside Slack's 3 seconds (it only acknowledges, or answers
/journey help and bad input with a usage line), and a lazy function that does the work after
the ack on a Bolt worker thread.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.render.reading import READING_ACTIONS
from bot.render.slack import ALERT_ACTIONS, ANSWER_ACTIONS
from bot.slack import texts
from bot.slack.actions import Click, handle_click
from bot.slack.commands import UsageError, parse_command, run_command
from bot.slack.home import publish_home
from bot.slack.readings import press_reading
from bot.slack.replies import Where, reply, strip_mentions
from bot.slack.services import SlackServices
from bot.slack.streaming import can_stream, stream_reply


def just_ack(ack: Ack) -> None:
    ack()


def answer_mention(body: dict[str, Any], context: BoltContext) -> None:
    event = body["event"]
    thread = event.get("thread_ts") or event["ts"]
    services = context["services"]
    where = Where(context.team_id or "", event["channel"], event.get("user", ""), thread,
                  "thread" if event.get("thread_ts") else "mention")
    extra = None
    if services.thread_context and event.get("thread_ts"):  # e.g. a question under an alert
        extra = services.thread_context(event["channel"], thread)
    answer(services, where, strip_mentions(event.get("text", "")), message_ts=event["ts"], context=extra)


def answer_message(body: dict[str, Any], context: BoltContext) -> None:
    """DMs, and replies in a thread the bot answered in (when the app receives channel messages)."""
    event = body["event"]
    services = context["services"]
    if event.get("subtype") or not event.get("user"):
        return
    channel, thread = event["channel"], event.get("thread_ts")
    if event.get("channel_type") == "im":
        where = Where(context.team_id or "", channel, event["user"], thread, "dm")
    elif thread and f"<@{context.bot_user_id}>" not in event.get("text", "") \
            and services.answers.knows_thread(channel, thread):
        # A mention in the same message arrives as app_mention too; that one answers.
        where = Where(context.team_id or "", channel, event["user"], thread, "thread")
    else:
        return
    extra = services.thread_context(channel, thread) if services.thread_context and thread else None
    answer(services, where, strip_mentions(event.get("text", "")), message_ts=event["ts"], context=extra)


def answer(services: SlackServices, where: Where, question: str, *, message_ts: str,
           context: str | None) -> None:
    """Streamed into the thread where Slack offers it (bot/slack/streaming.py), otherwise the
    classic "working on it" message replaced by the answer."""
    if question and can_stream(services, where):
        services.poster.react(where.channel, message_ts, "eyes")
        stream_reply(services, where, question, context=context)
    else:
        reply(services, where, question, message_ts=message_ts, context=context)


def ack_journey(ack: Ack, command: dict[str, Any]) -> None:
    try:
        cmd = parse_command(command.get("text", ""), command.get("channel_id", ""))
    except UsageError as exc:
        ack(text=str(exc))
        return
    if cmd.name == "help":
        ack(text=texts.HELP)
    else:
        ack()


def run_journey(command: dict[str, Any], context: BoltContext, respond: Any) -> None:
    try:
        cmd = parse_command(command.get("text", ""), command.get("channel_id", ""))
    except UsageError:
        return  # the ack already showed the usage line
    run_command(context["services"], cmd, team=context.team_id or command.get("team_id", ""),
                channel=command["channel_id"], user=command["user_id"], respond=respond)


def show_home(event: dict[str, Any], context: BoltContext) -> None:
    if event.get("tab", "home") == "home":
        publish_home(context["services"], event["user"])


def press_button(body: dict[str, Any], context: BoltContext) -> None:
    handle_click(context["services"], Click.from_body(body))


def press_reading_button(body: dict[str, Any], context: BoltContext) -> None:
    """"Did you mean …" re-asks with the picked reading; Confirm / Cancel a proposed change."""
    team = (body.get("team") or {}).get("id") or context.team_id or ""
    press_reading(context["services"], Click.from_body(body), team)


def register_listeners(app: App) -> None:
    app.event("app_mention")(ack=just_ack, lazy=[answer_mention])
    app.event("message")(ack=just_ack, lazy=[answer_message])
    app.event("app_home_opened")(ack=just_ack, lazy=[show_home])
    app.command("/journey")(ack=ack_journey, lazy=[run_journey])
    for action_id in ANSWER_ACTIONS + ALERT_ACTIONS:
        app.action(action_id)(ack=just_ack, lazy=[press_button])
    for action_id in READING_ACTIONS:
        app.action(action_id)(ack=just_ack, lazy=[press_reading_button])
