"""UCI shoppers is dated by month only (every session on the 1st) and has no April. Asked for
April, the answer offered "the latest 30 days with web visits are 2017-01-31 to 2017-03-01": a
window that holds two months' sessions (February's and March's). It now names the month. The
months that have sessions are read here from the raw CSV with pandas."""

from __future__ import annotations

import pandas as pd
from click.testing import CliRunner

from bot.cli import main

ORDER = ["Jan", "Feb", "Mar", "Apr", "May", "June", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def test_an_empty_month_of_month_dated_data_offers_the_latest_month_not_a_30_day_window(shoppers):
    months = set(pd.read_csv(shoppers.raw / "online_shoppers_intention.csv", sep=";").Month)
    assert "Apr" not in months
    latest = max((m for m in months if ORDER.index(m) < ORDER.index("Apr")), key=ORDER.index)
    result = CliRunner().invoke(main, ["kpis", "--metric", "sessions", "--period", "2017-04-01..2017-04-30"],
                                env={"JOURNEYBOT_HOME": str(shoppers.home)}, catch_exceptions=False)
    # the recipe dates the months in 2017, a placeholder year (the data set has none)
    assert f"the latest month with web visits is {latest[:3]} 2017: ask about that month" in result.output, result.output
    assert "latest 30 days" not in result.output
