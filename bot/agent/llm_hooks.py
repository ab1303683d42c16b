"""The chat model lent to the domain tools: a sentiment classifier and a theme labeler.

tools/ never imports a model SDK; it takes plain callables (`tools.feedback.scoring.Classifier`,
`tools.feedback.theme_result.Labeler`). These build them over the configured chat model, or return None
offline so the tools use their local defaults. Customer text goes to the model fenced as data
and only a narrow, validated shape comes back (numbers in [-1, 1], a short label without
digits), so a text that tries to give orders can at worst get a wrong score.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from bot.agent.llm import reply_text
from bot.agent.patterns import rx

BATCH = 40  # texts per classifier call: few calls, replies short enough to stay well-formed
_MAX_TEXT = 1_000  # characters of each text sent to the model


def chat_model(config: Any) -> Any | None:
    from bot.agent.llm import make_chat_model

    return make_chat_model(config).model


def sentiment_classifier(config: Any, model: Any | None = None) -> Callable[[list[str]], list[float]] | None:
    """Sentiment from the chat model when `[feedback] sentiment` allows it, else None."""
    if config.feedback.sentiment == "offline":
        return None
    model = model if model is not None else chat_model(config)
    return None if model is None else model_classifier(model)


def model_classifier(model: Any) -> Callable[[list[str]], list[float]]:
    from bot.prompts import load_prompt

    def classify(texts: list[str]) -> list[float]:
        scores: list[float] = []
        for start in range(0, len(texts), BATCH):
            batch = [t[:_MAX_TEXT] for t in texts[start:start + BATCH]]
            prompt = load_prompt("sentiment_classifier", texts=json.dumps(batch, ensure_ascii=False, indent=1))
            scores += _scores(reply_text(model.invoke(prompt)), len(batch))
        return scores

    return classify


def _scores(reply: str, expected: int) -> list[float]:
    match = rx.search(r"\[.*\]", reply, re.S)
    try:
        values = json.loads(match.group(0)) if match else None
    except json.JSONDecodeError:
        values = None
    if not isinstance(values, list) or len(values) != expected:
        raise ValueError(f"the model's sentiment reply is not a list of {expected} numbers")
    try:
        return [min(1.0, max(-1.0, float(v))) for v in values]
    except (TypeError, ValueError):
        raise ValueError("the model's sentiment reply has a value that is not a number") from None


def theme_labeler(config: Any, model: Any | None = None) -> Callable[[list[str], list[str]], str] | None:
    model = model if model is not None else chat_model(config)
    return None if model is None else model_labeler(model)


def model_labeler(model: Any) -> Callable[[list[str], list[str]], str]:
    from bot.prompts import load_prompt

    def label(terms: list[str], quotes: list[str]) -> str:
        prompt = load_prompt(
            "theme_labeler", terms=", ".join(terms),
            quotes=json.dumps([q[:400] for q in quotes[:5]], ensure_ascii=False, indent=1))
        return clean_label(reply_text(model.invoke(prompt)))

    return label


def clean_label(text: str) -> str:
    """A short label or "" (the tool then keeps its top-terms label): one line, no digits,
    at most six words, nothing that looks like markup."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    line = rx.sub(r"[\"'`*_<>#\[\]{}]", "", line).strip(" .:;,-")
    words = line.split()
    if not words or len(words) > 6 or rx.search(r"\d", line):
        return ""
    return " ".join(words).lower()
