"""The codes the generator works in: customer types, touchpoints, channels, order channels and
fulfilment, as small integers so a chunk is numpy arrays until the tables are written.

Touchpoint names, stages and online flags come from tools/core/stages.py, so the sample always
speaks the same vocabulary as the journey store.
"""

from __future__ import annotations

import numpy as np

from tools.core.stages import DEFAULT_TOUCHPOINTS, STAGES

DAY = 86_400  # times inside a chunk are seconds since the start of the period (local wall clock)
HOUR = 3_600

PLANTED_TYPES: tuple[str, ...] = (
    "busy_local_parent",
    "weekday_regular",
    "party_planner",
    "gift_buyer",
    "prospect",
)
PARENT, REGULAR, PLANNER, GIFT, PROSPECT = range(5)

TOUCHPOINT_NAMES: tuple[str, ...] = tuple(DEFAULT_TOUCHPOINTS)
TP = {name: i for i, name in enumerate(TOUCHPOINT_NAMES)}
TP_STAGE = np.array([DEFAULT_TOUCHPOINTS[n].stage for n in TOUCHPOINT_NAMES])
TP_ONLINE = np.array([DEFAULT_TOUCHPOINTS[n].online for n in TOUCHPOINT_NAMES])
TP_NAMES = np.array(TOUCHPOINT_NAMES)
assert set(TP_STAGE) <= set(STAGES)

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
