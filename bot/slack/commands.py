"""`/journey <subcommand>`: parsing (inside the 3-second ack, with a usage line on bad input)
and running (after the ack).

Answers that belong to the team (ask, kpis, funnel, feedback, personas, alerts) are posted in
the channel behind a "working on it" placeholder; confirmations and problems go only to the
person who typed the command (through the command's response_url).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.answer import Answer
from bot.render.blocks import Block
from bot.render.features import alert_blocks, kpi_blocks, persona_blocks
from bot.render.slack import escape, text_message
from bot.slack import texts
from bot.slack.middleware import is_allowed
from bot.slack.poster import CannotPost
from bot.slack.replies import Where, answer_into, asked_line, fail, post_placeholder, request_id
from bot.slack.services import SlackServices

log = logging.getLogger(__name__)

SUBCOMMANDS = ("help", "ask", "digest", "kpis", "funnel", "feedback", "personas", "alerts",
               "subscribe", "unsubscribe")
WEEKDAYS = {"mon": "mon", "monday": "mon", "tue": "tue", "tues": "tue", "tuesday": "tue",
            "wed": "wed", "wednesday": "wed", "thu": "thu", "thur": "thu", "thurs": "thu",
            "thursday": "thu", "fri": "fri", "friday": "fri", "sat": "sat", "saturday": "sat",
            "sun": "sun", "sunday": "sun"}
_CHANNEL = re.compile(r"^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

# Subcommands answered by one tool of the agent's catalog: (tool name, arguments).
TOOL_COMMANDS: dict[str, tuple[str, Callable[[str], dict[str, Any]]]] = {
    "kpis": ("kpis", lambda arg: {}),
    "funnel": ("funnel", lambda arg: {}),
    "feedback": ("feedback_search", lambda arg: {"query": arg}),
}


class UsageError(ValueError):
    """Bad /journey input; the message is what the person sees."""


@dataclass(frozen=True)
class JourneyCommand:
    name: str
    arg: str = ""  # the question (ask) or query (feedback)
    cadence: str | None = None
    time: str | None = None  # "HH:MM"
    weekday: str | None = None
    channel: str | None = None  # the target channel of subscribe/unsubscribe


def parse_command(text: str, current_channel: str) -> JourneyCommand:
    words = (text or "").split()
    if not words:
        return JourneyCommand("help")
    name, rest = words[0].lower(), words[1:]
    if name not in SUBCOMMANDS:
        raise UsageError(texts.UNKNOWN.format(word=words[0][:40]))
    arg = " ".join(rest)
    if name in ("ask", "feedback"):
        if not arg:
            raise UsageError(texts.USAGE[name])
        return JourneyCommand(name, arg=arg)
    if name == "subscribe":
        return _parse_subscribe(rest, current_channel)
    if name == "unsubscribe":
        if len(rest) > 1:
            raise UsageError(texts.USAGE["unsubscribe"])
        return JourneyCommand(name, channel=_channel(rest[0]) if rest else current_channel)
    return JourneyCommand(name, arg=arg)


def _parse_subscribe(words: list[str], current_channel: str) -> JourneyCommand:
    usage = texts.USAGE["subscribe"]
    if not words or words[0].lower() not in ("daily", "weekly"):
        raise UsageError(usage)
    cadence, rest = words[0].lower(), words[1:]
    weekday = None
    if cadence == "weekly" and rest and rest[0].lower() in WEEKDAYS:
        weekday, rest = WEEKDAYS[rest[0].lower()], rest[1:]
    if not rest:
        raise UsageError(f"Which time? {usage}")
    m = _TIME.match(rest[0])
    if not m:
        raise UsageError(f"`{rest[0][:20]}` is not a time like 08:30 (24-hour clock). {usage}")
    time = f"{int(m.group(1)):02d}:{m.group(2)}"
    rest = rest[1:]
    if len(rest) > 1:
        raise UsageError(usage)
    channel = _channel(rest[0]) if rest else current_channel
    return JourneyCommand("subscribe", cadence=cadence, time=time,
                          weekday=(weekday or "mon") if cadence == "weekly" else None, channel=channel)


def _channel(word: str) -> str:
    m = _CHANNEL.match(word)
    if not m:
        raise UsageError(f"`{word[:40]}` is not a channel. Pick it with # so Slack links it, "
                         "e.g. `/journey subscribe daily 08:30 #team`.")
    return m.group(1)


# -- running, after the ack ---------------------------------------------------------------

def run_command(services: SlackServices, cmd: JourneyCommand, *, team: str, channel: str, user: str,
                respond: Callable[..., Any]) -> None:
    handler = _HANDLERS.get(cmd.name)
    if handler is None:  # help (answered in the ack)
        return
    try:
        handler(services, cmd, Where(team, channel, user, None, "command"), respond)
    except CannotPost as exc:
        respond(text=str(exc), response_type="ephemeral")
    except Exception:
        rid = request_id()
        log.exception("/journey %s failed (request %s)", cmd.name, rid)
        respond(text=texts.FAILED.format(request_id=rid), response_type="ephemeral")


def _ask(services: SlackServices, cmd: JourneyCommand, where: Where, respond: Callable[..., Any]) -> None:
    lead = asked_line(where.user, cmd.arg)
    placeholder = post_placeholder(services, where, lead=lead)
    key = where.conversation(placeholder)
    answer_into(services, where, placeholder, cmd.arg,
                lambda: services.agent.answer(cmd.arg, key), lead=lead)


def _tool(services: SlackServices, cmd: JourneyCommand, where: Where, respond: Callable[..., Any]) -> None:
    tool, args = TOOL_COMMANDS[cmd.name]
    if cmd.name == "kpis" and services.kpi_snapshot is not None:
        # The snapshot (this week against last, with arrows) reads better in a channel than
        # the full KPI table; "ask" gives the full one.
        _post_blocks(services, where, kpi_blocks(services.kpi_snapshot()), "KPI snapshot")
        return
    if services.tool(tool) is None:
        respond(text=texts.NOT_AVAILABLE.format(tool=tool.replace("_", " ")), response_type="ephemeral")
        return
    lead = f"*/journey {cmd.name}{(' ' + escape(cmd.arg)) if cmd.arg else ''}* (<@{where.user}>)"
    placeholder = post_placeholder(services, where, lead=lead)

    def produce() -> Answer:
        answer = services.run_tool_answer(tool, args(cmd.arg), where.conversation(placeholder))
        if answer is None:  # the catalog changed under us; reported like any failure
            raise LookupError(f"tool {tool} disappeared")
        return answer

    answer_into(services, where, placeholder, f"/journey {cmd.name} {cmd.arg}".strip(), produce, lead=lead)


def _personas(services: SlackServices, cmd: JourneyCommand, where: Where, respond: Callable[..., Any]) -> None:
    if services.personas is None:
        respond(text=texts.NOT_SET_UP.format(feature="Personas"), response_type="ephemeral")
        return
    _post_blocks(services, where, persona_blocks(services.personas()), "Saved personas")


def _alerts(services: SlackServices, cmd: JourneyCommand, where: Where, respond: Callable[..., Any]) -> None:
    if services.open_alerts is None:
        respond(text=texts.NOT_SET_UP.format(feature="Alerts"), response_type="ephemeral")
        return
    _post_blocks(services, where, alert_blocks(services.open_alerts()), "Open alerts")


def _digest(services: SlackServices, cmd: JourneyCommand, where: Where, respond: Callable[..., Any]) -> None:
    if services.digest_now is None:
        respond(text=texts.NOT_SET_UP.format(feature="The digest"), response_type="ephemeral")
        return
    respond(text="Preparing the digest for this channel…", response_type="ephemeral")
    services.digest_now(where.channel)


def _subscribe(services: SlackServices, cmd: JourneyCommand, where: Where, respond: Callable[..., Any]) -> None:
    if services.subscribe is None:
        respond(text=texts.NOT_SET_UP.format(feature="Digest subscriptions"), response_type="ephemeral")
        return
    target = cmd.channel or where.channel
    if not is_allowed(services.settings, where.team, target, where.user):
        respond(text=f"I'm not allowed to post in <#{target}>. " + texts.REFUSAL, response_type="ephemeral")
        return
    sub = services.subscribe(target, cmd.cadence, cmd.time, cmd.weekday, services.timezone)  # type: ignore[arg-type]
    when = f"every day at {sub.time}" if sub.cadence == "daily" else f"every {sub.weekday or 'mon'} at {sub.time}"
    respond(text=f":white_check_mark: <#{sub.channel}> gets the journey digest {when} ({sub.tz or services.timezone}).",
            response_type="ephemeral")


def _unsubscribe(services: SlackServices, cmd: JourneyCommand, where: Where, respond: Callable[..., Any]) -> None:
    if services.unsubscribe is None:
        respond(text=texts.NOT_SET_UP.format(feature="Digest subscriptions"), response_type="ephemeral")
        return
    target = cmd.channel or where.channel
    removed = services.unsubscribe(target)
    text = (f":white_check_mark: <#{target}> no longer gets the digest." if removed
            else f"<#{target}> had no digest subscription.")
    respond(text=text, response_type="ephemeral")


def _post_blocks(services: SlackServices, where: Where, blocks: list[Block], title: str) -> None:
    """A list (alerts, personas, KPIs) into the channel, behind the usual placeholder."""
    placeholder = post_placeholder(services, where)
    try:
        message = text_message(title)
        services.poster.update(where.channel, placeholder, title, message.blocks[:1] + blocks[:48])
    except Exception:
        rid = request_id()
        log.exception("posting %s failed (request %s)", title, rid)
        fail(services, where.channel, placeholder, texts.FAILED.format(request_id=rid))


_HANDLERS: dict[str, Callable[[SlackServices, JourneyCommand, Where, Callable[..., Any]], None]] = {
    "ask": _ask, "kpis": _tool, "funnel": _tool, "feedback": _tool, "personas": _personas,
    "alerts": _alerts, "digest": _digest, "subscribe": _subscribe, "unsubscribe": _unsubscribe,
}
