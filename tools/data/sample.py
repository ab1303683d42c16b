"""Deterministic sample data: the customer journey of a bakery-cafe in Bristol.

`generate_sample` writes the five journey tables (customers, events, orders, surveys, tickets)
with the canonical column names of tools/data/schema.py, plus two files that are *not* journey
tables: ground_truth.csv (the planted customer type of every customer) and incidents.json (the
incidents planted in the data, with exact dates and sizes), so tools can be checked against
what is really there.

The business sells online (pickup and delivery), in the shop and as catering. Customers belong
to planted types with distinct behaviour (see docs/SAMPLE_DATA.md):

    busy_local_parent   online orders for pickup, weekday late afternoons, instagram/search
    weekday_regular     very frequent small in-store purchases on weekday mornings and lunchtimes
    party_planner       rare large catering/celebration-cake orders after quotes, calls, tastings
    gift_buyer          occasional gift boxes for delivery, search/ads, lots of abandoned carts
    prospect            anonymous visitors who browse and leave, never buy

Generation streams to disk in fixed chunks of customers; each chunk is vectorised with numpy and
seeded from (seed, chunk number), so the same spec gives byte-identical files at any scale and
memory stays bounded (10 million events need a few hundred MB).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from tools.core.stages import DEFAULT_TOUCHPOINTS, STAGES

__all__ = [
    "SampleSpec",
    "SampleFiles",
    "generate_sample",
    "PLANTED_TYPES",
    "INCIDENT_DAYS_BEFORE_END",
    "CHANNELS",
]


@dataclass(frozen=True)
class SampleSpec:
    seed: int = 7
    events: int = 100_000  # target number of events; customers scale with it (~3,000 at 100k)
    days: int = 180
    end: date = date(2026, 11, 15)  # last day covered (inclusive), in the business time zone
    timezone: str = "Europe/London"
    format: Literal["csv", "parquet"] = "csv"  # format of the events file; small tables are CSV

    def __post_init__(self) -> None:
        if self.events < 100:
            raise ValueError("events must be at least 100")
        if not 28 <= self.days <= 3_660:
            raise ValueError("days must be between 28 and 3660")
        if self.format not in ("csv", "parquet"):
            raise ValueError("format must be 'csv' or 'parquet'")
        ZoneInfo(self.timezone)  # raises for an unknown zone


@dataclass(frozen=True)
class SampleFiles:
    folder: Path
    customers: Path
    events: Path
    orders: Path
    surveys: Path
    tickets: Path
    truth: Path  # ground_truth.csv: customer_id, planted_type, churn_drift -- not a journey table
    incidents: Path  # incidents.json: the planted incidents with dates and sizes
    drift: Path  # drift.json: the planted churn drift of a customer type (ground truth, not an incident)
    counts: dict[str, int] = field(default_factory=dict)  # rows written per file


# --------------------------------------------------------------------------------------------
# Model constants
# --------------------------------------------------------------------------------------------

PLANTED_TYPES: tuple[str, ...] = (
    "busy_local_parent",
    "weekday_regular",
    "party_planner",
    "gift_buyer",
    "prospect",
)
PARENT, REGULAR, PLANNER, GIFT, PROSPECT = range(5)
TYPE_SHARES = np.array([0.24, 0.12, 0.06, 0.20, 0.38])

# Calibrated so that `events` lands within a few per cent of the target.
EVENTS_PER_CUSTOMER = 34.0
CHUNK_CUSTOMERS = 20_000
_DAY = 86_400
_HOUR = 3_600

# Incidents, as days before spec.end (inclusive windows). With the default end (Sunday
# 2026-11-15): checkout Mon 2026-08-31 .. Sun 2026-09-06, shipping Wed 2026-09-30 .. Sun
# 2026-10-18, TikTok growth from Tue 2026-08-18, churn drift from Thu 2026-09-17.
INCIDENT_DAYS_BEFORE_END = {
    "checkout_start": 76,
    "checkout_len": 7,
    "shipping_start": 46,
    "shipping_len": 19,
    "tiktok_start": 89,
    "drift_start": 59,
}
CHECKOUT_FAIL = 0.60  # share of online orders that fail at payment during the breakage
SHIPPING_LATE = 0.75  # share of deliveries late during the spell (normally 6%)
# Share of new arrivals from tiktok: a trickle before the start. On the start day a video of the
# shop takes off: tiktok brings TIKTOK_PEAK of that day's new arrivals (on top of the usual
# ones), the burst fades with a half-life of TIKTOK_HALF_LIFE days, and what stays grows from
# TIKTOK_JUMP to TIKTOK_TO by the end.
TIKTOK_FROM, TIKTOK_JUMP, TIKTOK_TO = 0.01, 0.05, 0.18
TIKTOK_PEAK, TIKTOK_HALF_LIFE = 0.85, 2.0
DRIFT_SHARE = 0.35  # share of established regulars that drift
DRIFT_FLOOR = 0.25  # their purchase rate falls to this fraction ...
DRIFT_RAMP_DAYS = 21  # ... over this many days

TOUCHPOINT_NAMES: tuple[str, ...] = tuple(DEFAULT_TOUCHPOINTS)
TP = {name: i for i, name in enumerate(TOUCHPOINT_NAMES)}
_TP_STAGE = np.array([DEFAULT_TOUCHPOINTS[n].stage for n in TOUCHPOINT_NAMES])
_TP_ONLINE = np.array([DEFAULT_TOUCHPOINTS[n].online for n in TOUCHPOINT_NAMES])
_TP_NAMES = np.array(TOUCHPOINT_NAMES)
assert set(_TP_STAGE) <= set(STAGES)

CHANNELS: tuple[str, ...] = (
    "search",
    "instagram",
    "facebook",
    "tiktok",
    "email",
    "word_of_mouth",
    "direct",
    "in_store",
    "phone",
)
CH = {name: i for i, name in enumerate(CHANNELS)}
NO_CH = -1

ORDER_CHANNELS = ("online", "in_store", "phone")
FULFILMENTS = ("pickup", "delivery", "in_store")
PICKUP, DELIVERY, IN_STORE = range(3)
ONLINE, STORE, PHONE = range(3)

# Order kinds: catalog, line-count probabilities, max extra quantity per line.
K_REG_INSTORE, K_REG_ONLINE, K_PAR_ONLINE, K_PAR_INSTORE, K_GIFT, K_CATER, K_PLAN_INSTORE = range(7)
KIND_TYPE = np.array([REGULAR, REGULAR, PARENT, PARENT, GIFT, PLANNER, PLANNER])

CAFE = [
    ("flat white", 3.40, 3.0),
    ("cappuccino", 3.40, 2.0),
    ("filter coffee", 2.80, 1.5),
    ("pot of tea", 2.60, 1.0),
    ("croissant", 2.60, 2.5),
    ("pain au chocolat", 2.90, 1.5),
    ("cinnamon bun", 3.20, 2.0),
    ("cheese scone", 2.90, 1.0),
    ("sausage roll", 3.50, 1.2),
    ("sandwich", 6.50, 1.5),
    ("soup of the day", 5.80, 0.8),
    ("vegan banana bread", 3.20, 0.6),
    ("gluten-free brownie", 3.50, 0.6),
]
FAMILY = [
    ("sourdough loaf", 5.20, 3.0),
    ("seeded rye", 5.50, 1.2),
    ("focaccia", 4.80, 1.2),
    ("croissants (4)", 10.00, 1.5),
    ("cinnamon buns (4)", 11.50, 2.0),
    ("kids' cupcakes (4)", 9.00, 1.5),
    ("sausage rolls (4)", 12.00, 1.2),
    ("brownie box", 12.00, 1.0),
    ("granola", 7.50, 0.6),
    ("gluten-free loaf", 6.50, 0.5),
    ("vegan cookies (6)", 9.50, 0.5),
]
GIFTS = [
    ("afternoon tea box", 34.00, 2.0),
    ("brownie gift box", 24.00, 2.5),
    ("cookie tin", 18.00, 2.0),
    ("hamper", 48.00, 1.0),
    ("celebration cake (6 inch)", 32.00, 1.2),
    ("vegan treat box", 26.00, 0.6),
    ("gluten-free treat box", 26.00, 0.6),
]
CATERING = [
    ("celebration cake", 85.00, 2.0),
    ("custom tiered cake", 220.00, 1.0),
    ("sandwich platter (serves 10)", 45.00, 2.0),
    ("mini pastry platter", 38.00, 1.5),
    ("grazing box", 60.00, 1.2),
    ("cupcakes (dozen)", 30.00, 1.2),
]
_KINDS = {
    K_REG_INSTORE: (CAFE, [0.55, 0.40, 0.05], 1, 0.10),
    K_REG_ONLINE: (CAFE, [0.0, 0.6, 0.4], 1, 0.20),
    K_PAR_ONLINE: (FAMILY, [0.15, 0.40, 0.30, 0.15], 1, 0.25),
    K_PAR_INSTORE: (CAFE, [0.30, 0.50, 0.20], 1, 0.30),
    K_GIFT: (GIFTS, [0.80, 0.20], 1, 0.05),
    K_CATER: (CATERING, [0.40, 0.40, 0.20], 3, 0.35),
    K_PLAN_INSTORE: (CAFE, [0.40, 0.45, 0.15], 1, 0.20),
}

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
_ACQ_EVENT = {  # first touch of a new customer, by acquisition channel
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


def _profile(weights: dict[int, float]) -> np.ndarray:
    p = np.zeros(24)
    for hour, w in weights.items():
        p[hour] = w
    return p / p.sum()


_BROAD = {
    7: 0.6,
    8: 1,
    9: 1,
    10: 1,
    11: 1,
    12: 1.5,
    13: 1.5,
    14: 1,
    15: 1,
    16: 1,
    17: 1.2,
    18: 1.2,
    19: 1.8,
    20: 2.2,
    21: 2.0,
    22: 1.0,
}
HOURS = {
    "regular_wd": _profile(
        {7: 3, 8: 6, 9: 4, 10: 1.5, 11: 1.5, 12: 5, 13: 5, 14: 1.5, 15: 0.8, 16: 0.5}
    ),
    "regular_we": _profile({8: 1, 9: 2, 10: 3, 11: 3, 12: 2, 13: 2, 14: 1}),
    "parent_wd": _profile(
        {
            7: 0.6,
            8: 0.4,
            12: 0.5,
            13: 0.5,
            14: 1,
            15: 4,
            16: 5,
            17: 3.5,
            18: 1,
            19: 0.8,
            20: 1.5,
            21: 1.2,
        }
    ),
    "parent_we": _profile({8: 1, 9: 2, 10: 2.5, 11: 2, 12: 1, 16: 1, 17: 1, 20: 1, 21: 1}),
    "parent_shop_wd": _profile({8: 2.5, 9: 1, 15: 2, 16: 1.5}),
    "parent_shop_we": _profile({9: 2, 10: 3, 11: 3, 12: 1.5}),
    "gift_wd": _profile(
        {
            9: 0.5,
            10: 0.5,
            11: 0.5,
            12: 1.5,
            13: 1.5,
            14: 0.5,
            15: 0.5,
            16: 0.5,
            17: 0.5,
            18: 1,
            19: 2,
            20: 3.5,
            21: 3.5,
            22: 1.5,
        }
    ),
    "gift_we": _profile(
        {
            9: 1,
            10: 1.5,
            11: 2,
            12: 2,
            13: 2,
            14: 2,
            15: 2,
            16: 2,
            17: 1.5,
            18: 1.5,
            19: 2,
            20: 2.5,
            21: 2.5,
            22: 1,
        }
    ),
    "broad": _profile(_BROAD),
    "office": _profile({9: 2, 10: 3, 11: 3, 12: 2, 13: 1.5, 14: 2.5, 15: 2.5, 16: 2, 17: 1}),
    "morning": _profile({9: 2, 10: 3, 11: 2}),
    "daytime": _profile(
        {9: 1, 10: 1.5, 11: 1.5, 12: 1.5, 13: 1.5, 14: 1.5, 15: 1.5, 16: 1.2, 17: 1}
    ),
    "evening": _profile({12: 1, 13: 1, 17: 1, 18: 1.5, 19: 2.5, 20: 3, 21: 2.5, 22: 1}),
}

VIEW_CODES = np.array([TP["product_view"], TP["menu_view"], TP["page_view"], TP["reviews_read"]])
VIEW_MIX = {
    "shop": [0.60, 0.20, 0.15, 0.05],
    "gift": [0.70, 0.05, 0.10, 0.15],
    "menu": [0.25, 0.60, 0.10, 0.05],
    "plan": [0.35, 0.25, 0.15, 0.25],
    "prospect": [0.45, 0.25, 0.20, 0.10],
}
_TIME_OF_DAY = pa.array(
    [f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)]
)
_STEPS = np.array([-1, TP["add_to_cart"], TP["checkout_start"], TP["order_placed"]], dtype=np.int16)


# --------------------------------------------------------------------------------------------
# Free text: surveys and tickets
# --------------------------------------------------------------------------------------------

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
# Lean of a theme: added to the log-odds of a positive comment.
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

_SLOTS: dict[str, list[str]] = {
    "bakes": [
        "cinnamon buns",
        "croissants",
        "brownies",
        "sausage rolls",
        "cheese scones",
        "cardamom knots",
        "almond croissants",
        "cupcakes",
        "cookies",
        "pastries",
    ],
    "bread": [
        "sourdough",
        "focaccia",
        "seeded rye",
        "banana bread",
        "gluten-free loaf",
        "white bloomer",
    ],
    "gift": [
        "afternoon tea box",
        "brownie box",
        "cookie tin",
        "hamper",
        "birthday cake",
        "treat box",
    ],
    "wait": ["10", "15", "20", "25", "30", "over 20", "nearly 40"],
    "slot": ["4pm", "4.30pm", "5pm", "3.45pm", "5.15pm", "half four"],
    "days": ["two", "three", "four", "five", "a full three", "several"],
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    "weekday2": ["Tuesday", "Thursday", "Friday", "the following Monday", "Saturday afternoon"],
    "staff": ["Maya", "Josh", "Agnieszka", "Dev", "Rosie", "Callum", "Ffion", "Tomasz"],
    "party": [
        "birthday",
        "christening",
        "baby shower",
        "wedding",
        "30th",
        "18th",
        "engagement party",
    ],
    "event": [
        "office party",
        "retirement do",
        "leaving do",
        "birthday party",
        "wedding",
        "christening",
        "team lunch",
        "garden party",
    ],
    "child": ["my son", "my daughter", "my youngest", "my little boy", "my little girl"],
    "guests": ["25", "30", "40", "50", "60", "80", "120"],
    "price": ["3.40", "3.60", "4.20", "6.50", "12", "5.20"],
    "person": [
        "my mum",
        "my sister",
        "a friend in London",
        "my dad",
        "my gran",
        "a colleague",
        "my brother in Cardiff",
        "my best friend",
    ],
    "kid": ["my son", "my daughter", "the kids", "my youngest", "the little one"],
    "cake": [
        "unicorn cake",
        "two-tier lemon cake",
        "football cake",
        "naked sponge",
        "chocolate drip cake",
        "number cake",
    ],
}

# (positive, negative) core sentences per theme.
_CORE: dict[str, tuple[list[str], list[str]]] = {
    "taste": (
        [
            "The {bread} is honestly the best in Bristol.",
            "Everything tasted so fresh, the {bakes} were still warm when we got home.",
            "Consistently lovely bakes, you can tell it's all made on site.",
            "The {bakes} were perfect, crisp outside and soft in the middle.",
            "Great coffee and the pastries are always spot on.",
            "According to {kid}, your {bakes} are the best thing about Saturdays.",
            "Really good quality, nothing like supermarket bread.",
            "Tried the {bread} for the first time and now I'm hooked.",
            "Lovely flavours, not too sweet.",
            "The bread keeps for days and still tastes great.",
            "The {bread} was gorgeous, we finished it in one sitting.",
            "Best coffee on the street and the {bakes} are always fresh.",
            "You can taste the quality in everything.",
        ],
        [
            "The {bakes} were a bit stale this time, not up to your usual standard.",
            "Bread was underbaked in the middle.",
            "The croissants were flat and greasy, really disappointing.",
            "Sandwich filling was pretty mean for the price.",
            "The {bakes} tasted like yesterday's.",
            "Something has changed with the recipe, the {bakes} aren't as good as they were.",
            "Coffee was lukewarm and bitter.",
            "Quality has slipped a bit lately.",
        ],
    ),
    "pickup_wait": (
        [
            "Pickup was quick, in and out in two minutes.",
            "Love that I can order on the way home from school and grab it at the door.",
            "Collection was smooth, order bagged and labelled with my name.",
            "The pickup shelf is a great idea, no queueing.",
            "Order was ready on time even on a busy Saturday.",
        ],
        [
            "Had a {slot} pickup slot and still waited {wait} minutes at the counter.",
            "Collection was chaotic, nobody knew where my order was.",
            "My order wasn't ready when the text said it was.",
            "Waited ages to collect with two tired kids in tow, not ideal.",
            "Please have a separate queue for click and collect, standing behind the coffee queue for {wait} minutes defeats the point.",
            "Pickup at {slot} was a scrum, {wait} minutes to get my bag.",
            "Had to wait while they finished packing my order even though I'd paid hours before.",
        ],
    ),
    "queue": (
        [
            "The queue moves fast even at lunchtime.",
            "Never wait more than a couple of minutes, even at the morning rush.",
            "In and out in no time, even with the school-run crowd.",
            "Quick service, my coffee is usually ready before I've paid.",
        ],
        [
            "The lunchtime queue is out the door now, I can't fit it into my break any more.",
            "Waited {wait} minutes for a flat white this morning.",
            "Queues have got much longer since the new menu.",
            "Only one person on the till at 8am, the queue was huge.",
            "Took {wait} minutes to get served at lunchtime.",
        ],
    ),
    "late_delivery": (
        [
            "Delivery arrived exactly when promised.",
            "Courier was early and really careful with the box.",
            "Sent a box to {person} and it arrived next morning, they were thrilled.",
            "Delivery was on time and the driver was lovely.",
            "Arrived the next day as promised, great service.",
        ],
        [
            "My order arrived {days} days late and the {bakes} were no longer fresh.",
            "Delivery was supposed to be {weekday} and it turned up on {weekday2}.",
            "Still waiting for my delivery, no update at all.",
            "The gift was meant for a birthday and it came after the day, really embarrassing.",
            "Tracking said out for delivery for three days.",
            "The box for {person} turned up {days} days late.",
            "Nobody told us the delivery would be late, had to chase it myself.",
            "Late delivery again, the cake had to go straight in the bin.",
        ],
    ),
    "payment": (
        [
            "Checkout was quick and easy, Apple Pay worked first time.",
            "Paying online was painless.",
            "Smooth checkout, got the confirmation straight away.",
        ],
        [
            "Payment kept failing at checkout, tried three different cards.",
            "The site took my details then said payment declined, my bank says nothing was blocked.",
            "Checkout just spun and then logged me out, gave up in the end.",
            "Got charged but no order confirmation came through.",
            "Couldn't pay with Apple Pay, error every time.",
            "Payment page kept timing out so I never managed to order.",
            "Tried to pay four times and it failed every time.",
            "The card payment step is broken, I got an error after entering the code from my bank.",
        ],
    ),
    "prices": (
        [
            "Good value for the quality.",
            "The loyalty card makes it good value.",
            "Not cheap, but you get what you pay for.",
            "Fair prices for proper handmade bread.",
        ],
        [
            "Prices have crept up a lot this year, {price} pounds for a coffee is steep.",
            "Love the place but it's getting too expensive for an everyday coffee.",
            "Delivery fee is a lot on top of the order.",
            "Portion sizes have shrunk while prices went up.",
            "It's become a treat rather than a daily thing because of the prices.",
            "Another price rise, I've started making my own lunch.",
            "Bit pricey for what you get.",
        ],
    ),
    "staff": (
        [
            "Staff are always friendly and remember my order.",
            "{staff} at the counter is a star, always has a chat.",
            "The team were so kind when {kid} dropped a bun, they replaced it for free.",
            "Lovely friendly staff, makes my morning.",
            "{staff} went out of their way to help me choose.",
            "Always a warm welcome.",
        ],
        [
            "Staff seemed stressed and a bit short with me.",
            "Nobody acknowledged me for a good five minutes.",
            "New staff don't seem to know the regulars any more.",
            "The person on the till was quite rude when I asked about my order.",
            "Felt rushed at the counter.",
            "Got the wrong order and nobody seemed bothered.",
        ],
    ),
    "website": (
        [
            "Ordering online is really easy.",
            "The website is much quicker than it used to be.",
            "Easy to pick a collection slot on the app.",
            "Love being able to reorder my usual in two taps.",
        ],
        [
            "The website is hard to use on my phone, kept losing my basket.",
            "Couldn't find allergen info on the product pages.",
            "Choosing a pickup slot is fiddly, the calendar doesn't work on my phone.",
            "Had to re-enter my address every time.",
            "The site is slow and the photos take ages to load.",
            "Couldn't change my order once it was placed.",
        ],
    ),
    "custom_cakes": (
        [
            "The {cake} for my daughter's {party} was stunning, everyone asked where it was from.",
            "Catering for our {event} went down a storm, platters were generous and beautifully presented.",
            "The tasting session really helped us decide.",
            "{staff} was brilliant at turning my vague idea into the cake we wanted.",
            "Fed {guests} people at our {event} and there was plenty to go round.",
            "The {cake} looked exactly like the sketch, thank you.",
            "Catering quote was very reasonable compared to others we asked.",
        ],
        [
            "Took {days} days to get a quote back, we nearly went elsewhere.",
            "The cake didn't match the design we agreed, the colours were off.",
            "Had to chase twice about the catering order for {guests} guests.",
            "Quote changed after we'd confirmed, which wasn't great.",
            "The platters were smaller than we expected for {guests} people.",
            "Nobody called back about the {party} cake, I had to phone three times.",
        ],
    ),
    "dietary": (
        [
            "So happy to find proper gluten-free bakes that don't taste like cardboard.",
            "Great vegan options, the vegan brownie is incredible.",
            "Staff knew exactly what was in everything, really reassuring with {child}'s nut allergy.",
            "Lovely to have dairy-free options for {kid}.",
        ],
        [
            "Gluten-free options sold out by 10am again.",
            "Would love more vegan choices for the kids.",
            "Not clear which items contain nuts, had to ask twice.",
            "The gluten-free loaf was crumbly and dry.",
            "Only one vegan option on the whole menu.",
        ],
    ),
    "packaging": (
        [
            "Gorgeous packaging, perfect for a gift.",
            "Love that the boxes are plastic-free.",
            "Beautifully wrapped, {person} loved the box.",
            "Cake arrived in perfect condition, really sturdy box.",
        ],
        [
            "Box arrived squashed and the cake was damaged.",
            "Too much packaging for a couple of buns.",
            "The cake box was crushed on one side.",
            "The brownies had broken into crumbs in the post.",
            "Tin was dented when it arrived.",
        ],
    ),
}
_DETAIL: dict[str, tuple[list[str], list[str]]] = {
    "taste": (
        ["We'll be back for more.", "Best {bakes} I've had in ages.", "Worth every penny."],
        [
            "Not what I expect from you.",
            "Had to throw half of it away.",
            "Shame, as it's usually great.",
        ],
    ),
    "pickup_wait": (
        ["Really handy on a school day.", "So much easier than queueing."],
        [
            "It happens most Fridays.",
            "The whole point of ordering ahead is not to wait.",
            "There was only one person serving.",
        ],
    ),
    "queue": (
        ["Great for a quick lunch.", "Makes the morning easy."],
        ["I've started going elsewhere at lunch.", "It's every day now, not just Fridays."],
    ),
    "late_delivery": (
        ["Will definitely use the delivery again.", "Tracking was spot on."],
        [
            "No email, no call, nothing.",
            "I've asked for a refund of the delivery fee.",
            "It was a present so it really mattered.",
        ],
    ),
    "payment": (
        ["Much better than last time."],
        [
            "I ended up driving over to buy in person.",
            "Not sure if I've been charged twice.",
            "I gave up and ordered somewhere else.",
        ],
    ),
    "prices": (
        ["Worth it for a treat."],
        ["Other places nearby are cheaper.", "I used to come every day, now it's once a week."],
    ),
    "staff": (["Made my day.", "Real credit to the shop."], ["Not the welcome I'm used to."]),
    "website": (
        ["Simple and quick."],
        ["Please fix the mobile site.", "Took me three goes to order."],
    ),
    "custom_cakes": (
        ["Will be ordering for the next party too.", "Guests are still talking about it."],
        ["Communication needs to improve.", "For that money I expected better."],
    ),
    "dietary": (
        ["Nice to be able to eat everything in the cabinet."],
        ["Please label allergens properly."],
    ),
    "packaging": (["Looked really professional."], ["Needs more padding inside."]),
}
_OPEN = (
    [
        "Just wanted to say thanks.",
        "Been coming for years.",
        "Second time ordering.",
        "Quick feedback:",
        "Honestly,",
        "Really impressed.",
        "Lovely experience overall.",
    ],
    [
        "Not a great experience this time.",
        "First time ordering and",
        "Sorry to say it but",
        "Usually love this place, but",
        "Quick feedback:",
        "Disappointed.",
    ],
)
_CLOSE = (
    [
        "Keep it up!",
        "Will definitely be back.",
        "Thank you!",
        "Highly recommend.",
        "x",
        "10/10.",
        "See you next week.",
    ],
    [
        "Please sort this out.",
        "Not sure I'll order again.",
        "Really disappointed.",
        "Hope you can fix this.",
        "Expected better.",
        "Please look into it.",
    ],
)
_BUT = (
    ["On the plus side,", "That said,", "But", "Still,", "To be fair,"],
    ["Only downside:", "One thing though,", "Shame that", "But", "However,"],
)

# Ticket topics: (subject lines, the customer's message), and what they ask for.
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
_TOPIC_THEME = {"quote": "custom_cakes", "order_change": "custom_cakes"}
_TICKETS: dict[str, list[tuple[list[str], str]]] = {
    "late_delivery": [
        (
            ["Where is my order?", "Delivery not arrived"],
            "My order was due on {weekday} and still hasn't arrived.",
        ),
        (
            ["Late delivery", "Delivery delayed - gift"],
            "The delivery to {person} is {days} days late.",
        ),
        (
            ["Tracking not updating", "Where is my order?"],
            "Tracking hasn't updated since {weekday}.",
        ),
        (
            ["Gift not delivered", "Delivery delayed - gift"],
            "I ordered a gift for {weekday} and it has not turned up.",
        ),
        (
            ["Courier delay", "Late delivery"],
            "The courier says it's delayed but nobody can tell me when it will come.",
        ),
        (
            ["Order arrived late", "Late delivery"],
            "My order finally turned up {days} days late and the {bakes} were stale.",
        ),
    ],
    "packaging": [
        (["Damaged on arrival", "Squashed box"], "My order arrived squashed."),
        (
            ["Cake damaged in delivery", "Damaged cake"],
            "The cake was damaged when the box was opened.",
        ),
        (
            ["Tin arrived dented", "Damaged on arrival"],
            "The tin arrived dented and the biscuits were broken.",
        ),
    ],
    "pickup_wait": [
        (
            ["Long wait at collection", "Click and collect wait"],
            "I had a {slot} slot and waited {wait} minutes for my order.",
        ),
        (
            ["Order not ready at pickup time", "Collection problem"],
            "My order wasn't ready when I arrived to collect it.",
        ),
        (
            ["Click and collect wait", "Pickup problems"],
            "I've waited at the pickup counter for ages twice this month.",
        ),
    ],
    "queue": [
        (
            ["Queues at lunchtime", "Waiting times"],
            "The lunchtime queue was out of the door again today.",
        ),
        (["Slow service", "Waiting times"], "Waited {wait} minutes for a coffee this morning."),
    ],
    "taste": [
        (["Stale bread in my order", "Quality of my order"], "The {bakes} in my order were stale."),
        (["Underbaked loaf", "Order quality"], "Half the loaf was underbaked."),
        (
            ["Complaint about my order", "Dry cake"],
            "The cake I collected was dry and not what I'm used to.",
        ),
    ],
    "website": [
        (
            ["Can't change my order", "Change pickup time"],
            "I can't change the pickup time on my order.",
        ),
        (["Login issue", "Can't log in"], "The site won't let me log in."),
        (
            ["Pickup slot not working", "Website problem"],
            "The slot picker doesn't work on my phone.",
        ),
        (
            ["Change delivery address", "Wrong address on order"],
            "I need to change my delivery address.",
        ),
    ],
    "prices": [
        (["Loyalty card points", "Missing stamps"], "My loyalty stamps didn't go on my card."),
        (["Prices", "Price question"], "Why has the price of a flat white gone up again?"),
        (["Charged the wrong price", "Till error"], "I was charged the wrong price at the till."),
    ],
    "staff": [
        (
            ["Experience in the shop", "Complaint about staff"],
            "I wasn't happy with how I was spoken to at the counter.",
        ),
        (["Thank you", "Feedback about staff"], "I wanted to say how helpful {staff} was today."),
    ],
    "payment": [
        (
            ["Payment failed at checkout", "Checkout error"],
            "Your checkout keeps failing when I try to pay.",
        ),
        (
            ["Can't pay on website", "Payment error"],
            "I tried to pay three times and got an error every time.",
        ),
        (
            ["Charged but no confirmation", "Payment taken, no order"],
            "Money has left my account but I never got a confirmation.",
        ),
        (
            ["Card declined online", "Payment declined"],
            "The payment page says declined but my bank says everything is fine.",
        ),
        (
            ["Apple Pay not working", "Checkout error"],
            "Apple Pay and my card both fail at the last step.",
        ),
    ],
    "quote": [
        (
            ["Catering quote", "Quote for our {event}"],
            "I'd like a quote for a {cake} for {guests} guests, it's for our {event}.",
        ),
        (
            ["Chasing my quote", "Still waiting for a quote"],
            "I asked for a catering quote last week and haven't heard back.",
        ),
        (["Wedding cake tasting", "Tasting appointment"], "Do you do tastings for wedding cakes?"),
        (
            ["Catering enquiry", "Quote for our {event}"],
            "Could you quote for sandwich platters for {guests} people?",
        ),
        (["Custom cake enquiry", "Cake quote"], "How much would a {cake} be for {guests} people?"),
    ],
    "order_change": [
        (
            ["Cake design question", "Change to catering order"],
            "Can we change the colours on the {party} cake?",
        ),
        (
            ["Extra platter", "Change to catering order"],
            "Could we add another sandwich platter to the order for {guests} people?",
        ),
        (
            ["Catering delivery time", "Change to catering order"],
            "Can the catering be delivered an hour earlier?",
        ),
        (
            ["Guest numbers changed", "Change to catering order"],
            "We now have {guests} guests, can we increase the order?",
        ),
    ],
    "dietary": [
        (
            ["Gluten-free options", "Allergen question"],
            "Do you have anything gluten-free for our {event}?",
        ),
        (["Nut allergy", "Allergen question"], "Are your brownies made in a nut-free kitchen?"),
        (["Do you have vegan cakes?", "Vegan options"], "Which of your cakes are vegan?"),
    ],
}
_TICKET_ASK = {
    "taste": ["Could I have a refund?", "Can you look into it?", "What can you do?"],
    "pickup_wait": ["Is there a better time to collect?", "Can something be done about this?"],
    "queue": [
        "Any chance of another person on the till at lunch?",
        "Can something be done about this?",
    ],
    "late_delivery": [
        "Can you tell me where it is?",
        "Please can I have a refund on delivery.",
        "It was a birthday present.",
        "Can you chase the courier?",
    ],
    "payment": [
        "Can you check if the order went through?",
        "Is there another way to pay?",
        "Please refund me if I've been charged.",
    ],
    "prices": ["Could you check?", "Can this be fixed?"],
    "staff": ["Just wanted you to know.", "Please pass it on."],
    "website": ["Can you change it for me?", "Please help."],
    "quote": ["When can you get back to me?", "What would it cost?", "Please call me back."],
    "order_change": ["Is that still possible?", "Please let me know.", "Please call me back."],
    "dietary": ["Thanks in advance.", "Many thanks."],
    "packaging": ["Photos attached.", "Can you send a replacement?", "Would like a refund please."],
}
_GREET = ["Hi,", "Hello,", "Hi there,", "Good morning,", "Hiya,", ""]
_SIGN = [
    "Sarah",
    "Tom",
    "Jess",
    "Priya",
    "Mark",
    "Emma",
    "Ollie",
    "Gemma",
    "Raj",
    "Helen",
    "Chris",
    "Becky",
]
_EMAIL_USERS = [
    "sarah.jones",
    "tom.b",
    "jess.harris84",
    "mike_w",
    "priya.k",
    "laura.m1",
    "dan.evans",
    "claire.t",
    "sam.oconnor",
    "hannah.r",
    "bristolmum",
    "gemma.lewis",
]
_EMAIL_DOMAINS = [
    "gmail.com",
    "outlook.com",
    "yahoo.co.uk",
    "btinternet.com",
    "hotmail.co.uk",
    "icloud.com",
]
_CARDS = [
    "4111 1111 1111 1111",
    "5555 5555 5555 4444",
    "4242 4242 4242 4242",
    "4000 0566 5566 5556",
    "4111111111111111",
]
_PII = [
    "You can reach me on {phone}.",
    "My email is {email} if you need it.",
    "Call me on {phone} please.",
    "I paid with my card {card}, can you check it went through?",
    "Card used was {card}.",
    "Best to email {email}.",
    "My number is {phone}.",
]
_KEEP_CASE = ("I ", "I'", "Apple", "Bristol", "London") + tuple(_SLOTS["staff"])


class _Writer:
    """Composes survey and ticket texts. Deterministic from its own random.Random."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)

    def _fill(self, s: str, memo: dict[str, str] | None = None) -> str:
        """Fill {slots}; with a memo, a slot keeps its value (subject and message agree)."""
        r = self.r
        while "{" in s:
            a = s.index("{")
            b = s.index("}", a)
            key = s[a + 1 : b]
            value = memo.get(key) if memo is not None else None
            if value is None:
                value = r.choice(_SLOTS[key])
                if memo is not None:
                    memo[key] = value
            s = s[:a] + value + s[b + 1 :]
        return s

    def _lower(self, s: str) -> str:
        if s.startswith(_KEEP_CASE) or len(s) < 2:
            return s
        return s[0].lower() + s[1:]

    def pii(self) -> str:
        r = self.r
        phone = r.choice(
            [
                f"07700 900{r.randint(0, 999):03d}",
                f"+44 7700 900{r.randint(0, 999):03d}",
                f"0117 496 0{r.randint(0, 999):03d}",
            ]
        )
        email = f"{r.choice(_EMAIL_USERS)}@{r.choice(_EMAIL_DOMAINS)}"
        return r.choice(_PII).format(phone=phone, email=email, card=r.choice(_CARDS))

    def survey(
        self, theme: str, positive: bool, second: str | None, second_pos: bool, pii: bool
    ) -> str:
        r = self.r
        pol = 0 if positive else 1
        parts: list[str] = []
        lead = r.random() < 0.3
        if lead:
            parts.append(r.choice(_OPEN[pol]))
        core = self._fill(r.choice(_CORE[theme][pol]))
        if lead and parts[-1].endswith((",", " and", " but")):
            core = self._lower(core)
        parts.append(core)
        if r.random() < 0.35:
            parts.append(self._fill(r.choice(_DETAIL[theme][pol])))
        if second is not None:
            spol = 0 if second_pos else 1
            joint = r.choice(_BUT[spol])
            parts.append(joint + " " + self._lower(self._fill(r.choice(_CORE[second][spol]))))
        if r.random() < 0.35:
            parts.append(r.choice(_CLOSE[pol]))
        if pii:
            parts.append(self.pii())
        text = " ".join(parts)
        x = r.random()
        if x < 0.08:
            text = text.lower()
        elif x < 0.14:
            text = text.rstrip(".")
        elif x < 0.18 and positive:
            text = text.rstrip(".") + "!!"
        return text

    def ticket(self, topic: str, order_id: str | None, pii: bool) -> tuple[str, str]:
        r = self.r
        subjects, core = r.choice(_TICKETS[topic])
        memo: dict[str, str] = {}
        subject = self._fill(r.choice(subjects), memo)
        parts = []
        greet = r.choice(_GREET)
        if greet:
            parts.append(greet)
        parts.append(self._fill(core, memo))
        if order_id and r.random() < 0.6:
            parts.append(
                r.choice(
                    ["Order number {o}.", "My order is {o}.", "(order {o})", "Ref {o}."]
                ).format(o=order_id)
            )
        theme = _TOPIC_THEME.get(topic, topic)
        if r.random() < 0.5 and topic not in ("dietary", "staff", "order_change", "quote"):
            parts.append(self._fill(r.choice(_DETAIL[theme][1])))
        ask = r.choice(_TICKET_ASK[topic])
        parts.append(ask)
        if pii:
            parts.append(self.pii())
        if r.random() < 0.4:
            sign = (
                ""
                if "thank" in ask.lower()
                else r.choice(
                    ["Thanks, ", "Thanks ", "Cheers, ", "Kind regards, ", "Many thanks, "]
                )
            )
            parts.append(sign + r.choice(_SIGN))
        text = " ".join(parts)
        if r.random() < 0.06:
            text = text.lower()
        return subject, text


# --------------------------------------------------------------------------------------------
# Calendar helpers
# --------------------------------------------------------------------------------------------


def _money(x: np.ndarray) -> np.ndarray:
    """12.5 -> '12.50', vectorised (pandas' float_format formats one value at a time)."""
    cents = np.round(np.asarray(x, float) * 100).astype(np.int64)
    pounds, pence = np.divmod(cents, 100)
    return np.strings.add(
        np.strings.add(pounds.astype(str), "."), np.strings.zfill(pence.astype(str), 2)
    )


def _easter(year: int) -> date:
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    L = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * L) // 451
    month = (h + L - 7 * m + 114) // 31
    day = ((h + L - 7 * m + 114) % 31) + 1
    return date(year, month, day)


def _gift_season(days: list[date]) -> np.ndarray:
    """Gift demand by day: bumps before Valentine's, Mothering Sunday, Father's Day, Christmas."""
    out = np.ones(len(days))
    years = sorted({d.year for d in days} | {days[-1].year + 1})
    anchors: list[tuple[date, float, float]] = []
    for y in years:
        june = date(y, 6, 1)
        fathers = june + timedelta(days=(6 - june.weekday()) % 7 + 14)
        anchors += [
            (date(y, 2, 14), 1.2, 6),
            (_easter(y) - timedelta(days=21), 1.8, 7),
            (fathers, 1.0, 6),
            (date(y, 12, 12), 2.5, 14),
        ]
    ords = np.array([d.toordinal() for d in days])
    for when, amp, sd in anchors:
        lead = when.toordinal() - ords  # days until the occasion
        bump = amp * np.exp(-((lead - 5) ** 2) / (2 * sd**2))
        out += np.where(lead >= -1, bump, 0.0)
    return out


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


class _Stats:
    """Per-day counters across chunks, to report what the incidents look like in the files."""

    def __init__(self, D: int):
        z = lambda: np.zeros(D, np.int64)  # noqa: E731
        self.checkout_start, self.order_placed = z(), z()
        self.arrivals, self.arrivals_tiktok = z(), z()
        self.delivery_tickets, self.tickets = z(), z()
        self.delivery_csat_sum, self.delivery_csat_n = z(), z()
        self.deliveries, self.deliveries_late = z(), z()
        self.drift_purchases, self.drift_customers = z(), 0


class _Generator:
    def __init__(self, spec: SampleSpec):
        self.spec = spec
        D = self.D = spec.days
        self.start = spec.end - timedelta(days=D - 1)
        self.base = np.datetime64(self.start.isoformat(), "s")
        self.end_t = D * _DAY
        # events per customer grow with the period, less than linearly (prospects, lapses)
        per_customer = EVENTS_PER_CUSTOMER * (D / 180) ** (0.7 if D < 180 else 0.92)
        self.n_customers = max(10, int(round(spec.events / per_customer)))
        self.id_width = max(5, len(str(self.n_customers)))
        d = np.arange(D)
        self.start_wd = self.start.weekday()
        wd = (self.start_wd + d) % 7
        self.weekend_d = wd >= 5
        self.wd = wd
        self.growth = 1.0 + 0.25 * d / max(D - 1, 1)
        dates = [self.start + timedelta(days=int(i)) for i in d]
        self.dates = dates
        self.gift_season = _gift_season(dates)

        def window(back: int, length: int) -> tuple[int, int] | None:
            first = D - 1 - back
            if first < 0:
                return None
            return first, min(first + length - 1, D - 1)

        b = INCIDENT_DAYS_BEFORE_END
        self.checkout = window(b["checkout_start"], b["checkout_len"])
        self.shipping = window(b["shipping_start"], b["shipping_len"])
        self.tiktok_start = max(0, D - 1 - b["tiktok_start"])
        ramp = np.clip((d - self.tiktok_start) / max(D - 1 - self.tiktok_start, 1), 0, 1)
        stays = TIKTOK_JUMP + (TIKTOK_TO - TIKTOK_JUMP) * ramp
        burst = 0.5 ** (np.maximum(d - self.tiktok_start, 0) / TIKTOK_HALF_LIFE)
        self.tiktok = np.where(d < self.tiktok_start, TIKTOK_FROM, stays + (TIKTOK_PEAK - stays) * burst)
        self.drift_start = D - 1 - b["drift_start"] if D - 1 - b["drift_start"] > 30 else None
        curve = np.ones(D)
        if self.drift_start is not None:
            x = np.clip((d - self.drift_start) / DRIFT_RAMP_DAYS, 0, 1)
            curve = 1 - (1 - DRIFT_FLOOR) * x
        self.drift_curve = curve
        self.fail_day = np.zeros(D, bool)
        if self.checkout:
            self.fail_day[self.checkout[0] : self.checkout[1] + 1] = True
        self.ship_day = np.zeros(D, bool)
        if self.shipping:
            self.ship_day[self.shipping[0] : self.shipping[1] + 1] = True
        # newsletter every other Thursday at 10:00, plus two promotions
        first_thu = (3 - self.start_wd) % 7
        camps = list(range(first_thu, D, 14))
        promo = [D - 1 - 31, D - 1 - 115]
        camps += [p for p in promo if 0 <= p < D and p not in camps]
        self.campaigns = sorted(camps)
        # relationship NPS survey roughly every two months, the last three weeks before the end
        self.nps_waves = sorted({w for w in range(D - 1 - 21, 20, -60)})
        self.stats = _Stats(D)
        self.session_counter = 0
        self.order_counter = 0
        self.survey_counter = 0
        self.ticket_counter = 0

    # ---------------------------------------------------------------- time helpers

    def is_weekend(self, days: np.ndarray) -> np.ndarray:
        return (self.start_wd + days) % 7 >= 5

    def clock(self, days: np.ndarray, weekday: str, weekend: str | None = None) -> np.ndarray:
        """Seconds since period start for a time of day drawn from the hour profiles."""
        rng = self.rng
        days = np.asarray(days, np.int64)
        h = rng.choice(24, size=len(days), p=HOURS[weekday])
        if weekend is not None:
            hw = rng.choice(24, size=len(days), p=HOURS[weekend])
            h = np.where(self.is_weekend(days), hw, h)
        return days * _DAY + h * _HOUR + rng.integers(0, _HOUR, len(days))

    def iso(self, t: np.ndarray) -> tuple[pa.Array, np.ndarray]:
        """ISO 8601 strings with UTC offset, and UTC epoch seconds, for local seconds t.

        Built from lookups (date, time of day, offset) joined by pyarrow: much faster than
        formatting every timestamp.
        """
        t = np.asarray(t, np.int64)
        if len(t) == 0:
            return pa.array([], pa.string()), np.array([], np.int64)
        local = self.base + t.astype("timedelta64[s]")
        idx = pd.DatetimeIndex(local).tz_localize(
            self.spec.timezone, ambiguous=np.ones(len(t), bool), nonexistent="shift_forward"
        )
        wall = idx.tz_localize(None).as_unit("s").asi8
        utc = idx.as_unit("s").asi8
        off = wall - utc
        u, inv = np.unique(off, return_inverse=True)
        texts = []
        for o in u:
            sign = "+" if o >= 0 else "-"
            hh, mm = divmod(abs(int(o)) // 60, 60)
            texts.append(f"{sign}{hh:02d}:{mm:02d}")
        days, sec = np.divmod(wall, _DAY)
        ud, dinv = np.unique(days, return_inverse=True)
        dates = pa.array(np.strings.add(np.datetime_as_string(ud.astype("datetime64[D]")), "T"))
        joined = pc.binary_join_element_wise(
            pc.take(dates, pa.array(dinv)),
            pc.take(_TIME_OF_DAY, pa.array(sec)),
            pc.take(pa.array(texts), pa.array(inv)),
            "",
        )
        return joined, utc

    def iso_np(self, t: np.ndarray) -> np.ndarray:
        return self.iso(t)[0].to_numpy(zero_copy_only=False)

    def channels(
        self, days: np.ndarray, mix: dict[str, float], tiktok_scale: float = 1.0
    ) -> np.ndarray:
        rng = self.rng
        names = list(mix)
        p = np.array([mix[n] for n in names], float)
        base = np.array([CH[n] for n in names])[
            rng.choice(len(names), size=len(days), p=p / p.sum())
        ]
        s = self.tiktok[np.clip(days, 0, self.D - 1)] * tiktok_scale
        return np.where(rng.random(len(days)) < s, CH["tiktok"], base).astype(np.int16)

    def poisson_days(
        self, rows: np.ndarray, rate: np.ndarray, dayw: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Activity counts per customer-day inside each customer's active window."""
        d = np.arange(self.D)
        lam = rate[:, None] * (dayw if dayw.ndim == 2 else dayw[None, :])
        active = (d[None, :] > self.first_day[rows][:, None]) & (
            d[None, :] <= self.last_day[rows][:, None]
        )
        counts = self.rng.poisson(lam * active)
        r, c = np.nonzero(counts)
        k = counts[r, c]
        return np.repeat(rows[r], k), np.repeat(c, k).astype(np.int64)

    # ---------------------------------------------------------------- emitters

    def emit(self, c, t, tp, ch=NO_CH, sess=None, val=None) -> None:
        c = np.asarray(c, np.int64)
        n = len(c)
        if n == 0:
            return
        self.ev_c.append(c)
        self.ev_t.append(np.asarray(t, np.int64))
        self.ev_tp.append(np.broadcast_to(np.asarray(tp, np.int16), (n,)).copy())
        self.ev_ch.append(np.broadcast_to(np.asarray(ch, np.int16), (n,)).copy())
        self.ev_s.append(np.full(n, -1, np.int64) if sess is None else np.asarray(sess, np.int64))
        self.ev_v.append(np.full(n, np.nan) if val is None else np.asarray(val, float))

    def sessions(self, c, t0, ch, n_views, depth, value, mix: str, ad_share=0.25, tail=None):
        """Web sessions: [arrival] website_visit, views, add_to_cart, checkout_start, order_placed.

        depth 0 browse, 1 add to cart, 2 checkout started, 3 order placed. The checkout breakage
        turns depth 3 into 2 for CHECKOUT_FAIL of the sessions in its week. Returns the final
        depth, the end time and the session numbers.
        """
        rng = self.rng
        n = len(c)
        c = np.asarray(c, np.int64)
        t0 = np.asarray(t0, np.int64)
        depth = np.asarray(depth, np.int64).copy()
        n_views = np.asarray(n_views, np.int64).copy()
        n_views[(depth > 0) & (n_views == 0)] = 1
        day = np.clip(t0 // _DAY, 0, self.D - 1)
        failed = (depth == 3) & self.fail_day[day] & (rng.random(n) < CHECKOUT_FAIL)
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
        numbers = self.session_counter + np.arange(n)
        self.session_counter += n
        self.emit(c[sid], t, tp, ch[sid], numbers[sid], val)
        end = t[starts + L - 1]
        self.failed.append((c[failed], end[failed], ch[failed]))
        return depth, end, numbers

    def basket(self, kind: int, n: int):
        rng = self.rng
        catalog, line_p, max_extra, p_extra = _KINDS[kind]
        names = np.array([x[0] for x in catalog])
        prices = np.array([x[1] for x in catalog])
        w = np.array([x[2] for x in catalog])
        n_lines = 1 + rng.choice(len(line_p), size=n, p=line_p)
        amount = np.zeros(n)
        items = np.zeros(n, np.int64)
        products = np.full(n, "", dtype=object)
        chosen = []
        for line in range(len(line_p)):
            prod = rng.choice(len(catalog), size=n, p=w / w.sum())
            qty = 1 + rng.binomial(max_extra, p_extra, n)
            active = line < n_lines
            for prev in chosen:
                active &= prod != prev
            chosen.append(np.where(active, prod, -1))
            amount += np.where(active, prices[prod] * qty, 0)
            items += np.where(active, qty, 0)
            label = names[prod].astype(object)
            products = np.where(
                active, np.where(products == "", label, products + ", " + label), products
            )
        return np.round(amount, 2), items, products

    def add_orders(self, c, t, kind, och, ful, amount, items, products, ful_t=None):
        n = len(c)
        if n == 0:
            return
        self.orders.append(
            {
                "c": np.asarray(c, np.int64),
                "t": np.asarray(t, np.int64),
                "kind": np.broadcast_to(np.asarray(kind, np.int64), (n,)).copy(),
                "och": np.broadcast_to(np.asarray(och, np.int64), (n,)).copy(),
                "ful": np.broadcast_to(np.asarray(ful, np.int64), (n,)).copy(),
                "amount": np.asarray(amount, float),
                "items": np.asarray(items, np.int64),
                "products": np.asarray(products, object),
                "ful_t": np.full(n, -1, np.int64) if ful_t is None else np.asarray(ful_t, np.int64),
            }
        )

    # ---------------------------------------------------------------- one chunk

    def chunk(self, k: int, g0: int, n: int) -> dict[str, pd.DataFrame | pa.Table]:
        self.rng = rng = np.random.default_rng(np.random.SeedSequence([self.spec.seed, 7919, k]))
        self.writer = _Writer(int(rng.integers(0, 2**62)))
        self.ev_c, self.ev_t, self.ev_tp, self.ev_ch, self.ev_s, self.ev_v = [], [], [], [], [], []
        self.orders, self.failed = [], []
        self.planner_tickets = self.planner_tickets_change = (
            np.zeros(0, np.int64),
            np.zeros(0, np.int64),
        )
        self.ids = np.strings.add(
            "C", np.strings.zfill((g0 + 1 + np.arange(n)).astype(str), self.id_width)
        )
        D = self.D

        # ---- customers
        ctype = rng.choice(5, size=n, p=TYPE_SHARES)
        self.ctype = ctype
        het = rng.gamma(2.5, 1 / 2.5, n)
        existing = rng.random(n) < P_EXISTING[ctype]
        arrival_w = self.growth * np.where(self.weekend_d, 1.25, 1.0)
        arrival_w_p = arrival_w * (1 - TIKTOK_FROM) / (1 - self.tiktok)  # tiktok adds prospects
        new_day = np.where(
            ctype == PROSPECT,
            rng.choice(D, size=n, p=arrival_w_p / arrival_w_p.sum()),
            rng.choice(D, size=n, p=arrival_w / arrival_w.sum()),
        )
        first_day = np.where(existing, -rng.integers(1, 3 * 365, n), new_day).astype(np.int64)
        last_day = np.full(n, D - 1, np.int64)
        lapse = rng.random(n) < P_LAPSE[ctype]
        lapse_at = (
            np.maximum(first_day, 0) + rng.random(n) * (D - np.maximum(first_day, 0))
        ).astype(np.int64)
        last_day = np.where(lapse, lapse_at, last_day)
        drift = np.zeros(n, bool)
        if self.drift_start is not None:
            drift = (
                (ctype == REGULAR)
                & (first_day < self.drift_start - 60)
                & ~lapse
                & (rng.random(n) < DRIFT_SHARE)
            )
        self.first_day, self.last_day = first_day, last_day

        # acquisition channel, by type and date (tiktok grows for new customers)
        acq = np.full(n, -1, np.int64)
        for ty in range(5):
            m = np.nonzero(ctype == ty)[0]
            acq[m] = self.channels(
                np.clip(first_day[m], 0, D - 1), ACQ[ty], 0.3 if ty == REGULAR else 1.0
            )
        acq[existing & (acq == CH["tiktok"])] = CH["instagram"]

        # ---- party planners: projects decide when new planners first appear
        pl = np.nonzero(ctype == PLANNER)[0]
        n_proj = rng.poisson(1.3, len(pl))
        pc = np.repeat(pl, n_proj)
        ew = np.array([0.6, 0.6, 0.6, 0.8, 1.5, 3.0, 1.5])
        span = np.arange(-20, D + 30)
        pw = ew[(self.start_wd + span) % 7]
        E = span[rng.choice(len(span), size=len(pc), p=pw / pw.sum())].astype(np.int64)
        lead = rng.integers(21, 61, len(pc))
        a0 = E - lead
        first_proj = np.full(n, np.iinfo(np.int64).max)
        np.minimum.at(first_proj, pc, a0)
        new_pl = ~existing & (first_proj < np.iinfo(np.int64).max)
        first_day = np.where(new_pl, np.minimum(first_proj, D - 1), first_day)
        self.first_day = first_day

        # first seen: acquisition time for new customers
        first_t = self.clock(first_day, "broad")
        self.first_t = first_t
        is_new = first_day >= 0
        acq_tp = np.array([TP[_ACQ_EVENT[ch]] for ch in CHANNELS], np.int16)
        m = is_new & (ctype != PROSPECT)
        self.emit(np.nonzero(m)[0], first_t[m], acq_tp[acq[m]], acq[m].astype(np.int16))

        # ---- busy local parents
        par = np.nonzero(ctype == PARENT)[0]
        wk = np.array([1.15, 1.15, 1.15, 1.15, 1.1, 0.55, 0.7])
        dayw = wk[self.wd] * self.growth
        c, d = self.poisson_days(par, het[par] / 34, dayw)
        self.parent_shop_sessions(c, d, depth=np.full(len(c), 3))
        c, d = self.poisson_days(par, het[par] / 40, dayw)
        dep = rng.choice(3, size=len(c), p=[0.70, 0.18, 0.12])
        self.parent_shop_sessions(c, d, depth=dep)
        c, d = self.poisson_days(
            par, np.full(len(par), 1 / 35), dayw
        )  # opening hours, menu: often one page
        self.info_sessions(c, d, "parent_wd", "parent_we")
        c, d = self.poisson_days(par, het[par] / 70, np.where(self.weekend_d, 2.2, 0.6))
        t = self.clock(d, "parent_shop_wd", "parent_shop_we")
        amt, items, prods = self.basket(K_PAR_INSTORE, len(c))
        self.emit(c, t, TP["instore_purchase"], CH["in_store"], val=amt)
        self.add_orders(c, t, K_PAR_INSTORE, STORE, IN_STORE, amt, items, prods)
        c, d = self.poisson_days(par, np.full(len(par), 1 / 45), np.ones(D))
        ch = self.channels(d, {"instagram": 0.75, "facebook": 0.25})
        self.emit(c, self.clock(d, "evening"), TP["social_engagement"], ch)
        c, d = self.poisson_days(par, np.full(len(par), 1 / 150), np.ones(D))
        self.emit(c, self.clock(d, "office"), TP["phone_call"], CH["phone"])

        # ---- weekday regulars
        reg = np.nonzero(ctype == REGULAR)[0]
        rate = 0.27 * rng.gamma(6, 1 / 6, len(reg))
        dayw = np.where(self.weekend_d, 0.22, 1.0)[None, :] * np.where(
            drift[reg][:, None], self.drift_curve[None, :], 1.0
        )
        c, d = self.poisson_days(reg, rate, dayw)
        t = self.clock(d, "regular_wd", "regular_we")
        amt, items, prods = self.basket(K_REG_INSTORE, len(c))
        self.emit(c, t, TP["instore_purchase"], CH["in_store"], val=amt)
        self.add_orders(c, t, K_REG_INSTORE, STORE, IN_STORE, amt, items, prods)
        dd = d[drift[c]]
        self.stats.drift_purchases += np.bincount(dd, minlength=D)
        self.stats.drift_customers += int(drift.sum())
        c, d = self.poisson_days(reg, np.full(len(reg), 0.012), np.where(self.weekend_d, 0.5, 1.0))
        self.emit(c, self.clock(d, "regular_wd", "regular_we"), TP["instore_visit"], CH["in_store"])
        c, d = self.poisson_days(reg, np.full(len(reg), 1 / 40), np.ones(D))
        self.info_sessions(c, d, "regular_wd", "regular_we")
        c, d = self.poisson_days(reg, np.full(len(reg), 1 / 160), np.ones(D))
        self.emit(c, self.clock(d, "regular_wd"), TP["testimonial"], CH["word_of_mouth"])
        c, d = self.poisson_days(reg, np.full(len(reg), 1 / 220), np.ones(D))
        self.emit(c, self.clock(d, "evening"), TP["referral_sent"], CH["email"])

        # ---- party planners
        self.planner_projects(pc, E, a0, lead)
        c, d = self.poisson_days(pl, np.full(len(pl), 1 / 150), np.ones(D))
        t = self.clock(d, "regular_we", "regular_we")
        amt, items, prods = self.basket(K_PLAN_INSTORE, len(c))
        self.emit(c, t, TP["instore_purchase"], CH["in_store"], val=amt)
        self.add_orders(c, t, K_PLAN_INSTORE, STORE, IN_STORE, amt, items, prods)

        # ---- gift buyers
        gb = np.nonzero(ctype == GIFT)[0]
        dayw = self.gift_season * np.where(self.weekend_d, 1.4, 1.0) * self.growth
        c, d = self.poisson_days(gb, het[gb] * 1.6 / D, dayw)
        self.gift_missions(c, d)

        # ---- prospects
        self.prospects(np.nonzero(ctype == PROSPECT)[0], first_t, acq)

        # ---- email campaigns
        opt_in = rng.random(n) < OPT_IN[ctype]
        self.campaign_emails(opt_in, first_day)

        # ---- orders, fulfilment, surveys, tickets
        orders = self.finish_orders(g0)
        surveys = self.make_surveys(orders, opt_in, drift, first_day)
        tickets = self.make_tickets(orders)

        # ---- tables
        events = self.events_table()
        # first seen is the earliest of the acquisition and the first event in the files
        first_t = np.where(first_day >= 0, np.minimum(first_t, self.min_event_t), first_t)
        cust = self.customers_table(g0, n, ctype, first_t, first_day, acq, opt_in)
        truth = pd.DataFrame(
            {
                "customer_id": self.ids,
                "planted_type": np.array(PLANTED_TYPES)[ctype],
                "churn_drift": np.where(drift, "true", "false"),
            }
        )
        return {
            "customers": cust,
            "events": events,
            "orders": orders["table"],
            "surveys": surveys,
            "tickets": tickets,
            "truth": truth,
        }

    # ---------------------------------------------------------------- behaviours

    def parent_shop_sessions(self, c, d, depth):
        rng = self.rng
        t = self.clock(d, "parent_wd", "parent_we")
        t = np.minimum(t, d * _DAY + 22 * _HOUR)
        ch = self.channels(
            d,
            {
                "instagram": 0.33,
                "search": 0.25,
                "direct": 0.30,
                "facebook": 0.08,
                "word_of_mouth": 0.04,
            },
            0.6,
        )
        ch[ch == CH["word_of_mouth"]] = CH["direct"]
        amt, items, prods = self.basket(K_PAR_ONLINE, len(c))
        views = np.where(depth == 3, 1 + rng.poisson(1.4, len(c)), rng.poisson(0.9, len(c)))
        depth, end, _ = self.sessions(c, t, ch, views, depth, amt, "shop", 0.2)
        ok = depth == 3
        ful = np.where(rng.random(len(c)) < 0.80, PICKUP, DELIVERY)
        self.add_orders(
            c[ok], end[ok], K_PAR_ONLINE, ONLINE, ful[ok], amt[ok], items[ok], prods[ok]
        )

    def info_sessions(self, c, d, weekday: str, weekend: str):
        """Quick look-ups (opening hours, today's menu): mostly a single page, i.e. bounces."""
        rng = self.rng
        ch = self.channels(d, {"search": 0.5, "direct": 0.4, "instagram": 0.1}, 0.3)
        views = np.where(rng.random(len(c)) < 0.7, 0, 1)
        self.sessions(
            c,
            self.clock(d, weekday, weekend),
            ch,
            views,
            np.zeros(len(c)),
            np.zeros(len(c)),
            "menu",
            0.05,
        )

    def gift_missions(self, c, d):
        rng = self.rng
        n_s = 1 + rng.poisson(0.9, len(c))
        conv = rng.random(len(c)) < 0.5
        mid = np.repeat(np.arange(len(c)), n_s)
        starts = np.cumsum(n_s) - n_s
        j = np.arange(len(mid)) - starts[mid]
        gap = rng.integers(0, 3, len(mid))
        gap[j == 0] = 0
        cg = np.cumsum(gap)
        day = d[mid] + cg - cg[starts][mid]
        last = j == n_s[mid] - 1
        depth = np.where(
            last & conv[mid],
            3,
            np.where(
                last,
                rng.choice(3, size=len(mid), p=[0.25, 0.40, 0.35]),
                rng.choice(3, size=len(mid), p=[0.60, 0.30, 0.10]),
            ),
        )
        first = j == 0
        ch = np.where(
            first,
            self.channels(day, {"search": 0.45, "facebook": 0.2, "instagram": 0.25, "direct": 0.1}),
            self.channels(day, {"direct": 0.55, "search": 0.35, "instagram": 0.1}, 0.3),
        ).astype(np.int16)
        amt, items, prods = self.basket(K_GIFT, len(c))
        t = self.clock(day, "gift_wd", "gift_we")
        views = np.where(first, rng.poisson(2.0, len(mid)), 1 + rng.poisson(2.5, len(mid)))
        depth, end, _ = self.sessions(
            c[mid], t, ch, views, depth, amt[mid], "gift", np.where(first, 0.55, 0.1)
        )
        ok = depth == 3
        ful = np.where(rng.random(len(mid)) < 0.85, DELIVERY, PICKUP)
        m = mid[ok]
        self.add_orders(c[m], end[ok], K_GIFT, ONLINE, ful[ok], amt[m], items[m], prods[m])

    def planner_projects(self, pc, E, a0, lead):
        rng = self.rng
        n = len(pc)
        if n == 0:
            return
        # browsing sessions during the first 60% of the lead time
        n_s = 1 + rng.poisson(1.5, n)
        pid = np.repeat(np.arange(n), n_s)
        day = a0[pid] + (rng.random(len(pid)) * 0.6 * lead[pid]).astype(np.int64)
        ch = self.channels(
            day, {"search": 0.5, "direct": 0.3, "instagram": 0.15, "facebook": 0.05}, 0.4
        )
        self.sessions(
            pc[pid],
            self.clock(day, "evening"),
            ch,
            2 + rng.poisson(2.0, len(pid)),
            np.zeros(len(pid)),
            np.zeros(len(pid)),
            "plan",
            0.3,
        )
        # quote request
        q = a0 + (0.5 * lead).astype(np.int64) + rng.integers(-3, 4, n)
        qch = self.channels(q, {"direct": 0.6, "search": 0.4}, 0.2)
        self.sessions(
            pc,
            self.clock(q, "office"),
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
        self.emit(pc[cid], self.clock(cday, "office"), TP["phone_call"], CH["phone"])
        taste = rng.random(n) < 0.45
        tday = E - rng.integers(7, 15, n)
        self.emit(pc[taste], self.clock(tday[taste], "office"), TP["tasting"], CH["in_store"])
        # the order
        conv = rng.random(n) < 0.72
        oday = np.maximum(E - rng.integers(4, 11, n), q + 1)
        online = rng.random(n) < 0.45
        amt, items, prods = self.basket(K_CATER, n)
        ful = np.where(rng.random(n) < 0.55, DELIVERY, PICKUP)
        ful_t = E * _DAY + 9 * _HOUR + rng.integers(0, 3 * _HOUR, n)
        fee = np.where(ful == DELIVERY, 15.0, 0.0)
        amt = np.round(amt + fee, 2)
        m = conv & online
        idx = np.nonzero(m)[0]
        och = np.full(n, PHONE)
        ot = self.clock(oday, "office")
        if len(idx):
            och_web = self.channels(oday[idx], {"direct": 0.7, "email": 0.3}, 0.0)
            dep, end, _ = self.sessions(
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
            ot[idx[dep != 3]] += _DAY
        phone = conv & (och == PHONE)
        self.emit(pc[phone], ot[phone], TP["phone_order"], CH["phone"], val=amt[phone])
        self.add_orders(
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
        self.emit(
            pc[share],
            self.clock(E[share] + rng.integers(1, 4, int(share.sum())), "evening"),
            TP["social_share"],
            CH["instagram"],
        )
        # tickets: chasing quotes and changing orders
        tq = rng.random(n) < 0.50
        self.planner_tickets = (
            pc[tq],
            q[tq] * _DAY
            + rng.integers(2, 7, int(tq.sum())) * _DAY
            + self.clock(np.zeros(int(tq.sum()), np.int64), "office"),
        )
        tc = conv & (rng.random(n) < 0.20)
        self.planner_tickets_change = (
            pc[tc],
            (oday[tc] + 1) * _DAY + self.clock(np.zeros(int(tc.sum()), np.int64), "office"),
        )

    def prospects(self, pr, first_t, acq):
        rng = self.rng
        n = len(pr)
        if n == 0:
            return
        offline = rng.random(n) < 0.12
        fday = self.first_day[pr]
        # offline first touch: a market stall or a flyer
        off = pr[offline]
        tp = np.where(rng.random(len(off)) < 0.6, TP["local_event"], TP["flyer"])
        och = np.where(tp == TP["local_event"], CH["in_store"], CH["direct"])
        self.emit(off, first_t[off], tp, och)
        acq[off] = och
        # first web session at first_seen for online arrivals, with the acquisition channel
        on = pr[~offline]
        ch = acq[on].astype(np.int16)
        extra = rng.poisson(np.where(offline, 1.0, 0.8))
        eid = np.repeat(np.arange(n), extra)
        eday = fday[eid] + 1 + rng.geometric(0.15, len(eid))
        ech = self.channels(
            eday, {"direct": 0.45, "search": 0.25, "instagram": 0.2, "facebook": 0.1}
        )
        c = np.concatenate([on, pr[eid]])
        t = np.concatenate([first_t[on], self.clock(eday, "broad")])
        ch = np.concatenate([ch, ech]).astype(np.int16)
        depth = rng.choice(3, size=len(c), p=[0.86, 0.09, 0.05])
        views = rng.poisson(0.65, len(c))
        amt = np.round(rng.gamma(3, 9, len(c)), 2)
        self.sessions(c, t, ch, views, depth, amt, "prospect", 0.35)
        # some keep engaging on social media
        eng = rng.poisson(0.8, n)
        gid = np.repeat(np.arange(n), eng)
        gday = fday[gid] + rng.integers(0, 40, len(gid))
        gch = self.channels(gday, {"instagram": 0.7, "facebook": 0.3}, 2.0)
        self.emit(pr[gid], self.clock(gday, "evening"), TP["social_engagement"], gch)

    def campaign_emails(self, opt_in, first_day):
        rng = self.rng
        ctype = self.ctype
        open_p = np.array([0.35, 0.45, 0.30, 0.20, 0.0])
        depth_p = {
            PARENT: [0.55, 0.15, 0.10, 0.20],
            REGULAR: [0.82, 0.0, 0.0, 0.18],
            PLANNER: [1.0, 0, 0, 0],
            GIFT: [0.60, 0.20, 0.12, 0.08],
        }
        for day in self.campaigns:
            rec = np.nonzero(opt_in & (first_day < day) & (self.last_day >= day - 60))[0]
            if len(rec) == 0:
                continue
            send = day * _DAY + 10 * _HOUR + rng.integers(0, 900, len(rec))
            self.emit(rec, send, TP["email_send"], CH["email"])
            op = rng.random(len(rec)) < open_p[ctype[rec]]
            oc = rec[op]
            ot = (
                send[op]
                + np.minimum(rng.exponential(5 * _HOUR, len(oc)), 3 * _DAY).astype(np.int64)
                + 60
            )
            self.emit(oc, ot, TP["email_open"], CH["email"])
            cl = rng.random(len(oc)) < 0.16
            cc, ct = oc[cl], ot[cl] + rng.integers(5, 120, int(cl.sum()))
            for ty, kind in (
                (PARENT, K_PAR_ONLINE),
                (REGULAR, K_REG_ONLINE),
                (PLANNER, None),
                (GIFT, K_GIFT),
            ):
                m = ctype[cc] == ty
                c, t = cc[m], ct[m]
                if len(c) == 0:
                    continue
                depth = rng.choice(4, size=len(c), p=depth_p[ty])
                amt, items, prods = self.basket(kind if kind is not None else K_CATER, len(c))
                dep, end, _ = self.sessions(
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
                self.add_orders(
                    c[ok], end[ok], kind, ONLINE, ful[ok], amt[ok], items[ok], prods[ok]
                )

    # ---------------------------------------------------------------- orders

    def finish_orders(self, g0: int) -> dict:
        rng = self.rng
        D = self.D
        if self.orders:
            o = {k: np.concatenate([x[k] for x in self.orders]) for k in self.orders[0]}
        else:
            o = {"c": np.zeros(0, np.int64)}
        t = o["t"]
        keep = (t >= 0) & (t < self.end_t)
        o = {k: v[keep] for k, v in o.items()}
        order = np.lexsort((o["c"], o["t"]))
        o = {k: v[order] for k, v in o.items()}
        n = len(o["c"])
        c, t, kind, ful = o["c"], o["t"], o["kind"], o["ful"]
        delivery_fee = (ful == DELIVERY) & (kind != K_CATER)
        o["amount"] = np.round(o["amount"] + np.where(delivery_fee, 4.95, 0.0), 2)
        day = t // _DAY
        hour = (t % _DAY) // _HOUR
        # when the order is collected or delivered
        ful_t = o["ful_t"].copy()
        late = np.zeros(n, bool)
        promised = np.full(n, -1, np.int64)
        pick = (ful == PICKUP) & (ful_t < 0)
        same = (hour >= 11) & (hour < 17)
        pick_same = t + rng.integers(45 * 60, 120 * 60, n)
        pick_next = (day + 1) * _DAY + 15 * _HOUR + rng.integers(0, 3 * _HOUR, n)
        pick_reg = t + rng.integers(10 * 60, 25 * 60, n)
        ful_t = np.where(
            pick & (kind == K_REG_ONLINE),
            pick_reg,
            np.where(pick & same, pick_same, np.where(pick, pick_next, ful_t)),
        )
        dlv = (ful == DELIVERY) & (o["ful_t"] < 0)
        pday = day + 1
        pday = pday + ((self.start_wd + pday) % 7 == 6)  # no deliveries on Sundays
        promised_t = pday * _DAY + 10 * _HOUR + rng.integers(0, 7 * _HOUR, n)
        spell = self.ship_day[np.clip(pday, 0, D - 1)]  # deliveries due in the spell
        late_days = np.where(
            spell & (rng.random(n) < SHIPPING_LATE),
            rng.integers(2, 6, n),
            np.where(rng.random(n) < 0.06, 1, 0),
        )
        late = dlv & (late_days > 0)
        promised = np.where(dlv, promised_t, promised)
        ful_t = np.where(dlv, promised_t + late_days * _DAY, ful_t)
        # catering deliveries can be late in the spell as well (by hours)
        cat_late = (
            (kind == K_CATER)
            & (ful == DELIVERY)
            & self.ship_day[np.clip(ful_t // _DAY, 0, D - 1)]
            & (rng.random(n) < 0.5)
        )
        ful_t = np.where(cat_late, ful_t + rng.integers(2 * _HOUR, 6 * _HOUR, n), ful_t)
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
        status[~instore & (ful_t >= self.end_t) & (status != 2)] = 1  # pending: not yet fulfilled
        cancelled = status == 2
        done = ~cancelled & (status != 1) & ~instore
        # fulfilment and receipt events
        m = done & (ful == PICKUP)
        self.emit(c[m], ful_t[m], TP["order_pickup"], CH["in_store"])
        m = done & (ful == DELIVERY)
        self.emit(c[m], ful_t[m], TP["delivery"], NO_CH)
        m = o["och"] != STORE
        self.emit(
            c[m], t[m] + rng.integers(20, 120, int(m.sum())), TP["receipt_email"], CH["email"]
        )
        # delivery stats
        dm = (ful == DELIVERY) & done & (kind != K_CATER) & (pday < D)
        self.stats.deliveries += np.bincount(pday[dm], minlength=D)
        self.stats.deliveries_late += np.bincount(pday[dm & late], minlength=D)
        ids = self.order_counter + 1 + np.arange(n)
        self.order_counter += n
        order_id = np.strings.add("O", np.strings.zfill(ids.astype(str), 7))
        iso = self.iso_np(t)
        table = pd.DataFrame(
            {
                "order_id": order_id,
                "customer_id": self.ids[c],
                "ts": iso,
                "amount": _money(o["amount"]),
                "status": np.array(["completed", "pending", "cancelled", "refunded"])[status],
                "items": o["items"],
                "channel": np.array(ORDER_CHANNELS)[o["och"]],
                "fulfilment": np.array(FULFILMENTS)[ful],
                "products": o["products"].astype(str),
            }
        )
        return {
            "c": c,
            "t": t,
            "kind": kind,
            "ful": ful,
            "ful_t": ful_t,
            "late": late,
            "spell": spell,
            "promised": promised,
            "status": status,
            "order_id": order_id,
            "och": o["och"],
            "table": table,
        }

    # ---------------------------------------------------------------- surveys

    def pick_themes(self, weights: list[dict[str, float]], group: np.ndarray) -> np.ndarray:
        out = np.zeros(len(group), np.int64)
        for g, w in enumerate(weights):
            m = group == g
            if m.any():
                keys = list(w)
                p = np.array([w[k] for k in keys], float)
                out[m] = np.array([TH[k] for k in keys])[
                    self.rng.choice(len(keys), size=int(m.sum()), p=p / p.sum())
                ]
        return out

    def make_surveys(self, o: dict, opt_in, drift, first_day) -> pd.DataFrame:
        rng = self.rng
        D = self.D
        ctype = self.ctype
        # 1. after an order (CSAT, sometimes NPS)
        resp_p = np.array([0.04, 0.12, 0.16, 0.06, 0.32, 0.50, 0.05])
        ok = (o["status"] == 0) | (o["status"] == 3)
        resp = np.where((o["ful"] == DELIVERY) & (o["kind"] != K_CATER), 0.35, resp_p[o["kind"]])
        take = ok & (rng.random(len(o["c"])) < resp)
        idx = np.nonzero(take)[0]
        c = o["c"][idx]
        kind, ful, late, spell = o["kind"][idx], o["ful"][idx], o["late"][idx], o["spell"][idx]
        t = np.where(
            ful == IN_STORE,
            o["t"][idx] + rng.integers(_HOUR, 10 * _HOUR, len(idx)),
            o["ful_t"][idx] + rng.integers(2 * _HOUR, 36 * _HOUR, len(idx)),
        )
        ty = ctype[c]
        wait = (ful == PICKUP) & (ty == PARENT) & (rng.random(len(idx)) < 0.18)
        queue = (kind == K_REG_INSTORE) & (rng.random(len(idx)) < 0.05)
        recent_drift = drift[c] & (t // _DAY >= (self.drift_start or D))
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
        theme = self.pick_themes(SURVEY_GROUPS, grp)
        theme = np.where(wait & (rng.random(len(idx)) < 0.85), TH["pickup_wait"], theme)
        theme = np.where(queue & (rng.random(len(idx)) < 0.85), TH["queue"], theme)
        theme = np.where(late & (rng.random(len(idx)) < 0.85), TH["late_delivery"], theme)
        score_pos = np.array([0.03, 0.1, 0.4, 0.85, 0.95])[csat - 1]
        text_p = np.where(late | wait | queue, 0.75, 0.5)
        s1 = dict(
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

        # 2. relationship NPS waves
        parts = [s1]
        for w in self.nps_waves:
            resp = np.array([0.30, 0.40, 0.35, 0.20, 0.0])
            m = np.nonzero(
                opt_in
                & (first_day < w)
                & (self.last_day >= w - 30)
                & (rng.random(len(ctype)) < resp[ctype])
            )[0]
            ty = ctype[m]
            wt = (
                w * _DAY
                + 10 * _HOUR
                + np.minimum(rng.exponential(30 * _HOUR, len(m)), 6 * _DAY).astype(np.int64)
            )
            dr = drift[m] & (self.drift_start is not None and w >= (self.drift_start or 0) + 14)
            mu = np.array([7.8, 9.2, 8.6, 7.2, 7.0])[ty]
            mu = np.where(dr, 5.8, mu)
            unhappy_planner = (ty == PLANNER) & (rng.random(len(m)) < 0.2)
            mu = np.where(unhappy_planner, 5.0, mu)
            nps = np.clip(
                np.round(rng.normal(mu, np.where(ty == REGULAR, 1.1, 1.7))), 0, 10
            ).astype(np.int64)
            grp = np.where(dr, 4, np.array([7, 8, 9, 10, 10])[ty])
            theme = self.pick_themes(SURVEY_GROUPS, grp)
            pos = np.array([0.08, 0.08, 0.1, 0.1, 0.12, 0.15, 0.3, 0.5, 0.7, 0.88, 0.93])[nps]
            parts.append(
                dict(
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
            )

        # 3. on-site feedback after a failed payment in the checkout week
        fc = np.concatenate([x[0] for x in self.failed] or [np.zeros(0, np.int64)])
        ft = np.concatenate([x[1] for x in self.failed] or [np.zeros(0, np.int64)])
        fday = np.clip(ft // _DAY, 0, D - 1)
        in_week = self.fail_day[fday] & (ft < self.end_t)
        m = in_week & (rng.random(len(fc)) < 0.12)
        k = int(m.sum())
        csat = np.clip(np.round(rng.normal(1.4, 0.6, k)), 1, 5).astype(np.int64)
        parts.append(
            dict(
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
        )
        self.failed_arrays = (fc, ft, in_week)

        s = {key: np.concatenate([np.asarray(p[key]) for p in parts]) for key in parts[0]}
        keep = (s["t"] < self.end_t) & (s["t"] >= 0)
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
            rng.random(n) < 0.3, self.pick_themes(SURVEY_GROUPS, s["grp"].astype(np.int64)), -1
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
        w = self.writer
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
        dday = (s["t"][dm] // _DAY).astype(np.int64)
        self.stats.delivery_csat_sum += np.bincount(
            dday, weights=s["csat"][dm].astype(float), minlength=D
        ).astype(np.int64)
        self.stats.delivery_csat_n += np.bincount(dday, minlength=D)
        # survey answers are touchpoints too; promoters sometimes post a review
        c = s["c"].astype(np.int64)
        t = s["t"].astype(np.int64)
        sch = s["sch"].astype(np.int64)
        self.emit(
            c, t, TP["survey_response"], np.array([CH["email"], CH["direct"], CH["in_store"]])[sch]
        )
        nps = s["nps"].astype(np.int64)
        csat = s["csat"].astype(np.int64)
        promoter = ((nps >= 9) | ((nps < 0) & (csat == 5))) & (rng.random(n) < 0.22)
        self.emit(
            c[promoter],
            t[promoter] + rng.integers(_HOUR, 4 * _DAY, int(promoter.sum())),
            TP["review_posted"],
            CH["search"],
        )
        ids = self.survey_counter + 1 + np.arange(n)
        self.survey_counter += n
        tpc = s["tp"].astype(np.int64)
        stage = np.where(tpc >= 0, _TP_STAGE[np.maximum(tpc, 0)], "advocacy")
        iso = self.iso_np(t)
        return pd.DataFrame(
            {
                "survey_id": np.strings.add("S", np.strings.zfill(ids.astype(str), 6)),
                "customer_id": self.ids[c],
                "ts": iso,
                "nps": pd.arrays.IntegerArray(np.maximum(nps, 0), nps < 0),
                "csat": pd.arrays.IntegerArray(np.maximum(csat, 0), csat < 0),
                "text": texts.astype(str),
                "touchpoint": np.where(tpc >= 0, _TP_NAMES[np.maximum(tpc, 0)], ""),
                "stage": stage,
                "channel": np.array(["email", "web", "in_store"])[sch],
            }
        )

    # ---------------------------------------------------------------- tickets

    def make_tickets(self, o: dict) -> pd.DataFrame:
        rng = self.rng
        D = self.D
        ctype = self.ctype
        parts = []  # (c, t, theme, touchpoint, ticket channel probs, order index)
        n_o = len(o["c"])
        oi = np.arange(n_o)
        ful, kind, status = o["ful"], o["kind"], o["status"]

        def add(mask, t, theme, tp, chans, order_idx):
            parts.append((None, np.asarray(t, np.int64), theme, tp, chans, order_idx))

        chans_mail = {"email": 0.55, "phone": 0.2, "chat": 0.15, "social": 0.1}
        # late deliveries (many in the shipping spell)
        late = o["late"] & (status != 2)
        m = late & (rng.random(n_o) < np.where(o["spell"], 0.45, 0.30))
        pt = np.where(
            o["promised"] >= 0, o["promised"], o["ful_t"]
        )  # written after the promised time
        add(
            m,
            pt[m] + rng.integers(6 * _HOUR, 30 * _HOUR, int(m.sum())),
            TO["late_delivery"],
            TP["delivery"],
            chans_mail,
            oi[m],
        )
        # damaged packaging
        m = (ful == DELIVERY) & (status != 2) & (status != 1) & (rng.random(n_o) < 0.03)
        add(
            m,
            o["ful_t"][m] + rng.integers(_HOUR, 20 * _HOUR, int(m.sum())),
            TO["packaging"],
            TP["delivery"],
            {"email": 0.6, "social": 0.3, "chat": 0.1},
            oi[m],
        )
        # waiting at pickup
        m = (ful == PICKUP) & (kind == K_PAR_ONLINE) & (status == 0) & (rng.random(n_o) < 0.035)
        add(
            m,
            o["ful_t"][m] + rng.integers(_HOUR, 6 * _HOUR, int(m.sum())),
            TO["pickup_wait"],
            TP["order_pickup"],
            {"email": 0.4, "social": 0.3, "in_store": 0.2, "chat": 0.1},
            oi[m],
        )
        # refunds for quality
        m = (status == 3) & ~o["late"] & (rng.random(n_o) < 0.5)
        add(
            m,
            o["ful_t"][m] + rng.integers(_HOUR, 30 * _HOUR, int(m.sum())),
            TO["taste"],
            np.where(
                ful[m] == IN_STORE,
                TP["instore_purchase"],
                np.where(ful[m] == PICKUP, TP["order_pickup"], TP["delivery"]),
            ),
            {"email": 0.5, "in_store": 0.3, "phone": 0.2},
            oi[m],
        )
        # online orders: changes and website trouble
        m = (o["och"] == ONLINE) & (rng.random(n_o) < 0.02)
        add(
            m,
            o["t"][m] + rng.integers(600, 20 * _HOUR, int(m.sum())),
            TO["website"],
            TP["order_placed"],
            {"email": 0.5, "chat": 0.4, "phone": 0.1},
            oi[m],
        )
        # regulars: loyalty stamps, prices, staff
        m = (kind == K_REG_INSTORE) & (rng.random(n_o) < 0.007)
        themes = rng.choice(
            [TO["prices"], TO["staff"], TO["queue"]], size=n_o, p=[0.5, 0.25, 0.25]
        )[m]
        add(
            m,
            o["t"][m] + rng.integers(600, 8 * _HOUR, int(m.sum())),
            themes,
            TP["instore_purchase"],
            {"in_store": 0.5, "email": 0.3, "social": 0.2},
            oi[m],
        )
        # failed payments: a few always, many in the checkout week
        fc, ft, in_week = self.failed_arrays
        m = rng.random(len(fc)) < np.where(in_week, 0.30, 0.10)
        pay_t = ft[m] + rng.integers(120, 3 * _HOUR, int(m.sum()))
        pay_c = fc[m]
        pool = np.nonzero(ctype != PROSPECT)[0]
        base_n = (
            rng.poisson(0.0006 * len(ctype) * D / 180) if len(pool) else 0
        )  # stray payment problems
        bc = pool[rng.integers(0, max(len(pool), 1), base_n)]
        bday = rng.integers(0, D, base_n)
        ok = self.first_day[bc] < bday
        bc, bday = bc[ok], bday[ok]
        parts_pay_c = np.concatenate([pay_c, bc])
        parts_pay_t = np.concatenate([pay_t, self.clock(bday, "broad")])
        parts.append(
            (
                parts_pay_c,
                parts_pay_t,
                TO["payment"],
                TP["checkout_start"],
                {"email": 0.5, "chat": 0.3, "phone": 0.1, "social": 0.1},
                "by_customer",
            )
        )
        # party planners: chasing quotes and changing orders
        pc, pt = self.planner_tickets
        parts.append(
            (pc, pt, TO["quote"], TP["quote_request"], {"email": 0.6, "phone": 0.4}, "by_customer")
        )
        pc, pt = self.planner_tickets_change
        parts.append(
            (
                pc,
                pt,
                TO["order_change"],
                TP["phone_order"],
                {"email": 0.5, "phone": 0.5},
                "by_customer",
            )
        )
        # allergen questions before buying
        asker = np.nonzero(np.isin(ctype, [PARENT, PROSPECT, PLANNER]))[0]
        m = asker[rng.random(len(asker)) < 0.03]
        aday = np.maximum(self.first_day[m], 0) + rng.integers(0, 30, len(m))
        parts.append(
            (
                m,
                self.clock(aday, "broad"),
                TO["dietary"],
                TP["product_view"],
                {"chat": 0.5, "email": 0.3, "social": 0.2},
                "by_customer",
            )
        )

        cs, ts, ths, tps, chs, ords = [], [], [], [], [], []
        tchan_names = ["email", "phone", "chat", "social", "in_store"]
        for idx, t, theme, tp, chans, order_idx in parts:
            if isinstance(order_idx, str):
                c = np.asarray(idx, np.int64)
                oid = np.full(len(c), -1)
            else:
                c = o["c"][order_idx]
                oid = order_idx
            if len(c) == 0:
                continue
            keys = list(chans)
            p = np.array([chans[x] for x in keys])
            ch = np.array([tchan_names.index(x) for x in keys])[
                rng.choice(len(keys), size=len(c), p=p / p.sum())
            ]
            cs.append(c)
            ts.append(np.asarray(t, np.int64))
            ths.append(np.broadcast_to(np.asarray(theme), (len(c),)).astype(np.int64))
            tps.append(np.broadcast_to(np.asarray(tp), (len(c),)).astype(np.int64))
            chs.append(ch)
            ords.append(np.asarray(oid, np.int64))
        if cs:
            c, t, theme, tp, tch, oid = (np.concatenate(x) for x in (cs, ts, ths, tps, chs, ords))
        else:
            c = t = theme = tp = tch = oid = np.zeros(0, np.int64)
        # a customer cannot write before they exist
        t = np.maximum(t, self.first_t[c] + _HOUR)
        keep = (t >= 0) & (t < self.end_t)
        c, t, theme, tp, tch, oid = c[keep], t[keep], theme[keep], tp[keep], tch[keep], oid[keep]
        order = np.lexsort((c, t))
        c, t, theme, tp, tch, oid = (
            c[order],
            t[order],
            theme[order],
            tp[order],
            tch[order],
            oid[order],
        )
        n = len(c)
        day = t // _DAY
        backlog = self.ship_day[np.clip(day, 0, D - 1)] & (theme == TO["late_delivery"])
        first = (
            t
            + (np.exp(rng.normal(np.log(np.where(backlog, 14.0, 3.0) * _HOUR), 0.7))).astype(
                np.int64
            )
            + 300
        )
        resolved = first + (
            np.exp(rng.normal(np.log(np.where(backlog, 48.0, 18.0) * _HOUR), 0.8))
        ).astype(np.int64)
        status = np.where(rng.random(n) < 0.75, 2, 3)  # resolved / closed
        status = np.where(resolved >= self.end_t, 1, status)  # pending
        status = np.where(first >= self.end_t, 0, status)  # open
        status = np.where((status >= 2) & (rng.random(n) < 0.02), 1, status)
        # texts
        pii = rng.random(n) < np.where(theme == TO["payment"], 0.08, 0.025)
        subjects = np.empty(n, dtype=object)
        texts = np.empty(n, dtype=object)
        w = self.writer
        order_ids = o["order_id"]
        for i in range(n):
            subjects[i], texts[i] = w.ticket(
                TOPICS[theme[i]], str(order_ids[oid[i]]) if oid[i] >= 0 else None, bool(pii[i])
            )
        # stats and events
        self.stats.tickets += np.bincount(day, minlength=D)
        self.stats.delivery_tickets += np.bincount(day[theme == TO["late_delivery"]], minlength=D)
        tch_names = np.array(tchan_names)
        ev = tch != 4
        ev_tp = np.where(tch == 1, TP["support_call"], TP["support_contact"])
        ev_ch = np.array([CH["email"], CH["phone"], CH["direct"], CH["instagram"], CH["in_store"]])[
            tch
        ]
        self.emit(c[ev], t[ev], ev_tp[ev], ev_ch[ev])
        ids = self.ticket_counter + 1 + np.arange(n)
        self.ticket_counter += n
        created = self.iso_np(t)
        first_s = self.iso_np(first)
        res_s = self.iso_np(resolved)
        return pd.DataFrame(
            {
                "ticket_id": np.strings.add("T", np.strings.zfill(ids.astype(str), 6)),
                "customer_id": self.ids[c],
                "created_at": created,
                "first_response_at": np.where(status == 0, "", first_s),
                "resolved_at": np.where(status >= 2, res_s, ""),
                "channel": tch_names[tch],
                "subject": subjects.astype(str),
                "text": texts.astype(str),
                "status": np.array(["open", "pending", "resolved", "closed"])[status],
                "touchpoint": _TP_NAMES[tp],
                "stage": _TP_STAGE[tp],
            }
        )

    # ---------------------------------------------------------------- tables

    def customers_table(self, g0, n, ctype, first_t, first_day, acq, opt_in) -> pd.DataFrame:
        rng = self.rng
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
        first_iso = self.iso_np(first_t)
        # prospects: first seen is their first touch
        return pd.DataFrame(
            {
                "customer_id": self.ids,
                "first_seen": first_iso,
                "city": city.astype(str),
                "region": region.astype(str),
                "segment": segment,
                "acquisition_channel": acq_s,
                "age_band": age.astype(str),
                "attributes": attrs,
            }
        )

    def events_table(self) -> pa.Table:
        c = np.concatenate(self.ev_c)
        t = np.concatenate(self.ev_t)
        tp = np.concatenate(self.ev_tp)
        ch = np.concatenate(self.ev_ch)
        s = np.concatenate(self.ev_s)
        v = np.concatenate(self.ev_v)
        keep = (t >= 0) & (t < self.end_t)
        c, t, tp, ch, s, v = c[keep], t[keep], tp[keep], ch[keep], s[keep], v[keep]
        order = np.lexsort((tp, t, c))
        c, t, tp, ch, s, v = c[order], t[order], tp[order], ch[order], s[order], v[order]
        self.min_event_t = np.full(len(self.ids), np.iinfo(np.int64).max)
        first_of, at = np.unique(c, return_index=True)  # sorted by customer, then time
        self.min_event_t[first_of] = t[at]
        day = t // _DAY
        D = self.D
        st = self.stats
        st.checkout_start += np.bincount(day[tp == TP["checkout_start"]], minlength=D)
        st.order_placed += np.bincount(day[tp == TP["order_placed"]], minlength=D)
        visit = tp == TP["website_visit"]
        st.arrivals += np.bincount(day[visit], minlength=D)
        st.arrivals_tiktok += np.bincount(day[visit & (ch == CH["tiktok"])], minlength=D)
        if self.spec.format == "parquet":
            _, utc = self.iso(t)
            ts = pa.array(utc * 1_000_000, type=pa.timestamp("us", tz=self.spec.timezone))
        else:
            ts, _ = self.iso(t)
        has_s = s >= 0
        sess = pc.binary_join_element_wise(
            "S", pc.utf8_lpad(pa.array(np.maximum(s, 0)).cast(pa.string()), 8, "0"), ""
        )
        sess = pc.if_else(pa.array(has_s), sess, pa.scalar(None, pa.string()))
        tpa = pa.array(tp.astype(np.int32))
        chan = pc.take(
            pa.array(CHANNELS + (None,)),
            pa.array(np.where(ch < 0, len(CHANNELS), ch).astype(np.int32)),
        )
        return pa.table(
            {
                "customer_id": pc.take(pa.array(self.ids), pa.array(c)),
                "ts": ts,
                "touchpoint": pc.take(pa.array(TOUCHPOINT_NAMES), tpa),
                "channel": chan,
                "stage": pc.take(pa.array(_TP_STAGE.tolist()), tpa),
                "session_id": sess,
                "online": pc.take(pa.array(_TP_ONLINE.tolist()), tpa),
                "value": pa.array(np.round(v, 2), type=pa.float64(), mask=np.isnan(v)),
            }
        )


def _incidents(g: _Generator) -> list[dict]:
    st = g.stats
    D = g.D
    out: list[dict] = []

    def day(i: int) -> str:
        return (g.start + timedelta(days=int(i))).isoformat()

    def ratio(a: np.ndarray, b: np.ndarray) -> float:
        return round(float(a.sum()) / max(float(b.sum()), 1.0), 3)

    if g.checkout:
        a, b = g.checkout
        inside = np.zeros(D, bool)
        inside[a : b + 1] = True
        around = (np.arange(D) >= a - 28) & (np.arange(D) <= b + 28) & ~inside
        base = ratio(st.order_placed[around], st.checkout_start[around])
        during = ratio(st.order_placed[inside], st.checkout_start[inside])
        out.append(
            {
                "id": "checkout_breakage",
                "kind": "checkout_failure",
                "start": day(a),
                "end": day(b),
                "size": -CHECKOUT_FAIL,
                "size_unit": "relative change in online order_placed per checkout_start",
                "stage": "purchase",
                "touchpoint": "order_placed",
                "channel": "online (all web channels)",
                "description": (
                    "Payment step broken for a week: checkout_start continues but "
                    f"{int(CHECKOUT_FAIL * 100)}% of online payments fail, so order_placed drops; "
                    "failed shoppers leave payment feedback (csat 1-2) and open payment tickets."
                ),
                "observed": {
                    "order_placed_per_checkout_start_4_weeks_around": base,
                    "order_placed_per_checkout_start_during": during,
                    "order_placed_per_day_4_weeks_around": round(
                        float(st.order_placed[around].mean()), 1
                    ),
                    "order_placed_per_day_during": round(float(st.order_placed[inside].mean()), 1),
                    "checkout_start_per_day_4_weeks_around": round(
                        float(st.checkout_start[around].mean()), 1
                    ),
                    "checkout_start_per_day_during": round(
                        float(st.checkout_start[inside].mean()), 1
                    ),
                },
            }
        )
    if g.shipping:
        a, b = g.shipping
        inside = np.zeros(D, bool)
        inside[a : b + 1] = True
        before = (np.arange(D) < a) & (np.arange(D) >= a - 42)
        csat_in = st.delivery_csat_sum[inside].sum() / max(st.delivery_csat_n[inside].sum(), 1)
        csat_before = st.delivery_csat_sum[before].sum() / max(st.delivery_csat_n[before].sum(), 1)
        out.append(
            {
                "id": "shipping_delay",
                "kind": "delivery_delay",
                "start": day(a),
                "end": day(b),
                "size": SHIPPING_LATE,
                "size_unit": "share of deliveries due in the spell that arrive late (normally 0.06), by 2-5 days",
                "stage": "post-purchase",
                "touchpoint": "delivery",
                "channel": "delivery orders",
                "description": (
                    "Courier problems: deliveries due in the spell arrive 2-5 days late "
                    f"({int(SHIPPING_LATE * 100)}% of them); late-delivery tickets rise, replies slow "
                    "down (backlog), delivery CSAT and the tone of delivery feedback fall. Tickets and "
                    "surveys about the spell run on a few days after it ends."
                ),
                "observed": {
                    "late_delivery_share_6_weeks_before": ratio(
                        st.deliveries_late[before], st.deliveries[before]
                    ),
                    "late_delivery_share_during": ratio(
                        st.deliveries_late[inside], st.deliveries[inside]
                    ),
                    "late_delivery_tickets_per_week_6_weeks_before": round(
                        float(st.delivery_tickets[before].sum()) / 6, 1
                    ),
                    "late_delivery_tickets_per_week_during": round(
                        float(st.delivery_tickets[inside].sum()) / (inside.sum() / 7), 1
                    ),
                    "delivery_csat_6_weeks_before": round(float(csat_before), 2),
                    "delivery_csat_during": round(float(csat_in), 2),
                },
            }
        )
    a = g.tiktok_start
    first30 = np.arange(D) < min(a, 30) if a > 0 else np.arange(D) < 30
    last30 = np.arange(D) >= D - 30
    out.append(
        {
            "id": "tiktok_growth",
            "kind": "channel_growth",
            "start": day(a),
            "end": day(D - 1),
            "size": TIKTOK_PEAK,
            "size_unit": (f"share of the start day's new arrivals from tiktok (from {TIKTOK_FROM} before); "
                          f"the burst halves every {TIKTOK_HALF_LIFE:g} days into growth from "
                          f"{TIKTOK_JUMP} to {TIKTOK_TO} by the end"),
            "stage": "awareness",
            "touchpoint": "website_visit",
            "channel": "tiktok",
            "first_touch_channel": "tiktok",
            "description": (
                "A video of the shop takes off on TikTok: on the start day TikTok brings most of the "
                "day's new visitors (on top of the usual ones), the burst fades over a week, and "
                "TikTok then keeps growing to a real share of new arrivals. It adds traffic, mostly "
                "prospects who browse and leave, plus some new customers with acquisition_channel=tiktok."
            ),
            "observed": {
                "tiktok_share_of_website_visits_first_30_days": ratio(
                    st.arrivals_tiktok[first30], st.arrivals[first30]
                ),
                "tiktok_share_of_website_visits_last_30_days": ratio(
                    st.arrivals_tiktok[last30], st.arrivals[last30]
                ),
                "website_visits_per_day_first_30_days": round(
                    float(st.arrivals[first30].mean()), 1
                ),
                "website_visits_per_day_last_30_days": round(float(st.arrivals[last30].mean()), 1),
                "tiktok_website_visits_on_the_start_day": int(st.arrivals_tiktok[a]) if a < D else 0,
                "tiktok_website_visits_per_day_week_before": round(
                    float(st.arrivals_tiktok[max(a - 7, 0):a].mean()) if a > 0 else 0.0, 1),
            },
        }
    )
    return out


def _drift(g: _Generator) -> list[dict]:
    """The planted churn drift of a customer type: what churn prediction and personas are
    checked against. Not an incident: it builds up over weeks in part of one customer type,
    so no day breaks."""
    st, D = g.stats, g.D

    def day(i: int) -> str:
        return (g.start + timedelta(days=int(i))).isoformat()

    out: list[dict] = []
    if g.drift_start is not None:
        a = g.drift_start
        last60 = np.arange(D) >= D - 60
        prior = (np.arange(D) < D - 60) & (np.arange(D) >= D - 150)
        dp = st.drift_purchases
        out.append(
            {
                "id": "regular_churn_drift",
                "kind": "churn_drift",
                "start": day(a),
                "end": day(D - 1),
                "size": -(1 - DRIFT_FLOOR),
                "size_unit": f"relative change in purchase rate of the drifting regulars (reached after {DRIFT_RAMP_DAYS} days)",
                "stage": "purchase",
                "touchpoint": "instore_purchase",
                "channel": "in_store",
                "segment": "weekday_regular",
                "affected_customers": int(st.drift_customers),
                "description": (
                    f"About {int(DRIFT_SHARE * 100)}% of established weekday regulars (churn_drift=true in "
                    "ground_truth.csv) buy less and less from the start date; their feedback turns to "
                    "prices, queues and quality and their NPS falls. Not an incident of the whole shop."
                ),
                "observed": {
                    "drifting_purchases_per_day_prior_90_days": round(float(dp[prior].mean()), 2),
                    "drifting_purchases_per_day_last_60_days": round(float(dp[last60].mean()), 2),
                },
            }
        )
    return out


def generate_sample(
    folder: Path,
    spec: SampleSpec = SampleSpec(),
    progress: Callable[[int, int], None] | None = None,
) -> SampleFiles:
    """Write the sample into `folder` (created if needed) and return where everything went."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    g = _Generator(spec)
    ext = "parquet" if spec.format == "parquet" else "csv"
    # An events file of the other format from an earlier run would be loaded instead of this one.
    (folder / f"events.{'csv' if ext == 'parquet' else 'parquet'}").unlink(missing_ok=True)
    paths = {
        "customers": folder / "customers.csv",
        "events": folder / f"events.{ext}",
        "orders": folder / "orders.csv",
        "surveys": folder / "surveys.csv",
        "tickets": folder / "tickets.csv",
        "truth": folder / "ground_truth.csv",
        "incidents": folder / "incidents.json",
        "drift": folder / "drift.json",
    }
    counts = dict.fromkeys(["customers", "events", "orders", "surveys", "tickets", "truth"], 0)
    total = spec.events
    if progress:
        progress(0, total)
    writer = None
    events_file = None
    small = {
        k: open(paths[k], "w", encoding="utf-8", newline="")
        for k in ("customers", "orders", "surveys", "tickets", "truth")
    }
    try:
        done = 0
        n_chunks = (g.n_customers + CHUNK_CUSTOMERS - 1) // CHUNK_CUSTOMERS
        for k in range(n_chunks):
            g0 = k * CHUNK_CUSTOMERS
            n = min(CHUNK_CUSTOMERS, g.n_customers - g0)
            tables = g.chunk(k, g0, n)
            ev: pa.Table = tables["events"]
            if writer is None:
                if spec.format == "parquet":
                    writer = pq.ParquetWriter(paths["events"], ev.schema, compression="zstd")
                else:
                    # pyarrow quotes header names; write a plain header, then unquoted rows
                    # (event values never contain commas or quotes)
                    events_file = open(paths["events"], "wb")
                    events_file.write((",".join(ev.column_names) + "\n").encode())
                    writer = pacsv.CSVWriter(
                        events_file,
                        ev.schema,
                        write_options=pacsv.WriteOptions(
                            include_header=False, quoting_style="none"
                        ),
                    )
            writer.write_table(ev)
            counts["events"] += ev.num_rows
            for name in ("customers", "orders", "surveys", "tickets", "truth"):
                df = tables[name]
                df.to_csv(small[name], index=False, header=(k == 0), lineterminator="\n")
                counts[name] += len(df)
            done += ev.num_rows
            if progress:
                progress(min(done, total), total)
    finally:
        if writer is not None:
            writer.close()
        if events_file is not None:
            events_file.close()
        for f in small.values():
            f.close()
    incidents = _incidents(g)
    paths["incidents"].write_text(json.dumps(incidents, indent=2) + "\n", encoding="utf-8")
    counts["incidents"] = len(incidents)
    paths["drift"].write_text(json.dumps(_drift(g), indent=2) + "\n", encoding="utf-8")
    if progress:
        progress(total, total)
    return SampleFiles(folder=folder, counts=counts, **paths)
