"""`journeybot <command>` in a fresh Python, this checkout's code first, and what it imported:
the start-up tests (tests/bot/test_cli_start.py, tests/bot/test_ask_start.py) check that a
command does not load what it never uses (issue 22)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Prints every module the command loaded (full names) on stderr, after its own output, even when
# it fails, so a test can say what a failing command had loaded.
_RUN_AND_LIST = (
    "import sys\n"
    "from bot.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:], prog_name='journeybot', standalone_mode=False)\n"
    "finally:\n"
    "    sys.stdout.flush()\n"
    "    print('LOADED', sorted(sys.modules), file=sys.stderr)\n"
)


def checkout_env(env: dict[str, str] | None = None) -> dict[str, str]:
    """`env` (default: this process's) with this checkout first on PYTHONPATH: the virtualenv's
    editable install may point at another checkout (a worktree's tests test the worktree)."""
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def run_and_list(env: dict[str, str] | None, *args: str) -> tuple[str, set[str]]:
    """`journeybot *args`'s standard output and every module it loaded; it must exit 0."""
    done = subprocess.run([sys.executable, "-c", _RUN_AND_LIST, *args], env=checkout_env(env),
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = next(line for line in done.stderr.splitlines() if line.startswith("LOADED "))
    return done.stdout, set(eval(loaded.removeprefix("LOADED ")))  # noqa: S307 - our own repr of a list
