"""When in the day things happen: hour-of-day profiles by kind of customer and activity
(weekday and weekend variants), as probabilities over the 24 hours."""

from __future__ import annotations

import numpy as np


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
