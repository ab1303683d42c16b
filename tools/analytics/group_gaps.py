"""Groups the data does not have: a split by region over customers none of whom has a region.

A Shopify export has no region, age band or first-touch channel; split by one of them, every
order falls in the one group "(unknown)", and a table of "(unknown) 100%" reads like a result.
Here the per-group table an analysis already made is read once more: when no row of the period
has a value the answer says so, with the splits this data can make; when some rows have none,
how many and what share. A note, as the other caveats are (tools/core/results.Provenance.notes);
the counting is over the groups' own n, so it agrees with the table beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tools.analytics.filters import (
    DIMENSION_LABELS,
    DIMENSIONS,
    DIMS_SQL,
    UNKNOWN_GROUP,
    groups_held,
)
from tools.core.errors import ToolInputError
from tools.core.money import NumberFormat
from tools.data.store import JourneyStore

_WORDS = {"channel": "first-touch channel", "acquisition_channel": "acquisition channel",
          "segment": "segment", "age_band": "age band"}


# A tool's own names for its splits, over the customer dimensions' (sentiment's "channel" is
# where a text was written, not the customer's first touch): (split, words) pairs.
Words = tuple[tuple[str, str], ...]


def word(by: str, words: Words = ()) -> str:
    """'region', 'age band', 'first-touch channel': the dimension as an owner says it."""
    return dict(words).get(by) or _WORDS.get(by, DIMENSION_LABELS.get(by, by))


def blank_label(by: str, words: Words = ()) -> str:
    """'(no region)', '(no first-touch channel)': the group of customers with no value, as a table
    shows it. The typed value stays UNKNOWN_GROUP (alerts and filters key on it)."""
    return f"(no {word(by, words)})"


def shown(group: Any, by: str, words: Words = ()) -> str:
    """A group as a table shows it: the blank one named for what it lacks."""
    return blank_label(by, words) if str(group) == UNKNOWN_GROUP else str(group)


def split_header(by: str, words: Words = ()) -> str:
    """'By segment:', 'By first-touch channel:': the line over a split's table, naming the split
    that was made (a fixed "By channel:" over a split by segment misread the table)."""
    return f"By {word(by, words)}:"


def splits_sentence(names: list[str], none: str = "This data has no other customer group to split by.") -> str:
    """'Splits it can make here: city and segment.' (names as the owner says them), or that
    there are none (`none`): the one wording every tool offers its other splits in."""
    if not names:
        return none
    return "Splits it can make here: " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]) + "."


# The customer dimensions a split's rows can have values for (persona is a saved grouping, held
# or not for the whole store).
_COLUMNS = tuple(d for d in DIMENSIONS if d != "persona")


def held_sql(customers: str) -> str:
    """One row of non-blank counts per dimension over the customers of a subquery (customer_id):
    read by `held_of`. Only fixed identifiers; the subquery brings its own bound parameters."""
    return ("SELECT " + ", ".join(f"count({d}) AS {d}" for d in _COLUMNS)
            + f" FROM ({DIMS_SQL}) d WHERE d.customer_id IN ({customers})")


def held_of(counts: dict[str, Any], stored: tuple[str, ...]) -> tuple[str, ...]:
    """The dimensions some of the rows' customers have a value for (from `held_sql`'s row), in
    DIMENSIONS' order; persona when the store holds personas at all."""
    return tuple(d for d in _COLUMNS if int(counts.get(d) or 0)) + (("persona",) if "persona" in stored else ())


def held_among(store: JourneyStore, ids: Iterable[Any], stored: tuple[str, ...]) -> tuple[str, ...]:
    """The dimensions the given customers (a few thousand ids from a model's frame) have values
    for: the splits worth offering for an analysis over them."""
    import pandas as pd  # here: the funnel's command-line path imports this module and keeps off pandas

    frame = pd.DataFrame({"customer_id": [str(i) for i in ids]})
    if frame.empty:
        return ()
    # A cursor of its own: the shared in-memory connection may hold a caller's unfinished result.
    with store.connect() as con, con.cursor() as cur:
        cur.register("jb_gap_ids", frame)
        return held_in(cur, "SELECT customer_id FROM jb_gap_ids", [], stored)


def held_in(con: Any, customers: str, args: list[Any], stored: tuple[str, ...]) -> tuple[str, ...]:
    """`held_of` the customers of a subquery (customer ids, any column name) with its parameters."""
    cur = con.execute(held_sql(customers), args)
    names = [c[0] for c in cur.description or ()]
    return held_of(dict(zip(names, cur.fetchall()[0], strict=True)), stored)


@dataclass(frozen=True)
class GroupGap:
    """How much of a split has no value for its dimension."""

    by: str
    blank: int  # n (orders, customers, tickets, ...) in the "(unknown)" group
    total: int  # n over all groups
    held: tuple[str, ...]  # the dimensions the split's own rows have values for (held_among)
    unit: str  # what n counts, plural ("orders")
    stored: tuple[str, ...] | None = None  # the dimensions the whole store has (None: as `held`)
    when: str = " in this period"  # "" for the predictive tools' customers, who have no period
    # whose value the dimension is: "customer" (an order's region is its customer's), or the
    # counted rows' own ("text": a text's journey stage or the channel it came by)
    subject: str = "customer"
    words: Words = ()  # the tool's own names for its splits (see `word`)

    @property
    def empty(self) -> bool:
        """Every row of the period has no value: there is no split, only one blank group."""
        return self.total > 0 and self.blank >= self.total

    @property
    def share(self) -> float:
        return self.blank / self.total if self.total else 0.0

    def others(self) -> str:
        """'Splits it can make here: city and segment.' or that there are none."""
        return splits_sentence([word(d, self.words) for d in self.held if d != self.by])

    def note(self, numbers: NumberFormat | None = None) -> str:
        """The sentence an answer carries; "" when every row has a value."""
        what = word(self.by, self.words)
        a = "an" if what[0] in "aeiou" else "a"
        own = self.subject != "customer" or self.unit.startswith(("customer", "people"))
        if self.empty:
            if self.by not in (self.held if self.stored is None else self.stored):
                loaded = "customer data loaded has" if self.subject == "customer" else f"{self.subject}s loaded have"
                return (f"No {self.subject} in this data has {a} {what} (the {loaded} none, or every "
                        f"value is blank), so nothing can be split by {what}. {self.others()}")
            whose = f"has {a} {what}" if own else f"is from a customer with {a} {what}"
            return (f"None of the {_count(self.total, self.unit, numbers)} here {whose}, so nothing "
                    f"can be split by {what}{self.when}. {self.others()}")
        if not self.blank:
            return ""
        pct = (numbers or NumberFormat()).percent(self.share, 0)
        whose = "with" if own else "from customers with"
        return (f"{blank_label(self.by, self.words)} is the {(numbers or NumberFormat()).number(self.blank)} of "
                f"{_count(self.total, self.unit, numbers)} ({pct}) {whose} no {what}")


def _count(n: int, unit: str, numbers: NumberFormat | None) -> str:
    """'58 orders', '1 order', '12 customers with a ticket': the unit as the KPI catalogue writes
    it (plural, sometimes with words after the noun)."""
    return f"{(numbers or NumberFormat()).number(n)} {unit if n != 1 else _singular(unit)}"


def _singular(unit: str) -> str:
    """'orders' -> 'order', 'customers with a ticket' -> 'customer with a ticket', 'people' ->
    'person': the catalogue's plural units for a count of one."""
    head, _, rest = unit.partition(" ")
    if head == "people":
        return f"person {rest}".strip()
    head = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    return f"{head} {rest}".strip()


def group_gap(groups: Iterable[tuple[Any, Any]], by: str, held: tuple[str, ...], unit: str,
              stored: tuple[str, ...] | None = None) -> GroupGap | None:
    """The gap of a split given as (group, n) pairs, a few dozen at most (no pandas: the funnel's
    command-line path keeps off it); None for a persona split (a customer in no persona is not
    missing anything) or no groups at all."""
    if by == "persona":
        return None
    blank = total = 0
    for group, n in groups:
        size = int(n or 0)
        total += size
        blank += size if str(group) == UNKNOWN_GROUP else 0
    return GroupGap(by, blank, total, held, unit, stored) if total else None


def require_personas(store: JourneyStore, by: str | None, held: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The dimensions held (one query); a split by persona where none is saved raises with the
    splits there are, instead of a query on a table that does not exist."""
    held = held if held is not None else groups_held(store)
    if by == "persona" and "persona" not in held:
        gap = GroupGap("persona", 0, 0, held, "")
        raise ToolInputError(f"No persona is saved yet, so nothing can be split by persona. {gap.others()}")
    return held


def labels_gap(labels: Any, by: str | None, held: tuple[str, ...], unit: str,
               stored: tuple[str, ...] | None = None) -> GroupGap | None:
    """The gap of a split given as one group label per row (a pandas Series: the predictive
    tools' customers with their group), counted once."""
    if by is None:
        return None
    return group_gap(labels.value_counts().items(), by, held, unit, stored)
