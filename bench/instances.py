"""One instance against two sharing PostgreSQL: answers per second and ack times under a burst
of signed mentions.

    JOURNEYBOT_SHARED_DIR=../shared .venv/bin/python bench/instances.py
    .venv/bin/python bench/instances.py --requests 100 --events 20000

Each instance is a real `journeybot serve --http` process with its own data folder, all
sharing one PostgreSQL (started here, as the tests do: tests/real_servers.py) and answering
from the published journey store (the sample data, loaded by a writer). The burst sends each
mention to one instance, round robin, and Slack's retry of it to the other, back to back, while
earlier answers are being computed; answers are counted in the fake Slack Web API
(tests/fakes/slack_api.py). The offline planner answers ("what data do you have?").
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench.common import pct, table  # noqa: E402

LOAD_BEFORE = ""


def burst(n_instances: int, args: argparse.Namespace, work: Path, state_url: str, payloads) -> dict:
    from fakes.slack_api import FakeSlackAPI
    from fakes.slack_requests import SlackSender
    from serve_process import SECRET, ServeProcess, free_port, write_service_config

    fake = FakeSlackAPI().start()
    extra = "[state]\nfollow_seconds = 5\n\n[scheduler]\nretrain_time = \"\"\n"
    bots = []
    for i in range(n_instances):
        cfg = write_service_config(work / f"cfg-{n_instances}-{i}", slack_api=fake.base_url, extra=extra)
        bots.append(ServeProcess(f"i{i}", work / f"home-{n_instances}-{i}", cfg, free_port(),
                                 env={"JOURNEYBOT_STATE_URL": state_url}).start())
    try:
        for bot in bots:
            bot.wait_ready(180)
        senders = [SlackSender(b.events_url, SECRET) for b in bots]
        warm = [payloads.app_mention(text="<@U0LAN0Z89> warm up", event_id=f"EvW{n_instances}{i}",
                                     ts=f"9.{n_instances}{i:05d}") for i in range(n_instances)]
        for sender, body in zip(senders, warm, strict=True):
            sender.event(body)
        fake.wait_for("chat.update", n_instances, timeout=300)
        before = len(fake.calls_to("chat.update"))
        acks: list[float] = []
        retry_acks: list[float] = []
        started = time.monotonic()

        def deliver(i: int) -> None:
            body = payloads.app_mention(text="<@U0LAN0Z89> what data do you have?",
                                        event_id=f"EvB{n_instances}x{i:06d}", ts=f"3.{n_instances}{i:05d}")
            first, other = senders[i % n_instances], senders[(i + 1) % n_instances]
            t0 = time.perf_counter()
            assert first.event(body)[0] == 200
            acks.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            assert other.event(body, retry_num=1)[0] == 200
            retry_acks.append(time.perf_counter() - t0)

        # Slack sends events as they happen: a few at a time, not strictly one after another.
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(deliver, range(args.requests)))
        done = fake.wait_for("chat.update", before + args.requests, timeout=1800)
        time.sleep(2)
        answered = [c for c in fake.calls_to("chat.update")[before:] if "Working on it" not in (c.params.get("text") or "")]
        last = max(c.at for c in done)
        placeholders = len(fake.calls_to("chat.postMessage")) - n_instances
        return {
            "instances": n_instances,
            "answers": len(answered),
            "answered twice": placeholders - args.requests,
            "answers/s": args.requests / (last - started),
            "ack p50 ms": 1000 * statistics.median(acks),
            "ack p95 ms": 1000 * pct(acks, 0.95),
            "retry ack p95 ms": 1000 * pct(retry_acks, 0.95),
        }
    finally:
        for bot in bots:
            bot.stop()
        fake.stop()


def publish_and_fetch(work: Path, state_url: str) -> dict:
    """What one more version costs: publishing the loader's store again, and one reader's fetch."""
    from tools.core.opsdb import OpsDB
    from tools.data.published import fetch, latest, publish
    from tools.data.store import JourneyStore

    db = OpsDB(state_url)
    store = JourneyStore(work / "loader" / "journey.duckdb", timezone="Europe/London")
    t0 = time.perf_counter()
    version = publish(db, store, publisher="bench")
    published = time.perf_counter() - t0
    t0 = time.perf_counter()
    fetch(db, latest(db), work / "reader")
    fetched = time.perf_counter() - t0
    return {"journey store MB": version.size / 1e6, "publish s": published, "fetch s": fetched}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    shared = Path(os.environ.get("JOURNEYBOT_SHARED_DIR", ROOT.parent / "shared")) / "slack"
    if not (shared / "payloads").exists():
        sys.exit(f"{shared} is missing; set JOURNEYBOT_SHARED_DIR")
    from fakes.slack_requests import SlackPayloads
    from real_servers import create_database, start_postgres

    global LOAD_BEFORE
    LOAD_BEFORE = " ".join(f"{x:.1f}" for x in os.getloadavg())
    server = start_postgres()
    work = Path(tempfile.mkdtemp(prefix="bench-instances-"))
    try:
        state_url = server.url(create_database(server))
        env = {**os.environ, "JOURNEYBOT_HOME": str(work / "loader"), "JOURNEYBOT_STATE_URL": state_url,
               "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-m", "bot.cli", "sample", "--events", str(args.events), "--ingest"],
                       check=True, env=env, cwd=work, stdout=subprocess.DEVNULL)
        payloads = SlackPayloads(shared / "payloads")
        versions = publish_and_fetch(work, state_url)
        rows = [burst(n, args, work, state_url, payloads) for n in (1, 2)]
    finally:
        server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    print(table(rows, list(rows[0])))
    print()
    print(table([versions], list(versions)))
    print(f"\n{args.requests} mentions, each also delivered again as Slack's retry to the other instance; "
          f"{args.events:,} sample events; {os.cpu_count()} cores shared by every process; "
          f"load average before: {LOAD_BEFORE}")


if __name__ == "__main__":
    main()
