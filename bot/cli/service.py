"""What `journeybot serve` adds to run as a service: logs, the store it answers from, the
readiness checks behind /ready, and the port /health, /ready and /metrics live on in Socket
Mode. Kept apart from serve.py so that the command reads as the steps it takes."""

from __future__ import annotations

from typing import Any

from bot.health import Health, OpsHTTPServer


def build_health(config: Any, store: Any, scheduler: Any, follower: Any | None) -> Health:
    """Readiness: the operational database answers, the journey store opens, the scheduler
    runs and (several instances) the published versions are followed. A Chroma server is
    reported but optional: without it only feedback search is down."""
    health = Health()
    db = config.ops_db()
    health.add("state", lambda: _ping(db))
    health.add("journey_store", lambda: _store_problem(store))
    if scheduler is not None:
        health.add("scheduler", lambda: None if getattr(scheduler.scheduler, "running", False)
                   else "the scheduler is not running")
    if follower is not None:
        health.add("journey_versions", follower.problem)
    if config.feedback.chroma_url:
        health.add("feedback", lambda: _chroma_problem(config.feedback.chroma_url), required=False)
    return health


def _ping(db: Any) -> str | None:
    try:
        db.ping()
    except Exception as exc:
        return f"the operational database {db.where} is unreachable ({type(exc).__name__})"
    return None


def _store_problem(store: Any) -> str | None:
    try:
        store.scalar("SELECT 1")
    except Exception as exc:
        return f"the journey store cannot be opened ({type(exc).__name__}: {str(exc)[:120]})"
    return None


def _chroma_problem(url: str) -> str | None:
    import urllib.request

    try:
        with urllib.request.urlopen(url.rstrip("/") + "/api/v2/heartbeat", timeout=2) as resp:
            return None if resp.status == 200 else f"the Chroma server answered {resp.status}"
    except OSError as exc:
        return f"the Chroma server at {url} is unreachable ({type(exc).__name__})"


def start_ops_server(config: Any, health: Health) -> OpsHTTPServer | None:
    """Socket Mode's /health, /ready and /metrics port ([service] health_port; 0 = none)."""
    from bot.cli.common import EXIT_ENVIRONMENT, CommandError

    port = config.service.health_port
    if not port:
        return None
    try:
        return OpsHTTPServer(health, config.service.health_host, port).start()
    except OSError as exc:
        raise CommandError(f"Cannot serve /health, /ready and /metrics on {config.service.health_host}:{port} "
                           f"({exc.strerror or exc}). Set [service] health_port to a free port, or 0 for none.",
                           EXIT_ENVIRONMENT) from None


def demo_running_as_a_service(ctx: Any) -> None:
    """Demo section: what a load balancer and Prometheus would see of this data folder."""
    import json

    from bot import metrics

    health = build_health(ctx.config, ctx.store, None, None)
    status, _, body = health.respond("/ready")
    ctx.console.print(f"$ curl http://127.0.0.1:{ctx.config.service.health_port}/ready   ({status})", markup=False)
    ctx.console.print(json.dumps(json.loads(body)), markup=False)
    with metrics.job_run("demo"):
        metrics.source_synced("sample", rows=ctx.store.count("events"))
    wanted = ("journeybot_job_runs_total{", "journeybot_source_sync_rows{", "journeybot_ready ")
    lines = [line for line in metrics.exposition().decode().splitlines() if line.startswith(wanted)]
    ctx.console.print(f"$ curl http://127.0.0.1:{ctx.config.service.health_port}/metrics   (3 of its lines)",
                      markup=False)
    for line in lines[:3]:
        ctx.console.print(line, markup=False)
    ctx.console.print("Run it for real: docker compose -f deploy/compose.yaml up -d, or the systemd unit in "
                      "deploy/ (docs/DEPLOY.md).", markup=False)
