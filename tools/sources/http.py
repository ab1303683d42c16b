"""HTTP for sources: one GET at a time, with the vendor's rate limits honoured and its errors
told in words.

- 429: wait as long as Retry-After says (or back off), then ask again; a wait longer than
  `max_wait` ends the sync with "rate limited" and the next sync resumes from the cursor.
- 5xx, a dropped connection or a body cut off half way: back off and ask again, a few times.
- 401/403: stop at once with the vendor's own words (a revoked token does not come back).
- other 4xx: stop, with the vendor's message.

httpx is already installed with the OpenAI client; it is imported here, only when a source
syncs, so `journeybot` starts as fast as before.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tools.core.errors import JourneyError
from tools.sources.spec import check_address


class SourceError(JourneyError):
    """A sync could not go on. `short` is the reason in a few words, for freshness alerts."""

    def __init__(self, short: str, detail: str = "", *, status: int | None = None,
                 retry_after: float | None = None):
        self.short = short
        self.status = status
        self.retry_after = retry_after
        super().__init__(short + (f": {detail}" if detail else ""))


class AuthFailed(SourceError):
    """The vendor refused the credentials (wrong, expired or revoked)."""


class RateLimited(SourceError):
    """The vendor asked to wait longer than a sync waits."""


class Unreachable(SourceError):
    """The vendor did not answer properly after the retries."""


@dataclass
class HttpSettings:
    timeout: float = 30.0
    retries: int = 4  # further attempts after a 5xx, a dropped connection or a cut-off body
    max_wait: float = 120.0  # longest Retry-After waited for inside one sync
    backoff: float = 0.5  # first back-off, doubled each time
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)


@dataclass
class Response:
    status: int
    headers: dict[str, str]  # lower-case names
    body: Any  # parsed JSON, or bytes for files
    url: str


def vendor_message(body: Any) -> str:
    """The error text in a vendor's JSON body: Shopify's `errors`, Zendesk's `error` and
    `description`, Typeform's `code` and `description`."""
    if not isinstance(body, dict):
        return ""
    parts = []
    for name in ("errors", "error", "code", "description", "message"):
        value = body.get(name)
        if isinstance(value, dict):
            value = "; ".join(f"{k} {', '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in value.items())
        if value and str(value) not in parts:
            parts.append(str(value))
    return ": ".join(parts)[:300]


class Client:
    """GETs against one vendor with its auth headers; `throttle` sees every good response
    (Shopify's call-limit header) and may wait before the next request."""

    def __init__(self, vendor: str, headers: dict[str, str] | None = None,
                 settings: HttpSettings | None = None,
                 throttle: Callable[[Response, Callable[[float], None]], None] | None = None):
        import httpx

        self.vendor = vendor
        self.settings = settings or HttpSettings()
        self.throttle = throttle
        self.requests = 0
        self._http = httpx.Client(headers=headers or {}, timeout=self.settings.timeout, follow_redirects=False)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, params: dict[str, Any] | None = None, *, raw: bool = False,
            headers: dict[str, str] | None = None) -> Response:
        import httpx

        _allowed(url)
        s = self.settings
        failures = 0
        limited = 0
        redirects = 0
        while True:
            self.requests += 1
            try:
                r = self._http.get(url, params=params, headers=headers)
                content = r.content  # reads the whole body: a cut-off one raises here
                body: Any = content if raw or r.status_code == 304 else (json.loads(content) if content else None)
            except (httpx.TransportError, ValueError) as exc:
                failures += 1
                if failures > s.retries:
                    raise Unreachable(f"{self.vendor} did not answer properly",
                                      f"{type(exc).__name__}: {str(exc)[:200]} (after {failures} tries)") from None
                s.sleep(s.backoff * 2 ** (failures - 1))
                continue
            response = Response(r.status_code, {k.lower(): v for k, v in r.headers.items()}, body, str(r.url))
            location = response.headers.get("location")
            if r.status_code in (301, 302, 303, 307, 308) and location and redirects < 5:
                # followed by hand so that every hop is held to https (Google Sheets redirects)
                redirects += 1
                url, params = _allowed(str(r.url.join(location))), None
                continue
            if r.status_code < 300 or r.status_code == 304:
                if self.throttle:
                    self.throttle(response, s.sleep)
                return response
            message = vendor_message(body) if not raw else ""
            wait = _retry_after(response.headers.get("retry-after"))
            if r.status_code == 429:
                limited += 1
                wait = wait if wait is not None else s.backoff * 2 ** min(limited, 6)
                if wait > s.max_wait or limited > 3 * (s.retries + 1):
                    raise RateLimited(f"{self.vendor} rate limit", f"asked to wait {wait:.0f} s; the next "
                                      "sync resumes where this one stopped", status=429, retry_after=wait)
                s.sleep(wait)
                continue
            if r.status_code in (401, 403):
                word = "token refused" if r.status_code == 401 else "access denied"
                raise AuthFailed(f"{r.status_code} {word}", f"{self.vendor} said: {message or r.reason_phrase}; "
                                 "the token may have been revoked or lack a permission", status=r.status_code)
            if r.status_code >= 500:
                failures += 1
                if failures > s.retries:
                    raise Unreachable(f"{self.vendor} error {r.status_code}",
                                      f"{message or r.reason_phrase} (after {failures} tries)", status=r.status_code)
                s.sleep(min(wait if wait is not None else s.backoff * 2 ** (failures - 1), s.max_wait))
                continue
            raise SourceError(f"{r.status_code} from {self.vendor}", message or r.reason_phrase, status=r.status_code)


def _allowed(url: str) -> str:
    try:
        return check_address(url)
    except ValueError as exc:
        raise SourceError("address refused", str(exc)) from None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: fall back to backing off
