"""Which tools the model sees for one question: a shortlist, and a way to ask for more.

Sending every tool's schema with every model call made each step about 17k prompt tokens
(docs/BENCHMARKS.md, "Model calls"): slow and costly on OpenAI, and more than the default
context of small local models. The offline planner already ranks the tools for a question
(TF-IDF over example phrasings, keywords and the slots it reads), so the model is offered:

- the planner's best `size` candidates (the tool a follow-up continues comes first),
- `describe_data`, which says what the data can answer,
- `more_tools`, whose description names every other tool; calling it with names adds those
  tools' schemas to the next model call.

Every tool stays runnable whatever was offered: the shortlist only decides which schemas go
over the wire (`ShortlistMiddleware`). A `size` of 0 offers everything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

MORE_TOOLS = "more_tools"
ALWAYS = ("describe_data",)
# Beyond the first MIN_CANDIDATES, a candidate is offered only while its score is at least
# this share of the best one: a clear question gets three tools, a vague one up to `size`.
# On the question bank this offers 3.6 tools on average and holds the expected tool 338 times
# in 346, against 339 for a flat five (docs/BENCHMARKS.md, "Model calls").
MIN_CANDIDATES = 3
CLOSE_SCORE = 0.4


@dataclass(frozen=True)
class Shortlist:
    offered: list[str]  # tool names whose schemas go with the first model call, best first
    others: list[str]  # the rest, named in more_tools' description
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def everything(self) -> bool:
        return not self.others


def shortlist(ranked: Sequence[tuple[str, float]], names: Sequence[str], *, size: int) -> Shortlist:
    """The planner's best candidates (at most `size`) plus describe_data; `names` is every tool
    the agent has, in catalogue order (tools the planner cannot rank, such as alert-rule
    changes, are reachable only through more_tools)."""
    scores = {name: score for name, score in ranked}
    if size <= 0:
        return Shortlist(list(names), [], scores)
    known = set(names)
    candidates = [(name, score) for name, score in ranked if name in known][:size]
    best = candidates[0][1] if candidates else 0.0
    top = [name for i, (name, score) in enumerate(candidates)
           if i < MIN_CANDIDATES or score >= CLOSE_SCORE * best]
    offered = top + [n for n in ALWAYS if n in known and n not in top]
    return Shortlist(offered, [n for n in names if n not in offered], scores)


class MoreToolsParams(BaseModel):
    names: list[str] = Field(default_factory=list, max_length=8,
                             description="Tools to enable, chosen from the names listed above.")


def more_tools_description(others: Sequence[str]) -> str:
    return ("Your other tools, not enabled for this question: " + ", ".join(others) + ". If none of the "
            "enabled tools fits, call this with the names you need; their arguments arrive with your next turn.")


def more_tools_reply(names: Sequence[str], others: Sequence[str]) -> str:
    """What the model reads back from more_tools."""
    known = [n for n in names if n in others]
    unknown = [n for n in names if n not in others]
    parts = []
    if known:
        parts.append("Enabled: " + ", ".join(known) + ". Call them now.")
    if unknown:
        parts.append("Not tools I have (or already enabled): " + ", ".join(unknown) + ".")
    if not names:
        parts.append("Name the tools to enable, from: " + ", ".join(others) + ".")
    return " ".join(parts)


def more_tools_tool(others: Sequence[str]) -> Any:
    """The escape hatch as a LangChain tool. It changes nothing itself: the middleware reads
    its calls from the conversation and widens the next request."""
    from langchain_core.tools import StructuredTool

    def run(names: list[str] | None = None) -> str:
        return more_tools_reply(names or [], others)

    return StructuredTool.from_function(
        func=run, name=MORE_TOOLS, description=more_tools_description(others),
        args_schema={"type": "object", "properties": {"names": {
            "type": "array", "items": {"type": "string", "enum": list(others)}, "maxItems": 8,
            "description": "Tools to enable."}}, "required": ["names"]},
    )


def enabled_names(list_: Shortlist, messages: Sequence[Any]) -> set[str]:
    """The offered tools plus those the model asked for (or called) since the question."""
    enabled = set(list_.offered) | ({MORE_TOOLS} if list_.others else set())
    start = max((i for i, m in enumerate(messages) if getattr(m, "type", "") == "human"), default=0)
    for message in messages[start:]:
        for call in getattr(message, "tool_calls", None) or []:
            if call.get("name") == MORE_TOOLS:
                enabled |= {n for n in (call.get("args") or {}).get("names") or [] if n in list_.others}
            elif call.get("name") in list_.others:  # called straight from the list: keep its schema
                enabled.add(call["name"])
    return enabled


def shortlist_middleware(list_: Shortlist, on_request: Callable[[list[str]], None] | None = None) -> Any:
    """A LangChain agent middleware that sends only the enabled tools' schemas with each model
    call; `on_request` hears which tools each call offered (tests, logs)."""
    from langchain.agents.middleware import AgentMiddleware

    class ShortlistMiddleware(AgentMiddleware):
        def wrap_model_call(self, request: Any, handler: Callable[[Any], Any]) -> Any:
            if list_.everything:
                return handler(request)
            enabled = enabled_names(list_, request.messages)
            tools = [t for t in request.tools if getattr(t, "name", None) in enabled]
            if on_request is not None:
                on_request([t.name for t in tools])
            return handler(request.override(tools=tools))

    return ShortlistMiddleware()
