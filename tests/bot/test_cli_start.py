"""`journeybot --help` lists the commands without importing them, with the same first lines
the commands themselves give; a simple command does not load what it never uses."""

from __future__ import annotations

import os
import subprocess
import sys

import click
from click.testing import CliRunner

from bot.cli import COMMAND_TABLE, main


def test_every_listed_first_line_is_the_commands_own():
    ctx = click.Context(main)
    for name, (target, line) in COMMAND_TABLE.items():
        command = main.get_command(ctx, name)
        assert command is not None, target
        assert line == command.get_short_help_str(limit=10_000), name


def test_help_lists_every_command_without_importing_them(tmp_path):
    code = ("import sys; from click.testing import CliRunner; from bot.cli import main; "
            "r = CliRunner().invoke(main, ['--help']); print(r.output); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pandas', 'langchain', 'langgraph', 'slack_bolt', 'torch', 'sklearn') or m.startswith('bot.cli.')))")
    env = {**os.environ, "JOURNEYBOT_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    *help_lines, loaded = out.strip().splitlines()
    assert eval(loaded) == ["bot.cli.args", "bot.cli.common"]  # noqa: S307 - our own repr of a list
    text = "\n".join(help_lines)
    for name in COMMAND_TABLE:
        assert f"\n  {name} " in text
    # The same text as when every command is loaded (as click lists them).
    assert CliRunner().invoke(main, ["--help"]).output.strip() == text.strip()
