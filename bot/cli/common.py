"""What every command shares: the loaded config, the store, errors, output, progress bars.

Exit codes scripts can rely on:
  0  success
  1  bad input or data (the message says which file, row and column); nothing was changed
  2  usage error (unknown option, missing argument)
  3  environment problem (store busy, optional package missing, Slack or model unreachable)
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console

from tools.core.environment import environment_cause, environment_problem
from tools.core.errors import JourneyError, ToolInputError, ToolUnavailable

if TYPE_CHECKING:  # the config (about thirty pydantic models) loads when a command reads it,
    from bot.config import Config  # not for `journeybot --help` (tests/bot/test_cli_start.py)

EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3

F = TypeVar("F", bound=Callable[..., Any])


class CommandError(click.ClickException):
    """A user-facing failure with one of the exit codes above."""

    def __init__(self, message: str, exit_code: int = EXIT_INPUT):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: Any = None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)


@dataclass
class Ctx:
    config_path: str | None = None
    details: bool = False  # --details: the statistics and methods behind the numbers too
    _config: Config | None = field(default=None, repr=False)
    _store: Any = field(default=None, repr=False)
    hold_store: bool = False  # keep the store open until the command ends (bot/cli/__init__.py HELD)
    _holding: ExitStack = field(default_factory=ExitStack, repr=False)
    console: Console = field(default_factory=lambda: Console(highlight=False, soft_wrap=True))
    err: Console = field(default_factory=lambda: Console(stderr=True, highlight=False))

    @property
    def config(self) -> Config:
        if self._config is None:
            from bot.config import ConfigError, load_config

            try:
                self._config = load_config(self.config_path)
            except ConfigError as exc:
                raise CommandError(str(exc), EXIT_INPUT) from None
        return self._config

    @property
    def store(self):  # -> JourneyStore
        if self._store is None:
            # Held from the open on: the schema check's connection keeps the file open for the
            # command, which then reads it without opening it again.
            self._store = self.config.open_store(hold=self.hold_store)
            if self.hold_store:
                self._holding.callback(self._store.release)
        return self._store

    def close(self) -> None:
        self._holding.close()


pass_ctx = click.make_pass_decorator(Ctx, ensure=True)


def friendly_errors(fn: F) -> F:
    """Turn journeybot's own errors into messages and exit codes; let bugs show tracebacks."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ToolUnavailable as exc:
            raise CommandError(str(exc), EXIT_ENVIRONMENT) from None
        except ToolInputError as exc:
            raise CommandError(str(exc), EXIT_INPUT) from None
        except JourneyError as exc:
            raise CommandError(str(exc), EXIT_INPUT) from None
        except Exception as exc:
            if _is_validation_error(exc):  # options that build a params model the wrong way
                raise CommandError(usage_message(exc), EXIT_USAGE) from None
            if _is_config_error(exc):
                raise CommandError(str(exc), EXIT_INPUT) from None
            # A full disk, a read-only folder or a missing permission anywhere below (DuckDB,
            # SQLite, Chroma, a file write): one line naming the cause, exit 3. Anything else
            # is a bug and keeps its traceback.
            ctx = next((a for a in args if isinstance(a, Ctx)), None)
            home = ctx.config.home_path if ctx is not None and ctx._config is not None else None
            found = environment_cause(exc)
            problem = environment_problem(exc, None if found and found[1] else home, nothing_written=False)
            if problem is None:
                raise
            raise CommandError(str(problem), EXIT_ENVIRONMENT) from None

    return wrapper  # type: ignore[return-value]


def _is_validation_error(exc: Exception) -> bool:
    # Only pydantic raises its ValidationError: looked up once it is loaded, so that a command
    # that never builds a model (`--help`) does not import pydantic to catch it.
    core = sys.modules.get("pydantic_core")
    return core is not None and isinstance(exc, core.ValidationError)


def _is_config_error(exc: Exception) -> bool:
    # Only a loaded config raises ConfigError: looked up where it was defined, so that no
    # command loads the config just to catch its error.
    loading = sys.modules.get("bot.config.loading")
    return loading is not None and isinstance(exc, loading.ConfigError)


def usage_message(exc: Any) -> str:  # a pydantic ValidationError
    """One line per model: which option, what was given and what is allowed."""
    parts = []
    for err in exc.errors()[:3]:
        loc = [str(p) for p in err.get("loc", ()) if not isinstance(p, int)]
        name = "--" + loc[-1].replace("_", "-") if loc else "arguments"
        expected = (err.get("ctx") or {}).get("expected")
        got = err.get("input")
        shown = f" {got!r}" if isinstance(got, (str, int, float)) else ""
        if expected:
            parts.append(f"{name}{shown} is not valid; use {str(expected).replace(chr(39), '')}")
        else:
            msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
            parts.append(f"{name}: {msg}")
    return "; ".join(parts)


def print_json(data: Any) -> None:
    from tools.core.results import to_jsonable

    click.echo(json.dumps(to_jsonable(data), indent=2, ensure_ascii=False))


def show_result(ctx: Ctx, result: Any, as_json: bool) -> None:
    """A tool's result as JSON (--json), else as text, with its methods under --details."""
    if as_json:
        print_json(result)
    else:
        from tools.core.results import text_of

        text = text_of(result, ctx.details)
        ctx.console.print(text, markup=False)
        assumed = assumed_currency(ctx, text)
        if assumed:
            ctx.console.print(assumed, markup=False)


def assumed_currency(ctx: Ctx, text: str) -> str | None:
    """A note under an answer that writes amounts while nobody has set the currency (REES46's
    prices): a trend, comparison or persona in pounds would otherwise pass for a fact. Only the
    KPI table said it; Slack's answers say it through bot/agent/answer_notes.py."""
    note = ctx.store.profile.currency_note_for(text)
    return "Note: " + note if note else None


@contextmanager
def progress_bar(console: Console, enabled: bool = True) -> Iterator[Callable[[str, float], None]]:
    """A callback (label, fraction) driving one bar per thing being done: labels "events:
    checking" and "events: writing" move the same bar ("events"), which says the step."""
    if not enabled or not sys.stderr.isatty():
        yield lambda label, fraction: None
        return
    # Only loads and training draw bars: the reading commands do not import rich.progress.
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description:<28}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), transient=True,
    ) as bar:
        tasks: dict[str, Any] = {}

        def update(label: str, fraction: float) -> None:
            key = label.split(":", 1)[0]
            if key not in tasks:
                tasks[key] = bar.add_task(label, total=1.0)
            bar.update(tasks[key], description=label, completed=max(0.0, min(1.0, fraction)))

        yield update
