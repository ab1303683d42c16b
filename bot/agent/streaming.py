"""Running the agent's graph so the reply text reaches the reader as the model writes it.

With someone to tell (`AnswerEvents`), the graph runs in LangGraph's "messages" stream mode:
the chat model streams (the openai client's server-sent events, `stream_usage` keeps the
token counts) and each text delta of the model node goes to `events.text` as it arrives; the
"values" mode alongside gives the final state, the same one `invoke` returns. Without anyone
to tell it is a plain `invoke`.

Tool-calling steps of OpenAI-style models carry no text, so what streams is the final answer.
A model that writes a sentence before calling a tool has that sentence streamed too; the
Answer's text is still only the final reply.
"""

from __future__ import annotations

from typing import Any

from bot.answer import AnswerEvents


def run_graph(graph: Any, inputs: dict[str, Any], config: dict[str, Any],
              events: AnswerEvents | None) -> dict[str, Any]:
    if events is None or type(events).text is AnswerEvents.text:  # nobody shows text as it comes
        return graph.invoke(inputs, config=config)
    state: dict[str, Any] = {}
    for mode, payload in graph.stream(inputs, config=config, stream_mode=["messages", "values"]):
        if mode == "values":
            state = payload
            continue
        chunk, meta = payload
        if meta.get("langgraph_node") != "model" or getattr(chunk, "type", "") != "AIMessageChunk":
            continue
        delta = text_of(chunk)
        if delta:
            events.text(delta)
    return state


def text_of(chunk: Any) -> str:
    """The text of a streamed message chunk (a string, or text blocks)."""
    content = getattr(chunk, "content", "")
    if isinstance(content, str):
        return content
    return "".join(c.get("text", "") for c in content if isinstance(c, dict) and c.get("type") == "text")
