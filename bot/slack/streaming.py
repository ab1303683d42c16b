"""Answers streamed into a Slack thread with chat.startStream / appendStream / stopStream
(slack_sdk's `chat_stream` helper, which buffers and starts the stream on its first flush).

Used where Slack offers streaming: assistant threads, the thread under an @mention, a thread
in a DM, when `[slack] ai_app` is on (both manifests turn on Slack's Agents & AI Apps
feature). While tools run, an assistant thread shows Slack's status line naming the tool
("journeybot is looking at the funnel…"); the model's words appear as it writes them; the
stream closes with where the numbers came from, the buttons that fit, and Slack's feedback
buttons. If Slack refuses to stream (an app created from an older manifest, a workspace
without the feature) the answer goes out as a normal message and the team is not offered a
stream again for an hour.

Everything streamed is redacted like every other message (bot/slack/redact.py). Text is held
back to the end of a line first, so a redaction pattern is never split across two appends.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from slack_sdk.errors import SlackApiError, SlackRequestError

from bot import metrics
from bot.answer import Answer, AnswerEvents
from bot.render.assistant import MarkdownLines, answer_markdown, streamed_trailer
from bot.render.progress import status_for
from bot.render.slack import answer_message
from bot.slack import texts
from bot.slack.redact import redact_blocks, redact_text
from bot.slack.replies import (
    Where,
    attach_full_text,
    held_answer,
    post_result_files,
    record_answer,
    request_id,
)
from bot.slack.services import SlackServices

log = logging.getLogger(__name__)

MAX_STREAM_CHARS = 10_000  # beyond this the rest of the answer comes as a file, as for messages
BUFFER_CHARS = 256  # text held before an append (slack_sdk's default): few calls, still lively
REFUSAL_MEMORY_SECONDS = 3600.0


class StreamedReply(AnswerEvents):
    """One answer streaming into a thread; the agent's events arrive on its worker thread."""

    def __init__(self, client: Any, where: Where, *, status: Callable[[str], None] | None = None,
                 max_chars: int = MAX_STREAM_CHARS):
        self._client = client
        self._where = where
        self._status = status
        self._max = max_chars
        self._stream: Any = None
        self._lock = threading.Lock()
        self._md = MarkdownLines()
        self._pending = ""  # model text not yet passed on: an unfinished line
        self._sent = 0
        self.raw: list[str] = []  # what the model wrote, as it came
        self.cut = False  # the answer was longer than a stream holds
        self.closed = False
        self.refused: str | None = None  # Slack's error when it would not stream

    @property
    def ts(self) -> str | None:
        return self._stream.ts if self._stream is not None else None

    # -- AnswerEvents (the agent's worker thread) ----------------------------------------
    def tool_started(self, name: str) -> None:
        self.status(status_for(name))

    def text(self, delta: str) -> None:
        with self._lock:
            if self.closed or self.refused:
                return
            self.raw.append(delta)
            self._pending += delta
            if "\n" in self._pending:
                lines, _, self._pending = self._pending.rpartition("\n")
                self._send(self._md.convert(lines + "\n"))

    # -- the listener's side --------------------------------------------------------------
    def status(self, text: str) -> None:
        if self._status is None:
            return
        try:
            self._status(text)
        except Exception as exc:  # a status line is a nicety; never a reason to fail an answer
            log.info("could not set the thread status (%s); carrying on without", _error(exc))
            self._status = None

    def finish(self, answer: Answer, blocks: Callable[[bool], list[dict[str, Any]]]) -> str | None:
        """Stream what is left of the answer and close the stream with `blocks(cut)` under it.
        Returns the message's ts, or None when Slack refused (see `refused`)."""
        with self._lock:
            self.closed = True
            streamed = "".join(self.raw)
            if not streamed.strip():  # an offline answer, or a model that did not stream
                self._send(answer_markdown(answer))
            elif streamed.strip() == answer.text.strip():
                self._send(self._md.convert(self._pending))
            else:  # the final reply is not what streamed (e.g. the planner answered instead)
                self._send(self._md.convert(self._pending) + "\n\n" + answer_markdown(answer))
            self._pending = ""
            if self.refused:
                return None
            return self._stop(blocks=redact_blocks(blocks(self.cut)))

    def abort(self, line: str) -> bool:
        """End the stream with a warning line; False when nothing was shown yet (the caller
        posts the line as a message instead)."""
        with self._lock:
            self.closed = True
            if self._stream is None or self._stream.ts is None or self.refused:
                return False
            return self._stop(markdown_text=redact_text(line)) is not None

    # -- internals ------------------------------------------------------------------------
    def _send(self, markdown: str) -> None:
        if not markdown or self.refused:
            return
        markdown = redact_text(markdown)
        if self._sent + len(markdown) > self._max:
            room = max(0, self._max - self._sent)
            markdown = markdown[:room].rsplit("\n", 1)[0] if room else ""
            self.cut = True
        if not markdown:
            return
        self._sent += len(markdown)
        try:
            if self._stream is None:
                w = self._where
                self._stream = self._client.chat_stream(
                    channel=w.channel, thread_ts=w.thread_ts, recipient_team_id=w.team or None,
                    recipient_user_id=w.user or None, buffer_size=BUFFER_CHARS)
            self._stream.append(markdown_text=markdown)
        except (SlackApiError, SlackRequestError) as exc:
            self.refused = _error(exc)
            log.warning("Slack would not stream into %s (%s); the answer goes out as a message",
                        self._where.channel, self.refused)

    def _stop(self, **kwargs: Any) -> str | None:
        try:
            if self._stream is None:  # nothing to say but blocks: unusual, but keep it whole
                w = self._where
                self._stream = self._client.chat_stream(
                    channel=w.channel, thread_ts=w.thread_ts, recipient_team_id=w.team or None,
                    recipient_user_id=w.user or None, buffer_size=BUFFER_CHARS)
            self._stream.stop(**kwargs)
            return self._stream.ts
        except (SlackApiError, SlackRequestError) as exc:
            self.refused = self.refused or _error(exc)
            log.warning("closing the stream in %s failed (%s)", self._where.channel, self.refused)
            return None


def can_stream(services: SlackServices, where: Where) -> bool:
    """Streaming needs Slack's AI features on, a thread to reply in, and no refusal from this
    workspace in the last hour."""
    if not services.settings.ai_app or not where.thread_ts:
        return False
    refused_at = services.stream_refused.get(where.team)
    return refused_at is None or time.monotonic() - refused_at > REFUSAL_MEMORY_SECONDS


def stream_reply(services: SlackServices, where: Where, question: str, *, context: str | None = None,
                 status: Callable[[str], None] | None = None) -> str | None:
    """Answer `question` into `where`'s thread as a stream; returns the answer id."""
    rid = request_id()
    started = time.monotonic()
    answer_id = services.answers.new_id()
    conversation = where.conversation(None)
    reply = StreamedReply(services.poster.client, where, status=status)
    try:
        # One answer reads one version of the journey store, however many queries it runs.
        future = services.workers.submit(held_answer, services.ctx.store, lambda: services.agent.answer(
            question, conversation, context=context, events=reply))
        answer = future.result(timeout=services.settings.answer_timeout_seconds)
    except FutureTimeout:
        metrics.answer(where.surface, "failed", "timeout", time.monotonic() - started)
        log.warning("answer timed out after %ss (request %s)", services.settings.answer_timeout_seconds, rid)
        _give_up(services, where, reply, texts.TIMED_OUT.format(
            seconds=services.settings.answer_timeout_seconds, request_id=rid))
        record_answer(services, where, answer_id, conversation, question, None, reply.ts, started)
        return None
    except Exception:
        metrics.answer(where.surface, "failed", "failed", time.monotonic() - started)
        metrics.error("answer")
        log.exception("answering failed (request %s)", rid)
        _give_up(services, where, reply, texts.FAILED.format(request_id=rid))
        record_answer(services, where, answer_id, conversation, question, None, reply.ts, started)
        return None
    # Recorded before the feedback buttons can be pressed.
    record_answer(services, where, answer_id, conversation, question, answer, reply.ts, started)
    ts = None if reply.refused else reply.finish(answer, lambda cut: streamed_trailer(answer, answer_id, cut=cut))
    if ts is None:
        services.stream_refused[where.team] = time.monotonic()
        ts = _as_message(services, where, answer, answer_id, reply)
        if ts is None:
            metrics.answer(where.surface, answer.mode, "failed", time.monotonic() - started)
            return None
    elif reply.cut:
        from bot.render.slack_wording import slack_text
        from bot.render.text import answer_text

        attach_full_text(services, where, ts, "answer.txt",
                         slack_text(answer, answer_text(answer)).encode("utf-8"))
    record_answer(services, where, answer_id, conversation, question, answer, ts, started)
    metrics.answer(where.surface, answer.mode, "ok", time.monotonic() - started)
    post_result_files(services, where, ts, answer)
    return answer_id


def _as_message(services: SlackServices, where: Where, answer: Answer, answer_id: str,
                reply: StreamedReply) -> str | None:
    """Slack would not stream: the answer as a classic message (thumbs buttons, no feedback
    buttons) in the same thread, and its full text as a file when it had to be shortened."""
    message = answer_message(answer, answer_id)
    if reply.ts is not None:  # part of it streamed before Slack refused: say the rest follows
        reply.abort("(continued below)")
    try:
        ts = services.poster.post(where.channel, message.text, message.blocks, thread_ts=where.thread_ts)
    except Exception:
        rid = request_id()
        log.exception("posting the answer failed (request %s)", rid)
        return None
    if message.attachment:
        attach_full_text(services, where, ts, *message.attachment)
    return ts


def _give_up(services: SlackServices, where: Where, reply: StreamedReply, line: str) -> None:
    if not reply.abort(line):
        try:
            services.poster.post(where.channel, line, None, thread_ts=where.thread_ts)
        except Exception:
            log.exception("could not even post the failure message in %s", where.channel)


def _error(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    if response is not None:
        try:
            return str(response.get("error") or exc)
        except Exception:  # pragma: no cover - an odd response object
            return str(exc)
    return str(exc)
