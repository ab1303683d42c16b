"""Orders: the orders drawn by the journeys get their fulfilment (pickup time, delivery on the
promised day or late in the shipping delay), a status, receipts, pickup and delivery events,
and become the orders table."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from tools.data.sample.baskets import K_CATER, K_REG_ONLINE
from tools.data.sample.codes import (
    CH,
    DAY,
    DELIVERY,
    FULFILMENTS,
    HOUR,
    IN_STORE,
    NO_CH,
    ORDER_CHANNELS,
    PICKUP,
    STORE,
    TP,
)
from tools.data.sample.context import ChunkContext
from tools.data.sample.formatting import iso_np, money
from tools.data.sample.incidents import SHIPPING_LATE

STATUSES = ("completed", "pending", "cancelled", "refunded")


@dataclass(frozen=True, eq=False)
class Orders:
    """The orders of a chunk inside the period, by time; one entry per order in every array.

    Surveys and tickets are drawn from these (who ordered what, when, and what went wrong).
    """

    c: np.ndarray  # customer (chunk position)
    t: np.ndarray  # when ordered
    kind: np.ndarray  # order kind (baskets.K_*)
    ful: np.ndarray  # PICKUP, DELIVERY or IN_STORE
    ful_t: np.ndarray  # when collected or delivered
    late: np.ndarray  # delivered late
    spell: np.ndarray  # due in the shipping delay
    promised: np.ndarray  # promised delivery time, -1 if not a delivery
    status: np.ndarray  # index into STATUSES
    order_id: np.ndarray
    och: np.ndarray  # ONLINE, STORE or PHONE
    table: pd.DataFrame  # the orders file's rows


def finish_orders(cx: ChunkContext) -> Orders:
    rng, tl = cx.rng, cx.tl
    D = tl.days
    o = cx.orders.drawn()
    t = o["t"]
    keep = (t >= 0) & (t < tl.end_t)
    o = {k: v[keep] for k, v in o.items()}
    order = np.lexsort((o["c"], o["t"]))
    o = {k: v[order] for k, v in o.items()}
    n = len(o["c"])
    c, t, kind, ful = o["c"], o["t"], o["kind"], o["ful"]
    delivery_fee = (ful == DELIVERY) & (kind != K_CATER)
    o["amount"] = np.round(o["amount"] + np.where(delivery_fee, 4.95, 0.0), 2)
    day = t // DAY
    hour = (t % DAY) // HOUR
    # when the order is collected or delivered
    ful_t = o["ful_t"].copy()
    promised = np.full(n, -1, np.int64)
    pick = (ful == PICKUP) & (ful_t < 0)
    same = (hour >= 11) & (hour < 17)
    pick_same = t + rng.integers(45 * 60, 120 * 60, n)
    pick_next = (day + 1) * DAY + 15 * HOUR + rng.integers(0, 3 * HOUR, n)
    pick_reg = t + rng.integers(10 * 60, 25 * 60, n)
    ful_t = np.where(
        pick & (kind == K_REG_ONLINE),
        pick_reg,
        np.where(pick & same, pick_same, np.where(pick, pick_next, ful_t)),
    )
    dlv = (ful == DELIVERY) & (o["ful_t"] < 0)
    pday = day + 1
    pday = pday + ((tl.start_wd + pday) % 7 == 6)  # no deliveries on Sundays
    promised_t = pday * DAY + 10 * HOUR + rng.integers(0, 7 * HOUR, n)
    spell = tl.incidents.ship_day[np.clip(pday, 0, D - 1)]  # deliveries due in the spell
    late_days = np.where(
        spell & (rng.random(n) < SHIPPING_LATE),
        rng.integers(2, 6, n),
        np.where(rng.random(n) < 0.06, 1, 0),
    )
    late = dlv & (late_days > 0)
    promised = np.where(dlv, promised_t, promised)
    ful_t = np.where(dlv, promised_t + late_days * DAY, ful_t)
    # catering deliveries can be late in the spell as well (by hours)
    cat_late = (
        (kind == K_CATER)
        & (ful == DELIVERY)
        & tl.incidents.ship_day[np.clip(ful_t // DAY, 0, D - 1)]
        & (rng.random(n) < 0.5)
    )
    ful_t = np.where(cat_late, ful_t + rng.integers(2 * HOUR, 6 * HOUR, n), ful_t)
    late |= cat_late
    ful_t = np.where(ful == IN_STORE, t, ful_t)
    # status
    u = rng.random(n)
    instore = ful == IN_STORE
    status = np.full(n, 0)  # completed
    status[~instore & (u < 0.02)] = 2  # cancelled
    refund_p = np.where(late, 0.14, 0.02)
    status[~instore & (u >= 0.02) & (u < 0.02 + refund_p)] = 3  # refunded
    status[instore & (u < 0.005)] = 3
    status[~instore & (ful_t >= tl.end_t) & (status != 2)] = 1  # pending: not yet fulfilled
    cancelled = status == 2
    done = ~cancelled & (status != 1) & ~instore
    # fulfilment and receipt events
    m = done & (ful == PICKUP)
    cx.events.emit(c[m], ful_t[m], TP["order_pickup"], CH["in_store"])
    m = done & (ful == DELIVERY)
    cx.events.emit(c[m], ful_t[m], TP["delivery"], NO_CH)
    m = o["och"] != STORE
    cx.events.emit(
        c[m], t[m] + rng.integers(20, 120, int(m.sum())), TP["receipt_email"], CH["email"]
    )
    # delivery stats
    dm = (ful == DELIVERY) & done & (kind != K_CATER) & (pday < D)
    cx.stats.deliveries += np.bincount(pday[dm], minlength=D)
    cx.stats.deliveries_late += np.bincount(pday[dm & late], minlength=D)
    ids = cx.counters.orders + 1 + np.arange(n)
    cx.counters.orders += n
    order_id = np.strings.add("O", np.strings.zfill(ids.astype(str), 7))
    table = pd.DataFrame(
        {
            "order_id": order_id,
            "customer_id": cx.customers.ids[c],
            "ts": iso_np(tl, t),
            "amount": money(o["amount"]),
            "status": np.array(STATUSES)[status],
            "items": o["items"],
            "channel": np.array(ORDER_CHANNELS)[o["och"]],
            "fulfilment": np.array(FULFILMENTS)[ful],
            "products": o["products"].astype(str),
        }
    )
    return Orders(
        c=c,
        t=t,
        kind=kind,
        ful=ful,
        ful_t=ful_t,
        late=late,
        spell=spell,
        promised=promised,
        status=status,
        order_id=order_id,
        och=o["och"],
        table=table,
    )
