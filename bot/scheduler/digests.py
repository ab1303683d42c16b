"""Building the digest message: the numbers (tools/digest/compose.py), the opening lines (a language
model's, checked, or the templated summary), and the Slack blocks (bot/render/digest.py).

The model writes from the digest's text only, and its lines are used only when every number
in them appears in that text; otherwise the templated summary stands, so a model cannot put a
number in front of the owner that no tool computed.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from bot.scheduler.delivery import Message
from tools.digest.compose import DigestParams, DigestResult, digest

log = logging.getLogger(__name__)


def build_digest(config: Any, store: Any, cadence: str = "daily", day: dt.date | None = None, *,
                 feedback: Any | None = None, record_risk: bool = False) -> DigestResult:
    from bot.render.alerts import alert_text
    from bot.scheduler.wiring import alert_store_for, predict_for

    alerts = [alert_text(r) for r in alert_store_for(config).alerts(status="open")]
    if feedback is None:
        feedback = open_feedback(config, store)
    return digest(store, DigestParams(cadence=cadence, date=day), business=config.business.name,  # type: ignore[arg-type]
                  currency=config.business.currency, feedback=feedback, open_alerts=alerts,
                  risk=predict_for(config, store), record_risk=record_risk)


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


def narrate(config: Any, result: DigestResult, chat_model: Any | None = None) -> str | None:
    """Two or three sentences from the model, or None (no model, a failure, or a number the
    digest does not contain)."""
    from bot.agent.agent import unsupported_numbers
    from bot.prompts import load_prompt

    if chat_model is None:
        if config.model.provider == "none":
            return None
        from bot.agent.llm import make_chat_model

        chat_model = make_chat_model(config).model
        if chat_model is None:
            return None
    facts = result.to_text()
    prompt = load_prompt("digest", business_name=result.business, period_label=result.period_label,
                         previous_label=result.previous_label, digest=facts)
    try:
        reply = chat_model.invoke(prompt)
    except Exception as exc:
        log.warning("the model did not write the digest summary (%s); using the template", exc)
        return None
    from bot.agent.llm import reply_text

    text = reply_text(reply).strip()
    if not text:
        return None
    unsupported = unsupported_numbers(text, [facts])
    if unsupported:
        log.warning("digest summary from the model had numbers not in the digest (%s); using the template",
                    ", ".join(unsupported))
        return None
    return text


def digest_message(config: Any, store: Any, cadence: str, day: dt.date, *, chat_model: Any | None = None) -> Message:
    from bot.render.digest import digest_message as render

    # Scheduled digests save the churn scores, so tomorrow's says who became high risk since.
    result = build_digest(config, store, cadence, day, record_risk=True)
    return render(result, narrate(config, result, chat_model))
