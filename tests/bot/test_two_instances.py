"""Two `journeybot serve --http` processes with their own data folders, sharing a real
PostgreSQL server and a real Chroma server, behind one fake Slack: what one does, the other
knows; what must happen once happens once; one dying leaves the other serving.

The cluster is built once for the module (about 20 s): a loader publishes the sample data as
journey store version 1, the scheduled digest is left one missed run behind (as after a night
of downtime, so both instances catch it up at start), then A and B start. The model is a
local OpenAI-compatible stub, so conversation memory goes through LangGraph's Postgres
checkpointer. Skipped, saying why, where PostgreSQL or Chroma cannot start.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
import time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from conftest import SHARED
from fakes.openai_stub import OpenAIStub, text_reply
from fakes.slack_api import FakeSlackAPI
from fakes.slack_harness import text_of
from fakes.slack_requests import SlackPayloads, SlackSender
from real_servers import create_database, drop_database
from serve_process import REPO, SECRET, ServeProcess, free_port, write_service_config

TZ = "Europe/London"
DIGEST_CHANNEL = "C0DIGEST01"
ALERT_CHANNEL = "C0ALERTS01"


class ThreadMemoryReplies:
    """The stub's replies, worked out from what the model is sent (its whole conversation)."""

    def __init__(self) -> None:
        self.seen: list[list[str]] = []

    def __bool__(self) -> bool:
        return True

    def reply_to(self, messages: list[dict]) -> dict:
        texts = [str(m.get("content") or "") for m in messages if m.get("role") in ("user", "assistant")]
        self.seen.append(texts)
        last = texts[-1] if texts else ""
        if "remember" in last:
            return text_reply("Noted: you sell sourdough.")
        if "what do we sell" in last:
            known = any("sourdough" in t for t in texts[:-1])
            return text_reply("You told me you sell sourdough." if known else "I do not know what you sell.")
        if "slow" in last:
            time.sleep(6)
        return text_reply("Here is what I found.")


class MemoryStub(OpenAIStub):
    def __init__(self) -> None:
        super().__init__([])
        book = ThreadMemoryReplies()
        self.book = book

        class Replies(list):
            def __bool__(self) -> bool:
                return True

            def pop(self, index: int = -1) -> dict:
                return book.reply_to(stub.requests[-1]["body"]["messages"])

        stub = self
        self.replies = Replies()


def _run_cli(home, config, env, *args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=home, capture_output=True, text=True,
                         timeout=180, env={**env, "JOURNEYBOT_HOME": str(home), "JOURNEYBOT_CONFIG": str(config),
                                           "PYTHONPATH": str(REPO)})
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


def _seed_missed_digest(config_path, home, state_url: str, now: dt.datetime) -> None:
    """Write the config's digest job into the shared job store as it stood ten minutes ago, so
    its run five minutes ago was missed while no instance was up."""
    from bot.config import load_config
    from bot.scheduler.scheduler import JourneyScheduler

    config = load_config(config_path, env={"JOURNEYBOT_HOME": str(home), "JOURNEYBOT_STATE_URL": state_url})
    with time_machine.travel(now - dt.timedelta(minutes=10), tick=False):
        scheduler = JourneyScheduler(config, None).start(paused=True)
        scheduler.shutdown()


@pytest.fixture(scope="module")
def cluster(pg_server, chroma_server, tmp_path_factory):
    payloads = SHARED / "slack" / "payloads"
    if not payloads.exists():
        pytest.skip(f"{payloads} is not here (Slack's payloads are optional)")
    root = tmp_path_factory.mktemp("cluster")
    database = create_database(pg_server)
    state_url = pg_server.url(database)
    slack = FakeSlackAPI().start()
    stub = MemoryStub()
    threading.Thread(target=stub.server.serve_forever, daemon=True).start()
    now = dt.datetime.now(ZoneInfo(TZ))
    digest_time = (now - dt.timedelta(minutes=5)).strftime("%H:%M")
    extra = (f'[state]\nfollow_seconds = 1\n\n[feedback]\nchroma_url = "{chroma_server.url}"\n'
             f'collection = "cluster-{database}"\nsentiment = "offline"\n\n'
             f'[model]\nprovider = "openai"\nname = "stub"\nbase_url = "{stub.base_url}"\nmax_retries = 0\n\n'
             f'[alerts]\nchannel = "{ALERT_CHANNEL}"\nstarter_rules = false\n\n'
             f'[scheduler]\nretrain_time = ""\n\n'
             f'[[digests]]\nchannel = "{DIGEST_CHANNEL}"\ntime = "{digest_time}"\n')
    env = {"JOURNEYBOT_STATE_URL": state_url, "OPENAI_API_KEY": "sk-test", "PATH": "/usr/bin:/bin"}
    loader_home = root / "loader"
    loader_home.mkdir()
    loader_cfg = write_service_config(root / "cfg-loader", slack_api=slack.base_url, extra=extra)
    _run_cli(loader_home, loader_cfg, env, "sample", "--events", "1000", "--days", "30", "--ingest")
    _seed_missed_digest(loader_cfg, loader_home, state_url, now)
    instances = {}
    for name in ("a", "b"):
        cfg = write_service_config(root / f"cfg-{name}", slack_api=slack.base_url, extra=extra)
        instances[name] = ServeProcess(name, root / name, cfg, free_port(),
                                       env={"JOURNEYBOT_STATE_URL": state_url, "OPENAI_API_KEY": "sk-test"}).start()
    try:
        for bot in instances.values():
            ready = bot.wait_ready()
            assert ready["checks"]["journey_versions"] == "ok"
        yield {"slack": slack, "stub": stub, "a": instances["a"], "b": instances["b"], "root": root,
               "state_url": state_url, "env": env, "loader": (loader_home, loader_cfg),
               "payloads": SlackPayloads(payloads)}
    finally:
        for bot in instances.values():
            bot.stop()
        stub.server.shutdown()
        slack.stop()
        drop_database(pg_server, database)


def _mention(cluster, text: str, ts: str, *, thread_ts: str | None = None, event_id: str | None = None) -> dict:
    return cluster["payloads"].app_mention(text=f"<@U0LAN0Z89> {text}", event_id=event_id or f"Ev{ts.replace('.', '')}",
                                           ts=ts, thread_ts=thread_ts)


def _send(bot: ServeProcess, body: dict, **kw) -> int:
    return SlackSender(bot.events_url, SECRET).event(body, **kw)[0]


def _answers_in(slack: FakeSlackAPI, thread_ts: str) -> list[str]:
    """The answers in a thread as a person reads them: finished streamed replies (Slack's AI
    surface, the default) and placeholders replaced by an answer (when streaming is refused)."""
    with slack._cond:
        streamed = [s["text"] for s in slack.streams.values()
                    if s["thread_ts"] == thread_ts and s["state"] == "completed"]
    placeholders = {c.response.get("ts") for c in slack.calls_to("chat.postMessage")
                    if c.params.get("thread_ts") == thread_ts}
    replaced = [text_of(c) for c in slack.calls_to("chat.update") if c.params.get("ts") in placeholders]
    return streamed + [t for t in replaced if "Working on it" not in t]


def _wait_answer(slack: FakeSlackAPI, thread_ts: str, timeout: float = 40.0, containing: str = "") -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [t for t in _answers_in(slack, thread_ts) if containing in t]
        if done:
            return done[-1]
        time.sleep(0.1)
    raise AssertionError(f"no answer in thread {thread_ts}")


def test_a_slack_event_and_its_retries_split_across_the_two_are_answered_once(cluster):
    slack, a, b = cluster["slack"], cluster["a"], cluster["b"]
    handled = a.metric("journeybot_slack_events_total", outcome="handled") + \
        b.metric("journeybot_slack_events_total", outcome="handled")
    body = _mention(cluster, "what data do you have?", "1700000100.000001")
    statuses: list[int] = []
    deliveries = [(a, None), (b, 1), (a, 2), (b, 3)]  # the first delivery and Slack's three retries
    threads = [threading.Thread(target=lambda bot=bot, n=n: statuses.append(_send(bot, body, retry_num=n)))
               for bot, n in deliveries]
    for t in threads:
        t.start()
    for t in threads:
        t.join(15)
    assert statuses == [200, 200, 200, 200]
    _wait_answer(slack, "1700000100.000001")
    time.sleep(1.5)  # time for a second answer to show up, if there were one
    started = [c for c in slack.calls_to("chat.startStream") + slack.calls_to("chat.postMessage")
               if c.params.get("thread_ts") == "1700000100.000001"]
    assert len(started) == 1 and len(_answers_in(slack, "1700000100.000001")) == 1
    assert len([c for c in slack.calls_to("reactions.add") if c.params.get("timestamp") == "1700000100.000001"]) == 1
    assert a.metric("journeybot_slack_events_total", outcome="handled") + \
        b.metric("journeybot_slack_events_total", outcome="handled") == handled + 1


def test_the_scheduled_digest_missed_while_both_were_down_is_posted_once(cluster):
    slack = cluster["slack"]
    slack.wait_for("chat.postMessage", where=lambda c: c.params.get("channel") == DIGEST_CHANNEL, timeout=40)
    time.sleep(2)  # the other instance's run has long started by now
    digests = [c for c in slack.calls_to("chat.postMessage") if c.params.get("channel") == DIGEST_CHANNEL]
    assert len(digests) == 1
    metadata = digests[0].params.get("metadata")
    metadata = json.loads(metadata) if isinstance(metadata, str) else metadata
    assert metadata["event_payload"]["run_key"].startswith(f"digest:daily:{DIGEST_CHANNEL}:")
    runs = sum(bot.metric("journeybot_job_runs_total", job="digest") for bot in (cluster["a"], cluster["b"]))
    assert runs >= 1


def test_a_follow_up_sent_to_the_other_instance_uses_the_threads_memory(cluster):
    slack, a, b, book = cluster["slack"], cluster["a"], cluster["b"], cluster["stub"].book
    root = "1700000200.000001"
    assert _send(a, _mention(cluster, "remember that we sell sourdough", root)) == 200
    assert "Noted: you sell sourdough." in _wait_answer(slack, root)
    follow_up = _mention(cluster, "what do we sell?", "1700000200.000002", thread_ts=root)
    assert _send(b, follow_up) == 200
    _wait_answer(slack, root, containing="You told me you sell sourdough.")
    # B sent the model the thread's earlier turn, which only A had seen.
    assert book.seen[-1][:2] == ["remember that we sell sourdough", "Noted: you sell sourdough."]


def test_an_alert_acknowledged_through_one_is_acknowledged_on_the_other(cluster):
    from tools.alerts.evaluate import Finding
    from tools.alerts.lifecycle import AlertPolicy
    from tools.alerts.rules import AlertRule
    from tools.alerts.store import AlertStore

    slack, a, b = cluster["slack"], cluster["a"], cluster["b"]
    day = dt.date(2026, 5, 3)
    finding = Finding(rule_id="conv", condition="conversion drops", metric="conversion_rate",
                      label="Checkout conversion", unit="%", day=day, window_days=1, kind="anomaly", breach=True,
                      judged=True, value=2.8, expected=4.1, lower=3.5, upper=4.7, z=-5.0, change_pct=-31.7, n=80,
                      since=day, reason="below the usual range", severity="high")
    alerts = AlertStore(cluster["state_url"])
    alerts.apply(AlertRule(id="conv", kind="anomaly", metric="conversion_rate", severity="high"), finding,
                 dt.datetime(2026, 5, 4, 7, tzinfo=dt.UTC), AlertPolicy())
    alerts.record_thread("conv@2026-05-03", ALERT_CHANNEL, "1700000300.000001", main=True)
    payloads, sender_a, sender_b = cluster["payloads"], SlackSender(a.events_url, SECRET), SlackSender(b.events_url, SECRET)
    status, _ = sender_a.action(payloads.block_action("alert_ack", "conv@2026-05-03", user="U0OWNER01",
                                                      channel=ALERT_CHANNEL, message_ts="1700000300.000001"))
    assert status == 200
    slack.wait_for("chat.update", where=lambda c: c.params.get("ts") == "1700000300.000001", timeout=20)
    assert AlertStore(cluster["state_url"]).get("conv@2026-05-03").acked_by == "U0OWNER01"
    # Someone presses the same button on B a moment later: B knows it was acknowledged already.
    status, _ = sender_b.action(payloads.block_action("alert_ack", "conv@2026-05-03", user="U0OTHER02",
                                                      channel=ALERT_CHANNEL, message_ts="1700000300.000001"))
    assert status == 200
    updates = slack.wait_for("chat.update", 2, where=lambda c: c.params.get("ts") == "1700000300.000001", timeout=20)
    assert "Acknowledged by <@U0OWNER01>" in text_of(updates[-1])
    assert "U0OTHER02" not in text_of(updates[-1])


def test_a_new_published_version_reaches_both_instances(cluster, tmp_path):
    a, b = cluster["a"], cluster["b"]
    assert a.metric("journeybot_journey_store_version") == b.metric("journeybot_journey_store_version") == 1
    (tmp_path / "customers.csv").write_text("customer_id,segment,city\nNEW1,vip,Leeds\n")
    home, cfg = cluster["loader"]
    out = _run_cli(home, cfg, cluster["env"], "ingest", "customers", str(tmp_path / "customers.csv"))
    assert "Published as journey store version 2" in out
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not all(bot.metric("journeybot_journey_store_version") == 2 for bot in (a, b)):
        time.sleep(0.3)
    assert [bot.metric("journeybot_journey_store_version") for bot in (a, b)] == [2, 2]


def test_killing_one_instance_mid_answer_leaves_the_other_serving(cluster):
    slack, a, b = cluster["slack"], cluster["a"], cluster["b"]
    root = "1700000400.000001"
    assert _send(a, _mention(cluster, "a slow question", root)) == 200
    slack.wait_for("reactions.add", where=lambda c: c.params.get("timestamp") == root, timeout=20)  # A took it
    a.kill()  # mid-answer: the model is still thinking
    assert a.process.returncode != 0
    other = "1700000400.000002"
    assert _send(b, _mention(cluster, "what data do you have?", other)) == 200
    assert "Here is what I found." in _wait_answer(slack, other)
    assert b.get("/ready")[0] == 200
