"""A sync that brings new data saves the digest's inputs for that data (tools/data/
saved_results.py), so a dry run in another process reads them at once instead of waiting for
the retrain job; a sync with nothing new writes nothing more."""

from __future__ import annotations

import datetime as dt

import time_machine
from fakes.poster import RecordingPoster
from fakes.vendors.shopify import TOKEN

from bot.config import load_config
from bot.scheduler.scheduler import JourneyScheduler
from tools.data import saved_results
from tools.data.cache import RESULTS
from tools.data.store import JourneyStore

MONDAY = dt.datetime(2026, 6, 1, 5, 0, tzinfo=dt.UTC)


def saved(store: JourneyStore) -> set[tuple[int, str]]:
    if not store.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [saved_results.TABLE]):
        return set()
    return {(int(v), a) for v, a in store.query(f"SELECT data_version, analysis FROM {saved_results.TABLE}")
            .itertuples(index=False)}


def test_a_sync_with_new_data_saves_the_digests_inputs_for_it(home, fake_shopify, tmp_path):
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(f"""
[business]
timezone = "Europe/Berlin"
[alerts]
starter_rules = false
[[sources]]
name = "shop"
kind = "shopify"
base_url = "{fake_shopify.base_url}"
token_env = "SHOPIFY_TOKEN"
""", encoding="utf-8")
    config = load_config(home / "config.toml", env={"JOURNEYBOT_HOME": str(home), "SHOPIFY_TOKEN": TOKEN})
    store = JourneyStore(tmp_path / "journey.duckdb", timezone="Europe/Berlin")
    s = JourneyScheduler(config, RecordingPoster(), store=store)
    assert saved(store) == set()
    with time_machine.travel(MONDAY, tick=False):
        report = s.run_sync("shop")
    assert report.ok and report.rows_added
    version = store.data_version()
    rows = saved(store)
    assert rows and {v for v, _ in rows} == {version}
    assert {"compare", "kpi_verdicts"} <= {a for _, a in rows}  # orders only: no funnel to save
    RESULTS.clear()  # another process: it finds them
    assert len(saved_results.load(store, version)) == len(rows)
    when = store.scalar(f"SELECT max(saved_at) FROM {saved_results.TABLE}")
    # The retrain job five minutes later finds the same inputs for the same data: saved once.
    with time_machine.travel(MONDAY + dt.timedelta(minutes=5), tick=False):
        s.retrain()
    assert saved(store) == rows
    assert store.scalar(f"SELECT max(saved_at) FROM {saved_results.TABLE}") == when
    with time_machine.travel(MONDAY + dt.timedelta(hours=1), tick=False):
        again = s.run_sync("shop")
    assert again.ok and not again.rows_added
    assert store.scalar(f"SELECT max(saved_at) FROM {saved_results.TABLE}") == when
