"""A fake Slack Web API on 127.0.0.1 that records every call.

Point a real slack_sdk WebClient at `base_url` (`[slack] api_base_url`): the SDK, its retry
handlers and its file-upload dance run unchanged. The fake answers the methods journeybot
uses in Slack's response format, hands out upload URLs on itself, accepts response_url
posts, and can be told to fail: HTTP 429 with Retry-After once, an `ok: false` error, revoked
tokens, private channels the bot is not in. Slack's AI-app methods are here too: the
assistant.threads.* calls, and chat.startStream / appendStream / stopStream, whose streams it
keeps (`streams`, `stream_text`) so a test can read the message as a person would see it.

Tests wait for calls with `wait_for` (a condition variable, not sleeps).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

TEAM_ID = "T123ABC456"
BOT_USER_ID = "U0LAN0Z89"  # the bot mentioned in Slack's app_mention docs example
BOT_ID = "B0BOT0001"
GOOD_TOKENS = {"xoxb-test-bot", "xapp-test-app"}
# The scopes each Web API method needs, as Slack's OpenAPI spec lists them (any one suffices),
# for the methods journeybot calls. Enforced only when a test gives the fake `granted_scopes`.
NEEDS: dict[str, tuple[str, ...]] = {
    "chat.postMessage": ("chat:write",), "chat.update": ("chat:write",), "chat.postEphemeral": ("chat:write",),
    "reactions.add": ("reactions:write",), "conversations.join": ("channels:join", "channels:write"),
    "files.getUploadURLExternal": ("files:write",), "files.completeUploadExternal": ("files:write",),
}
# Reading a conversation needs the history scope of its kind: public channel, private, DM.
HISTORY = {"C": "channels:history", "G": "groups:history", "D": "im:history"}


@dataclass
class Call:
    method: str  # "chat.postMessage", or "upload" (file bytes) / "response_url"
    params: dict[str, Any]
    token: str | None
    content_type: str
    size: int
    at: float = field(default_factory=time.monotonic)
    status: int = 200
    response: dict[str, Any] = field(default_factory=dict)
    body: bytes = b""  # the raw bytes of a file upload


class FakeSlackAPI:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.private_channels: set[str] = set()  # the bot is not a member and cannot join
        self.revoked: set[str] = set()
        self.streams: dict[str, dict[str, Any]] = {}  # ts -> channel, thread_ts, text, blocks, state
        self.socket_url = "wss://127.0.0.1:9/link"  # apps.connections.open; a FakeSocketMode's url
        # The bot token's scopes (e.g. the manifest's); None lets every method through.
        self.granted_scopes: set[str] | None = None
        self.messages: list[dict[str, Any]] = []  # what chat.postMessage put in channels, for history
        self._failures: dict[str, list[tuple[int, dict[str, str], dict[str, Any]]]] = {}
        self._cond = threading.Condition()
        self._ts = itertools.count(1)
        self._files = itertools.count(1)
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._handle()

            def do_POST(self) -> None:
                self._handle()

            def _handle(self) -> None:
                url = urlsplit(self.path)
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                ctype = (self.headers.get("Content-Type") or "").split(";")[0]
                auth = self.headers.get("Authorization") or ""
                token = auth[7:] if auth.startswith("Bearer ") else None
                params: dict[str, Any] = dict(parse_qsl(url.query))
                if url.path.startswith("/upload/"):
                    method, params = "upload", {"file_id": url.path.rsplit("/", 1)[-1]}
                elif url.path.startswith("/response/"):
                    method = "response_url"
                    params = json.loads(raw or b"{}")
                else:
                    method = url.path.rsplit("/", 1)[-1]
                    if ctype == "application/json" and raw:
                        params.update(json.loads(raw))
                    elif raw:
                        params.update(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
                    token = token or params.pop("token", None)
                status, headers, body = fake._respond(method, params, token, len(raw))
                call = Call(method, params, token, ctype, len(raw), status=status, response=body,
                            body=raw if method == "upload" else b"")
                with fake._cond:  # recorded before the reply, so the order is the order of arrival
                    fake.calls.append(call)
                    fake._cond.notify_all()
                data = (json.dumps(body) if method != "upload" else "OK").encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json" if method != "upload" else "text/plain")
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    # -- control --------------------------------------------------------------------------
    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def base_url(self) -> str:
        return self.root + "/api/"

    def response_url(self, name: str = "cmd") -> str:
        return f"{self.root}/response/{name}"

    def start(self) -> FakeSlackAPI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fail_next(self, method: str, *, status: int = 429, retry_after: int = 1, error: str = "ratelimited") -> None:
        """The next call of `method` fails once: HTTP 429 + Retry-After, or ok=false `error`."""
        headers = {"Retry-After": str(retry_after)} if status == 429 else {}
        self._failures.setdefault(method, []).append((status, headers, {"ok": False, "error": error}))

    # -- reading --------------------------------------------------------------------------
    def stream_text(self, ts: str) -> str:
        """The markdown of a streamed message so far, as Slack shows it."""
        with self._cond:
            return self.streams[ts]["text"]

    def calls_to(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, *, timeout: float = 15.0,
                 where: Any = None) -> list[Call]:
        """Block until at least `count` calls of `method` (matching `where`) were recorded."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self.calls if c.method == method and (where is None or where(c))]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [c.method for c in self.calls]
                    raise AssertionError(f"expected {count} {method} call(s) within {timeout}s; saw {seen}")
                self._cond.wait(left)

    # -- answers --------------------------------------------------------------------------
    def _respond(self, method: str, params: dict[str, Any], token: str | None,
                 size: int) -> tuple[int, dict[str, str], dict[str, Any]]:
        queue = self._failures.get(method)
        if queue:
            return queue.pop(0)
        if method in ("upload", "response_url"):
            return 200, {}, {"ok": True}
        if not token:
            return 200, {}, {"ok": False, "error": "not_authed"}
        if token in self.revoked:
            return 200, {}, {"ok": False, "error": "token_revoked"}
        if token not in GOOD_TOKENS:
            return 200, {}, {"ok": False, "error": "invalid_auth"}
        channel = params.get("channel") or params.get("channel_id")
        if method == "apps.connections.open":
            if not token.startswith("xapp-"):
                return 200, {}, {"ok": False, "error": "not_allowed_token_type"}
            return 200, {}, {"ok": True, "url": self.socket_url}
        if not token.startswith("xoxb-"):
            return 200, {}, {"ok": False, "error": "not_allowed_token_type"}
        needs = NEEDS.get(method)
        if method in ("conversations.history", "conversations.replies"):
            kind = "G" if channel in self.private_channels else str(channel or "C")[:1]
            needs = (HISTORY.get(kind, "channels:history"),)
        if self.granted_scopes is not None and needs and not self.granted_scopes & set(needs):
            return 200, {}, {"ok": False, "error": "missing_scope", "needed": ",".join(needs),
                             "provided": ",".join(sorted(self.granted_scopes))}
        if method == "auth.test":
            return 200, {}, {"ok": True, "url": "https://fake.slack.com/", "team": "Crumb & Co.",
                             "user": "journeybot", "team_id": TEAM_ID, "user_id": BOT_USER_ID,
                             "bot_id": BOT_ID, "is_enterprise_install": False}
        if method == "conversations.join":
            if channel in self.private_channels:
                return 200, {}, {"ok": False, "error": "method_not_supported_for_channel_type"}
            return 200, {}, {"ok": True, "channel": {"id": channel, "is_member": True}}
        if method in ("chat.postMessage", "files.completeUploadExternal") and channel in self.private_channels:
            return 200, {}, {"ok": False, "error": "not_in_channel"}
        if method == "chat.postMessage":
            # Real Slack ts are the time of posting: history is read "from a little before".
            ts = f"{int(time.time())}.{next(self._ts):06d}"
            metadata = params.get("metadata")
            message = {"type": "message", "text": params.get("text"), "ts": ts, "bot_id": BOT_ID,
                       "thread_ts": params.get("thread_ts"),
                       "metadata": json.loads(metadata) if isinstance(metadata, str) else metadata}
            with self._cond:
                self.messages.append({"channel": channel, **message})
            return 200, {}, {"ok": True, "channel": channel, "ts": ts, "message": message}
        if method in ("conversations.history", "conversations.replies"):
            oldest = float(params.get("oldest") or 0)
            with self._cond:
                found = [{k: v for k, v in m.items() if k != "channel" and (k != "metadata" or params.get(
                          "include_all_metadata") in (True, "true", "1"))}
                         for m in reversed(self.messages) if m["channel"] == channel and float(m["ts"]) >= oldest
                         and (method == "conversations.history" or m.get("thread_ts") == params.get("ts"))]
            return 200, {}, {"ok": True, "messages": found, "has_more": False}
        if method == "chat.update":
            return 200, {}, {"ok": True, "channel": channel, "ts": params.get("ts"), "text": params.get("text")}
        if method == "chat.postEphemeral":
            return 200, {}, {"ok": True, "message_ts": f"1700000000.{next(self._ts):06d}"}
        if method == "reactions.add":
            return 200, {}, {"ok": True}
        if method == "views.publish":
            return 200, {}, {"ok": True, "view": {"id": "V0HOME", "type": "home"}}
        if method.startswith("assistant.threads."):
            return 200, {}, {"ok": True}
        if method in ("chat.startStream", "chat.appendStream", "chat.stopStream"):
            return self._stream(method, params, channel)
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._files):08d}"
            return 200, {}, {"ok": True, "upload_url": f"{self.root}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = json.loads(params.get("files") or "[]")
            return 200, {}, {"ok": True, "files": [{"id": f["id"], "title": f.get("title", "")} for f in files]}
        return 200, {}, {"ok": False, "error": "unknown_method"}

    def _stream(self, method: str, params: dict[str, Any], channel: str | None) -> tuple[int, dict[str, str], dict[str, Any]]:
        """Slack's streaming: start (in a thread; outside a DM it needs the recipient), append
        and stop (only while the stream is open)."""
        chunks = params.get("chunks") or []
        chunks = json.loads(chunks) if isinstance(chunks, str) else chunks
        text = (params.get("markdown_text") or "") + "".join(
            c.get("text", "") for c in chunks if c.get("type") == "markdown_text")
        if method == "chat.startStream":
            if not params.get("thread_ts"):
                return 200, {}, {"ok": False, "error": "invalid_arguments"}
            if not str(channel).startswith("D") and not (params.get("recipient_user_id")
                                                         and params.get("recipient_team_id")):
                return 200, {}, {"ok": False, "error": "invalid_arguments"}
            ts = f"1700000000.{next(self._ts):06d}"
            with self._cond:
                self.streams[ts] = {"channel": channel, "thread_ts": params["thread_ts"], "text": text,
                                    "blocks": [], "state": "in_progress"}
            return 200, {}, {"ok": True, "channel": channel, "ts": ts}
        ts = params.get("ts")
        with self._cond:
            stream = self.streams.get(str(ts))
            if stream is None or stream["channel"] != channel:
                return 200, {}, {"ok": False, "error": "message_not_found"}
            if stream["state"] != "in_progress":
                return 200, {}, {"ok": False, "error": "message_not_in_streaming_state"}
            stream["text"] += text
            if method == "chat.appendStream":
                return 200, {}, {"ok": True, "channel": channel, "ts": ts}
            stream["state"] = "completed"
            stream["blocks"] = params.get("blocks") or []
            return 200, {}, {"ok": True, "channel": channel, "ts": ts, "message": {
                "type": "message", "text": stream["text"], "ts": ts, "bot_id": BOT_ID,
                "thread_ts": stream["thread_ts"]}}
