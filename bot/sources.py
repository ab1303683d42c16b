"""The configured sources as the rest of journeybot uses them: when each syncs, running a sync
with its credentials, and how fresh each one's data is (for answers, the digest, the freshness
alerts and the Home tab). The work itself is in tools/sources; this module only wires the
config and the environment to it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from tools.core.errors import ToolInputError

DEFAULT_SYNC_TIME = "07:00"
BEFORE_DIGEST = dt.timedelta(minutes=30)


def source_state(config: Any) -> Any:  # -> tools.sources.state.SourceState
    from tools.sources.state import SourceState

    config.home_path.mkdir(parents=True, exist_ok=True)
    return SourceState(config.state_path)


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


def run_sync(config: Any, store: Any, spec: Any, **kwargs: Any) -> Any:  # -> SyncReport
    from tools.sources.sync import sync_source

    return sync_source(store, spec, source_state(config), credentials=config.source_credentials(spec),
                       mappings=config.mappings, touchpoints=config.touchpoint_map(), **kwargs)


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
