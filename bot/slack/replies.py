"""Talking back in Slack: the "working on it" placeholder, the answer that replaces it, and
the one-line warning that replaces it when something fails. Listeners call these; nothing
here knows Bolt.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

from bot import metrics
from bot.answer import Answer
from bot.answer_log import AnswerRecord
from bot.render.slack import answer_message, escape, text_message
from bot.slack import texts
from bot.slack.poster import CannotPost
from bot.slack.redact import redact_text
from bot.slack.services import SlackServices
from tools.data.published import held

log = logging.getLogger(__name__)

_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")


@dataclass(frozen=True)
class Where:
    """Where an answer goes and whose conversation it continues."""

    team: str
    channel: str
    user: str
    thread_ts: str | None  # None: top level (a DM, or a /journey answer that starts a thread)
    surface: str  # mention | dm | thread | command

    def conversation(self, root_ts: str | None) -> str:
        # One conversation per thread; top-level DMs are one running conversation.
        return f"{self.team}:{self.channel}:{self.thread_ts or root_ts or 'dm'}"


def strip_mentions(text: str) -> str:
    return " ".join(_MENTION.sub(" ", text or "").split())


def request_id() -> str:
    return uuid.uuid4().hex[:8]


def post_placeholder(services: SlackServices, where: Where, lead: str | None = None) -> str:
    text = f"{lead}\n{services.settings.working_text}" if lead else services.settings.working_text
    return services.poster.post(where.channel, text, text_message(text).blocks, thread_ts=where.thread_ts)


def answer_into(services: SlackServices, where: Where, placeholder_ts: str, question: str,
                produce: Callable[[], Answer], *, lead: str | None = None) -> str | None:
    """Run `produce` (the agent, or one tool) with the configured time limit and replace the
    placeholder with the answer, or with one warning line. Returns the answer id."""
    rid = request_id()
    started = time.monotonic()
    answer_id = services.answers.new_id()
    conversation = where.conversation(placeholder_ts if where.surface == "command" else None)
    try:
        # One answer reads one version of the journey store, however many queries it runs.
        future = services.workers.submit(held_answer, services.ctx.store, produce)
        answer = future.result(timeout=services.settings.answer_timeout_seconds)
    except FutureTimeout:
        metrics.answer(where.surface, "failed", "timeout", time.monotonic() - started)
        log.warning("answer timed out after %ss (request %s)", services.settings.answer_timeout_seconds, rid)
        fail(services, where.channel, placeholder_ts,
             texts.TIMED_OUT.format(seconds=services.settings.answer_timeout_seconds, request_id=rid))
        record_answer(services, where, answer_id, conversation, question, None, placeholder_ts, started)
        return None
    except Exception:
        metrics.answer(where.surface, "failed", "failed", time.monotonic() - started)
        metrics.error("answer")
        log.exception("answering failed (request %s)", rid)
        fail(services, where.channel, placeholder_ts, texts.FAILED.format(request_id=rid))
        record_answer(services, where, answer_id, conversation, question, None, placeholder_ts, started)
        return None
    message = answer_message(answer, answer_id, lead=lead)
    # Recorded before it is shown: a button pressed the moment the answer appears must find it.
    record_answer(services, where, answer_id, conversation, question, answer, placeholder_ts, started)
    try:
        services.poster.update(where.channel, placeholder_ts, message.text, message.blocks)
    except Exception:
        metrics.answer(where.surface, answer.mode, "failed", time.monotonic() - started)
        metrics.error("post_answer")
        log.exception("posting the answer failed (request %s)", rid)
        fail(services, where.channel, placeholder_ts, texts.FAILED.format(request_id=rid))
        record_answer(services, where, answer_id, conversation, question, None, placeholder_ts, started)
        return None
    metrics.answer(where.surface, answer.mode, "ok", time.monotonic() - started)
    if message.attachment:
        attach_full_text(services, where, placeholder_ts, *message.attachment)
    post_result_files(services, where, placeholder_ts, answer)
    return answer_id


def held_answer(store: Any, produce: Callable[[], Answer]) -> Answer:
    with held(store):
        return produce()


def result_files(answer: Answer) -> list[Any]:
    """The files the answer's results offer (tools.core.results.Attachment), e.g. a journey map's
    picture and spreadsheet."""
    files: list[Any] = []
    for result in answer.results:
        offer = getattr(result, "attachments", None)
        if callable(offer):
            files += list(offer())
    return files


def post_result_files(services: SlackServices, where: Where, placeholder_ts: str, answer: Answer) -> None:
    """Result files in one message in the answer's thread; if that fails the answer stays,
    with a note that the files could not be attached."""
    thread = where.thread_ts or placeholder_ts
    try:
        files = result_files(answer)
        if not files:
            return
        upload_many = getattr(services.poster, "upload_files", None)
        if upload_many is not None:
            upload_many(where.channel, [(f.filename, f.content, f.title) for f in files], thread_ts=thread)
        else:  # a Poster with only the one-file upload of bot/ports.py
            for f in files:
                services.poster.upload(where.channel, f.filename, f.content, title=f.title, thread_ts=thread)
    except Exception:
        _say_not_attached(services, where, thread, "the answer's files", texts.FILES_NOT_ATTACHED)


def attach_full_text(services: SlackServices, where: Where, placeholder_ts: str, name: str, content: bytes) -> None:
    """The whole of a long answer as a file in its thread; if that fails the shortened answer
    stays, with a note that the rest could not be attached."""
    thread = where.thread_ts or placeholder_ts
    try:
        services.poster.upload(where.channel, name, content, title="The full answer", thread_ts=thread)
    except Exception:
        _say_not_attached(services, where, thread, "the full answer", texts.NOT_ATTACHED)


def _say_not_attached(services: SlackServices, where: Where, thread: str, what: str, template: str) -> None:
    """In the except block of a failed upload: logged, and said in the thread with the request
    id that finds it in the log."""
    rid = request_id()
    log.exception("attaching %s failed (request %s)", what, rid)
    line = template.format(request_id=rid)
    try:
        services.poster.post(where.channel, line, text_message(line).blocks, thread_ts=thread)
    except Exception:
        log.exception("could not say so either (request %s)", rid)


def reply(services: SlackServices, where: Where, question: str, *, message_ts: str | None = None,
          context: str | None = None) -> str | None:
    """The whole answer to a mention, DM or thread reply: :eyes:, placeholder, answer."""
    try:
        return _reply(services, where, question, message_ts=message_ts, context=context)
    except Exception:  # before a placeholder exists there is nothing to edit: log it whole
        log.exception("could not start answering in %s", where.channel)
        return None


def _reply(services: SlackServices, where: Where, question: str, *, message_ts: str | None,
           context: str | None) -> str | None:
    if message_ts:
        services.poster.react(where.channel, message_ts, "eyes")
    try:
        placeholder = post_placeholder(services, where)
    except CannotPost as exc:
        log.warning("%s", exc)
        services.poster.ephemeral(where.channel, where.user, str(exc), thread_ts=where.thread_ts)
        return None
    if not question:
        services.poster.update(where.channel, placeholder, texts.EMPTY_QUESTION,
                               text_message(texts.EMPTY_QUESTION).blocks)
        return None
    key = where.conversation(None)
    return answer_into(services, where, placeholder, question,
                       lambda: services.agent.answer(question, key, context=context))


def fail(services: SlackServices, channel: str, ts: str, line: str) -> None:
    """Replace the placeholder with one warning line; a failure here is only logged."""
    try:
        services.poster.update(channel, ts, line, text_message(line).blocks)
    except Exception:
        log.exception("could not even post the failure message in %s", channel)


def asked_line(user: str, question: str) -> str:
    return texts.ASKED.format(user=user, question=escape(question))


def record_answer(services: SlackServices, where: Where, answer_id: str, conversation: str, question: str,
            answer: Answer | None, placeholder_ts: str, started: float) -> None:
    # The calls behind the answer, and the tools the model asked for that do not exist.
    tools = [{"name": c.name, "args": c.args, **({"error": c.error} if c.unknown else {})}
             for c in (answer.tool_calls if answer else []) if c.ok or c.unknown]
    try:
        services.answers.record(AnswerRecord(
            answer_id=answer_id, team=where.team, channel=where.channel,
            thread_ts=where.thread_ts or placeholder_ts, user_id=where.user, surface=where.surface,
            conversation=conversation, question=redact_text(question), mode=answer.mode if answer else "failed",
            tools=tools, message_ts=placeholder_ts, ok=answer is not None,
            seconds=round(time.monotonic() - started, 3),
        ))
    except Exception:  # the answer is out; a failed bookkeeping write must not hide it
        log.exception("could not record answer %s", answer_id)
