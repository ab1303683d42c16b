"""One chunk of customers, start to finish: draw the customers, walk every planted type through
its journey, finish orders, surveys and tickets, and return the chunk's rows of every file.

The order of the steps is the order of the random draws: moving one changes every file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import pyarrow as pa

from tools.data.sample.context import ChunkContext
from tools.data.sample.counters import DailyStats, IdCounters
from tools.data.sample.customers import (
    OPT_IN,
    acquisition_channels,
    customer_ids,
    customers_table,
    draw_customers,
    first_touches,
)
from tools.data.sample.ground_truth import truth_table
from tools.data.sample.journeys.campaigns import campaign_emails
from tools.data.sample.journeys.gift_buyers import gift_buyers
from tools.data.sample.journeys.parents import busy_local_parents
from tools.data.sample.journeys.planners import (
    draw_projects,
    first_days_with_projects,
    party_planners,
)
from tools.data.sample.journeys.prospects import prospects
from tools.data.sample.journeys.regulars import weekday_regulars
from tools.data.sample.orders import finish_orders
from tools.data.sample.surveys import make_surveys
from tools.data.sample.texts.composer import TextComposer
from tools.data.sample.tickets import make_tickets
from tools.data.sample.timeline import Timeline
from tools.data.sample.web_sessions import failed_checkouts


@dataclass(frozen=True, eq=False)
class ChunkTables:
    """The rows one chunk adds to each file."""

    customers: pd.DataFrame
    events: pa.Table
    orders: pd.DataFrame
    surveys: pd.DataFrame
    tickets: pd.DataFrame
    truth: pd.DataFrame


def generate_chunk(
    tl: Timeline,
    *,
    seed: int,
    fmt: str,
    k: int,
    g0: int,
    n: int,
    id_width: int,
    counters: IdCounters,
    stats: DailyStats,
) -> ChunkTables:
    """Chunk k: customers g0 .. g0 + n - 1, seeded from (seed, k) alone so that chunks do not
    depend on each other's draws (only on the running ids and stats)."""
    rng = np.random.default_rng(np.random.SeedSequence([seed, 7919, k]))
    composer = TextComposer(int(rng.integers(0, 2**62)))
    cust = draw_customers(rng, tl, customer_ids(g0, n, id_width))
    acq = acquisition_channels(rng, tl, cust)
    projects = draw_projects(rng, tl, cust.ctype)
    cust = replace(cust, first_day=first_days_with_projects(cust, projects, tl.days))
    cx = ChunkContext(rng=rng, tl=tl, customers=cust, counters=counters, stats=stats)
    # first seen: acquisition time for new customers
    first_t = cx.clock(cust.first_day, "broad")
    first_touches(cx.events, cust, first_t, acq)

    busy_local_parents(cx)
    weekday_regulars(cx)
    planner_tickets = party_planners(cx, projects)
    gift_buyers(cx)
    acq = prospects(cx, first_t, acq)
    opt_in = rng.random(n) < OPT_IN[cust.ctype]  # newsletter, NPS waves, customers table
    campaign_emails(cx, opt_in)

    orders = finish_orders(cx)
    failed = failed_checkouts(cx)
    surveys = make_surveys(cx, composer, orders, failed, opt_in)
    tickets = make_tickets(cx, composer, orders, failed, planner_tickets, first_t)

    events = cx.events.table(tl, cust.ids, stats, fmt)
    # first seen is the earliest of the acquisition and the first event in the files
    first_seen = np.where(cust.first_day >= 0, np.minimum(first_t, events.first_event_t), first_t)
    return ChunkTables(
        customers=customers_table(rng, tl, cust, first_seen, acq, opt_in),
        events=events.table,
        orders=orders.table,
        surveys=surveys,
        tickets=tickets,
        truth=truth_table(cust),
    )
