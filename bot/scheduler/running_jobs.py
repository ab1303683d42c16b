"""Which scheduled jobs are running right now, so that a stop says what it waits for.

APScheduler's shutdown(wait=True) waits for the jobs in progress without a word: a retrain or a
sync mid-way kept `journeybot serve` stopping for minutes with nothing in the log, and a
supervisor's kill at the end of its grace period looked like a hang."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

log = logging.getLogger(__name__)

REPEAT_EVERY = 10.0  # seconds between "still waiting" lines


class RunningJobs:
    def __init__(self, clock: Any = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._started: dict[str, float] = {}

    def attach(self, scheduler: Any) -> None:
        from apscheduler.events import (
            EVENT_JOB_ERROR,
            EVENT_JOB_EXECUTED,
            EVENT_JOB_MISSED,
            EVENT_JOB_SUBMITTED,
        )

        scheduler.add_listener(self._submitted, EVENT_JOB_SUBMITTED)
        scheduler.add_listener(self._ended, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR | EVENT_JOB_MISSED)

    def _submitted(self, event: Any) -> None:
        with self._lock:
            self._started[event.job_id] = self._clock()

    def _ended(self, event: Any) -> None:
        with self._lock:
            self._started.pop(event.job_id, None)

    def running(self) -> dict[str, float]:
        """Job id -> seconds it has been running."""
        now = self._clock()
        with self._lock:
            return {job: now - started for job, started in self._started.items()}

    def say_while(self, stop: Any, repeat_every: float = REPEAT_EVERY) -> None:
        """Run `stop` (APScheduler's shutdown, which waits for the jobs in progress), saying now and
        then which jobs it waits for. Only words: the wait itself stays APScheduler's, so a job
        this tracking missed can never make the stop hang. Without a limit: the supervisor's
        SIGKILL is the limit, and a digest or alert run cut off there is what the run ledger's
        sweep finishes at the next start."""
        finished = threading.Event()

        def announce() -> None:
            pause = 0.0  # the first word at once, then every repeat_every
            while not finished.wait(pause):
                pause = repeat_every
                now = self._clock()
                with self._lock:
                    jobs = sorted(self._started.items())
                if jobs:
                    names = ", ".join(f"{job} (running {now - started:.0f} s)" for job, started in jobs)
                    log.warning("stopping: waiting for the scheduled job%s in progress to finish: %s; "
                                "SIGKILL ends serve without it (a digest or alert run left half-done "
                                "is finished by the sweep at the next start)", "s" * (len(jobs) > 1), names)

        speaker = threading.Thread(target=announce, name="scheduler-stop-words", daemon=True)
        speaker.start()
        try:
            stop()
        finally:
            finished.set()
            speaker.join(1.0)
