"""Block Kit primitives that respect Slack's limits.

Slack rejects a message with more than 50 blocks, a section text over 3,000 characters, a
header over 150, or a context over 10 elements. These builders split or trim so that what
we send is always accepted; long content belongs in a file upload instead.
"""

from __future__ import annotations

from typing import Any

MAX_BLOCKS = 50
MAX_SECTION_CHARS = 3000
MAX_HEADER_CHARS = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_BUTTON_TEXT = 75
MAX_ACTION_ELEMENTS = 25

Block = dict[str, Any]


def header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": _trim(text, MAX_HEADER_CHARS), "emoji": True}}


def divider() -> Block:
    return {"type": "divider"}


def sections(text: str) -> list[Block]:
    """mrkdwn sections, split at line breaks so none exceeds the limit."""
    return [{"type": "section", "text": {"type": "mrkdwn", "text": chunk}}
            for chunk in split_text(text, MAX_SECTION_CHARS)]


def code_sections(text: str) -> list[Block]:
    """Monospaced text (aligned tables), each chunk fenced on its own."""
    limit = MAX_SECTION_CHARS - 8
    return [{"type": "section", "text": {"type": "mrkdwn", "text": f"```{chunk}```"}}
            for chunk in split_text(text, limit)]


def context(*texts: str) -> Block:
    elements = [{"type": "mrkdwn", "text": _trim(t, MAX_SECTION_CHARS)} for t in texts if t][:MAX_CONTEXT_ELEMENTS]
    return {"type": "context", "elements": elements or [{"type": "mrkdwn", "text": " "}]}


def button(text: str, action_id: str, value: str = "", style: str | None = None) -> dict[str, Any]:
    b: dict[str, Any] = {"type": "button", "text": {"type": "plain_text", "text": _trim(text, MAX_BUTTON_TEXT), "emoji": True},
                         "action_id": action_id, "value": value[:2000]}
    if style in ("primary", "danger"):
        b["style"] = style
    return b


def actions(*buttons: dict[str, Any], block_id: str | None = None) -> Block:
    block: Block = {"type": "actions", "elements": list(buttons)[:MAX_ACTION_ELEMENTS]}
    if block_id:
        block["block_id"] = block_id
    return block


def image(url: str, alt: str) -> Block:
    return {"type": "image", "image_url": url, "alt_text": _trim(alt, 2000)}


def split_text(text: str, limit: int) -> list[str]:
    """Split on line breaks (then spaces) so every piece fits; never loses characters."""
    if len(text) <= limit:
        return [text] if text else []
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            pieces.append(current)
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            pieces.append(line[:cut])
            line = line[cut:].lstrip(" ")
        current = line
    if current:
        pieces.append(current)
    return pieces


def fit(blocks: list[Block], overflow_note: str = "(more in the attached file)") -> tuple[list[Block], bool]:
    """Keep at most MAX_BLOCKS blocks; report whether anything was cut so the caller can
    attach the full content as a file."""
    if len(blocks) <= MAX_BLOCKS:
        return blocks, False
    kept = blocks[: MAX_BLOCKS - 1] + [context(overflow_note)]
    return kept, True


def _trim(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
