"""The model-backed persona card writer: the agent lends it to tools.personas draft and edit (through
`ctx.services["persona_writer"]`) when a chat model is configured."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from typing import Any

from bot.agent.llm import reply_text
from bot.agent.patterns import lazy
from bot.agent.tools import fence
from bot.prompts import load_prompt

log = logging.getLogger(__name__)

_FENCE = lazy(r"^```(?:json)?\s*|\s*```$", re.M)


def persona_writer(chat_model: Any, business_name: str = "the business") -> Callable[[dict[str, Any], list[str]], dict[str, Any]]:
    """A writer for tools.personas (draft, edit): facts and quotes in, the card's words out (checked in words.py)."""

    def write(facts: dict[str, Any], quotes: list[str]) -> dict[str, Any]:
        from langchain_core.messages import HumanMessage

        prompt = load_prompt(
            "persona", business_name=business_name,
            facts="\n".join(f"- {k.replace('_', ' ')}: {v}" for k, v in facts.items()),
            quotes="\n".join(fence(q) for q in quotes) or "(none)",
        )
        reply = chat_model.invoke([HumanMessage(prompt)])
        content = reply_text(reply)
        try:
            return json.loads(_FENCE.sub("", content.strip()))
        except json.JSONDecodeError:
            log.warning("persona writer: the model's answer was not JSON; template words used")
            return {}

    return write
