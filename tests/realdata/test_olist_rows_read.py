"""The first thing a new Olist owner reads is the load's report. The customers file has one row
per order (8,135), several for a person who ordered twice; the recipe keeps each person's first
row. The report said "8,016 rows read; 8,016 new, ..., 119 skipped": rows read did not count the
rows the duplicate rule left out, so the line did not add up. Counted here with pandas."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from bot.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_the_load_report_counts_every_row_of_the_file_as_read(tmp_path, shared_root):
    raw = shared_root / "data" / "external" / "olist_sample"
    if not raw.exists():
        pytest.skip(f"{raw} is not here (the shared data folder is optional)")
    people = pd.read_csv(raw / "olist_customers_dataset.csv", dtype=str)
    result = CliRunner().invoke(
        main, ["ingest", "--no-index", "--recipe", str(REPO / "examples" / "olist" / "recipe.toml"), "--data-dir", str(raw)],
        env={"JOURNEYBOT_HOME": str(tmp_path)}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("customers") and "olist_customers" in x)
    m = re.search(r"([\d,]+) rows read; ([\d,]+) new, 0 updated, 0 unchanged, ([\d,]+) skipped", line)
    assert m, line
    read, new, skipped = (int(g.replace(",", "")) for g in m.groups())
    assert read == len(people)
    assert new == people.customer_unique_id.nunique()
    assert new + skipped == read
