"""The pseudonymous customer key: one customer across the tools a shop uses, without storing
their email address.

Shop, helpdesk, survey and newsletter exports rarely share a customer id, but they all carry
the customer's email. Mappings that name a column in `email_keys` store `c-` and the first 16
hex digits of the MD5 of the trimmed, lower-cased address instead of the address; the vendor
API connectors (tools/sources) do the same in Python, so a Shopify order, a Zendesk ticket and
a Typeform answer from one person meet on one key. MD5 is used as an identifier here, not for
secrecy (Mailchimp's own subscriber hash is the same digest); `journeybot forget` accepts the
address and derives the key.
"""

from __future__ import annotations

import hashlib

PREFIX = "c-"
DIGITS = 16


def customer_key(value: str | None) -> str | None:
    """The key for an email address; any other value (a vendor id, a guest id) unchanged."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if "@" not in text:
        return text
    return PREFIX + hashlib.md5(text.lower().encode("utf-8")).hexdigest()[:DIGITS]


def customer_key_sql(expr: str) -> str:
    """The same as `customer_key`, as DuckDB SQL over a VARCHAR expression."""
    v = f"NULLIF(trim(CAST({expr} AS VARCHAR)), '')"
    return (f"(CASE WHEN contains({v}, '@') THEN '{PREFIX}' || left(md5(lower({v})), {DIGITS}) "
            f"ELSE {v} END)")
