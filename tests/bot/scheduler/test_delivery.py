"""Exactly-once delivery: one message per run key whatever dies or races."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import time_machine
from fakes.poster import RecordingPoster, SimulatedCrash

from bot.render.message import Attachment, Message
from bot.scheduler.delivery import RunLedger
from bot.state import StateStore

T0 = dt.datetime(2026, 5, 4, 8, 0, tzinfo=dt.UTC)
KEY = "digest:daily:C1:2026-05-03"


def _ledger(tmp_path, owner: str, lease: float = 300) -> RunLedger:
    return RunLedger(StateStore(tmp_path / "state.sqlite"), owner=owner, lease_seconds=lease)


def test_a_run_key_is_posted_once(tmp_path):
    poster = RecordingPoster()
    ledger = _ledger(tmp_path, "a")
    first = ledger.deliver(KEY, "C1", Message("Daily digest"), poster)
    again = ledger.deliver(KEY, "C1", Message("Daily digest, recomputed"), poster)
    assert (first.outcome, again.outcome) == ("posted", "already_posted")
    assert again.ts == first.ts
    assert [p.text for p in poster.posts()] == ["Daily digest"]
    assert poster.posts()[0].run_key == KEY  # carried in the Slack metadata


def test_died_after_slack_accepted_is_found_again_not_reposted(tmp_path):
    slack = tmp_path / "slack.sqlite"
    with time_machine.travel(T0, tick=False) as clock:
        dying = _ledger(tmp_path, "first-process")
        with pytest.raises(SimulatedCrash):
            dying.deliver(KEY, "C1", Message("Daily digest"), RecordingPoster(slack, crash_after_post=1))
        restarted = _ledger(tmp_path, "second-process")
        poster = RecordingPoster(slack)
        # The dead process still holds the lease: nobody sends until it runs out.
        assert restarted.send(KEY, poster).outcome == "busy"
        assert restarted.unfinished(max_age_seconds=86400) == []
        clock.shift(301)
        assert restarted.unfinished(max_age_seconds=86400) == [KEY]
        outcome = restarted.send(KEY, poster)
    assert outcome.outcome == "recovered"
    assert len(poster.posts()) == 1 and outcome.ts == poster.posts()[0].ts
    assert restarted.status(KEY)["status"] == "posted"


def test_died_before_slack_saw_it_is_posted_on_recovery(tmp_path):
    slack = tmp_path / "slack.sqlite"
    with time_machine.travel(T0, tick=False) as clock:
        with pytest.raises(SimulatedCrash):
            _ledger(tmp_path, "a").deliver(KEY, "C1", Message("Daily digest"),
                                           RecordingPoster(slack, crash_before_post=1))
        clock.shift(301)
        outcome = _ledger(tmp_path, "b").send(KEY, RecordingPoster(slack))
    assert outcome.outcome == "posted"
    assert [p.text for p in RecordingPoster(slack).posts()] == ["Daily digest"]


def test_a_failed_post_is_retried_once_and_keeps_the_recorded_message(tmp_path):
    poster = RecordingPoster(fail_before_post=1)
    ledger = _ledger(tmp_path, "a")
    failed = ledger.deliver(KEY, "C1", Message("v1"), poster)
    assert failed.outcome == "failed" and "unreachable" in failed.detail
    assert ledger.unfinished(max_age_seconds=3600) == [KEY]
    retried = ledger.deliver(KEY, "C1", Message("v2"), poster)
    assert retried.outcome == "posted"
    assert [p.text for p in poster.posts()] == ["v1"]


def test_two_instances_racing_post_once(tmp_path):
    poster = RecordingPoster(tmp_path / "slack.sqlite", delay=0.2)
    ledgers = [_ledger(tmp_path, f"instance-{i}") for i in range(2)]
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def run(ledger: RunLedger) -> None:
        barrier.wait()
        outcomes.append(ledger.deliver(KEY, "C1", Message(ledger.owner), RecordingPoster(poster.path, delay=0.2)).outcome)

    threads = [threading.Thread(target=run, args=(ledger,)) for ledger in ledgers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert sorted(outcomes) in (["busy", "posted"], ["already_posted", "posted"])
    assert len(poster.posts()) == 1


def test_without_run_marking_an_interrupted_run_is_posted_again(tmp_path, caplog):
    class PlainPoster:
        def __init__(self):
            self.inner = RecordingPoster(crash_after_post=1)

        def post(self, channel, text, blocks=None, thread_ts=None):
            return self.inner.post(channel, text, blocks, thread_ts)

        def update(self, *a, **k):
            pass

        def upload(self, *a, **k):
            pass

    plain = PlainPoster()
    with time_machine.travel(T0, tick=False) as clock:
        ledger = _ledger(tmp_path, "a")
        with pytest.raises(SimulatedCrash):
            ledger.deliver(KEY, "C1", Message("x"), plain)
        clock.shift(301)
        assert ledger.send(KEY, plain).outcome == "posted"
    # At least once rather than never: the price of a poster that cannot look.
    assert len(plain.inner.posts()) == 2
    assert "cannot look for it" in caplog.text


def test_files_go_into_the_thread_once(tmp_path):
    slack = tmp_path / "slack.sqlite"
    msg = Message("Alert", files=(Attachment("chart.png", b"\x89PNG...", "Checkout conversion"),))
    with time_machine.travel(T0, tick=False) as clock:
        with pytest.raises(SimulatedCrash):
            _ledger(tmp_path, "a").deliver(KEY, "C1", msg, RecordingPoster(slack, crash_after_post=1))
        clock.shift(301)
        _ledger(tmp_path, "b").send(KEY, RecordingPoster(slack))
        _ledger(tmp_path, "c").send(KEY, RecordingPoster(slack))
    uploads = RecordingPoster(slack).uploads()
    assert [(c, f, t) for c, f, t, _ in uploads] == [("C1", "chart.png", RecordingPoster(slack).posts()[0].ts)]
