"""A source that stops delivering raises a freshness alert through the alert desk, with the
reason, and resolves it when data flows again; its syncs are jobs before the digest."""

from __future__ import annotations

import datetime as dt
import time

import pytest
import time_machine
from fakes.poster import RecordingPoster
from fakes.vendors.shopify import TOKEN

from bot.config import load_config
from bot.scheduler.scheduler import JourneyScheduler
from tools.data.store import JourneyStore

MONDAY = dt.datetime(2026, 6, 1, 5, 0, tzinfo=dt.UTC)  # 07:00 in Berlin, the sync's time


def _config(home, fake, extra: str = ""):
    home.mkdir(parents=True, exist_ok=True)
    path = home / "config.toml"
    path.write_text(f"""
[business]
timezone = "Europe/Berlin"
[alerts]
channel = "C-alerts"
starter_rules = false
[[digests]]
channel = "C-team"
time = "08:15"
[[sources]]
name = "shop"
kind = "shopify"
base_url = "{fake.base_url}"
token_env = "SHOPIFY_TOKEN"
{extra}
""", encoding="utf-8")
    return load_config(path, env={"JOURNEYBOT_HOME": str(home), "SHOPIFY_TOKEN": TOKEN})


@pytest.fixture
def shop_store():
    s = JourneyStore(None, timezone="Europe/Berlin")
    yield s
    s.close()


def test_a_revoked_token_raises_a_freshness_alert_with_the_reason_then_resolves(home, fake_shopify, shop_store):
    config = _config(home, fake_shopify)
    poster = RecordingPoster()
    s = JourneyScheduler(config, poster, store=shop_store)
    with time_machine.travel(MONDAY, tick=False):
        assert s.run_sync("shop").ok
    assert poster.posts() == []  # fresh: nothing to say
    fake_shopify.revoke_token()
    with time_machine.travel(MONDAY + dt.timedelta(days=1), tick=False):
        report = s.run_sync("shop")
        s.run_sync("shop")  # judged again: the open alert is not posted twice
    assert not report.ok
    (alert,) = poster.posts()
    assert alert.channel == "C-alerts"
    assert alert.text.startswith("High alert: no new Shopify orders since ")
    assert alert.text.endswith("; last sync failed: 401 token refused")
    assert "Invalid API key or access token" in str(alert.blocks)  # the vendor's words, in the details
    assert poster.uploads() == []  # no chart for a freshness alert
    assert [a.rule_id for a in s.desk.open_alerts()] == ["freshness-shop"]
    fake_shopify._revoke_at = None  # a new token, and orders flow again
    fake_shopify.add_order()
    with time_machine.travel(MONDAY + dt.timedelta(days=2), tick=False):
        assert s.run_sync("shop").ok
    resolved = poster.posts()[-1]
    assert resolved.thread_ts == alert.ts and resolved.text.startswith(":white_check_mark: Resolved: Shopify orders: synced")
    assert s.desk.open_alerts() == []


def test_a_source_quiet_for_too_long_alerts_in_the_daily_check(home, fake_shopify, shop_store):
    config = _config(home, fake_shopify, "stale_after_hours = 30")
    poster = RecordingPoster()
    s = JourneyScheduler(config, poster, store=shop_store)
    with time_machine.travel(MONDAY, tick=False):
        s.run_sync("shop")
    with time_machine.travel(MONDAY + dt.timedelta(days=2), tick=False):
        s.run_sync("shop")  # succeeds, but nothing new since Monday
        s.check_freshness()
    (alert,) = poster.posts()
    assert alert.text.startswith("Medium alert: no new Shopify orders since ")
    assert "(last successful sync 07:00 today)" in alert.text


def test_each_source_syncs_before_the_first_digest(home, fake_shopify, shop_store):
    config = _config(home, fake_shopify, '\n[[sources]]\nname = "drop"\nkind = "inbox"\npath = "/tmp/in"\n'
                                         "every_minutes = 30\n")
    s = JourneyScheduler(config, RecordingPoster(), store=shop_store).start(paused=True)
    try:
        jobs = {j.id: j for j in s.scheduler.get_jobs()}
        fields = {f.name: str(f) for f in jobs["source:shop"].trigger.fields}
        # the alert check is at 07:30 and the digest at 08:15: half an hour before the first
        assert (fields["hour"], fields["minute"]) == ("7", "0")
        assert jobs["source:drop"].trigger.interval == dt.timedelta(minutes=30)
        assert jobs["source:shop"].kwargs == {"name": "shop"}
    finally:
        s.shutdown()
    fewer = _config(home, fake_shopify)
    s2 = JourneyScheduler(fewer, RecordingPoster(), store=shop_store).start(paused=True)
    try:
        assert "source:drop" not in {j.id for j in s2.scheduler.get_jobs()}  # removed from the config
    finally:
        s2.shutdown()


def test_a_sync_that_fails_for_a_passing_reason_is_tried_again_soon(home, fake_shopify, shop_store):
    config = _config(home, fake_shopify)
    fake_shopify.fail_page(1, path="/admin/api/2025-01/customers.json", times=None, status=503)
    s = JourneyScheduler(config, RecordingPoster(), store=shop_store).start(paused=True)
    try:
        report = s.run_sync("shop")
        assert not report.ok and report.retry and report.error == "Shopify error 503"
        retry = s.scheduler.get_job("source:shop:retry")
        assert retry is not None and retry.kwargs["name"] == "shop"
        # the retry leaves the source when another instance synced it since (`after`)
        assert retry.kwargs["after"] <= time.time()
        fake_shopify.revoke_token()
        s.scheduler.remove_job("source:shop:retry")
        assert not s.run_sync("shop").retry  # a refused token does not come back by retrying
        assert s.scheduler.get_job("source:shop:retry") is None
    finally:
        s.shutdown()


def test_a_scheduled_run_leaves_a_source_another_instance_just_synced(home, fake_shopify, shop_store):
    from bot import metrics

    def runs(outcome: str) -> float:
        return metrics.REGISTRY.get_sample_value("journeybot_job_runs_total", {"job": "sync", "outcome": outcome}) or 0.0

    config = _config(home, fake_shopify)
    s = JourneyScheduler(config, RecordingPoster(), store=shop_store).start(paused=True)
    try:
        planned = time.time()
        ok, skipped = runs("ok"), runs("skipped")
        assert s.run_sync("shop").ok  # asked by hand: always runs
        requests = len(fake_shopify.log)
        # Every instance's scheduler fires the job; the one that comes second finds it done.
        assert s.run_sync("shop", scheduled=True) is None
        assert s.run_sync("shop", after=planned) is None  # a retry planned before that sync
        assert len(fake_shopify.log) == requests  # the vendor was not asked again
        assert (runs("ok") - ok, runs("skipped") - skipped) == (1, 2)
        assert s.run_sync("shop", after=time.time() + 1).ok  # nothing synced since the retry was planned
    finally:
        s.shutdown()


def test_a_sync_that_brought_data_schedules_a_retrain_soon(home, fake_shopify, shop_store):
    """Training is its own job after a sync (and nightly), never inside a digest or an answer."""
    s = JourneyScheduler(_config(home, fake_shopify), RecordingPoster(), store=shop_store).start(paused=True)
    try:
        report = s.run_sync("shop")
        assert report.ok and report.rows_added > 0
        job = s.scheduler.get_job("predict:retrain:after-sync")
        assert job is not None and job.func_ref == "bot.scheduler.jobs:retrain_job"
        first = job.next_run_time
        s.scheduler.remove_job("predict:retrain:after-sync")
        again = s.run_sync("shop")  # nothing new: nothing to train
        assert again.ok and again.rows_added == 0
        assert s.scheduler.get_job("predict:retrain:after-sync") is None
        assert first - dt.datetime.now(first.tzinfo) <= dt.timedelta(minutes=5)
    finally:
        s.shutdown()


def test_a_sync_that_brought_rows_wakes_what_waits_for_new_data(home, fake_shopify, shop_store):
    """serve's feedback indexer hangs here: it reads new texts after a sync, not in an answer."""
    s = JourneyScheduler(_config(home, fake_shopify), RecordingPoster(), store=shop_store)
    woken: list[str] = []
    s.on_new_data.append(lambda: woken.append("new data"))
    with time_machine.travel(MONDAY, tick=False):
        assert s.run_sync("shop").rows_added > 0
        again = s.run_sync("shop")  # nothing new: nobody is woken
    assert again.ok and again.rows_added == 0
    assert woken == ["new data"]
