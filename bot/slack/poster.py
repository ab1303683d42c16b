"""SlackPoster: the Poster seam (bot/ports.py) over a slack_sdk WebClient.

Everything the bot sends goes through here, so two rules live here once:
- PII redaction of every outgoing text, block, view and text file (bot/slack/redact.py);
- channel membership: before the first post into a channel the bot joins it (public channels
  only; Slack refuses to let a bot join a private one). When it still cannot post, the error
  says why and what to do, instead of Slack's `not_in_channel`.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.redact import redact_blocks, redact_text

log = logging.getLogger(__name__)

# Slack shows at most ~40k characters of a message's `text`; blocks carry the real content and
# `text` is the notification and screen-reader fallback, so keep it short.
MAX_FALLBACK_CHARS = 3000
_CANNOT_POST = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action",
                "cant_join_channel", "method_not_supported_for_channel_type"}


class CannotPost(Exception):
    """The bot may not post in this channel; the message says why and how to fix it."""

    def __init__(self, channel: str, error: str):
        self.channel = channel
        self.error = error
        if error == "is_archived":
            why = "that channel is archived"
        elif error == "restricted_action":
            why = "the workspace does not allow bots to post there"
        else:
            why = ("I am not a member of that channel and cannot join it by myself (it is private, "
                   "or a conversation I was not added to). Invite me with `/invite @journeybot`, "
                   "or ask me in a DM")
        super().__init__(f"I can't post in <#{channel}>: {why}.")


class SlackPoster:
    def __init__(self, client: WebClient):
        self.client = client
        self._joined: set[str] = set()
        self._lock = threading.Lock()

    # -- the Poster protocol ------------------------------------------------------------
    def post(self, channel: str, text: str, blocks: list[dict[str, Any]] | None = None,
             thread_ts: str | None = None, *, metadata: dict[str, Any] | None = None) -> str:
        """`metadata` ({event_type, event_payload}) lets a scheduled run find its own message
        again after a crash (bot/scheduler's run marking)."""
        self._join(channel)
        kwargs: dict[str, Any] = {"channel": channel, "text": _fallback(text)}
        if blocks:
            kwargs["blocks"] = redact_blocks(blocks)
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        if metadata:
            kwargs["metadata"] = metadata
        resp = self._call("chat_postMessage", channel, **kwargs)
        return str(resp["ts"])

    def update(self, channel: str, ts: str, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        # An empty list removes the blocks of the placeholder; None would keep them.
        self._call("chat_update", channel, channel=channel, ts=ts, text=_fallback(text),
                   blocks=redact_blocks(blocks or []))

    def upload(self, channel: str, filename: str, content: bytes, *, title: str | None = None,
               thread_ts: str | None = None, comment: str | None = None) -> None:
        self._join(channel)
        self._upload(channel, {"file": _redacted(filename, content), "filename": filename,
                               "title": title or filename}, thread_ts, comment)

    def upload_files(self, channel: str, files: list[tuple[str, bytes, str]], *, thread_ts: str | None = None,
                     comment: str | None = None) -> None:
        """Several files (filename, content, title) in one message, e.g. a picture with its
        spreadsheet; text files are redacted as in `upload`."""
        self._join(channel)
        uploads = [{"file": _redacted(filename, content), "filename": filename, "title": title or filename}
                   for filename, content, title in files]
        self._upload(channel, {"file_uploads": uploads}, thread_ts, comment)

    def _upload(self, channel: str, what: dict[str, Any], thread_ts: str | None, comment: str | None) -> None:
        kwargs: dict[str, Any] = {"channel": channel, **what}
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        if comment:
            kwargs["initial_comment"] = redact_text(comment)
        self._call("files_upload_v2", channel, **kwargs)

    # -- more of Slack than the seam needs --------------------------------------------
    def react(self, channel: str, ts: str, name: str) -> None:
        """Best effort: a missing reaction must never stop an answer."""
        try:
            self.client.reactions_add(channel=channel, timestamp=ts, name=name)
        except SlackApiError as exc:
            if exc.response.get("error") != "already_reacted":
                log.warning("could not react :%s: in %s: %s", name, channel, exc.response.get("error"))

    def ephemeral(self, channel: str, user: str, text: str, thread_ts: str | None = None) -> None:
        kwargs: dict[str, Any] = {"channel": channel, "user": user, "text": _fallback(text)}
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        try:
            self.client.chat_postEphemeral(**kwargs)
        except SlackApiError as exc:
            log.warning("could not send an ephemeral message in %s: %s", channel, exc.response.get("error"))

    def publish_home(self, user_id: str, view: dict[str, Any]) -> None:
        self.client.views_publish(user_id=user_id, view=redact_blocks(view))

    # -- internals ------------------------------------------------------------------------
    def _join(self, channel: str) -> None:
        """Join a public channel once per process before posting there. DMs (D…) need no
        joining; a private channel refuses the join, which is fine if we are a member."""
        if channel.startswith("D"):
            return
        with self._lock:
            if channel in self._joined:
                return
        try:
            self.client.conversations_join(channel=channel)
        except SlackApiError as exc:
            log.info("did not join %s (%s); posting anyway", channel, exc.response.get("error"))
        with self._lock:
            self._joined.add(channel)

    def _call(self, method: str, channel: str, /, **kwargs: Any) -> Any:
        try:
            return getattr(self.client, method)(**kwargs)
        except SlackApiError as exc:
            error = str(exc.response.get("error", ""))
            if error in _CANNOT_POST:
                with self._lock:
                    self._joined.discard(channel)  # maybe we were removed: try joining next time
                raise CannotPost(channel, error) from exc
            raise


def _redacted(filename: str, content: bytes) -> bytes:
    """A text file's content (.csv, .txt, .md) redacted like a message; a picture or a workbook as it is."""
    if filename.endswith((".csv", ".txt", ".md")):
        return redact_text(content.decode("utf-8")).encode("utf-8")
    return content


def _fallback(text: str) -> str:
    text = redact_text(text or " ")
    return text if len(text) <= MAX_FALLBACK_CHARS else text[: MAX_FALLBACK_CHARS - 1] + "…"
