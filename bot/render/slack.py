"""Answers and bot messages as Block Kit, always within what Slack accepts.

An answer becomes: its text (prose as mrkdwn sections, aligned tables as code blocks so the
columns stay aligned), suggestions, the provenance line (which tool calls the numbers came
from), notes, and the buttons that help (chart, data, save persona, thumbs up/down).

Slack's limits, and what happens at each: a section holds 3,000 characters (split at line
breaks), a message 50 blocks, and all block text together about 12,000 characters (the
undocumented `msg_blocks_too_long`, see slackapi/bolt-js#2509 and #2867). A longer answer
keeps its beginning in the message and comes whole as an attached text file: never rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.answer import Answer
from bot.render.blocks import (
    MAX_BLOCKS,
    MAX_CONTEXT_ELEMENTS,
    Block,
    actions,
    button,
    code_sections,
    context,
    sections,
)
from bot.render.chart_data import chart_kind, data_frame
from bot.render.reading import reading_buttons, reading_context
from bot.render.slack_wording import slack_text

# Below Slack's ~12,000 cumulative characters, with room for the trailer and mrkdwn escapes.
MAX_MESSAGE_TEXT = 10_000
FALLBACK_CHARS = 300
CUT_NOTE = "(the full text is in the attached file)"

SHOW_CHART = "show_chart"
SHOW_DATA = "show_data"
SAVE_PERSONA = "save_persona"
RATE_UP = "rate_up"
RATE_DOWN = "rate_down"
ALERT_ACK = "alert_ack"
ALERT_SNOOZE = "alert_snooze"
ALERT_CHART = "alert_chart"
FEEDBACK = "answer_feedback"  # Slack's feedback buttons under a streamed answer
ANSWER_ACTIONS = (SHOW_CHART, SHOW_DATA, SAVE_PERSONA, RATE_UP, RATE_DOWN, FEEDBACK)
ALERT_ACTIONS = (ALERT_ACK, ALERT_SNOOZE, ALERT_CHART)

_TABLE_LINE = re.compile(r"\S {2,}\S|^ {2,}\S")
_FENCE = re.compile(r"```(?:[a-zA-Z0-9_-]*\n)?(.*?)```", re.S)


@dataclass(frozen=True)
class SlackMessage:
    text: str  # notification / screen-reader fallback
    blocks: list[Block]
    attachment: tuple[str, bytes] | None = None  # (filename, content) when the blocks were cut


def answer_message(answer: Answer, answer_id: str | None = None, *, lead: str | None = None) -> SlackMessage:
    """The blocks of an answer; `answer_id` adds the buttons (their value is the id), `lead`
    (mrkdwn, already escaped) goes first, e.g. who asked what."""
    from bot.render.text import answer_text

    text = slack_text(answer)
    body = (sections(lead) if lead else []) + reading_context(answer) + text_blocks(text)
    if answer.suggestions:
        body += sections("\n".join(f"• {escape(s)}" for s in answer.suggestions))
    trailer: list[Block] = []
    where = answer.context_line()
    mode = f"answered by {answer.model}" if answer.mode == "model" and answer.model else "answered offline"
    trailer.append(context(*([f"From `{escape(where)}`"] if where else []), mode))
    if answer.notes:
        notes = [f":information_source: {escape(n)}" for n in answer.notes]
        trailer.append(context(*notes[:MAX_CONTEXT_ELEMENTS]))
    if answer_id:
        trailer += reading_buttons(answer, answer_id)  # other readings, confirm a change
        trailer.append(answer_buttons(answer, answer_id))
    blocks, cut = fit_message(body, trailer)
    attachment = ("answer.txt", slack_text(answer, answer_text(answer)).encode("utf-8")) if cut else None
    return SlackMessage(escape(fallback(text)), blocks, attachment)


def answer_buttons(answer: Answer, answer_id: str) -> Block:
    buttons = result_buttons(answer, answer_id)
    buttons.append(button(":thumbsup:", RATE_UP, answer_id))
    buttons.append(button(":thumbsdown:", RATE_DOWN, answer_id))
    return actions(*buttons, block_id=f"answer:{answer_id}")


def result_buttons(answer: Answer, answer_id: str) -> list[dict[str, Any]]:
    """The buttons an answer's results call for: a chart, the data behind it, saving a persona;
    a posted answer and a streamed one (bot/render/assistant.py) offer the same."""
    results = answer.results
    buttons = []
    if any(chart_kind(r) for r in results):
        buttons.append(button("Show chart", SHOW_CHART, answer_id))
    if any(data_frame(r) is not None for r in results):
        buttons.append(button("Show the data", SHOW_DATA, answer_id))
    if any("persona" in c.name for c in answer.tool_calls if c.ok):
        buttons.append(save_persona_button(answer_id))
    return buttons


def save_persona_button(answer_id: str) -> dict[str, Any]:
    """Saving changes what journeybot keeps: Slack asks "Save this persona?" before the click."""
    save = button("Save persona", SAVE_PERSONA, answer_id)
    save["confirm"] = {
        "title": {"type": "plain_text", "text": "Save this persona?"},
        "text": {"type": "plain_text", "text": "It is kept and can then filter every analysis."},
        "confirm": {"type": "plain_text", "text": "Save"},
        "deny": {"type": "plain_text", "text": "No"},
    }
    return save


def text_message(text: str, *, note: str | None = None) -> SlackMessage:
    """A message the bot writes itself (confirmations, warnings, lists), already mrkdwn: it is
    not escaped, so anything interpolated from outside (names, questions) must be escaped by
    the caller with `escape`."""
    trailer = [context(note)] if note else []
    blocks, cut = fit_message(sections(text), trailer)
    flat = " ".join(text.split())
    short = flat if len(flat) <= FALLBACK_CHARS else flat[: FALLBACK_CHARS - 1] + "…"
    return SlackMessage(short, blocks, ("message.txt", text.encode("utf-8")) if cut else None)


def text_blocks(text: str) -> list[Block]:
    """Prose as mrkdwn sections; aligned tables and fenced code as code blocks."""
    out: list[Block] = []
    for kind, chunk in segments(text):
        if kind == "code":
            out += code_sections(escape(chunk))
        else:
            out += sections(to_mrkdwn(chunk))
    return out


def segments(text: str) -> list[tuple[str, str]]:
    """Split text into ("prose" | "code", chunk). Two or more consecutive lines with aligned
    columns (runs of spaces between values) are a table and keep their spacing."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _FENCE.finditer(text):
        out += _tables(text[pos:m.start()])
        if m.group(1).strip("\n"):
            out.append(("code", m.group(1).strip("\n")))
        pos = m.end()
    out += _tables(text[pos:])
    return out


def _tables(text: str) -> list[tuple[str, str]]:
    lines = text.split("\n")
    out: list[tuple[str, str]] = []
    prose: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].strip() and _TABLE_LINE.search(lines[j].rstrip()):
            j += 1
        if j - i >= 2:
            if "\n".join(prose).strip():
                out.append(("prose", "\n".join(prose).strip("\n")))
            prose = []
            out.append(("code", "\n".join(line.rstrip() for line in lines[i:j])))
            i = j
        else:
            prose.append(lines[i])
            i += 1
    if "\n".join(prose).strip():
        out.append(("prose", "\n".join(prose).strip("\n")))
    return out


def fit_message(body: list[Block], trailer: list[Block]) -> tuple[list[Block], bool]:
    """Body blocks then the trailer (provenance, notes, buttons), within the block count and
    the cumulative text budget; True when some of the body had to be left out."""
    budget_blocks = MAX_BLOCKS - len(trailer) - 1  # one for the "see the file" note
    budget_chars = MAX_MESSAGE_TEXT - sum(_chars(b) for b in trailer)
    kept: list[Block] = []
    used = 0
    for block in body:
        n = _chars(block)
        if len(kept) >= budget_blocks or used + n > budget_chars:
            return kept + [context(CUT_NOTE)] + trailer, True
        kept.append(block)
        used += n
    return kept + trailer, False


def escape(text: str) -> str:
    """Slack's three control characters; also disarms <!channel> and <@U…> in customer text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_mrkdwn(text: str) -> str:
    """Common Markdown from a language model to Slack mrkdwn, escaped."""
    text = escape(text)
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: f"*{m.group(1) or m.group(2)}*", text)
    text = re.sub(r"^#{1,6}\s+(.+?)\s*#*$", r"*\1*", text, flags=re.M)
    text = re.sub(r"^(\s*)[-*]\s+", r"\1• ", text, flags=re.M)
    # A link shows its address: customer text quoted in an answer can hold "[Confirm your
    # refund](https://evil.example)", which as <url|text> would be a disguised link.
    text = re.sub(r"\[([^\]\n]+)\]\((https?://[^\s)]+)\)", r"\1 (<\2>)", text)
    return text


def fallback(text: str) -> str:
    """The notification text: the opening prose (tables flattened into one line read badly)."""
    prose = [chunk for kind, chunk in segments(text) if kind == "prose"]
    flat = " ".join((prose[0] if prose else text).split())
    return flat if len(flat) <= FALLBACK_CHARS else flat[: FALLBACK_CHARS - 1] + "…"


def _chars(block: Block) -> int:
    return sum(len(v) for v in _texts(block))


def _texts(value: Any) -> list[str]:
    if isinstance(value, dict):
        out = []
        for k, v in value.items():
            if k == "text" and isinstance(v, str):
                out.append(v)
            else:
                out += _texts(v)
        return out
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []
