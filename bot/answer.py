"""An answer: the text and the tool calls behind it. The agent builds it; render, the Slack
layer and the CLI show it, so it lives here, below all of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from tools.core.errors import LatestWithData

Mode = Literal["model", "offline"]
UNKNOWN_TOOL = "Unknown tool"  # how a call to a tool journeybot does not have is recorded


@dataclass(frozen=True)
class ToolCallRecord:
    """One tool call behind an answer: what was asked and what came back."""

    name: str
    args: dict[str, Any]  # the validated arguments (defaults filled in)
    signature: str  # funnel(stages=[...], period=last 30 days, channel=[instagram])
    result: Any = None  # the tool's result object (ToolResult) when it succeeded
    error: str | None = None  # the message the caller saw when it failed
    # a period with none of what was asked: the latest one that has it (tools' NoDataError.latest)
    latest: LatestWithData | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def unknown(self) -> bool:
        """The model asked for a tool journeybot does not have."""
        return bool(self.error) and self.error.startswith(UNKNOWN_TOOL)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"tool": self.name, "args": self.args, "signature": self.signature}
        if self.error:
            out["error"] = self.error
        if self.result is not None and hasattr(self.result, "provenance"):
            out["provenance"] = self.result.provenance.to_dict()
        if self.result is not None and hasattr(self.result, "to_dict"):
            # the numbers behind the answer's text, for scripts (`journeybot ask --json`)
            result = self.result.to_dict()
            if isinstance(result, dict):
                result.pop("provenance", None)  # already above
            out["result"] = result
        return out


class AnswerEvents:
    """What an answer in progress tells whoever shows it, as it happens: a tool starting (Slack's
    status line "is looking at the funnel…") and the model's final text as it arrives (the
    terminal prints it, Slack streams it). Every method does nothing here; a surface overrides
    what it can show. Calls come from the thread computing the answer."""

    def tool_started(self, name: str) -> None:
        """A tool is about to run (its arguments were valid)."""

    def text(self, delta: str) -> None:
        """More of the model's reply text. Offline answers arrive whole in the Answer instead."""


@dataclass(frozen=True)
class Alternative:
    """Another reading of a question, offered when the first one may be wrong: a button in
    Slack runs `tool` with `args`; the terminal shows `question`, which the planner reads the
    same way."""

    label: str  # "Purchase conversion, week by week"
    question: str  # a question that means this reading
    tool: str
    args: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "question": self.question, "tool": self.tool, "args": self.args}


@dataclass(frozen=True)
class PendingAction:
    """A change the answer proposes but has not made: an alert rule created, changed or
    deleted, a persona saved. It runs only when the person confirms (a button, a prompt, --yes)."""

    tool: str
    args: dict[str, Any]
    summary: str  # what it will do, in words

    def to_dict(self) -> dict[str, Any]:
        return {"tool": self.tool, "args": self.args, "summary": self.summary}


@dataclass(frozen=True)
class Answer:
    text: str
    mode: Mode
    tool_calls: list[ToolCallRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # fallbacks, caveats
    suggestions: list[str] = field(default_factory=list)  # example questions when unsure
    tokens: dict[str, int] = field(default_factory=dict)  # input/output/total when a model ran
    model: str | None = None
    understood: str = ""  # how the question was read, shown before the answer
    alternatives: list[Alternative] = field(default_factory=list)  # other readings to pick from
    pending: PendingAction | None = None  # a change waiting for confirmation

    @property
    def results(self) -> list[Any]:
        return [c.result for c in self.tool_calls if c.result is not None]

    def context_line(self) -> str:
        """The provenance line shown under an answer: which tool calls its numbers came from."""
        calls = [c.signature for c in self.tool_calls if c.ok]
        return "; ".join(calls)

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer": self.text,
            "mode": self.mode,
            "model": self.model,
            "tool_calls": [c.to_dict() for c in self.tool_calls],
            "notes": self.notes,
            "suggestions": self.suggestions,
            "tokens": self.tokens,
            "understood": self.understood,
            "alternatives": [a.to_dict() for a in self.alternatives],
            "pending": self.pending.to_dict() if self.pending else None,
        }
