"""Customer texts from one place: "what do customers in Leeds say about delivery?".

A text has no place of its own; its writer has one (the customers table's city and region).
So a place filter is the set of customers living there, and a text is in the place when its
customer is. Texts without a customer (an anonymous review, a tweet log without a CRM) are in
no place. When the data holds no town or region at all, or the place's customers wrote nothing
in the period, the answer says so: an empty list of quotes would read as "nobody there
complained".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tools.analytics.filters import Filters, cohort_sql, groups_held, known_values, matched
from tools.core.errors import NoDataError, ToolInputError
from tools.core.text import counted

if TYPE_CHECKING:
    from tools.analytics.periods import ResolvedPeriod
    from tools.data.store import JourneyStore
    from tools.feedback.store import FeedbackStore

_WORDS = {"city": "town or city", "region": "region"}


@dataclass(frozen=True)
class PlaceCohort:
    """The customers of the places asked for, and the places as the data writes them."""

    ids: frozenset[str]
    cities: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """"Leeds or York", "Yorkshire", "Leeds in Yorkshire" (a town and a region: both hold)."""
        return " in ".join(" or ".join(p) for p in (self.cities, self.regions) if p)

    def within(self, customers: frozenset[str] | set[str] | list[str] | None) -> frozenset[str]:
        """The place's customers, among `customers` when the caller already narrowed to some
        (a channel's or a persona's)."""
        return self.ids if customers is None else self.ids & frozenset(customers)

    def note(self) -> str:
        return (f"only the texts of the {counted(len(self.ids), 'customer')} in {self.label}; texts with no customer "
                "have no place and are left out")

    def nothing_written(self, period_label: str, texts_with_customer: int) -> NoDataError:
        """The error for a place whose customers wrote nothing in the period."""
        why = ("none of the period's texts is tied to a customer, so none has a place"
               if texts_with_customer == 0 else f"the {counted(len(self.ids), 'customer')} there wrote none of them")
        return NoDataError(f"No customer texts from {self.label} in {period_label}: {why}.")


def place_cohort(store: JourneyStore | None, city: list[str] | None,
                 region: list[str] | None) -> PlaceCohort | None:
    """The customers living in one of the towns `city` and, when given too, in one of the
    regions `region` (None when no place is asked for). Names are matched to the data in any case; one the data does not hold raises
    with the ones it does."""
    if not city and not region:
        return None
    if store is None:
        raise ToolInputError("A place filter needs the journey store, where customers' towns are kept.")
    held = groups_held(store)
    missing = [_WORDS[d] for d, v in (("city", city), ("region", region)) if v and d not in held]
    if missing:
        raise NoDataError(f"No customer in the data has a {' or '.join(missing)}, so customer texts cannot be "
                          "picked by place. Ask without the place, or load a customer export with towns.")
    chosen = {d: _spellings(d, wanted, known_values(store, d)) for d, wanted in (("city", city), ("region", region))
              if wanted}
    sql, args = cohort_sql(Filters(**{d: [v for vs in spelt for v in vs] for d, spelt in chosen.items()}))
    ids = store.query(sql, args)["customer_id"].dropna().astype(str)
    first = {d: tuple(vs[0] for vs in spelt) for d, spelt in chosen.items()}
    return PlaceCohort(frozenset(ids), first.get("city", ()), first.get("region", ()))


def _spellings(dim: str, wanted: list[str], known: list[str]) -> list[list[str]]:
    """Each place asked for as every way the data writes it ("Leeds", "leeds", "LEEDS": one
    town in a CRM typed by hand), most common first; an unknown one raises with the known ones."""
    out = []
    for value in wanted:
        same = [k for k in known if k.strip().lower() == str(value).strip().lower()]
        out.append(same or [str(matched(dim, [value], known))])  # matched raises, listing the known ones
    return out


def texts_with_customer(fb: FeedbackStore, period: ResolvedPeriod | None) -> int:
    """How many chunks of the period's texts are tied to a customer (the only ones with a place)."""
    frame = fb.frame(period=period)
    return int(frame["customer_id"].notna().sum()) if "customer_id" in frame else 0
