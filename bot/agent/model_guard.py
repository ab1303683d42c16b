"""Every way the model path can fail ends in an offline answer that says why, in time.

A model server can be down, answer 5xx, send a body that is not JSON, hang, or a model can keep
calling tools without ever answering, ask for tools journeybot does not have, or stop with
nothing to say. The agent runs the model path through `run_within` (a hard deadline: the
answer budget, below the Slack answer timeout) and turns whatever comes out of it with
`fallback_reason` into the note of an offline answer.

The deadline is enforced from outside: the model path runs in a worker thread and the caller
stops waiting when the budget is spent. The worker is told to stop (`make_watch`, a LangChain
callback that raises at its next model or tool call); an HTTP request already in flight ends
at its own timeout, which is never longer than the budget.
"""

from __future__ import annotations

import contextvars
import functools
import json
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from bot.agent.patterns import rx

T = TypeVar("T")
log = logging.getLogger(__name__)


class ModelGaveUp(Exception):
    """The model path ended without a usable answer; the message says why, in plain words."""


@functools.cache
def fallback_errors() -> tuple[type[BaseException], ...]:
    """What makes the model path fall back to the offline planner. Built on first use: openai
    and LangGraph take seconds and about 40 MB to import, and an offline server never needs
    them (an `except` clause evaluates this only when something was raised)."""
    errors: list[type[BaseException]] = [ModelGaveUp, TimeoutError, ConnectionError, json.JSONDecodeError]
    try:
        import httpx
        import openai

        errors += [openai.OpenAIError, httpx.HTTPError]
    except ImportError:  # pragma: no cover - both are dependencies
        pass
    try:
        from langgraph.errors import GraphRecursionError

        errors.append(GraphRecursionError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


def fallback_reason(exc: BaseException, *, budget: float | None = None) -> str:
    """Why the model did not answer, as the person reading the answer should hear it."""
    name = type(exc).__name__
    first = str(exc).splitlines()[0][:160] if str(exc) else ""
    if isinstance(exc, ModelGaveUp):
        return str(exc)
    if isinstance(exc, json.JSONDecodeError):
        return "the model server sent a reply that is not valid JSON"
    if name == "GraphRecursionError":
        return "the model kept calling tools without giving an answer"
    if name in ("APITimeoutError", "ReadTimeout", "TimeoutError", "ConnectTimeout"):
        return "the model server did not answer in time"
    if name in ("APIConnectionError", "ConnectError", "ConnectionError"):
        return "the model server could not be reached"
    if name == "AuthenticationError":
        return "the model server refused the API key"
    if name == "RateLimitError":
        return "the model server is rate limiting us"
    status = getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)
    if status is None:
        code = rx.search(r"Error code: (\d{3})", first)
        status = int(code.group(1)) if code else None
    if status is not None:
        return f"the model server answered with an error (HTTP {status})"
    if name == "APIResponseValidationError":
        return "the model server sent a reply in an unexpected shape"
    return f"{name}: {first}" if first else name


def make_watch(deadline: float, known: set[str]) -> Any:
    """A LangChain callback handler on the model path that
    - stops it at its next model or tool call once the deadline has passed (the caller has
      answered offline by then), and
    - notes every call the model makes to a tool journeybot does not have (`.unknown`, as
      failed ToolCallRecords), also when the run ends in an error.
    Built on first use so that importing this module does not load LangChain."""
    from langchain_core.callbacks import BaseCallbackHandler

    class Watch(BaseCallbackHandler):
        raise_error = True  # LangChain swallows callback errors unless told otherwise
        run_inline = True

        def __init__(self) -> None:
            self.deadline = deadline
            self.stopped = threading.Event()
            self.unknown: list[Any] = []

        def check(self) -> None:
            if self.stopped.is_set() or time.monotonic() > self.deadline:
                self.stopped.set()
                raise ModelGaveUp("the answer budget was spent")

        def on_chat_model_start(self, *args: Any, **kwargs: Any) -> None:
            self.check()

        def on_llm_start(self, *args: Any, **kwargs: Any) -> None:
            self.check()

        def on_tool_start(self, *args: Any, **kwargs: Any) -> None:
            self.check()

        def on_llm_end(self, response: Any, **kwargs: Any) -> None:
            messages = [getattr(g, "message", None) for gens in response.generations for g in gens]
            self.unknown += unknown_tool_calls([m for m in messages if m is not None], known)

    return Watch()


def run_within(fn: Callable[[], T], budget: float, stopper: Any = None) -> T:
    """fn() in a worker thread; its result or exception, or ModelGaveUp when `budget`
    seconds pass first (the worker is then told to stop)."""
    future: Future[T] = Future()
    context = contextvars.copy_context()  # what the caller reports to (tool events) goes along

    def work() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(context.run(fn))
        except BaseException as exc:  # handed to the caller
            future.set_exception(exc)

    threading.Thread(target=work, name="journeybot-model", daemon=True).start()
    try:
        return future.result(timeout=budget)
    except TimeoutError:
        if stopper is not None:
            stopper.stopped.set()
        raise ModelGaveUp(f"the model did not finish within the answer budget of {budget:.0f} s") from None


def unknown_tool_calls(messages: list[Any], known: set[str]) -> list[Any]:
    """Records of the calls the model made to tools journeybot does not have (and of calls
    whose arguments were not even JSON), logged so that a model that invents tools is seen."""
    from bot.agent.tools import signature
    from bot.answer import UNKNOWN_TOOL, ToolCallRecord

    out = []
    for message in messages:
        for call in getattr(message, "tool_calls", None) or []:
            if call.get("name") not in known:
                args = dict(call.get("args") or {})
                out.append(ToolCallRecord(str(call.get("name")), args, signature(str(call.get("name")), args),
                                          error=f"{UNKNOWN_TOOL}: journeybot has no tool of this name"))
        for call in getattr(message, "invalid_tool_calls", None) or []:
            name = str(call.get("name"))
            out.append(ToolCallRecord(name, {}, f"{name}(...)", error=(
                f"{UNKNOWN_TOOL}: journeybot has no tool of this name" if name not in known
                else "Invalid arguments: not JSON")))
    if out:
        log.warning("the model asked for tools journeybot does not have or sent arguments that are not JSON: %s",
                    ", ".join(f"{r.name}({r.error})" for r in out))
    return out
