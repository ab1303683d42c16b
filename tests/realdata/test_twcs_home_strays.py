"""(lane real28b) twcs's App Home coverage line says what `journeybot describe` says: the range of
the bulk of the tickets, with the two stray old tickets named apart (they started the range at
2011-08-29). Days worked out from the raw CSV with pandas (tests/realdata/test_twcs.py)."""

from __future__ import annotations

import pandas as pd
from click.testing import CliRunner

from bot.cli import main
from realdata.test_twcs import bulk_start, tickets


def test_the_home_coverage_starts_with_the_bulk_and_names_the_strays(twcs):
    opened = tickets(twcs.raw).opened
    days = opened.dt.tz_convert("UTC").dt.date
    start = bulk_start(opened)
    strays = days[days < start]
    out = CliRunner().invoke(main, ["home", "--dry-run"], env={"JOURNEYBOT_HOME": str(twcs.home)},
                             catch_exceptions=False)
    assert out.exit_code == 0, out.output
    [line] = [x for x in out.output.splitlines() if x.startswith("Data from")]
    t = pd.read_csv(twcs.raw / "twcs.csv", lineterminator="\n")  # the last day of any tweet, as the Home's
    end = pd.to_datetime(t.created_at, format="%a %b %d %H:%M:%S %z %Y").dt.date.max()
    assert line.startswith(f"Data from {start} to {end}, "), line
    assert len(strays) == 2
    assert (f"Note: 2 tickets from {strays.min()} to {strays.max()}; the rest from {start} on. The tickets are shown "
            f"from {start}: those 2 lie {(start - strays.max()).days} days before the rest.") in line, line


def test_a_store_without_strays_keeps_its_plain_line(olist):
    out = CliRunner().invoke(main, ["home", "--dry-run"], env={"JOURNEYBOT_HOME": str(olist.home)},
                             catch_exceptions=False)
    [line] = [x for x in out.output.splitlines() if x.startswith("Data from")]
    assert "Note:" not in line and "lie" not in line, line
