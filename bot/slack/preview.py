"""What an answer looks like in Slack, without Slack: for `journeybot demo`."""

from __future__ import annotations

import html
from collections import Counter
from typing import Any

from bot.render.chart_data import chart_for
from bot.render.slack import answer_message


def preview(agent: Any, question: str) -> str:
    """Answer offline and describe the Block Kit message the Slack app would post."""
    answer = agent.answer(question, "demo-slack-preview")
    message = answer_message(answer, "demo")
    kinds = Counter("code" if b["type"] == "section" and b["text"]["text"].startswith("```") else b["type"]
                    for b in message.blocks)
    buttons = [e["text"]["text"] for b in message.blocks if b["type"] == "actions" for e in b["elements"]]
    chars = sum(len(b["text"]["text"]) for b in message.blocks if b["type"] == "section")
    first = next((b["text"]["text"] for b in message.blocks if b["type"] == "section"), "")
    lines = [
        f'@journeybot {question}',
        f"-> {len(message.blocks)} blocks ({', '.join(f'{n} {k}' for k, n in kinds.items())}), "
        f"{chars:,} characters of text (Slack allows 50 blocks, 3,000 characters a section, "
        "about 12,000 a message)",
        f"   buttons: {', '.join(buttons)}",
        f"   context: {answer.context_line() or '-'}",
    ]
    chart = next((c for c in (chart_for(r) for r in answer.results) if c is not None), None)
    if chart:
        lines.append(f'   "Show chart" uploads {chart.filename} ({len(chart.png) / 1024:.0f} kB) into the thread')
    if message.attachment:
        lines.append(f"   too long for one message: the whole answer is attached as {message.attachment[0]}")
    # Block Kit text is escaped for Slack (&gt;); shown here as Slack displays it.
    shown = html.unescape(first.strip("`\n"))
    lines += ["", "First section, as Slack shows it:", *("   " + line for line in shown.splitlines()[:6])]
    return "\n".join(lines)
