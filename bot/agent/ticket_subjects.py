"""A split by brand or company asked of tickets that keep one (lane real25).

twcs-style support data keeps, for each conversation, the brand or account that answered it as
the ticket's subject; no analysis splits tickets by their subject yet. "Tickets per brand",
"response time by company" are then answered for all tickets together, and the answer says the
subject is there but not split by, instead of "brand is not in the loaded data"."""

from __future__ import annotations

from typing import Any

from bot.agent.patterns import lazy

_SUBJECT_WORDS = lazy(r"^(?:brands?|compan(?:y|ies)|business(?:es)?|accounts?|handles?|subjects?|firms?)$")


def subject_not_split(store: Any, words: str) -> str | None:
    """What to say of a split by `words` when they name the tickets' subject (None: they do not,
    or no ticket has one)."""
    if not _SUBJECT_WORDS.match(words.strip().lower()):
        return None
    try:
        with store.connect() as con:
            held, handles = con.execute(
                "SELECT count(DISTINCT subject), count(DISTINCT subject) FILTER (WHERE trim(subject) NOT LIKE '% %') "
                "FROM tickets WHERE subject IS NOT NULL").fetchone()
    except Exception:  # noqa: BLE001 - no tickets table: the usual message stands
        return None
    # A helpdesk's subjects are sentences ("Charged the wrong price"); twcs keeps one handle per
    # brand ("AmazonHelp"). Only handles are a brand that answered: else the usual message stands.
    if not held or handles < 0.9 * held:
        return None
    return (f"the tickets keep the {words} that answered each one ({held:,} of them, as the ticket's subject), but "
            f"no analysis splits by it yet, so this is all of them together")
