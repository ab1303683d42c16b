"""What product_sales answers when the loaded orders cannot be split the way it was asked: a
store whose orders list no categories (a shop export with line items but no product types), or
no products. This is an answer, not a fault: it says what was asked, which orders were looked at,
why they cannot be ranked that way, what can be ranked instead and which data would add it. A
typed result rather than an error, so Slack, the CLI and the agent show it as an answer
("I tried product_sales(...) but it did not work" read like a crash)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.core.text import counted

_WHAT = {"product_category": "product category", "product": "product"}
_COLUMN = {"product_category": "categories", "product": "products"}
_MEASURE_WORDS = {"revenue": "revenue", "orders": "orders", "units": "units sold"}
_INSTEAD = {  # what to ask for the other split, in the owner's words and as a command
    "product": ("which products bring in the most revenue?", "journeybot products --by product"),
    "product_category": ("which categories bring in the most revenue?", "journeybot products --by category"),
}
# Which data adds the missing list: products come with most shop exports' line items; categories
# never do (no known vendor export carries them on the order), so they come from a product list
_ADD = {
    "product_category": ("load the orders with a `categories` column, or look each order's items up in your "
                         "product list's category or type column (Shopify's products export has `Type` and "
                         "`Product Category`) with `lookups.categories` in the orders' mapping "
                         "(config.example.toml, docs/SOURCES.md)"),
    "product": ("load an orders export with its line items (Shopify, Squarespace and SumUp exports name them; "
                "Square's and Stripe's `Description`), or map your export's item column to `products`"),
}


@dataclass(frozen=True)
class ProductSalesUnavailable(Priced, ResultMixin):
    """product_sales asked by a list (categories, products) no loaded order has."""

    by: str  # what was asked: product_category or product
    measure: str
    period_label: str  # the period asked, resolved, in words
    orders: int  # orders loaded, every status
    first: dt.date | None  # None: no orders are loaded at all
    last: dt.date | None
    listing_other: int  # orders that list the other split (products when categories were asked)
    provenance: Provenance = field(repr=False)
    currency: str = "GBP"
    locale: str | None = None
    answerable: bool = False  # for --json readers: no ranking in this result

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(columns=["group", "revenue", "orders", "units", "share"])

    def to_text(self) -> str:
        what, col = _WHAT[self.by], _COLUMN[self.by]
        other = "product" if self.by == "product_category" else "product_category"
        n = self.numbers
        head = f"{_MEASURE_WORDS[self.measure].capitalize()} by {what}" + (f", {self.period_label}" if self.period_label else "")
        if not self.orders:  # a support desk's data, say: nothing was sold here to rank
            return (f"{head}: no orders are loaded, so there is nothing sold to rank.\n"
                    "To rank what sells: load an orders export with what was bought (`journeybot ingest --vendors` "
                    "lists the shop exports read as they are).")
        lines = [
            f"{head}: not something these orders can show.",
            f"Why: I looked at the {counted(self.orders, 'order', n)} loaded ({self.first} to {self.last}) and none "
            f"lists a {what} (their `{col}` column is empty), so there is nothing to split "
            f"{_MEASURE_WORDS[self.measure]} by {what}.",
        ]
        if self.listing_other:
            ask, command = _INSTEAD[other]
            some = "all of them list" if self.listing_other == self.orders else f"{n.number(self.listing_other)} of them list"
            lines.append(f"Instead: {some} their "
                         f"{_COLUMN[other]}, so I can rank {_WHAT[other].replace('y', 'ie')}s: ask “{ask}” "
                         f"(`{command}`).")
        else:
            lines.append("Instead: nothing in these orders says what was bought; revenue and orders in total "
                         "and by channel, segment, city or region are the KPIs' (“what was our revenue last "
                         "month?”).")
        lines.append(f"To rank by {what}: {_ADD[self.by]}.")
        return "\n".join(lines)


def unavailable(by: str, measure: str, period_label: str, orders: int, first: dt.date | None, last: dt.date | None,
                listing_other: int, params: dict, currency: str, locale: str | None) -> ProductSalesUnavailable:
    col = _COLUMN[by]
    prov = Provenance(
        tool="product_sales",
        definition=f"orders loaded, checked for a listed {_WHAT[by]} (the orders' `{col}` column): none has one",
        params=params, period_label=period_label, tables=("orders",),
        row_counts={"orders": orders, f"orders listing {col}": 0,
                    f"orders listing {_COLUMN['product' if by == 'product_category' else 'product_category']}":
                        listing_other},
    )
    return ProductSalesUnavailable(by, measure, period_label, orders, first, last, listing_other, prov,
                                   currency, locale)
