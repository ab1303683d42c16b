"""How the journey store opens its file: a busy file is retried for a while, each connection
is configured, and the tables are brought up to date on the first open.

DuckDB allows one writing process at a time, so a command-line ingest and the Slack server
take turns on the file; a busy file is retried until `lock_timeout`, then given up with a
message that says so.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import duckdb

from tools.core.environment import environment_problem
from tools.core.errors import ToolInputError, ToolUnavailable
from tools.core.profile import BusinessProfile
from tools.data import first_touch, profile_store, schema_version, session_table
from tools.data.data_version import bump_data_version
from tools.data.stored_redaction import bring_up_to_date as redact_again


def open_file(path: Path, lock_timeout: float) -> duckdb.DuckDBPyConnection:
    """A connection to the file at `path`, waiting up to `lock_timeout` s while another
    process holds it."""
    deadline = time.monotonic() + lock_timeout
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as exc:
            # A read-only folder, a full disk or a missing permission is not "busy": say so
            # at once instead of waiting for a lock that will never come.
            problem = environment_problem(exc, path.parent)
            if problem is not None:
                raise problem from None
            if "lock" not in str(exc).lower():
                raise ToolUnavailable(f"Could not open the journey store {path}: "
                                      f"{str(exc).splitlines()[0][:200]}") from None
            if time.monotonic() > deadline:
                raise ToolUnavailable(
                    f"The journey store {path} is in use by another journeybot "
                    f"process and stayed busy for {lock_timeout:.0f} s. "
                    "Try again when the other command has finished."
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


def configure(con: duckdb.DuckDBPyConnection, timezone: str, memory_limit: str | None,
              threads: int | None, temp_directory: Path | None) -> None:
    set_timezone(con, timezone)
    # DuckDB draws its own progress bar on the terminal for long queries; our commands
    # draw theirs (and JSON output must stay clean).
    con.execute("SET enable_progress_bar_print = false")
    if memory_limit:
        con.execute(f"SET memory_limit = '{quote_literal(memory_limit)}'")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    if temp_directory:
        try:
            temp_directory.mkdir(parents=True, exist_ok=True)
        except OSError:  # a read-only folder: DuckDB keeps its default spill folder
            return
        con.execute(f"SET temp_directory = '{quote_literal(str(temp_directory))}'")


def bring_up_to_date(con: duckdb.DuckDBPyConnection, overrides: dict[str, Any], source: str) -> BusinessProfile:
    """Inside the opening transaction: the tables of the current schema, the profile with
    `overrides` set (by `source`), and the derived tables built for its time zone. Returns
    the profile."""
    # A store of this version is only read here: a reading command writes nothing to the
    # file (and skips the write's cost), and opening never waits on a writer's lock for it.
    if not schema_version.is_current(con):
        schema_version.bring_up_to_date(con)
    try:
        profile = profile_store.apply(con, overrides, source) if overrides else profile_store.load(con)
    except ValueError as exc:
        raise ToolInputError(f"business profile: {exc}") from None
    set_timezone(con, profile.timezone)
    # Stores made before the sessions table (or in another time zone) get it built now,
    # once, so old data folders keep working.
    if not session_table.is_current(con, profile.timezone):
        session_table.rebuild(con, profile.timezone)
    if not first_touch.is_current(con):
        first_touch.rebuild(con)
    redact_again(con, bump_data_version)  # texts loaded under older redaction rules
    return profile


def set_timezone(con: duckdb.DuckDBPyConnection, timezone: str) -> None:
    con.execute(f"SET TimeZone = '{quote_literal(timezone)}'")


def quote_literal(text: str) -> str:
    return text.replace("'", "''")
