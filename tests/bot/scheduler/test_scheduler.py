"""The persistent schedule: local times, restarts, catch-up after downtime, two instances."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from conftest_helpers import DataUntil, make_config
from fakes.poster import RecordingPoster, SimulatedCrash

from bot.render.message import Message
from bot.scheduler.scheduler import JourneyScheduler, digest_run_key
from tools.core.errors import ToolInputError

LONDON = ZoneInfo("Europe/London")
DATA_END = dt.date(2026, 5, 6)


@pytest.fixture
def config(home):
    return make_config(home)


def built(channel: str, cadence: str, day: dt.date) -> Message:
    return Message(f"{cadence} digest for {day} to {channel}")


def _wait_for(predicate, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def _scheduler(config, poster=None, **kw) -> JourneyScheduler:
    return JourneyScheduler(config, poster, store=DataUntil(DATA_END), digest_message=built, **kw)


def test_subscriptions_use_local_time_and_survive_a_restart(config):
    with time_machine.travel(dt.datetime(2026, 3, 27, 12, tzinfo=dt.UTC), tick=False):
        with _scheduler(config) as s:
            sub = s.subscribe("C1", "daily", "08:00")
            weekly = s.subscribe("C2", "weekly", "09:30", weekday="friday")
            assert sub.next_run == dt.datetime(2026, 3, 28, 8, tzinfo=LONDON)
            # the clocks go forward on 29 March: 08:00 stays 08:00 local, 07:00 UTC
            job = s.scheduler.get_job(sub.id)
            after = job.trigger.get_next_fire_time(sub.next_run, sub.next_run + dt.timedelta(hours=1))
            assert after.astimezone(dt.UTC) == dt.datetime(2026, 3, 29, 7, tzinfo=dt.UTC)
            assert weekly.next_run == dt.datetime(2026, 4, 3, 9, 30, tzinfo=LONDON)
            with pytest.raises(ToolInputError, match="HH:MM"):
                s.subscribe("C1", "daily", "8 am")
        with _scheduler(config) as again:  # a new process on the same job store
            assert [x.to_text() for x in again.subscriptions()] == [
                "daily digest to C1 every day at 08:00 Europe/London, next Sat 28 Mar 08:00",
                "weekly digest to C2 every Fri at 09:30 Europe/London, next Fri 03 Apr 09:30",
            ]
            assert [x.channel for x in again.unsubscribe("C1")] == ["C1"]
            assert [x.channel for x in again.subscriptions()] == ["C2"]


def test_config_digests_are_scheduled_and_not_removed_by_unsubscribe(home):
    config = make_config(home, '[[digests]]\nchannel = "C9"\ncadence = "weekly"\ntime = "07:45"\nweekday = "mon"\n')
    with time_machine.travel(dt.datetime(2026, 5, 6, 12, tzinfo=dt.UTC), tick=False):
        with _scheduler(config).start(paused=True) as s:
            [sub] = s.subscriptions()
            assert (sub.source, sub.next_run) == ("config", dt.datetime(2026, 5, 11, 7, 45, tzinfo=LONDON))
            assert s.unsubscribe("C9") == []
            assert s.scheduler.get_job("alerts:check") is not None
            retrain = s.scheduler.get_job("predict:retrain")
            assert retrain.next_run_time == dt.datetime(2026, 5, 7, 3, 30, tzinfo=LONDON)


def _downtime(config, back_at: dt.datetime) -> tuple[RecordingPoster, list]:
    """Subscribe on Monday 4 May before 08:00, go down, come back at `back_at`."""
    built_days: list = []

    def record(channel, cadence, day):
        built_days.append(day)
        return built(channel, cadence, day)

    with time_machine.travel(dt.datetime(2026, 5, 4, 7, tzinfo=LONDON), tick=False):
        with _scheduler(config) as s:
            s.subscribe("C1", "daily", "08:00")
    poster = RecordingPoster()
    with time_machine.travel(back_at, tick=True):
        s = JourneyScheduler(config, poster, store=DataUntil(DATA_END), digest_message=record).start()
        try:
            missed = dt.datetime(2026, 5, 4, 8, tzinfo=LONDON)
            _wait_for(lambda: s.scheduler.get_job("digest:C1:daily").next_run_time != missed)
            _wait_for(lambda: not any(s.scheduler._executors["default"]._instances.values()))  # run over
            time.sleep(0.3)  # room for a second (wrong) run to show up
            next_run = s.scheduler.get_job("digest:C1:daily").next_run_time
        finally:
            s.shutdown()
    return poster, [built_days, next_run]


def test_missed_runs_after_downtime_are_caught_up_once(config):
    # down from Monday 07:00 to Thursday 09:00: four 08:00 runs missed, the last one 1 h ago
    poster, (built_days, next_run) = _downtime(config, dt.datetime(2026, 5, 7, 9, tzinfo=LONDON))
    assert [p.text for p in poster.posts()] == ["daily digest for 2026-05-06 to C1"]
    assert built_days == [DATA_END]
    assert next_run == dt.datetime(2026, 5, 8, 8, tzinfo=LONDON)


def test_a_run_missed_beyond_the_grace_time_is_skipped(config):
    # back on Thursday 07:00: the last missed run (Wednesday 08:00) is 23 h old, grace is 6 h
    poster, (built_days, next_run) = _downtime(config, dt.datetime(2026, 5, 7, 7, tzinfo=LONDON))
    assert poster.posts() == [] and built_days == []
    assert next_run == dt.datetime(2026, 5, 7, 8, tzinfo=LONDON)


def test_restart_mid_digest_finishes_it_without_a_second_post(config, tmp_path):
    slack = tmp_path / "slack.sqlite"
    key = digest_run_key("daily", "C1", DATA_END)
    with time_machine.travel(dt.datetime(2026, 5, 7, 8, tzinfo=LONDON), tick=False) as clock:
        dying = _scheduler(config, RecordingPoster(slack, crash_after_post=1), owner="first")
        with pytest.raises(SimulatedCrash):  # Slack took the post, then the process died
            dying.run_digest("C1", "daily")
        assert dying.ledger.status(key)["status"] == "sending"
        clock.shift(dt.timedelta(minutes=6))  # past the 5-minute lease
        restarted = _scheduler(config, RecordingPoster(slack), owner="second")
        [outcome] = restarted.sweep()  # what the sweep job does right after start
        assert outcome.outcome == "recovered"
        assert restarted.run_digest("C1", "daily").outcome == "already_posted"
    assert len(RecordingPoster(slack).posts()) == 1


def test_restart_after_dying_before_the_post_sends_it_once(config, tmp_path):
    slack = tmp_path / "slack.sqlite"
    with time_machine.travel(dt.datetime(2026, 5, 7, 8, tzinfo=LONDON), tick=False) as clock:
        with pytest.raises(SimulatedCrash):
            _scheduler(config, RecordingPoster(slack, crash_before_post=1), owner="a").run_digest("C1", "daily")
        clock.shift(dt.timedelta(minutes=6))
        assert [d.outcome for d in _scheduler(config, RecordingPoster(slack), owner="b").sweep()] == ["posted"]
    assert [p.text for p in RecordingPoster(slack).posts()] == ["daily digest for 2026-05-06 to C1"]


def _instance(home: str, slack: str, out) -> None:
    config = make_config(__import__("pathlib").Path(home))
    poster = RecordingPoster(slack, delay=0.3)
    s = JourneyScheduler(config, poster, store=DataUntil(DATA_END), digest_message=built).start()
    try:
        _wait_for(lambda: s.ledger.status(digest_run_key("daily", "C1", DATA_END)) is not None
                  and s.ledger.status(digest_run_key("daily", "C1", DATA_END))["status"] == "posted", 20)
        time.sleep(1.0)
    finally:
        s.shutdown()
    out.put("done")


def test_two_instances_on_one_job_store_post_once(config, home, tmp_path):
    with _scheduler(config) as s:
        s.subscribe("C1", "daily", "08:00")
        # due now in both instances: the job store is shared, so both will run it
        s.scheduler.modify_job("digest:C1:daily", next_run_time=dt.datetime.now(LONDON) - dt.timedelta(seconds=5))
    slack = str(tmp_path / "slack.sqlite")
    RecordingPoster(slack)
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_instance, args=(str(home), slack, out)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [out.get(timeout=5) for _ in procs] == ["done", "done"]
    posts = RecordingPoster(slack).posts()
    assert [p.text for p in posts] == ["daily digest for 2026-05-06 to C1"]


def _racer(home: str, slack: str, barrier, out) -> None:
    config = make_config(__import__("pathlib").Path(home))
    s = JourneyScheduler(config, RecordingPoster(slack, delay=0.3), store=DataUntil(DATA_END), digest_message=built)
    barrier.wait(30)
    out.put(s.run_digest("C1", "daily").outcome)


def test_two_processes_running_the_same_digest_at_once_post_it_once(config, home, tmp_path):
    slack = str(tmp_path / "slack.sqlite")
    RecordingPoster(slack)
    ctx = mp.get_context("spawn")
    out, barrier = ctx.Queue(), ctx.Barrier(2)
    procs = [ctx.Process(target=_racer, args=(str(home), slack, barrier, out)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    outcomes = sorted(out.get(timeout=5) for _ in procs)
    assert outcomes in (["already_posted", "posted"], ["busy", "posted"])
    assert len(RecordingPoster(slack).posts()) == 1
