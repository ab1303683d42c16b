"""Exactly-once posting needs two things from Slack beyond a plain post: a run key in the
message's metadata, and a way to find that message again after a crash. This wraps any
Poster (the Slack app's SlackPoster, or the small client poster below) and adds both with
slack_sdk's WebClient:

- post_marked: chat.postMessage with metadata {event_type: "journeybot_run",
  event_payload: {run_key}};
- find_marked: conversations.history (or conversations.replies for a thread reply) with
  include_all_metadata, from a little before the run was recorded. Those need a history scope
  the app does not ask for (README, scopes); without it Slack answers missing_scope and
  find_marked raises CannotLook, which the run ledger expects (bot/scheduler/delivery.py).
"""

from __future__ import annotations

import inspect
import logging
from typing import Any

from bot.ports import Poster
from bot.scheduler.delivery import RUN_EVENT_TYPE, CannotLook

log = logging.getLogger(__name__)

HISTORY_PAGES = 5  # 5 x 200 messages after the run was recorded is plenty for a bot channel


class ClientPoster:
    """A minimal Poster over a WebClient, for `journeybot digest --post` when the Slack app's
    own poster is not wired in."""

    def __init__(self, client: Any):
        self.client = client

    def post(self, channel: str, text: str, blocks: list[dict[str, Any]] | None = None,
             thread_ts: str | None = None) -> str:
        response = _with_join(self.client, channel, lambda: self.client.chat_postMessage(
            channel=channel, text=text, blocks=blocks, thread_ts=thread_ts))
        return str(response["ts"])

    def update(self, channel: str, ts: str, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        self.client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)

    def upload(self, channel: str, filename: str, content: bytes, *, title: str | None = None,
               thread_ts: str | None = None, comment: str | None = None) -> None:
        self.client.files_upload_v2(channel=channel, content=content, filename=filename, title=title,
                                    thread_ts=thread_ts, initial_comment=comment)


class RunMarkingSlackPoster:
    """Poster + RunMarkingPoster: plain calls go to `poster`, marked ones to the client."""

    def __init__(self, poster: Poster, client: Any):
        self.poster = poster
        self.client = client

    def post(self, channel: str, text: str, blocks: list[dict[str, Any]] | None = None,
             thread_ts: str | None = None) -> str:
        return self.poster.post(channel, text, blocks, thread_ts=thread_ts)

    def update(self, channel: str, ts: str, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        self.poster.update(channel, ts, text, blocks)

    def upload(self, channel: str, filename: str, content: bytes, *, title: str | None = None,
               thread_ts: str | None = None, comment: str | None = None) -> None:
        self.poster.upload(channel, filename, content, title=title, thread_ts=thread_ts, comment=comment)

    def post_marked(self, channel: str, text: str, blocks: list[dict[str, Any]] | None, *,
                    run_key: str, thread_ts: str | None = None) -> str:
        metadata = {"event_type": RUN_EVENT_TYPE, "event_payload": {"run_key": run_key}}
        if "metadata" in inspect.signature(self.poster.post).parameters:
            # The Slack app's poster: its redaction and channel joining apply to marked posts too.
            return str(self.poster.post(channel, text, blocks, thread_ts=thread_ts, metadata=metadata))  # type: ignore[call-arg]
        response = _with_join(self.client, channel, lambda: self.client.chat_postMessage(
            channel=channel, text=text, blocks=blocks, thread_ts=thread_ts, metadata=metadata))
        return str(response["ts"])

    def find_marked(self, channel: str, run_key: str, *, oldest: float,
                    thread_ts: str | None = None) -> str | None:
        from slack_sdk.errors import SlackApiError

        cursor = None
        for _ in range(HISTORY_PAGES):
            args: dict[str, Any] = {"channel": channel, "oldest": f"{oldest:.6f}", "limit": 200,
                                    "include_all_metadata": True}
            if cursor:
                args["cursor"] = cursor
            try:
                if thread_ts:
                    response = self.client.conversations_replies(ts=thread_ts, **args)
                else:
                    response = self.client.conversations_history(**args)
            except SlackApiError as exc:
                error = exc.response.get("error")
                if error in ("missing_scope", "not_in_channel", "channel_not_found", "not_allowed_token_type"):
                    raise CannotLook(f"{error}; needed: {exc.response.get('needed') or 'a history scope'}") from None
                raise
            for message in response.get("messages", []):
                meta = message.get("metadata") or {}
                if meta.get("event_type") == RUN_EVENT_TYPE and \
                        (meta.get("event_payload") or {}).get("run_key") == run_key:
                    return str(message["ts"])
            cursor = (response.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
        log.warning("gave up looking for run %s in %s after %d pages", run_key, channel, HISTORY_PAGES)
        return None


def _with_join(client: Any, channel: str, call: Any) -> Any:
    """Post; if the bot is not in the (public) channel, join it and post again."""
    from slack_sdk.errors import SlackApiError

    try:
        return call()
    except SlackApiError as exc:
        if exc.response.get("error") != "not_in_channel":
            raise
        client.conversations_join(channel=channel)
        return call()
