"""Slack app speed: how fast Slack gets its ack, how fast an answer lands, and what rendering
and charts cost.

    .venv/bin/python bench/slack.py                  # 100k sample events, 200 mentions
    .venv/bin/python bench/slack.py --requests 50

The app runs for real in HTTP mode (signature checks, middleware, lazy listeners, the offline
agent on the sample data, slack_sdk) against the fake Slack Web API of the tests on
127.0.0.1; Slack's payloads come from ../shared/slack/payloads (JOURNEYBOT_SHARED_DIR).
Slack needs the ack within 3 s; the ack is measured while the answers of earlier mentions
are being computed on the worker threads, as in a busy channel.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench.common import median_seconds, pct, peak_rss_mb, table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    shared = Path(os.environ.get("JOURNEYBOT_SHARED_DIR", ROOT.parent / "shared")) / "slack"
    if not (shared / "payloads").exists():
        sys.exit(f"{shared} is missing; set JOURNEYBOT_SHARED_DIR")

    from tools.data.ingest import folder_loads, ingest_loads
    from tools.data.sample import SampleSpec, generate_sample
    from tools.data.store import JourneyStore

    sample = OUT / f"slack_sample_{args.events}"
    if not (sample / "customers.csv").exists():
        generate_sample(sample, SampleSpec(events=args.events))
    work = Path(tempfile.mkdtemp(prefix="bench-slack-"))
    os.environ["JOURNEYBOT_HOME"] = str(work / "home")
    os.chdir(work)
    store = JourneyStore(work / "journey.duckdb", timezone="Europe/London")
    ingest_loads(store, folder_loads(sample))

    from fakes.slack_api import FakeSlackAPI
    from fakes.slack_harness import BOT_TOKEN, SECRET, write_config
    from fakes.slack_requests import SlackPayloads, SlackSender

    fake = FakeSlackAPI().start()
    os.environ.update(SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SECRET)
    from bot.config import load_config
    from bot.slack.app import SlackHTTPServer, build_app, make_client
    from bot.slack.poster import SlackPoster
    from bot.slack.services import build_services

    config = load_config(write_config(work, fake, "answer_timeout_seconds = 120"))
    client = make_client(config.slack, BOT_TOKEN)
    services = build_services(config, store, SlackPoster(client))
    server = SlackHTTPServer(build_app(services, client, signing_secret=SECRET), "127.0.0.1", 0)
    server.start_in_thread()
    payloads, sender = SlackPayloads(shared / "payloads"), SlackSender(server.url, SECRET)

    sender.event(payloads.app_mention(text="<@U0LAN0Z89> warm up", event_id="EvWARM", ts="1.000001"))
    fake.wait_for("chat.update", timeout=60)
    idle = []  # one at a time: what one person asking waits
    for i in range(10):
        ts = f"1.{i + 2:06d}"
        t0 = time.monotonic()
        sender.event(payloads.app_mention(text="<@U0LAN0Z89> what data do you have?", event_id=f"EvI{i}", ts=ts))
        fake.wait_for("chat.update", i + 2, timeout=60)
        idle.append(time.monotonic() - t0)
    acks, dup_acks = [], []
    started = time.monotonic()
    for i in range(args.requests):  # a burst: every ack while earlier answers are computed
        body = payloads.app_mention(text="<@U0LAN0Z89> what data do you have?", event_id=f"EvB{i:06d}",
                                    ts=f"2.{i:06d}")
        t0 = time.perf_counter()
        status, _ = sender.event(body)
        acks.append(time.perf_counter() - t0)
        assert status == 200
        t0 = time.perf_counter()
        sender.event(body, retry_num=1)
        dup_acks.append(time.perf_counter() - t0)
    done = fake.wait_for("chat.update", args.requests + 11, timeout=900)
    burst_s = max(c.at for c in done) - started
    posts = len(fake.calls_to("chat.postMessage")) - 11
    server.stop()
    fake.stop()

    rows = [
        {"measure": f"ack of a signed mention during a burst of {args.requests}",
         "p50 ms": 1000 * statistics.median(acks), "p95 ms": 1000 * pct(acks, 0.95), "max ms": 1000 * max(acks)},
        {"measure": "ack of a retried delivery (dropped as a repeat)",
         "p50 ms": 1000 * statistics.median(dup_acks), "p95 ms": 1000 * pct(dup_acks, 0.95),
         "max ms": 1000 * max(dup_acks)},
        {"measure": f"mention to answer in the thread, one at a time ({args.events:,} events)",
         "p50 ms": 1000 * statistics.median(idle), "p95 ms": 1000 * pct(idle, 0.95), "max ms": 1000 * max(idle)},
    ]
    print(table(rows, ["measure", "p50 ms", "p95 ms", "max ms"]))
    print(f"\nburst: {posts} answers for {args.requests} mentions and {args.requests} retries, all posted "
          f"{burst_s:.0f} s after the first ({posts / burst_s:.1f} answers/s)")

    from bot.answer import Answer
    from bot.render.slack import answer_message
    from tools.charts.journey import funnel_chart, kpi_trend_chart, sentiment_by_stage_chart

    typical = services.agent.answer("what data do you have?", "bench")
    huge = "\n".join(f"row {i:05d}  " + "word " * 30 for i in range(3000))
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(180)]
    cases = [
        ("render a typical answer (describe_data, 1 kB)", lambda: answer_message(typical, "id")),
        ("render a 480 kB answer (cut to fit, attached)", lambda: answer_message(Answer(huge, "offline"), "id")),
        ("funnel chart, 6 steps", lambda: funnel_chart(["a", "b", "c", "d", "e", "f"], [900, 700, 400, 300, 200, 50])),
        ("KPI trend chart, 180 days", lambda: kpi_trend_chart(days, [float(i % 17) for i in range(180)], title="x")),
        ("sentiment by stage chart, 6 stages", lambda: sentiment_by_stage_chart(
            ["a", "b", "c", "d", "e", "f"], [0.3, 0.1, -0.2, 0.5, -0.4, 0.0], [10, 20, 30, 40, 50, 60])),
    ]
    print()
    print(table([{"case": name, "median ms": 1000 * median_seconds(fn, repeats=7)} for name, fn in cases],
                ["case", "median ms"]))
    print(f"\npeak memory of this process: {peak_rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
