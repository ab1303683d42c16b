"""What people look at, put in the cart and buy, by brand, product category or product, from events
that name what they were about (lane real29a).

An event log such as REES46's names the product, its category code and its brand on every view,
cart and purchase; the recipe keeps them (events.product, category, brand). "Which brands do people
look at the most?", "how many views did apple get?", "which brands are viewed but never bought?"
are then counted from the events themselves:

    product_interest(store, ProductInterestParams(by="brand", name=["apple"]))
    -> "Views by brand, all data: apple 91 views by 51 people, 1 cart, 2 purchases ..."

A step is counted by its journey stage, so any shop's touchpoint names work: consideration (a
product view) is a view, decision (a cart) a cart, purchase a purchase. Events without the asked
field (REES46 leaves brand or category empty on many) are counted apart and said, never ranked as a
group. Money is the purchase events' values (REES46: the price of the product bought), so it is
there only when purchase events carry one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from tools.analytics.coverage import short_coverage_note
from tools.analytics.kpi_scope import KpiSettings, numbers_of, open_scope
from tools.analytics.periods import Period, provenance_period
from tools.core.errors import NoDataError
from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.core.text import counted, text_table
from tools.data.store import JourneyStore

By = Literal["brand", "product_category", "product"]
Measure = Literal["views", "viewers", "carts", "purchases", "revenue"]
COLUMN = {"brand": "brand", "product_category": "category", "product": "product"}
_WHAT = {"brand": "brand", "product_category": "category", "product": "product"}
_WHATS = {"brand": "brands", "product_category": "categories", "product": "products"}
# The journey stage of each counted step (tools/core/stages.py): the touchpoint names are the shop's own.
_STEP = {"views": "consideration", "carts": "decision", "purchases": "purchase"}


class ProductInterestParams(BaseModel):
    """What people look at, cart and buy, by brand, product category or product, from events that
    name the product (an event log such as REES46's): views, distinct viewers, carts, purchases and
    purchase money per brand, category or product, ranked; optionally only those whose name
    contains one of `name` ("apple", "smartphone").
    Examples:
    - "Which brands do people look at the most?" -> {"by": "brand"}
    - "How many views did apple get?" -> {"by": "brand", "name": ["apple"]}
    - "Which categories sell the most?" (from purchase events) -> {"by": "product_category", "measure": "purchases"}
    """

    model_config = ConfigDict(extra="forbid")

    by: By = Field(default="brand", description="brand, product_category (the category code) or product (id).")
    measure: Measure = Field(default="views", description="What ranks them: views, viewers (distinct "
                             "people who viewed), carts, purchases or revenue (the purchase events' values).")
    name: list[str] = Field(default_factory=list, description="Only brands, categories or products whose "
                            "name contains one of these (any of the three fields), e.g. apple, smartphone.")
    period: Period = Field(default_factory=lambda: Period(name="all"), description="Events in this period.")
    order: Literal["top", "bottom"] = Field(default="top", description="top: most first; bottom: fewest first.")
    top: int = Field(default=10, ge=1, le=100, description="How many to list.")
    unbought: bool = Field(default=False, description="Only those viewed but never bought in the period.")


@dataclass(frozen=True)
class ProductInterestResult(Priced, ResultMixin):
    by: str
    measure: str
    name: tuple[str, ...]
    # group, views, viewers, carts, purchases, revenue, bought_per_view; ranked as asked, every group
    groups: pd.DataFrame
    totals: dict[str, float]  # the same counts over every event of the period that matched `name`
    unnamed: dict[str, int]  # views, carts, purchases with no value of the field asked
    top: int
    provenance: Provenance = field(repr=False)
    currency: str = "GBP"
    locale: str | None = None

    def to_frame(self) -> pd.DataFrame:
        return self.groups.copy()

    def to_text(self) -> str:
        what = _WHAT[self.by]
        label = self.provenance.period_label
        about = f" ({' or '.join(self.name)})" if self.name else ""
        first = "fewest" if self.provenance.params.get("order") == "bottom" else "most"
        only = ", viewed but never bought" if self.provenance.params.get("unbought") else ""
        lines = [f"{self.measure.capitalize()} by {what}{about}{only}, {label} ({first} first):"]
        if only:
            lines.append(f"{counted(len(self.groups), what, self.numbers)} viewed in the period had no purchase.")
        n = self.numbers
        t = self.totals
        if self.name:
            lines.append(f"{_names(self.name)}: {counted(int(t['views']), 'view', n)} by {counted(int(t['viewers']), 'person', n)}, "
                         f"{counted(int(t['carts']), 'cart', n)}, {counted(int(t['purchases']), 'purchase', n)}"
                         + (f" ({n.money(t['revenue'])})" if t["purchases"] and t["revenue"] else "") + ".")
        shown = self.groups.head(self.top)
        rows = [[str(r.group), n.number(r.views), n.number(r.viewers), n.number(r.carts), n.number(r.purchases),
                 n.money(r.revenue) if r.purchases else "-",
                 n.percent(r.bought_per_view) if r.views else "-"] for r in shown.itertuples()]
        lines += ["  " + line for line in text_table([what, "views", "viewers", "carts", "purchases", "revenue",
                                                       "bought per view"], rows)]
        if len(self.groups) > self.top:
            lines.append(f"  ... and {counted(len(self.groups) - self.top, what, n)} more (all with --json)")
        lines += ["", self.provenance.to_text(details=True)]
        return "\n".join(lines)


def _names(names: tuple[str, ...] | list[str]) -> str:
    return " or ".join(f"“{x}”" for x in names)


_COUNTS = """
    SELECT {col} AS "group",
           count(*) FILTER (WHERE stage = 'consideration') AS views,
           count(DISTINCT customer_id) FILTER (WHERE stage = 'consideration') AS viewers,
           count(*) FILTER (WHERE stage = 'decision') AS carts,
           count(*) FILTER (WHERE stage = 'purchase') AS purchases,
           coalesce(sum(value) FILTER (WHERE stage = 'purchase'), 0) AS revenue
    FROM events WHERE ts >= $start AND ts < $end AND stage IN ('consideration', 'decision', 'purchase'){named}
    GROUP BY {group}"""


def held(con) -> dict[str, int]:  # noqa: ANN001 - a DuckDB connection
    """How many events name a brand, a category and a product (0 each on most shops' events)."""
    row = con.execute("SELECT count(nullif(trim(brand), '')), count(nullif(trim(category), '')), "
                      "count(nullif(trim(product), '')) FROM events").fetchone()
    return {"brand": int(row[0] or 0), "product_category": int(row[1] or 0), "product": int(row[2] or 0)}


def product_interest(store: JourneyStore, params: ProductInterestParams | None = None,
                     settings: KpiSettings | None = None) -> ProductInterestResult:
    params = params or ProductInterestParams()
    numbers = numbers_of(store)
    col = COLUMN[params.by]
    names = [x.strip().lower() for x in params.name if x.strip()]
    with open_scope(store, params.period, None, settings, table="events") as (con, scope):
        have = held(con)
        if not have[params.by]:
            some = [_WHATS[k] for k, v in have.items() if v]
            raise NoDataError(
                f"The loaded events do not say which {_WHAT[params.by]} each was about, so nothing can be ranked by "
                f"{_WHAT[params.by]}" + (f"; they do name {' and '.join(some)}." if some else
                                          ": journeybot's events here keep the kind of step (a view, a cart, a "
                                          "purchase), not the product. An export that names the product, category or "
                                          "brand of each event (REES46's product_id, category_code, brand) loads them "
                                          "with `product`, `category` and `brand` in the mapping's columns."))
        p = scope.period
        args: dict[str, object] = {"start": p.start, "end": p.end}
        named = ""
        if names:
            named = (" AND (" + " OR ".join(f"contains(lower(coalesce({c}, '')), $n{i})"
                                              for i in range(len(names)) for c in ("brand", "category", "product")) + ")")
            args.update({f"n{i}": x for i, x in enumerate(names)})
        frame = con.execute(_COUNTS.format(col=f"nullif(trim({col}), '')", named=named, group="1"), args).df()
        short = short_coverage_note(con, p)
        span = con.execute("SELECT min(ts), max(ts) FROM events WHERE ts >= $start AND ts < $end",
                           {"start": p.start, "end": p.end}).fetchone()
    if frame.empty or not frame[["views", "carts", "purchases"]].to_numpy().sum():
        said = f" naming {_names(names)}" if names else ""
        raise NoDataError(f"No views, carts or purchases{said} in {p.label}.")
    none = frame[frame["group"].isna()]
    unnamed = {k: int(none[k].sum()) for k in ("views", "carts", "purchases")}
    totals = {k: float(frame[k].sum()) for k in ("views", "carts", "purchases", "revenue")}
    totals["viewers"] = float(_viewers(store, p, named, args))
    groups = frame[frame["group"].notna()].copy()
    groups["bought_per_view"] = (groups["purchases"] / groups["views"]).where(groups["views"] > 0)
    if params.unbought:
        groups = groups[(groups["views"] > 0) & (groups["purchases"] == 0)]
    low = params.order == "bottom"
    groups = groups.sort_values([params.measure, "views", "group"], ascending=[low, low, True]).reset_index(drop=True)
    notes = [short] if short else []
    if not short and span and span[0] is not None and span[1] - span[0] < dt.timedelta(days=1):
        # REES46's 17 minutes: "all data (2019-10-01 to 2019-10-01)" would read as a whole day
        tz = p.start.tzinfo
        first, last = span[0].astimezone(tz), span[1].astimezone(tz)
        notes.append(f"the events cover {_minutes(last - first)} ({first:%Y-%m-%d %H:%M} to {last:%H:%M}): "
                     "every count is over that stretch")
    if any(unnamed.values()):
        notes.append(f"{_counts(unnamed, numbers)} name no {_WHAT[params.by]}: not in the ranking")
    notes.append("a view is an event at the consideration stage (a product view), a cart one at decision, a purchase "
                 "one at purchase; viewers are distinct people; revenue is the purchase events' values "
                 "(the price of each product bought)")
    if names:
        notes.append(f"only events whose brand, category or product contains {_names(names)}")
    prov = Provenance(
        tool="product_interest",
        definition=f"events in the period at the view, cart and purchase steps, grouped by the {_WHAT[params.by]} "
                   "each event names",
        params=params.model_dump(mode="json"),
        **provenance_period(p, params),
        tables=("events",), row_counts={"events": int(frame[["views", "carts", "purchases"]].to_numpy().sum())},
        notes=tuple(notes))
    return ProductInterestResult(params.by, params.measure, tuple(names), groups, totals, unnamed, params.top, prov,
                                 numbers.currency, numbers.locale)


def _viewers(store: JourneyStore, p, named: str, args: dict[str, object]) -> int:  # noqa: ANN001
    """Distinct people who viewed any of them (a person viewing two brands is one viewer in the total)."""
    with store.connect() as con:
        row = con.execute("SELECT count(DISTINCT customer_id) FROM events WHERE ts >= $start AND ts < $end "
                          f"AND stage = 'consideration'{named}", args).fetchone()
    return int(row[0] or 0) if row else 0


def _counts(c: dict[str, int], numbers) -> str:  # noqa: ANN001
    parts = [counted(c[k], k[:-1], numbers) for k in ("views", "carts", "purchases") if c[k]]
    return ", ".join(parts)


def _minutes(span: dt.timedelta) -> str:
    minutes = max(round(span.total_seconds() / 60), 1)
    if minutes < 120:
        return "1 minute" if minutes == 1 else f"{minutes} minutes"
    return f"{round(minutes / 60)} hours"
