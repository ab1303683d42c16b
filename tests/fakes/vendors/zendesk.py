"""A fake Zendesk Support API on 127.0.0.1: the cursor-based incremental ticket export and the
satisfaction ratings list.

Follows developer.zendesk.com: `GET /api/v2/incremental/tickets/cursor.json?start_time=<unix>`
for the first request, then `?cursor=<after_cursor>`; each page carries `tickets`, `after_url`,
`after_cursor`, `before_url`, `before_cursor` and `end_of_stream`; items changed within the minute
before the request are held back; up to 1000 tickets a page (`per_page`). Auth by
`{email}/token:{api_token}` Basic or an OAuth Bearer token, 401 `{"error": "Couldn't authenticate
you"}` otherwise. 429 with `Retry-After` (seconds). The documented 10 requests a minute on
incremental exports is applied only with `enforce_incremental_limit=True`, so ordinary tests stay
fast. `GET /api/v2/satisfaction_ratings` pages by cursor (`page[size]`, `page[after]`, with
`meta` and `links`) or by offset (`page`, `per_page`, with `next_page`), filtered by `score`,
`start_time`, `end_time`.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
import math
import time
from collections import deque
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from .server import FakeVendorAPI, Reply, Request

DATA = Path(__file__).resolve().parent / "data"
EMAIL, API_TOKEN, OAUTH_TOKEN = "owner@example.com", "zdtok_7uW2aQ9cXr4T1mNb", "zdoauth_c4Fv8Kq2Ls0Pz6Hd"
INCREMENTAL = "/api/v2/incremental/tickets/cursor.json"
RATINGS = "/api/v2/satisfaction_ratings"
UNAUTHORIZED = {"error": "Couldn't authenticate you"}


def _z(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _cursor(ts: int, tid: int) -> str:
    return base64.urlsafe_b64encode(f"{ts}.{tid}".encode()).decode().rstrip("=")


def _uncursor(token: str) -> tuple[int, int]:
    ts, tid = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode().split(".")
    return int(ts), int(tid)


class FakeZendesk(FakeVendorAPI):
    """`fake.tickets` / `fake.ratings` hold the account's records as Zendesk's JSON."""

    def __init__(self, *, subdomain: str = "example", email: str = EMAIL, api_token: str = API_TOKEN,
                 oauth_token: str = OAUTH_TOKEN, now: dt.datetime | None = None,
                 enforce_incremental_limit: bool = False) -> None:
        super().__init__(now=now or dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC))
        self.subdomain = subdomain
        basic = base64.b64encode(f"{email}/token:{api_token}".encode()).decode()
        self._accepted = {f"Basic {basic}", f"Bearer {oauth_token}"}
        self.tickets: list[dict[str, Any]] = json.loads((DATA / "zendesk_tickets.json").read_text(encoding="utf-8"))
        self.ratings: list[dict[str, Any]] = json.loads(
            (DATA / "zendesk_satisfaction_ratings.json").read_text(encoding="utf-8"))
        self.enforce_incremental_limit = enforce_incremental_limit
        self._incremental_calls: deque[float] = deque()

    # -- changes between syncs ---------------------------------------------------------------
    def add_ticket(self, **fields: Any) -> dict[str, Any]:
        tid = max(t["id"] for t in self.tickets) + 1
        ticket = copy.deepcopy(self.tickets[-1])
        now = self.clock.now
        ticket.update({"id": tid, "url": f"https://{self.subdomain}.zendesk.com/api/v2/tickets/{tid}.json",
                       "created_at": _z(now), "updated_at": _z(now), "generated_timestamp": int(now.timestamp()),
                       "status": "new", "assignee_id": None, "satisfaction_rating": {"score": "unoffered"}})
        ticket.update(fields)
        self.tickets.append(ticket)
        return ticket

    def update_ticket(self, ticket_id: int, **changes: Any) -> dict[str, Any]:
        """Change a ticket "now"; status "deleted" is how the export reports a deleted ticket."""
        ticket = next(t for t in self.tickets if t["id"] == ticket_id)
        now = self.clock.now
        ticket.update(changes, updated_at=_z(now), generated_timestamp=int(now.timestamp()))
        return ticket

    # -- vendor hooks ----------------------------------------------------------------------------
    def authenticate(self, req: Request) -> Reply | None:
        if req.headers.get("authorization") not in self._accepted:
            return Reply(401, UNAUTHORIZED)
        if self.enforce_incremental_limit and req.path == INCREMENTAL:
            now = time.monotonic()
            while self._incremental_calls and now - self._incremental_calls[0] > 60:
                self._incremental_calls.popleft()
            if len(self._incremental_calls) >= 10:
                return self.rate_limited_reply(req, 60 - (now - self._incremental_calls[0]))
            self._incremental_calls.append(now)
        return None

    def revoked_reply(self, req: Request) -> Reply:
        return Reply(401, UNAUTHORIZED)

    def rate_limited_reply(self, req: Request, retry_after: float) -> Reply:
        # Zendesk documents the 429 and its Retry-After header (whole seconds); the body text is assumed.
        what = "incremental export API requests" if req.path == INCREMENTAL else "API requests"
        return Reply(429, {"error": "APIRateLimitExceeded", "description": f"Number of allowed {what} per minute exceeded"},
                     {"Retry-After": str(max(1, math.ceil(retry_after)))})

    def server_error_reply(self, req: Request, status: int) -> Reply:
        body = {"error": "Service Unavailable"} if status == 503 else {"error": "InternalError"}  # assumed
        return Reply(status, body, {"Retry-After": "5"} if status == 503 else {})

    def decorate(self, req: Request, reply: Reply) -> None:
        reply.headers.setdefault("X-Rate-Limit", "700")
        reply.headers.setdefault("X-Rate-Limit-Remaining", str(max(0, 700 - len(self.log) - 1)))

    def route(self, req: Request) -> Reply:
        if req.method != "GET":
            return Reply(404, {"error": "InvalidEndpoint", "description": "Not found"})
        if req.path == INCREMENTAL:
            return self._incremental(req)
        if req.path in (RATINGS, RATINGS + ".json"):
            return self._ratings(req)
        return Reply(404, {"error": "InvalidEndpoint", "description": "Not found"})

    # -- incremental ticket export -------------------------------------------------------------
    def _incremental(self, req: Request) -> Reply:
        per_page = min(int(req.arg("per_page", "1000")), 1000)
        cursor, start = req.arg("cursor"), req.arg("start_time")
        now_ts = int(self.clock.now.timestamp())
        if cursor:
            try:
                position = _uncursor(cursor)
            except ValueError:
                return Reply(400, {"error": "InvalidValue", "description": "Invalid cursor"})  # wording assumed
        elif start is None or not start.isdigit():
            return Reply(400, {"error": "InvalidValue", "description": "start_time is required"})  # wording assumed
        elif int(start) > now_ts - 60:
            return Reply(400, {"error": "InvalidValue",
                               "description": "Too recent start_time. Use a start_time older than 1 minute."})  # wording assumed
        else:
            position = (int(start), -1)  # on or after start_time
        ready = sorted((t for t in self.tickets if t["generated_timestamp"] <= now_ts - 60),
                       key=lambda t: (t["generated_timestamp"], t["id"]))
        after = [t for t in ready if (t["generated_timestamp"], t["id"]) > position]
        page = after[:per_page]
        last = (page[-1]["generated_timestamp"], page[-1]["id"]) if page else position
        token = _cursor(*last)
        keep = {k: v[0] for k, v in req.query.items() if k in ("per_page", "include", "exclude_deleted")}
        body: dict[str, Any] = {
            "tickets": copy.deepcopy(page),
            # Zendesk answers with absolute URLs on its own host; the fake's host is 127.0.0.1.
            "after_url": f"{self.base_url}{INCREMENTAL}?{urlencode({**keep, 'cursor': token})}",
            "after_cursor": token, "before_url": None, "before_cursor": None,
            "end_of_stream": len(after) <= per_page,
        }
        if req.arg("exclude_deleted") == "true":
            body["tickets"] = [t for t in body["tickets"] if t["status"] != "deleted"]
        if "users" in (req.arg("include") or "").split(","):
            ids = sorted({t["requester_id"] for t in page} | {t["assignee_id"] for t in page if t["assignee_id"]})
            body["users"] = [{"id": i, "name": f"User {i}", "role": "agent" if i < 1000 else "end-user"} for i in ids]
        return Reply(200, body, ids=tuple(t["id"] for t in page))

    # -- satisfaction ratings -------------------------------------------------------------------
    def _ratings(self, req: Request) -> Reply:
        items = sorted(self.ratings, key=lambda r: (r["created_at"], r["id"]))
        score = req.arg("score")
        if score and score not in ("received", "received_with_comment", "received_without_comment"):
            base = score.split("_with")[0]
            items = [r for r in items if r["score"] == base]
        if score in ("received_with_comment", "good_with_comment", "bad_with_comment"):
            items = [r for r in items if r["comment"]]
        for name, keep in (("start_time", lambda t, b: t >= b), ("end_time", lambda t, b: t <= b)):
            if req.arg(name):
                bound = int(req.arg(name))
                items = [r for r in items if keep(int(dt.datetime.fromisoformat(r["created_at"].replace("Z", "+00:00")).timestamp()), bound)]
        base_url = f"{self.base_url}{req.path}"
        if req.arg("page[size]"):
            size = min(int(req.arg("page[size]")), 100)
            ids = [r["id"] for r in items]
            after, before = req.arg("page[after]"), req.arg("page[before]")
            try:
                anchor = _uncursor(after or before)[1] if (after or before) else None
            except ValueError:
                return Reply(400, {"error": "InvalidPaginationParameter", "description": "Invalid cursor"})  # assumed
            if after:
                start = next((i + 1 for i, x in enumerate(ids) if x == anchor), len(ids))
            elif before:
                start = max(0, next((i for i, x in enumerate(ids) if x == anchor), 0) - size)
            else:
                start = 0
            end = next((i for i, x in enumerate(ids) if x == anchor), 0) if before else start + size
            page = items[start:end]
            has_more = start + len(page) < len(items)
            first, last = (_cursor(0, page[0]["id"]), _cursor(0, page[-1]["id"])) if page else (None, None)
            body = {"satisfaction_ratings": copy.deepcopy(page),
                    "meta": {"has_more": has_more, "after_cursor": last, "before_cursor": first},
                    "links": {"next": f"{base_url}?{urlencode({'page[size]': size, 'page[after]': last})}" if has_more else None,
                              "prev": f"{base_url}?{urlencode({'page[size]': size, 'page[before]': first})}" if start else None}}
            return Reply(200, body, ids=tuple(r["id"] for r in page))
        per_page, page_no = min(int(req.arg("per_page", "100")), 100), int(req.arg("page", "1"))
        page = items[(page_no - 1) * per_page: page_no * per_page]
        more = page_no * per_page < len(items)
        body = {"satisfaction_ratings": copy.deepcopy(page), "count": len(items),
                "next_page": f"{base_url}?{urlencode({'page': page_no + 1, 'per_page': per_page})}" if more else None,
                "previous_page": f"{base_url}?{urlencode({'page': page_no - 1, 'per_page': per_page})}" if page_no > 1 else None}
        return Reply(200, body, ids=tuple(r["id"] for r in page))
