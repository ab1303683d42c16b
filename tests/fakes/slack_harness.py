"""journeybot's Slack app, running for real, between a fake Slack on both sides:

    SlackSender --signed HTTP--> SlackHTTPServer -> Bolt app -> listeners --WebClient--> FakeSlackAPI

Only the edges are fake: signing, verification, middleware, lazy listeners, the agent, the
poster, slack_sdk and its retry handlers are the production code.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fakes.slack_api import GOOD_TOKENS, FakeSlackAPI
from fakes.slack_requests import SlackPayloads, SlackSender
from fakes.slack_spec import SlackSpec

SECRET = "test-signing-secret-8f742231b10e"
BOT_TOKEN = next(t for t in GOOD_TOKENS if t.startswith("xoxb-"))
APP_TOKEN = next(t for t in GOOD_TOKENS if t.startswith("xapp-"))
OWNER = "U061F7AUR"  # the user of Slack's app_mention docs example
CHANNEL = "C123ABC456"
DM = "D0ASSIST01"  # the DM an assistant thread lives in


class FakeFeatures:
    """The features other engineers own, as recording fakes with Slack-shaped results."""

    def __init__(self) -> None:
        from bot.slack.services import (
            AlertSummary,
            KpiLine,
            KpiSnapshot,
            PersonaSummary,
            Subscription,
        )

        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.subs: dict[str, Subscription] = {}
        self._Subscription = Subscription
        self.alerts = [AlertSummary("al-1", "Checkout conversion down 32% vs expected", "high", "2026-05-03",
                                    "expected 4.1%, actual 2.8%; driven by channel=instagram")]
        self.people = [PersonaSummary("The Regular", "weekly in-store buyer, loves sourdough", "p-1")]
        self.snapshot = KpiSnapshot("2026-05-31", "the previous 7 days", [
            KpiLine("Purchase conversion", "4.2%", "▼ 0.8 pts (-16%)", "bad"),
            KpiLine("NPS", "41", "▲ 3 pts", "good"),
        ])
        self.thread_texts: dict[tuple[str, str], str] = {}
        from bot.scheduler.features import SourceLine

        self.sources = [
            SourceLine("shop", "shopify", "failing",
                       "no new Shopify orders since Tue 09:00; last sync failed: 401 token refused", "daily at 07:00"),
            SourceLine("sheet", "url", "fresh", "data from docs.google.com: synced 07:00 today", "daily at 07:00"),
        ]

    def _log(self, name: str, *args: Any) -> None:
        self.calls.append((name, args))

    def called(self, name: str) -> list[tuple[Any, ...]]:
        return [args for n, args in self.calls if n == name]

    def digest_now(self, channel: str) -> None:
        self._log("digest_now", channel)

    def subscribe(self, channel: str, cadence: str, time: str, weekday: str | None, tz: str) -> Any:
        self._log("subscribe", channel, cadence, time, weekday, tz)
        self.subs[channel] = self._Subscription(channel, cadence, time, weekday, tz)  # type: ignore[arg-type]
        return self.subs[channel]

    def unsubscribe(self, channel: str) -> int:
        self._log("unsubscribe", channel)
        return 1 if self.subs.pop(channel, None) else 0

    def subscriptions(self) -> list[Any]:
        return list(self.subs.values())

    def open_alerts(self) -> list[Any]:
        return list(self.alerts)

    def acknowledge_alert(self, alert_id: str, user: str) -> None:
        self._log("acknowledge_alert", alert_id, user)

    def mute_alert(self, alert_id: str, hours: float) -> None:
        self._log("mute_alert", alert_id, hours)

    def alert_chart(self, alert_id: str) -> bytes:
        import datetime as dt

        from tools.charts.trend import kpi_trend_chart

        self._log("alert_chart", alert_id)
        days = [dt.date(2026, 5, d) for d in range(1, 8)]
        return kpi_trend_chart(days, [4.1, 4.0, 2.8, 2.9, 2.7, 3.0, 2.8], title="Checkout conversion", unit="%")

    def personas(self) -> list[Any]:
        return list(self.people)

    def save_persona(self, conversation: str) -> str:
        self._log("save_persona", conversation)
        return "The Regular"

    def kpi_snapshot(self) -> Any:
        return self.snapshot

    def thread_context(self, channel: str, thread_ts: str) -> str | None:
        return self.thread_texts.get((channel, thread_ts))

    def sources_status(self) -> list[Any]:
        return list(self.sources)

    def as_kwargs(self) -> dict[str, Any]:
        from bot.slack.services import SlackServices

        return {name: getattr(self, name) for name in SlackServices.FEATURES}


@dataclass
class SlackHarness:
    fake: FakeSlackAPI
    payloads: SlackPayloads
    spec: SlackSpec
    services: Any
    server: Any
    sender: SlackSender
    features: FakeFeatures | None
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def next_ts(self) -> str:
        return f"1515449522.{next(self._ids):06d}"

    def next_event_id(self) -> str:
        return f"Ev{next(self._ids):09d}"

    # -- what people do in Slack -------------------------------------------------------------
    def mention(self, text: str, *, thread_ts: str | None = None, user: str = OWNER, channel: str = CHANNEL,
                event_id: str | None = None, retry_num: int | None = None) -> tuple[dict[str, Any], int]:
        body = self.payloads.app_mention(text=f"<@U0LAN0Z89> {text}", event_id=event_id or self.next_event_id(),
                                         ts=self.next_ts(), user=user, channel=channel, thread_ts=thread_ts)
        status, _ = self.sender.event(body, retry_num=retry_num)
        return body, status

    def dm(self, text: str, *, user: str = OWNER, thread_ts: str | None = None) -> tuple[dict[str, Any], int]:
        body = self.payloads.message_im(text=text, event_id=self.next_event_id(), ts=self.next_ts(), user=user,
                                        thread_ts=thread_ts)
        status, _ = self.sender.event(body)
        return body, status

    def command(self, text: str, *, user: str = OWNER, channel: str = CHANNEL) -> tuple[int, str]:
        form = self.payloads.slash_command(text, user=user, channel=channel,
                                           response_url=self.fake.response_url(f"cmd{next(self._ids)}"))
        return self.sender.command(form)

    def click(self, action_id: str, value: str, *, message_ts: str, thread_ts: str | None = None,
              user: str = OWNER, channel: str = CHANNEL) -> tuple[int, str]:
        payload = self.payloads.block_action(action_id, value, user=user, channel=channel, message_ts=message_ts,
                                             thread_ts=thread_ts, response_url=self.fake.response_url("action"))
        return self.sender.action(payload)

    # -- Slack's assistant threads (tests/bot/slack/test_assistant.py) ------------------------
    def start_assistant_thread(self, *, user: str = OWNER, channel: str = DM, context_channel: str | None = CHANNEL,
                               thread_ts: str | None = None) -> tuple[dict[str, Any], int]:
        body = self.payloads.assistant_thread("assistant_thread_started", event_id=self.next_event_id(), user=user,
                                              channel=channel, thread_ts=thread_ts or self.next_ts(),
                                              context_channel=context_channel)
        return body, self.sender.event(body)[0]

    def change_context(self, thread_ts: str, context_channel: str, *, user: str = OWNER,
                       channel: str = DM) -> int:
        body = self.payloads.assistant_thread("assistant_thread_context_changed", event_id=self.next_event_id(),
                                              user=user, channel=channel, thread_ts=thread_ts,
                                              context_channel=context_channel)
        return self.sender.event(body)[0]

    def feedback(self, value: str, *, message_ts: str, thread_ts: str, user: str = OWNER,
                 channel: str = DM) -> tuple[int, str]:
        payload = self.payloads.feedback_action(value, user=user, channel=channel, message_ts=message_ts,
                                                thread_ts=thread_ts, response_url=self.fake.response_url("action"))
        return self.sender.action(payload)

    def streamed_answer(self, thread_ts: str, *, timeout: float = 15.0) -> Any:
        """Wait for the stream in `thread_ts` to close; return that chat.stopStream call."""
        start = self.fake.wait_for("chat.startStream", where=lambda c: c.params.get("thread_ts") == thread_ts
                                   and c.status == 200 and c.response.get("ok"), timeout=timeout)[-1]
        ts = start.response["ts"]
        return self.fake.wait_for("chat.stopStream", where=lambda c: c.params.get("ts") == ts, timeout=timeout)[-1]

    def open_home(self, *, user: str = OWNER) -> tuple[int, str]:
        return self.sender.event(self.payloads.app_home_opened(user=user, event_id=self.next_event_id()))

    # -- what the bot did ---------------------------------------------------------------------
    def answer_in(self, thread_ts: str, *, timeout: float = 15.0) -> Any:
        """Wait for the placeholder in `thread_ts` to be replaced; return that chat.update."""
        placeholder = self.fake.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == thread_ts,
                                         timeout=timeout)[0]
        ts = placeholder.response["ts"]
        return self.fake.wait_for("chat.update", where=lambda c: c.params.get("ts") == ts and c.status == 200,
                                  timeout=timeout)[-1]

    def sent(self) -> list[Any]:
        """What the bot sent, leaving out Bolt's own auth.test on the first request."""
        return [c for c in self.fake.calls if c.method != "auth.test"]

    def spec_problems(self) -> list[str]:
        return self.spec.problems(self.fake.calls)


def write_config(folder: Path, fake: FakeSlackAPI, extra: str = "") -> Path:
    """journeybot.toml pointing the app at the fake; `extra` lines (TOML) override [slack] keys."""
    # ai_app off by default: most tests exercise the classic flow ("working on it" replaced by
    # the answer, thumbs buttons) that workspaces without Slack's AI features get; the assistant
    # and streaming tests turn it on.
    settings = {"mode": '"http"', "api_base_url": f'"{fake.base_url}"', "answer_timeout_seconds": "30",
                "rate_limit_retries": "2", "ai_app": "false"}
    for line in extra.strip().splitlines():
        key, _, value = line.partition("=")
        settings[key.strip()] = value.strip()
    path = folder / "journeybot.toml"
    path.write_text('[business]\nname = "Crumb & Co."\n\n[slack]\n'
                    + "".join(f"{k} = {v}\n" for k, v in settings.items()))
    return path


def text_of(call: Any) -> str:
    """Everything a person would read in a recorded message: fallback text and block texts."""
    import json

    blocks = call.params.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    parts = [call.params.get("text") or ""]

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            for k, x in v.items():
                if k == "text" and isinstance(x, str):
                    parts.append(x)
                else:
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(blocks)
    return "\n".join(parts)


def buttons_of(call: Any) -> dict[str, str]:
    """action_id -> value of the buttons in a recorded message."""
    import json

    blocks = call.params.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    return {e["action_id"]: e.get("value", "") for b in blocks if b.get("type") == "actions" for e in b["elements"]}
