"""Digests and alerts on a clock: a persistent APScheduler, exactly-once posting, alert desk.

For `journeybot serve`:

    scheduler = start_scheduler(config, slack_poster, client=web_client, store=store)
    services = build_services(config, store, slack_poster, **scheduler_features(scheduler))
    ...
    scheduler.shutdown()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.scheduler.scheduler import JourneyScheduler

__all__ = ["JourneyScheduler", "Subscription", "scheduler_features", "start_scheduler"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: `journeybot digest` imports bot.scheduler.digests, and importing the
    # package must not pull in APScheduler and the chart code (a second of start-up) with it.
    if name in ("JourneyScheduler", "Subscription"):
        from bot.scheduler import scheduler

        return getattr(scheduler, name)
    if name == "scheduler_features":
        from bot.scheduler.features import scheduler_features

        return scheduler_features
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def start_scheduler(config: Any, poster: Any, *, client: Any | None = None, store: Any | None = None) -> JourneyScheduler:
    """Start the clock with `poster`; with a slack_sdk WebClient, posts carry their run key in
    Slack metadata so a crash between Slack accepting a post and us recording it cannot cause
    a second post."""
    from bot.scheduler.delivery import RunMarkingPoster

    if client is not None and not isinstance(poster, RunMarkingPoster):
        from bot.scheduler.slack_runs import RunMarkingSlackPoster

        poster = RunMarkingSlackPoster(poster, client)
    from bot.scheduler.scheduler import JourneyScheduler

    return JourneyScheduler(config, poster, store=store).start()
