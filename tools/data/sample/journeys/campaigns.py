"""Email campaigns: the fortnightly newsletter and two promotions go to the customers who opted
in; some open, a few click through to the shop, and some of those order."""

from __future__ import annotations

import numpy as np

from tools.data.sample.baskets import K_CATER, K_GIFT, K_PAR_ONLINE, K_REG_ONLINE, basket
from tools.data.sample.codes import (
    CH,
    DAY,
    DELIVERY,
    GIFT,
    HOUR,
    ONLINE,
    PARENT,
    PICKUP,
    PLANNER,
    REGULAR,
    TP,
)
from tools.data.sample.context import ChunkContext
from tools.data.sample.web_sessions import sessions

_OPEN_P = np.array([0.35, 0.45, 0.30, 0.20, 0.0])  # by planted type
# how far a click-through gets in the shop (browse, cart, checkout, order), by type
_DEPTH_P = {
    PARENT: [0.55, 0.15, 0.10, 0.20],
    REGULAR: [0.82, 0.0, 0.0, 0.18],
    PLANNER: [1.0, 0, 0, 0],
    GIFT: [0.60, 0.20, 0.12, 0.08],
}
# what a click-through orders, by type (planners browse only)
_KIND = ((PARENT, K_PAR_ONLINE), (REGULAR, K_REG_ONLINE), (PLANNER, None), (GIFT, K_GIFT))


def campaign_emails(cx: ChunkContext, opt_in: np.ndarray) -> None:
    rng = cx.rng
    ctype, first_day, last_day = cx.customers.ctype, cx.customers.first_day, cx.customers.last_day
    for day in cx.tl.campaigns:
        # recipients: opted in, known before the send and active in the last two months
        rec = np.nonzero(opt_in & (first_day < day) & (last_day >= day - 60))[0]
        if len(rec) == 0:
            continue
        send = day * DAY + 10 * HOUR + rng.integers(0, 900, len(rec))
        cx.events.emit(rec, send, TP["email_send"], CH["email"])
        op = rng.random(len(rec)) < _OPEN_P[ctype[rec]]
        oc = rec[op]
        ot = (
            send[op] + np.minimum(rng.exponential(5 * HOUR, len(oc)), 3 * DAY).astype(np.int64) + 60
        )
        cx.events.emit(oc, ot, TP["email_open"], CH["email"])
        cl = rng.random(len(oc)) < 0.16
        cc, ct = oc[cl], ot[cl] + rng.integers(5, 120, int(cl.sum()))
        for ty, kind in _KIND:
            m = ctype[cc] == ty
            c, t = cc[m], ct[m]
            if len(c) == 0:
                continue
            depth = rng.choice(4, size=len(c), p=_DEPTH_P[ty])
            amt, items, prods = basket(rng, kind if kind is not None else K_CATER, len(c))
            dep, end, _ = sessions(
                cx,
                c,
                t,
                np.full(len(c), CH["email"], np.int16),
                rng.poisson(1.0, len(c)),
                depth,
                amt,
                "shop",
            )
            ok = dep == 3
            if kind is None or not ok.any():
                continue
            if ty == GIFT:
                ful = np.where(rng.random(len(c)) < 0.85, DELIVERY, PICKUP)
            elif ty == PARENT:
                ful = np.where(rng.random(len(c)) < 0.85, PICKUP, DELIVERY)
            else:
                ful = np.full(len(c), PICKUP)
            cx.orders.add(c[ok], end[ok], kind, ONLINE, ful[ok], amt[ok], items[ok], prods[ok])
