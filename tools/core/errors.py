"""Errors that tell the caller what to do next.

The agent turns these into tool messages the model can act on; the CLI turns them into a
clear message and a non-zero exit code. None of them carries a traceback to the user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tools.core.text import plural


class JourneyError(Exception):
    """Base class for errors journeybot reports to people."""


class ToolInputError(JourneyError):
    """The arguments were wrong; adjust them (the message names the valid values)."""


class ToolUnavailable(JourneyError):
    """Something needed is missing or busy right now; retrying once may help."""


class NotReadyYet(ToolUnavailable):
    """Not there yet, and asking again soon will not change that: it comes with a scheduled job
    (a model trained after the next sync) or one command, which the message names. A subclass
    of ToolUnavailable so every handler of that still catches it; said without "temporarily"."""


class ToolFatal(JourneyError):
    """Stop: retrying will not help."""


@dataclass(frozen=True)
class LatestWithData:
    """The latest period of the same length that has what an empty period lacked, so a caller
    can offer it without reading the message's words."""

    missing: str  # "no completed orders in last 30 days": what the period asked about lacks
    first: dt.date
    last: dt.date


class NoDataError(ToolInputError):
    """The store has no data for what was asked (no rows in the table or period)."""

    def __init__(self, message: str, *, latest: LatestWithData | None = None) -> None:
        super().__init__(message)
        self.latest = latest


class TableNotLoaded(NoDataError):
    """The table a KPI reads holds no rows at all: the data was never loaded, not a quiet day.
    `missing` says what, in words ("no orders"), so a caller can say "not judged: no orders
    are loaded" rather than report an error (an alert rule on a support desk's data)."""

    def __init__(self, message: str, *, missing: str) -> None:
        super().__init__(message)
        self.missing = missing


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, precise enough to fix it."""

    file: str
    message: str
    row: int | None = None  # 1-based data row (the header is not counted)
    column: str | None = None  # the column as named in the file
    expected: str | None = None
    got: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        text = ", ".join(where) + ": " + self.message
        if self.expected is not None:
            text += f"; expected {self.expected}"
        if self.got is not None:
            text += f", got {shown_value(self.got)!r}"
        return text


SHOWN_CHARS = 40


def shown_value(value: str) -> str:
    """A bad cell as a message may quote it: these messages reach logs, sync reports and the
    note beside a refused file, so an email, phone or card number in the wrong column is
    replaced by its kind ([email]) and a long text is cut; the row and column find the rest."""
    from tools.core.pii import redact

    shown = redact(value) or ""
    return shown if len(shown) <= SHOWN_CHARS else shown[:SHOWN_CHARS - 3] + "..."


class IngestError(ToolInputError):
    """Input rejected; nothing was written. Carries every problem found (up to a limit)."""

    def __init__(self, problems: list[Problem], total: int | None = None):
        self.problems = problems
        self.total = total if total is not None else len(problems)
        lines = [str(p) for p in problems]
        more = self.total - len(problems)
        if more > 0:
            lines.append(f"... and {more} more {plural('problem', more)} of the same kinds")
        lines.append("Nothing was written: the store is exactly as it was before.")
        super().__init__("\n".join(lines))
