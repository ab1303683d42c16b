"""The agent: a LangChain tool-calling loop when a model is configured, the offline planner
when not, and the planner again (saying so) when the model fails.

Conversation memory is keyed by conversation (a Slack thread, a terminal session) and
persisted in <data folder>/memory.sqlite, or in PostgreSQL with `[state] url` (bot/memory.py),
so follow-ups work after a restart and on another instance.
"""

from __future__ import annotations

import contextvars
import logging
import threading
import time
from pathlib import Path
from typing import Any

from bot.agent.answer_notes import data_notes
from bot.agent.catalog import all_tools
from bot.agent.confirm import hold_for_confirmation, understood_calls
from bot.agent.llm import make_chat_model, reply_text
from bot.agent.model_guard import (
    ModelGaveUp,
    fallback_errors,
    fallback_reason,
    make_watch,
    run_within,
)
from bot.agent.patterns import lazy, rx
from bot.agent.persona_writer import persona_writer
from bot.agent.planner import OfflinePlanner
from bot.agent.schemas import compact_schema, tool_description
from bot.agent.streaming import run_graph
from bot.agent.toolbox import (
    MORE_TOOLS,
    Shortlist,
    more_tools_tool,
    shortlist,
    shortlist_middleware,
)
from bot.agent.tools import (
    ToolContext,
    ToolSpec,
    collecting_notes,
    render_for_model,
    reporting_to,
    run_tool,
)
from bot.answer import Answer, AnswerEvents, PendingAction, ToolCallRecord
from bot.prompts import load_prompt
from bot.sources import stale_notes
from tools.core.pii import redact
from tools.core.stages import STAGES

log = logging.getLogger(__name__)

_calls: contextvars.ContextVar[list[ToolCallRecord] | None] = contextvars.ContextVar(
    "journeybot_tool_calls", default=None
)
# Changes the model asked for in this answer, held until the person confirms (bot/agent/confirm.py).
_pending: contextvars.ContextVar[list[PendingAction] | None] = contextvars.ContextVar(
    "journeybot_pending", default=None
)

class JourneyAgent:
    def __init__(
        self,
        ctx: ToolContext,
        *,
        chat_model: Any | None = None,
        model_label: str = "offline planner",
        memory_path: Path | str | None = None,  # a SQLite file or a database URL
        tools: list[ToolSpec] | None = None,
        max_tool_steps: int = 8,
        offline_reason: str | None = None,
        tool_shortlist: int = 5,
        answer_budget: float = 120.0,
    ):
        self.ctx = ctx
        self.chat_model = chat_model
        self.model_label = model_label
        self.tools = tools if tools is not None else all_tools()
        self.max_tool_steps = max_tool_steps
        self.tool_shortlist = tool_shortlist  # 0: every tool's schema with every model call
        self.offline_reason = offline_reason
        self.answer_budget = answer_budget  # seconds for the whole model path (model_guard.py)
        self.memory_path = memory_path
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        # LangGraph's checkpointer (the model path's memory) is made on first use: the
        # offline planner keeps its own memory, and LangGraph with LangChain is about 40 MB
        # and a second of imports a server answering offline never needs.
        self._saver: Any = None
        self.planner = OfflinePlanner(ctx, self.tools, memory_path=memory_path)
        if chat_model is not None:  # persona cards get their words from the model (prompts/persona.md)
            business = getattr(getattr(ctx.config, "business", None), "name", "the business")
            ctx.services.setdefault("persona_writer", persona_writer(chat_model, business))

    @classmethod
    def from_config(cls, config: Any, store: Any | None = None) -> JourneyAgent:
        choice = make_chat_model(config)
        ctx = ToolContext(store=store if store is not None else config.open_store(), config=config)
        config.home_path.mkdir(parents=True, exist_ok=True)
        return cls(
            ctx,
            chat_model=choice.model,
            model_label=choice.label,
            memory_path=config.memory_url,
            max_tool_steps=config.model.max_tool_steps,
            offline_reason=choice.reason,
            tool_shortlist=config.model.tool_shortlist,
            answer_budget=config.answer_budget,
        )

    @property
    def mode(self) -> str:
        return "model" if self.chat_model is not None else "offline"

    # -- memory -------------------------------------------------------------------------
    def _make_checkpointer(self, where: Path | str | None) -> Any:
        from bot.memory import make_checkpointer

        return make_checkpointer(where)

    @property
    def _checkpointer(self) -> Any:
        with self._locks_guard:
            if self._saver is None:
                self._saver = self._make_checkpointer(self.memory_path)
            return self._saver

    def _conversation_lock(self, key: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(key, threading.Lock())

    def reset(self, conversation_key: str) -> None:
        """Forget one conversation (the terminal's /reset)."""
        deleter = getattr(self._checkpointer, "delete_thread", None)
        if deleter:
            deleter(conversation_key)
        self.planner.reset(conversation_key)

    def close(self) -> None:
        """Let go of the memory file (erasure compacts it; tests open many agents)."""
        conn = getattr(self._saver, "conn", None)  # never made: nothing to let go of
        if conn is not None:
            conn.close()

    # -- answering ----------------------------------------------------------------------
    def answer(self, question: str, conversation_key: str = "default", *, context: str | None = None,
               events: AnswerEvents | None = None) -> Answer:
        """`events` hears about tools starting and the reply text as it streams (bot/answer.py)."""
        with reporting_to(events), collecting_notes() as notes:
            # Contact, payment and place details never reach the model, the memory or the logs.
            answer = self._answer(redact(question.strip()) or "", conversation_key, context, events)
        # Notes the tools insist on (how much feedback is indexed), unless the text says them.
        answer.notes.extend(n for n in notes if n not in answer.text and n not in answer.notes)
        # Every answer says when the data behind it is older than its sources promise.
        answer.notes.extend(stale_notes(self.ctx.config))
        answer.notes.extend(data_notes(self.ctx.store, answer))
        return answer

    def _answer(self, question: str, conversation_key: str, context: str | None,
                events: AnswerEvents | None) -> Answer:
        if not question:
            return Answer("Ask me something about your customers, e.g. “where do we lose people?”",
                          "offline", suggestions=self.planner.suggestions())
        if self.chat_model is None:
            answer = self.planner.answer(question, conversation_key, context=context)
            if self.offline_reason:
                answer.notes.insert(0, self.offline_reason)
            return answer
        watch = make_watch(time.monotonic() + self.answer_budget, self._known_tools())
        try:
            return self._answer_with_model(question, conversation_key, context, events, watch)
        except fallback_errors() as exc:
            reason = fallback_reason(exc)
            log.warning("model failed (%s: %s); the offline planner answers", type(exc).__name__, reason)
            answer = self.planner.answer(question, conversation_key, context=context)
            answer.notes.insert(0, f"The language model did not answer ({reason}), so the offline planner answered.")
            answer.tool_calls.extend(watch.unknown)  # what the model asked for and does not exist
            return answer

    def _known_tools(self) -> set[str]:
        """Tool names the model may call: every tool, and the shortlist's `more_tools`."""
        return {t.name for t in self.tools} | {MORE_TOOLS}

    def confirm(self, pending: PendingAction, conversation_key: str = "default") -> Answer:
        """Make a change the person confirmed (a Slack button, a terminal prompt, --yes)."""
        return self.planner.confirm(pending, conversation_key)

    def choose_reading(self, tool: str, args: dict[str, Any], conversation_key: str = "default",
                       question: str = "") -> Answer:
        """Answer with a reading the person picked from the alternatives."""
        return self.planner.run_reading(tool, args, conversation_key, question)

    def _system_prompt(self) -> str:
        store = self.ctx.store
        counts = store.counts()
        rng = store.date_range()
        coverage = ", ".join(f"{t} {n:,}" for t, n in counts.items())
        if rng:
            coverage += f"; from {rng[0]} to {rng[1]}"
        cfg = self.ctx.config
        return load_prompt(
            "system",
            business_name=getattr(getattr(cfg, "business", None), "name", "the business"),
            coverage=coverage,
            as_of=rng[1] if rng else "unknown (no data yet)",
            timezone=store.timezone,
            stages=", ".join(STAGES),
            answer_style=load_prompt("answer_style"),
        )

    def _langchain_tools(self, ctx: ToolContext, offer: Shortlist) -> list[Any]:
        """Every tool, runnable; which schemas each model call carries is the shortlist
        middleware's choice (bot/agent/toolbox.py)."""
        from langchain_core.tools import StructuredTool

        out = []
        for spec in self.tools:
            def run(_spec: ToolSpec = spec, **kwargs: Any) -> str:
                if _spec.changes_state:  # never run on the model's word alone: the person confirms
                    return hold_for_confirmation(_spec, ctx, kwargs, _pending.get())
                record = run_tool(_spec, ctx, kwargs)
                calls = _calls.get()
                if calls is not None:
                    calls.append(record)
                return render_for_model(record)

            out.append(StructuredTool.from_function(
                func=run,
                name=spec.name,
                description=tool_description(spec),
                # A compact JSON schema, not the model class: validation against the full
                # params model happens in run_tool so that a wrong argument is recorded and
                # explained the same way for every caller.
                args_schema=compact_schema(spec.params),
            ))
        return out + ([more_tools_tool(offer.others)] if offer.others else [])

    def shortlist(self, question: str, key: str = "default") -> Shortlist:
        """The tools whose schemas go with the first model call for this question."""
        return shortlist(self.planner.rank(question, key), [t.name for t in self.tools], size=self.tool_shortlist)

    def _answer_with_model(self, question: str, key: str, context: str | None,
                           events: AnswerEvents | None = None, watch: Any = None) -> Answer:
        from langchain.agents import create_agent
        from langchain.agents.middleware import ModelCallLimitMiddleware, ToolCallLimitMiddleware
        from langchain_core.messages import AIMessage, HumanMessage

        offer = self.shortlist(question, key)
        graph = create_agent(
            self.chat_model,
            self._langchain_tools(self.ctx.for_conversation(key), offer),
            system_prompt=self._system_prompt(),
            checkpointer=self._checkpointer,
            middleware=[
                shortlist_middleware(offer),
                ToolCallLimitMiddleware(run_limit=self.max_tool_steps),
                ModelCallLimitMiddleware(run_limit=self.max_tool_steps + 2),
            ],
        )
        content = question if not context else f"{question}\n\n(Context of this thread: {context})"
        records: list[ToolCallRecord] = []
        if watch is None:
            watch = make_watch(time.monotonic() + self.answer_budget, self._known_tools())
        held: list[PendingAction] = []

        def invoke() -> Any:
            token = _calls.set(records)
            held_token = _pending.set(held)
            try:
                # Two messages in one thread must not interleave; a model path abandoned at the
                # deadline may still hold the lock until its last request times out.
                lock = self._conversation_lock(key)
                if not lock.acquire(timeout=self.answer_budget):
                    raise ModelGaveUp("the model is still busy with the previous question in this conversation")
                try:
                    return run_graph(
                        graph, {"messages": [HumanMessage(content)]},
                        {"configurable": {"thread_id": key}, "callbacks": [watch],
                         "recursion_limit": 4 * self.max_tool_steps + 10},
                        events,
                    )
                finally:
                    lock.release()
            finally:
                _calls.reset(token)
                _pending.reset(held_token)

        state = run_within(invoke, self.answer_budget, watch)
        messages = state["messages"]
        start = max(i for i, m in enumerate(messages) if isinstance(m, HumanMessage))
        new_ai = [m for m in messages[start:] if isinstance(m, AIMessage)]
        log.info("answer for %s: %s model calls, first offered %s", key, len(new_ai), ", ".join(offer.offered))
        final = new_ai[-1] if new_ai else None
        text = reply_text(final) if final is not None else ""
        tokens = _usage(new_ai)
        records += watch.unknown
        log.info("answer for %s used %s tokens (%s tool calls)", key, tokens or "unknown", len(records))
        notes = []
        if not text.strip() or final is None or getattr(final, "tool_calls", None):
            why = "the model stopped without an answer"
            if any(r.unknown for r in records):
                why += " after asking for tools journeybot does not have"
            elif any((r.error or "").endswith("not JSON") for r in records):
                why = "the model sent a tool call whose arguments are not JSON"
            raise ModelGaveUp(why)
        unsupported = unsupported_numbers(text, [render_for_model(r) for r in records] + [question])
        if unsupported:
            log.warning("numbers not found in tool results: %s", unsupported)
            notes.append("Some figures could not be traced to a tool result: " + ", ".join(unsupported[:5]))
        return Answer(text, "model", records, notes, tokens=tokens, model=self.model_label,
                      understood=understood_calls(records), pending=held[-1] if held else None)




def _usage(messages: list[Any]) -> dict[str, int]:
    total: dict[str, int] = {}
    for m in messages:
        usage = getattr(m, "usage_metadata", None) or {}
        for k in ("input_tokens", "output_tokens", "total_tokens"):
            if usage.get(k) is not None:
                total[k] = total.get(k, 0) + int(usage[k])
    return total


_NUMBER = lazy(r"(?<![\w.])[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def _norm_number(token: str) -> str:
    value = float(token.replace(",", ""))
    return f"{value:.1f}"


def unsupported_numbers(answer: str, sources: list[str]) -> list[str]:
    """Numbers in the answer that appear in no tool output (nor the question). Small counts,
    years and dates are ignored: "the top 3" is not a claim."""
    seen: set[str] = set()
    for text in sources:
        for tok in _NUMBER.findall(text):
            seen.add(_norm_number(tok))
            # 12.5% may be written 12.50 or 13 in prose; keep rounded forms too
            seen.add(f"{round(float(tok.replace(',', ''))):.1f}")
    out = []
    for tok in _NUMBER.findall(rx.sub(r"\d{4}-\d{2}-\d{2}", " ", answer)):
        value = float(tok.replace(",", ""))
        if abs(value) <= 10 or 1990 <= value <= 2100:
            continue
        if _norm_number(tok) not in seen and f"{round(value):.1f}" not in seen:
            out.append(tok)
    return out
