"""The buttons of an uncertain reading and of a change waiting for a yes.

"Did you mean …" buttons re-ask with the reading the person picked: that tool with those
arguments, answered in the same thread and remembered for follow-ups like any answer. The
Confirm button under a proposed change (an alert rule, a saved persona) makes it, once, and
only for the person who asked; Cancel says nothing was changed. Each press runs after the ack.
"""

from __future__ import annotations

import logging

from bot.answer import PendingAction
from bot.render.reading import CONFIRM_CHANGE, PICK_READING, decode
from bot.render.slack import answer_message, escape, text_message
from bot.slack import texts
from bot.slack.actions import Click
from bot.slack.replies import Where, answer_into, post_placeholder, request_id
from bot.slack.services import SlackServices

log = logging.getLogger(__name__)

ONLY_ASKER = "Only <@{user}>, who asked, can confirm or cancel this change."
DONE_ALREADY = "This change was already confirmed or cancelled."


def press_reading(services: SlackServices, click: Click, team: str) -> None:
    try:
        if click.action_id in PICK_READING:
            pick_reading(services, click, team)
        elif click.action_id == CONFIRM_CHANGE:
            confirm_change(services, click)
        else:
            cancel_change(services, click)
    except Exception:
        rid = request_id()
        log.exception("button %s failed (request %s)", click.action_id, rid)
        _tell(services, click, texts.FAILED.format(request_id=rid))


def pick_reading(services: SlackServices, click: Click, team: str) -> None:
    """Answer again, in the thread, with the reading the person picked."""
    decoded = decode(click.value)
    record = services.answers.get(decoded[0]) if decoded else None
    if decoded is None or record is None:
        _tell(services, click, texts.ANSWER_GONE)
        return
    _, tool, args = decoded
    where = Where(team, click.channel, click.user, click.thread_ts, "thread")
    placeholder = post_placeholder(services, where)
    lead = f"*<@{click.user}> picked another reading.*"
    answer_into(services, where, placeholder, record.question,
                lambda: services.agent.choose_reading(tool, args, record.conversation, record.question), lead=lead)


def confirm_change(services: SlackServices, click: Click) -> None:
    """Make the proposed change: once, for the person who asked for it."""
    decoded = decode(click.value)
    record = services.answers.get(decoded[0]) if decoded else None
    if decoded is None or record is None:
        _tell(services, click, texts.ANSWER_GONE)
        return
    answer_id, tool, args = decoded
    if record.user_id and click.user != record.user_id:
        _tell(services, click, ONLY_ASKER.format(user=record.user_id))
        return
    if not services.state.claim("confirm_change", answer_id, click.user):
        _tell(services, click, DONE_ALREADY)
        return
    done = services.agent.confirm(PendingAction(tool, args, ""), record.conversation)
    message = answer_message(done, lead=f"*<@{click.user}> confirmed.*")
    services.poster.post(click.channel, message.text, message.blocks, thread_ts=click.thread_ts)


def cancel_change(services: SlackServices, click: Click) -> None:
    record = services.answers.get(click.value)
    if record is None:
        _tell(services, click, texts.ANSWER_GONE)
        return
    if record.user_id and click.user != record.user_id:
        _tell(services, click, ONLY_ASKER.format(user=record.user_id))
        return
    if not services.state.claim("confirm_change", click.value, click.user):
        _tell(services, click, DONE_ALREADY)
        return
    line = f"<@{escape(click.user)}> cancelled: nothing was changed."
    services.poster.post(click.channel, line, text_message(line).blocks, thread_ts=click.thread_ts)


def _tell(services: SlackServices, click: Click, text: str) -> None:
    services.poster.ephemeral(click.channel, click.user, text, thread_ts=click.thread_ts)
