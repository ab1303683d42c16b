"""How a reading, its alternatives and a change waiting for a yes are shown.

Slack: the other readings are buttons under the answer ("Did you mean …"); a change (an alert
rule, a saved persona) gets a Confirm button with Slack's own "are you sure?" dialog, and a
Cancel. A button's value carries the answer id, the tool and its arguments as JSON, so the
press runs exactly the reading shown (bot/slack/actions.py). The terminal shows the same as
numbered suggestions and a prompt (bot/cli/agent_cmd.py).
"""

from __future__ import annotations

import json
from typing import Any

from bot.answer import Alternative, Answer, PendingAction
from bot.render.blocks import Block, actions, button, context

PICK_READING = ("pick_reading_0", "pick_reading_1", "pick_reading_2")  # one per button: ids are unique per block
CONFIRM_CHANGE = "confirm_change"
CANCEL_CHANGE = "cancel_change"
READING_ACTIONS = (*PICK_READING, CONFIRM_CHANGE, CANCEL_CHANGE)
MAX_VALUE = 2000  # Slack's limit on a button value


def encode(answer_id: str, tool: str, args: dict[str, Any]) -> str | None:
    """A button value: the answer it belongs to and the call to make; None when too long."""
    value = json.dumps({"a": answer_id, "t": tool, "x": args}, separators=(",", ":"), default=str)
    return value if len(value) <= MAX_VALUE else None


def decode(value: str) -> tuple[str, str, dict[str, Any]] | None:
    try:
        data = json.loads(value)
        return str(data["a"]), str(data["t"]), dict(data["x"])
    except (ValueError, KeyError, TypeError):
        return None


def reading_context(answer: Answer) -> list[Block]:
    """The reading as a first line, for answers whose text does not start with it (a model's)."""
    if not answer.understood or answer.text.startswith((answer.understood, "I read this as")):
        return []
    return [context(f"Read as: {_escape(answer.understood)}")]


def reading_buttons(answer: Answer, answer_id: str) -> list[Block]:
    """Buttons for the other readings and for confirming a change; empty when there are none."""
    out: list[Block] = []
    if answer.alternatives:
        picks = [b for i, alt in enumerate(answer.alternatives[:len(PICK_READING)])
                 if (b := _pick(alt, answer_id, i)) is not None]
        if picks:
            out += [context("Did you mean one of these?"), actions(*picks, block_id=f"readings:{answer_id}")]
    if answer.pending is not None:
        confirm = _confirm(answer.pending, answer_id)
        if confirm is not None:
            out.append(actions(confirm, button("Cancel", CANCEL_CHANGE, answer_id),
                               block_id=f"confirm:{answer_id}"))
    return out


def _pick(alt: Alternative, answer_id: str, i: int) -> dict[str, Any] | None:
    value = encode(answer_id, alt.tool, alt.args)
    return button(alt.label, PICK_READING[i], value) if value else None


def _confirm(pending: PendingAction, answer_id: str) -> dict[str, Any] | None:
    value = encode(answer_id, pending.tool, pending.args)
    if value is None:
        return None
    b = button("Confirm", CONFIRM_CHANGE, value, style="primary")
    b["confirm"] = {  # Slack's own "are you sure?" dialog before the click is sent
        "title": {"type": "plain_text", "text": "Make this change?"},
        "text": {"type": "plain_text", "text": pending.summary[:300]},
        "confirm": {"type": "plain_text", "text": "Yes, do it"},
        "deny": {"type": "plain_text", "text": "No"},
    }
    return b


def reading_lines(answer: Answer, *, command: str = 'journeybot ask "{question}"') -> list[str]:
    """The same for the terminal: numbered other readings, each as a question to ask."""
    if not answer.alternatives:
        return []
    lines = ["", "Other readings:"]
    for i, alt in enumerate(answer.alternatives, 1):
        lines.append(f"  {i}. {alt.label}")
        lines.append("     " + command.format(question=alt.question.replace('"', "'")))
    return lines


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
