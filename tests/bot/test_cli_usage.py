"""Mistakes on the command line read the same everywhere: a bad period, metric, stage or date
exits 2 with one line that names what is allowed, and every command's --help shows examples."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from bot.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("args, names", [
    (["funnel", "--period", "bogus"], ["Unknown period 'bogus'", "last_30_days", "this_month"]),
    (["kpis", "--period", "fortnight"], ["Unknown period 'fortnight'", "last_month"]),
    (["map", "--period", "next week"], ["Unknown period 'next week'", "last_7_days"]),
    (["feedback", "themes", "--since", "bogus"], ["--since", "Unknown period 'bogus'"]),
    (["kpis", "--metric", "profit"], ["unknown metric 'profit'", "revenue", "nps"]),
    (["trend", "profit"], ["unknown metric 'profit'", "purchase_conversion"]),
    (["funnel", "--stages", "checkout"], ["--stages 'checkout'", "awareness, consideration, decision"]),
    (["map", "--stage", "checkout"], ["--stage", "'checkout' is not one of", "post-purchase"]),
    (["alerts", "check", "--date", "30/06/2026"], ["--date '30/06/2026' is not a date", "YYYY-MM-DD"]),
    (["alerts", "backtest", "--since", "June"], ["--since 'June' is not a date"]),
    (["digest", "--date", "yesterday"], ["--date 'yesterday' is not a date"]),
    (["funnel", "--by", "star_sign"], ["'star_sign' is not one of", "channel"]),
    (["no-such-command"], ["No such command 'no-such-command'"]),
])
def test_bad_arguments_exit_2_with_one_line_naming_the_valid_values(args, names):
    result = run(*args)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for name in names:
        assert name in lines[0]
    assert "validation error" not in lines[0] and "input_value" not in lines[0]  # no pydantic dump


def test_map_refuses_a_pdf_before_drawing_anything():
    result = run("map", "--out", "map.pdf")
    assert result.exit_code == 2
    assert result.output.strip() == "Error: --out map.pdf: the map is written as .png, .xlsx, .csv or .md"


def _commands(cmd: click.Command, path: list[str]):
    yield " ".join(path), cmd
    if isinstance(cmd, click.Group):
        for name, sub in sorted(cmd.commands.items()):
            yield from _commands(sub, [*path, name])


def test_every_command_has_examples_in_its_help():
    missing = []
    for path, _ in _commands(main, ["journeybot"]):
        result = run(*path.split()[1:], "--help")
        assert result.exit_code == 0, path
        if "Example" not in result.output:
            missing.append(path)
    assert missing == []


def test_details_anywhere_on_the_line_adds_the_method_and_rows_read(tmp_path):
    events = tmp_path / "events.csv"
    events.write_text("customer_id,ts,touchpoint\nA,2026-05-01 10:00,ad_click\nA,2026-05-01 10:05,order_placed\n")
    assert run("ingest", "events", str(events)).exit_code == 0
    plain = run("kpis", "--metric", "active_customers", "--period", "all")
    after = run("kpis", "--metric", "active_customers", "--period", "all", "--details")
    before = run("--details", "kpis", "--metric", "active_customers", "--period", "all")
    assert plain.exit_code == after.exit_code == before.exit_code == 0
    assert "Period: all data" in plain.output and "How:" not in plain.output and "Rows read" not in plain.output
    assert "How:" in after.output and "Rows read: events" in after.output
    assert after.output == before.output
