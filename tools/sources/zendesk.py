"""Zendesk Support API: tickets by the cursor-based incremental export, and satisfaction ratings.

As developer.zendesk.com documents it: `GET /api/v2/incremental/tickets/cursor.json` with
`start_time` (Unix seconds) the first time and `cursor` (the previous page's `after_cursor`)
after that, until `end_of_stream`; the last `after_cursor` is kept for the next sync, which
then receives only tickets changed since. `include=users` brings the requesters, so tickets
are keyed by the requester's email like every other vendor's customers. `GET
/api/v2/satisfaction_ratings` with `score=received` (good and bad), `start_time` and cursor
pagination (`page[size]`, `links.next`, `meta.has_more`). Authentication: an API token
(`{email}/token:{token}` Basic) when the source names an agent email, else an OAuth token
(Bearer). The incremental export allows 10 requests a minute; 429s carry Retry-After.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pandas as pd

from tools.data.keys import customer_key
from tools.sources.http import Client
from tools.sources.pages import Batch, Page, field_of, newest
from tools.sources.spec import SourceSpec

INCREMENTAL = "/api/v2/incremental/tickets/cursor.json"
RATINGS = "/api/v2/satisfaction_ratings"
STATUS = {"new": "open", "open": "open", "pending": "pending", "hold": "pending", "solved": "resolved",
          "closed": "closed"}
CHANNELS = {"email": "email", "web": "web", "voice": "phone", "chat": "chat", "native_messaging": "chat",
            "twitter": "social", "facebook": "social", "instagram_dm": "social", "whatsapp": "chat",
            "sms": "sms", "mobile_sdk": "app", "api": "api"}
CSAT = {"good": 5, "bad": 1}
# A rating's customer is its ticket's, looked up in the tickets this sync (or an earlier) loaded.
RATING_CUSTOMER = {"lookups": {"customer_id": {"key": "ticket_id", "table": "tickets", "match": "ticket_id",
                                                "value": "customer_id"}}}


class Zendesk:
    vendor = "Zendesk"

    def headers(self, spec: SourceSpec, token: str, secrets: dict[str, str]) -> dict[str, str]:
        if spec.email:
            basic = base64.b64encode(f"{spec.email}/token:{token}".encode()).decode()
            return {"Authorization": f"Basic {basic}", "Accept": "application/json"}
        return {"Authorization": f"Bearer {token}", "Accept": "application/json"}

    def probe(self, client: Client, spec: SourceSpec) -> str:
        r = client.get(spec.api_base() + RATINGS, {"page[size]": 1})
        has = "with satisfaction ratings" if (r.body or {}).get("satisfaction_ratings") else "no ratings yet"
        return f"reached the Zendesk API at {spec.api_base()} ({has})"

    def pages(self, client: Client, spec: SourceSpec, cursor: dict[str, Any]) -> Iterator[Page]:
        state = {k: dict(v) for k, v in cursor.items()}
        if "tickets" in spec.wanted:
            yield from self._tickets(client, spec, state)
        if "satisfaction_ratings" in spec.wanted:
            yield from self._ratings(client, spec, state)

    def _tickets(self, client: Client, spec: SourceSpec, state: dict[str, dict[str, Any]]) -> Iterator[Page]:
        size = spec.page_size or 1000
        mine = state.get("tickets", {})
        if mine.get("cursor"):
            params: dict[str, Any] = {"cursor": mine["cursor"]}
        else:
            start = spec.start or dt.date(2000, 1, 1)
            params = {"start_time": int(dt.datetime(start.year, start.month, start.day, tzinfo=dt.UTC).timestamp())}
        params |= {"per_page": size, "include": "users", "exclude_deleted": "true"}
        url = spec.api_base() + INCREMENTAL
        while True:
            body = client.get(url, params).body or {}
            records = body.get("tickets") or []
            emails = {u["id"]: u.get("email") for u in body.get("users") or [] if u.get("email")}
            if body.get("after_cursor"):
                state["tickets"] = {"cursor": body["after_cursor"]}
            yield Page((Batch("tickets", tickets(records, emails)),), {k: dict(v) for k, v in state.items()},
                       newest(pd.Series([t.get("created_at") for t in records], dtype="object")), len(records))
            if body.get("end_of_stream", True) or not body.get("after_cursor"):
                return
            params = {"cursor": body["after_cursor"], "per_page": size, "include": "users", "exclude_deleted": "true"}

    def _ratings(self, client: Client, spec: SourceSpec, state: dict[str, dict[str, Any]]) -> Iterator[Page]:
        since = state.get("satisfaction_ratings", {}).get("start_time")
        params: dict[str, Any] | None = {"score": "received", "page[size]": min(spec.page_size or 100, 100)}
        assert params is not None
        if since:
            params["start_time"] = since
        url: str | None = spec.api_base() + RATINGS
        while url:
            body = client.get(url, params).body or {}
            records = body.get("satisfaction_ratings") or []
            if records:
                last = max(pd.Timestamp(r["created_at"]) for r in records)
                # start_time is inclusive: the ratings of that second come again, unchanged
                state["satisfaction_ratings"] = {"start_time": int(last.timestamp())}
            yield Page((Batch("surveys", ratings(records), RATING_CUSTOMER),), {k: dict(v) for k, v in state.items()},
                       None, len(records))
            more = (body.get("meta") or {}).get("has_more")
            url, params = ((body.get("links") or {}).get("next") if more else None), None


def tickets(records: list[dict[str, Any]], emails: dict[int, str]) -> pd.DataFrame:
    columns = ["ticket_id", "customer_id", "created_at", "channel", "subject", "text", "status"]
    if not records:
        return pd.DataFrame(columns=columns)
    df = pd.DataFrame.from_records(records)
    requester = df["requester_id"]
    return pd.DataFrame({
        "ticket_id": df["id"].astype(str),
        "customer_id": [customer_key(emails.get(r)) if emails.get(r) else f"zendesk-{r}" for r in requester],
        "created_at": df["created_at"],
        "channel": field_of(df, "via", "channel").map(lambda c: CHANNELS.get(str(c), c)),
        "subject": field_of(df, "subject"),
        "text": field_of(df, "description"),
        "status": df["status"].map(STATUS).fillna(df["status"]),
    })[columns]


def ratings(records: list[dict[str, Any]]) -> pd.DataFrame:
    columns = ["survey_id", "ticket_id", "ts", "csat", "text", "touchpoint", "channel"]
    kept = [r for r in records if r.get("score") in CSAT]
    if not kept:
        return pd.DataFrame(columns=columns)
    df = pd.DataFrame.from_records(kept)
    return pd.DataFrame({
        "survey_id": "zendesk-csat-" + df["ticket_id"].astype(str),
        "ticket_id": df["ticket_id"].astype(str),
        "ts": df["created_at"],
        "csat": df["score"].map(CSAT),
        "text": field_of(df, "comment"),
        "touchpoint": "support_contact",
        "channel": "zendesk",
    })[columns]
