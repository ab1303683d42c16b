"""The scheduler: digests and alert checks on a clock, kept in a persistent job store.

APScheduler's BackgroundScheduler with an SQLAlchemy job store (sqlite:///<home>/jobs.sqlite by
default, any SQLAlchemy URL for a server database), cron triggers in the business time zone,
and for every job coalesce=True, a misfire grace time and max_instances=1: after downtime a
missed run is caught up once, not once per missed day.

The job store says *when* to run; the run ledger (delivery.py) makes sure each digest or alert
for a period and channel reaches Slack once, also when two instances share the job store and
both run the job, or when a process dies mid-run (the sweep job finishes what was recorded).

Schedules come from the config ([[digests]], [alerts] check_time) and from `/journey
subscribe` (subscribe/unsubscribe/subscriptions below). Config jobs are written to the store
only when they changed, so a stored job keeps its missed run time across a restart.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, Literal
from zoneinfo import ZoneInfo

from bot.ports import Poster
from bot.render.message import Message
from bot.scheduler import jobs
from bot.scheduler.alert_desk import AlertDesk
from bot.scheduler.delivery import Delivery, RunLedger
from bot.scheduler.subscriptions import (
    CONFIG_PREFIX,
    DIGEST_PREFIX,
    WEEKDAYS,
    Subscription,
    clock,
    cron,
    digest_job_spec,
    subscription_of,
)
from bot.state import StateStore
from tools.alerts.series import SeriesProvider
from tools.alerts.store import AlertStore
from tools.core.errors import ToolInputError, ToolUnavailable
from tools.data.published import held

log = logging.getLogger(__name__)

Cadence = Literal["daily", "weekly"]
ALERTS_JOB = "alerts:check"
SWEEP_JOB = "runs:sweep"
RETRAIN_JOB = "predict:retrain"
# A sync that brought data schedules a retrain shortly after; syncs close together (several
# sources before the digest) move the one job later rather than each training on its own.
RETRAIN_AFTER_SYNC_JOB = "predict:retrain:after-sync"
RETRAIN_AFTER_SYNC = dt.timedelta(minutes=5)
SOURCE_PREFIX = "source:"
RETRY_AFTER = dt.timedelta(minutes=10)
# Every instance's scheduler fires a source's job (they share the job store): a scheduled run
# that finds the source synced this recently leaves it, the first one did the work.
JUST_SYNCED_S = 60.0

DigestMessage = Callable[[str, str, dt.date], Message]  # (channel, cadence, day) -> message


def last_complete_day(store: Any, timezone: str, now: dt.datetime | None = None) -> dt.date | None:
    """The day scheduled runs report on: the last day of data, but never today, which is not
    over yet."""
    as_of = store.digest_day()
    if as_of is None:
        return None
    today = (now or dt.datetime.now(dt.UTC)).astimezone(ZoneInfo(timezone)).date()
    return min(as_of, today - dt.timedelta(days=1))


def digest_run_key(cadence: str, channel: str, day: dt.date) -> str:
    return f"digest:{cadence}:{channel}:{day.isoformat()}"


class JourneyScheduler:
    def __init__(self, config: Any, poster: Poster | None, *, store: Any | None = None,
                 provider: Callable[[], SeriesProvider] | None = None,
                 digest_message: DigestMessage | None = None, owner: str | None = None):
        self.config = config
        self.poster = poster
        self._store = store
        # Schedules run in the business time zone: the one kept with the data (the config's
        # [business] timezone when it sets one, since that is written into the store).
        self.timezone = self.store.timezone
        config.home_path.mkdir(parents=True, exist_ok=True)
        s = config.scheduler
        self.state = StateStore(config.ops_db())
        self.ledger = RunLedger(self.state, owner=owner, lease_seconds=s.lease_seconds)
        self.alert_store = AlertStore(config.ops_db())
        self.desk = AlertDesk(config, self.alert_store, self.ledger, poster, provider or self._default_provider)
        self._digest_message = digest_message
        self.scheduler: Any = None
        self._started = False
        self._requests: Any = None
        self._running: Any = None
        # Called after a sync brought rows (serve's feedback indexer); each must return at once.
        self.on_new_data: list[Callable[[], None]] = []

    # -- wiring -----------------------------------------------------------------------
    @property
    def store(self) -> Any:
        if self._store is None:
            self._store = self.config.open_store()
        return self._store

    def _default_provider(self) -> SeriesProvider:
        from bot.alert_wiring import provider_for

        return provider_for(self.config, self.store)

    def _make_scheduler(self, running: bool) -> Any:
        from apscheduler.executors.pool import ThreadPoolExecutor
        from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
        from apscheduler.schedulers.background import BackgroundScheduler

        s = self.config.scheduler
        cls = BackgroundScheduler if running else _StoreOnlyScheduler
        return cls(
            jobstores={"default": SQLAlchemyJobStore(url=self.config.jobstore_url)},
            executors={"default": ThreadPoolExecutor(2)},
            job_defaults={"coalesce": True, "max_instances": 1,
                          "misfire_grace_time": s.misfire_grace_minutes * 60},
            timezone=ZoneInfo(self.timezone),
        )

    # -- life cycle -----------------------------------------------------------------------
    def start(self, *, paused: bool = False, sync: bool = True) -> JourneyScheduler:
        """Start the clock. With paused=True the job store is open for subscribe/unsubscribe
        but nothing runs (the command line uses this)."""
        if self._started:
            raise RuntimeError("the scheduler is started already")
        self.scheduler = self._make_scheduler(running=not paused)
        if not paused:
            jobs.activate(self)
            from bot.scheduler.running_jobs import RunningJobs

            self._running = RunningJobs()
            self._running.attach(self.scheduler)
        try:
            self.scheduler.start(paused=True)
        except Exception as exc:
            raise ToolUnavailable(f"The job store {self.config.jobstore_url} cannot be opened: {exc}") from exc
        self._started = True
        if sync:
            self._sync_config_jobs()
        if not paused:
            self.scheduler.resume()
            if self.config.sources:
                import functools

                from bot import metrics
                from bot.scheduler.sync_requests import SyncRequestLoop
                from bot.sources import export_metrics

                self._requests = SyncRequestLoop(self)
                self._requests.start()
                metrics.on_scrape("sources", functools.partial(export_metrics, self.config))
        return self

    def shutdown(self, wait: bool = True) -> None:
        if self._requests is not None:
            from bot import metrics

            metrics.on_scrape("sources", None)
            self._requests.stop()
            self._requests = None
        if self._started:
            # Paused first: a loop woken during shutdown must not take a due job it can no
            # longer run (it would move the job on and the run would be lost).
            self.scheduler.pause()
            if wait and self._running is not None:
                self._running.say_while(lambda: self.scheduler.shutdown(wait=True))
            else:
                self.scheduler.shutdown(wait=wait)
            self._started = False
        jobs.deactivate(self)

    def __enter__(self) -> JourneyScheduler:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    def _sync_config_jobs(self) -> None:
        wanted: dict[str, dict[str, Any]] = {}
        for d in self.config.digests:
            job_id = f"{CONFIG_PREFIX}{d.channel}:{d.cadence}"
            wanted[job_id] = digest_job_spec(job_id, d.channel, d.cadence, d.time, d.weekday,
                                             d.timezone or self.timezone, "config")
        if self.config.alerts.enabled and self.config.alerts.check_time:
            hour, minute = clock(self.config.alerts.check_time)
            wanted[ALERTS_JOB] = dict(id=ALERTS_JOB, func="bot.scheduler.jobs:alerts_job", name="alert check",
                                      trigger=cron(hour, minute, None, self.timezone), kwargs={})
        if self.config.scheduler.retrain_time:
            hour, minute = clock(self.config.scheduler.retrain_time)
            wanted[RETRAIN_JOB] = dict(id=RETRAIN_JOB, func="bot.scheduler.jobs:retrain_job",
                                       name="retrain the predictive models", kwargs={},
                                       trigger=cron(hour, minute, None, self.timezone))
        wanted.update(self._source_job_specs())
        for job in self.scheduler.get_jobs():
            ours = job.id.startswith((CONFIG_PREFIX, SOURCE_PREFIX)) or job.id in (ALERTS_JOB, RETRAIN_JOB)
            if ours and job.id not in wanted and not job.id.endswith(":retry"):
                self.scheduler.remove_job(job.id)
        for job_id, spec in wanted.items():
            existing = self.scheduler.get_job(job_id)
            # Unchanged jobs are left alone: replacing one would drop a run missed while down.
            if existing is not None and str(existing.trigger) == str(spec["trigger"]) \
                    and existing.kwargs == spec["kwargs"] and existing.name == spec["name"]:
                continue
            self.scheduler.add_job(replace_existing=True, **spec)
        from apscheduler.triggers.interval import IntervalTrigger

        # The sweep runs at once on start: that is when interrupted runs are found.
        self.scheduler.add_job(
            "bot.scheduler.jobs:sweep_job", IntervalTrigger(minutes=self.config.scheduler.sweep_minutes),
            id=SWEEP_JOB, name="finish interrupted runs", replace_existing=True,
            next_run_time=dt.datetime.now(ZoneInfo(self.timezone)))

    def _source_job_specs(self) -> dict[str, dict[str, Any]]:
        """One job per enabled source: daily before the digest, or every N minutes."""
        from apscheduler.triggers.interval import IntervalTrigger

        from bot.sources import sync_time

        out = {}
        for spec in self.config.sources:
            if not spec.enabled:
                continue
            job_id = f"{SOURCE_PREFIX}{spec.name}"
            if spec.every_minutes:
                trigger = IntervalTrigger(minutes=spec.every_minutes, timezone=ZoneInfo(self.timezone))
            else:
                hour, minute = clock(sync_time(self.config, spec))
                trigger = cron(hour, minute, None, self.timezone)
            out[job_id] = dict(id=job_id, func="bot.scheduler.jobs:sync_job", name=f"sync source {spec.name}",
                               trigger=trigger, kwargs={"name": spec.name})
        return out

    # -- subscriptions (/journey subscribe) -------------------------------------------------
    def subscribe(self, channel: str, cadence: Cadence = "daily", time: str = "08:00",
                  weekday: str | None = None, tz: str | None = None) -> Subscription:
        """Post the digest to `channel` daily or weekly at local `time`; subscribing again
        changes the time."""
        self._need_started()
        channel = channel.strip()
        if not channel:
            raise ToolInputError("subscribe needs a channel")
        if cadence not in ("daily", "weekly"):
            raise ToolInputError(f"cadence must be daily or weekly, got {cadence!r}")
        clock(time)
        weekday = (weekday or "mon").strip().lower()[:3]
        if weekday not in WEEKDAYS:
            raise ToolInputError(f"weekday must be one of {', '.join(WEEKDAYS)}, got {weekday!r}")
        timezone = tz or self.timezone
        try:
            ZoneInfo(timezone)
        except Exception:
            raise ToolInputError(f"unknown time zone {timezone!r}; use an IANA name such as Europe/London") from None
        job_id = f"{DIGEST_PREFIX}{channel}:{cadence}"
        spec = digest_job_spec(job_id, channel, cadence, time, weekday, timezone, "slack")
        self.scheduler.add_job(replace_existing=True, **spec)
        return subscription_of(self.scheduler.get_job(job_id))

    def unsubscribe(self, channel: str, cadence: Cadence | None = None) -> list[Subscription]:
        """Stop the channel's digests (one cadence or both); returns what was removed.
        Digests from the config file stay: they are changed in the file."""
        self._need_started()
        removed = []
        for sub in self.subscriptions():
            if sub.channel == channel and sub.source == "slack" and cadence in (None, sub.cadence):
                self.scheduler.remove_job(sub.id)
                removed.append(sub)
        return removed

    def subscriptions(self) -> list[Subscription]:
        self._need_started()
        subs = [subscription_of(j) for j in self.scheduler.get_jobs() if j.id.startswith(DIGEST_PREFIX)]
        return sorted(subs, key=lambda s: (s.channel, s.cadence))

    def _need_started(self) -> None:
        if not self._started:
            self.start(paused=True, sync=False)

    # -- the work the jobs do ------------------------------------------------------------
    def run_digest(self, channel: str, cadence: str = "daily", day: dt.date | None = None, *,
                   on_demand: bool = False) -> Delivery | None:
        """Post the digest for `day` (default: the last complete day of data) to `channel`,
        once per cadence, channel and day. On demand (`/journey digest`), once per minute: a
        repeated click is not a second digest, but asking again later is."""
        if self.poster is None:
            raise ToolUnavailable("No Slack connection to post the digest with")
        day = day or last_complete_day(self.store, self.timezone)
        if day is None:
            log.info("no data yet: no %s digest for %s", cadence, channel)
            return None
        key = digest_run_key(cadence, channel, day)
        if on_demand:
            key += ":now:" + dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M")
        if self.ledger.status(key) is None:
            with held(self.store):  # the whole digest from one version of the journey store
                message = self.digest_message(channel, cadence, day)
            self.ledger.record(key, channel, message)
        delivery = self.ledger.send(key, self.poster)
        log.info("digest %s: %s", key, delivery.outcome)
        return delivery

    def digest_message(self, channel: str, cadence: str, day: dt.date) -> Message:
        if self._digest_message is not None:
            return self._digest_message(channel, cadence, day)
        from bot.scheduler.digests import digest_message

        return digest_message(self.config, self.store, cadence, day)

    def run_alerts(self, day: dt.date | None = None) -> list[Delivery]:
        self.check_freshness()
        with held(self.store):
            day = day or last_complete_day(self.store, self.timezone)
            if day is None:
                return []
            return self.desk.check(day)

    def run_sync(self, name: str, *, scheduled: bool = False, after: float | None = None) -> Any:
        """Sync one source now (its job, or /journey and the CLI through serve) as the journey
        store's only writer, then judge every source's freshness so a stopped one raises its
        alert at once. A scheduled run leaves a source synced in the last minute, and a retry
        one synced since the retry was planned (`after`, Unix time): with several instances
        both fire, and the first did the work. Returns the report, or None when left."""
        import time

        from bot import metrics
        from bot.sources import find_source, run_sync, source_state

        spec = find_source(self.config, name)
        with metrics.job_run("sync") as run:
            since = after if after is not None else (time.time() - JUST_SYNCED_S if scheduled else None)
            last = source_state(self.config).get(name) if since is not None else None
            if last is not None and last.last_success_at is not None and last.last_success_at.timestamp() >= since:
                log.info("source %s was synced at %s UTC, since this run was due: left", name,
                         f"{last.last_success_at:%H:%M:%S}")
                run.outcome = "skipped"
                return None
            report = run_sync(self.config, self.store, spec)
            run.outcome = "ok" if report.ok else "skipped" if report.busy else "failed"
        log.info("source sync: %s", report.to_text().splitlines()[0])
        if (report.retry or report.busy) and self.scheduler is not None and self._started:
            # A passing failure (the vendor down, a rate limit, the store busy, a sync still
            # running here or on another instance) is tried again soon rather than at the next
            # scheduled time, unless someone syncs the source before then.
            self.scheduler.add_job("bot.scheduler.jobs:sync_job", "date", id=f"{SOURCE_PREFIX}{name}:retry",
                                   name=f"sync source {name} again", replace_existing=True,
                                   kwargs={"name": name, "after": time.time()},
                                   run_date=dt.datetime.now(ZoneInfo(self.timezone)) + RETRY_AFTER)
        if (report.ok and report.rows_added and self.config.scheduler.retrain_time
                and self.scheduler is not None and self._started):
            # Models are trained by their own job, never inside a digest or an answer.
            self.scheduler.add_job("bot.scheduler.jobs:retrain_job", "date", id=RETRAIN_AFTER_SYNC_JOB,
                                   name="retrain the predictive models after a sync", replace_existing=True,
                                   kwargs={}, run_date=dt.datetime.now(ZoneInfo(self.timezone)) + RETRAIN_AFTER_SYNC)
        if report.ok and report.rows_added and getattr(self.store, "path", None) is not None:
            # The digest's inputs for the new data, saved for a dry run in another process to
            # read (tools/data/saved_results.py) rather than wait for the retrain job; they stay
            # in this process's cache for the Slack digest and App Home as well.
            from bot.agent.digest import save_digest_inputs

            save_digest_inputs(self.config, self.store)
        if report.ok and report.rows_added:
            for hook in self.on_new_data:
                try:
                    hook()
                except Exception:  # a hook that fails must not fail the sync that succeeded
                    log.exception("a hook after the sync of %s failed", name)
        self.check_freshness()
        return report

    def check_freshness(self, now: dt.datetime | None = None) -> list[Any]:
        from bot.scheduler.freshness import check_freshness

        try:
            return check_freshness(self.desk, self.config, now)
        except Exception:  # a broken freshness check must not stop the alert check or a sync
            log.exception("could not judge the sources' freshness")
            return []

    def retrain(self) -> Any:
        """Retrain the churn, propensity and lifetime value models when there is new data;
        tools/predict keeps the previous model when a retrain scores worse."""
        from bot.alert_wiring import predict_for
        from tools.predict.training import retrain

        registry, settings = predict_for(self.config, self.store)
        from tools.predict.scoring import refresh_saved_scores

        report = retrain(self.store, registry, settings, now=dt.datetime.now(dt.UTC), only_if_new_data=True)
        log.info("scheduled retrain: %s", report.to_text().splitlines()[0] if report.to_text() else "done")
        # Score once here, after each sync, so the digest, the alert check and answers read the
        # scores instead of each scoring every customer (tools/predict/latest.py).
        if refresh_saved_scores(self.store, registry, settings):
            log.info("saved the churn, propensity and value scores of the current data")
        from bot.agent.digest import save_digest_inputs

        save_digest_inputs(self.config, self.store)  # and the digest's, for a dry run to read
        return report

    def sweep(self) -> list[Delivery]:
        """Finish runs an earlier attempt recorded but did not post (a crash, Slack down)."""
        if self.poster is None:
            return []
        s = self.config.scheduler
        out = []
        for key in self.ledger.unfinished(max_age_seconds=s.retry_hours * 3600):
            out.append(self.ledger.send(key, self.poster))
        out.extend(self.desk.deliver_pending())
        return out


def _store_only_scheduler_class() -> type:
    from apscheduler.schedulers.base import BaseScheduler

    class StoreOnly(BaseScheduler):
        """Reads and writes the job store, never runs a job: for the command line, so that
        `subscribe` in a terminal cannot take a due run from the server."""

        def wakeup(self) -> None:
            pass

        def shutdown(self, wait: bool = True) -> None:
            super().shutdown(wait=False)

    return StoreOnly


def _StoreOnlyScheduler(**kwargs: Any) -> Any:  # noqa: N802 - used like a class
    return _store_only_scheduler_class()(**kwargs)
