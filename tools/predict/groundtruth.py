"""Placeholder until the sample generator lands: which customers the generator made churn."""

from __future__ import annotations

import pandas as pd


def planted_churners(truth: pd.DataFrame) -> pd.Series | None:
    return None
