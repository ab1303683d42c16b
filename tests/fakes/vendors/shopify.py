"""A fake Shopify Admin REST API (orders and customers) on 127.0.0.1.

Follows shopify.dev: `GET /admin/api/{version}/orders.json` and `/customers.json`, the access token
in `X-Shopify-Access-Token`, cursor pagination through the `Link` header (`page_info`, with only
`limit` and `fields` allowed beside it), `limit` up to 250 (default 50), orders filtered by
`status` (default `open`; `any` for all), `updated_at_min/max`, `created_at_min/max`, `since_id`,
`ids`, `financial_status`; the leaky-bucket counter in `X-Shopify-Shop-Api-Call-Limit` (40,
leaking 2/s); 429 with `Retry-After` and Shopify's error text; 401 with Shopify's body.

Where shopify.dev is silent the fake says so in a comment (default sort order, the 400 bodies).
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
import math
import re
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from .server import FakeVendorAPI, Reply, Request

DATA = Path(__file__).resolve().parent / "data"
TOKEN = "shpat_0123456789abcdef0123456789abcdef"
VERSIONS = ("2024-10", "2025-01", "2025-04", "2025-07")
PATH = re.compile(r"^/admin/api/(?P<version>\d{4}-\d{2})/(?P<resource>orders|customers)\.json$")
UNAUTHORIZED = {"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"}
THROTTLED = {"errors": "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}
BUCKET, LEAK_PER_S = 40, 2.0
SHOP_TZ = dt.timezone(dt.timedelta(hours=2))


def _parse_time(value: str) -> dt.datetime:
    t = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return t if t.tzinfo else t.replace(tzinfo=SHOP_TZ)  # no offset given: the shop's time zone (assumed)


def _encode(state: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(state, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode(token: str) -> dict[str, Any]:
    return json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))


class FakeShopify(FakeVendorAPI):
    """`fake.orders` / `fake.customers` hold the shop's records as Shopify's REST JSON."""

    def __init__(self, *, token: str = TOKEN, now: dt.datetime | None = None,
                 enforce_call_limit: bool = False) -> None:
        super().__init__(now=now or dt.datetime(2025, 7, 1, 12, 0, tzinfo=dt.UTC))
        self.token = token
        self.orders: list[dict[str, Any]] = json.loads((DATA / "shopify_orders.json").read_text(encoding="utf-8"))
        self.customers: list[dict[str, Any]] = json.loads((DATA / "shopify_customers.json").read_text(encoding="utf-8"))
        self.enforce_call_limit = enforce_call_limit
        self._bucket, self._bucket_at = 0.0, time.monotonic()
        self._bucket_lock = threading.Lock()

    # -- changes between syncs ---------------------------------------------------------------
    def add_order(self, **fields: Any) -> dict[str, Any]:
        """A new order placed "now" (the fake clock), built from the last one."""
        order = copy.deepcopy(self.orders[-1])
        number = max(o["order_number"] for o in self.orders) + 1
        now = self.clock.now.astimezone(SHOP_TZ).isoformat(timespec="seconds")
        order.update({"id": max(o["id"] for o in self.orders) + 104729, "order_number": number, "number": number - 1000,
                      "name": f"#{number}", "created_at": now, "processed_at": now, "updated_at": now,
                      "cancelled_at": None, "closed_at": None, "financial_status": "paid", "refunds": [],
                      "fulfillment_status": None, "test": False})
        order["admin_graphql_api_id"] = f"gid://shopify/Order/{order['id']}"
        order.update(fields)
        self.orders.append(order)
        return order

    def update_order(self, order_id: int, **changes: Any) -> dict[str, Any]:
        order = next(o for o in self.orders if o["id"] == order_id)
        order.update(changes, updated_at=self.clock.now.astimezone(SHOP_TZ).isoformat(timespec="seconds"))
        return order

    # -- vendor hooks ----------------------------------------------------------------------------
    def authenticate(self, req: Request) -> Reply | None:
        if req.headers.get("x-shopify-access-token") != self.token:
            return Reply(401, UNAUTHORIZED)
        if self.enforce_call_limit and self._bucket_level(peek=True) >= BUCKET:
            return self.rate_limited_reply(req, 2.0)
        return None

    def revoked_reply(self, req: Request) -> Reply:
        return Reply(401, UNAUTHORIZED)

    def rate_limited_reply(self, req: Request, retry_after: float) -> Reply:
        return Reply(429, THROTTLED, {"Retry-After": f"{retry_after:.1f}"})

    def server_error_reply(self, req: Request, status: int) -> Reply:
        # Shopify documents 5xx as "an internal error occurred"; the body wording is assumed.
        return Reply(status, {"errors": "Internal Server Error"})

    def decorate(self, req: Request, reply: Reply) -> None:
        m = PATH.match(req.path)
        level = BUCKET if reply.status == 429 else self._bucket_level()
        reply.headers["X-Shopify-Shop-Api-Call-Limit"] = f"{min(BUCKET, math.ceil(level))}/{BUCKET}"
        if m:
            # An unknown or retired version is answered by the oldest supported one.
            version = m["version"] if m["version"] in VERSIONS else VERSIONS[0]
            reply.headers["X-Shopify-API-Version"] = version

    def _bucket_level(self, *, peek: bool = False) -> float:
        with self._bucket_lock:
            now = time.monotonic()
            level = max(0.0, self._bucket - (now - self._bucket_at) * LEAK_PER_S)
            if not peek:
                self._bucket, self._bucket_at = level + 1, now
                return self._bucket
            return level

    def route(self, req: Request) -> Reply:
        m = PATH.match(req.path)
        if not m or req.method != "GET":
            return Reply(404, {"errors": "Not Found"})
        records = self.orders if m["resource"] == "orders" else self.customers
        return self._list(req, m["version"], m["resource"], records)

    # -- listing -----------------------------------------------------------------------------------
    def _list(self, req: Request, version: str, resource: str, records: list[dict[str, Any]]) -> Reply:
        try:
            limit = int(req.arg("limit", "50"))
        except ValueError:
            return Reply(400, {"errors": {"limit": ["is not a number"]}})  # wording assumed
        if not 1 <= limit <= 250:
            return Reply(400, {"errors": {"limit": ["must be between 1 and 250"]}})  # wording assumed
        fields = req.arg("fields")
        token = req.arg("page_info")
        if token:
            extra = set(req.query) - {"page_info", "limit", "fields"}
            if extra:
                # shopify.dev: a page_info URL "can't be modified"; only limit and fields may join it.
                return Reply(400, {"errors": {"page_info": [f"cannot be combined with {', '.join(sorted(extra))}"]}})
            try:
                state = _decode(token)
            except (ValueError, json.JSONDecodeError):
                return Reply(400, {"errors": {"page_info": ["Invalid value."]}})
            filters, sort = state["f"], state["s"]
        else:
            filters = {k: v[0] for k, v in req.query.items() if k not in ("limit", "fields", "page_info", "order")}
            # The REST reference does not state the default sort; newest first is what stores show.
            sort = req.arg("order", "created_at desc" if resource == "orders" else "id asc")
            state = None
        try:
            matching = [r for r in records if self._matches(r, filters, resource)]
        except ValueError as exc:
            return Reply(400, {"errors": {str(exc): ["is invalid"]}})
        key_name, _, direction = sort.partition(" ")
        if key_name not in ("id", "created_at", "updated_at", "processed_at"):
            return Reply(400, {"errors": {"order": ["is invalid"]}})  # wording assumed
        desc = direction.strip().lower() == "desc"

        def key(r: dict[str, Any]) -> list[Any]:
            value = r.get(key_name)
            value = _parse_time(value).timestamp() if isinstance(value, str) and key_name.endswith("_at") else value
            return [value, r["id"]]

        ordered = sorted(matching, key=key, reverse=desc)
        keys = [key(r) for r in ordered]
        start = 0
        if state is not None:
            anchor = state["k"]
            if state["d"] == "next":
                start = next((i for i, k in enumerate(keys) if (k < anchor if desc else k > anchor)), len(keys))
            else:
                before = [i for i, k in enumerate(keys) if (k > anchor if desc else k < anchor)]
                start = max(0, (before[-1] + 1 if before else 0) - limit)
        page = ordered[start: start + limit]
        links = []
        base = f"{self.base_url}/admin/api/{version}/{resource}.json"
        if start + limit < len(ordered) and page:
            nxt = _encode({"f": filters, "s": sort, "k": key(page[-1]), "d": "next"})
            links.append(f'<{base}?{urlencode({"limit": limit, **({"fields": fields} if fields else {}), "page_info": nxt})}>; rel="next"')
        if start > 0 and page:
            prev = _encode({"f": filters, "s": sort, "k": key(page[0]), "d": "prev"})
            links.append(f'<{base}?{urlencode({"limit": limit, **({"fields": fields} if fields else {}), "page_info": prev})}>; rel="previous"')
        if fields:
            wanted = set(fields.split(","))
            page = [{k: v for k, v in r.items() if k in wanted} for r in page]
        headers = {"Link": ", ".join(links)} if links else {}
        return Reply(200, {resource: copy.deepcopy(page)}, headers, ids=tuple(r["id"] for r in ordered[start: start + limit]))

    def _matches(self, r: dict[str, Any], f: dict[str, str], resource: str) -> bool:
        for name in ("updated_at_min", "updated_at_max", "created_at_min", "created_at_max"):
            if name in f:
                try:
                    bound = _parse_time(f[name])
                except ValueError:
                    raise ValueError(name) from None
                value = _parse_time(r[name.rsplit("_", 1)[0]])
                if (value < bound) if name.endswith("_min") else (value > bound):
                    return False
        if "since_id" in f and r["id"] <= int(f["since_id"]):
            return False
        if "ids" in f and str(r["id"]) not in f["ids"].split(","):
            return False
        if resource != "orders":
            return True
        status = f.get("status", "open")
        if status == "open" and (r["closed_at"] or r["cancelled_at"]):
            return False
        if status == "closed" and not r["closed_at"]:
            return False
        if status == "cancelled" and not r["cancelled_at"]:
            return False
        fin = f.get("financial_status", "any")
        return fin == "any" or r["financial_status"] == fin
