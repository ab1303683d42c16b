"""Slack's AI-app surface as Block Kit and markdown: the greeting of an assistant thread, the
blocks under a streamed answer (where its numbers came from, notes, buttons, and Slack's own
feedback buttons), and answer text as the standard markdown that chat streaming takes.

Streamed text is `markdown_text`, standard markdown rather than Slack's mrkdwn, so nothing is
entity-escaped (a shop called "Crumb & Co." must not read "Crumb &amp; Co."); what could act in
Slack, `<!channel>` or `<@U…>` in a customer's words, gets a zero-width space after its `<` so
it shows as written and notifies nobody. Aligned tables and code go in fences, where nothing is
interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.answer import Answer
from bot.render.blocks import MAX_CONTEXT_ELEMENTS, Block, actions, context, sections
from bot.render.reading import reading_buttons, reading_context
from bot.render.slack import FEEDBACK, escape, result_buttons, segments
from bot.render.slack_wording import slack_text

FEEDBACK_GOOD = "good"
FEEDBACK_BAD = "bad"
# A fence opens with at most three spaces before it (CommonMark); four make an indented code
# line, which Slack shows as prose: taking it for a fence left the lines after it undisarmed.
_FENCE_LINE = re.compile(r"^ {0,3}```")
_SLACK_CONTROL = re.compile(r"<(?=[!@#])")  # <!channel>, <@U…>, <#C…>
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\(\s*([^)\s]+)[^)\n]*\)")  # [text](url "title"), ![image](url)


@dataclass(frozen=True)
class Greeting:
    text: str  # notification fallback
    blocks: list[Block]


def greeting(business: str, coverage: str) -> Greeting:
    """The first message of an assistant thread: what journeybot answers from, and how to ask."""
    text = (f":wave: Hi! I answer questions about {escape(business)}'s customers from your own data. "
            f"{escape(coverage)}")
    how = ("Ask in your own words, e.g. where people drop off, how a channel converts, what customers "
           "complain about. Pick a suggestion below to start.")
    return Greeting(f"Hi! I answer questions about {business}'s customers.", sections(text) + [context(how)])


def feedback_block(answer_id: str) -> Block:
    """Slack's feedback buttons (a `context_actions` block); each button's value names the
    answer, so a click is recorded against it like the thumbs of a classic answer."""
    def side(label: str, value: str, spoken: str) -> dict[str, object]:
        return {"text": {"type": "plain_text", "text": label}, "value": f"{value}:{answer_id}",
                "accessibility_label": spoken}

    return {"type": "context_actions", "block_id": f"feedback:{answer_id}"[:255], "elements": [{
        "type": "feedback_buttons", "action_id": FEEDBACK,
        "positive_button": side("Good answer", FEEDBACK_GOOD, "This answer helped"),
        "negative_button": side("Bad answer", FEEDBACK_BAD, "This answer did not help"),
    }]}


def parse_feedback(value: str) -> tuple[int, str] | None:
    """(+1 or -1, answer id) from a feedback button's value; None when it is not ours."""
    kind, _, answer_id = value.partition(":")
    if not answer_id or kind not in (FEEDBACK_GOOD, FEEDBACK_BAD):
        return None
    return (1 if kind == FEEDBACK_GOOD else -1), answer_id


def streamed_trailer(answer: Answer, answer_id: str, *, cut: bool = False) -> list[Block]:
    """The blocks chat.stopStream puts under a streamed answer: sources, notes, the buttons
    that fit the answer (chart, data, save persona), other readings or a change to confirm,
    and Slack's feedback buttons."""
    blocks: list[Block] = reading_context(answer)  # a model's answer: how its tools read the question
    if cut:
        blocks.append(context("(the full text is in the attached file)"))
    where = answer.context_line()
    mode = f"answered by {answer.model}" if answer.mode == "model" and answer.model else "answered offline"
    blocks.append(context(*([f"From `{escape(where)}`"] if where else []), mode))
    if answer.notes:
        blocks.append(context(*[f":information_source: {escape(n)}" for n in answer.notes][:MAX_CONTEXT_ELEMENTS]))
    buttons = result_buttons(answer, answer_id)
    if buttons:
        blocks.append(actions(*buttons, block_id=f"answer:{answer_id}"))
    blocks += reading_buttons(answer, answer_id)  # other readings; Confirm / Cancel a change
    blocks.append(feedback_block(answer_id))
    return blocks


def answer_markdown(answer: Answer) -> str:
    """An answer's whole text (offline answers arrive whole) as markdown for chat streaming,
    with its suggestions as a list."""
    parts = []
    for kind, chunk in segments(slack_text(answer)):
        parts.append(f"```\n{chunk}\n```" if kind == "code" else disarm(chunk))
    if answer.suggestions:
        parts.append("\n".join(f"- {disarm(s)}" for s in answer.suggestions))
    return "\n\n".join(parts)


class MarkdownLines:
    """Model text, line by line as it streams, made safe for `markdown_text`: prose disarmed,
    fenced code passed as written (the fence state carries across lines)."""

    def __init__(self) -> None:
        self.in_code = False

    def convert(self, lines: str) -> str:
        return "".join(self._line(line) for line in _keep_ends(lines))

    def _line(self, line: str) -> str:
        if _FENCE_LINE.match(line):
            self.in_code = not self.in_code
            return line
        return line if self.in_code else disarm(line)


def disarm(text: str) -> str:
    """Markdown text that cannot mention, broadcast or link a channel in Slack, nor hide a link's
    address behind other words (a quoted review's "[Confirm your refund](https://evil.example)"
    shows as "Confirm your refund (https://evil.example)")."""
    return _MD_LINK.sub(r"\1 (\2)", _SLACK_CONTROL.sub("<\u200b", text))


def _keep_ends(text: str) -> Iterator[str]:
    yield from text.splitlines(keepends=True)
