"""Brazilian contact and identity numbers in customer text: the CPF (the personal tax id every
Brazilian shopper is asked for) and phone numbers written the Brazilian way.

Olist's reviews paste both ("meu CPF 818.942.526-91", "CEL (11) 999929867", "(71) 98500-7952"):
the general phone rules of tools/core/pii.py read a number only by its international, UK or
North American shape, so these came through, and "98500-7952" was taken for a US ZIP+4
postcode, leaving the area code. They run first so the whole number becomes one placeholder.

What counts:
- CPF: eleven digits grouped 3.3.3-2 ("818.942.526-91"), or eleven digits in a row (dots or a
  dash allowed) right after the word CPF. A bare run of eleven digits is an order or tracking
  number as often as a CPF, so it needs the word.
- phone: a two-digit area code in brackets, then eight or nine digits ("(11) 98687-8025",
  "(11) 999929867", "(21)3456-7890"); or eight or nine digits, a mobile's leading 9 included,
  right after a word that says phone in Portuguese (tel, fone, telefone, cel, celular,
  whatsapp, zap, contato).
"""

from __future__ import annotations

import re

ID_TOKEN = "[id]"
PHONE_TOKEN = "[phone]"  # the same placeholder as tools/core/pii.py's

_CPF_GROUPED = re.compile(r"(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d])")
_CPF_CUED = re.compile(r"(?i)(\bcpf\b[^\w\n]{0,4}(?:(?:n[ºo°.]*|número|numero|é|e)[^\w\n]{0,3})?)"
                       r"\d{3}[.]?\d{3}[.]?\d{3}[-.]?\d{2}(?!\d)")
_BRACKETED = re.compile(r"\(0?[1-9]\d\)[ \t]?9?\d{4}[ \t.-]?\d{4}(?!\d)")
_CUED = re.compile(r"(?i)(\b(?:tel|fone|telefone|cel|celular|whatsapp|whats|zap|contato)\b[^\w\n]{0,4}"
                   r"(?:(?:é|e|:)[ \t]*)?)(?:0?[1-9]\d[ \t]?)?9?\d{4}[ \t.-]?\d{4}(?!\d)")


def redact_br(text: str) -> str:
    """The text with CPFs replaced by [id] and Brazilian-written phone numbers by [phone]."""
    text = _CPF_GROUPED.sub(ID_TOKEN, text)
    text = _CPF_CUED.sub(lambda m: m.group(1) + ID_TOKEN, text)
    text = _BRACKETED.sub(PHONE_TOKEN, text)
    return _CUED.sub(lambda m: m.group(1) + PHONE_TOKEN, text)
