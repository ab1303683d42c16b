"""Helpers for scheduler tests: a config in a throwaway data folder and a store stand-in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.config import load_config


class DataUntil:
    """A journey store stand-in: only what the scheduler asks of it, the last day of data and
    the business time zone."""

    def __init__(self, day: dt.date, timezone: str = "Europe/London"):
        self.day = day
        self.timezone = timezone

    def as_of(self) -> dt.date:
        return self.day

    def digest_day(self) -> dt.date:
        return self.day


def make_config(home: Path, toml: str = ""):
    home.mkdir(parents=True, exist_ok=True)
    path = home / "config.toml"
    path.write_text('[business]\ntimezone = "Europe/London"\n' + toml, encoding="utf-8")
    return load_config(path, env={"JOURNEYBOT_HOME": str(home)})
