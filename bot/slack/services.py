"""What the Slack listeners work with: the agent, the tools, the poster, and the features of
other parts of journeybot (digests, alerts, personas, KPI snapshot) as optional callables.

Listeners never import the scheduler or the personas code; they call what is here, and a
feature that is not wired gets a polite "not set up yet" instead of an error. Wiring happens
here, in `start_scheduled_features`, the one place that knows where those features live.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.agent.tools import ToolContext, ToolSpec, run_tool
from bot.answer import Answer
from bot.answer_log import AnswerLog
from bot.state import StateStore

log = logging.getLogger(__name__)

Cadence = Literal["daily", "weekly"]


@dataclass(frozen=True)
class Subscription:
    channel: str
    cadence: Cadence
    time: str  # "HH:MM" in tz
    weekday: str | None = None  # mon..sun for weekly digests
    tz: str = ""


@dataclass(frozen=True)
class AlertSummary:
    id: str
    title: str  # "Checkout conversion down 32% vs expected"
    severity: Literal["low", "medium", "high"] = "medium"
    since: str | None = None  # "2026-05-03"
    detail: str = ""  # expected vs actual, what drove it


@dataclass(frozen=True)
class PersonaSummary:
    name: str
    summary: str = ""
    id: str = ""


@dataclass(frozen=True)
class KpiLine:
    name: str  # "Purchase conversion"
    value: str  # "4.2%"
    change: str = ""  # "▼ 0.8 pts (-16%)"
    direction: Literal["good", "bad", "flat", ""] = ""
    # the day this line's period ends when it is not the snapshot's "as of": a table that ends on
    # another day (Olist's reviews run past its last order) counts back from its own last day
    as_of: str = ""


KEEP_STORE_OPEN = 3.0  # seconds the journey store stays open after an answer's last query


@dataclass(frozen=True)
class KpiSnapshot:
    as_of: str  # the last day of data
    compared_with: str  # "the previous 7 days"
    lines: list[KpiLine]


@dataclass
class SlackServices:
    agent: Any  # bot.agent.agent.JourneyAgent
    ctx: ToolContext
    poster: Any  # bot.slack.poster.SlackPoster (Poster + react/ephemeral/publish_home)
    answers: AnswerLog
    state: StateStore
    settings: Any  # bot.config.SlackConfig
    business_name: str = "My shop"
    timezone: str = "Europe/London"
    # Features owned by other parts of journeybot; None = not wired in this build.
    digest_now: Callable[[str], None] | None = None  # (channel)
    subscribe: Callable[[str, Cadence, str, str | None, str], Subscription] | None = None
    unsubscribe: Callable[[str], int] | None = None  # (channel) -> schedules removed
    subscriptions: Callable[[], list[Subscription]] | None = None
    open_alerts: Callable[[], list[AlertSummary]] | None = None
    acknowledge_alert: Callable[[str, str], None] | None = None  # (alert_id, user_id)
    mute_alert: Callable[[str, float], None] | None = None  # (alert_id, hours)
    alert_chart: Callable[[str], bytes | None] | None = None  # (alert_id) -> PNG
    personas: Callable[[], list[PersonaSummary]] | None = None
    save_persona: Callable[[str], str] | None = None  # (conversation_key) -> saved name
    kpi_snapshot: Callable[[], KpiSnapshot] | None = None
    thread_context: Callable[[str, str], str | None] | None = None  # (channel, thread_ts)
    sources_status: Callable[[], list[Any]] | None = None  # each source's state (SourceLine)
    notes: list[str] = field(default_factory=list)  # what wiring found missing, for the log
    last_forget: float = 0.0  # monotonic time old event ids were last forgotten
    # Slack's AI-app surface: the assistant threads seen (bot/slack/assistant_threads.py), and
    # the workspaces that refused to stream, with when (monotonic), so they are not asked again.
    threads: Any = None
    stream_refused: dict[str, float] = field(default_factory=dict)
    # Answers run here so a slow one can be given up on (the listener thread is Bolt's).
    workers: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=4, thread_name_prefix="journeybot-answer"))

    FEATURES = ("digest_now", "subscribe", "unsubscribe", "subscriptions", "open_alerts",
                "acknowledge_alert", "mute_alert", "alert_chart", "personas", "save_persona",
                "kpi_snapshot", "thread_context", "sources_status")

    def __deepcopy__(self, memo: dict[int, Any]) -> SlackServices:
        # Bolt deep-copies the request context for lazy listeners; services hold connections
        # and locks and are shared by every request, so they are passed on, never copied.
        return self

    def unwired(self) -> list[str]:
        return [name for name in self.FEATURES if getattr(self, name) is None]

    def tool(self, name: str) -> ToolSpec | None:
        return next((t for t in self.agent.tools if t.name == name), None)

    def run_tool_answer(self, name: str, args: dict[str, Any], conversation: str | None = None) -> Answer | None:
        """One tool call as an Answer (with its provenance), or None when the tool is absent."""
        spec = self.tool(name)
        if spec is None:
            return None
        record = run_tool(spec, self._ctx(conversation), args)
        text = record.result.to_text() if record.ok else f"I tried {record.signature} but it did not work: {record.error}"
        return Answer(text, "offline", [record])

    def rerun(self, tools: list[dict[str, Any]], conversation: str | None = None) -> list[Any]:
        """The results behind a stored answer, computed again from its recorded tool calls."""
        out = []
        for call in tools:
            spec = self.tool(call["name"]) if not call.get("error") else None
            if spec is None:  # a tool the model made up: recorded, never run
                continue
            record = run_tool(spec, self._ctx(conversation), call.get("args") or {})
            if record.ok:
                out.append(record.result)
        return out

    def _ctx(self, conversation: str | None) -> ToolContext:
        # Tools that keep a draft between turns (personas) key it by the conversation.
        return self.ctx.for_conversation(conversation) if conversation else self.ctx


def build_services(config: Any, store: Any, poster: Any, *, agent: Any | None = None,
                   state: StateStore | None = None, **features: Any) -> SlackServices:
    """Services for `journeybot serve` and the tests; `features` are the wired callables."""
    from bot.agent.agent import JourneyAgent

    unknown = set(features) - set(SlackServices.FEATURES)
    if unknown:
        raise TypeError(f"unknown Slack features: {', '.join(sorted(unknown))}")
    agent = agent or JourneyAgent.from_config(config, store)
    # A server answers all day: keeping the journey store's database open between answers
    # saves reopening the file (and re-reading its pages) for every query of every answer;
    # it closes after KEEP_STORE_OPEN idle seconds so a command-line ingest can get in.
    if getattr(agent.ctx.store, "path", None) is not None and hasattr(agent.ctx.store, "keep_open"):
        agent.ctx.store.keep_open = KEEP_STORE_OPEN
    state = state or StateStore(config.ops_db())
    from bot.slack.assistant_threads import AssistantThreads

    services = SlackServices(
        agent=agent, ctx=agent.ctx, poster=poster, answers=AnswerLog(state), state=state,
        settings=config.slack, business_name=config.business.name, timezone=agent.ctx.store.timezone,
        threads=AssistantThreads(state), **features,
    )
    missing = services.unwired()
    if missing:
        services.notes.append("not wired yet: " + ", ".join(missing))
    return services


def start_scheduled_features(config: Any, poster: Any, client: Any, store: Any) -> tuple[Any, dict[str, Any]]:
    """Start digests and alerts (bot/scheduler, issue 8) when that package is installed, and
    return (scheduler or None, its Slack features). Its API, as documented there:
    `start_scheduler(config, poster, client=, store=)` and `scheduler_features(scheduler)`."""
    import importlib
    import importlib.util

    if importlib.util.find_spec("bot.scheduler") is None:
        return None, {}
    package = importlib.import_module("bot.scheduler")  # a broken install should fail loudly
    scheduler = package.start_scheduler(config, poster, client=client, store=store)
    return scheduler, dict(package.scheduler_features(scheduler))
