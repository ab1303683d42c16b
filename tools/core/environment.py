"""Problems of the machine rather than of the data: a full disk, a read-only folder, no
permission to write. They reach journeybot as OSError, DuckDB IOException, SQLite
OperationalError or Chroma errors, often wrapped in another ("cannot rollback - no transaction
is active" after "No space left on device"), and must be reported as the one cause they are.

`environment_problem(exc, where)` looks through the exception and the ones it was raised from
and returns a ToolUnavailable whose message names the cause and what to do, or None when the
exception is something else (which is then a bug and keeps its traceback).
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from tools.core.errors import ToolUnavailable

FULL, READ_ONLY, NO_PERMISSION = "full", "read-only", "no-permission"

_ERRNOS = {
    errno.ENOSPC: FULL, errno.EDQUOT: FULL, errno.EFBIG: FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: NO_PERMISSION, errno.EPERM: NO_PERMISSION,
}
_PHRASES = (
    ("no space left on device", FULL), ("disk quota exceeded", FULL), ("database or disk is full", FULL),
    ("disk is full", FULL), ("file too large", FULL),
    ("read-only file system", READ_ONLY), ("readonly database", READ_ONLY), ("read only file system", READ_ONLY),
    ("permission denied", NO_PERMISSION), ("operation not permitted", NO_PERMISSION),
)
_QUOTED_PATH = re.compile(r"""["'](/[^"']+)["']""")


def _chain(exc: BaseException) -> list[BaseException]:
    out: list[BaseException] = []
    while exc is not None and exc not in out and len(out) < 10:
        out.append(exc)
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return out


def environment_cause(exc: BaseException) -> tuple[str, str | None] | None:
    """(kind, the path it happened at, if known) for a full disk, a read-only file system or a
    missing permission anywhere in the exception's chain; None otherwise."""
    for e in _chain(exc):
        kind = _ERRNOS.get(getattr(e, "errno", None) or -1) if isinstance(e, OSError) else None
        text = str(e).lower()
        if kind is None:
            kind = next((k for phrase, k in _PHRASES if phrase in text), None)
        if kind is not None:
            where = getattr(e, "filename", None) if isinstance(e, OSError) else None
            if where is None:
                found = _QUOTED_PATH.search(str(e))
                where = found.group(1) if found else None
            return kind, str(where) if where is not None else None
    return None


def environment_problem(exc: BaseException, where: str | Path | None = None, *,
                        nothing_written: bool = True) -> ToolUnavailable | None:
    """A one-line ToolUnavailable naming the real cause, or None when it is not one of these.
    `where` names the folder or file when the exception does not; `nothing_written` says the
    operation left everything as it was (ingest's transaction, a file written aside)."""
    found = environment_cause(exc)
    if found is None:
        return None
    kind, path = found
    place = str(where or path or "the data folder")
    unchanged = " Nothing was written." if nothing_written else ""
    if kind == FULL:
        text = (f"The disk holding {place} is full (no space left on device).{unchanged} Free some space "
                "and run the command again.")
    elif kind == READ_ONLY:
        text = (f"{place} is on a read-only file system, so journeybot cannot write there.{unchanged} "
                "Point JOURNEYBOT_HOME (or `home` in the config) at a writable folder.")
    else:
        text = (f"journeybot may not write to {place} (permission denied).{unchanged} Give this user write "
                "access, or point JOURNEYBOT_HOME (or `home` in the config) at a folder it owns.")
    return ToolUnavailable(text)
