"""`journeybot pattern --metric purchase_conversion --by hour` (lane real20): the buying rate by
hour of the day as customer-hours, in text and JSON, where it used to be refused."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from click.testing import CliRunner
from kpi_fixtures import load

from bot.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_buying_rate_by_hour_is_answered_with_what_an_hour_holds(home: Path, tmp_path: Path):
    # Four weeks of a bike shop (London summer, stamped in UTC): every day two people look in
    # the morning (09:xx local) and one of them buys then; one looks after lunch and buys at 14:xx.
    from bot.config import load_config

    store = load_config().open_store()
    rows = []
    for d in pd.date_range("2026-06-01", "2026-06-28", freq="D"):
        day = f"{d:%Y-%m-%d}"
        rows += [f"r{d.day},{day}T08:10:00Z,product_view", f"r{d.day},{day}T08:40:00Z,order_placed",
                 f"w{d.day},{day}T08:20:00Z,product_view", f"l{d.day},{day}T13:05:00Z,product_view",
                 f"l{d.day},{day}T13:25:00Z,order_placed"]
    people = sorted({r.split(",")[0] for r in rows})
    load(store, tmp_path / "bikes", {"customers": "customer_id\n" + "\n".join(people) + "\n",
                                     "events": "customer_id,ts,touchpoint\n" + "\n".join(rows) + "\n"})
    store.close()
    text = run("pattern", "--metric", "purchase_conversion", "--by", "hour", "--period", "all")
    assert text.exit_code == 0, text.output
    assert "Buying rate by hour of the day" in text.output
    assert "Highest (best): 14:00-15:00" in text.output  # 28 of 28 customer-hours bought, against 28 of 56
    assert "No active customers at 15:00-09:00 and 10:00-14:00 in 28 days" in text.output
    result = run("pattern", "--metric", "purchase_conversion", "--by", "hour", "--period", "all", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    hours = {row["bucket"]: row for row in data["table"]}
    assert (hours[9]["n"], hours[9]["value"]) == (56, 0.5) and (hours[14]["n"], hours[14]["value"]) == (28, 1.0)
    assert hours[11]["n"] == 0 and hours[11]["value"] is None
    assert data["holds"].startswith("customer-hours with a purchase-stage event / customer-hours")
    assert data["data_through"] == "2026-06-28" and data["provenance"]["tool"] == "time_pattern"
