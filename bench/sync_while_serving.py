"""Answer latency while a source syncs a large file: `serve` answering signed Slack mentions,
one at a time, first with nothing else running, then while an inbox source loads a large web
analytics export into the same journey store (the scheduler's sync job, in the same process).

    .venv/bin/python bench/sync_while_serving.py                   # 100k sample events, 500k to sync
    .venv/bin/python bench/sync_while_serving.py --rows 1000000

The app runs for real in HTTP mode against the fake Slack Web API of the tests on 127.0.0.1
(payloads from ../shared/slack, JOURNEYBOT_SHARED_DIR); the answers are the offline agent's on
the sample data. Every mention must be answered and none may fail; the table gives the waits.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench.common import pct, peak_rss_mb, table  # noqa: E402

QUESTIONS = ("what data do you have?", "how are we doing this month?", "where do we lose people?",
             "how many customers do we have?")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000, help="sample events already loaded")
    parser.add_argument("--rows", type=int, default=500_000, help="rows of the file the source syncs")
    parser.add_argument("--idle", type=int, default=12, help="mentions answered before the sync")
    parser.add_argument("--one-connection-at-a-time", dest="serialised", action="store_true",
                        help="hold a lock for each connection's life, as JourneyStore did before "
                             "loading while serving, for comparison")
    args = parser.parse_args()
    shared = Path(os.environ.get("JOURNEYBOT_SHARED_DIR", ROOT.parent / "shared")) / "slack"
    if not (shared / "payloads").exists():
        sys.exit(f"{shared} is missing; set JOURNEYBOT_SHARED_DIR")

    from tools.data.ingest import folder_loads, ingest_loads
    from tools.data.sample import SampleSpec, generate_sample
    from tools.data.store import JourneyStore

    if args.serialised:
        serialise(JourneyStore)

    sample = OUT / f"slack_sample_{args.events}"
    if not (sample / "customers.csv").exists():
        generate_sample(sample, SampleSpec(events=args.events))
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    os.environ["JOURNEYBOT_HOME"] = str(work / "home")
    os.chdir(work)
    store = JourneyStore(work / "journey.duckdb", timezone="Europe/London")
    ingest_loads(store, folder_loads(sample))
    inbox = work / "inbox"
    inbox.mkdir()
    export = OUT / f"web_events_{args.rows}.csv"
    if not export.exists():
        write_events(export, args.rows)

    from fakes.slack_api import FakeSlackAPI
    from fakes.slack_harness import BOT_TOKEN, SECRET, write_config
    from fakes.slack_requests import SlackPayloads, SlackSender

    fake = FakeSlackAPI().start()
    os.environ.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SECRET)
    from bot.config import load_config
    from bot.slack.app import SlackHTTPServer, build_app, make_client
    from bot.slack.poster import SlackPoster
    from bot.slack.services import build_services
    from bot.sources import run_sync

    path = write_config(work, fake, "answer_timeout_seconds = 300")
    path.write_text(path.read_text() + f'\n[[sources]]\nname = "analytics"\nkind = "inbox"\npath = "{inbox}"\n')
    config = load_config(path)
    client = make_client(config.slack, BOT_TOKEN)
    services = build_services(config, store, SlackPoster(client))
    server = SlackHTTPServer(build_app(services, client, signing_secret=SECRET), "127.0.0.1", 0)
    server.start_in_thread()
    payloads, sender = SlackPayloads(shared / "payloads"), SlackSender(server.url, SECRET)
    asked = 0

    def ask() -> tuple[float, bool]:
        nonlocal asked
        asked += 1
        text = QUESTIONS[asked % len(QUESTIONS)]
        t0 = time.monotonic()
        status, _ = sender.event(payloads.app_mention(text=f"<@U0LAN0Z89> {text}", event_id=f"Ev{asked:06d}",
                                                      ts=f"1.{asked:06d}"))
        update = fake.wait_for("chat.update", asked, timeout=600)[-1]
        body = str(update.params.get("text", "")) + str(update.params.get("blocks", ""))
        return time.monotonic() - t0, status == 200 and ":warning:" not in body

    ask()  # warm up: the first answer loads the agent's tools
    idle = [ask() for _ in range(args.idle)]
    (inbox / "events.csv").write_bytes(export.read_bytes())  # named for its table: no mapping needed
    result: dict = {}

    def sync() -> None:
        started = time.monotonic()
        result["report"] = run_sync(config, store, config.sources[0])
        result["seconds"] = time.monotonic() - started

    worker = threading.Thread(target=sync)
    worker.start()
    during = []
    while worker.is_alive():
        during.append(ask())
    worker.join()
    after = [ask() for _ in range(args.idle)]
    server.stop()
    fake.stop()
    report = result["report"]

    def row(name: str, runs: list[tuple[float, bool]]) -> dict:
        waits = [w for w, _ in runs]
        return {"answers": name, "n": len(runs), "failed": sum(not ok for _, ok in runs),
                "p50 ms": 1000 * statistics.median(waits), "p95 ms": 1000 * pct(waits, 0.95),
                "max ms": 1000 * max(waits)}

    print(table([row("before the sync", idle), row(f"while syncing {args.rows:,} rows", during),
                 row("after the sync", after)], ["answers", "n", "failed", "p50 ms", "p95 ms", "max ms"]))
    print(f"\nsync: {'ok' if report.ok else 'FAILED ' + str(report.error) + ' ' + str(report.detail)}, {report.rows_added:,} rows in "
          f"{result['seconds']:.1f} s ({report.rows_added / result['seconds']:,.0f} rows/s) into a store of "
          f"{args.events:,} sample events; peak memory {peak_rss_mb():,.0f} MB")


def serialise(store_class: type) -> None:
    """The old behaviour: one connection of the process at a time, for the whole of its use."""
    import contextlib

    lock = threading.RLock()
    original = store_class.connect

    @contextlib.contextmanager
    def connect(self):  # type: ignore[no-untyped-def]
        with lock, original(self) as con:
            yield con

    store_class.connect = connect


def write_events(path: Path, rows: int, seed: int = 1) -> None:
    """A web analytics export: customers' visits, views, carts over four months."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    touchpoints = np.array(["website_visit", "product_view", "add_to_cart", "checkout_start", "email_open"])
    t0 = pd.Timestamp("2026-01-01")
    path.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame({
        "customer_id": "B" + pd.Series(rng.integers(0, 50_000, rows)).astype(str),
        "ts": (t0 + pd.to_timedelta(rng.integers(0, 120 * 86_400, rows), unit="s")).strftime("%Y-%m-%d %H:%M:%S"),
        "touchpoint": touchpoints[rng.integers(0, len(touchpoints), rows)],
        "channel": np.array(["search", "instagram", "email"])[rng.integers(0, 3, rows)],
    }).to_csv(path, index=False)


if __name__ == "__main__":
    main()
