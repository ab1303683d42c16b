"""The fake vendor APIs behave as the vendors document: pagination walks every record exactly
once, cursors and since-filters return only what changed, and the injected faults happen when
and how the test asked. Plain urllib, as a sync client would use it."""

from __future__ import annotations

import base64
import http.client
import json
import re
import urllib.error
import urllib.request
from typing import Any

import pytest

from fakes.vendors import shopify as sh
from fakes.vendors import typeform as tf
from fakes.vendors import zendesk as zd
from fakes.vendors.shopify import FakeShopify

ORDERS = "/admin/api/2025-01/orders.json"
CUSTOMERS = "/admin/api/2025-01/customers.json"
SHOPIFY_AUTH = {"X-Shopify-Access-Token": sh.TOKEN}
ZENDESK_AUTH = {"Authorization": "Basic " + base64.b64encode(f"{zd.EMAIL}/token:{zd.API_TOKEN}".encode()).decode()}
TYPEFORM_AUTH = {"Authorization": f"Bearer {tf.TOKEN}"}


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], Any]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=5) as r:
            return r.status, dict(r.headers), json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), json.load(e)


def next_link(headers: dict[str, str], rel: str = "next") -> str | None:
    m = re.search(rf'<([^>]+)>; rel="{rel}"', headers.get("Link", ""))
    return m[1] if m else None


def walk_shopify(fake: FakeShopify, url: str) -> tuple[list[int], int]:
    ids, pages = [], 0
    while url:
        status, headers, body = get(url, SHOPIFY_AUTH)
        assert status == 200, body
        key = "orders" if "orders" in body else "customers"
        ids += [r["id"] for r in body[key]]
        pages += 1
        url = next_link(headers)
    return ids, pages


# -- server helper ----------------------------------------------------------------------------
def test_fake_is_a_context_manager_on_loopback_and_counts_requests_per_path():
    with FakeShopify() as fake:
        assert fake.base_url.startswith("http://127.0.0.1:")
        get(fake.base_url + ORDERS, SHOPIFY_AUTH)
        get(fake.base_url + CUSTOMERS, SHOPIFY_AUTH)
        get(fake.base_url + ORDERS, SHOPIFY_AUTH)
        assert (fake.hits(ORDERS), fake.hits(CUSTOMERS)) == (2, 1)
    with pytest.raises(urllib.error.URLError):
        get(fake.base_url + ORDERS, SHOPIFY_AUTH)


# -- Shopify ------------------------------------------------------------------------------------
def test_shopify_link_pagination_walks_every_order_once(fake_shopify):
    ids, pages = walk_shopify(fake_shopify, f"{fake_shopify.base_url}{ORDERS}?status=any&limit=10")
    assert sorted(ids) == sorted(o["id"] for o in fake_shopify.orders)
    assert len(ids) == len(set(ids)) and pages == -(-len(fake_shopify.orders) // 10)


def test_shopify_previous_link_returns_the_page_before(fake_shopify):
    status, headers, first = get(f"{fake_shopify.base_url}{ORDERS}?status=any&limit=7", SHOPIFY_AUTH)
    assert next_link(headers, "previous") is None
    _, headers2, _ = get(next_link(headers), SHOPIFY_AUTH)
    _, _, back = get(next_link(headers2, "previous"), SHOPIFY_AUTH)
    assert [o["id"] for o in back["orders"]] == [o["id"] for o in first["orders"]]


def test_shopify_default_status_is_open_and_any_includes_closed_and_cancelled(fake_shopify):
    open_ids, _ = walk_shopify(fake_shopify, f"{fake_shopify.base_url}{ORDERS}?limit=250")
    every, _ = walk_shopify(fake_shopify, f"{fake_shopify.base_url}{ORDERS}?status=any&limit=250")
    done = {o["id"] for o in fake_shopify.orders if o["closed_at"] or o["cancelled_at"]}
    assert done and set(open_ids) == set(every) - done


def test_shopify_updated_at_min_second_sync_fetches_nothing_old(fake_shopify):
    base = f"{fake_shopify.base_url}{ORDERS}?status=any&limit=50"
    first, _ = walk_shopify(fake_shopify, base)
    high_water = max(o["updated_at"] for o in fake_shopify.orders)
    fake_shopify.clock.advance(hours=1)
    new = fake_shopify.add_order()
    changed = fake_shopify.update_order(first[5], financial_status="refunded")
    fake_shopify.reset_log()
    second, _ = walk_shopify(fake_shopify, f"{base}&updated_at_min={high_water.replace('+', '%2B')}")
    assert set(second) == {new["id"], changed["id"], *[o["id"] for o in fake_shopify.orders if o["updated_at"] == high_water]}
    assert set(fake_shopify.served_ids(ORDERS)) <= set(second)


def test_shopify_page_info_cannot_be_combined_with_filters(fake_shopify):
    _, headers, _ = get(f"{fake_shopify.base_url}{ORDERS}?status=any&limit=5", SHOPIFY_AUTH)
    status, _, body = get(next_link(headers) + "&status=any", SHOPIFY_AUTH)
    assert status == 400 and "page_info" in body["errors"]


def test_shopify_limit_above_250_is_refused(fake_shopify):
    status, _, _ = get(f"{fake_shopify.base_url}{ORDERS}?limit=251", SHOPIFY_AUTH)
    assert status == 400


def test_shopify_wrong_or_revoked_token_gets_shopifys_401(fake_shopify):
    status, _, body = get(fake_shopify.base_url + ORDERS, {"X-Shopify-Access-Token": "shpat_wrong"})
    assert status == 401 and body == sh.UNAUTHORIZED
    fake_shopify.revoke_token(after_requests=2)
    statuses = [get(fake_shopify.base_url + ORDERS, SHOPIFY_AUTH)[0] for _ in range(4)]
    assert statuses == [200, 200, 401, 401]


def test_shopify_rate_limit_every_third_call_with_retry_after(fake_shopify):
    fake_shopify.rate_limit_every(3, retry_after=2.0)
    replies = [get(fake_shopify.base_url + CUSTOMERS, SHOPIFY_AUTH) for _ in range(6)]
    assert [r[0] for r in replies] == [200, 200, 429, 200, 200, 429]
    status, headers, body = replies[2]
    assert headers["Retry-After"] == "2.0" and body == sh.THROTTLED
    assert headers["X-Shopify-Shop-Api-Call-Limit"] == "40/40"


def test_shopify_call_limit_header_counts_calls_in_the_bucket(fake_shopify):
    levels = [get(fake_shopify.base_url + CUSTOMERS, SHOPIFY_AUTH)[1]["X-Shopify-Shop-Api-Call-Limit"] for _ in range(3)]
    assert [int(v.split("/")[0]) for v in levels] == [1, 2, 3] and levels[0].endswith("/40")


def test_shopify_page_fails_once_then_the_same_link_succeeds(fake_shopify):
    fake_shopify.fail_page(2, path=ORDERS, times=1)
    _, headers, _ = get(f"{fake_shopify.base_url}{ORDERS}?status=any&limit=10", SHOPIFY_AUTH)
    link = next_link(headers)
    assert get(link, SHOPIFY_AUTH)[0] == 500
    status, _, body = get(link, SHOPIFY_AUTH)
    assert status == 200 and len(body["orders"]) == 10
    assert fake_shopify.pages_served(ORDERS) == 2


def test_shopify_page_can_fail_for_good(fake_shopify):
    fake_shopify.fail_page(1, path=ORDERS, times=None, status=503)
    assert [get(fake_shopify.base_url + ORDERS, SHOPIFY_AUTH)[0] for _ in range(3)] == [503, 503, 503]


def test_shopify_page_cut_off_half_way(fake_shopify):
    fake_shopify.fail_page(1, path=CUSTOMERS, truncate=True)
    with pytest.raises((http.client.IncompleteRead, json.JSONDecodeError, ConnectionError)):
        get(fake_shopify.base_url + CUSTOMERS, SHOPIFY_AUTH)
    assert fake_shopify.pages_served(CUSTOMERS) == 0 and fake_shopify.served_ids(CUSTOMERS) == []
    assert get(fake_shopify.base_url + CUSTOMERS, SHOPIFY_AUTH)[0] == 200


def test_shopify_customers_paginate_and_filter_by_updated_at(fake_shopify):
    ids, pages = walk_shopify(fake_shopify, f"{fake_shopify.base_url}{CUSTOMERS}?limit=5")
    assert sorted(ids) == sorted(c["id"] for c in fake_shopify.customers) and pages == 5
    cut = sorted(c["updated_at"] for c in fake_shopify.customers)[12]
    later, _ = walk_shopify(fake_shopify, f"{fake_shopify.base_url}{CUSTOMERS}?updated_at_min={cut.replace('+', '%2B')}")
    assert set(later) == {c["id"] for c in fake_shopify.customers if c["updated_at"] >= cut}


# -- Zendesk ------------------------------------------------------------------------------------
def walk_zendesk(url: str) -> tuple[list[int], dict[str, Any]]:
    ids: list[int] = []
    while True:
        status, _, body = get(url, ZENDESK_AUTH)
        assert status == 200, body
        ids += [t["id"] for t in body["tickets"]]
        if body["end_of_stream"]:
            return ids, body
        url = body["after_url"]


def test_zendesk_cursor_export_walks_every_ticket_once(fake_zendesk):
    ids, last = walk_zendesk(f"{fake_zendesk.base_url}{zd.INCREMENTAL}?start_time=0&per_page=10")
    assert sorted(ids) == sorted(t["id"] for t in fake_zendesk.tickets) and len(ids) == len(set(ids))
    assert fake_zendesk.hits(zd.INCREMENTAL) == -(-len(ids) // 10) and last["after_cursor"]


def test_zendesk_resume_from_after_cursor_gets_only_changes_and_holds_back_the_last_minute(fake_zendesk):
    _, last = walk_zendesk(f"{fake_zendesk.base_url}{zd.INCREMENTAL}?start_time=0")
    cursor = last["after_cursor"]
    fake_zendesk.clock.advance(hours=2)
    new = fake_zendesk.add_ticket(subject="Where is my parcel?")
    solved = fake_zendesk.update_ticket(fake_zendesk.tickets[3]["id"], status="solved")
    resume = f"{fake_zendesk.base_url}{zd.INCREMENTAL}?cursor={cursor}"
    _, _, body = get(resume, ZENDESK_AUTH)
    assert body["tickets"] == [] and body["end_of_stream"]  # changed less than a minute ago
    fake_zendesk.clock.advance(minutes=2)
    ids, _ = walk_zendesk(resume)
    assert sorted(ids) == sorted([new["id"], solved["id"]])


def test_zendesk_start_time_must_be_older_than_a_minute(fake_zendesk):
    now = int(fake_zendesk.clock.now.timestamp())
    status, _, body = get(f"{fake_zendesk.base_url}{zd.INCREMENTAL}?start_time={now}", ZENDESK_AUTH)
    assert status == 400 and body["error"] == "InvalidValue"


def test_zendesk_accepts_api_token_basic_and_oauth_bearer_only(fake_zendesk):
    url = f"{fake_zendesk.base_url}{zd.INCREMENTAL}?start_time=0"
    assert get(url, ZENDESK_AUTH)[0] == 200
    assert get(url, {"Authorization": f"Bearer {zd.OAUTH_TOKEN}"})[0] == 200
    wrong = "Basic " + base64.b64encode(f"{zd.EMAIL}/token:nope".encode()).decode()
    status, _, body = get(url, {"Authorization": wrong})
    assert status == 401 and body == zd.UNAUTHORIZED
    fake_zendesk.revoke_token()
    assert get(url, ZENDESK_AUTH)[0] == 401


def test_zendesk_failed_page_is_retried_with_the_same_cursor(fake_zendesk):
    fake_zendesk.fail_page(2, path=zd.INCREMENTAL, times=1)
    _, _, first = get(f"{fake_zendesk.base_url}{zd.INCREMENTAL}?start_time=0&per_page=15", ZENDESK_AUTH)
    assert get(first["after_url"], ZENDESK_AUTH)[0] == 500
    rest, _ = walk_zendesk(first["after_url"])
    assert sorted([t["id"] for t in first["tickets"]] + rest) == sorted(t["id"] for t in fake_zendesk.tickets)


def test_zendesk_429_carries_retry_after_in_seconds(fake_zendesk):
    fake_zendesk.rate_limit_every(2, retry_after=7.2)
    url = f"{fake_zendesk.base_url}{zd.INCREMENTAL}?start_time=0"
    (s1, _, _), (s2, headers, body) = get(url, ZENDESK_AUTH), get(url, ZENDESK_AUTH)
    assert (s1, s2) == (200, 429) and headers["Retry-After"] == "8" and body["error"] == "APIRateLimitExceeded"


def test_zendesk_documented_ten_a_minute_incremental_limit_when_enforced():
    with zd.FakeZendesk(enforce_incremental_limit=True) as fake:
        url = f"{fake.base_url}{zd.INCREMENTAL}?start_time=0&per_page=1"
        statuses = [get(url, ZENDESK_AUTH)[0] for _ in range(11)]
    assert statuses == [200] * 10 + [429]


def test_zendesk_satisfaction_ratings_cursor_and_offset_pagination(fake_zendesk):
    url, seen = f"{fake_zendesk.base_url}{zd.RATINGS}?page[size]=4", []
    while url:
        status, _, body = get(url, ZENDESK_AUTH)
        seen += [r["id"] for r in body["satisfaction_ratings"]]
        url = body["links"]["next"] if body["meta"]["has_more"] else None
    assert sorted(seen) == sorted(r["id"] for r in fake_zendesk.ratings) and len(seen) == len(set(seen))
    _, _, offset = get(f"{fake_zendesk.base_url}{zd.RATINGS}.json?per_page=5", ZENDESK_AUTH)
    assert offset["count"] == len(fake_zendesk.ratings) and offset["next_page"] and offset["previous_page"] is None
    _, _, bad = get(f"{fake_zendesk.base_url}{zd.RATINGS}?score=bad", ZENDESK_AUTH)
    assert {r["score"] for r in bad["satisfaction_ratings"]} == {"bad"}


# -- Typeform -----------------------------------------------------------------------------------
def test_typeform_before_token_pages_through_completed_responses_newest_first(fake_typeform):
    base = f"{fake_typeform.base_url}{fake_typeform.responses_path}?page_size=10"
    _, _, body = get(base, TYPEFORM_AUTH)
    completed = [r for r in fake_typeform.responses if r["response_type"] == "completed"]
    assert body["total_items"] == len(completed) and body["page_count"] == -(-len(completed) // 10)
    tokens = [r["token"] for r in body["items"]]
    while body["items"]:
        _, _, body = get(f"{base}&before={body['items'][-1]['token']}", TYPEFORM_AUTH)
        tokens += [r["token"] for r in body["items"]]
    assert tokens == [r["token"] for r in reversed(completed)]


def test_typeform_since_and_after_return_only_new_responses(fake_typeform):
    url = f"{fake_typeform.base_url}{fake_typeform.responses_path}"
    _, _, latest = get(f"{url}?page_size=1", TYPEFORM_AUTH)
    newest = latest["items"][0]
    fake_typeform.clock.advance(days=1)
    added = fake_typeform.add_response()
    _, _, by_token = get(f"{url}?after={newest['token']}", TYPEFORM_AUTH)
    assert [r["token"] for r in by_token["items"]] == [added["token"]]
    _, _, by_time = get(f"{url}?since={newest['submitted_at'][:-1]}", TYPEFORM_AUTH)
    assert {r["token"] for r in by_time["items"]} == {newest["token"], added["token"]}  # since is inclusive


def test_typeform_partial_responses_only_on_request(fake_typeform):
    url = f"{fake_typeform.base_url}{fake_typeform.responses_path}?page_size=1000"
    _, _, default = get(url, TYPEFORM_AUTH)
    _, _, partial = get(f"{url}&response_type=partial", TYPEFORM_AUTH)
    assert {r["response_type"] for r in default["items"]} == {"completed"}
    assert partial["items"] and {r["response_type"] for r in partial["items"]} == {"partial"}


def test_typeform_rejects_sort_with_tokens_and_oversized_pages(fake_typeform):
    url = f"{fake_typeform.base_url}{fake_typeform.responses_path}"
    token = fake_typeform.responses[10]["token"]
    assert get(f"{url}?before={token}&sort=submitted_at,asc", TYPEFORM_AUTH)[0] == 400
    assert get(f"{url}?page_size=1001", TYPEFORM_AUTH)[0] == 400


def test_typeform_auth_errors_and_form_definition(fake_typeform):
    url = f"{fake_typeform.base_url}{fake_typeform.responses_path}"
    assert get(url)[2] == tf.NO_CREDENTIALS
    assert get(url, {"Authorization": "Bearer tfp_wrong"})[0:1] == (401,)
    status, _, form = get(f"{fake_typeform.base_url}/forms/{fake_typeform.form_id}", TYPEFORM_AUTH)
    assert status == 200 and {f["type"] for f in form["fields"]} >= {"nps", "rating", "long_text"}
    assert get(f"{fake_typeform.base_url}/forms/nope123/responses", TYPEFORM_AUTH)[2]["code"] == "FORM_NOT_FOUND"


def test_typeform_faults_rate_limit_failure_and_revocation(fake_typeform):
    url = f"{fake_typeform.base_url}{fake_typeform.responses_path}?page_size=5"
    fake_typeform.rate_limit_every(2)
    assert [get(url, TYPEFORM_AUTH)[0] for _ in range(4)] == [200, 429, 200, 429]
    fake_typeform.rate_limit_every(10**6)
    fake_typeform.fail_page(3, path=fake_typeform.responses_path, times=2)
    assert [get(url, TYPEFORM_AUTH)[0] for _ in range(3)] == [500, 500, 200]
    fake_typeform.revoke_token(after_requests=1)
    assert [get(url, TYPEFORM_AUTH)[0] for _ in range(2)] == [200, 401]
