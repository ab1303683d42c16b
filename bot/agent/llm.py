"""The chat model: OpenAI through the official client, or any OpenAI-compatible server."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ModelChoice:
    model: Any | None  # a LangChain chat model, or None for the offline planner
    label: str  # "model gpt-4o-mini at http://..." or "offline planner"
    reason: str | None = None  # why there is no model, when one was configured


def make_chat_model(config: Any) -> ModelChoice:
    """Build the configured chat model; None (offline) when not configured or no key."""
    m = config.model
    if m.provider == "none":
        return ModelChoice(None, "offline planner")
    key = config.model_api_key()
    if not key and not m.base_url:
        return ModelChoice(
            None, "offline planner",
            f"[model] provider is 'openai' but {m.api_key_env} is not set; answering offline",
        )
    common: dict[str, Any] = dict(
        model=m.name,
        temperature=m.temperature,
        # One request never outlasts the budget of the whole answer (bot/agent/model_guard.py).
        timeout=min(m.timeout_seconds, config.answer_budget),
        max_retries=m.max_retries,  # the openai client retries with exponential backoff
        stream_usage=True,
    )
    if m.api_version:
        from langchain_openai import AzureChatOpenAI

        chat = AzureChatOpenAI(
            azure_endpoint=m.base_url, api_version=m.api_version, api_key=key, **common
        )
    else:
        from langchain_openai import ChatOpenAI

        # Local servers (Ollama, llama.cpp) accept any key; the client insists on one.
        chat = ChatOpenAI(base_url=m.base_url, api_key=key or "not-needed", **common)
    where = f" at {m.base_url}" if m.base_url else ""
    return ModelChoice(chat, f"model {m.name}{where}")


def reply_text(message: Any) -> str:
    """The text of a chat model's reply: the string, or its text blocks joined (other blocks,
    such as reasoning or tool calls, are not part of what the model wrote for the reader)."""
    content = getattr(message, "content", message)
    if isinstance(content, str):
        return content
    return "".join(c.get("text", "") for c in content if isinstance(c, dict) and c.get("type") == "text")
