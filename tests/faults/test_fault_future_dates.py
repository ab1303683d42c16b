"""Fault: dates from the future (issue 20 item 4, built by helper 16a): one 2099 row emptied every
relative period, because "today" is the last day of data. Ingest must refuse such rows by
default, naming the row, and write nothing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bot.cli import main


def test_fault_a_row_from_the_future_is_refused_by_default(tmp_path: Path, home: Path):
    rows = [f"O{i},C{i % 7},2026-05-{1 + i % 28:02d} 10:00,{5 + i}.50" for i in range(30)]
    rows.append("O99,C1,2099-01-01 10:00,12.00")
    path = tmp_path / "orders.csv"
    path.write_text("order_id,customer_id,ts,amount\n" + "\n".join(rows) + "\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["ingest", "orders", str(path), "--create-customers"])
    assert done.exit_code == 1, done.output
    assert "2099" in done.output and "future" in done.output.lower() and "row 31" in done.output
    from tools.data.store import JourneyStore

    assert JourneyStore(home / "journey.duckdb").count("orders") == 0  # nothing was written
