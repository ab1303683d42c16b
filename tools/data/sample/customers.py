"""Who the customers are: the planted types and their shares, when they arrive and lapse, where
they live, their ages and opt-ins, how they found the shop; and the customers table."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from tools.data.sample.codes import (
    CH,
    CHANNELS,
    GIFT,
    PARENT,
    PLANNER,
    PROSPECT,
    REGULAR,
    TP,
)
from tools.data.sample.draws import channels
from tools.data.sample.events import EventLog
from tools.data.sample.formatting import iso_np
from tools.data.sample.incidents import DRIFT_SHARE, TIKTOK_FROM
from tools.data.sample.spec import SampleSpec
from tools.data.sample.timeline import Timeline

TYPE_SHARES = np.array([0.24, 0.12, 0.06, 0.20, 0.38])  # in the order of PLANTED_TYPES
# Calibrated so that `events` lands within a few per cent of the target.
EVENTS_PER_CUSTOMER = 34.0

AREAS = [  # (city or area, region, postcode district, weight for local types)
    ("Southville", "Bristol", "BS3", 6),
    ("Bedminster", "Bristol", "BS3", 5),
    ("Totterdown", "Bristol", "BS4", 3),
    ("Clifton", "Bristol", "BS8", 4),
    ("Redland", "Bristol", "BS6", 3),
    ("Cotham", "Bristol", "BS6", 2),
    ("Montpelier", "Bristol", "BS6", 2),
    ("Bishopston", "Bristol", "BS7", 3),
    ("Horfield", "Bristol", "BS7", 2),
    ("Easton", "Bristol", "BS5", 2),
    ("Fishponds", "Bristol", "BS16", 1.5),
    ("Knowle", "Bristol", "BS4", 2),
    ("Windmill Hill", "Bristol", "BS3", 2.5),
    ("Ashton", "Bristol", "BS3", 1.5),
    ("Keynsham", "Bath and North East Somerset", "BS31", 1.0),
    ("Bath", "Bath and North East Somerset", "BA1", 0.8),
    ("Portishead", "North Somerset", "BS20", 0.8),
    ("Nailsea", "North Somerset", "BS48", 0.6),
    ("Clevedon", "North Somerset", "BS21", 0.4),
    ("Yate", "South Gloucestershire", "BS37", 0.4),
    ("Thornbury", "South Gloucestershire", "BS35", 0.3),
    ("Weston-super-Mare", "North Somerset", "BS23", 0.3),
]
FAR = [  # where gift buyers live as well
    ("London", "Greater London", "SW11"),
    ("Cardiff", "Cardiff", "CF10"),
    ("Cheltenham", "Gloucestershire", "GL50"),
    ("Swindon", "Wiltshire", "SN1"),
    ("Exeter", "Devon", "EX4"),
    ("Birmingham", "West Midlands", "B15"),
]
AGE_BANDS = ("18-24", "25-34", "35-44", "45-54", "55-64", "65+")
AGE_P = {
    PARENT: [0.02, 0.30, 0.50, 0.15, 0.03, 0.0],
    REGULAR: [0.05, 0.15, 0.20, 0.25, 0.20, 0.15],
    PLANNER: [0.02, 0.18, 0.35, 0.30, 0.12, 0.03],
    GIFT: [0.08, 0.30, 0.25, 0.20, 0.12, 0.05],
    PROSPECT: [0.35, 0.40, 0.15, 0.07, 0.03, 0.0],
}
AGE_KNOWN = np.array([0.45, 0.40, 0.50, 0.30, 0.05])
OPT_IN = np.array([0.50, 0.45, 0.45, 0.35, 0.0])
LOYALTY = np.array([0.35, 0.55, 0.10, 0.05, 0.0])
P_EXISTING = np.array([0.70, 0.80, 0.40, 0.45, 0.0])
P_LAPSE = np.array([0.15, 0.05, 0.10, 0.20, 0.0])
ACQ = {  # acquisition channel mix (tiktok added on top by date)
    PARENT: {
        "instagram": 0.35,
        "search": 0.25,
        "word_of_mouth": 0.20,
        "facebook": 0.10,
        "in_store": 0.10,
    },
    REGULAR: {"word_of_mouth": 0.45, "in_store": 0.35, "search": 0.10, "instagram": 0.10},
    PLANNER: {
        "search": 0.40,
        "word_of_mouth": 0.35,
        "phone": 0.10,
        "instagram": 0.10,
        "facebook": 0.05,
    },
    GIFT: {"search": 0.45, "facebook": 0.20, "instagram": 0.25, "direct": 0.10},
    PROSPECT: {"instagram": 0.38, "search": 0.27, "facebook": 0.17, "direct": 0.18},
}
ACQ_KNOWN = np.array([0.85, 0.75, 0.90, 0.85, 0.65])  # share with acquisition_channel filled in
ACQ_EVENT = {  # first touch of a new customer, by acquisition channel
    "search": "search_result",
    "instagram": "social_engagement",
    "facebook": "social_engagement",
    "tiktok": "social_engagement",
    "word_of_mouth": "word_of_mouth",
    "in_store": "instore_visit",
    "direct": "flyer",
    "phone": "phone_call",
    "email": "email_open",
}


def customer_count(spec: SampleSpec) -> int:
    """How many customers give about `spec.events` events over `spec.days` days."""
    D = spec.days
    # events per customer grow with the period, less than linearly (prospects, lapses)
    per_customer = EVENTS_PER_CUSTOMER * (D / 180) ** (0.7 if D < 180 else 0.92)
    return max(10, int(round(spec.events / per_customer)))


def customer_ids(g0: int, n: int, width: int) -> np.ndarray:
    """C00001, ...: ids of the customers g0 .. g0 + n - 1, zero-padded to `width` digits."""
    return np.strings.add("C", np.strings.zfill((g0 + 1 + np.arange(n)).astype(str), width))


@dataclass(frozen=True, eq=False)
class Customers:
    """The customers of one chunk, by position in the chunk."""

    ids: np.ndarray
    ctype: np.ndarray  # planted type (PARENT, REGULAR, ...)
    het: np.ndarray  # how active a customer is compared to others of the type (mean 1)
    existing: np.ndarray  # a customer before the period started
    first_day: np.ndarray  # day of the first touch (negative for existing customers)
    last_day: np.ndarray  # last active day (earlier than the end for those who lapse)
    drift: np.ndarray  # one of the regulars planted to drift away


def draw_customers(rng: np.random.Generator, tl: Timeline, ids: np.ndarray) -> Customers:
    D = tl.days
    n = len(ids)
    ctype = rng.choice(5, size=n, p=TYPE_SHARES)
    het = rng.gamma(2.5, 1 / 2.5, n)
    existing = rng.random(n) < P_EXISTING[ctype]
    arrival_w = tl.growth * np.where(tl.weekend_d, 1.25, 1.0)
    # tiktok adds prospects on top of the usual arrivals
    arrival_w_p = arrival_w * (1 - TIKTOK_FROM) / (1 - tl.incidents.tiktok)
    new_day = np.where(
        ctype == PROSPECT,
        rng.choice(D, size=n, p=arrival_w_p / arrival_w_p.sum()),
        rng.choice(D, size=n, p=arrival_w / arrival_w.sum()),
    )
    first_day = np.where(existing, -rng.integers(1, 3 * 365, n), new_day).astype(np.int64)
    last_day = np.full(n, D - 1, np.int64)
    lapse = rng.random(n) < P_LAPSE[ctype]
    lapse_at = (np.maximum(first_day, 0) + rng.random(n) * (D - np.maximum(first_day, 0))).astype(
        np.int64
    )
    last_day = np.where(lapse, lapse_at, last_day)
    drift = np.zeros(n, bool)
    drift_start = tl.incidents.drift_start
    if drift_start is not None:
        # established regulars who do not lapse anyway
        drift = (
            (ctype == REGULAR)
            & (first_day < drift_start - 60)
            & ~lapse
            & (rng.random(n) < DRIFT_SHARE)
        )
    return Customers(
        ids=ids,
        ctype=ctype,
        het=het,
        existing=existing,
        first_day=first_day,
        last_day=last_day,
        drift=drift,
    )


def acquisition_channels(rng: np.random.Generator, tl: Timeline, cust: Customers) -> np.ndarray:
    """How each customer found the shop, by type and date (tiktok grows for new customers)."""
    D = tl.days
    ctype, first_day = cust.ctype, cust.first_day
    acq = np.full(len(ctype), -1, np.int64)
    for ty in range(5):
        m = np.nonzero(ctype == ty)[0]
        acq[m] = channels(
            rng, tl, np.clip(first_day[m], 0, D - 1), ACQ[ty], 0.3 if ty == REGULAR else 1.0
        )
    # tiktok did not exist for the shop before the period
    acq[cust.existing & (acq == CH["tiktok"])] = CH["instagram"]
    return acq


def first_touches(events: EventLog, cust: Customers, first_t: np.ndarray, acq: np.ndarray) -> None:
    """The first touch of every new customer, by acquisition channel (prospects get theirs in
    journeys/prospects.py)."""
    is_new = cust.first_day >= 0
    acq_tp = np.array([TP[ACQ_EVENT[ch]] for ch in CHANNELS], np.int16)
    m = is_new & (cust.ctype != PROSPECT)
    events.emit(np.nonzero(m)[0], first_t[m], acq_tp[acq[m]], acq[m].astype(np.int16))


def customers_table(
    rng: np.random.Generator,
    tl: Timeline,
    cust: Customers,
    first_t: np.ndarray,
    acq: np.ndarray,
    opt_in: np.ndarray,
) -> pd.DataFrame:
    """The customers table; `first_t` is the first touch (prospects: their first event)."""
    ctype = cust.ctype
    n = len(ctype)
    prospect = ctype == PROSPECT
    w = np.array([a[3] for a in AREAS])
    area = rng.choice(len(AREAS), size=n, p=w / w.sum())
    city = np.array([a[0] for a in AREAS])[area].astype(object)
    region = np.array([a[1] for a in AREAS])[area].astype(object)
    pc = np.array([a[2] for a in AREAS])[area].astype(object)
    far = (ctype == GIFT) & (rng.random(n) < 0.35)
    fi = rng.integers(0, len(FAR), n)
    city = np.where(far, np.array([f[0] for f in FAR])[fi], city)
    region = np.where(far, np.array([f[1] for f in FAR])[fi], region)
    pc = np.where(far, np.array([f[2] for f in FAR])[fi], pc)
    # regulars live close by
    near = (ctype == REGULAR) & (rng.random(n) < 0.6)
    ni = rng.choice([0, 1, 12, 13], size=n)
    city = np.where(near, np.array([a[0] for a in AREAS])[ni], city)
    region = np.where(near, "Bristol", region)
    pc = np.where(near, np.array([a[2] for a in AREAS])[ni], pc)
    known_city = ~prospect & (rng.random(n) < 0.9)
    city = np.where(known_city, city, "")
    region = np.where(known_city & (rng.random(n) < 0.8), region, "")
    loyalty = rng.random(n) < LOYALTY[ctype]
    segment = np.where(loyalty, "loyalty", np.where(opt_in, "newsletter", ""))
    segment = np.where(~prospect & (rng.random(n) < 0.03), "vip", segment)
    # "lead": asked about something (catering, a gift) before buying; a CRM label, not a type
    lead_p = np.array([0.02, 0.01, 0.12, 0.04, 0.05])[ctype]
    segment = np.where((segment == "") & (rng.random(n) < lead_p), "lead", segment)
    age = np.full(n, "", dtype=object)
    for ty in range(5):
        m = (ctype == ty) & (rng.random(n) < AGE_KNOWN[ty])
        age[m] = np.array(AGE_BANDS)[rng.choice(6, size=int(m.sum()), p=AGE_P[ty])]
    acq_known = rng.random(n) < ACQ_KNOWN[ctype]
    acq_s = np.where(acq_known, np.array(CHANNELS)[np.maximum(acq, 0)], "")
    opt_s = np.where(opt_in, "true", "false")
    attrs = np.strings.add(
        np.strings.add(
            np.strings.add('{"postcode_district": "', pc.astype(str)), '", "marketing_opt_in": '
        ),
        opt_s.astype(str),
    )
    attrs = np.strings.add(attrs, "}")
    attrs = np.where(prospect | (pc == "") | ~known_city, "", attrs)
    return pd.DataFrame(
        {
            "customer_id": cust.ids,
            "first_seen": iso_np(tl, first_t),
            "city": city.astype(str),
            "region": region.astype(str),
            "segment": segment,
            "acquisition_channel": acq_s,
            "age_band": age.astype(str),
            "attributes": attrs,
        }
    )
