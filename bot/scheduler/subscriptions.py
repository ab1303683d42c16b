"""Digest subscriptions as jobs in the scheduler's store: the job a digest subscription is (its id,
cron trigger and name), and the `Subscription` read back from a stored job. Moved out of
bot/scheduler/scheduler.py (lane unify36, size limit), which subscribes, lists and runs them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from tools.core.errors import ToolInputError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DIGEST_PREFIX = "digest:"
CONFIG_PREFIX = "digest:config:"


@dataclass(frozen=True)
class Subscription:
    id: str
    channel: str
    cadence: str
    time: str  # HH:MM
    weekday: str | None  # weekly only
    timezone: str
    source: str  # config | slack
    next_run: dt.datetime | None

    @property
    def tz(self) -> str:
        return self.timezone

    def to_text(self) -> str:
        when = f"every {self.weekday.capitalize()} at {self.time}" if self.cadence == "weekly" and self.weekday \
            else f"every day at {self.time}"
        nxt = f", next {self.next_run:%a %d %b %H:%M}" if self.next_run else ""
        origin = " (from the config file)" if self.source == "config" else ""
        return f"{self.cadence} digest to {self.channel} {when} {self.timezone}{nxt}{origin}"


def clock(text: str) -> tuple[int, int]:
    try:
        hour, minute = (int(p) for p in text.strip().split(":"))
    except ValueError:
        raise ToolInputError(f"time {text!r} must be HH:MM, e.g. 08:00") from None
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ToolInputError(f"time {text!r} must be HH:MM on a 24-hour clock, e.g. 08:00")
    return hour, minute


def cron(hour: int, minute: int, weekday: str | None, timezone: str) -> Any:
    from apscheduler.triggers.cron import CronTrigger

    return CronTrigger(hour=hour, minute=minute, day_of_week=weekday, timezone=ZoneInfo(timezone))


def digest_job_spec(job_id: str, channel: str, cadence: str, time: str, weekday: str | None,
                    timezone: str, source: str) -> dict[str, Any]:
    hour, minute = clock(time)
    return dict(
        id=job_id, func="bot.scheduler.jobs:digest_job",
        name=f"{source} {cadence} digest to {channel} at {time}" + (f" on {weekday}" if cadence == "weekly" else ""),
        trigger=cron(hour, minute, weekday if cadence == "weekly" else None, timezone),
        kwargs={"channel": channel, "cadence": cadence},
    )


def subscription_of(job: Any) -> Subscription:
    fields = {f.name: str(f) for f in job.trigger.fields}
    hour, minute = int(fields["hour"]), int(fields["minute"])
    weekday = fields["day_of_week"] if fields["day_of_week"] != "*" else None
    return Subscription(
        id=job.id, channel=job.kwargs["channel"], cadence=job.kwargs["cadence"], time=f"{hour:02d}:{minute:02d}",
        weekday=weekday, timezone=str(job.trigger.timezone),
        source="config" if job.id.startswith(CONFIG_PREFIX) else "slack",
        next_run=getattr(job, "next_run_time", None),
    )
