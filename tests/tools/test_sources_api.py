"""Syncing from the vendor APIs, against local fakes that follow each vendor's documentation
(tests/fakes/vendors): incremental, resumable, rate limits honoured, a revoked token told.
Expected numbers come from the fakes' own records, read here."""

from __future__ import annotations

import datetime as dt

import pytest
from fakes.vendors.shopify import TOKEN as SHOPIFY_TOKEN
from fakes.vendors.typeform import TOKEN as TYPEFORM_TOKEN
from fakes.vendors.zendesk import API_TOKEN, EMAIL, INCREMENTAL, RATINGS

from tools.data.keys import customer_key
from tools.data.store import JourneyStore
from tools.sources.freshness import judge
from tools.sources.http import HttpSettings
from tools.sources.spec import SourceSpec
from tools.sources.state import SourceState
from tools.sources.sync import sync_source


class Sleeps(list):
    """Records the waits a sync asked for instead of sleeping through them."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def shop() -> JourneyStore:
    s = JourneyStore(None, timezone="Europe/Berlin")
    yield s
    s.close()


@pytest.fixture
def state() -> SourceState:
    return SourceState(None)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def shopify_spec(fake, **kw) -> SourceSpec:
    return SourceSpec(name="shop", kind="shopify", base_url=fake.base_url, token_env="SHOPIFY_TOKEN",
                      page_size=kw.pop("page_size", 10), **kw)


def real_orders(fake) -> list[dict]:
    return [o for o in fake.orders if not o["test"]]


def sync(shop, spec, state, token, sleeps, **kw):
    return sync_source(shop, spec, state, credentials={"token": token}, settings=HttpSettings(sleep=sleeps), **kw)


def test_shopify_sync_loads_every_order_and_customer_once(fake_shopify, shop, state, sleeps):
    report = sync(shop, shopify_spec(fake_shopify), state, SHOPIFY_TOKEN, sleeps)
    assert report.ok, report.to_text()
    orders = real_orders(fake_shopify)
    assert shop.count("orders") == len(orders)
    assert set(shop.query("SELECT order_id FROM orders")["order_id"]) == {o["name"] for o in orders}
    cancelled = sum(1 for o in orders if o["cancelled_at"])
    assert shop.scalar("SELECT count(*) FROM orders WHERE status = 'cancelled'") == cancelled
    emails = {c["email"] for c in fake_shopify.customers if c.get("email")}
    stored = set(shop.query("SELECT customer_id FROM customers")["customer_id"])
    assert {customer_key(e) for e in emails} <= stored
    # pagination as documented: page_info links followed, every order served exactly once
    served = fake_shopify.served_ids("/admin/api/2025-01/orders.json")
    assert sorted(served) == sorted(o["id"] for o in fake_shopify.orders)
    assert all(set(r.query) <= {"page_info", "limit"} for r in fake_shopify.requests_to(
        "/admin/api/2025-01/orders.json")[1:])


def test_a_second_sync_adds_nothing_and_asks_only_for_what_changed(fake_shopify, shop, state, sleeps):
    spec = shopify_spec(fake_shopify)
    sync(shop, spec, state, SHOPIFY_TOKEN, sleeps)
    before = shop.counts()
    fake_shopify.reset_log()
    again = sync(shop, spec, state, SHOPIFY_TOKEN, sleeps)
    assert again.ok and again.rows_added == 0 and shop.counts() == before
    first = fake_shopify.requests_to("/admin/api/2025-01/orders.json")[0]
    assert first.query["updated_at_min"] and first.query["status"] == "any"
    assert len(fake_shopify.served_ids("/admin/api/2025-01/orders.json")) < len(fake_shopify.orders) / 4


def test_a_customer_erased_after_a_sync_is_left_out_when_the_vendor_sends_them_again(
        fake_shopify, shop, state, sleeps):
    spec = shopify_spec(fake_shopify)
    sync(shop, spec, state, SHOPIFY_TOKEN, sleeps)
    who = shop.scalar("SELECT customer_id FROM orders GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
    theirs = shop.scalar("SELECT count(*) FROM orders WHERE customer_id = ?", [who])
    shop.delete_customer(who)  # what `journeybot forget` does to the journey store
    state.reset("shop")  # the next sync fetches everything again, the erased customer included
    again = sync(shop, spec, state, SHOPIFY_TOKEN, sleeps)
    assert again.ok, again.to_text()
    assert shop.scalar("SELECT count(*) FROM orders WHERE customer_id = ?", [who]) == 0
    assert shop.scalar("SELECT count(*) FROM customers WHERE customer_id = ?", [who]) == 0
    assert again.erased_rows >= theirs + 1  # their orders and their customer record
    assert f"{again.erased_rows:,} rows of erased customers left out" in again.to_text()


def test_new_and_changed_orders_between_syncs_arrive(fake_shopify, shop, state, sleeps):
    spec = shopify_spec(fake_shopify)
    sync(shop, spec, state, SHOPIFY_TOKEN, sleeps)
    fake_shopify.clock.advance(hours=1)
    new = fake_shopify.add_order()
    changed = next(o for o in real_orders(fake_shopify) if o["financial_status"] == "paid" and o is not new)
    fake_shopify.update_order(changed["id"], financial_status="refunded")
    report = sync(shop, spec, state, SHOPIFY_TOKEN, sleeps)
    assert report.rows_added == 2, report.to_text()
    # journeybot's status word for it, and the export's own word beside it
    assert shop.scalar("SELECT status FROM orders WHERE order_id = ?", [changed["name"]]) == "returned"
    assert shop.scalar("SELECT status_raw FROM orders WHERE order_id = ?", [changed["name"]]) == "refunded"
    assert shop.scalar("SELECT count(*) FROM orders WHERE order_id = ?", [new["name"]]) == 1


def test_rate_limits_are_waited_out_as_the_vendor_asks(fake_shopify, shop, state, sleeps):
    fake_shopify.rate_limit_every(3, retry_after=2.5)
    report = sync(shop, shopify_spec(fake_shopify), state, SHOPIFY_TOKEN, sleeps)
    assert report.ok and shop.count("orders") == len(real_orders(fake_shopify))
    assert sleeps.count(2.5) == len(fake_shopify.requests_to("/admin/api/2025-01/orders.json", status=429)) + \
        len(fake_shopify.requests_to("/admin/api/2025-01/customers.json", status=429)) > 0


def test_a_page_cut_off_half_way_is_fetched_again(fake_shopify, shop, state, sleeps):
    fake_shopify.fail_page(2, path="/admin/api/2025-01/orders.json", truncate=True)
    fake_shopify.fail_page(3, path="/admin/api/2025-01/orders.json", status=503)
    report = sync(shop, shopify_spec(fake_shopify), state, SHOPIFY_TOKEN, sleeps)
    assert report.ok, report.to_text()
    assert shop.count("orders") == len(real_orders(fake_shopify))


def test_a_sync_that_fails_half_way_resumes_and_loses_and_duplicates_nothing(fake_shopify, shop, state, sleeps):
    path = "/admin/api/2025-01/orders.json"
    fake_shopify.fail_page(3, path=path, times=None, status=500)
    spec = shopify_spec(fake_shopify)
    failed = sync(shop, spec, state, SHOPIFY_TOKEN, sleeps)
    assert not failed.ok and "Shopify error 500" in failed.error
    partial = shop.count("orders")
    assert 0 < partial < len(real_orders(fake_shopify))  # two pages are in; the cursor after them
    fake_shopify._page_faults.clear()
    fake_shopify.reset_log()
    resumed = sync(shop, spec, state, SHOPIFY_TOKEN, sleeps)
    assert resumed.ok
    assert shop.count("orders") == len(real_orders(fake_shopify))
    assert shop.scalar("SELECT count(DISTINCT order_id) FROM orders") == shop.count("orders")
    # it did not start over: the orders of the first two pages were not fetched again
    assert len(fake_shopify.served_ids(path)) <= len(fake_shopify.orders) - partial + spec.page_size


def test_a_process_that_dies_mid_sync_is_taken_over(fake_shopify, shop, state, sleeps):
    spec = shopify_spec(fake_shopify)
    pages = []

    def crash_after_two(page):
        pages.append(page)
        if len(pages) == 2:
            raise KeyboardInterrupt  # stands for the process being killed between pages

    with pytest.raises(KeyboardInterrupt):
        sync(shop, spec, state, SHOPIFY_TOKEN, sleeps, on_page=crash_after_two)
    assert state.get("shop").running
    report = sync(shop, spec, state, SHOPIFY_TOKEN, sleeps)
    assert report.ok and not report.busy
    assert shop.count("orders") == len(real_orders(fake_shopify))
    assert shop.scalar("SELECT count(DISTINCT order_id) FROM orders") == shop.count("orders")


def test_a_revoked_token_stops_the_sync_and_makes_the_source_stale(fake_shopify, shop, state, sleeps):
    spec = shopify_spec(fake_shopify)
    sync(shop, spec, state, SHOPIFY_TOKEN, sleeps)
    fake_shopify.revoke_token()
    report = sync(shop, spec, state, SHOPIFY_TOKEN, sleeps)
    assert not report.ok and report.error == "401 token refused"
    assert "Invalid API key or access token" in report.detail
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    fresh = judge(spec, state.get("shop"), later, "Europe/Berlin")
    assert fresh.state == "failing" and fresh.stale
    assert fresh.message.startswith("no new Shopify orders since ")
    assert fresh.message.endswith("; last sync failed: 401 token refused")


def test_a_missing_token_is_named(fake_shopify, shop, state, sleeps):
    report = sync_source(shop, shopify_spec(fake_shopify), state, credentials={})
    assert not report.ok and "SHOPIFY_TOKEN" in report.detail


def zendesk_spec(fake, **kw) -> SourceSpec:
    return SourceSpec(name="help", kind="zendesk", base_url=fake.base_url, email=EMAIL, token_env="ZENDESK_TOKEN",
                      page_size=kw.pop("page_size", 10), **kw)


def test_zendesk_tickets_by_incremental_cursor_and_ratings(fake_zendesk, shop, state, sleeps):
    report = sync(shop, zendesk_spec(fake_zendesk), state, API_TOKEN, sleeps)
    assert report.ok, report.to_text()
    ready = [t for t in fake_zendesk.tickets if t["status"] != "deleted"]
    assert shop.count("tickets") == len(ready)
    rated = [r for r in fake_zendesk.ratings if r["score"] in ("good", "bad")]
    assert shop.count("surveys") == len({r["ticket_id"] for r in rated})
    # the rating's customer is its ticket's
    r = rated[0]
    ticket = next(t for t in fake_zendesk.tickets if t["id"] == r["ticket_id"])
    assert shop.scalar("SELECT customer_id FROM surveys WHERE survey_id = ?", [f"zendesk-csat-{r['ticket_id']}"]) \
        == f"zendesk-{ticket['requester_id']}"
    # the cursor, not start_time, after the first request
    asked = fake_zendesk.requests_to(INCREMENTAL)
    assert "start_time" in asked[0].query and all("cursor" in a.query for a in asked[1:])


def test_zendesk_second_sync_only_brings_new_tickets(fake_zendesk, shop, state, sleeps):
    spec = zendesk_spec(fake_zendesk)
    sync(shop, spec, state, API_TOKEN, sleeps)
    fake_zendesk.clock.advance(minutes=5)
    fake_zendesk.add_ticket(subject="Where is my grinder?")
    fake_zendesk.clock.advance(minutes=2)  # the export holds back the last minute
    fake_zendesk.reset_log()
    report = sync(shop, spec, state, API_TOKEN, sleeps)
    assert report.ok and report.rows_added == 1
    assert fake_zendesk.served_ids(INCREMENTAL) == [max(t["id"] for t in fake_zendesk.tickets)]
    assert shop.scalar("SELECT status FROM tickets WHERE subject = 'Where is my grinder?'") == "open"


def test_zendesk_429_retry_after_is_honoured(fake_zendesk, shop, state, sleeps):
    fake_zendesk.rate_limit_every(2, retry_after=7)
    report = sync(shop, zendesk_spec(fake_zendesk), state, API_TOKEN, sleeps)
    assert report.ok and 7.0 in sleeps
    assert len(fake_zendesk.requests_to(INCREMENTAL, status=429)) + len(fake_zendesk.requests_to(RATINGS, status=429)) \
        == sleeps.count(7.0)


def test_zendesk_revoked_token(fake_zendesk, shop, state, sleeps):
    fake_zendesk.revoke_token(after_requests=1)
    report = sync(shop, zendesk_spec(fake_zendesk), state, API_TOKEN, sleeps)
    assert not report.ok and report.error == "401 token refused"
    assert "Couldn't authenticate you" in report.detail
    assert shop.count("tickets") == 10  # the first page is in; nothing half-written


def typeform_spec(fake, **kw) -> SourceSpec:
    return SourceSpec(name="survey", kind="typeform", base_url=fake.base_url, form_id=fake.form_id,
                      token_env="TYPEFORM_TOKEN", page_size=kw.pop("page_size", 10), **kw)


def test_typeform_responses_page_by_token_and_sync_incrementally(fake_typeform, shop, state, sleeps):
    spec = typeform_spec(fake_typeform)
    report = sync(shop, spec, state, TYPEFORM_TOKEN, sleeps)
    assert report.ok, report.to_text()
    done = [r for r in fake_typeform.responses if r["response_type"] == "completed"]
    assert shop.count("surveys") == len(done)
    nps = [a["number"] for r in done for a in r["answers"] if a["field"]["type"] == "nps"]
    assert shop.scalar("SELECT avg(nps) FROM surveys") == pytest.approx(sum(nps) / len(nps))
    asked = fake_typeform.requests_to(fake_typeform.responses_path)
    assert asked[0].query.get("sort") == "submitted_at,asc" and all("after" in a.query for a in asked[1:])
    fake_typeform.clock.advance(days=1)
    fake_typeform.add_response()
    again = sync(shop, spec, state, TYPEFORM_TOKEN, sleeps)
    assert again.rows_added == 1 and shop.count("surveys") == len(done) + 1


def test_typeform_page_cut_off_then_resumed(fake_typeform, shop, state, sleeps):
    fake_typeform.fail_page(2, path=fake_typeform.responses_path, truncate=True, times=None)
    spec = typeform_spec(fake_typeform)
    failed = sync(shop, spec, state, TYPEFORM_TOKEN, sleeps)
    assert not failed.ok and failed.error == "Typeform did not answer properly"
    assert shop.count("surveys") == 10
    fake_typeform._page_faults.clear()
    resumed = sync(shop, spec, state, TYPEFORM_TOKEN, sleeps)
    assert resumed.ok
    done = [r for r in fake_typeform.responses if r["response_type"] == "completed"]
    assert shop.count("surveys") == len(done)


def test_synced_orders_tickets_and_surveys_appear_in_kpis(fake_shopify, fake_zendesk, fake_typeform, shop, state,
                                                          sleeps):
    from tools.analytics.kpis import KpiParams, kpis
    from tools.analytics.periods import Period

    for spec, token in ((shopify_spec(fake_shopify), SHOPIFY_TOKEN), (zendesk_spec(fake_zendesk), API_TOKEN),
                        (typeform_spec(fake_typeform), TYPEFORM_TOKEN)):
        assert sync(shop, spec, state, token, sleeps).ok
    # every record of the three fakes: surveys (March on) start before the orders (May on)
    result = kpis(shop, KpiParams(metrics=["orders", "revenue", "csat", "nps", "first_response_time"],
                                  period=Period(start=dt.date(2025, 1, 1), end=shop.as_of())))
    # completed = paid or partly refunded, not cancelled, not a test order (Shopify's meanings)
    completed = [o for o in real_orders(fake_shopify)
                 if o["financial_status"] in ("paid", "partially_refunded") and not o["cancelled_at"]]
    assert result.get("orders").value == len(completed)
    # a partly refunded order counts at what the shop kept: its total less its refund transactions
    kept = [float(o["total_price"]) - sum(float(t["amount"]) for r in o["refunds"] for t in r["transactions"]
                                          if t["kind"] == "refund" and t["status"] == "success")
            for o in completed]
    assert any(o["financial_status"] == "partially_refunded" for o in completed)
    assert result.get("revenue").value == pytest.approx(sum(kept))
    done = [r for r in fake_typeform.responses if r["response_type"] == "completed"]
    stars = [a["number"] for r in done for a in r["answers"] if a["field"]["type"] == "rating"]
    zendesk = {r["ticket_id"]: r["score"] for r in fake_zendesk.ratings if r["score"] in ("good", "bad")}
    scores = stars + [5 if s == "good" else 1 for s in zendesk.values()]
    assert result.get("csat").value == pytest.approx(sum(s >= 4 for s in scores) / len(scores))
    nps = [a["number"] for r in done for a in r["answers"] if a["field"]["type"] == "nps"]
    want = 100 * (sum(n >= 9 for n in nps) - sum(n <= 6 for n in nps)) / len(nps)
    assert result.get("nps").value == pytest.approx(want)
    # tickets are in (no reply times come through the incremental export: said, not invented)
    assert "first_response_time" in result.unavailable, result.unavailable
