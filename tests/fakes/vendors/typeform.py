"""A fake Typeform Responses API on 127.0.0.1.

Follows typeform.com/developers: `GET /forms/{form_id}/responses` with a Bearer personal access
token; `page_size` (default 25, max 1000), `since` / `until` (inclusive; ISO 8601 UTC to the second
or a Unix timestamp), `before` / `after` (a response token, exclusive, not combinable with `sort`),
`completed`, `response_type`, `sort` (`submitted_at,desc` by default), `query`; the reply carries
`total_items`, `page_count` and `items`. `GET /forms/{form_id}` returns the form definition, so a
client can map answers to question titles.

Assumed where the reference is silent: with `before` the page runs newest first and with `after`
oldest first (in the order responses were processed); only completed responses are returned unless
`response_type` or `completed=false` asks for others; error bodies other than 401 use Typeform's
`{"code", "description"}` shape with codes chosen here.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Any

from .server import FakeVendorAPI, Reply, Request

DATA = Path(__file__).resolve().parent / "data"
TOKEN = "tfp_7Qm2Xc9Lr4Vb8Nd1Kp6Hs3Jf0Wg5Yt"
FORM_PATH = re.compile(r"^/forms/(?P<form>[A-Za-z0-9]+)(?P<responses>/responses)?$")
NO_CREDENTIALS = {"code": "AUTHENTICATION_FAILED", "description": "Authentication credentials not found on the Request Headers"}
BAD_TOKEN = {"code": "AUTHENTICATION_FAILED", "description": "Authentication failed: the token is invalid or was revoked"}


def _parse_bound(value: str) -> dt.datetime:
    if value.isdigit():
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    t = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def _when(item: dict[str, Any]) -> dt.datetime:
    stamp = item.get("submitted_at") or item["landed_at"]
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


class FakeTypeform(FakeVendorAPI):
    """`fake.responses` is the form's responses in processing order; `fake.form` its definition."""

    def __init__(self, *, token: str = TOKEN, now: dt.datetime | None = None) -> None:
        super().__init__(now=now or dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC))
        self.token = token
        self.form: dict[str, Any] = json.loads((DATA / "typeform_form.json").read_text(encoding="utf-8"))
        self.responses: list[dict[str, Any]] = json.loads((DATA / "typeform_responses.json").read_text(encoding="utf-8"))
        self.responses.sort(key=_when)

    @property
    def form_id(self) -> str:
        return self.form["id"]

    @property
    def responses_path(self) -> str:
        return f"/forms/{self.form_id}/responses"

    # -- changes between syncs ---------------------------------------------------------------
    def add_response(self, **fields: Any) -> dict[str, Any]:
        """A response submitted "now" (the fake clock), copied from the newest completed one."""
        template = next(r for r in reversed(self.responses) if r["response_type"] == "completed")
        item = copy.deepcopy(template)
        token = f"{len(self.responses):04d}" + template["token"][4:]
        stamp = self.clock.now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        item.update({"landing_id": token, "token": token, "response_id": token, "landed_at": stamp,
                     "submitted_at": stamp})
        item.update(fields)
        self.responses.append(item)
        return item

    # -- vendor hooks ----------------------------------------------------------------------------
    def authenticate(self, req: Request) -> Reply | None:
        auth = req.headers.get("authorization", "")
        if not auth:
            return Reply(401, NO_CREDENTIALS)
        if auth != f"Bearer {self.token}":
            return Reply(401, BAD_TOKEN)
        return None

    def revoked_reply(self, req: Request) -> Reply:
        return Reply(401, BAD_TOKEN)

    def rate_limited_reply(self, req: Request, retry_after: float) -> Reply:
        # Typeform documents a limit of 2 requests a second; the 429 body and Retry-After are assumed.
        return Reply(429, {"code": "TOO_MANY_REQUESTS", "description": "Rate limit exceeded, retry later"},
                     {"Retry-After": str(max(1, math.ceil(retry_after)))})

    def server_error_reply(self, req: Request, status: int) -> Reply:
        return Reply(status, {"code": "INTERNAL_SERVER_ERROR", "description": "Something went wrong"})  # assumed

    def route(self, req: Request) -> Reply:
        m = FORM_PATH.match(req.path)
        if not m or req.method != "GET":
            return Reply(404, {"code": "NOT_FOUND", "description": "Endpoint not found"})
        if m["form"] != self.form_id:
            return Reply(404, {"code": "FORM_NOT_FOUND", "description": f"Non existing form with uid {m['form']}"})
        if not m["responses"]:
            return Reply(200, copy.deepcopy(self.form))
        return self._responses(req)

    # -- responses ---------------------------------------------------------------------------------
    def _responses(self, req: Request) -> Reply:
        def invalid(text: str) -> Reply:
            return Reply(400, {"code": "VALIDATION_ERROR", "description": text})

        try:
            size = int(req.arg("page_size", "25"))
        except ValueError:
            return invalid("page_size must be an integer")
        if not 1 <= size <= 1000:
            return invalid("page_size must be between 1 and 1000")
        before, after, sort = req.arg("before"), req.arg("after"), req.arg("sort")
        if (before or after) and sort:
            return invalid("sort cannot be used together with before or after")
        if before and after:
            return invalid("before and after cannot be used together")
        items = list(self.responses)  # processing order
        kinds = set((req.arg("response_type") or "").split(",")) - {""}
        completed = req.arg("completed")
        if completed == "false":
            kinds = kinds or {"partial", "started"}
        items = [r for r in items if r["response_type"] in (kinds or {"completed"})]
        try:
            since = _parse_bound(req.arg("since")) if req.arg("since") else None
            until = _parse_bound(req.arg("until")) if req.arg("until") else None
        except ValueError:
            return invalid("since and until must be ISO 8601 UTC or a Unix timestamp")
        items = [r for r in items if (since is None or _when(r) >= since) and (until is None or _when(r) <= until)]
        if req.arg("query"):
            needle = req.arg("query").lower()
            items = [r for r in items if needle in json.dumps(r["answers"] + [r["hidden"]], ensure_ascii=False).lower()]
        tokens = [r["token"] for r in items]
        if before:
            items = items[: tokens.index(before)] if before in tokens else []
            items.reverse()
        elif after:
            items = items[tokens.index(after) + 1:] if after in tokens else []
        else:
            field, _, direction = (sort or "submitted_at,desc").partition(",")
            if field not in ("submitted_at", "landed_at"):
                return invalid("sort field must be submitted_at or landed_at")
            items.sort(key=lambda r: r.get(field) or r["landed_at"], reverse=direction != "asc")
        page = items[:size]
        body = {"total_items": len(items), "page_count": math.ceil(len(items) / size), "items": copy.deepcopy(page)}
        return Reply(200, body, ids=tuple(r["token"] for r in page))
