"""A tiny threaded HTTP server on 127.0.0.1 for the fake vendor APIs, with the faults a sync must
survive: a page that fails (HTTP 5xx, or a body cut off half way), a token revoked from some
moment on, and HTTP 429 every Nth call. It records every request so tests can assert what was
fetched, per path.

Each vendor module subclasses `FakeVendorAPI` and supplies its routes and its own error bodies;
the fault plumbing here never invents a vendor's wording.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: bytes = b""

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[0] if values else default


@dataclass
class Reply:
    status: int
    body: Any = None  # dict/list -> JSON, bytes/str sent as is
    headers: dict[str, str] = field(default_factory=dict)
    ids: tuple[Any, ...] = ()  # the records this reply carried, for incrementality assertions
    truncate: bool = False  # send half the body, then drop the connection


@dataclass
class Served:
    method: str
    path: str
    query: dict[str, str]
    status: int
    ids: tuple[Any, ...]
    at: float
    truncated: bool = False


class Clock:
    """The vendor's notion of "now" (UTC); tests move it instead of sleeping."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def advance(self, **delta: float) -> dt.datetime:
        self.now = self.now + dt.timedelta(**delta)
        return self.now


@dataclass
class _PageFault:
    path: str
    page: int  # 1-based: the page that would be the Nth successful one on this path
    times: int | None  # None: fails every time
    status: int
    truncate: bool


class FakeVendorAPI:
    """Base class: routing, request log, faults. Subclasses implement `route` and the error bodies."""

    def __init__(self, *, now: dt.datetime) -> None:
        self.clock = Clock(now)
        self.log: list[Served] = []
        self._lock = threading.RLock()
        self._page_faults: list[_PageFault] = []
        self._ok_pages: dict[str, int] = {}
        self._rate_every: int | None = None
        self._retry_after: float = 1.0
        self._count = 0
        self._count_base = 0
        self._revoke_at: int | None = None
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                fake._serve(self)

            def do_POST(self) -> None:
                fake._serve(self)

            def do_PUT(self) -> None:
                fake._serve(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    # -- lifecycle --------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FakeVendorAPI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> FakeVendorAPI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- faults, set by the test ----------------------------------------------------------
    def fail_page(self, page: int, *, path: str, times: int | None = 1, status: int = 500,
                  truncate: bool = False) -> None:
        """The `page`-th page on `path` fails `times` times (None: for ever), then is served.
        `truncate` sends a 200 whose body stops half way instead of an error status."""
        with self._lock:
            self._page_faults.append(_PageFault(path, page, times, status, truncate))

    def revoke_token(self, *, after_requests: int = 0) -> None:
        """Every request after the next `after_requests` ones is refused as unauthenticated."""
        with self._lock:
            self._revoke_at = self._count + after_requests

    def rate_limit_every(self, n: int, *, retry_after: float = 1.0) -> None:
        """Every Nth request (counting all requests from now) gets the vendor's 429."""
        with self._lock:
            self._rate_every, self._retry_after, self._count_base = n, retry_after, self._count

    # -- reading, for assertions ----------------------------------------------------------
    def requests_to(self, path: str, *, status: int | None = None) -> list[Served]:
        with self._lock:
            return [s for s in self.log if s.path == path and (status is None or s.status == status)]

    def pages_served(self, path: str) -> int:
        """Complete 200 replies on `path` (a truncated body does not count)."""
        return sum(1 for s in self.requests_to(path, status=200) if not s.truncated)

    def hits(self, path: str) -> int:
        return len(self.requests_to(path))

    def served_ids(self, path: str) -> list[Any]:
        return [i for s in self.requests_to(path, status=200) if not s.truncated for i in s.ids]

    def reset_log(self) -> None:
        with self._lock:
            self.log.clear()

    # -- vendor hooks ---------------------------------------------------------------------
    def authenticate(self, req: Request) -> Reply | None:
        """None if the request may proceed, else the vendor's auth error reply."""
        raise NotImplementedError

    def revoked_reply(self, req: Request) -> Reply:
        raise NotImplementedError

    def rate_limited_reply(self, req: Request, retry_after: float) -> Reply:
        raise NotImplementedError

    def server_error_reply(self, req: Request, status: int) -> Reply:
        raise NotImplementedError

    def route(self, req: Request) -> Reply:
        raise NotImplementedError

    def decorate(self, req: Request, reply: Reply) -> None:
        """Headers every reply of this vendor carries (rate-limit counters, API version...)."""

    # -- plumbing -------------------------------------------------------------------------
    def _decide(self, req: Request) -> Reply:
        with self._lock:
            self._count += 1
            count = self._count
            revoked = self._revoke_at is not None and count > self._revoke_at
            limited = bool(self._rate_every) and (count - self._count_base) % self._rate_every == 0
        if revoked:
            return self.revoked_reply(req)
        denied = self.authenticate(req)
        if denied is not None:
            return denied
        if limited:
            return self.rate_limited_reply(req, self._retry_after)
        with self._lock:
            page_no = self._ok_pages.get(req.path, 0) + 1
            fault = next((f for f in self._page_faults if f.path == req.path and f.page == page_no
                          and (f.times is None or f.times > 0)), None)
            if fault and fault.times is not None:
                fault.times -= 1
        reply = self.route(req)
        if fault and reply.status == 200:
            if fault.truncate:
                reply.truncate = True
            else:
                return self.server_error_reply(req, fault.status)
        return reply

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        url = urlsplit(h.path)
        length = int(h.headers.get("Content-Length") or 0)
        req = Request(h.command, url.path, parse_qs(url.query, keep_blank_values=True),
                      {k.lower(): v for k, v in h.headers.items()}, h.rfile.read(length) if length else b"")
        reply = self._decide(req)
        self.decorate(req, reply)
        ok = reply.status == 200 and not reply.truncate
        with self._lock:
            if ok:
                self._ok_pages[req.path] = self._ok_pages.get(req.path, 0) + 1
            self.log.append(Served(req.method, req.path, {k: v[0] for k, v in req.query.items()},
                                   reply.status, reply.ids if ok else (), time.monotonic(), reply.truncate))
        body = reply.body
        data = (json.dumps(body).encode() if isinstance(body, (dict, list))
                else body.encode() if isinstance(body, str) else (body or b""))
        h.send_response(reply.status)
        h.send_header("Content-Type", reply.headers.pop("Content-Type", "application/json; charset=utf-8"))
        for key, value in reply.headers.items():
            h.send_header(key, value)
        h.send_header("Content-Length", str(len(data)))
        if reply.truncate:
            h.send_header("Connection", "close")
        h.end_headers()
        if reply.truncate:
            h.wfile.write(data[: len(data) // 2])
            h.wfile.flush()
            h.close_connection = True
            return
        h.wfile.write(data)
