"""Web sessions: the funnel every online visit walks (arrival, website_visit, page views,
add_to_cart, checkout_start, order_placed), with the checkout breakage turning orders away."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from tools.data.sample.codes import CH, DAY, TP
from tools.data.sample.context import ChunkContext
from tools.data.sample.incidents import CHECKOUT_FAIL

VIEW_CODES = np.array([TP["product_view"], TP["menu_view"], TP["page_view"], TP["reviews_read"]])
VIEW_MIX = {  # share of product, menu, page and review views, by what the visitor came for
    "shop": [0.60, 0.20, 0.15, 0.05],
    "gift": [0.70, 0.05, 0.10, 0.15],
    "menu": [0.25, 0.60, 0.10, 0.05],
    "plan": [0.35, 0.25, 0.15, 0.25],
    "prospect": [0.45, 0.25, 0.20, 0.10],
}
# The funnel steps after the views, by depth (depth 0 has none).
_STEPS = np.array([-1, TP["add_to_cart"], TP["checkout_start"], TP["order_placed"]], dtype=np.int16)


class SessionOutcome(NamedTuple):
    depth: np.ndarray  # how far each session got (3 = order placed)
    end: np.ndarray  # time of its last event
    numbers: np.ndarray  # session numbers (S00000042)


def sessions(
    cx: ChunkContext,
    c,
    t0,
    ch,
    n_views,
    depth,
    value,
    mix: str,
    ad_share=0.25,
    tail=None,
) -> SessionOutcome:
    """Web sessions: [arrival] website_visit, views, add_to_cart, checkout_start, order_placed.

    depth 0 browse, 1 add to cart, 2 checkout started, 3 order placed. The checkout breakage
    turns depth 3 into 2 for CHECKOUT_FAIL of the sessions in its week (recorded in
    cx.failed). `tail` is an extra last touchpoint per session (e.g. quote_request), or -1.
    """
    rng = cx.rng
    n = len(c)
    c = np.asarray(c, np.int64)
    t0 = np.asarray(t0, np.int64)
    depth = np.asarray(depth, np.int64).copy()
    n_views = np.asarray(n_views, np.int64).copy()
    n_views[(depth > 0) & (n_views == 0)] = 1
    day = np.clip(t0 // DAY, 0, cx.tl.days - 1)
    failed = (depth == 3) & cx.tl.incidents.fail_day[day] & (rng.random(n) < CHECKOUT_FAIL)
    depth[failed] = 2
    # arrival event before the first page: organic or paid, by channel
    ad = rng.random(n) < ad_share
    pre = np.full(n, -1, np.int16)
    pre[ch == CH["search"]] = TP["search_result"]
    social = np.isin(ch, [CH["instagram"], CH["facebook"], CH["tiktok"]])
    pre[social] = TP["social_referral"]
    pre[(social | (ch == CH["search"])) & ad] = TP["ad_click"]
    pre[ch == CH["email"]] = TP["email_click"]
    has_pre = (pre >= 0).astype(np.int64)
    tail = np.full(n, -1, np.int16) if tail is None else np.asarray(tail, np.int16)
    has_tail = (tail >= 0).astype(np.int64)
    # one row per event: session sid, position pos inside it
    L = has_pre + 1 + n_views + depth + has_tail
    total = int(L.sum())
    sid = np.repeat(np.arange(n), L)
    starts = np.cumsum(L) - L
    pos = np.arange(total) - np.repeat(starts, L)
    p = pos - has_pre[sid]
    nv = n_views[sid]
    tp = np.empty(total, np.int16)
    m = p == -1
    tp[m] = pre[sid[m]]
    tp[p == 0] = TP["website_visit"]
    m = (p >= 1) & (p <= nv)
    tp[m] = VIEW_CODES[rng.choice(4, size=int(m.sum()), p=VIEW_MIX[mix])]
    k = p - nv
    m = (k >= 1) & (k <= depth[sid])
    tp[m] = _STEPS[k[m]]
    m = k == depth[sid] + 1
    tp[m] = tail[sid[m]]
    gaps = (rng.exponential(55.0, total) + 6).astype(np.int64)
    gaps[pos == 0] = 0
    cs = np.cumsum(gaps)
    t = t0[sid] + cs - cs[starts][sid]
    val = np.full(total, np.nan)
    m = np.isin(tp, _STEPS[1:])
    val[m] = np.asarray(value, float)[sid[m]]
    numbers = cx.counters.sessions + np.arange(n)
    cx.counters.sessions += n
    cx.events.emit(c[sid], t, tp, ch[sid], numbers[sid], val)
    end = t[starts + L - 1]
    cx.failed.append((c[failed], end[failed], ch[failed]))
    return SessionOutcome(depth, end, numbers)


def info_sessions(cx: ChunkContext, c, d, weekday: str, weekend: str) -> None:
    """Quick look-ups (opening hours, today's menu): mostly a single page, i.e. bounces."""
    ch = cx.channels(d, {"search": 0.5, "direct": 0.4, "instagram": 0.1}, 0.3)
    views = np.where(cx.rng.random(len(c)) < 0.7, 0, 1)
    sessions(
        cx,
        c,
        cx.clock(d, weekday, weekend),
        ch,
        views,
        np.zeros(len(c)),
        np.zeros(len(c)),
        "menu",
        0.05,
    )


@dataclass(frozen=True, eq=False)
class FailedCheckouts:
    """Every checkout the breakage turned away in a chunk (payment feedback and tickets)."""

    c: np.ndarray
    t: np.ndarray
    in_week: np.ndarray  # inside the breakage and the period


def failed_checkouts(cx: ChunkContext) -> FailedCheckouts:
    fc = np.concatenate([x[0] for x in cx.failed] or [np.zeros(0, np.int64)])
    ft = np.concatenate([x[1] for x in cx.failed] or [np.zeros(0, np.int64)])
    fday = np.clip(ft // DAY, 0, cx.tl.days - 1)
    in_week = cx.tl.incidents.fail_day[fday] & (ft < cx.tl.end_t)
    return FailedCheckouts(fc, ft, in_week)
