"""Shopify Admin REST API: orders and customers, incremental by updated_at.

As shopify.dev documents it: `GET /admin/api/{version}/orders.json` (and customers.json) with
the access token in `X-Shopify-Access-Token`; `status=any` for every order (the default is
open ones only); `updated_at_min` for what changed since the last sync, `order=updated_at asc`
so each page's last `updated_at` is a safe cursor (the next request repeats the records of
that very second, which ingest recognises as unchanged); cursor pagination through the `Link`
header's `page_info` (a page_info URL is followed as given: Shopify refuses other parameters
beside it); `limit` up to 250. The leaky bucket (40 calls, 2 a second) is watched through
`X-Shopify-Shop-Api-Call-Limit`, and a 429's `Retry-After` is honoured (tools/sources/http.py).

Orders become journey orders by the orders export's own rule (tools/data/vendors/
shopify_orders.toml, read from there, not copied): Shopify's financial_status word kept, what it
means and what a cancelled_at changes (partially refunded then cancelled is a sale at what it
kept; any other cancelled order is cancelled unless voided or expired already says so), the
sales channel words; items and products from the line items, test orders left out, the
customer keyed by email. An order counts at
`current_total_price`, what it is worth after refunds and edits (a partly refunded order at
what the shop kept, as the export's Total less Refunded Amount), else at `total_price`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pandas as pd

from tools.data.keys import customer_key
from tools.data.vendors.catalogue import recipe_named
from tools.sources.http import Client, Response
from tools.sources.pages import Batch, Page, field_of, iso_utc, items_of, newest, next_link
from tools.sources.spec import SourceSpec

TABLE = {"orders": "orders", "customers": "customers"}
BUCKET_HEADER = "x-shopify-shop-api-call-limit"


class Shopify:
    vendor = "Shopify"

    def headers(self, spec: SourceSpec, token: str, secrets: dict[str, str]) -> dict[str, str]:
        return {"X-Shopify-Access-Token": token, "Accept": "application/json"}

    def throttle(self, response: Response, sleep: Callable[[float], None]) -> None:
        """Near the top of the bucket, wait for it to drain (it leaks 2 calls a second)."""
        used, _, size = (response.headers.get(BUCKET_HEADER) or "").partition("/")
        if used.isdigit() and size.isdigit() and int(used) >= int(size) - 4:
            sleep((int(used) - int(size) // 2) / 2.0)

    def _url(self, spec: SourceSpec, resource: str) -> str:
        return f"{spec.api_base()}/admin/api/{spec.api_version}/{resource}.json"

    def probe(self, client: Client, spec: SourceSpec) -> str:
        r = client.get(self._url(spec, "orders"), {"status": "any", "limit": 1, "fields": "id,name,created_at"})
        latest = r.body.get("orders") or []
        version = r.headers.get("x-shopify-api-version", spec.api_version)
        when = f"; newest order {latest[0]['name']} of {latest[0]['created_at']}" if latest else "; no orders yet"
        return f"reached the Shopify Admin API {version} at {spec.api_base()}{when}"

    def pages(self, client: Client, spec: SourceSpec, cursor: dict[str, Any]) -> Iterator[Page]:
        state = {k: dict(v) for k, v in cursor.items()}
        # customers first, so the orders that follow find them
        for resource in sorted(spec.wanted, key=lambda r: r != "customers"):
            since = state.get(resource, {}).get("updated_at_min") or (iso_utc(spec.start) if spec.start else None)
            params: dict[str, Any] | None = {"limit": spec.page_size or 250, "order": "updated_at asc"}
            assert params is not None
            if resource == "orders":
                params["status"] = "any"
            if since:
                params["updated_at_min"] = since
            url: str | None = self._url(spec, resource)
            rule = export_rule() if resource == "orders" else {}  # the same for every page
            while url:
                r = client.get(url, params)
                records = (r.body or {}).get(resource) or []
                frame = orders(records) if resource == "orders" else customers(records)
                if records:
                    last = max(records, key=lambda x: pd.Timestamp(x["updated_at"]))["updated_at"]
                    state[resource] = {"updated_at_min": last}
                created = pd.Series([x.get("created_at") for x in records], dtype="object")
                yield Page((Batch(TABLE[resource], frame, rule),), {k: dict(v) for k, v in state.items()},
                           newest(created) if resource == "orders" else None, len(records))
                url, params = next_link(r.headers.get("link")), None


def export_rule() -> dict[str, Any]:
    """The orders export recipe's status and channel rules, as the extra mapping of an API page:
    the frame below carries the export's own column names ("Financial Status", "Cancelled at")
    so the recipe's cases read them unchanged, and both paths count an order alike."""
    export = recipe_named("shopify_orders").load[0]
    return {"columns": {"status": "Financial Status"},
            "cases": {"status": [c.model_dump() for c in export.cases["status"]]},
            "order_kinds": dict(export.order_kinds),
            "values": {"channel": dict(export.values["channel"])}}


def orders(records: list[dict[str, Any]]) -> pd.DataFrame:
    """Shopify orders with Shopify's own words, to load with export_rule(); test orders left out."""
    columns = ["order_id", "customer_id", "ts", "amount", "Financial Status", "Cancelled at", "items", "products",
               "channel", "currency"]
    if not records:
        return pd.DataFrame(columns=columns)
    df = pd.DataFrame.from_records(records)
    df = df[~field_of(df, "test").fillna(False).astype(bool)]
    email = field_of(df, "email").where(lambda s: s.notna() & (s != ""), field_of(df, "customer", "email"))
    lines = items_of(df, "line_items")
    return pd.DataFrame({
        "order_id": df["name"],
        "customer_id": [customer_key(e) if e else f"guest-{n}" for e, n in zip(email, df["name"], strict=True)],
        "ts": df["created_at"],
        "amount": field_of(df, "current_total_price").where(lambda s: s.notna(), df["total_price"]),
        "Financial Status": field_of(df, "financial_status"),
        "Cancelled at": field_of(df, "cancelled_at"),
        "items": lines.map(lambda li: sum(int(x.get("quantity") or 0) for x in li)),
        "products": lines.map(lambda li: ", ".join(str(x.get("name") or x.get("title")) for x in li) or None),
        "channel": field_of(df, "source_name"),
        "currency": field_of(df, "currency"),
    })[columns]


def customers(records: list[dict[str, Any]]) -> pd.DataFrame:
    columns = ["customer_id", "first_seen", "city", "region", "segment"]
    if not records:
        return pd.DataFrame(columns=columns)
    df = pd.DataFrame.from_records(records)
    return pd.DataFrame({
        "customer_id": [customer_key(e) if e else f"shopify-{i}" for e, i in zip(field_of(df, "email"), df["id"],
                                                                               strict=True)],
        "first_seen": df["created_at"],
        "city": field_of(df, "default_address", "city"),
        "region": field_of(df, "default_address", "province_code"),
        "segment": field_of(df, "tags").replace("", None),
    })[columns]
