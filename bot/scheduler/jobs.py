"""The functions the job store names ("bot.scheduler.jobs:digest_job").

A persistent job store keeps a reference to a function and plain arguments, never objects, so
the jobs find the running scheduler here. One scheduler per process is active at a time.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from bot import metrics

log = logging.getLogger(__name__)

_lock = threading.Lock()
_active: Any = None  # the JourneyScheduler of this process


def activate(scheduler: Any) -> None:
    global _active
    with _lock:
        _active = scheduler


def deactivate(scheduler: Any) -> None:
    global _active
    with _lock:
        if _active is scheduler:
            _active = None


def _scheduler() -> Any:
    with _lock:
        if _active is None:
            raise RuntimeError("no journeybot scheduler is running in this process")
        return _active


def digest_job(channel: str, cadence: str) -> None:
    with metrics.job_run("digest"):
        _scheduler().run_digest(channel, cadence)


def alerts_job() -> None:
    with metrics.job_run("alerts"):
        _scheduler().run_alerts()


def sweep_job() -> None:
    with metrics.job_run("sweep"):
        _scheduler().sweep()


def retrain_job() -> None:
    with metrics.job_run("retrain"):
        _scheduler().retrain()


def sync_job(name: str, after: float | None = None) -> None:
    # Counted by run_sync itself, which also runs the syncs asked of serve (ok, failed, skipped).
    _scheduler().run_sync(name, scheduled=True, after=after)
