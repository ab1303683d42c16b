"""Surveys: CSAT (sometimes NPS) after orders, relationship NPS waves, and on-site feedback
after a failed payment; the scores follow what happened (a late delivery, a long wait, a
drifting regular), comments pick a theme by situation, and the texts are written."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tools.data.sample.baskets import K_CATER, K_REG_INSTORE
from tools.data.sample.codes import (
    CH,
    DAY,
    DELIVERY,
    GIFT,
    HOUR,
    IN_STORE,
    PARENT,
    PICKUP,
    PLANNER,
    REGULAR,
    TP,
    TP_NAMES,
    TP_STAGE,
)
from tools.data.sample.context import ChunkContext
from tools.data.sample.formatting import iso_np
from tools.data.sample.orders import Orders
from tools.data.sample.texts.composer import TextComposer
from tools.data.sample.web_sessions import FailedCheckouts

THEMES = (
    "taste",
    "pickup_wait",
    "queue",
    "late_delivery",
    "payment",
    "prices",
    "staff",
    "website",
    "custom_cakes",
    "dietary",
    "packaging",
)
TH = {name: i for i, name in enumerate(THEMES)}
# Theme mix of survey comments by situation: 0-6 after an order, 7-10 relationship NPS by type,
# 11 payment failure. Index 4 is a drifting regular.
SURVEY_GROUPS: list[dict[str, float]] = [
    {"custom_cakes": 5, "taste": 2, "prices": 1.5, "packaging": 0.7, "staff": 1, "dietary": 0.5},
    {
        "taste": 3,
        "pickup_wait": 2.5,
        "staff": 1.5,
        "website": 1.5,
        "dietary": 1,
        "prices": 1,
        "packaging": 0.3,
    },
    {"late_delivery": 2, "taste": 2, "packaging": 2, "website": 1, "prices": 1},
    {"taste": 2, "packaging": 2, "staff": 1, "website": 1, "prices": 1},
    {"prices": 4, "taste": 2, "staff": 1.5, "queue": 1.5},
    {"taste": 3, "staff": 3, "prices": 1.5, "queue": 1, "dietary": 0.8},
    {"taste": 3, "staff": 1.5, "prices": 1, "dietary": 1, "queue": 0.5},
    {"taste": 3, "pickup_wait": 2, "website": 2, "staff": 1.5, "dietary": 1.2, "prices": 1.2},
    {"taste": 3, "staff": 3.5, "prices": 1.5, "queue": 0.8, "dietary": 0.7},
    {"custom_cakes": 5, "taste": 2, "prices": 1.5, "staff": 1, "packaging": 0.5},
    {"packaging": 2, "late_delivery": 1.5, "taste": 2, "website": 1.5, "prices": 1.2},
    {"payment": 1, "website": 1},
]
# Lean of a theme: added to the log-odds of a positive comment.
THEME_LEAN = {
    "taste": 1.0,
    "pickup_wait": -0.8,
    "queue": -0.8,
    "late_delivery": -0.3,
    "payment": -1.5,
    "prices": -0.8,
    "staff": 0.8,
    "website": -0.4,
    "custom_cakes": 0.3,
    "dietary": 0.0,
    "packaging": 0.2,
}

Columns = dict[str, np.ndarray]  # one survey per entry: c, t, nps, csat, tp, sch, theme, ...


def make_surveys(
    cx: ChunkContext,
    composer: TextComposer,
    o: Orders,
    failed: FailedCheckouts,
    opt_in: np.ndarray,
) -> pd.DataFrame:
    parts = [_after_orders(cx, o)]
    parts += [_nps_wave(cx, w, opt_in) for w in cx.tl.nps_waves]
    parts.append(_payment_feedback(cx.rng, failed))
    return _answers(cx, composer, parts)


def pick_themes(
    rng: np.random.Generator, weights: list[dict[str, float]], group: np.ndarray
) -> np.ndarray:
    """A theme per survey from the mix of its group (an index into `weights`)."""
    out = np.zeros(len(group), np.int64)
    for g, w in enumerate(weights):
        m = group == g
        if m.any():
            keys = list(w)
            p = np.array([w[k] for k in keys], float)
            out[m] = np.array([TH[k] for k in keys])[
                rng.choice(len(keys), size=int(m.sum()), p=p / p.sum())
            ]
    return out


def _after_orders(cx: ChunkContext, o: Orders) -> Columns:
    """CSAT after an order (a quarter also give NPS): delivered, collected or bought in store."""
    rng = cx.rng
    D = cx.tl.days
    ctype, drift = cx.customers.ctype, cx.customers.drift
    drift_start = cx.tl.incidents.drift_start
    resp_p = np.array([0.04, 0.12, 0.16, 0.06, 0.32, 0.50, 0.05])
    ok = (o.status == 0) | (o.status == 3)
    resp = np.where((o.ful == DELIVERY) & (o.kind != K_CATER), 0.35, resp_p[o.kind])
    take = ok & (rng.random(len(o.c)) < resp)
    idx = np.nonzero(take)[0]
    c = o.c[idx]
    kind, ful, late, spell = o.kind[idx], o.ful[idx], o.late[idx], o.spell[idx]
    t = np.where(
        ful == IN_STORE,
        o.t[idx] + rng.integers(HOUR, 10 * HOUR, len(idx)),
        o.ful_t[idx] + rng.integers(2 * HOUR, 36 * HOUR, len(idx)),
    )
    ty = ctype[c]
    wait = (ful == PICKUP) & (ty == PARENT) & (rng.random(len(idx)) < 0.18)
    queue = (kind == K_REG_INSTORE) & (rng.random(len(idx)) < 0.05)
    recent_drift = drift[c] & (t // DAY >= (drift_start or D))
    mu = np.array([4.1, 4.6, 4.3, 4.2, 3.8])[ty]
    mu = np.where(wait | queue, 2.6, mu)
    mu = np.where(recent_drift, 3.2, mu)
    mu = np.where(late, np.where(spell, 1.7, 2.4), mu)
    csat = np.clip(np.round(rng.normal(mu, 0.85)), 1, 5).astype(np.int64)
    nps = np.clip(np.round(rng.normal(mu * 2.2 - 1.0, 1.4)), 0, 10).astype(np.int64)
    has_nps = rng.random(len(idx)) < 0.25
    tp = np.select(
        [ful == PICKUP, ful == DELIVERY],
        [TP["order_pickup"], TP["delivery"]],
        TP["instore_purchase"],
    )
    sch = np.where(ful == IN_STORE, 2, 0)  # in_store (receipt QR code) or email
    # themes by situation (see SURVEY_GROUPS)
    grp = np.select(
        [
            ty == PLANNER,
            (ty == PARENT) & (ful == PICKUP),
            ful == DELIVERY,
            ty == GIFT,
            recent_drift,
            ty == REGULAR,
        ],
        [0, 1, 2, 3, 4, 5],
        6,
    )
    theme = pick_themes(rng, SURVEY_GROUPS, grp)
    theme = np.where(wait & (rng.random(len(idx)) < 0.85), TH["pickup_wait"], theme)
    theme = np.where(queue & (rng.random(len(idx)) < 0.85), TH["queue"], theme)
    theme = np.where(late & (rng.random(len(idx)) < 0.85), TH["late_delivery"], theme)
    score_pos = np.array([0.03, 0.1, 0.4, 0.85, 0.95])[csat - 1]
    text_p = np.where(late | wait | queue, 0.75, 0.5)
    return dict(
        c=c,
        t=t,
        nps=np.where(has_nps, nps, -1),
        csat=csat,
        tp=tp,
        sch=sch,
        theme=theme,
        grp=grp,
        pos_p=score_pos,
        text=rng.random(len(idx)) < text_p,
        issue=late | wait | queue,
    )


def _nps_wave(cx: ChunkContext, w: int, opt_in: np.ndarray) -> Columns:
    """Relationship NPS sent on day w to customers who opted in and were active lately."""
    rng = cx.rng
    cust = cx.customers
    ctype, drift, first_day, last_day = cust.ctype, cust.drift, cust.first_day, cust.last_day
    drift_start = cx.tl.incidents.drift_start
    resp = np.array([0.30, 0.40, 0.35, 0.20, 0.0])
    m = np.nonzero(
        opt_in & (first_day < w) & (last_day >= w - 30) & (rng.random(len(ctype)) < resp[ctype])
    )[0]
    ty = ctype[m]
    wt = (
        w * DAY
        + 10 * HOUR
        + np.minimum(rng.exponential(30 * HOUR, len(m)), 6 * DAY).astype(np.int64)
    )
    dr = drift[m] & (drift_start is not None and w >= (drift_start or 0) + 14)
    mu = np.array([7.8, 9.2, 8.6, 7.2, 7.0])[ty]
    mu = np.where(dr, 5.8, mu)
    unhappy_planner = (ty == PLANNER) & (rng.random(len(m)) < 0.2)
    mu = np.where(unhappy_planner, 5.0, mu)
    nps = np.clip(np.round(rng.normal(mu, np.where(ty == REGULAR, 1.1, 1.7))), 0, 10).astype(
        np.int64
    )
    grp = np.where(dr, 4, np.array([7, 8, 9, 10, 10])[ty])
    theme = pick_themes(rng, SURVEY_GROUPS, grp)
    pos = np.array([0.08, 0.08, 0.1, 0.1, 0.12, 0.15, 0.3, 0.5, 0.7, 0.88, 0.93])[nps]
    return dict(
        c=m,
        t=wt,
        nps=nps,
        csat=np.full(len(m), -1),
        tp=np.full(len(m), -1),
        sch=np.zeros(len(m), np.int64),
        theme=theme,
        grp=grp,
        pos_p=pos,
        text=rng.random(len(m)) < 0.6,
        issue=dr,
    )


def _payment_feedback(rng: np.random.Generator, failed: FailedCheckouts) -> Columns:
    """On-site feedback after a failed payment in the checkout week."""
    fc, ft, in_week = failed.c, failed.t, failed.in_week
    m = in_week & (rng.random(len(fc)) < 0.12)
    k = int(m.sum())
    csat = np.clip(np.round(rng.normal(1.4, 0.6, k)), 1, 5).astype(np.int64)
    return dict(
        c=fc[m],
        t=ft[m] + rng.integers(30, 300, k),
        nps=np.full(k, -1),
        csat=csat,
        tp=np.full(k, TP["checkout_start"]),
        sch=np.ones(k, np.int64),
        theme=np.full(k, TH["payment"]),
        grp=np.full(k, 11),
        pos_p=np.full(k, 0.03),
        text=rng.random(k) < 0.9,
        issue=np.ones(k, bool),
    )


def _answers(cx: ChunkContext, composer: TextComposer, parts: list[Columns]) -> pd.DataFrame:
    """All answers of the chunk by time: comments written, survey_response and review_posted
    events, delivery CSAT counted per day, and the surveys table."""
    rng, tl = cx.rng, cx.tl
    D = tl.days
    s = {key: np.concatenate([np.asarray(p[key]) for p in parts]) for key in parts[0]}
    keep = (s["t"] < tl.end_t) & (s["t"] >= 0)
    s = {k: v[keep] for k, v in s.items()}
    order = np.lexsort((s["c"], s["t"]))
    s = {k: v[order] for k, v in s.items()}
    n = len(s["c"])
    theme = s["theme"].astype(np.int64)
    lean = np.array([THEME_LEAN[x] for x in THEMES])[theme]
    # late delivery without an issue is praise for punctuality; with one it is a complaint
    pos_p = s["pos_p"].astype(float)
    logit = np.log(pos_p / (1 - pos_p)) + np.where(s["issue"].astype(bool), -2.0, lean)
    positive = rng.random(n) < 1 / (1 + np.exp(-logit))
    second = np.where(
        rng.random(n) < 0.3, pick_themes(rng, SURVEY_GROUPS, s["grp"].astype(np.int64)), -1
    )
    second = np.where(
        (second == theme) | (second == TH["payment"]) | (second == TH["late_delivery"]),
        -1,
        second,
    )
    second_pos = np.where(rng.random(n) < 0.65, ~positive, positive)
    pii = rng.random(n) < 0.03
    has_text = s["text"].astype(bool)
    texts = np.full(n, "", dtype=object)
    w = composer
    for i in np.nonzero(has_text)[0]:
        texts[i] = w.survey(
            THEMES[theme[i]],
            bool(positive[i]),
            THEMES[second[i]] if second[i] >= 0 else None,
            bool(second_pos[i]),
            bool(pii[i]),
        )
    # delivery CSAT stats
    dm = s["tp"].astype(np.int64) == TP["delivery"]
    dday = (s["t"][dm] // DAY).astype(np.int64)
    cx.stats.delivery_csat_sum += np.bincount(
        dday, weights=s["csat"][dm].astype(float), minlength=D
    ).astype(np.int64)
    cx.stats.delivery_csat_n += np.bincount(dday, minlength=D)
    # survey answers are touchpoints too; promoters sometimes post a review
    c = s["c"].astype(np.int64)
    t = s["t"].astype(np.int64)
    sch = s["sch"].astype(np.int64)
    cx.events.emit(
        c, t, TP["survey_response"], np.array([CH["email"], CH["direct"], CH["in_store"]])[sch]
    )
    nps = s["nps"].astype(np.int64)
    csat = s["csat"].astype(np.int64)
    promoter = ((nps >= 9) | ((nps < 0) & (csat == 5))) & (rng.random(n) < 0.22)
    cx.events.emit(
        c[promoter],
        t[promoter] + rng.integers(HOUR, 4 * DAY, int(promoter.sum())),
        TP["review_posted"],
        CH["search"],
    )
    ids = cx.counters.surveys + 1 + np.arange(n)
    cx.counters.surveys += n
    tpc = s["tp"].astype(np.int64)
    stage = np.where(tpc >= 0, TP_STAGE[np.maximum(tpc, 0)], "advocacy")
    return pd.DataFrame(
        {
            "survey_id": np.strings.add("S", np.strings.zfill(ids.astype(str), 6)),
            "customer_id": cx.customers.ids[c],
            "ts": iso_np(tl, t),
            "nps": pd.arrays.IntegerArray(np.maximum(nps, 0), nps < 0),
            "csat": pd.arrays.IntegerArray(np.maximum(csat, 0), csat < 0),
            "text": texts.astype(str),
            "touchpoint": np.where(tpc >= 0, TP_NAMES[np.maximum(tpc, 0)], ""),
            "stage": stage,
            "channel": np.array(["email", "web", "in_store"])[sch],
        }
    )
