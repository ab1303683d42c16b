"""What to say when a question needs orders or journey events and the store has neither, but
holds something else: "load data first" read as wrong to an owner who had just loaded 1,288
support tickets (twcs) and asked who is at risk or for personas."""

from __future__ import annotations

from tools.data.store import JourneyStore

# table -> its rows as the owner calls them
_OTHER = {"tickets": "support tickets", "surveys": "survey or review answers", "customers": "customers"}


def nothing_to_read(store: JourneyStore, what: str) -> str:
    """The reason for a NoDataError: `what` (e.g. "churn risk needs purchases") cannot be read
    because no orders or events are loaded; says what is loaded instead, with its count."""
    counts = store.counts()
    held = [f"{counts[t]:,} {name}" for t, name in _OTHER.items() if counts.get(t)]
    if not held:
        return f"The journey store has no orders or events; load data first ({what})."
    return (f"Only {' and '.join(held)} are loaded, no orders or journey events: {what}, so it cannot "
            "be read from this data. Load an orders or events export (`journeybot ingest orders FILE`) "
            "to ask it.")
