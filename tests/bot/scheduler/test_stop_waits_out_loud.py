"""A scheduler told to stop while a job runs waits for it, and says which job it waits for
(the wait used to be silent: a stop that took minutes looked like a hang)."""

from __future__ import annotations

import logging
import threading
import time

from bot.scheduler.running_jobs import RunningJobs


def _scheduler_with_a_running_job(release: threading.Event, finished: list) -> tuple:
    from apscheduler.executors.pool import ThreadPoolExecutor
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler(executors={"default": ThreadPoolExecutor(1)})
    running = RunningJobs()
    running.attach(scheduler)
    scheduler.start()
    scheduler.add_job(lambda: (release.wait(10), finished.append(True)), id="source:shopify")
    deadline = time.monotonic() + 10
    while not running.running() and time.monotonic() < deadline:
        time.sleep(0.02)
    return scheduler, running


def test_a_stop_waits_for_the_running_job_and_names_it_while_it_waits(caplog):
    release, finished = threading.Event(), []
    scheduler, running = _scheduler_with_a_running_job(release, finished)
    assert set(running.running()) == {"source:shopify"}
    threading.Timer(0.5, release.set).start()
    with caplog.at_level(logging.WARNING, logger="bot.scheduler.running_jobs"):
        scheduler.pause()
        running.say_while(lambda: scheduler.shutdown(wait=True), repeat_every=0.1)
    assert finished == [True]  # waited for, not cut off
    said = [r.getMessage() for r in caplog.records]
    assert len(said) >= 2 and all("source:shopify (running" in line for line in said)
    assert running.running() == {}


def test_nothing_running_means_no_word(caplog):
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler()
    running = RunningJobs()
    running.attach(scheduler)
    scheduler.start()
    with caplog.at_level(logging.WARNING, logger="bot.scheduler.running_jobs"):
        running.say_while(lambda: scheduler.shutdown(wait=True), repeat_every=0.1)
    assert not caplog.records


def test_a_job_the_tracking_missed_cannot_hang_the_stop():
    # The wait is APScheduler's; the words are extra: a stale entry only costs a log line
    running = RunningJobs()
    running._started["ghost"] = time.monotonic()
    began = time.monotonic()
    running.say_while(lambda: None, repeat_every=0.1)
    assert time.monotonic() - began < 2
