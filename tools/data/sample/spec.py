"""What to generate (SampleSpec) and where it went (SampleFiles)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo


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
