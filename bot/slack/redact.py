"""The last line of PII defence: every text the bot sends to Slack passes through here.

Answers are built from data that was redacted at ingest, so this should find nothing; it is
here for what slipped through (a model repeating an address from a question, a column
nobody marked as free text). tools/core/pii.py is the real redactor; until it is installed a small
conservative fallback covers emails, card numbers (Luhn-checked) and phone numbers written
with a leading + or 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


def _fallback() -> Callable[[str], str]:
    email = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
    card = re.compile(r"(?<![\d+])\d(?:[ -]?\d){12,18}(?!\d)")
    # International (+44 20 7946 0018) or national with a leading 0 and only spaces between
    # groups (020 7946 0018, 07700 900123): dates and aligned table columns never match.
    phone = re.compile(r"(?<![\w+-])(?:\+\d{1,3}(?:[ ()-]*\d){7,13}|0\d{2,4} ?\d{3,4} ?\d{3,4})(?![\w-])")

    def luhn(digits: str) -> bool:
        total = 0
        for i, ch in enumerate(reversed(digits)):
            d = int(ch) * (2 if i % 2 else 1)
            total += d - 9 if d > 9 else d
        return total % 10 == 0

    def card_or_keep(m: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", m.group(0))
        return "[card]" if luhn(digits) else m.group(0)

    def redact(text: str) -> str:
        if not re.search(r"[@0-9]", text):
            return text
        text = email.sub("[email]", text)
        text = card.sub(card_or_keep, text)
        return phone.sub("[phone]", text)

    return redact


try:
    from tools.core.pii import redact as redact_text  # type: ignore[import-not-found]

    USING_FALLBACK = False
except ImportError:  # tools/core/pii.py lands from the feedback branch
    redact_text = _fallback()
    USING_FALLBACK = True


def redact_blocks(value: Any) -> Any:
    """Redact every string under a "text" key (and mrkdwn/plain_text objects) in blocks or a view."""
    if isinstance(value, dict):
        return {k: (redact_text(v) if k in ("text", "alt_text") and isinstance(v, str) else redact_blocks(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [redact_blocks(v) for v in value]
    return value
