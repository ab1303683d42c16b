"""`journeybot serve`: connect the agent, the digests and the alerts to Slack."""

from __future__ import annotations

import functools
import logging
import signal
import threading
from typing import Any

import click

from bot.cli.common import EXIT_ENVIRONMENT, CommandError, Ctx, friendly_errors, pass_ctx
from bot.cli.service import build_health, start_ops_server
from bot.journey_versions import Follower, serving_store
from bot.logs import setup_logging
from tools.core.heap import limit_arenas

log = logging.getLogger(__name__)

RELEASE_ENCODER_AFTER = 60.0  # idle seconds before serve drops the embedding model
MALLOC_ARENAS = 2  # glibc malloc arenas for serve's threads (tools/core/heap.limit_arenas)
# Longest serve waits for the feedback index run to end after its batch when stopped. The
# deploy files' grace periods (systemd TimeoutStopSec, compose stop_grace_period) leave room
# beyond it for an answer or a scheduled job to finish (tests/test_deploy.py checks them).
INDEXER_STOP_WAIT = 30.0


@click.command()
@click.option("--http", "http_mode", is_flag=True,
              help="Receive Slack's requests over HTTP (signing secret) instead of Socket Mode.")
@click.option("--port", type=int, default=None, help="HTTP mode: port (default [slack] http_port).")
@pass_ctx
@friendly_errors
def serve(ctx: Ctx, http_mode: bool, port: int | None) -> None:
    """Run the Slack app until stopped (Ctrl-C).

    Needs SLACK_BOT_TOKEN, plus SLACK_APP_TOKEN (Socket Mode, the default) or
    SLACK_SIGNING_SECRET (--http). Invalid or revoked tokens stop it at once with exit code 3.
    SIGTERM (docker stop, systemctl stop, kill) stops it as Ctrl-C does: the feedback index
    batch under way is finished first (up to 30 s), then exit code 0. A second signal during
    that stop is logged and does not cut it short; SIGKILL does.

    \b
    Examples:
      journeybot serve
      journeybot serve --http --port 3000
    """
    previous = stop_on_signals()
    try:
        _serve(ctx, http_mode, port)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


# SIGTERM is what `docker stop`, `systemctl stop` (KillSignal's default) and a plain `kill`
# send: left to its default it ended serve at once, an index batch cut mid-write, no log line.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def stop_on_signals() -> dict[int, Any]:
    """SIGINT (Ctrl-C) and SIGTERM both stop serve the graceful way, a KeyboardInterrupt: the
    index run ends after its batch and says so, the embedding process ends, exit code 0.
    SIGINT needs it even though Python handles it: a process started with it ignored, as a
    script's `journeybot serve &` and everything it starts are, keeps it ignored (the full test
    suite run in the background: the stop never came, the kill came 90 s later). In a
    container serve is process 1, which a signal without a handler does not reach at all:
    `docker stop` waited out its grace period and killed it. Installed before any thread or
    child starts; returns the handlers it replaced (none when Python cannot set one: not the
    main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    replaced = {signum: signal.signal(signum, stop_once) for signum in STOP_SIGNALS}
    # None: a handler not set from Python, which cannot be put back from here
    return {signum: handler for signum, handler in replaced.items() if handler is not None}


def stop_once(signum: int, frame: Any) -> None:
    """The first stop signal starts the graceful stop (a KeyboardInterrupt); the ones after it
    are logged and leave that stop alone. A second Ctrl-C, or a supervisor that repeats SIGTERM,
    used to land in the middle of the stop as another KeyboardInterrupt: the index batch being
    stored and the scheduler's shutdown were cut off and nothing said so. SIGKILL still ends
    serve at once, which is what a supervisor sends after its grace period."""
    for other in STOP_SIGNALS:
        signal.signal(other, already_stopping)
    raise KeyboardInterrupt


def already_stopping(signum: int, frame: Any) -> None:
    log.warning("%s received while stopping: the stop under way finishes first (the feedback index "
                "batch, up to %.0f s, and any scheduled job in progress); SIGKILL ends serve at once",
                signal.Signals(signum).name, INDEXER_STOP_WAIT)


def _serve(ctx: Ctx, http_mode: bool, port: int | None) -> None:
    from bot.slack.app import SlackStartupError, check_tokens, make_client
    from bot.slack.kpi_snapshot import kpi_snapshot
    from bot.slack.persona_features import slack_features as persona_slack_features
    from bot.slack.poster import SlackPoster
    from bot.slack.services import build_services, start_scheduled_features

    config = ctx.config
    setup_logging(config.log_format, config.service.log_level)
    arrow_from_malloc()
    # Before the worker threads start: answers, the indexer, its writer and Chroma's threads
    # share two malloc arenas instead of one each. With MALLOC_ARENA_MAX=2, a serve indexing
    # the 1M store while it answered peaked at 363 MB against 375-376 (issue 22).
    limit_arenas(MALLOC_ARENAS)
    settings = config.slack
    mode = "http" if http_mode else settings.mode
    bot_token = config.secret("slack_bot_token")
    app_token = config.secret("slack_app_token")
    secret = config.secret("slack_signing_secret")
    if not bot_token:
        raise CommandError("SLACK_BOT_TOKEN is not set. Create the Slack app from slack/manifest.yml "
                           "and export its Bot User OAuth Token (xoxb-…); see the README.", EXIT_ENVIRONMENT)
    if mode == "socket" and not app_token:
        raise CommandError("SLACK_APP_TOKEN is not set. Socket Mode needs an app-level token (xapp-…, "
                           "scope connections:write), or run `journeybot serve --http`.", EXIT_ENVIRONMENT)
    if mode == "http" and not secret:
        raise CommandError("SLACK_SIGNING_SECRET is not set. HTTP mode checks every request with it "
                           "(Basic Information > App Credentials).", EXIT_ENVIRONMENT)
    client = make_client(settings, bot_token)
    try:
        me = check_tokens(client, app_token=app_token if mode == "socket" else None)
    except SlackStartupError as exc:
        raise CommandError(str(exc), EXIT_ENVIRONMENT) from None

    follower = None
    if config.shared:  # several instances: answer from the newest published journey store
        ctx._store = serving_store(config)
        follower = Follower(config, ctx._store).start()
    poster = SlackPoster(client)
    scheduler, features = start_scheduled_features(config, poster, client, ctx.store)
    features.setdefault("kpi_snapshot", functools.partial(kpi_snapshot, ctx.store, config))
    for name, feature in persona_slack_features(ctx.store).items():
        features.setdefault(name, feature)
    indexer = None
    try:
        services = build_services(config, ctx.store, poster, **features)
        indexer = start_feedback_indexer(config, services.ctx, scheduler)
        health = build_health(config, ctx.store, scheduler, follower)
        _run(ctx, services, client, me, mode, app_token, secret, port, health)
    finally:
        if indexer is not None:
            # The run ends after the batch it is storing; on a busy machine that store took
            # longer than 5 s and the interpreter's exit cut the run off unlogged
            indexer.stop(timeout=INDEXER_STOP_WAIT)
        if follower is not None:
            follower.stop()
        if scheduler is not None:
            scheduler.shutdown()


def arrow_from_malloc() -> None:
    """Arrow's buffers (pandas 3 keeps strings in Arrow: every text of an index run, every
    string column of an answer) from the C library's malloc, not Arrow's own mimalloc. mimalloc
    keeps the pages of freed buffers for reuse, in a region of its own that nothing trims;
    glibc's are handed back by the trims serve already makes (after each stored index batch).
    In a bare process repeating an index run's reading and chunking of the 1M store's 25,356
    texts: 56 MB more at the peak and 44-49 MB kept after with mimalloc, 44-48 and 26-30 with
    malloc (issue 22). Arrow's own bytes, and so every value, are the same either way."""
    try:
        import pyarrow as pa
    except ImportError:  # pandas without pyarrow keeps its strings in Python objects
        return
    pa.set_memory_pool(pa.system_memory_pool())


def start_feedback_indexer(config: Any, tool_ctx: Any, scheduler: Any) -> Any:
    """Survey and ticket texts are embedded on their own thread: now (texts loaded while serve
    was down, or with `ingest --no-index`), after every sync that brought rows, and when a
    question finds texts missing. Answers never embed; they say how much is indexed."""
    from bot.agent.feedback_tools import feedback_store
    from bot.agent.llm_hooks import sentiment_classifier
    from bot.feedback_indexer import FeedbackIndexer

    classify = tool_ctx.service("sentiment_classifier", lambda: sentiment_classifier(config))
    feedback = feedback_store(tool_ctx)
    # The local model is about half of a server's memory while it embeds and is needed only
    # then: it runs in a child process (the server holds the vectors, never the model), which
    # ends once the indexer has caught up and nobody has searched for a while, handing every
    # page back; the next search or sync starts it again.
    if hasattr(feedback.embedder, "release_after"):
        feedback.embedder.release_after = RELEASE_ENCODER_AFTER
        feedback.embedder.in_child = True
    indexer = FeedbackIndexer(config, tool_ctx.store, feedback, classify=classify).start()
    tool_ctx.services["feedback_indexer"] = indexer
    hooks = getattr(scheduler, "on_new_data", None)  # a scheduler without syncs has none
    if hooks is not None:
        hooks.append(indexer.request)
    indexer.request()
    return indexer


def _run(ctx: Ctx, services: Any, client: Any, me: Any, mode: str, app_token: str | None,
         secret: str | None, port: int | None, health: Any) -> None:
    from bot.slack.app import SlackHTTPServer, build_app

    settings = ctx.config.slack
    app = build_app(services, client, signing_secret=secret if mode == "http" else None)
    say = ctx.console.print
    say(f"Connected to Slack workspace {me.team or me.team_id} as @{me.bot_name} "
        f"({'Socket Mode' if mode == 'socket' else 'HTTP'}; answering {services.agent.mode}).", markup=False)
    if settings.ai_app:
        say("Slack's AI features are on ([slack] ai_app): assistant threads, streamed replies, "
            "feedback buttons; where Slack refuses to stream, answers come as plain messages.", markup=False)
    if not (settings.allowed_teams or settings.allowed_channels or settings.allowed_users):
        say("No [slack] allow-lists are set: everyone in the workspace can ask.", markup=False)
    for note in services.notes:
        say(note, markup=False)
    if ctx.config.shared:
        say(f"Sharing state with other instances through {ctx.config.ops_db().where}.", markup=False)
    if mode == "socket":
        from bot.slack.app import start_socket_mode

        # Until the WebSocket handler exists and connects, this instance must not look ready:
        # /ready answered 200 without a "slack" check in the gap before start_socket_mode.
        health.add("slack", lambda: "not connected to Slack yet")
        ops = start_ops_server(ctx.config, health)
        if ops is not None:
            say(f"Health, readiness and metrics on {ops.url}/health, /ready and /metrics.", markup=False)
        try:
            start_socket_mode(app, app_token or "", health=health)
        except KeyboardInterrupt:  # the stop asked for: click said "Aborted!" and exited 1
            pass
        finally:
            if ops is not None:
                ops.stop()
        return
    server = SlackHTTPServer(app, settings.http_host, settings.http_port if port is None else port,
                             settings.http_path, health=health)
    say(f"Listening on {server.url} (put HTTPS in front of it); /health, /ready and /metrics beside it.",
        markup=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.stop()
