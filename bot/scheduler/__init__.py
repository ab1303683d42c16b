"""Digests and alerts on a clock: a persistent APScheduler, exactly-once posting, alert desk.

For `journeybot serve`:

    scheduler = start_scheduler(config, slack_poster, client=web_client, store=store)
    services = build_services(config, store, slack_poster, **scheduler_features(scheduler))
    ...
    scheduler.shutdown()
"""

from __future__ import annotations

from typing import Any

from bot.scheduler.features import scheduler_features
from bot.scheduler.scheduler import JourneyScheduler, Subscription

__all__ = ["JourneyScheduler", "Subscription", "scheduler_features", "start_scheduler"]


def start_scheduler(config: Any, poster: Any, *, client: Any | None = None, store: Any | None = None) -> JourneyScheduler:
    """Start the clock with `poster`; with a slack_sdk WebClient, posts carry their run key in
    Slack metadata so a crash between Slack accepting a post and us recording it cannot cause
    a second post."""
    from bot.scheduler.delivery import RunMarkingPoster

    if client is not None and not isinstance(poster, RunMarkingPoster):
        from bot.scheduler.slack_runs import RunMarkingSlackPoster

        poster = RunMarkingSlackPoster(poster, client)
    return JourneyScheduler(config, poster, store=store).start()
