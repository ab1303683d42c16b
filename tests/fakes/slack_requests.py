"""Slack's side of HTTP mode: requests built from the payloads in ../shared/slack/payloads,
signed the way Slack signs them (v0, HMAC-SHA256 over "v0:{timestamp}:{raw body}"), and sent
to the app's URL.

The docs examples (app_mention, message.im, and for assistant threads the
assistant_thread_started / _context_changed examples in tests/fixtures/slack_ai) are used as
they are, with the fields a test needs changed; slash commands and button presses are built
from the field lists Slack's Java SDK records (slash_command.shape, block_actions.shape),
keeping only fields the shape has.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fakes.slack_api import TEAM_ID

AI_PAYLOADS = Path(__file__).resolve().parents[1] / "fixtures" / "slack_ai"


def sign(secret: str, timestamp: str, body: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class SlackPayloads:
    def __init__(self, folder: Path):
        self.folder = folder

    def _load(self, name: str) -> dict[str, Any]:
        return json.loads((self.folder / name).read_text())

    def app_mention(self, *, text: str, event_id: str, ts: str, user: str = "U061F7AUR",
                    channel: str = "C123ABC456", thread_ts: str | None = None, team: str = TEAM_ID) -> dict[str, Any]:
        body = self._load("app_mention.docs-example.json")
        body["team_id"] = team
        body["event_id"] = event_id
        body["event_time"] = int(time.time())
        ev = body["event"]
        ev.update({"user": user, "text": text, "ts": ts, "channel": channel, "event_ts": ts})
        if thread_ts:
            ev["thread_ts"] = thread_ts
        return body

    def message_im(self, *, text: str, event_id: str, ts: str, user: str = "U2147483697",
                   channel: str = "D024BE91L", thread_ts: str | None = None, team: str = TEAM_ID,
                   **extra: Any) -> dict[str, Any]:
        body = self._load("message_im.docs-example.json")
        body["team_id"] = team
        body["event_id"] = event_id
        body["event_time"] = int(time.time())
        body["event"].update({"user": user, "text": text, "ts": ts, "event_ts": ts, "channel": channel, **extra})
        if thread_ts:
            body["event"]["thread_ts"] = thread_ts
        return body

    def channel_message(self, *, text: str, event_id: str, ts: str, user: str, channel: str,
                        thread_ts: str | None = None, **extra: Any) -> dict[str, Any]:
        """A `message.channels` event: the message.im wrapper with a channel's fields."""
        shape = self._load("message.shape.java-slack-sdk.json")["event"]
        body = self.message_im(text=text, event_id=event_id, ts=ts, user=user, channel=channel,
                               thread_ts=thread_ts, channel_type="channel", **extra)
        assert set(body["event"]) <= set(shape) | {"type"}, "fields outside Slack's message shape"
        return body

    def assistant_thread(self, kind: str, *, event_id: str, user: str, channel: str, thread_ts: str,
                         context_channel: str | None, team: str = TEAM_ID) -> dict[str, Any]:
        """assistant_thread_started or assistant_thread_context_changed, from Slack's examples."""
        body = json.loads((AI_PAYLOADS / f"{kind}.docs-example.json").read_text())
        body.update(team_id=team, event_id=event_id, event_time=int(time.time()), authed_users=[user])
        thread = body["event"]["assistant_thread"]
        thread.update(user_id=user, channel_id=channel, thread_ts=thread_ts)
        thread["context"] = {"channel_id": context_channel, "team_id": team} if context_channel else {}
        body["event"]["event_ts"] = f"{time.time():.6f}"
        return body

    def feedback_action(self, value: str, *, user: str, channel: str, message_ts: str, thread_ts: str,
                        team: str = TEAM_ID, response_url: str = "") -> dict[str, Any]:
        """A click on Slack's feedback buttons: a block_actions payload whose action is
        `type: feedback_buttons` with the pressed button's value (the Block Kit reference and
        bolt-js's FeedbackButtonsAction)."""
        body = self.block_action("answer_feedback", value, user=user, channel=channel, message_ts=message_ts,
                                 thread_ts=thread_ts, team=team, response_url=response_url)
        body["actions"][0].update(type="feedback_buttons", block_id=f"feedback:{value.partition(':')[2]}",
                                  text={"type": "plain_text", "text": "Good answer" if value.startswith("good")
                                        else "Bad answer"})
        return body

    def app_home_opened(self, *, user: str, event_id: str, team: str = TEAM_ID) -> dict[str, Any]:
        """No docs example file for this event; the app_mention wrapper with Slack's documented
        app_home_opened fields (user, channel, tab, event_ts)."""
        body = self._load("app_mention.docs-example.json")
        body.update(team_id=team, event_id=event_id, event_time=int(time.time()))
        body["event"] = {"type": "app_home_opened", "user": user, "channel": "D0HOME001", "tab": "home",
                         "event_ts": f"{time.time():.6f}"}
        return body

    def slash_command(self, text: str, *, user: str = "U061F7AUR", channel: str = "C123ABC456",
                      team: str = TEAM_ID, response_url: str = "") -> dict[str, str]:
        shape = self._load("slash_command.shape.java-slack-sdk.json")
        values = {"token": "legacy-verification-token", "api_app_id": "A123ABC456", "team_id": team,
                  "team_domain": "crumbandco", "channel_id": channel, "channel_name": "general",
                  "user_id": user, "user_name": "owner", "command": "/journey", "text": text,
                  "response_url": response_url, "trigger_id": "1234.5678.abcdef",
                  "is_enterprise_install": "false"}
        assert set(values) <= set(shape), "fields outside Slack's slash command shape"
        return values

    def block_action(self, action_id: str, value: str, *, user: str = "U061F7AUR",
                     channel: str = "C123ABC456", message_ts: str, thread_ts: str | None = None,
                     team: str = TEAM_ID, response_url: str = "") -> dict[str, Any]:
        shape = self._load("block_actions.shape.java-slack-sdk.json")
        action = {k: v for k, v in shape["actions"][0].items() if k in ("action_id", "block_id", "text", "value",
                                                                        "type", "action_ts")}
        action.update(action_id=action_id, block_id=f"answer:{value}", value=value, type="button",
                      action_ts=f"{time.time():.6f}", text={"type": "plain_text", "text": action_id, "emoji": True})
        container = {"type": "message", "message_ts": message_ts, "channel_id": channel, "is_ephemeral": False}
        message = {"type": "message", "ts": message_ts, "text": "an answer", "bot_id": "B0BOT0001"}
        if thread_ts:
            container["thread_ts"] = thread_ts
            message["thread_ts"] = thread_ts
        body = {
            "type": "block_actions",
            "team": {"id": team, "domain": "crumbandco"},
            "user": {"id": user, "username": "owner", "name": "owner", "team_id": team},
            "api_app_id": "A123ABC456", "token": "legacy-verification-token",
            "container": container, "trigger_id": "1234.5678.abcdef",
            "channel": {"id": channel, "name": "general"}, "message": message,
            "response_url": response_url, "actions": [action], "is_enterprise_install": False,
        }
        for key, sub in body.items():  # every field and sub-field is one Slack records
            assert key in shape, key
            if isinstance(sub, dict) and isinstance(shape[key], dict):
                assert set(sub) <= set(shape[key]), (key, set(sub) - set(shape[key]))
        return copy.deepcopy(body)


class SlackSender:
    """Posts signed requests to the app like Slack does."""

    def __init__(self, url: str, secret: str):
        self.url = url
        self.secret = secret

    def send_raw(self, body: str, content_type: str, *, timestamp: int | None = None,
                 secret: str | None = None, retry_num: int | None = None) -> tuple[int, str]:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": ts,
                   "X-Slack-Signature": sign(secret or self.secret, ts, body)}
        if retry_num is not None:
            headers["X-Slack-Retry-Num"] = str(retry_num)
            headers["X-Slack-Retry-Reason"] = "http_timeout"
        req = urllib.request.Request(self.url, data=body.encode("utf-8"), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, resp.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode("utf-8")

    def event(self, body: dict[str, Any], **kw: Any) -> tuple[int, str]:
        return self.send_raw(json.dumps(body), "application/json", **kw)

    def command(self, form: dict[str, str], **kw: Any) -> tuple[int, str]:
        return self.send_raw(urlencode(form), "application/x-www-form-urlencoded", **kw)

    def action(self, payload: dict[str, Any], **kw: Any) -> tuple[int, str]:
        return self.send_raw(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded", **kw)
