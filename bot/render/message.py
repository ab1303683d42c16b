"""A rendered message for a channel: text, Block Kit blocks, and files for its thread. The
digest (render/digest.py) and the alert desk build them; the scheduler's run ledger records and
posts them exactly once."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    title: str | None = None


@dataclass(frozen=True)
class Message:
    """A rendered message; files are uploaded into its thread after it is posted."""

    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    thread_ts: str | None = None
    files: tuple[Attachment, ...] = ()

    def to_json(self) -> str:
        return json.dumps({"text": self.text, "blocks": self.blocks, "thread_ts": self.thread_ts})

    @classmethod
    def from_row(cls, payload: str) -> Message:
        data = json.loads(payload)
        return cls(data["text"], data.get("blocks") or [], data.get("thread_ts"))
