"""`journeybot funnel | dropoffs | paths` as a script sees them: text, JSON, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from journey_fixtures import SHOP, WEEKS

from bot.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def load(tmp_path: Path, text: str) -> None:
    f = tmp_path / "events.csv"
    f.write_text(text)
    assert run("ingest", "events", str(f)).exit_code == 0


def test_funnel_text_json_and_options(tmp_path):
    load(tmp_path, SHOP)
    out = run("funnel", "--stages", "awareness,consideration", "--stages", "decision,purchase",
              "--period", "2026-05-01..2026-05-31")
    assert out.exit_code == 0, out.output
    assert "Funnel conversion: 50.0% (2 of 4 reached purchase within 30 days)." in out.output
    strict = run("funnel", "--stages", "awareness,consideration,decision,purchase", "--period", "all",
                 "--strict", "--json")
    data = json.loads(strict.output)
    assert [s["customers"] for s in data["steps"]] == [4, 3, 1, 1]
    assert data["provenance"]["params"]["skips"] == "stop"
    by = run("funnel", "--touchpoints", "ad_click,product_view", "--period", "all", "--by", "channel",
             "--channel", "Instagram")
    assert by.exit_code == 0 and "By first-touch channel:" in by.output and "channel=instagram" in by.output


def test_funnel_window_comes_from_the_config(tmp_path):
    load(tmp_path, SHOP)
    (tmp_path / "journeybot.toml").write_text("[analytics]\nconversion_window_days = 1\n")
    data = json.loads(run("funnel", "--stages", "awareness,consideration", "--period", "all",
                          "--json").output)
    assert data["window_days"] == 1
    assert [s["customers"] for s in data["steps"]] == [4, 2]  # B's visit came 3 days later


def test_dropoffs_and_paths(tmp_path):
    load(tmp_path, WEEKS)
    d = run("dropoffs", "--period", "2026-05-08..2026-05-14")
    assert d.exit_code == 0, d.output
    assert "Most lost at add to cart: 2 customers" in d.output
    stage = json.loads(run("dropoffs", "--period", "2026-05-08..2026-05-14", "--level", "stage",
                           "--no-compare", "--json").output)
    assert stage["previous"] is None and stage["points"][0]["point"] == "decision"
    p = run("paths", "--period", "2026-05-08..2026-05-14", "--top", "1")
    assert p.exit_code == 0 and "instore_purchase" in p.output
    goal = json.loads(run("paths", "--period", "2026-05-08..2026-05-14", "--goal-touchpoint",
                          "order_placed", "--json").output)
    assert goal["converted"] == 1


def test_bad_input_exits_1_and_usage_errors_exit_2(tmp_path):
    load(tmp_path, SHOP)
    empty = run("funnel", "--period", "2026-06-01..2026-06-30")
    assert empty.exit_code == 1 and "No customers entered the funnel" in empty.output
    unknown = run("dropoffs", "--channel", "tiktok")
    assert unknown.exit_code == 1 and "Unknown first-touch channel 'tiktok'" in unknown.output
    assert run("funnel", "--period", "next week").exit_code == 2
    assert run("funnel", "--by", "star_sign").exit_code == 2
    one_step = run("funnel", "--stages", "purchase")
    assert one_step.exit_code == 2 and "--stages: List should have at least 2 items" in one_step.output
    assert run("paths", "--max-steps", "40").exit_code == 2


def test_no_data_yet_says_how_to_load_it():
    result = run("paths")
    assert result.exit_code == 1 and "journeybot ingest events" in result.output


def test_long_queries_print_nothing_of_their_own_on_stdout():
    # DuckDB prints a progress bar on stdout after 2 s by default: at millions of events a
    # funnel can take that long, and `--json` output must stay JSON.
    from bot.config import load_config

    store = load_config().open_store()
    assert store.scalar("SELECT current_setting('enable_progress_bar_print')") is False
