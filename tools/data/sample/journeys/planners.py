"""Party planners: rare, large catering and celebration-cake orders. Each has projects (a party
on some day); a project brings browsing, a quote request, phone calls, sometimes a tasting, and
usually an order, plus tickets chasing the quote or changing the order."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tools.data.sample.baskets import K_CATER, K_PLAN_INSTORE, basket
from tools.data.sample.codes import (
    CH,
    DAY,
    DELIVERY,
    HOUR,
    IN_STORE,
    ONLINE,
    PHONE,
    PICKUP,
    PLANNER,
    STORE,
    TP,
)
from tools.data.sample.context import ChunkContext
from tools.data.sample.customers import Customers
from tools.data.sample.timeline import Timeline
from tools.data.sample.web_sessions import sessions


@dataclass(frozen=True, eq=False)
class Projects:
    """One row per party: who plans it, its day, when planning starts and how long before."""

    c: np.ndarray  # the planner (chunk position)
    party_day: np.ndarray
    start_day: np.ndarray  # party_day - lead
    lead: np.ndarray  # days of planning


@dataclass(frozen=True, eq=False)
class PlannerTickets:
    """Tickets the planners will write (customers, times): chasing quotes, changing orders."""

    quote: tuple[np.ndarray, np.ndarray]
    change: tuple[np.ndarray, np.ndarray]


def draw_projects(rng: np.random.Generator, tl: Timeline, ctype: np.ndarray) -> Projects:
    """Parties, mostly at weekends, from just before the period to just after it."""
    D = tl.days
    pl = np.nonzero(ctype == PLANNER)[0]
    n_proj = rng.poisson(1.3, len(pl))
    pc = np.repeat(pl, n_proj)
    ew = np.array([0.6, 0.6, 0.6, 0.8, 1.5, 3.0, 1.5])  # Monday .. Sunday
    span = np.arange(-20, D + 30)
    pw = ew[(tl.start_wd + span) % 7]
    E = span[rng.choice(len(span), size=len(pc), p=pw / pw.sum())].astype(np.int64)
    lead = rng.integers(21, 61, len(pc))
    return Projects(c=pc, party_day=E, start_day=E - lead, lead=lead)


def first_days_with_projects(cust: Customers, projects: Projects, days: int) -> np.ndarray:
    """A new party planner first appears when their first project starts."""
    none = np.iinfo(np.int64).max
    first_proj = np.full(len(cust.ctype), none)
    np.minimum.at(first_proj, projects.c, projects.start_day)
    new_pl = ~cust.existing & (first_proj < none)
    return np.where(new_pl, np.minimum(first_proj, days - 1), cust.first_day)


def party_planners(cx: ChunkContext, projects: Projects) -> PlannerTickets:
    tickets = _projects(cx, projects)
    # now and then a coffee in the shop, at weekends
    pl = np.nonzero(cx.customers.ctype == PLANNER)[0]
    c, d = cx.poisson_days(pl, np.full(len(pl), 1 / 150), np.ones(cx.tl.days))
    t = cx.clock(d, "regular_we", "regular_we")
    amt, items, prods = basket(cx.rng, K_PLAN_INSTORE, len(c))
    cx.events.emit(c, t, TP["instore_purchase"], CH["in_store"], val=amt)
    cx.orders.add(c, t, K_PLAN_INSTORE, STORE, IN_STORE, amt, items, prods)
    return tickets


def _projects(cx: ChunkContext, projects: Projects) -> PlannerTickets:
    rng = cx.rng
    pc, E, a0, lead = projects.c, projects.party_day, projects.start_day, projects.lead
    n = len(pc)
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64))
    if n == 0:
        return PlannerTickets(quote=empty, change=empty)
    # browsing sessions during the first 60% of the lead time
    n_s = 1 + rng.poisson(1.5, n)
    pid = np.repeat(np.arange(n), n_s)
    day = a0[pid] + (rng.random(len(pid)) * 0.6 * lead[pid]).astype(np.int64)
    ch = cx.channels(day, {"search": 0.5, "direct": 0.3, "instagram": 0.15, "facebook": 0.05}, 0.4)
    sessions(
        cx,
        pc[pid],
        cx.clock(day, "evening"),
        ch,
        2 + rng.poisson(2.0, len(pid)),
        np.zeros(len(pid)),
        np.zeros(len(pid)),
        "plan",
        0.3,
    )
    # quote request
    q = a0 + (0.5 * lead).astype(np.int64) + rng.integers(-3, 4, n)
    qch = cx.channels(q, {"direct": 0.6, "search": 0.4}, 0.2)
    sessions(
        cx,
        pc,
        cx.clock(q, "office"),
        qch,
        1 + rng.poisson(1.0, n),
        np.zeros(n),
        np.zeros(n),
        "plan",
        0.0,
        tail=np.full(n, TP["quote_request"]),
    )
    # phone calls and tastings
    calls = 1 + rng.binomial(1, 0.5, n)
    cid = np.repeat(np.arange(n), calls)
    lo, hi = q[cid] + 1, np.maximum(E[cid] - 7, q[cid] + 2)
    cday = lo + (rng.random(len(cid)) * (hi - lo)).astype(np.int64)
    cx.events.emit(pc[cid], cx.clock(cday, "office"), TP["phone_call"], CH["phone"])
    taste = rng.random(n) < 0.45
    tday = E - rng.integers(7, 15, n)
    cx.events.emit(pc[taste], cx.clock(tday[taste], "office"), TP["tasting"], CH["in_store"])
    # the order
    conv = rng.random(n) < 0.72
    oday = np.maximum(E - rng.integers(4, 11, n), q + 1)
    online = rng.random(n) < 0.45
    amt, items, prods = basket(rng, K_CATER, n)
    ful = np.where(rng.random(n) < 0.55, DELIVERY, PICKUP)
    ful_t = E * DAY + 9 * HOUR + rng.integers(0, 3 * HOUR, n)
    fee = np.where(ful == DELIVERY, 15.0, 0.0)
    amt = np.round(amt + fee, 2)
    m = conv & online
    idx = np.nonzero(m)[0]
    och = np.full(n, PHONE)
    ot = cx.clock(oday, "office")
    if len(idx):
        och_web = cx.channels(oday[idx], {"direct": 0.7, "email": 0.3}, 0.0)
        dep, end, _ = sessions(
            cx,
            pc[idx],
            ot[idx],
            och_web,
            1 + rng.poisson(1.0, len(idx)),
            np.full(len(idx), 3),
            amt[idx],
            "plan",
            0.0,
        )
        och[idx[dep == 3]] = ONLINE
        ot[idx[dep == 3]] = end[dep == 3]
        # a failed online payment becomes a phone order the next day
        ot[idx[dep != 3]] += DAY
    phone = conv & (och == PHONE)
    cx.events.emit(pc[phone], ot[phone], TP["phone_order"], CH["phone"], val=amt[phone])
    cx.orders.add(
        pc[conv],
        ot[conv],
        K_CATER,
        och[conv],
        ful[conv],
        amt[conv],
        items[conv],
        prods[conv],
        ful_t=ful_t[conv],
    )
    # advocacy after the party
    share = conv & (rng.random(n) < 0.30)
    cx.events.emit(
        pc[share],
        cx.clock(E[share] + rng.integers(1, 4, int(share.sum())), "evening"),
        TP["social_share"],
        CH["instagram"],
    )
    # tickets: chasing quotes and changing orders
    tq = rng.random(n) < 0.50
    quote = (
        pc[tq],
        q[tq] * DAY
        + rng.integers(2, 7, int(tq.sum())) * DAY
        + cx.clock(np.zeros(int(tq.sum()), np.int64), "office"),
    )
    tc = conv & (rng.random(n) < 0.20)
    change = (
        pc[tc],
        (oday[tc] + 1) * DAY + cx.clock(np.zeros(int(tc.sum()), np.int64), "office"),
    )
    return PlannerTickets(quote=quote, change=change)
