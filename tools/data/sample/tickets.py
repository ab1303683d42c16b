"""Support tickets: why customers write (late or damaged deliveries, waits at pickup, refunds,
website trouble, failed payments, quotes, allergen questions), through which channel, how fast
they are answered (slowly in the shipping backlog), their texts and the tickets table."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from tools.data.sample.baskets import K_PAR_ONLINE, K_REG_INSTORE
from tools.data.sample.codes import (
    CH,
    DAY,
    DELIVERY,
    HOUR,
    IN_STORE,
    ONLINE,
    PARENT,
    PICKUP,
    PLANNER,
    PROSPECT,
    TP,
    TP_NAMES,
    TP_STAGE,
)
from tools.data.sample.context import ChunkContext
from tools.data.sample.formatting import iso_np
from tools.data.sample.journeys.planners import PlannerTickets
from tools.data.sample.orders import Orders
from tools.data.sample.texts.composer import TextComposer
from tools.data.sample.web_sessions import FailedCheckouts

TOPICS = (
    "late_delivery",
    "packaging",
    "pickup_wait",
    "queue",
    "taste",
    "website",
    "prices",
    "staff",
    "payment",
    "quote",
    "order_change",
    "dietary",
)
TO = {name: i for i, name in enumerate(TOPICS)}
TICKET_CHANNELS = ("email", "phone", "chat", "social", "in_store")
TICKET_STATUSES = ("open", "pending", "resolved", "closed")


class _Reason(NamedTuple):
    """Tickets for one reason: who writes and when, about what, through which channels."""

    c: np.ndarray  # customers (chunk positions)
    t: np.ndarray
    topic: int | np.ndarray
    tp: int | np.ndarray  # the touchpoint the ticket is about
    chans: dict[str, float]  # ticket channel mix
    order_idx: np.ndarray | None  # the order each is about (None: not about an order)


def make_tickets(
    cx: ChunkContext,
    composer: TextComposer,
    o: Orders,
    failed: FailedCheckouts,
    planner: PlannerTickets,
    first_t: np.ndarray,
) -> pd.DataFrame:
    reasons = _order_reasons(cx.rng, o) + _customer_reasons(cx, failed, planner)
    return _tickets(cx, composer, o, reasons, first_t)


def _order_reasons(rng: np.random.Generator, o: Orders) -> list[_Reason]:
    """Tickets about an order: late or damaged deliveries, waits, refunds, website, the till."""
    out: list[_Reason] = []
    n_o = len(o.c)
    oi = np.arange(n_o)
    ful, kind, status = o.ful, o.kind, o.status

    def add(m, t, topic, tp, chans) -> None:
        out.append(_Reason(o.c[oi[m]], np.asarray(t, np.int64), topic, tp, chans, oi[m]))

    chans_mail = {"email": 0.55, "phone": 0.2, "chat": 0.15, "social": 0.1}
    # late deliveries (many in the shipping spell), written after the promised time
    late = o.late & (status != 2)
    m = late & (rng.random(n_o) < np.where(o.spell, 0.45, 0.30))
    pt = np.where(o.promised >= 0, o.promised, o.ful_t)
    add(
        m,
        pt[m] + rng.integers(6 * HOUR, 30 * HOUR, int(m.sum())),
        TO["late_delivery"],
        TP["delivery"],
        chans_mail,
    )
    # damaged packaging
    m = (ful == DELIVERY) & (status != 2) & (status != 1) & (rng.random(n_o) < 0.03)
    add(
        m,
        o.ful_t[m] + rng.integers(HOUR, 20 * HOUR, int(m.sum())),
        TO["packaging"],
        TP["delivery"],
        {"email": 0.6, "social": 0.3, "chat": 0.1},
    )
    # waiting at pickup
    m = (ful == PICKUP) & (kind == K_PAR_ONLINE) & (status == 0) & (rng.random(n_o) < 0.035)
    add(
        m,
        o.ful_t[m] + rng.integers(HOUR, 6 * HOUR, int(m.sum())),
        TO["pickup_wait"],
        TP["order_pickup"],
        {"email": 0.4, "social": 0.3, "in_store": 0.2, "chat": 0.1},
    )
    # refunds for quality
    m = (status == 3) & ~o.late & (rng.random(n_o) < 0.5)
    add(
        m,
        o.ful_t[m] + rng.integers(HOUR, 30 * HOUR, int(m.sum())),
        TO["taste"],
        np.where(
            ful[m] == IN_STORE,
            TP["instore_purchase"],
            np.where(ful[m] == PICKUP, TP["order_pickup"], TP["delivery"]),
        ),
        {"email": 0.5, "in_store": 0.3, "phone": 0.2},
    )
    # online orders: changes and website trouble
    m = (o.och == ONLINE) & (rng.random(n_o) < 0.02)
    add(
        m,
        o.t[m] + rng.integers(600, 20 * HOUR, int(m.sum())),
        TO["website"],
        TP["order_placed"],
        {"email": 0.5, "chat": 0.4, "phone": 0.1},
    )
    # regulars: loyalty stamps, prices, staff
    m = (kind == K_REG_INSTORE) & (rng.random(n_o) < 0.007)
    topics = rng.choice([TO["prices"], TO["staff"], TO["queue"]], size=n_o, p=[0.5, 0.25, 0.25])[m]
    add(
        m,
        o.t[m] + rng.integers(600, 8 * HOUR, int(m.sum())),
        topics,
        TP["instore_purchase"],
        {"in_store": 0.5, "email": 0.3, "social": 0.2},
    )
    return out


def _customer_reasons(
    cx: ChunkContext, failed: FailedCheckouts, planner: PlannerTickets
) -> list[_Reason]:
    """Tickets not about one order: failed payments, quotes, order changes, allergens."""
    rng = cx.rng
    D = cx.tl.days
    ctype, first_day = cx.customers.ctype, cx.customers.first_day
    out: list[_Reason] = []
    # failed payments: a few always, many in the checkout week
    fc, ft, in_week = failed.c, failed.t, failed.in_week
    m = rng.random(len(fc)) < np.where(in_week, 0.30, 0.10)
    pay_t = ft[m] + rng.integers(120, 3 * HOUR, int(m.sum()))
    pay_c = fc[m]
    # stray payment problems of customers who did not hit the breakage
    pool = np.nonzero(ctype != PROSPECT)[0]
    base_n = rng.poisson(0.0006 * len(ctype) * D / 180) if len(pool) else 0
    bc = pool[rng.integers(0, max(len(pool), 1), base_n)]
    bday = rng.integers(0, D, base_n)
    ok = first_day[bc] < bday
    bc, bday = bc[ok], bday[ok]
    out.append(
        _Reason(
            np.concatenate([pay_c, bc]),
            np.concatenate([pay_t, cx.clock(bday, "broad")]),
            TO["payment"],
            TP["checkout_start"],
            {"email": 0.5, "chat": 0.3, "phone": 0.1, "social": 0.1},
            None,
        )
    )
    # party planners: chasing quotes and changing orders
    pc, pt = planner.quote
    out.append(
        _Reason(pc, pt, TO["quote"], TP["quote_request"], {"email": 0.6, "phone": 0.4}, None)
    )
    pc, pt = planner.change
    out.append(
        _Reason(pc, pt, TO["order_change"], TP["phone_order"], {"email": 0.5, "phone": 0.5}, None)
    )
    # allergen questions before buying
    asker = np.nonzero(np.isin(ctype, [PARENT, PROSPECT, PLANNER]))[0]
    m = asker[rng.random(len(asker)) < 0.03]
    aday = np.maximum(first_day[m], 0) + rng.integers(0, 30, len(m))
    out.append(
        _Reason(
            m,
            cx.clock(aday, "broad"),
            TO["dietary"],
            TP["product_view"],
            {"chat": 0.5, "email": 0.3, "social": 0.2},
            None,
        )
    )
    return out


def _tickets(
    cx: ChunkContext,
    composer: TextComposer,
    o: Orders,
    reasons: list[_Reason],
    first_t: np.ndarray,
) -> pd.DataFrame:
    """All tickets of the chunk by time: a channel each, response and resolution times, status,
    texts, support events, daily counts, and the tickets table."""
    rng, tl = cx.rng, cx.tl
    D = tl.days
    cs, ts, ths, tps, chs, ords = [], [], [], [], [], []
    for r in reasons:
        c = np.asarray(r.c, np.int64)
        oid = np.full(len(c), -1) if r.order_idx is None else r.order_idx
        if len(c) == 0:
            continue
        keys = list(r.chans)
        p = np.array([r.chans[x] for x in keys])
        ch = np.array([TICKET_CHANNELS.index(x) for x in keys])[
            rng.choice(len(keys), size=len(c), p=p / p.sum())
        ]
        cs.append(c)
        ts.append(np.asarray(r.t, np.int64))
        ths.append(np.broadcast_to(np.asarray(r.topic), (len(c),)).astype(np.int64))
        tps.append(np.broadcast_to(np.asarray(r.tp), (len(c),)).astype(np.int64))
        chs.append(ch)
        ords.append(np.asarray(oid, np.int64))
    if cs:
        c, t, topic, tp, tch, oid = (np.concatenate(x) for x in (cs, ts, ths, tps, chs, ords))
    else:
        c = t = topic = tp = tch = oid = np.zeros(0, np.int64)
    # a customer cannot write before they exist
    t = np.maximum(t, first_t[c] + HOUR)
    keep = (t >= 0) & (t < tl.end_t)
    c, t, topic, tp, tch, oid = c[keep], t[keep], topic[keep], tp[keep], tch[keep], oid[keep]
    order = np.lexsort((c, t))
    c, t, topic, tp, tch, oid = (
        c[order],
        t[order],
        topic[order],
        tp[order],
        tch[order],
        oid[order],
    )
    n = len(c)
    day = t // DAY
    backlog = tl.incidents.ship_day[np.clip(day, 0, D - 1)] & (topic == TO["late_delivery"])
    first = (
        t
        + (np.exp(rng.normal(np.log(np.where(backlog, 14.0, 3.0) * HOUR), 0.7))).astype(np.int64)
        + 300
    )
    resolved = first + (
        np.exp(rng.normal(np.log(np.where(backlog, 48.0, 18.0) * HOUR), 0.8))
    ).astype(np.int64)
    status = np.where(rng.random(n) < 0.75, 2, 3)  # resolved / closed
    status = np.where(resolved >= tl.end_t, 1, status)  # pending
    status = np.where(first >= tl.end_t, 0, status)  # open
    status = np.where((status >= 2) & (rng.random(n) < 0.02), 1, status)
    # texts
    pii = rng.random(n) < np.where(topic == TO["payment"], 0.08, 0.025)
    subjects = np.empty(n, dtype=object)
    texts = np.empty(n, dtype=object)
    order_ids = o.order_id
    for i in range(n):
        subjects[i], texts[i] = composer.ticket(
            TOPICS[topic[i]], str(order_ids[oid[i]]) if oid[i] >= 0 else None, bool(pii[i])
        )
    # stats and events (a ticket in the shop is no support contact)
    cx.stats.tickets += np.bincount(day, minlength=D)
    cx.stats.delivery_tickets += np.bincount(day[topic == TO["late_delivery"]], minlength=D)
    ev = tch != TICKET_CHANNELS.index("in_store")
    ev_tp = np.where(tch == 1, TP["support_call"], TP["support_contact"])
    ev_ch = np.array([CH["email"], CH["phone"], CH["direct"], CH["instagram"], CH["in_store"]])[tch]
    cx.events.emit(c[ev], t[ev], ev_tp[ev], ev_ch[ev])
    ids = cx.counters.tickets + 1 + np.arange(n)
    cx.counters.tickets += n
    return pd.DataFrame(
        {
            "ticket_id": np.strings.add("T", np.strings.zfill(ids.astype(str), 6)),
            "customer_id": cx.customers.ids[c],
            "created_at": iso_np(tl, t),
            "first_response_at": np.where(status == 0, "", iso_np(tl, first)),
            "resolved_at": np.where(status >= 2, iso_np(tl, resolved), ""),
            "channel": np.array(TICKET_CHANNELS)[tch],
            "subject": subjects.astype(str),
            "text": texts.astype(str),
            "status": np.array(TICKET_STATUSES)[status],
            "touchpoint": TP_NAMES[tp],
            "stage": TP_STAGE[tp],
        }
    )
