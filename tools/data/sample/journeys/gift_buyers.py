"""Gift buyers: occasional gift boxes for delivery, found through search and ads, with peaks
before the gift seasons; a purchase is a mission of a few sessions over a few days, and many
end in an abandoned cart."""

from __future__ import annotations

import numpy as np

from tools.data.sample.baskets import K_GIFT, basket
from tools.data.sample.codes import DELIVERY, GIFT, ONLINE, PICKUP
from tools.data.sample.context import ChunkContext
from tools.data.sample.web_sessions import sessions


def gift_buyers(cx: ChunkContext) -> None:
    tl, cust = cx.tl, cx.customers
    gb = np.nonzero(cust.ctype == GIFT)[0]
    dayw = tl.gift_season * np.where(tl.weekend_d, 1.4, 1.0) * tl.growth
    c, d = cx.poisson_days(gb, cust.het[gb] * 1.6 / tl.days, dayw)
    _missions(cx, c, d)


def _missions(cx: ChunkContext, c, d) -> None:
    """One mission per (customer, day): 1+ sessions on that day and the next few; half end in
    an order on the last session."""
    rng = cx.rng
    n_s = 1 + rng.poisson(0.9, len(c))
    conv = rng.random(len(c)) < 0.5
    mid = np.repeat(np.arange(len(c)), n_s)
    starts = np.cumsum(n_s) - n_s
    j = np.arange(len(mid)) - starts[mid]
    gap = rng.integers(0, 3, len(mid))
    gap[j == 0] = 0
    cg = np.cumsum(gap)
    day = d[mid] + cg - cg[starts][mid]
    last = j == n_s[mid] - 1
    depth = np.where(
        last & conv[mid],
        3,
        np.where(
            last,
            rng.choice(3, size=len(mid), p=[0.25, 0.40, 0.35]),
            rng.choice(3, size=len(mid), p=[0.60, 0.30, 0.10]),
        ),
    )
    first = j == 0
    ch = np.where(
        first,
        cx.channels(day, {"search": 0.45, "facebook": 0.2, "instagram": 0.25, "direct": 0.1}),
        cx.channels(day, {"direct": 0.55, "search": 0.35, "instagram": 0.1}, 0.3),
    ).astype(np.int16)
    amt, items, prods = basket(rng, K_GIFT, len(c))
    t = cx.clock(day, "gift_wd", "gift_we")
    views = np.where(first, rng.poisson(2.0, len(mid)), 1 + rng.poisson(2.5, len(mid)))
    depth, end, _ = sessions(
        cx, c[mid], t, ch, views, depth, amt[mid], "gift", np.where(first, 0.55, 0.1)
    )
    ok = depth == 3
    ful = np.where(rng.random(len(mid)) < 0.85, DELIVERY, PICKUP)
    m = mid[ok]
    cx.orders.add(c[m], end[ok], K_GIFT, ONLINE, ful[ok], amt[m], items[m], prods[m])
