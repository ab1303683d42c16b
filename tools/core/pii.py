"""Redaction of contact, payment and place details, and known names, in customer text.

Survey answers and tickets are written by customers, who paste their email address, phone
number, address, bank or card number into them and sign with their name. Those are replaced
with [email], [phone], [card], [iban], [address], [postcode] and [name] before text is stored
in the journey store, embedded, put in the vector store, searched, grouped into themes or
shown, so no copy of them exists anywhere journeybot keeps or prints text.

Nothing matches across a line break, a tab, a table cell ("|") or the gap of two or more
spaces between the columns of an aligned table: the numbers of a table (an NPS trend, a
funnel) come through unchanged.

What counts (gamer tags, account names and quoted tweets' @handles are in pii_handles.py; IBANs,
addresses and postcodes are described in pii_places.py, Brazilian CPFs
([id]) and phone numbers in pii_br.py, names in pii_names.py, names the writer introduces, "my name is ...", in pii_intro.py):
- email: anything shaped like name@domain.tld.
- card: 13 to 19 digits, optionally grouped by spaces or dashes, passing the Luhn check
  (so order and tracking numbers of that length are left alone).
- phone: digits with at most one separator (a space, dash, dot or bracket) between them that
  are either international (+44 ..., 0044 ..., +1 ...: 8 to 15 digits), national with a
  leading 0 (UK 01/02/03/07/08 numbers: 10 or 11 digits), or North American 3-3-4 grouped
  (415-555-0132, (415) 555 0132), or ten or eleven digits in a row right after words that say
  phone ("my phone number is 8106028994"). Dates, times, prices and bare order numbers do not
  match.

Redaction is idempotent: the placeholders contain no digits and no @, so redacting twice
gives the same text, which keeps re-ingest of an unchanged file a no-op.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tools.core.pii_br import ID_TOKEN, redact_br
from tools.core.pii_handles import HANDLE_TOKEN, redact_handles
from tools.core.pii_handles import SCREEN as HANDLE_SCREEN
from tools.core.pii_handles import SQL_SCREEN as HANDLE_SQL_SCREEN
from tools.core.pii_intro import SCREEN as INTRO_SCREEN
from tools.core.pii_intro import SQL_SCREEN as INTRO_SQL_SCREEN
from tools.core.pii_intro import redact_introduced
from tools.core.pii_names import NAME_TOKEN, KnownNames
from tools.core.pii_places import ADDRESS_TOKEN, IBAN_TOKEN, POSTCODE_TOKEN, redact_places
from tools.core.pii_signoff import SCREEN as SIGNED_SCREEN
from tools.core.pii_signoff import SQL_SCREEN as SIGNED_SQL_SCREEN
from tools.core.pii_signoff import redact_signed

if TYPE_CHECKING:  # pandas only for annotations: the agent imports this module for `redact` alone
    import pandas as pd

EMAIL_TOKEN = "[email]"
PHONE_TOKEN = "[phone]"
CARD_TOKEN = "[card]"
TOKENS = (EMAIL_TOKEN, PHONE_TOKEN, CARD_TOKEN, IBAN_TOKEN, ADDRESS_TOKEN, POSTCODE_TOKEN, NAME_TOKEN, ID_TOKEN,
          HANDLE_TOKEN)

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# Runs of digits with single spaces or dashes between them; cards are looked for inside.
_DIGIT_RUN = re.compile(r"(?<![\d+])\d(?:[ -]?\d){12,}(?!\d)")
# Candidate phone numbers: digits with at most one separator (and brackets) between them, so
# never across a line or a table gap; the shape rules in _phone_or_keep decide.
_PHONE = re.compile(r"(?<![\w+])(?:\+|\(\+?)?\d(?:\)?[ .-]?\(?\d){5,22}(?![\w])")
_DATE_LIKE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")
_ID_PREFIX = re.compile(r"(?<![\w-])([A-Za-z]{1,6})[-#]$")
_PHONE_WORD = re.compile(r"(?i)tel|ph|phone|mob|mobile|cell|fone|whatsapp|wa|fax")
_PHONE_CUE = re.compile(r"(?i)\b(?:phone|cell|mobile|tel|telephone|whatsapp|call me|text me|reach me)\b[^.!?\n]{0,20}$")
_NANP = re.compile(r"^(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$")
# Quick screen: text without a digit or an @ cannot hold anything to redact, unless it
# introduces a name ("my name is ...") or may end on one ("Regards, Priya"); SQL_SCREEN is the
# same for DuckDB's regexp_matches.
_SCREEN = r"[@0-9]"
SQL_SCREEN = r"[@0-9]|" + INTRO_SQL_SCREEN + "|" + SIGNED_SQL_SCREEN + "|" + HANDLE_SQL_SCREEN


def _luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _card_or_keep(match: re.Match[str]) -> str:
    """Replace the card number inside a run of digit groups, if there is one. A run can hold
    more than a card ("07700 900123 4111 1111 1111 1111"), so windows of whole groups are
    tried, longest first."""
    return _cards_in(match.group(0))


def _cards_in(run: str) -> str:
    pieces = re.split(r"([ -])", run)
    groups, seps = pieces[0::2], pieces[1::2]
    n = len(groups)
    for size in range(n, 0, -1):
        for i in range(0, n - size + 1):
            digits = "".join(groups[i:i + size])
            if 13 <= len(digits) <= 19 and _luhn_ok(digits):
                left = "".join(g + s for g, s in zip(groups[:i], seps[:i], strict=False))
                right = "".join(s + g for s, g in zip(seps[i + size - 1:], groups[i + size:], strict=False))
                return _cards_in_part(left) + CARD_TOKEN + _cards_in_part(right)
    return run


def _cards_in_part(text: str) -> str:
    return _DIGIT_RUN.sub(_card_or_keep, text) if text else text


def _phone_or_keep(match: re.Match[str]) -> str:
    text = match.group(0)
    # A trailing ")" or "." belongs to the sentence, not the number.
    stripped = text.rstrip(").- ")
    digits = re.sub(r"\D", "", stripped)
    n = len(digits)
    head = stripped.lstrip("( ")
    if head.startswith("+"):
        return PHONE_TOKEN if 8 <= n <= 15 else text
    # Digits glued to a short letter prefix by a dash or # ("PP-0712 345 678", "ORD#0712 345 678")
    # are an order or payment id, which the rules leave alone, unless the prefix says phone.
    prefix = _ID_PREFIX.search(match.string, max(0, match.start() - 8), match.start())
    if prefix and not _PHONE_WORD.fullmatch(prefix.group(1)):
        return text
    if _DATE_LIKE.match(head):
        return text
    if head.startswith("00"):
        return PHONE_TOKEN if 10 <= n <= 15 else text
    if head.startswith("0"):
        return PHONE_TOKEN if 10 <= n <= 11 else text
    if _NANP.match(stripped):
        return PHONE_TOKEN
    # Ten digits in a row are an order number as often as a phone, unless the words just
    # before say phone: "My phone number is 8106028994" (a twcs tweet).
    if n in (10, 11) and _PHONE_CUE.search(match.string, max(0, match.start() - 30), match.start()):
        return PHONE_TOKEN
    return text


def _patterns(text: str) -> str:
    if "@" in text:
        text = _EMAIL.sub(EMAIL_TOKEN, text)
    if any(ch.isdigit() for ch in text):
        text = redact_places(redact_br(text))
        text = _DIGIT_RUN.sub(_card_or_keep, text)
        text = _PHONE.sub(_phone_or_keep, text)
    return text


def redact(text: str | None, names: KnownNames | None = None, customer_id: str | None = None) -> str | None:
    """The text with contact, payment and place details replaced by placeholders, and with the
    names in `names` (the customers the store knows) when given; `customer_id` is the writer,
    whose own first and last names are redacted too."""
    if text is None or not isinstance(text, str):
        return text
    text = redact_handles(redact_signed(redact_introduced(_patterns(text))))
    return names.redact(text, customer_id) if names else text


def redact_series(texts: pd.Series, names: KnownNames | None = None,
                  customer_ids: pd.Series | None = None) -> pd.Series:
    """`redact` over a column: only values holding a digit or an @ are looked at closely for
    patterns, and only values holding a known name's word for names."""
    if texts.empty:
        return texts.copy()
    out = texts.copy()
    as_text = texts.astype("string")
    candidates = as_text.str.contains(_SCREEN, regex=True, na=False)
    if candidates.any():
        out = out.astype(object)
        out.loc[candidates] = as_text[candidates].map(_patterns).astype(object).to_numpy()
    # the word-led steps, in `redact`'s order, each on the values its screen lets through
    for screen, step in ((INTRO_SCREEN, redact_introduced), (SIGNED_SCREEN, redact_signed),
                         (HANDLE_SCREEN, redact_handles)):
        hit = as_text.str.contains(screen, regex=True, na=False)
        if hit.any():
            out = out.astype(object)
            out.loc[hit] = out[hit].map(step).to_numpy()
    if names:
        out = names.redact_series(out, customer_ids)
    return out


def contains_pii(text: str | None, names: KnownNames | None = None) -> bool:
    """True when `redact` would change the text (used by checks and tests)."""
    return text is not None and redact(text, names) != text
