"""An answer's text as Slack should say it. The tools write for the terminal, where a long list
ends "(all of them with --json)"; a command-line flag means nothing in Slack, where the whole
list is the "Show the data" button's CSV when the answer has one, and nowhere otherwise."""

from __future__ import annotations

import re

from bot.answer import Answer
from bot.render.chart_data import data_frame

# "(all of them with --json)", "(all with --json)", "(lowest first; all of them with --json)"
_HINT = re.compile(r"(?P<lead> ?)(?P<sep>; |\()all(?: of them)? with --json\)")
SHOW_DATA_HINT = "all of them under “Show the data”"


def slack_text(answer: Answer, text: str | None = None) -> str:
    """`text` (the answer's own by default) with the terminal's pointer to every row said the
    Slack way: the data button when the answer offers one (its CSV holds every row), else no
    pointer at all."""
    text = answer.text if text is None else text
    if "--json" not in text:
        return text
    offered = any(data_frame(r) is not None for r in answer.results)

    def said(m: re.Match[str]) -> str:
        if offered:
            return f"{m['lead']}{m['sep']}{SHOW_DATA_HINT})"
        return ")" if m["sep"] == "; " else ""  # "(lowest first)" keeps its order; a bare pointer goes

    return _HINT.sub(said, text)
