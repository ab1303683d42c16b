"""Groups the data does not have: a split by region over customers none of whom has a region.

A Shopify export has no region, age band or first-touch channel; split by one of them, every
order falls in the one group "(unknown)", and a table of "(unknown) 100%" reads like a result.
Here the per-group table an analysis already made is read once more: when no row of the period
has a value the answer says so, with the splits this data can make; when some rows have none,
how many and what share. A note, as the other caveats are (tools/core/results.Provenance.notes);
the counting is over the groups' own n, so it agrees with the table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tools.analytics.filters import DIMENSION_LABELS, UNKNOWN_GROUP, groups_held
from tools.core.errors import ToolInputError
from tools.core.money import NumberFormat
from tools.core.text import counted
from tools.data.store import JourneyStore

# The group a customer without a persona is in: being in no persona is no gap in the data.
NO_PERSONA = "(no persona)"

_WORDS = {"channel": "first-touch channel", "acquisition_channel": "acquisition channel",
          "segment": "segment", "age_band": "age band"}


def word(by: str) -> str:
    """'region', 'age band', 'first-touch channel': the dimension as an owner says it."""
    return _WORDS.get(by, DIMENSION_LABELS.get(by, by))


@dataclass(frozen=True)
class GroupGap:
    """How much of a split has no value for its dimension."""

    by: str
    blank: int  # n (orders, customers, tickets, ...) in the "(unknown)" group
    total: int  # n over all groups
    held: tuple[str, ...]  # the dimensions this data has values for (filters.groups_held)
    unit: str  # what n counts, plural ("orders")

    @property
    def empty(self) -> bool:
        """Every row of the period has no value: there is no split, only one blank group."""
        return self.total > 0 and self.blank >= self.total

    @property
    def share(self) -> float:
        return self.blank / self.total if self.total else 0.0

    def others(self) -> str:
        """'Splits it can make here: city and segment.' or that there are none."""
        can = [word(d) for d in self.held if d != self.by]
        if not can:
            return "This data has no other customer group to split by."
        return "Splits it can make here: " + (", ".join(can[:-1]) + " and " + can[-1] if len(can) > 1 else can[0]) + "."

    def note(self, numbers: NumberFormat | None = None) -> str:
        """The sentence an answer carries; "" when every row has a value."""
        what = word(self.by)
        a = "an" if what[0] in "aeiou" else "a"
        if self.empty:
            if self.by not in self.held:
                return (f"No customer in this data has {a} {what} (the customer data loaded has none, or every "
                        f"value is blank), so nothing can be split by {what}. {self.others()}")
            return (f"None of the {counted(self.total, _singular(self.unit), numbers)} here is from a customer "
                    f"with {a} {what}, so nothing can be split by {what} in this period. {self.others()}")
        if not self.blank:
            return ""
        pct = (numbers or NumberFormat()).percent(self.share, 0)
        return (f"{UNKNOWN_GROUP} is the {(numbers or NumberFormat()).number(self.blank)} of "
                f"{counted(self.total, _singular(self.unit), numbers)} ({pct}) from customers with no {what}")


def _singular(unit: str) -> str:
    """counted() takes the singular: 'orders' -> 'order', 'customers with a ticket' -> 'customer
    with a ticket'."""
    head, _, rest = unit.partition(" ")
    head = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    return f"{head} {rest}".strip()


def group_gap(groups: pd.DataFrame, by: str, held: tuple[str, ...], unit: str,
              group: str = "group", n: str = "n_current") -> GroupGap | None:
    """The gap of a per-group table (column `group` the group, `n` its size); None for a
    persona split (a customer in no persona is not missing anything) or a table with no rows."""
    if by == "persona" or groups.empty:
        return None
    sizes = pd.to_numeric(groups[n], errors="coerce").fillna(0)
    blank = int(sizes[groups[group].astype(str) == UNKNOWN_GROUP].sum())
    return GroupGap(by, blank, int(sizes.sum()), held, unit)


def require_personas(store: JourneyStore, by: str | None, held: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The dimensions held (one query); a split by persona where none is saved raises with the
    splits there are, instead of a query on a table that does not exist."""
    held = held if held is not None else groups_held(store)
    if by == "persona" and "persona" not in held:
        gap = GroupGap("persona", 0, 0, held, "")
        raise ToolInputError(f"No persona is saved yet, so nothing can be split by persona. {gap.others()}")
    return held
