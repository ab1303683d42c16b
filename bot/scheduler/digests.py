"""Building the digest message: the numbers (bot/agent/digest.py over tools/digest/compose.py),
the opening lines (a language model's, checked, or the templated summary), and the Slack blocks
(bot/render/digest.py).

The model writes from the digest's text only, and its lines are used only when every number
in them appears in that text; otherwise the templated summary stands, so a model cannot put a
number in front of the owner that no tool computed.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from typing import Any

from bot.agent.digest import build_digest
from bot.render.message import Message
from tools.digest.compose import DigestResult

log = logging.getLogger(__name__)


def narrate(config: Any, result: DigestResult, chat_model: Any | None = None) -> str | None:
    """Two or three sentences from the model, or None (no model, a failure, or a number the
    digest does not contain)."""
    if chat_model is None:
        if config.model.provider == "none":
            return None  # before any import: the agent's modules take seconds to load
        from bot.agent.llm import make_chat_model

        chat_model = make_chat_model(config).model
        if chat_model is None:
            return None
    from bot.agent.agent import unsupported_numbers
    from bot.prompts import load_prompt

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
    from tools.data.cache import RESULTS

    # Scheduled digests save the churn scores, so tomorrow's says who became high risk since,
    # and their inputs, so a dry run of the same data reads them (tools/data/saved_results.py).
    with RESULTS.keeping(store):
        result = aged(build_digest(config, store, cadence, day, record_risk=True))
    return render(result, narrate(config, result, chat_model))


def aged(result: DigestResult, asked: dt.date | None = None, today: dt.date | None = None) -> DigestResult:
    """The digest with, first among its notes, how long ago its day was when that is the data's
    last day long past (an export that ended in 2018): its date alone read as this morning's.
    Not for a day the owner asked for (`asked`)."""
    from bot.agent.answer_notes import digest_age_note

    if asked is not None:
        return result
    note = digest_age_note(f"{result.cadence} digest", result.day, today or dt.datetime.now(dt.UTC).date(),
                           month=getattr(result, "grain", "day") == "month")
    return replace(result, notes=(note, *result.notes)) if note else result
