"""Two `journeybot serve --http` processes sharing a real PostgreSQL server and one Shopify
source (a fake Shopify on 127.0.0.1): the source's sync, missed while both were down, is due on
both at start; it runs once, through the elected journey writer, and both instances answer from
the version it published. Skipped, saying why, where PostgreSQL cannot start.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from conftest import SHARED
from fakes.slack_api import FakeSlackAPI
from fakes.slack_harness import text_of
from fakes.slack_requests import SlackPayloads, SlackSender
from fakes.vendors.shopify import TOKEN
from real_servers import create_database, drop_database
from serve_process import REPO, SECRET, ServeProcess, free_port, write_service_config

TZ = "Europe/Berlin"


def _cli(home, config, env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=home, capture_output=True, text=True,
                          timeout=180, env={**env, "JOURNEYBOT_HOME": str(home), "JOURNEYBOT_CONFIG": str(config),
                                            "PYTHONPATH": str(REPO)})


def _config(folder, slack_api: str, extra: str):
    path = write_service_config(folder, slack_api=slack_api, extra=extra)
    path.write_text(path.read_text().replace("[business]\n", f'[business]\ntimezone = "{TZ}"\n', 1))
    return path


def _seed_missed_sync(config_path, home, env, now: dt.datetime) -> None:
    """The source's daily job as it stood in the shared job store ten minutes ago, so its run
    five minutes ago was missed while no instance was up: both catch it up when they start."""
    from bot.config import load_config
    from bot.scheduler.scheduler import JourneyScheduler

    config = load_config(config_path, env={**env, "JOURNEYBOT_HOME": str(home)})
    with time_machine.travel(now - dt.timedelta(minutes=10), tick=False):
        JourneyScheduler(config, None).start(paused=True).shutdown()


@pytest.fixture(scope="module")
def shop_cluster(pg_server, tmp_path_factory):
    from fakes.vendors.shopify import FakeShopify

    payloads = SHARED / "slack" / "payloads"
    if not payloads.exists():
        pytest.skip(f"{payloads} is not here (Slack's payloads are optional)")
    root = tmp_path_factory.mktemp("shops")
    database = create_database(pg_server)
    state_url = pg_server.url(database)
    slack = FakeSlackAPI().start()
    shop = FakeShopify().__enter__()
    now = dt.datetime.now(ZoneInfo(TZ))
    sync_time = (now - dt.timedelta(minutes=5)).strftime("%H:%M")
    extra = (
        f'[state]\nfollow_seconds = 1\n\n[scheduler]\nretrain_time = ""\n\n'
        '[alerts]\nstarter_rules = false\n\n'
        f'[[sources]]\nname = "shop"\nkind = "shopify"\nbase_url = "{shop.base_url}"\n'
        f'token_env = "SHOPIFY_TOKEN"\npage_size = 25\ntime = "{sync_time}"\n')
    env = {"JOURNEYBOT_STATE_URL": state_url, "SHOPIFY_TOKEN": TOKEN, "PATH": "/usr/bin:/bin"}
    loader_home = root / "loader"
    loader_home.mkdir()
    loader_cfg = _config(root / "cfg-loader", slack.base_url, extra)
    # Version 1: what the shop had before (one customer), so both start with a published store.
    (root / "customers.csv").write_text("customer_id,segment,city\nEARLY1,vip,Leeds\n")
    out = _cli(loader_home, loader_cfg, env, "ingest", "customers", str(root / "customers.csv"))
    assert out.returncode == 0, out.stdout + out.stderr
    _seed_missed_sync(loader_cfg, loader_home, env, now)
    instances = {}
    for name in ("a", "b"):
        cfg = _config(root / f"cfg-{name}", slack.base_url, extra)
        instances[name] = ServeProcess(name, root / name, cfg, free_port(),
                                       env={k: v for k, v in env.items() if k != "PATH"}).start()
    try:
        for bot in instances.values():
            bot.wait_ready()
        yield {"slack": slack, "shop": shop, "a": instances["a"], "b": instances["b"], "state_url": state_url,
               "env": env, "loader": (loader_home, loader_cfg), "payloads": SlackPayloads(payloads)}
    finally:
        for bot in instances.values():
            bot.stop()
        shop.__exit__(None, None, None)
        slack.stop()
        drop_database(pg_server, database)


def _wait(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def _runs(state_url: str) -> list[dict]:
    from tools.sources.state import SourceState

    return SourceState(state_url).runs("shop", limit=50)


def test_the_missed_sync_fired_on_both_runs_once_and_both_answer_from_it(shop_cluster):
    from tools.core.opsdb import open_db
    from tools.data.published import latest

    a, b, shop, state_url = shop_cluster["a"], shop_cluster["b"], shop_cluster["shop"], shop_cluster["state_url"]
    # Both instances fire the missed job at start; one syncs, the other leaves it.
    ok = _wait(lambda: [r for r in _runs(state_url) if r["status"] == "ok"], 90, "the shop's sync")
    time.sleep(3)  # room for a second sync, were there one
    runs = _runs(state_url)
    loaded = [r for r in runs if r["status"] == "ok" and r["rows_added"]]
    assert len(loaded) == 1, runs  # the data was fetched and loaded once
    assert len(ok) >= 1 and not [r for r in runs if r["status"] == "failed"]
    outcomes = {o: sum(bot.metric("journeybot_job_runs_total", job="sync", outcome=o) for bot in (a, b))
                for o in ("ok", "skipped", "failed")}
    # The shared job store usually hands the job to one of them; when both fire, one leaves it.
    assert outcomes["ok"] == 1 and outcomes["failed"] == 0, outcomes

    # The writer published the sync as version 2; both instances switch to it ...
    version = latest(open_db(state_url))
    assert version is not None and version.version == 2
    _wait(lambda: all(bot.metric("journeybot_journey_store_version") == 2 for bot in (a, b)), 30,
          "both instances on version 2")
    # ... and /metrics on both shows the one sync, read from the shared state.
    stamps = [bot.metric("journeybot_source_last_sync_timestamp_seconds", source="shop") for bot in (a, b)]
    assert stamps[0] == stamps[1] > 0

    # Both answer from its data: the shop's orders, counted here from the fake's own records.
    placed = [o for o in shop.orders if not o["test"]]  # test orders are not the shop's
    completed = [o for o in placed if not o["cancelled_at"] and o["financial_status"] in ("paid", "partially_refunded")
                 and dt.date(2025, 1, 1) <= dt.datetime.fromisoformat(o["created_at"]).astimezone(ZoneInfo(TZ)).date()
                 <= dt.date(2025, 6, 8)]
    assert len(completed) > 10
    sender = {name: SlackSender(bot.events_url, SECRET) for name, bot in (("a", a), ("b", b))}
    slack, payloads = shop_cluster["slack"], shop_cluster["payloads"]
    for i, name in enumerate(("a", "b")):
        ts = f"1700001000.00000{i + 1}"
        body = payloads.app_mention(text="<@U0LAN0Z89> how many orders did we have from 2025-01-01 to 2025-06-08?",
                                    event_id=f"EvShop{i}", ts=ts)
        assert sender[name].event(body)[0] == 200
        text = _wait(lambda ts=ts: _answer(slack, ts), 60, f"{name}'s answer")
        orders = re.search(r"Orders\s+(\d+)", text)
        assert orders and int(orders.group(1)) == len(completed), (name, text)
        # Every order placed is accounted for, by status ("26 completed orders (plus 3 pending,
        # not yet completed; 4 cancelled; 2 returned: ...)").
        # The kinds follow "plus" or "; "; Shopify's own words inside a kind ("4 cancelled: 3 voided,
        # 1 cancelled") are its parts, not more orders.
        others = re.findall(r"(?:plus |; )(\d+) (?:pending|cancelled|returned)\b", text.split("completed orders", 1)[-1])
        assert len(completed) + sum(int(n) for n in others) == len(placed), (name, text)


def _answer(slack: FakeSlackAPI, thread_ts: str) -> str | None:
    """The answer's text in the thread: streamed (Slack's AI-app surface), posted, or filled
    into its placeholder."""
    streamed = [c for c in slack.calls_to("chat.startStream") if c.params.get("thread_ts") == thread_ts]
    if streamed:
        return "".join(chunk.get("text", "") for c in streamed for chunk in c.params.get("chunks") or [])
    posted = [c for c in slack.calls_to("chat.postMessage") if c.params.get("thread_ts") == thread_ts]
    ids = {c.response.get("ts") for c in posted}
    texts = [text_of(c) for c in posted + [c for c in slack.calls_to("chat.update") if c.params.get("ts") in ids]]
    done = [t for t in texts if t and "Working on it" not in t]
    return done[-1] if done else None
