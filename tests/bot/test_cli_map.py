"""`journeybot map` as a script sees it: the map in the terminal, files by extension, two maps
side by side, one stage in detail, and exit codes for mistakes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from journey_fixtures import SHOP, load_customers, load_events
from matplotlib.image import imread
from rich.console import Console

from bot.cli import main
from bot.cli.common import Ctx
from bot.cli.map import demo_journey_map

WEEK = "2026-05-01..2026-05-07"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def shop(home: Path, tmp_path: Path):
    from bot.config import load_config

    store = load_config().open_store()
    load_customers(store, tmp_path)
    load_events(store, tmp_path, SHOP)
    return store


def test_map_prints_the_map_and_writes_picture_spreadsheet_csv_and_markdown(shop, tmp_path):
    outs = [tmp_path / "out" / f"map.{ext}" for ext in ("png", "xlsx", "csv", "md")]
    result = run("map", "--period", WEEK, *[a for o in outs for a in ("--out", str(o))])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Journey map: all customers\n")
    # 4 customers are too few to call the stage healthy (lane surfaces29): grey, and why
    assert "awareness      GREY            4       75.0%" in result.output
    assert "- Not judged: too few to judge: 4 customers reached it" in result.output
    for out in outs:
        assert f"Wrote {out}" in result.output and out.stat().st_size > 0
    assert imread(outs[0], format="png").shape[1] == 1600  # as tall as its content
    grid = pd.read_excel(outs[1], sheet_name="Journey map", header=None)
    assert grid.iloc[5, 1].startswith("4 reached this stage")  # Customers, awareness
    assert list(pd.read_csv(outs[2], index_col=0, encoding="utf-8-sig").columns)[0] == "awareness"
    assert outs[3].read_text().startswith("# Journey map: all customers")


def test_quiet_prints_only_the_files_and_json_prints_the_numbers(shop, tmp_path):
    result = run("map", "--period", WEEK, "--segment", "vip", "--out", str(tmp_path / "vip.png"), "--quiet")
    assert result.exit_code == 0 and result.output.strip().startswith(f"Wrote {tmp_path / 'vip.png'}")
    data = json.loads(run("map", "--period", WEEK, "--json").output)
    assert [s["customers"] for s in data["stages"]] == [4, 3, 2, 2, 0, 0]
    assert data["provenance"]["tool"] == "journey_map"


def test_two_maps_side_by_side_and_one_stage_in_detail(shop, tmp_path):
    result = run("map", "--period", WEEK, "--segment", "vip", "--compare-segment", "loyalty",
                 "--out", str(tmp_path / "cmp.xlsx"))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Journey maps side by side: segment (CRM) vip vs segment (CRM) loyalty")
    assert pd.ExcelFile(tmp_path / "cmp.xlsx").sheet_names == ["Differences", "Left map", "Right map"]
    detail = run("map", "--period", WEEK, "--stage", "consideration")
    assert detail.exit_code == 0
    assert detail.output.startswith("Consideration for all customers, custom period (2026-05-01 to 2026-05-07)")
    assert "product view" in detail.output and "in-store visit" in detail.output


@pytest.mark.parametrize("args, code, message", [
    (["--segment", "gold"], 1, "Unknown segment (CRM) 'gold'; known values: vip, loyalty"),
    (["--stage", "decision", "--compare-period", "last_month"], 2, "drill into one stage or compare two maps"),
    (["--out", "map.pdf"], 2, "--out map.pdf: the map is written as .png, .xlsx, .csv or .md"),
    (["--stage", "decision", "--out", "d.png"], 2, "one stage in detail is written as .md or .csv"),
    (["--period", "2025-01-01..2025-01-31"], 1, "No journey events in custom period (2025-01-01 to 2025-01-31)"),
])
def test_mistakes_get_a_message_and_an_exit_code(shop, args, code, message):
    result = CliRunner().invoke(main, ["map", "--period", WEEK, *args] if "--period" not in args else ["map", *args])
    assert result.exit_code == code, result.output
    assert message in result.output
    # A mistake is refused before any work: the map is not printed first.
    assert "Journey map" not in result.output and len(result.output.strip().splitlines()) == 1


def test_the_demo_section_prints_the_map_and_says_where_the_files_are(shop, home):
    out = io.StringIO()
    ctx = Ctx(console=Console(file=out, width=200, highlight=False))
    demo_journey_map(ctx)
    text = out.getvalue()
    assert "$ journeybot map --out maps/journey-map.png --out maps/journey-map.xlsx" in text
    assert "# Journey map: all customers" in text
    assert f"Wrote {home / 'maps' / 'journey-map.png'}" in text and (home / "maps" / "journey-map.xlsx").exists()
