"""Prospects: anonymous visitors who browse and leave and never buy; most arrive online (the
TikTok burst brings many), some meet the shop at a market stall or through a flyer."""

from __future__ import annotations

import numpy as np

from tools.data.sample.codes import CH, PROSPECT, TP
from tools.data.sample.context import ChunkContext
from tools.data.sample.web_sessions import sessions


def prospects(cx: ChunkContext, first_t: np.ndarray, acq: np.ndarray) -> np.ndarray:
    """Draw the prospects' journeys; returns `acq` with the offline first touches filled in."""
    rng = cx.rng
    acq = acq.copy()
    pr = np.nonzero(cx.customers.ctype == PROSPECT)[0]
    n = len(pr)
    if n == 0:
        return acq
    offline = rng.random(n) < 0.12
    fday = cx.customers.first_day[pr]
    # offline first touch: a market stall or a flyer
    off = pr[offline]
    tp = np.where(rng.random(len(off)) < 0.6, TP["local_event"], TP["flyer"])
    och = np.where(tp == TP["local_event"], CH["in_store"], CH["direct"])
    cx.events.emit(off, first_t[off], tp, och)
    acq[off] = och
    # first web session at first_seen for online arrivals, with the acquisition channel
    on = pr[~offline]
    ch = acq[on].astype(np.int16)
    extra = rng.poisson(np.where(offline, 1.0, 0.8))
    eid = np.repeat(np.arange(n), extra)
    eday = fday[eid] + 1 + rng.geometric(0.15, len(eid))
    ech = cx.channels(eday, {"direct": 0.45, "search": 0.25, "instagram": 0.2, "facebook": 0.1})
    c = np.concatenate([on, pr[eid]])
    t = np.concatenate([first_t[on], cx.clock(eday, "broad")])
    ch = np.concatenate([ch, ech]).astype(np.int16)
    depth = rng.choice(3, size=len(c), p=[0.86, 0.09, 0.05])
    views = rng.poisson(0.65, len(c))
    amt = np.round(rng.gamma(3, 9, len(c)), 2)
    sessions(cx, c, t, ch, views, depth, amt, "prospect", 0.35)
    # some keep engaging on social media
    eng = rng.poisson(0.8, n)
    gid = np.repeat(np.arange(n), eng)
    gday = fday[gid] + rng.integers(0, 40, len(gid))
    gch = cx.channels(gday, {"instagram": 0.7, "facebook": 0.3}, 2.0)
    cx.events.emit(pr[gid], cx.clock(gday, "evening"), TP["social_engagement"], gch)
    return acq
