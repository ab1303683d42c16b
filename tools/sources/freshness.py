"""How fresh a source's data is, judged against what its schedule promises, in words.

- failing: the last sync failed and a scheduled delivery has been missed since the last good
  one ("no new Shopify orders since Tue 09:00; last sync failed: 401 token refused");
- quiet: syncs succeed but nothing new has arrived for longer than the source's stale_after
  (an inbox nobody drops files into any more, a shop with no orders);
- fresh, never (not synced yet) and disabled, which need no warning.

Pure: the source's spec and status and the time in, a `Freshness` out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from tools.sources.spec import SourceSpec
from tools.sources.state import SourceStatus

State = Literal["fresh", "failing", "quiet", "never", "disabled"]


@dataclass(frozen=True)
class Freshness:
    name: str
    what: str  # "Shopify orders"
    state: State
    message: str  # one line, for answers, the digest, alerts and the Home tab
    last_success_at: dt.datetime | None
    last_attempt_at: dt.datetime | None
    newest_record_at: dt.datetime | None
    last_error: str | None

    @property
    def stale(self) -> bool:
        return self.state in ("failing", "quiet")

    @property
    def severity(self) -> str:
        return "high" if self.state == "failing" else "medium"


def when(t: dt.datetime, now: dt.datetime, tz: str) -> str:
    """'09:00 today', 'Tue 09:00' within the week, else '12 May 09:00' (with the year when
    it is not this one)."""
    local, today = t.astimezone(ZoneInfo(tz)), now.astimezone(ZoneInfo(tz)).date()
    if local.date() == today:
        return f"{local:%H:%M} today"
    if local.date() == today - dt.timedelta(days=1):
        return f"{local:%H:%M} yesterday"
    if (today - local.date()).days < 7:
        return f"{local:%a %H:%M}"
    if local.year != today.year:
        return f"{local.day} {local:%b %Y %H:%M}"
    return f"{local.day} {local:%b %H:%M}"


def judge(spec: SourceSpec, status: SourceStatus | None, now: dt.datetime, tz: str) -> Freshness:
    what = spec.what
    s = status
    base = dict(name=spec.name, what=what, last_success_at=s.last_success_at if s else None,
                last_attempt_at=s.last_attempt_at if s else None,
                newest_record_at=s.newest_record_at if s else None, last_error=s.last_error if s else None)
    if not spec.enabled:
        return Freshness(state="disabled", message=f"{what}: not synced (the source is disabled)", **base)
    if s is None or s.last_attempt_at is None:
        return Freshness(state="never", message=f"{what}: not synced yet", **base)
    since_t = s.newest_record_at or s.last_new_at or s.last_success_at
    since = f"since {when(since_t, now, tz)}" if since_t else "yet"
    new = f"no new {what}" if spec.kind in ("shopify", "zendesk", "typeform") else f"no new data from {spec.name}"
    missed = s.last_success_at is None or now - s.last_success_at >= spec.expected_every() * 0.9
    if s.failing and missed:
        error = (s.last_error or "unknown error").split(": ", 1)[0]
        return Freshness(state="failing", message=f"{new} {since}; last sync failed: {error}", **base)
    arrived = s.last_new_at or s.last_success_at
    if arrived is not None and now - arrived > spec.stale_after():
        checked = when(s.last_success_at, now, tz) if s.last_success_at else "never"
        return Freshness(state="quiet", message=f"{new} {since} (last successful sync {checked})", **base)
    synced = when(s.last_success_at, now, tz) if s.last_success_at else "not yet"
    newest = f", newest record {when(s.newest_record_at, now, tz)}" if s.newest_record_at else ""
    retry = ""
    if s.failing and s.last_attempt_at:
        retry = f"; the attempt at {when(s.last_attempt_at, now, tz)} failed: {(s.last_error or '').split(': ', 1)[0]}"
    return Freshness(state="fresh", message=f"{what}: synced {synced}{newest}{retry}", **base)
