"""Loading while serving: a source syncs a large file into the journey store while `serve`
answers signed Slack events, and every event is answered, none fails, the sync is not lost.
(Timings under load are measured by bench/sync_while_serving.py, not asserted here.)"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
from fakes.slack_fixtures import make_harness
from fakes.slack_harness import text_of

from bot.config import load_config
from bot.sources import run_sync, source_state
from tools.data.ingest import ingest_file
from tools.data.store import JourneyStore

ROWS = 100_000


def write_events(path: Path, rows: int, seed: int = 1) -> None:
    """A web analytics export: customers' visits, views, carts over four months."""
    rng = np.random.default_rng(seed)
    touchpoints = np.array(["website_visit", "product_view", "add_to_cart", "checkout_start", "email_open"])
    t0 = pd.Timestamp("2026-01-01")
    pd.DataFrame({
        "customer_id": "C" + pd.Series(rng.integers(0, 20_000, rows)).astype(str),
        "ts": (t0 + pd.to_timedelta(rng.integers(0, 120 * 86_400, rows), unit="s")).strftime("%Y-%m-%d %H:%M:%S"),
        "touchpoint": touchpoints[rng.integers(0, len(touchpoints), rows)],
        "channel": np.array(["search", "instagram", "email"])[rng.integers(0, 3, rows)],
    }).to_csv(path, index=False)


def test_serve_answers_every_signed_event_while_a_large_file_syncs(tmp_path, monkeypatch, fake_slack, slack_shared):
    store = JourneyStore(tmp_path / "journey.duckdb", timezone="Europe/London")
    (tmp_path / "customers.csv").write_text("customer_id,city\nC1,Bristol\nC2,Bath\n")
    ingest_file(store, "customers", tmp_path / "customers.csv")
    (tmp_path / "first.csv").write_text("customer_id,ts,touchpoint\nC1,2026-05-01 10:00,website_visit\n")
    ingest_file(store, "events", tmp_path / "first.csv")
    slack = make_harness(tmp_path, monkeypatch, fake_slack, slack_shared, store, features=False)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_events(inbox / "events.csv", ROWS)
    config_file = tmp_path / "journeybot.toml"
    config_file.write_text(config_file.read_text() + f'\n[[sources]]\nname = "analytics"\nkind = "inbox"\n'
                                                     f'path = "{inbox}"\n')
    config = load_config(config_file, env={"JOURNEYBOT_HOME": str(tmp_path / "home")})
    spec = config.sources[0]
    reports = []
    sync = threading.Thread(target=lambda: reports.append((run_sync(config, store, spec), time.monotonic())))
    try:
        sync.start()
        deadline = time.monotonic() + 30
        while not (source_state(config).get("analytics") and source_state(config).get("analytics").running):
            assert time.monotonic() < deadline, "the sync never started"
            time.sleep(0.02)
        answered_at = []
        for question in ("what data do you have?", "how many customers do we have?", "what data do you have?",
                         "where do we lose people?", "what data do you have?", "how are we doing this month?"):
            body, status = slack.mention(question)
            assert status == 200  # acknowledged inside Slack's 3 s, sync or not
            update = slack.answer_in(body["event"]["ts"], timeout=120)
            answered_at.append(update.at)
            assert ":warning:" not in text_of(update) and "busy" not in text_of(update), text_of(update)
        sync.join(timeout=300)
    finally:
        slack.server.stop()
    ((report, synced_at),) = reports
    assert report.ok, report.to_text()
    assert store.count("events") == ROWS + 1  # nothing lost, nothing twice
    assert (inbox / "done" / "events.csv").exists()
    # the answers came while the sync was still loading, not after it
    assert sum(t < synced_at for t in answered_at) >= 3
    assert slack.spec_problems() == []
