"""What every config section shares: the strict section base, defaults, and the field types
checked the same way wherever they appear (clock times, time zones)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from tools.core.profile import check_timezone

DEFAULT_TIMEZONE = "Europe/London"
DEFAULT_MEMORY_LIMIT = "1GB"
SECRET_ENV = {
    "openai_api_key": "OPENAI_API_KEY",
    "slack_bot_token": "SLACK_BOT_TOKEN",
    "slack_app_token": "SLACK_APP_TOKEN",
    "slack_signing_secret": "SLACK_SIGNING_SECRET",
}


class Section(BaseModel):
    """A config table: unknown keys are errors (a misspelt key must not be silently ignored)."""

    model_config = ConfigDict(extra="forbid")


def check_clock(v: str) -> str:
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", v.strip()):
        raise ValueError(f"time {v!r} must be HH:MM on a 24-hour clock, e.g. 08:00")
    return v.strip()


# "08:00"; an optional one may be left empty (never).
Clock = Annotated[str, AfterValidator(check_clock)]
OptionalClock = Annotated[str | None, AfterValidator(lambda v: check_clock(v) if v else None)]
Zone = Annotated[str, AfterValidator(check_timezone)]
