"""The digest of UCI's online shoppers, whose sessions are dated by month only (each on the 1st
of its month): it set "Fri 1 Dec" (the whole of December) against "Fri 24 Nov" (nothing) and
said its funnel was "in the last 7 days". It now reports on the month it really reads, against
the month before, and claims no day anywhere. Every number is computed here from the raw CSV."""

from __future__ import annotations

import re

import pandas as pd


def _month(raw, name: str) -> pd.DataFrame:
    s = pd.read_csv(raw / "online_shoppers_intention.csv", sep=";")
    return s[s.Month == name]


def test_the_digest_of_month_dated_sessions_reports_on_the_last_month_against_the_one_before(shoppers):
    dec, nov = _month(shoppers.raw, "Dec"), _month(shoppers.raw, "Nov")
    for cadence in ("daily", "weekly"):
        out = shoppers.cli("digest", "--dry-run", "--cadence", cadence)
        assert (out["period_label"], out["previous_label"]) == ("Dec 2017", "Nov 2017"), out
        [line] = [k for k in out["kpis"] if k["metric"] == "session_conversion"]
        assert line["now"] == f"{dec.Revenue.mean():.1%}" and line["before"] == f"{nov.Revenue.mean():.1%}", line
        seen = dec  # every session is a website visit, which is the consideration stage
        bought = int(seen.Revenue.sum())
        assert out["funnel"].startswith(f"{len(seen):,} customers entered at consideration in Dec 2017; "
                                        f"{bought / len(seen):.0%} reached purchase (funnel conversion)."), out["funnel"]
        assert f"{len(seen) - bought:,} customers" in out["funnel"]
        text = "\n".join([out["summary"], out["funnel"], *out["notes"]])
        # no day is claimed: no weekday, no "last 7 days", no window in days, no daily chart
        assert not re.search(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b|last 7 days|within \d+ days", text), text
        assert out["chart"] is None
        assert any("dated by month only" in n and "reports on Dec 2017" in n for n in out["notes"]), out["notes"]


def test_the_printed_digest_is_headed_with_the_month(shoppers):
    from click.testing import CliRunner

    from bot.cli import main

    result = CliRunner().invoke(main, ["digest", "--dry-run"], env={"JOURNEYBOT_HOME": str(shoppers.home)},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first == "Daily journey digest — My shop, Dec 2017 (the data is dated by month)", first
    assert "Dec 2017 vs Nov 2017" in result.output
    assert "reports on Dec 2017, the data's last month" in result.output
