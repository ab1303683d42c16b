"""The sources' state in the operational database, as two instances sharing it see it (SQLite
and a real PostgreSQL server): one run of a source at a time, progress held back until the
writer publishes, and erasure of what the state quotes."""

from __future__ import annotations

import pytest
from fakes.vendors.shopify import TOKEN

from tools.core.opsdb import OpsDB
from tools.data.store import JourneyStore
from tools.privacy.needles import Needles
from tools.sources.http import HttpSettings
from tools.sources.spec import SourceSpec
from tools.sources.staged import StagedProgress
from tools.sources.state import SourceState, SyncBusy
from tools.sources.sync import sync_source


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.sqlite'}"
    return request.getfixturevalue("pg_url")


def instance(url: str) -> SourceState:
    """The sources' state with its own connection pool, as another process or machine has it."""
    return SourceState(OpsDB(url))


def test_a_source_runs_on_one_instance_at_a_time(url):
    a, b = instance(url), instance(url)
    run = a.begin("shop", "shopify")
    with pytest.raises(SyncBusy, match="a sync of shop has been running since"):
        b.begin("shop", "shopify")
    assert b.get("shop").running  # B sees A's run
    a.finish(run, "shop", ok=True, rows=3)
    b.finish(b.begin("shop", "shopify"), "shop", ok=True, rows=0)
    assert [r["status"] for r in a.runs("shop")] == ["ok", "ok"] and a.get("shop").last_rows == 0


def _spec(fake) -> SourceSpec:
    return SourceSpec(name="shop", kind="shopify", base_url=fake.base_url, token_env="SHOPIFY_TOKEN", page_size=10)


def test_progress_waits_for_publishing_and_an_abandoned_sync_is_fetched_again(url, fake_shopify):
    shared = instance(url)
    real = [o for o in fake_shopify.orders if not o["test"]]
    settings = HttpSettings(sleep=lambda s: None)
    # The writer loaded every page into its working copy, then died before publishing it.
    lost = JourneyStore(None, timezone="Europe/Berlin")
    staged = StagedProgress(shared)
    report = sync_source(lost, _spec(fake_shopify), staged, credentials={"token": TOKEN}, settings=settings)
    assert report.ok and lost.count("orders") == len(real)
    assert shared.get("shop").cursor == {} and shared.get("shop").running  # nothing moved yet
    staged.abandon("not published: the process stopped")
    after = instance(url).get("shop")
    assert after.cursor == {} and after.total_rows == 0 and after.failing and not after.running
    # The next writer, elsewhere, starts from the published data and gets every order again, once.
    store = JourneyStore(None, timezone="Europe/Berlin")
    staged = StagedProgress(instance(url))
    again = sync_source(store, _spec(fake_shopify), staged, credentials={"token": TOKEN}, settings=settings)
    staged.commit()
    assert again.ok and store.count("orders") == len(real)
    status = instance(url).get("shop")
    assert status.cursor and status.total_rows == again.rows_added and status.last_status == "ok"


def test_erasure_blanks_what_the_state_quotes_about_a_customer(url):
    a = instance(url)
    run = a.begin("drop", "inbox")
    a.record_file("drop", "ab12", "orders for ana@example.com.csv", 4)
    a.finish(run, "drop", ok=False, rows=0, error="data refused: row 12 ana@example.com has no order time")
    b = a.begin("other", "inbox")  # another customer whose address holds hers
    a.finish(b, "other", ok=False, rows=0, error="data refused: row 3 hanna@example.com has no order time")
    ana = Needles("C7", (("email", "Ana@Example.com"),))
    assert instance(url).forget(ana.in_text, ana.scrub) == 3
    status = a.get("drop")
    assert status.last_error == "data refused: row 12 [erased] has no order time"
    assert a.runs("drop")[0]["error"] == "data refused: row 12 [erased] has no order time"
    assert a.file_loaded("drop", "ab12") is not None  # the same bytes are still not loaded twice
    assert a.get("other").last_error == "data refused: row 3 hanna@example.com has no order time"
    assert instance(url).forget(ana.in_text, ana.scrub) == 0
