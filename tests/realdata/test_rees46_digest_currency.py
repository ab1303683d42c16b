"""REES46's prices name no currency, and the morning digest showed its revenue in pounds as a
fact (the KPI table and every answer already said the pounds were only assumed). The digest now
says it too, and its revenue and orders match pandas over the raw events (purchases folded by
session, as the recipe does)."""

from __future__ import annotations

import pandas as pd
from click.testing import CliRunner

from bot.cli import main


def test_the_digest_says_the_currency_of_its_revenue_is_only_assumed(rees46):
    events = pd.read_csv(rees46.raw / "2019-Oct-sample.csv")
    bought = events[events.event_type == "purchase"]
    revenue, orders = bought.price.sum(), bought.user_session.nunique()
    out = CliRunner().invoke(main, ["digest", "--dry-run"], env={"JOURNEYBOT_HOME": str(rees46.home)},
                             catch_exceptions=False).output
    lines = {line.split("  ")[0]: line for line in out.splitlines() if line.startswith(("Revenue ", "Orders "))}
    assert f"£{revenue:,.2f}" in lines["Revenue"] and f" {orders} " in lines["Orders"] + " ", out
    assert ("Note: amounts are shown in GBP only by assumption: nothing in the config, a recipe or the data "
            "says which currency they are in") in out, out
