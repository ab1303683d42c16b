"""A scripted chat model behind LangChain's real interface.

LangChain's GenericFakeChatModel lacks bind_tools; this one has it (returning itself) and
records every list of messages it was called with, so tests can see what the model saw.
"""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatResult


class ScriptedChatModel(GenericFakeChatModel):
    seen: list[list[BaseMessage]] = []

    def bind_tools(self, tools: Any, **kwargs: Any) -> ScriptedChatModel:  # type: ignore[override]
        return self

    def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        self.seen.append(list(messages))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def call(name: str, args: dict[str, Any] | None = None, call_id: str = "call_1") -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": name, "args": args or {}, "id": call_id}])


def say(text: str) -> AIMessage:
    return AIMessage(content=text, usage_metadata={"input_tokens": 50, "output_tokens": 20, "total_tokens": 70})


def scripted(*messages: AIMessage) -> ScriptedChatModel:
    model = ScriptedChatModel(messages=iter(messages))
    model.seen = []
    return model
