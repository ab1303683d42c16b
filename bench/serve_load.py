"""`journeybot serve` under load at 1M events: how long one answer takes, how many answers a
second a burst gets, and how much memory the server holds (issue 22).

    JOURNEYBOT_SHARED_DIR=../shared .venv/bin/python bench/serve_load.py
    .venv/bin/python bench/serve_load.py --store /work/main/bench/out/kpis_1000000.duckdb \\
        --requests 200 --concurrency 8 --before /work/main

The server is a real `journeybot serve --http` process (tests/serve_process.py) over a copy
of a journey store (default: the 1M-event store bench/kpis.py builds), answering through the
offline planner, against the tests' fake Slack Web API on 127.0.0.1. Measured:
- one at a time: mention sent to final answer posted (chat.update that is not the
  placeholder), for a single-analysis question, `--single` times;
- a burst: `--requests` mentions sent `--concurrency` at a time, first send to last answer;
- the server's resident memory after each phase and its peak (VmHWM of the process), and,
  sampled every half second, the peak of the server with its child processes (serve embeds in
  one) and of the children alone;
- settled: after the background indexer has embedded every stored text and serve has dropped
  the idle embedding model (up to `--settle` seconds for the first, 80 for the second).
`--breakdown` also prints, at the moment server plus children peaked, what each holds: the
anonymous memory (Python's objects, native libraries' buffers) and each library's code, from
/proc/PID/smaps (what told the profile of issue 22 where the megabytes are).
`--precision int8` sets `[feedback] encoder_precision` in every serve's config (both checkouts).
`--before DIR` runs the same against another checkout (e.g. /work/main) in the same run, so
the ratio survives the shared machine's noise.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench.common import pct, table  # noqa: E402

QUESTION = "what is the conversion funnel?"


def memory_mb(pid: int) -> tuple[float, float]:
    """(resident now, peak resident) of a process, MB, from /proc."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def children(pid: int) -> list[int]:
    """Every descendant of a process (serve's embedding process), from /proc."""
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids = [int(k) for k in (task / "children").read_text().split()]
        except OSError:
            continue
        for kid in kids:
            out += [kid, *children(kid)]
    return out


def mapped_mb(pid: int) -> dict[str, float]:
    """Resident MB of a process by what is mapped: "[anon]" (malloc's big blocks, native
    buffers), "[heap]" (malloc's small ones), "[stack]", and each file (a library's code)."""
    out: dict[str, float] = {}
    name = "[anon]"
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        parts = line.split()
        if parts and "-" in parts[0] and not parts[0].endswith(":"):  # a mapping's header line
            name = parts[5] if len(parts) >= 6 else "[anon]"
        elif parts and parts[0] == "Rss:":
            out[name] = out.get(name, 0.0) + int(parts[1]) / 1024
    return out


def top_mapped(mapped: dict[str, float], n: int = 8) -> str:
    rows = sorted(mapped.items(), key=lambda kv: -kv[1])[:n]
    return ", ".join(f"{Path(k).name or k} {v:.0f}" for k, v in rows)


class Sampler:
    """The server's resident memory with and without its child processes, every half second:
    a server that embeds in a child (issue 22) holds the model there, so its own peak alone
    would not tell the whole cost."""

    def __init__(self, pid: int, breakdown: bool = False):
        import threading

        self.pid, self.peak_total, self.peak_children = pid, 0.0, 0.0
        self.breakdown = breakdown
        self.at_peak: dict[str, dict[str, float]] = {}  # process -> mapped MB, at the total's peak
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            try:
                own = memory_mb(self.pid)[0]
                kids = sum(memory_mb(k)[0] for k in children(self.pid) if Path(f"/proc/{k}/status").exists())
            except (OSError, KeyError, ValueError):
                continue
            if self.breakdown and own + kids > self.peak_total:
                try:
                    self.at_peak = {"server": mapped_mb(self.pid),
                                    **{f"child {k}": mapped_mb(k) for k in children(self.pid)}}
                except (OSError, ValueError):
                    pass
            self.peak_total = max(self.peak_total, own + kids)
            self.peak_children = max(self.peak_children, kids)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run(code: Path, label: str, args: argparse.Namespace, work: Path, payloads) -> dict:
    from fakes.slack_api import FakeSlackAPI
    from fakes.slack_requests import SlackSender
    from serve_process import SECRET, ServeProcess, free_port, write_service_config

    fake = FakeSlackAPI().start()
    home = work / f"home-{label}"
    home.mkdir(parents=True)
    shutil.copy(args.store, home / "journey.duckdb")
    cfg = write_service_config(work / f"cfg-{label}", slack_api=fake.base_url,
                               extra='[scheduler]\nretrain_time = ""\n'
                               + (f'\n[feedback]\nencoder_precision = "{args.precision}"\n' if args.precision else ""))
    bot = ServeProcess(label, home, cfg, free_port(), env={"PYTHONPATH": str(code)})
    started = time.monotonic()
    bot.start()
    try:
        sampler = Sampler(bot.process.pid, args.breakdown)
        bot.wait_ready(300)
        ready_s = time.monotonic() - started
        sender = SlackSender(bot.events_url, SECRET)
        rss_idle = memory_mb(bot.process.pid)

        # An answer streams into the thread (chat.startStream ... chat.stopStream): the stop
        # call is the moment the whole answer is there.
        def answers() -> int:
            return len(fake.calls_to("chat.stopStream"))

        def final(count: int, timeout: float) -> list:
            return fake.wait_for("chat.stopStream", count, timeout=timeout)

        sender.event(payloads.app_mention(text=f"<@U0LAN0Z89> {args.question}", event_id="EvWARM", ts="1.000001"))
        final(1, 300)
        one = []
        for i in range(args.single):
            have = answers()
            t0 = time.monotonic()
            sender.event(payloads.app_mention(text=f"<@U0LAN0Z89> {args.question}", event_id=f"EvS{i}",
                                              ts=f"1.{i + 2:06d}"))
            final(have + 1, 120)
            one.append(time.monotonic() - t0)
        rss_single = memory_mb(bot.process.pid)
        have = answers()
        t0 = time.monotonic()

        def deliver(i: int) -> None:
            body = payloads.app_mention(text=f"<@U0LAN0Z89> {args.question}", event_id=f"EvB{i:06d}",
                                        ts=f"2.{i:06d}")
            assert sender.event(body)[0] == 200

        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            list(pool.map(deliver, range(args.requests)))
        done = final(have + args.requests, 1800)
        burst_s = max(c.at for c in done) - t0
        rss_burst = memory_mb(bot.process.pid)
        # Settled: once the indexer has embedded every stored text (its report line in the
        # log), and the idle delay after which serve drops the model has passed, what the
        # server holds while nobody asks about feedback.
        deadline = time.monotonic() + args.settle
        while "feedback <- " not in bot.output() and time.monotonic() < deadline:
            time.sleep(2)
        indexed = "feedback <- " in bot.output()
        # serve drops the model 60 idle seconds after the index run (a checkout that never
        # does is read after the same wait).
        release_by = time.monotonic() + 80
        while indexed and "embedding model released" not in bot.output() and time.monotonic() < release_by:
            time.sleep(2)
        rss_settled = memory_mb(bot.process.pid)
        sampler.stop()
        streamed = fake.calls_to("chat.appendStream") + fake.calls_to("chat.startStream")
        sample = " | ".join(str(c.params.get("markdown_text") or c.params.get("chunks") or "")[:150]
                            for c in streamed[-2:])
        return {"code": label, "ready s": ready_s,
                "answer p50 ms": 1000 * statistics.median(one), "answer p95 ms": 1000 * pct(one, 0.95),
                "burst answers/s": args.requests / burst_s, "RSS idle MB": rss_idle[0],
                "RSS after single MB": rss_single[0], "RSS after burst MB": rss_burst[0],
                "peak RSS MB during the burst": rss_burst[1],
                "RSS settled MB": rss_settled[0] if indexed else float("nan"),
                "peak RSS MB": rss_settled[1],
                "child peak MB": sampler.peak_children,
                "peak RSS with children MB": max(sampler.peak_total, rss_settled[1]),
                "_sample": sample[:300],
                "_at_peak": {who: f"{sum(m.values()):.0f} MB: {top_mapped(m)}" for who, m in sampler.at_peak.items()}}
    finally:
        bot.stop()
        fake.stop()
        if os.environ.get("BENCH_SERVE_LOG"):
            print(bot.output()[-4000:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, default=Path("/work/main/bench/out/kpis_1000000.duckdb"))
    parser.add_argument("--question", default=QUESTION)
    parser.add_argument("--single", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--settle", type=float, default=300,
                        help="seconds to wait after the burst for the indexer to finish and the "
                             "idle model to be dropped")
    parser.add_argument("--before", type=Path, help="another checkout to measure in the same run")
    parser.add_argument("--precision", choices=["fp32", "int8"],
                        help="[feedback] encoder_precision for every serve of the run (default: the code's default)")
    parser.add_argument("--breakdown", action="store_true",
                        help="what server and child hold at their peak, by mapping (smaps)")
    args = parser.parse_args()
    shared = Path(os.environ.get("JOURNEYBOT_SHARED_DIR", ROOT.parent / "shared")) / "slack"
    if not (shared / "payloads").exists():
        sys.exit(f"{shared} is missing; set JOURNEYBOT_SHARED_DIR")
    if not args.store.exists():
        sys.exit(f"{args.store} is missing; build it with bench/kpis.py --events 1000000")
    from fakes.slack_requests import SlackPayloads

    payloads = SlackPayloads(shared / "payloads")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    try:
        rows = []
        if args.before:
            rows.append(run(args.before.resolve(), "before", args, work, payloads))
        rows.append(run(ROOT, "after" if args.before else "this", args, work, payloads))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table([{k: v for k, v in r.items() if not k.startswith("_")} for r in rows],
                [k for k in rows[0] if not k.startswith("_")]))
    print(f"\nquestion: {args.question!r}; {args.single} one at a time, then {args.requests} mentions "
          f"{args.concurrency} at a time; {os.cpu_count()} cores; load average before: {load}, after: "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"last answer: {rows[-1]['_sample']!r}")
    for r in rows:
        for who, held in r["_at_peak"].items():
            print(f"{r['code']}, {who} at the peak: {held}")


if __name__ == "__main__":
    main()
