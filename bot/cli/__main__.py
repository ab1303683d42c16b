"""`python -m bot.cli ...` runs the `journeybot` command (containers, tests, no script on PATH)."""

from bot.cli import main

main(prog_name="journeybot")
