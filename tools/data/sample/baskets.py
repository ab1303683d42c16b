"""What customers buy: the catalogs, the kinds of order (who buys what, how many lines), a
basket per order, and the book the drawn orders go into until orders.py finishes them."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

# Kinds of order: regular in store or online, parent online or in store, gift, catering, and a
# party planner's everyday purchase in store. KINDS below says what each buys.
K_REG_INSTORE, K_REG_ONLINE, K_PAR_ONLINE, K_PAR_INSTORE, K_GIFT, K_CATER, K_PLAN_INSTORE = range(7)

# (product, price in GBP, popularity weight)
CAFE = [
    ("flat white", 3.40, 3.0),
    ("cappuccino", 3.40, 2.0),
    ("filter coffee", 2.80, 1.5),
    ("pot of tea", 2.60, 1.0),
    ("croissant", 2.60, 2.5),
    ("pain au chocolat", 2.90, 1.5),
    ("cinnamon bun", 3.20, 2.0),
    ("cheese scone", 2.90, 1.0),
    ("sausage roll", 3.50, 1.2),
    ("sandwich", 6.50, 1.5),
    ("soup of the day", 5.80, 0.8),
    ("vegan banana bread", 3.20, 0.6),
    ("gluten-free brownie", 3.50, 0.6),
]
FAMILY = [
    ("sourdough loaf", 5.20, 3.0),
    ("seeded rye", 5.50, 1.2),
    ("focaccia", 4.80, 1.2),
    ("croissants (4)", 10.00, 1.5),
    ("cinnamon buns (4)", 11.50, 2.0),
    ("kids' cupcakes (4)", 9.00, 1.5),
    ("sausage rolls (4)", 12.00, 1.2),
    ("brownie box", 12.00, 1.0),
    ("granola", 7.50, 0.6),
    ("gluten-free loaf", 6.50, 0.5),
    ("vegan cookies (6)", 9.50, 0.5),
]
GIFTS = [
    ("afternoon tea box", 34.00, 2.0),
    ("brownie gift box", 24.00, 2.5),
    ("cookie tin", 18.00, 2.0),
    ("hamper", 48.00, 1.0),
    ("celebration cake (6 inch)", 32.00, 1.2),
    ("vegan treat box", 26.00, 0.6),
    ("gluten-free treat box", 26.00, 0.6),
]
CATERING = [
    ("celebration cake", 85.00, 2.0),
    ("custom tiered cake", 220.00, 1.0),
    ("sandwich platter (serves 10)", 45.00, 2.0),
    ("mini pastry platter", 38.00, 1.5),
    ("grazing box", 60.00, 1.2),
    ("cupcakes (dozen)", 30.00, 1.2),
]
KINDS = {  # kind: (catalog, line-count probabilities, max extra quantity, P(extra))
    K_REG_INSTORE: (CAFE, [0.55, 0.40, 0.05], 1, 0.10),
    K_REG_ONLINE: (CAFE, [0.0, 0.6, 0.4], 1, 0.20),
    K_PAR_ONLINE: (FAMILY, [0.15, 0.40, 0.30, 0.15], 1, 0.25),
    K_PAR_INSTORE: (CAFE, [0.30, 0.50, 0.20], 1, 0.30),
    K_GIFT: (GIFTS, [0.80, 0.20], 1, 0.05),
    K_CATER: (CATERING, [0.40, 0.40, 0.20], 3, 0.35),
    K_PLAN_INSTORE: (CAFE, [0.40, 0.45, 0.15], 1, 0.20),
}


class Basket(NamedTuple):
    amount: np.ndarray  # GBP, rounded to pence
    items: np.ndarray
    products: np.ndarray  # "croissant, flat white"


def basket(rng: np.random.Generator, kind: int, n: int) -> Basket:
    """n baskets of one kind: distinct products per basket, a quantity per line."""
    catalog, line_p, max_extra, p_extra = KINDS[kind]
    names = np.array([x[0] for x in catalog])
    prices = np.array([x[1] for x in catalog])
    w = np.array([x[2] for x in catalog])
    n_lines = 1 + rng.choice(len(line_p), size=n, p=line_p)
    amount = np.zeros(n)
    items = np.zeros(n, np.int64)
    products = np.full(n, "", dtype=object)
    chosen = []
    for line in range(len(line_p)):
        prod = rng.choice(len(catalog), size=n, p=w / w.sum())
        qty = 1 + rng.binomial(max_extra, p_extra, n)
        active = line < n_lines
        # a product drawn again for a later line is dropped, so baskets have distinct lines
        for prev in chosen:
            active &= prod != prev
        chosen.append(np.where(active, prod, -1))
        amount += np.where(active, prices[prod] * qty, 0)
        items += np.where(active, qty, 0)
        label = names[prod].astype(object)
        products = np.where(
            active, np.where(products == "", label, products + ", " + label), products
        )
    return Basket(np.round(amount, 2), items, products)


_FIELDS = ("c", "t", "kind", "och", "ful", "amount", "items", "products", "ful_t")


class OrderBook:
    """The orders of a chunk as behaviours draw them: customer, time, kind, order channel,
    fulfilment, basket and (catering only) a fixed fulfilment time."""

    def __init__(self) -> None:
        self._parts: list[dict[str, np.ndarray]] = []

    def add(self, c, t, kind, och, ful, amount, items, products, ful_t=None) -> None:
        n = len(c)
        if n == 0:
            return
        self._parts.append(
            {
                "c": np.asarray(c, np.int64),
                "t": np.asarray(t, np.int64),
                "kind": np.broadcast_to(np.asarray(kind, np.int64), (n,)).copy(),
                "och": np.broadcast_to(np.asarray(och, np.int64), (n,)).copy(),
                "ful": np.broadcast_to(np.asarray(ful, np.int64), (n,)).copy(),
                "amount": np.asarray(amount, float),
                "items": np.asarray(items, np.int64),
                "products": np.asarray(products, object),
                "ful_t": np.full(n, -1, np.int64) if ful_t is None else np.asarray(ful_t, np.int64),
            }
        )

    def drawn(self) -> dict[str, np.ndarray]:
        """All orders added so far, column by column, in the order they were added."""
        if not self._parts:
            empty = {k: np.zeros(0, np.int64) for k in _FIELDS}
            empty["amount"] = np.zeros(0)
            empty["products"] = np.zeros(0, object)
            return empty
        return {k: np.concatenate([x[k] for x in self._parts]) for k in _FIELDS}
