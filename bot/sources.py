"""The configured sources as the rest of journeybot uses them: when each syncs, running a sync
with its credentials, and how fresh each one's data is (for answers, the digest, the freshness
alerts, the Home tab and /metrics). The work itself is in tools/sources; this module only wires
the config, the environment, the journey store's writer and the metrics to it.

Every sync (the scheduled job, one asked of `serve`, `journeybot sources sync`) goes through
`run_sync`, which writes as `bot.journey_versions.journey_writer` says: with one instance into
the store `serve` answers from (loading while serving, docs/SOURCES.md); with several sharing
PostgreSQL as the elected writer, published as a new version when rows came, the source's
cursor moved only after publishing (tools/sources/staged.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from tools.core.errors import ToolInputError

DEFAULT_SYNC_TIME = "07:00"
BEFORE_DIGEST = dt.timedelta(minutes=30)


def source_state(config: Any) -> Any:  # -> tools.sources.state.SourceState
    """The sources' cursors, runs and loaded files: in the operational database, shared by
    every instance with `[state] url`, else state.sqlite in the data folder."""
    from tools.sources.state import SourceState

    config.home_path.mkdir(parents=True, exist_ok=True)
    return SourceState(config.ops_db())


def find_source(config: Any, name: str) -> Any:
    for spec in getattr(config, "sources", []):
        if spec.name == name:
            return spec
    known = ", ".join(s.name for s in getattr(config, "sources", [])) or "none (add [[sources]] to the config)"
    raise ToolInputError(f"no source named {name!r}; sources: {known}")


def sync_time(config: Any, spec: Any) -> str:
    """The source's daily time: its own, else half an hour before the first digest (or the
    alert check), so the morning's numbers include last night's data."""
    if spec.time:
        return spec.time
    times = [d.time for d in config.digests]
    if config.alerts.enabled and config.alerts.check_time:
        times.append(config.alerts.check_time)
    if not times:
        return DEFAULT_SYNC_TIME
    first = min(dt.datetime.strptime(t, "%H:%M") for t in times) - BEFORE_DIGEST
    return f"{first:%H:%M}" if first.day == 1 else "00:00"


def schedule_text(config: Any, spec: Any) -> str:
    if not spec.enabled:
        return "disabled"
    if spec.every_minutes:
        return f"every {spec.every_minutes} min"
    return f"daily at {sync_time(config, spec)}"


def next_run(config: Any, spec: Any, now: dt.datetime | None = None) -> dt.datetime | None:
    """When `journeybot serve` next syncs the source (its clock, in the business time zone)."""
    if not spec.enabled:
        return None
    now = now or dt.datetime.now(dt.UTC)
    tz = ZoneInfo(config.business.timezone)
    local = now.astimezone(tz)
    if spec.every_minutes:
        return now + dt.timedelta(minutes=spec.every_minutes)
    hour, minute = (int(x) for x in sync_time(config, spec).split(":"))
    candidate = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return candidate if candidate > local else candidate + dt.timedelta(days=1)


def run_sync(config: Any, store: Any, spec: Any, *, wait_seconds: float = 0.0,
             **kwargs: Any) -> Any:  # -> SyncReport
    """Sync one source now as the journey store's only writer. `store`: the store to load into
    with one instance (ignored with several: the writer loads into its working copy);
    `wait_seconds`: how long to wait for another instance's write (0: a busy report at once).
    Failures come back as the report; the outcome is counted on /metrics."""
    from dataclasses import replace

    from bot import metrics
    from bot.journey_versions import Publication, WriterBusy, journey_writer
    from tools.sources.staged import StagedProgress
    from tools.sources.sync import SyncReport, sync_source

    state = source_state(config)
    progress = StagedProgress(state) if config.shared else state
    publication = Publication()
    report = None
    try:
        with journey_writer(config, wait_seconds=wait_seconds, store=None if config.shared else store,
                            publication=publication) as target:
            report = sync_source(target, spec, progress, credentials=config.source_credentials(spec),
                                 mappings=config.mappings, touchpoints=config.touchpoint_map(), **kwargs)
            publication.wanted = report.rows_added > 0  # nothing new: no version to download
            if isinstance(progress, StagedProgress):
                publication.then = progress.commit
    except WriterBusy as exc:
        report = SyncReport(spec.name, spec.kind, False, 0, 0, 0, 0, 0.0, busy=True, retry=True,
                            detail=str(exc)[0].lower() + str(exc)[1:])
    except Exception as exc:
        reason = f"{type(exc).__name__}: {str(exc)[:200]}"
        if report is None:  # the sync itself broke (a bug); sync_source recorded why
            if isinstance(progress, StagedProgress):
                progress.abandon(reason)
            metrics.source_sync_failed(spec.name)
            raise
        # The sync ran; publishing it, or saving its progress afterwards, did not.
        done = publication.version
        error = f"progress not saved after publishing version {done.version}" if done else "not published"
        if isinstance(progress, StagedProgress):
            progress.abandon(f"{error}: {reason}")
        report = replace(report, ok=False, error=error, detail=reason, retry=True,
                         published=done.version if done else None)
    else:
        if publication.version is not None:
            report = replace(report, published=publication.version.version)
    if report.ok:
        metrics.source_synced(spec.name, rows=report.rows_added)
    elif not report.busy:
        metrics.source_sync_failed(spec.name)
    return report


def export_metrics(config: Any) -> None:
    """/metrics' last sync per source, read from the sources' state when scraped: every
    instance shows the same times, whichever of them synced, also after a restart."""
    from bot import metrics

    for status in source_state(config).all().values():
        if status.last_success_at is not None:
            metrics.source_synced(status.name, rows=status.last_rows if status.last_status == "ok" else None,
                                  at=status.last_success_at.timestamp())


def freshness(config: Any, now: dt.datetime | None = None) -> list[Any]:  # -> list[Freshness]
    """Each configured source's freshness, in config order."""
    specs = list(getattr(config, "sources", []) or [])
    if not specs:
        return []
    from tools.sources.freshness import judge

    statuses = source_state(config).all()
    now = now or dt.datetime.now(dt.UTC)
    return [judge(spec, statuses.get(spec.name), now, config.business.timezone) for spec in specs]


def stale_messages(config: Any, now: dt.datetime | None = None) -> list[str]:
    """One line per source whose data is older than its schedule promises; nothing when every
    source is fresh (or none is configured). Never raises: an unreadable state file must not
    cost an answer or the digest, so it is said instead."""
    try:
        return [f.message for f in freshness(config, now) if f.stale]
    except Exception:
        import logging

        logging.getLogger(__name__).exception("could not read the sources' state")
        return ["how fresh the synced data is could not be read just now"]


def stale_notes(config: Any, now: dt.datetime | None = None) -> list[str]:
    """The same, as notes under an answer."""
    return [f"Data freshness: {m}" for m in stale_messages(config, now)]
