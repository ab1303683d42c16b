"""Weekday regulars: very frequent small purchases in the shop on weekday mornings and
lunchtimes, the odd visit without buying, menu look-ups, word of mouth. Some of the established
ones are planted to drift away (buy less and less) from the drift start."""

from __future__ import annotations

import numpy as np

from tools.data.sample.baskets import K_REG_INSTORE, basket
from tools.data.sample.codes import CH, IN_STORE, REGULAR, STORE, TP
from tools.data.sample.context import ChunkContext
from tools.data.sample.web_sessions import info_sessions


def weekday_regulars(cx: ChunkContext) -> None:
    rng, tl, cust = cx.rng, cx.tl, cx.customers
    D = tl.days
    drift = cust.drift
    reg = np.nonzero(cust.ctype == REGULAR)[0]
    rate = 0.27 * rng.gamma(6, 1 / 6, len(reg))
    # a drifting regular's rate follows the drift curve down from the drift start
    dayw = np.where(tl.weekend_d, 0.22, 1.0)[None, :] * np.where(
        drift[reg][:, None], tl.incidents.drift_curve[None, :], 1.0
    )
    c, d = cx.poisson_days(reg, rate, dayw)
    t = cx.clock(d, "regular_wd", "regular_we")
    amt, items, prods = basket(rng, K_REG_INSTORE, len(c))
    cx.events.emit(c, t, TP["instore_purchase"], CH["in_store"], val=amt)
    cx.orders.add(c, t, K_REG_INSTORE, STORE, IN_STORE, amt, items, prods)
    cx.stats.drift_purchases += np.bincount(d[drift[c]], minlength=D)
    cx.stats.drift_customers += int(drift.sum())
    c, d = cx.poisson_days(reg, np.full(len(reg), 0.012), np.where(tl.weekend_d, 0.5, 1.0))
    cx.events.emit(c, cx.clock(d, "regular_wd", "regular_we"), TP["instore_visit"], CH["in_store"])
    c, d = cx.poisson_days(reg, np.full(len(reg), 1 / 40), np.ones(D))
    info_sessions(cx, c, d, "regular_wd", "regular_we")
    c, d = cx.poisson_days(reg, np.full(len(reg), 1 / 160), np.ones(D))
    cx.events.emit(c, cx.clock(d, "regular_wd"), TP["testimonial"], CH["word_of_mouth"])
    c, d = cx.poisson_days(reg, np.full(len(reg), 1 / 220), np.ones(D))
    cx.events.emit(c, cx.clock(d, "evening"), TP["referral_sent"], CH["email"])
