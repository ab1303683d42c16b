"""Prometheus metrics of a running journeybot, served at /metrics (bot/slack/health.py).

The functions below are the API other parts of journeybot call; they never raise, so a metric
can never break an answer. Every series is prefixed `journeybot_`:

| metric | type | labels | what |
| --- | --- | --- | --- |
| answers_total | counter | surface, mode, outcome | answers given in Slack (outcome ok, failed, timeout) |
| answer_seconds | histogram | surface | from the event to the answer in Slack |
| ack_seconds | histogram | kind | time to acknowledge a Slack request (Slack allows 3 s) |
| slack_events_total | counter | outcome | Slack events: handled, or duplicate (a retry another delivery claimed) |
| errors_total | counter | where | errors that reached a person or stopped a job |
| job_runs_total | counter | job, outcome | scheduled jobs (digest, alerts, sweep, retrain, sync, ...) |
| job_seconds | histogram | job | how long a job run took |
| source_last_sync_timestamp_seconds | gauge | source | when a data source last synced successfully (Unix time) |
| source_sync_rows | gauge | source | rows the last successful sync of a source brought |
| source_sync_failures_total | counter | source | failed syncs of a source |
| journey_store_version | gauge | | the published journey store version this instance answers from (0: its own file) |
| journey_store_published_timestamp_seconds | gauge | | when that version was published |
| ready | gauge | | 1 when /ready says ready |

Every sync reports through `source_synced("shop", rows=1234)` or `source_sync_failed("shop")`
(bot/sources.py `run_sync`), and runs inside `job_run("sync")` (the scheduler's `run_sync`, for
scheduled syncs and those asked of serve), whose outcome is ok, failed or skipped (another
instance had it). The last sync per source is also read from the shared state at each scrape
(`on_scrape`), so every instance shows the same time, whichever synced.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client import exposition as _exposition
from prometheus_client.process_collector import ProcessCollector

log = logging.getLogger(__name__)

REGISTRY = CollectorRegistry()
ProcessCollector(registry=REGISTRY)
CONTENT_TYPE = _exposition.CONTENT_TYPE_LATEST

_ANSWER_BUCKETS = (0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300)
_ACK_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5)

ANSWERS = Counter("journeybot_answers", "Answers given in Slack", ["surface", "mode", "outcome"], registry=REGISTRY)
ANSWER_SECONDS = Histogram("journeybot_answer_seconds", "Seconds from the question to the answer in Slack",
                           ["surface"], buckets=_ANSWER_BUCKETS, registry=REGISTRY)
ACK_SECONDS = Histogram("journeybot_ack_seconds", "Seconds to acknowledge a Slack request", ["kind"],
                        buckets=_ACK_BUCKETS, registry=REGISTRY)
SLACK_EVENTS = Counter("journeybot_slack_events", "Slack events received", ["outcome"], registry=REGISTRY)
ERRORS = Counter("journeybot_errors", "Errors that reached a person or stopped a job", ["where"], registry=REGISTRY)
JOB_RUNS = Counter("journeybot_job_runs", "Scheduled job runs", ["job", "outcome"], registry=REGISTRY)
JOB_SECONDS = Histogram("journeybot_job_seconds", "Seconds a scheduled job run took", ["job"],
                        buckets=(0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600), registry=REGISTRY)
SOURCE_LAST_SYNC = Gauge("journeybot_source_last_sync_timestamp_seconds",
                         "When a data source last synced successfully", ["source"], registry=REGISTRY)
SOURCE_ROWS = Gauge("journeybot_source_sync_rows", "Rows the last successful sync of a source brought",
                    ["source"], registry=REGISTRY)
SOURCE_FAILURES = Counter("journeybot_source_sync_failures", "Failed syncs of a source", ["source"],
                          registry=REGISTRY)
STORE_VERSION = Gauge("journeybot_journey_store_version",
                      "Published journey store version answered from (0: the instance's own file)",
                      registry=REGISTRY)
STORE_PUBLISHED = Gauge("journeybot_journey_store_published_timestamp_seconds",
                        "When the journey store version answered from was published", registry=REGISTRY)
READY = Gauge("journeybot_ready", "1 when the instance is ready to answer", registry=REGISTRY)


def _safe(fn):  # a metric must never break the work it measures
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception:
            log.debug("metric %s failed", fn.__name__, exc_info=True)
            return None

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


@_safe
def answer(surface: str, mode: str, outcome: str, seconds: float) -> None:
    """An answer was given (outcome ok), or replaced by a warning (failed, timeout)."""
    ANSWERS.labels(surface or "unknown", mode or "unknown", outcome).inc()
    ANSWER_SECONDS.labels(surface or "unknown").observe(max(0.0, seconds))


@_safe
def acked(kind: str, seconds: float) -> None:
    ACK_SECONDS.labels(kind or "unknown").observe(max(0.0, seconds))


@_safe
def slack_event(outcome: str) -> None:
    SLACK_EVENTS.labels(outcome).inc()


@_safe
def error(where: str) -> None:
    ERRORS.labels(where).inc()


@dataclass
class JobRun:
    outcome: str = "ok"  # the job may say failed (it failed without raising) or skipped


@contextmanager
def job_run(job: str) -> Iterator[JobRun]:
    """Count and time one run of a scheduled job; an exception counts as a failed run (and
    propagates), otherwise the outcome the job set on what this yields (default ok)."""
    started = time.monotonic()
    run = JobRun()
    try:
        yield run
    except BaseException:
        _job_done(job, "failed", started)
        error(f"job:{job}")
        raise
    _job_done(job, run.outcome, started)


@_safe
def _job_done(job: str, outcome: str, started: float) -> None:
    JOB_RUNS.labels(job, outcome).inc()
    JOB_SECONDS.labels(job).observe(time.monotonic() - started)


@_safe
def source_synced(source: str, *, rows: int | None = None, at: float | None = None) -> None:
    """A data source synced successfully (at: Unix time, default now)."""
    SOURCE_LAST_SYNC.labels(source).set(time.time() if at is None else at)
    if rows is not None:
        SOURCE_ROWS.labels(source).set(rows)


@_safe
def source_sync_failed(source: str) -> None:
    SOURCE_FAILURES.labels(source).inc()
    error(f"sync:{source}")


@_safe
def store_version(version: int, published_at: float | None) -> None:
    STORE_VERSION.set(version)
    if published_at is not None:
        STORE_PUBLISHED.set(published_at)


@_safe
def ready(is_ready: bool) -> None:
    READY.set(1 if is_ready else 0)


_SCRAPE_HOOKS: dict[str, Callable[[], None]] = {}


def on_scrape(name: str, hook: Callable[[], None] | None) -> None:
    """Run `hook` before every scrape, to set gauges from state kept elsewhere (None removes it)."""
    if hook is None:
        _SCRAPE_HOOKS.pop(name, None)
    else:
        _SCRAPE_HOOKS[name] = hook


def exposition() -> bytes:
    """All metrics in Prometheus' text format."""
    for name, hook in list(_SCRAPE_HOOKS.items()):
        try:
            hook()
        except Exception:  # a scrape still answers with what it has
            log.warning("metrics hook %s failed", name, exc_info=True)
    return generate_latest(REGISTRY)
