"""Busy local parents: online orders for pickup on weekday late afternoons (found through
instagram and search), quick menu look-ups, weekend visits to the shop, social media."""

from __future__ import annotations

import numpy as np

from tools.data.sample.baskets import K_PAR_INSTORE, K_PAR_ONLINE, basket
from tools.data.sample.codes import (
    CH,
    DAY,
    DELIVERY,
    HOUR,
    IN_STORE,
    ONLINE,
    PARENT,
    PICKUP,
    STORE,
    TP,
)
from tools.data.sample.context import ChunkContext
from tools.data.sample.web_sessions import info_sessions, sessions


def busy_local_parents(cx: ChunkContext) -> None:
    rng, tl, cust = cx.rng, cx.tl, cx.customers
    D = tl.days
    par = np.nonzero(cust.ctype == PARENT)[0]
    het = cust.het
    wk = np.array([1.15, 1.15, 1.15, 1.15, 1.1, 0.55, 0.7])  # Monday .. Sunday
    dayw = wk[tl.wd] * tl.growth
    # orders online, and visits that stop short of one
    c, d = cx.poisson_days(par, het[par] / 34, dayw)
    shop_sessions(cx, c, d, depth=np.full(len(c), 3))
    c, d = cx.poisson_days(par, het[par] / 40, dayw)
    dep = rng.choice(3, size=len(c), p=[0.70, 0.18, 0.12])
    shop_sessions(cx, c, d, depth=dep)
    # opening hours, menu: often one page
    c, d = cx.poisson_days(par, np.full(len(par), 1 / 35), dayw)
    info_sessions(cx, c, d, "parent_wd", "parent_we")
    # in the shop, mostly at weekends
    c, d = cx.poisson_days(par, het[par] / 70, np.where(tl.weekend_d, 2.2, 0.6))
    t = cx.clock(d, "parent_shop_wd", "parent_shop_we")
    amt, items, prods = basket(rng, K_PAR_INSTORE, len(c))
    cx.events.emit(c, t, TP["instore_purchase"], CH["in_store"], val=amt)
    cx.orders.add(c, t, K_PAR_INSTORE, STORE, IN_STORE, amt, items, prods)
    c, d = cx.poisson_days(par, np.full(len(par), 1 / 45), np.ones(D))
    ch = cx.channels(d, {"instagram": 0.75, "facebook": 0.25})
    cx.events.emit(c, cx.clock(d, "evening"), TP["social_engagement"], ch)
    c, d = cx.poisson_days(par, np.full(len(par), 1 / 150), np.ones(D))
    cx.events.emit(c, cx.clock(d, "office"), TP["phone_call"], CH["phone"])


def shop_sessions(cx: ChunkContext, c, d, depth) -> None:
    """Online shop visits; those that reach depth 3 become pickup (mostly) or delivery orders."""
    rng = cx.rng
    t = cx.clock(d, "parent_wd", "parent_we")
    t = np.minimum(t, d * DAY + 22 * HOUR)
    ch = cx.channels(
        d,
        {
            "instagram": 0.33,
            "search": 0.25,
            "direct": 0.30,
            "facebook": 0.08,
            "word_of_mouth": 0.04,
        },
        0.6,
    )
    ch[ch == CH["word_of_mouth"]] = CH["direct"]
    amt, items, prods = basket(rng, K_PAR_ONLINE, len(c))
    views = np.where(depth == 3, 1 + rng.poisson(1.4, len(c)), rng.poisson(0.9, len(c)))
    depth, end, _ = sessions(cx, c, t, ch, views, depth, amt, "shop", 0.2)
    ok = depth == 3
    ful = np.where(rng.random(len(c)) < 0.80, PICKUP, DELIVERY)
    cx.orders.add(c[ok], end[ok], K_PAR_ONLINE, ONLINE, ful[ok], amt[ok], items[ok], prods[ok])
