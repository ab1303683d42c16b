"""Wiring only: the Web API client, the Bolt app, and the two ways of receiving from Slack.

- Socket Mode (default): the app opens a WebSocket to Slack with the app-level token; no
  public URL, no open port. Right for a small business.
- HTTP mode: Slack POSTs signed requests to this process (`SlackHTTPServer`); Bolt checks
  every signature and refuses requests older than five minutes.

The Web API base URL comes from `[slack] api_base_url`, so a proxy or the test fake is a
config change, not a code change.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.error import URLError

from slack_bolt import App, BoltRequest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

from bot import metrics
from bot.health import Health, write_response
from bot.slack.listeners import register_listeners
from bot.slack.middleware import (
    answer_each_event_once,
    attach_services,
    drop_noise,
    enforce_allow_lists,
)
from bot.slack.services import SlackServices

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1_000_000  # Slack's payloads are a few kB; refuse anything absurd
_TOKEN_PROBLEMS = {"invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive",
                   "missing_scope", "not_allowed_token_type"}


def make_client(settings: Any, token: str | None) -> WebClient:
    """A WebClient that waits out HTTP 429 (Retry-After) and retries dropped connections."""
    return WebClient(
        token=token,
        base_url=settings.api_base_url,
        timeout=settings.request_timeout_seconds,
        retry_handlers=[
            RateLimitErrorRetryHandler(max_retry_count=settings.rate_limit_retries),
            ConnectionErrorRetryHandler(max_retry_count=2),
        ],
    )


def build_app(services: SlackServices, client: WebClient, *, signing_secret: str | None = None) -> App:
    """The Bolt app; a signing secret turns on request verification (HTTP mode)."""
    app = App(
        client=client,
        signing_secret=signing_secret,
        request_verification_enabled=signing_secret is not None,
        # `journeybot serve` checks the token itself first, with a clearer message than Bolt's.
        token_verification_enabled=False,
        before_authorize=drop_noise,
        listener_executor=ThreadPoolExecutor(max_workers=8, thread_name_prefix="journeybot-slack"),
    )
    app.use(attach_services(services))
    app.use(answer_each_event_once)
    app.use(enforce_allow_lists)
    if services.settings.ai_app:  # assistant threads; DM threads go through it too
        from bot.slack.assistant import build_assistant

        app.use(build_assistant(services))
    register_listeners(app)

    @app.error
    def log_errors(error: Exception, body: dict[str, Any]) -> None:
        log.exception("unhandled error for a %s request", body.get("type") or body.get("command"),
                      exc_info=error)

    return app


# -- start-up checks ------------------------------------------------------------------------

class SlackStartupError(Exception):
    """Slack cannot be used with the configured tokens; the message says what to fix."""


@dataclass(frozen=True)
class Identity:
    team_id: str
    team: str
    bot_user_id: str
    bot_name: str


def check_tokens(client: WebClient, *, app_token: str | None = None) -> Identity:
    """auth.test with the bot token (and apps.connections.open with the app token in Socket
    Mode), turned into one clear sentence when a token is wrong or revoked."""
    try:
        auth = client.auth_test()
    except SlackApiError as exc:
        raise SlackStartupError(_token_message("SLACK_BOT_TOKEN", "xoxb-", exc)) from None
    except (URLError, OSError) as exc:
        raise SlackStartupError(f"Slack is unreachable at {client.base_url} ({exc}). Check the network "
                                "and [slack] api_base_url.") from None
    if app_token is not None:
        try:
            WebClient(base_url=client.base_url, timeout=client.timeout).apps_connections_open(app_token=app_token)
        except SlackApiError as exc:
            raise SlackStartupError(_token_message("SLACK_APP_TOKEN", "xapp-", exc)) from None
        except (URLError, OSError) as exc:
            raise SlackStartupError(f"Slack is unreachable at {client.base_url} ({exc}).") from None
    return Identity(auth.get("team_id", ""), auth.get("team", ""), auth.get("user_id", ""), auth.get("user", ""))


def _token_message(env: str, prefix: str, exc: SlackApiError) -> str:
    error = str(exc.response.get("error", "unknown_error"))
    if error in _TOKEN_PROBLEMS:
        where = ("OAuth & Permissions > Bot User OAuth Token" if prefix == "xoxb-"
                 else "Basic Information > App-Level Tokens (scope connections:write)")
        return (f"Slack refused {env} ({error}): the token is wrong, revoked or lacks a scope. Copy a "
                f"fresh {prefix}… token from your app's settings ({where}), or reinstall the app.")
    return f"Slack answered {error} when checking {env}."


# -- HTTP mode ------------------------------------------------------------------------------

class SlackHTTPServer:
    """Slack's requests over HTTP into Bolt, one thread per request (Bolt's own server is for
    development only and handles one request at a time). Put it behind HTTPS."""

    def __init__(self, app: App, host: str = "0.0.0.0", port: int = 3000, path: str = "/slack/events",
                 health: Health | None = None):
        self.app = app
        self.path = path
        self.health = health or Health()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, fmt: str, *args: Any) -> None:
                log.debug("http: " + fmt, *args)

            def do_GET(self) -> None:  # /health, /ready, /metrics for load balancers and Prometheus
                found = server.health.respond(self.path)
                write_response(self, *(found or (404, "text/plain", b"not found")))

            def do_POST(self) -> None:
                route, _, query = self.path.partition("?")
                length = int(self.headers.get("Content-Length") or 0)
                if route != server.path or length > MAX_BODY_BYTES:
                    self._reply(404 if route != server.path else 413, {}, "")
                    return
                started = time.monotonic()
                body = self.rfile.read(length).decode("utf-8")
                headers = {k.lower(): [v] for k, v in self.headers.items()}
                resp = server.app.dispatch(BoltRequest(body=body, query=query, headers=headers))
                self._reply(resp.status, resp.headers, resp.body)
                metrics.acked(_request_kind(body), time.monotonic() - started)

            def _reply(self, status: int, headers: dict[str, Any], body: str) -> None:
                data = (body or "").encode("utf-8")
                self.send_response(status)
                for name, values in headers.items():
                    if name.lower() == "content-length":
                        continue
                    for value in values if isinstance(values, (list, tuple, set)) else [values]:
                        self.send_header(name, str(value))
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{self.path}"

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        self.httpd.serve_forever(poll_interval)

    def start_in_thread(self, poll_interval: float = 0.05) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, args=(poll_interval,), name="journeybot-http",
                                  daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _request_kind(body: str) -> str:
    if body.startswith("{"):
        return "event"
    return "interaction" if body.startswith("payload=") or "&payload=" in body else "command"


def start_socket_mode(app: App, app_token: str, health: Health | None = None) -> None:
    """Blocks; Slack's WebSocket reconnects by itself after network trouble. `health` gets a
    "slack" readiness check that fails while the WebSocket is down."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(app, app_token, web_client=app.client)
    if health is not None:
        health.add("slack", lambda: None if handler.client.is_connected() else "not connected to Slack")
    handler.start()
