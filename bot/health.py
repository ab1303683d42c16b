"""/health, /ready and /metrics for a running `journeybot serve`.

- GET /health: 200 "ok" while the process serves HTTP (liveness: restart it when this fails).
- GET /ready: 200 when every required check passes, else 503; the body is JSON naming each
  check and what it found, e.g. {"ready": false, "checks": {"slack": "not connected", ...}}.
  Optional checks (a Chroma server the feedback store uses) are reported without failing
  readiness: the bot still answers everything else.
- GET /metrics: Prometheus' text format (bot/metrics.py).

HTTP mode serves these beside /slack/events on the same port (SlackHTTPServer); Socket Mode
has no port of its own, so `OpsHTTPServer` serves them on `[service] health_port`.
Checks are cached for a second or two: probes every second must not become database load.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bot import metrics

log = logging.getLogger(__name__)

Check = Callable[[], str | None]  # None when fine, else what is wrong (one short sentence)
CACHE_SECONDS = 2.0


@dataclass
class Health:
    checks: dict[str, tuple[Check, bool]] = field(default_factory=dict)  # name -> (check, required)
    started: float = field(default_factory=time.time)
    _cache: tuple[float, bool, dict[str, str]] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, name: str, check: Check, *, required: bool = True) -> None:
        self.checks[name] = (check, required)

    def readiness(self) -> tuple[bool, dict[str, str]]:
        with self._lock:
            now = time.monotonic()
            if self._cache and now - self._cache[0] < CACHE_SECONDS:
                return self._cache[1], self._cache[2]
            found: dict[str, str] = {}
            ok = True
            for name, (check, required) in self.checks.items():
                try:
                    problem = check()
                except Exception as exc:  # a check that raises is a failed check
                    problem = f"{type(exc).__name__}: {str(exc)[:200]}"
                found[name] = "ok" if problem is None else (problem if required else f"degraded: {problem}")
                ok = ok and (problem is None or not required)
            self._cache = (now, ok, found)
        metrics.ready(ok)
        return ok, found

    def respond(self, path: str) -> tuple[int, str, bytes] | None:
        """(status, content type, body) for a GET of `path`, or None when it is not ours."""
        route = path.partition("?")[0]
        if route == "/health":
            return 200, "text/plain; charset=utf-8", b"ok"
        if route == "/ready":
            ok, found = self.readiness()
            body = {"ready": ok, "checks": found, "uptime_seconds": round(time.time() - self.started)}
            return (200 if ok else 503), "application/json", json.dumps(body).encode()
        if route == "/metrics":
            return 200, metrics.CONTENT_TYPE, metrics.exposition()
        return None


def write_response(handler: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class OpsHTTPServer:
    """/health, /ready and /metrics on their own port (Socket Mode)."""

    def __init__(self, health: Health, host: str = "0.0.0.0", port: int = 8080):
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, fmt: str, *args: Any) -> None:
                log.debug("ops http: " + fmt, *args)

            def do_GET(self) -> None:
                found = health.respond(self.path)
                write_response(self, *(found or (404, "text/plain", b"not found")))

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> OpsHTTPServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.2,), name="journeybot-ops",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
