"""`journeybot alerts check` and `alerts backtest` on a support desk's data alone (a Zendesk
tickets export with satisfaction off: no orders, events or survey answers). Before, the check
refused to run ("The journey store is empty") though the digest reported on the same tickets,
the 3-day first-response rule failed with "no events or orders", and every rule on a table the
export never had was an "error". Now the desk's rules are judged on the digest's day and the
others say "not judged: no orders are loaded". Counts are checked against pandas over the raw
export (the days cut in the default business zone, Europe/London)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from bot.cli import main

EXPORT = Path(__file__).resolve().parents[1] / "fixtures" / "vendors" / "zendesk" / "tickets_csat_off.csv"


def _tickets_per_day() -> pd.Series:
    raw = pd.read_csv(EXPORT, dtype=str)
    opened = pd.to_datetime(raw["Created at"], format="%Y-%m-%d %H:%M:%S %z", utc=True)
    return opened.dt.tz_convert("Europe/London").dt.date.value_counts().sort_index()


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_alert_check_judges_a_desk_on_its_last_day_and_skips_what_is_not_loaded():
    _run("ingest", str(EXPORT))
    per_day = _tickets_per_day()
    last = per_day.index[-1]
    out = _run("alerts", "check")
    assert f"Alert rules on {last:%a} {last.day} {last:%b %Y}:" in out, out
    tickets = next(line for line in out.splitlines() if " support-tickets: " in line)
    assert re.search(rf"Support tickets (was|rose to|fell to) {per_day.iloc[-1]} on {last:%a} {last.day} ", tickets), tickets
    for rule, missing in (("orders", "no orders"), ("revenue", "no orders"), ("csat-7d", "no survey answers"),
                          ("session-conversion", "no journey events")):
        assert f"- skip          {rule}: not judged: {missing} are loaded" in out, out
    assert "- error" not in out and "no events or orders" not in out, out
    # every starter rule is counted, the ones with no data among them
    assert out.splitlines()[0].endswith(" of 10 broken."), out


def test_the_backtest_of_a_desk_replays_its_ticket_rules_and_names_the_rest_skipped():
    _run("ingest", str(EXPORT))
    first = _tickets_per_day().index[0]
    out = _run("alerts", "backtest", "--since", str(first))
    assert out.startswith(f"Backtest {first} to "), out
    assert "  skipped orders: not judged: no orders are loaded" in out, out
    assert "error" not in out.lower().replace("errors", ""), out
