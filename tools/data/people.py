"""Who the customers are by name, and everything that identifies one customer.

The customers table keeps the columns of a CRM export it has no column for in `attributes`
(JSON): "First Name", "Last Name", "Email", "Billing Name", ... Two things read them:

- `known_names`: the names redaction looks for in survey and ticket text
  (tools/core/pii_names.py): "names of customers the store knows";
- `identifiers`: one customer's id, names, emails and texts, which erasure looks for in every
  store and file (`journeybot forget`); `lookalikes`: other customers' identifiers that hold
  them (C1000 holds C100), which erasure must leave alone.

Attribute keys are matched by their normalised form (lower case, words joined by "_"), so
"First Name", "first_name" and "billing_first_name" all count as a first name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import pandas as pd

from tools.core.pii_names import KnownNames

_FIRST = re.compile(r"(?:^|_)(?:first_?name|given_name|forename|firstname)$")
_LAST = re.compile(r"(?:^|_)(?:last_?name|surname|family_name|lastname)$")
_FULL = re.compile(r"^(?:(?:customer|contact|billing|shipping|display|requester|full|client)_)?name$|^requester$"
                   r"|^fullname$")
_EMAIL = re.compile(r"(?:^|_)e_?mail(?:_address)?$")

_ATTRIBUTES_SQL = """
    SELECT c.customer_id, j.key AS key, json_extract_string(j.value, '$') AS value
    FROM customers c, json_each(CASE WHEN json_valid(c.attributes) THEN c.attributes END) j
    WHERE c.customer_id IS NOT NULL {where}
"""


def _attributes(con: duckdb.DuckDBPyConnection, customer_id: str | None = None) -> pd.DataFrame:
    where, params = ("AND c.customer_id = ?", [customer_id]) if customer_id is not None else ("", [])
    frame = con.execute(_ATTRIBUTES_SQL.format(where=where), params).df()
    if frame.empty:
        return pd.DataFrame(columns=["customer_id", "kind", "value"])
    key = frame["key"].astype(str).str.strip().str.lower().str.replace(r"[^a-z0-9]+", "_", regex=True).str.strip("_")
    kind = pd.Series(None, index=frame.index, dtype=object)
    for name, pattern in (("email", _EMAIL), ("full", _FULL), ("last", _LAST), ("first", _FIRST)):
        kind = kind.where(kind.notna() | ~key.str.contains(pattern, regex=True), name)
    frame["kind"] = kind
    frame = frame[frame["kind"].notna() & frame["value"].notna() & (frame["value"].astype(str).str.strip() != "")]
    return frame[["customer_id", "kind", "value"]].reset_index(drop=True)


def known_names(con: duckdb.DuckDBPyConnection) -> KnownNames:
    """The names of every customer whose CRM columns give one (an empty set when none do)."""
    attrs = _attributes(con)
    attrs = attrs[attrs["kind"] != "email"]
    if attrs.empty:
        return KnownNames()
    wide = attrs.drop_duplicates(["customer_id", "kind"]).pivot(index="customer_id", columns="kind", values="value")
    for col in ("first", "last", "full"):
        if col not in wide:
            wide[col] = None
    wide = wide.astype(object).where(wide.notna(), None)
    return KnownNames.from_people(zip(wide.index, wide["first"], wide["last"], wide["full"], strict=True))


@dataclass(frozen=True)
class Identifiers:
    """What identifies one customer anywhere journeybot keeps text: their id, names, emails,
    and the texts they wrote (survey answers, ticket subjects and messages)."""

    customer_id: str
    names: tuple[str, ...]  # full names first, then first and last names on their own
    emails: tuple[str, ...]
    texts: tuple[str, ...]  # their texts and sentences that no other customer's text holds
    records: tuple[tuple[str, str], ...] = ()  # ("survey", "S123"), ("ticket", "T9")


_WRITTEN = """
    SELECT customer_id, text FROM surveys WHERE text IS NOT NULL
    UNION ALL SELECT customer_id, text FROM tickets WHERE text IS NOT NULL
    UNION ALL SELECT customer_id, subject FROM tickets WHERE subject IS NOT NULL"""
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
FRAGMENT = 25  # characters: shorter pieces of a text are too common to identify anyone


def identifiers(con: duckdb.DuckDBPyConnection, customer_id: str, *, min_text: int = 12) -> Identifiers:
    """One customer's identifiers as the journey store holds them (read before erasing).

    Texts are kept whole and as fragments, because they travel clipped and quoted (a quote's
    first sentence, its first 60 characters): each sentence of at least FRAGMENT characters
    and the opening. Texts shorter than `min_text` characters ("Great!"), and texts or
    fragments that another customer's text also holds (templated answers), identify nobody
    and are left out."""
    attrs = _attributes(con, customer_id)
    by_kind = {k: tuple(dict.fromkeys(attrs.loc[attrs["kind"] == k, "value"].astype(str).str.strip()))
               for k in ("first", "last", "full", "email")}
    names = list(by_kind["full"])
    if by_kind["first"] and by_kind["last"]:
        names.append(f"{by_kind['first'][0]} {by_kind['last'][0]}")
    names += [*by_kind["first"], *by_kind["last"]]
    own = [t for (t,) in con.execute(f"SELECT DISTINCT text FROM ({_WRITTEN}) WHERE customer_id = $c",
                                     {"c": customer_id}).fetchall() if len(t.strip()) >= min_text]
    pieces = dict.fromkeys(t.strip() for t in own)
    for text in own:
        for piece in (*_SENTENCE.split(text), text[:60]):
            if len(piece.strip()) >= FRAGMENT:
                pieces[piece.strip()] = None
    texts: list[str] = []
    if pieces:
        found = pd.DataFrame({"piece": list(pieces)})
        con.register("_jb_pieces", found)
        try:
            shared = {r[0] for r in con.execute(
                f"SELECT DISTINCT p.piece FROM _jb_pieces p JOIN ({_WRITTEN}) w "
                "ON contains(w.text, p.piece) WHERE w.customer_id IS DISTINCT FROM $c", {"c": customer_id}).fetchall()}
        finally:
            con.unregister("_jb_pieces")
        texts = [p for p in pieces if p not in shared]
    records = con.execute(
        "SELECT 'survey', survey_id FROM surveys WHERE customer_id = $c "
        "UNION ALL SELECT 'ticket', ticket_id FROM tickets WHERE customer_id = $c", {"c": customer_id},
    ).fetchall()
    return Identifiers(customer_id, tuple(dict.fromkeys(names)), by_kind["email"], tuple(texts),
                       tuple((k, str(i)) for k, i in records))


def lookalikes(con: duckdb.DuckDBPyConnection, ident: Identifiers) -> list[str]:
    """Other customers' ids, emails and names that hold one of this customer's (C1000 for C100,
    aa@x.com for a@x.com), read from the journey store before the erasure."""
    cid = ident.customer_id
    ids = [r[0] for r in con.execute(
        " UNION ".join(f"SELECT DISTINCT customer_id FROM {t} WHERE contains(customer_id, $c) AND customer_id <> $c"
                       for t in ("customers", "orders", "events", "surveys", "tickets")), {"c": cid}).fetchall()]
    attrs = _attributes(con)
    theirs = [s.lower() for s in (*ident.emails, *ident.names) if s]
    if attrs.empty or not theirs:
        return ids
    others = attrs.loc[attrs["customer_id"] != cid, "value"].astype(str).str.strip()
    lower = others.str.lower()
    holds = pd.Series(False, index=others.index)
    for needle in theirs:
        holds |= lower.str.contains(needle, regex=False) & (lower != needle)
    return ids + list(dict.fromkeys(others[holds]))



def redact_stored_texts(con: duckdb.DuckDBPyConnection) -> int:
    """Redact the names the store now knows in texts loaded before their customers were: a
    tickets file ingested before the CRM export still ends up without the names. Returns the
    number of texts changed (the feedback store picks them up at its next index run)."""
    from tools.data.text_rewrite import rewrite_free_texts

    names = known_names(con)
    if not names:
        return 0
    return rewrite_free_texts(con, names.redact_series)
