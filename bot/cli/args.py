"""Reading command-line arguments the same way everywhere: a bad period, metric, stage or date
is a usage error (exit 2) with one line that names the valid values, never a pydantic dump.

`JourneyGroup` makes click's own usage errors (unknown option, a value not in a choice) one
line too, pointing at the command's --help for examples.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import click

from bot.cli.common import EXIT_USAGE, CommandError, usage_message
from tools.core.errors import ToolInputError

if TYPE_CHECKING:  # pydantic loads with the first command that reads a period or builds a
    from pydantic import BaseModel  # params model, not for `journeybot --help`

    from tools.analytics.periods import Period


def parse_period(value: str, option: str = "--period") -> Period:
    from tools.analytics.periods import Period

    try:
        return Period.parse(value)
    except ToolInputError as exc:
        raise CommandError(f"{option}: {exc}", EXIT_USAGE) from None


def parse_day(value: str | None, option: str = "--date") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-09-01",
                           EXIT_USAGE) from None


def build(model: type[BaseModel], **values: Any) -> Any:
    """The params model from options that were given (None means: the model's default)."""
    from pydantic import ValidationError

    try:
        return model(**{k: v for k, v in values.items() if v is not None})
    except ValidationError as exc:
        raise CommandError(usage_message(exc), EXIT_USAGE) from None


class _OneLineUsage(click.ClickException):
    exit_code = EXIT_USAGE

    def __init__(self, message: str, command: str):
        super().__init__(message)
        self.command = command

    def show(self, file: Any = None) -> None:
        click.echo(f"Error: {self.format_message()} (examples: {self.command} --help)", err=True)


DETAILS_FLAG = "--details"


class JourneyGroup(click.Group):
    """A click group whose usage errors, its own or its commands', are one line, and which takes
    --details anywhere on the line (`journeybot kpis --details` as well as `journeybot --details
    kpis`): every command prints plain words by default and the statistics behind them with it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if DETAILS_FLAG in args[: args.index("--") if "--" in args else len(args)]:
            ctx.meta[DETAILS_FLAG] = True
            args = [a for a in args if a != DETAILS_FLAG]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else ctx.command_path
            raise _OneLineUsage(exc.format_message(), where) from None
