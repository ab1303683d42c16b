"""Global middleware, in the order a request meets it:

1. drop_noise (before authorization): edits, deletions and bot messages never reach a listener,
   so the bot's own placeholder updates cannot make it answer itself.
2. attach_services: the shared SlackServices on the context.
3. answer_each_event_once: Slack retries an event (same event_id, X-Slack-Retry-Num) when it
   did not see an ack in time; the first delivery claims the id in state.sqlite (atomic across
   processes), every later one is acknowledged and dropped.
4. enforce_allow_lists: workspaces, channels and people outside the configured allow-lists
   get a polite refusal and no data.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltResponse

from bot import metrics
from bot.render.features import refusal_view
from bot.slack import texts
from bot.slack.services import SlackServices

log = logging.getLogger(__name__)

IGNORED_SUBTYPES = {"message_changed", "message_deleted", "bot_message", "message_replied",
                    "channel_join", "channel_leave", "thread_broadcast"}
_FORGET_EVERY_SECONDS = 3600.0


def drop_noise(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
    event = body.get("event") or {}
    if event.get("type") == "message" and (event.get("subtype") in IGNORED_SUBTYPES or event.get("bot_id")):
        return BoltResponse(status=200, body="")
    next()
    return None


def attach_services(services: SlackServices) -> Callable[..., None]:
    def attach(context: BoltContext, next: Callable[[], None]) -> None:
        context["services"] = services
        next()

    return attach


def answer_each_event_once(body: dict[str, Any], context: BoltContext, request: Any,
                           next: Callable[[], None]) -> BoltResponse | None:
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    if not event_id:
        next()
        return None
    services: SlackServices = context["services"]
    _forget_old_events(services)
    if services.state.claim("slack_event", str(event_id), owner=_retry_label(request)):
        metrics.slack_event("handled")
        next()
        return None
    metrics.slack_event("duplicate")
    log.info("dropped a repeat delivery of event %s (%s)", event_id, _retry_label(request))
    return BoltResponse(status=200, body="")


def enforce_allow_lists(body: dict[str, Any], context: BoltContext,
                        next: Callable[[], None]) -> BoltResponse | None:
    services: SlackServices = context["services"]
    user = context.user_id or _assistant_thread(body).get("user_id")  # Bolt finds no user there
    if is_allowed(services.settings, context.team_id, context.channel_id, user):
        next()
        return None
    log.info("refused team=%s channel=%s user=%s", context.team_id, context.channel_id, user)
    if body.get("command"):
        return BoltResponse(status=200, body={"response_type": "ephemeral", "text": texts.REFUSAL})
    _refuse_later(services, body, context)
    return BoltResponse(status=200, body="")


def is_allowed(settings: Any, team: str | None, channel: str | None, user: str | None) -> bool:
    if settings.allowed_teams and team not in settings.allowed_teams:
        return False
    if settings.allowed_users and user not in settings.allowed_users:
        return False
    # DMs and the Home tab are the person's own space: the user and team lists govern them.
    if settings.allowed_channels and channel and not channel.startswith("D") \
            and channel not in settings.allowed_channels:
        return False
    return True


def _refuse_later(services: SlackServices, body: dict[str, Any], context: BoltContext) -> None:
    """Tell the person, off the ack path (the refusal is a Web API call that may be retried)."""
    event = body.get("event") or {}
    kind = event.get("type") or body.get("type")
    channel, user = context.channel_id, context.user_id
    poster = services.poster
    if kind == "app_home_opened" and user:
        services.workers.submit(poster.publish_home, user, refusal_view(texts.REFUSAL_HOME))
    elif kind == "assistant_thread_started":  # the person's own side panel: say it there
        thread = _assistant_thread(body)
        services.workers.submit(poster.post, thread.get("channel_id"), texts.REFUSAL, None, thread.get("thread_ts"))
    elif kind in ("app_mention", "block_actions") or (kind == "message" and event.get("channel_type") == "im"):
        if channel and user:
            thread = event.get("thread_ts") or event.get("ts")
            services.workers.submit(poster.ephemeral, channel, user, texts.REFUSAL, thread)
    # Other events (messages in channels) are ignored silently: no refusal spam.


def _assistant_thread(body: dict[str, Any]) -> dict[str, Any]:
    return (body.get("event") or {}).get("assistant_thread") or {}


def _forget_old_events(services: SlackServices) -> None:
    now = time.monotonic()
    if not services.last_forget or now - services.last_forget > _FORGET_EVERY_SECONDS:
        services.last_forget = now
        services.state.forget_claims_older_than("slack_event", services.settings.event_memory_hours * 3600)


def _retry_label(request: Any) -> str:
    headers = getattr(request, "headers", {}) or {}
    num = headers.get("x-slack-retry-num")
    num = num[0] if isinstance(num, list) and num else num
    return f"retry {num}" if num else "first delivery"
