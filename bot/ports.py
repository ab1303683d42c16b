"""Seams between the adapters: what the scheduler and the alert engine need from Slack.

The Slack package implements Poster with a slack_sdk WebClient; tests and the terminal use
other implementations. Keeping the seam here lets bot/scheduler post without knowing Bolt.
"""

from __future__ import annotations

from typing import Any, Protocol


class Poster(Protocol):
    def post(self, channel: str, text: str, blocks: list[dict[str, Any]] | None = None,
             thread_ts: str | None = None) -> str:
        """Post a message; return its ts (Slack's message id)."""
        ...

    def update(self, channel: str, ts: str, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        ...

    def upload(self, channel: str, filename: str, content: bytes, *, title: str | None = None,
               thread_ts: str | None = None, comment: str | None = None) -> None:
        """Upload a file (a chart PNG, a CSV) into a channel or thread."""
        ...
