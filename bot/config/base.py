"""What every config section shares: the strict section base, defaults, and the field types
checked the same way wherever they appear (clock times, time zones)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, TypeAdapter

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


@functools.cache
def section_adapter(kind: str) -> TypeAdapter[Any]:
    """The validator of a section most config files leave out, built the first time a file has
    one: importing and building the mapping, source and alert-rule models cost about a fifth of
    a simple command's start (docs/BENCHMARKS.md, issue 22). Errors keep their full location
    (mappings.orders.columns, sources.0.url) as if the section were typed with the model."""
    if kind == "mappings":
        from tools.data.mapping import Mapping

        return TypeAdapter(dict[str, Mapping])
    if kind == "sources":
        from tools.sources.spec import SourceSpec

        return TypeAdapter(list[SourceSpec])
    from tools.alerts.rules import AlertRule

    return TypeAdapter(list[AlertRule])


# The words an on/off environment variable may say (any case, spaces around): one list for every
# switch, so JOURNEYBOT_PLANNER_FALLBACK and JOURNEYBOT_PLANNER_SECOND_OPINION read "no" alike
SWITCH_ON = frozenset({"on", "1", "true", "yes"})
SWITCH_OFF = frozenset({"off", "0", "false", "no", "none"})


def switch(env: Mapping[str, str] | None, name: str, default: bool) -> bool:
    """An on/off environment variable: on or off when it says so, else (unset, empty, or a word
    like "maybe") the default, usually the config file's key; never an error."""
    value = str((env or {}).get(name, "")).strip().lower()
    return True if value in SWITCH_ON else False if value in SWITCH_OFF else default
