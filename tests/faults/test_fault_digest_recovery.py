"""Fault: recovering an interrupted digest needed a scope the app never asks for (issue 20 item 8).

The fake Slack Web API enforces the bot token's scopes, here exactly the manifest's
(slack/manifest.yml): conversations.history and conversations.replies answer missing_scope.
The run ledger places a message, records its ts, then fills it, so a run interrupted after
Slack accepted the message is finished from the recorded ts, without reading the channel; if it
died before the ts was written, not being able to look is no failure: the message is placed
again (the text line twice at worst, never a lost digest and never a missing_scope failure)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from fakes.poster import SimulatedCrash

from bot.render.message import Message
from bot.scheduler.delivery import RunLedger
from bot.scheduler.slack_runs import RunMarkingSlackPoster
from bot.state import StateStore

REPO = Path(__file__).resolve().parents[2]
KEY = "digest:daily:C0DIGEST1:2026-05-03"
CHANNEL = "C0DIGEST1"
DIGEST = Message("Daily journey digest — Crumb & Co., Sun 3 May 2026: 2 things to look at",
                 [{"type": "section", "text": {"type": "mrkdwn", "text": "*Checkout conversion* fell to 2.8%"}}])


def manifest_scopes() -> set[str]:
    manifest = yaml.safe_load((REPO / "slack" / "manifest.yml").read_text(encoding="utf-8"))
    return set(manifest["oauth_config"]["scopes"]["bot"])


class Dies:
    """The Slack app's poster, but the process dies once at one step: right after Slack
    accepted the marked post (before its ts could be written down), or before the fill."""

    def __init__(self, inner, *, after_post: bool = False, before_fill: bool = False):
        self.inner, self.after_post, self.before_fill = inner, after_post, before_fill

    def post(self, *a, **k):
        return self.inner.post(*a, **k)

    def upload(self, *a, **k):
        return self.inner.upload(*a, **k)

    def update(self, channel, ts, text, blocks=None):
        if self.before_fill:
            self.before_fill = False
            raise SimulatedCrash("died before the fill")
        return self.inner.update(channel, ts, text, blocks)

    def post_marked(self, channel, text, blocks, *, run_key, thread_ts=None):
        ts = self.inner.post_marked(channel, text, blocks, run_key=run_key, thread_ts=thread_ts)
        if self.after_post:
            self.after_post = False
            raise SimulatedCrash("died after Slack accepted the post")
        return ts

    def find_marked(self, *a, **k):
        return self.inner.find_marked(*a, **k)


@pytest.fixture
def slack_poster(fake_slack, tmp_path):
    from bot.config import load_config
    from bot.slack.app import make_client
    from bot.slack.poster import SlackPoster

    fake_slack.granted_scopes = manifest_scopes()
    path = tmp_path / "slack.toml"
    path.write_text(f'[slack]\napi_base_url = "{fake_slack.base_url}"\n')
    client = make_client(load_config(path).slack, "xoxb-test-bot")
    return RunMarkingSlackPoster(SlackPoster(client), client)


def _ledger(tmp_path, owner: str) -> RunLedger:
    """A ledger whose leases run out at once, as a dead process's lease does in time."""
    return RunLedger(StateStore(tmp_path / "state.sqlite"), owner=owner, lease_seconds=-1)


def test_fault_manifest_asks_for_no_channel_history_scope():
    scopes = manifest_scopes()
    assert not scopes & {"channels:history", "groups:history", "mpim:history"}
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "cannot read channel history" in readme


def test_fault_digest_interrupted_before_the_fill_is_finished_without_reading_history(fake_slack, slack_poster,
                                                                                       tmp_path):
    with pytest.raises(SimulatedCrash):
        _ledger(tmp_path, "first").deliver(KEY, CHANNEL, DIGEST, Dies(slack_poster, before_fill=True))
    outcome = _ledger(tmp_path, "second").send(KEY, slack_poster)
    assert outcome.outcome == "recovered"
    [post] = fake_slack.calls_to("chat.postMessage")
    [fill] = fake_slack.calls_to("chat.update")
    assert fill.params["ts"] == post.response["ts"] == outcome.ts and fill.status == 200
    assert "Checkout conversion" in str(fill.params["blocks"])
    assert fake_slack.calls_to("conversations.history") == []


def test_fault_digest_interrupted_right_after_slack_accepted_it_is_not_a_missing_scope_failure(
        fake_slack, slack_poster, tmp_path):
    with pytest.raises(SimulatedCrash):
        _ledger(tmp_path, "first").deliver(KEY, CHANNEL, DIGEST, Dies(slack_poster, after_post=True))
    retry = _ledger(tmp_path, "second")
    outcome = retry.send(KEY, slack_poster)
    assert outcome.outcome == "posted" and retry.status(KEY)["status"] == "posted"
    [looked] = fake_slack.calls_to("conversations.history")
    assert looked.response.get("error") == "missing_scope", looked.response  # Slack said no, and that was fine
    posts = fake_slack.calls_to("chat.postMessage")
    assert len(posts) == 2 and {p.params["text"] for p in posts} == {DIGEST.text}  # the text line twice at worst
    assert [u.params["ts"] for u in fake_slack.calls_to("chat.update")] == [outcome.ts]  # one full digest


def test_fault_digest_recovery_is_exact_when_a_history_scope_is_granted(fake_slack, slack_poster, tmp_path):
    fake_slack.granted_scopes = manifest_scopes() | {"channels:history"}  # optional, README
    with pytest.raises(SimulatedCrash):
        _ledger(tmp_path, "first").deliver(KEY, CHANNEL, DIGEST, Dies(slack_poster, after_post=True))
    outcome = _ledger(tmp_path, "second").send(KEY, slack_poster)
    assert outcome.outcome == "recovered"
    assert len(fake_slack.calls_to("chat.postMessage")) == 1


def test_fault_two_digests_at_once_post_once(fake_slack, slack_poster, tmp_path):
    import threading

    ledgers = [_ledger(tmp_path, f"instance-{i}") for i in range(2)]
    for ledger in ledgers:
        ledger.lease_seconds = 300
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def run(ledger: RunLedger) -> None:
        barrier.wait()
        outcomes.append(ledger.deliver(KEY, CHANNEL, DIGEST, slack_poster).outcome)

    threads = [threading.Thread(target=run, args=(ledger,)) for ledger in ledgers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert sorted(outcomes) in (["busy", "posted"], ["already_posted", "posted"])
    assert len(fake_slack.calls_to("chat.postMessage")) == 1
