"""Slack's assistant threads (the Agents & AI Apps side panel), through bolt-python's
`Assistant` middleware.

- Thread started: a greeting that says what data journeybot answers from, and up to four
  suggested prompts drawn from that data (bot/agent/suggest.py).
- Context changed (the person moved to another channel with the panel open): remembered in
  state.sqlite (bot/slack/assistant_threads.py), not in message metadata.
- A message in the thread: the first one names the thread; the status line says what is
  happening ("is thinking…", then the tool: "is looking at the funnel…"); the answer streams
  in and closes with its sources and Slack's feedback buttons (bot/slack/streaming.py).

Messages in any DM thread reach the `user_message` listener (Slack marks nothing else); a
thread journeybot never saw start is answered like a DM reply, without status or title.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, Assistant, BoltContext, SetStatus, SetSuggestedPrompts, SetTitle

from bot.agent.suggest import Suggestion, suggestions_for
from bot.render.assistant import greeting
from bot.render.progress import THINKING
from bot.slack import texts
from bot.slack.home import coverage_line
from bot.slack.replies import Where, reply, strip_mentions
from bot.slack.services import SlackServices
from bot.slack.streaming import can_stream, stream_reply

log = logging.getLogger(__name__)

PROMPTS_TITLE = "Try asking"
MAX_TITLE = 60
FALLBACK_PROMPTS = [Suggestion("What data is loaded", "What data do you have and how far back does it go?"),
                    Suggestion("Where we lose people", "Where do we lose people between visit and purchase?")]


def just_ack(ack: Ack) -> None:
    ack()


def greet(body: dict[str, Any], context: BoltContext) -> None:
    services: SlackServices = context["services"]
    thread = body["event"]["assistant_thread"]
    channel, thread_ts = thread["channel_id"], thread["thread_ts"]
    services.threads.started(channel, thread_ts, thread.get("user_id", ""), thread.get("context"))
    hello = greeting(services.business_name, coverage_line(services.ctx.store))
    try:
        services.poster.post(channel, hello.text, hello.blocks, thread_ts=thread_ts)
    except Exception:
        log.exception("could not greet in the assistant thread %s/%s", channel, thread_ts)
    prompts = _suggestions(services)
    try:
        SetSuggestedPrompts(services.poster.client, channel, thread_ts)(
            prompts=[p.to_slack() for p in prompts], title=PROMPTS_TITLE)
    except Exception:
        log.exception("could not set suggested prompts in %s/%s", channel, thread_ts)


def remember_context(body: dict[str, Any], context: BoltContext) -> None:
    services: SlackServices = context["services"]
    thread = body["event"]["assistant_thread"]
    services.threads.save(channel_id=thread["channel_id"], thread_ts=thread["thread_ts"],
                          context=thread.get("context") or {})


def answer_in_thread(body: dict[str, Any], context: BoltContext) -> None:
    services: SlackServices = context["services"]
    event = body["event"]
    if event.get("subtype") or not event.get("user"):
        return
    channel, thread_ts, user = event["channel"], event["thread_ts"], event["user"]
    question = strip_mentions(event.get("text", ""))
    assistant = services.threads.knows(channel, thread_ts)
    where = Where(context.team_id or "", channel, user, thread_ts, "assistant" if assistant else "dm")
    client = services.poster.client
    status = SetStatus(client, channel, thread_ts) if assistant else None
    if not question:
        services.poster.post(channel, texts.EMPTY_QUESTION, None, thread_ts=thread_ts)
        return
    if assistant and services.threads.claim_title(channel, thread_ts):
        try:
            SetTitle(client, channel, thread_ts)(title=thread_title(question))
        except Exception:
            log.exception("could not name the assistant thread %s/%s", channel, thread_ts)
    # A DM thread that is no assistant thread may still hang under something with context.
    extra = services.thread_context(channel, thread_ts) if services.thread_context and not assistant else None
    if can_stream(services, where):
        if status is None:  # no status line outside assistant threads: the :eyes: says "heard you"
            services.poster.react(channel, event["ts"], "eyes")
        else:
            try:
                status(THINKING)
            except Exception as exc:
                log.info("no status line in %s (%s)", channel, exc)
                status = None
        stream_reply(services, where, question, context=extra, status=status)
    else:
        reply(services, where, question, message_ts=event["ts"], context=extra)


def thread_title(question: str) -> str:
    """The thread's name in Slack's history: the first question, shortened at a word."""
    flat = " ".join(question.split()).rstrip("?!. ")
    if len(flat) <= MAX_TITLE:
        return flat[:1].upper() + flat[1:]
    cut = flat[: MAX_TITLE - 1].rsplit(" ", 1)[0]
    return cut[:1].upper() + cut[1:] + "…"


def build_assistant(services: SlackServices) -> Assistant:
    assistant = Assistant(thread_context_store=services.threads)
    assistant.thread_started(lazy=[greet])(just_ack)
    assistant.thread_context_changed(lazy=[remember_context])(just_ack)
    assistant.user_message(lazy=[answer_in_thread])(just_ack)
    return assistant


def _suggestions(services: SlackServices) -> list[Suggestion]:
    alerts: list[str] = []
    try:
        if services.open_alerts is not None:
            alerts = [a.title for a in services.open_alerts()]
    except Exception:
        log.exception("could not read open alerts for suggested prompts")
    try:
        return suggestions_for(services.ctx.store, alerts) or FALLBACK_PROMPTS
    except Exception:  # an empty or busy store still gets something to click
        log.exception("could not build suggested prompts from the data")
        return FALLBACK_PROMPTS
