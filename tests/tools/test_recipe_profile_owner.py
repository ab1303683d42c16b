"""A recipe's [profile] fills only what the owner left unset: the zone the owner chose (in the
config or with `journeybot profile set`) cuts the days of a recipe's load, and the load report
says which zone was used and where it came from. Before, a recipe's `timezone = "UTC"` replaced
the owner's New York for that load, and nothing said so.

Orders stamped in UTC late in the evening: in New York they fall a day earlier. The days are
checked against pandas converting the same stamps."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from bot.cli import main
from tools.data.store import JourneyStore

STAMPS = ["2026-03-02 02:30:00+00:00", "2026-03-03 12:00:00+00:00", "2026-03-05 01:15:00+00:00"]


@pytest.fixture
def recipe(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    pd.DataFrame({"order_id": ["A1", "A2", "A3"], "customer_id": ["C1", "C2", "C1"], "ts": STAMPS,
                  "amount": [10.0, 20.0, 30.0]}).to_csv(data / "orders.csv", index=False)
    path = tmp_path / "recipe.toml"
    path.write_text(f'name = "shop"\ndata_dir = "{data.as_posix()}"\n\n[profile]\ntimezone = "UTC"\n\n'
                    '[[load]]\nfile = "orders.csv"\ntable = "orders"\nunknown_customers = "create"\n', encoding="utf-8")
    return path


def _days(zone: str) -> tuple:
    local = pd.to_datetime(pd.Series(STAMPS), utc=True).dt.tz_convert(zone).dt.date
    return local.min(), local.max()


def _load(home: Path, recipe: Path) -> str:
    result = CliRunner().invoke(main, ["ingest", "--recipe", str(recipe), "--no-index"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _store_days(home: Path) -> tuple[str, tuple]:
    store = JourneyStore(home / "journey.duckdb")
    try:
        return store.timezone, store.date_range()
    finally:
        store.close()


def test_the_owners_config_zone_wins_over_the_recipes(home, recipe):
    home.mkdir(parents=True)
    (home / "config.toml").write_text('[business]\ntimezone = "America/New_York"\n', encoding="utf-8")
    out = _load(home, recipe)
    assert (f"Time zone: America/New_York (set in your config {home / 'config.toml'}); the recipe's [profile] "
            "says UTC, but your own setting wins.") in out, out
    zone, days = _store_days(home)
    assert zone == "America/New_York" and days == _days("America/New_York")
    assert days != _days("UTC")  # the evening stamps fall a day earlier than in UTC


def test_a_zone_set_with_the_profile_command_wins_too(home, recipe):
    assert CliRunner().invoke(main, ["profile", "set", "timezone=Asia/Tokyo"]).exit_code == 0
    out = _load(home, recipe)
    assert ("Time zone: Asia/Tokyo (set with `journeybot profile set`); the recipe's [profile] says UTC, "
            "but your own setting wins.") in out, out
    assert _store_days(home) == ("Asia/Tokyo", _days("Asia/Tokyo"))


def test_the_recipe_fills_a_zone_nobody_set(home, recipe):
    out = _load(home, recipe)
    assert f"Time zone: UTC (from recipe {recipe.as_posix()})." in out, out
    assert _store_days(home) == ("UTC", _days("UTC"))
