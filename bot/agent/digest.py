"""The digest built from the config: the open alerts, the feedback store and the churn scores
gathered for tools.digest.compose. The agent's digest tool answers with it, and the scheduler
and `journeybot digest` send the same digest, so it lives here, below the scheduler."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from typing import Any

from tools.digest.compose import DigestParams, DigestResult, digest

log = logging.getLogger(__name__)


def build_digest(config: Any, store: Any, cadence: str = "daily", day: dt.date | None = None, *,
                 feedback: Any | None = None, record_risk: bool = False, chart: bool = True) -> DigestResult:
    """The digest; `chart=False` for a reader of its text only (the terminal), which shows no chart."""
    # Gathering the inputs reads the store too (the model registry twice, the feedback counts):
    # held open from here, each read costs a millisecond instead of opening the file again
    # (JourneyStore.held; the digest itself holds it as well, which nests).
    with store.held() if hasattr(store, "held") else contextlib.nullcontext():
        return _build(config, store, cadence, day, feedback=feedback, record_risk=record_risk, chart=chart)


def save_digest_inputs(config: Any, store: Any) -> bool:
    """Compute this morning's digest inputs (the KPI comparison, the verdicts, the funnel, the
    chart's series) and save them in the journey store for the processes that come after
    (tools/data/saved_results.py): a `journeybot digest --dry-run`, which writes nothing,
    then reads them instead of computing. For the jobs that write anyway: the retrain job after
    a sync and `journeybot predict train`. Never raises: a job must not fail for a warm-up."""
    from tools.data.cache import RESULTS

    if store.digest_day() is None:
        return False  # nothing loaded yet: no digest to prepare
    try:
        with RESULTS.keeping(store):
            build_digest(config, store)
        return True
    except Exception as exc:
        log.warning("could not save the digest's inputs for later: %s", exc)
        return False


def _build(config: Any, store: Any, cadence: str, day: dt.date | None, *, feedback: Any | None,
           record_risk: bool, chart: bool) -> DigestResult:
    from bot.alert_wiring import alert_store_for, all_rules, config_rules, predict_for, provider_for
    from bot.sources import stale_messages
    from tools.alerts.verdicts import kpi_verdicts

    # A data folder without operational state has raised no alert and stores no rule yet:
    # reading must not create it (a dry run writes nothing), nor load SQLAlchemy to learn that.
    fresh = not config.shared_state_url and not config.state_path.exists()
    store_of_alerts = None if fresh else alert_store_for(config)
    alerts: list[str] = []
    if store_of_alerts is not None:
        from bot.render.alerts import alert_text

        alerts = [alert_text(r) for r in store_of_alerts.alerts(status="open")]
    if feedback is None:
        feedback = open_feedback(config, store)
    coverage = feedback_coverage(config, store, feedback)
    # The digest calls a move unusual exactly when the alert rules `alerts check` runs would.
    provider = provider_for(config, store)
    rules = config_rules(config) if store_of_alerts is None else all_rules(config, store_of_alerts)
    return digest(store, DigestParams(cadence=cadence, date=day), business=config.business.name,  # type: ignore[arg-type]
                  feedback=feedback, open_alerts=alerts,
                  risk=predict_for(config, store), record_risk=record_risk,
                  freshness=stale_messages(config),
                  judge=lambda metrics, d: kpi_verdicts(provider, rules, metrics, d),
                  feedback_coverage=coverage, chart=chart)


def feedback_coverage(config: Any, store: Any, feedback: Any | None) -> str | None:
    """How much of the journey store's texts the feedback store holds, when not all (the same
    sentence a feedback answer gives); None when complete or when it cannot be told."""
    if feedback is None:
        return None
    from tools.feedback.status import index_status  # after: it loads the feedback store's code
    try:
        return index_status(feedback, store, chunk_words=config.feedback.chunk_words).note(
            reading=False, numbers=store.profile.numbers)
    except Exception as exc:  # the digest goes out without the coverage line rather than not at all
        log.warning("could not count the indexed feedback texts for the digest: %s", exc)
        return None


def open_feedback(config: Any, store: Any) -> Any | None:
    """The feedback store when texts have been indexed into it, else None (the digest says so)."""
    f = config.feedback
    if not f.chroma_url and not config.feedback_path.exists():
        return None
    try:
        fb = config.open_feedback()
        return fb if fb.count() > 0 else None
    except Exception as exc:  # the digest goes out without sentiment rather than not at all
        log.warning("feedback store not available for the digest: %s", exc)
        return None
