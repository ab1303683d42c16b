"""A newcomer loads the twcs tweets through the recipe alone, with no config of their own (the
suite's fixture sets a time zone; this test does not). The tweets are stamped "+0000", but the
recipe named no zone, so days were cut in the assumed Europe/London: in October 2017 (summer
time) the evening tweets moved a day on, and "tickets on 8 October" read 6 where the tweets say
11. The recipe now keeps the data's UTC. Tickets (conversations a customer started) are
rebuilt here from the raw CSV with pandas."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from bot.cli import main

REPO = Path(__file__).resolve().parents[2]


def _thread_starts(raw) -> pd.Series:
    """Creation times (UTC) of the conversations a customer started: an inbound tweet that
    answers nothing in the file. Only \\n ends a row (one text holds bare carriage returns)."""
    text = (raw / "twcs.csv").read_bytes().decode("utf-8").replace("\r", "\x00")
    t = pd.read_csv(io.StringIO(text), index_col=0)
    parent = t.in_response_to_tweet_id
    starts = t[t.inbound & (parent.isna() | ~parent.isin(t.tweet_id))]
    return pd.to_datetime(starts.created_at, format="%a %b %d %H:%M:%S %z %Y")


def _run(home, *args: str) -> str:
    result = CliRunner().invoke(main, list(args), env={"JOURNEYBOT_HOME": str(home)}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_twcs_days_are_cut_in_the_utc_its_tweets_are_stamped_in(tmp_path, shared_root):
    raw = shared_root / "data" / "external" / "twcs_sample"
    if not raw.exists():
        pytest.skip(f"{raw} is not here (the shared data folder is optional)")
    _run(tmp_path, "ingest", "--no-index", "--recipe", str(REPO / "examples" / "twcs" / "recipe.toml"),
         "--data-dir", str(raw))
    assert "time zone UTC (recipe" in _run(tmp_path, "describe")
    started = _thread_starts(raw)
    day = pd.Timestamp("2017-10-08").date()
    in_utc = int((started.dt.tz_convert("UTC").dt.date == day).sum())
    in_london = int((started.dt.tz_convert("Europe/London").dt.date == day).sum())
    assert in_utc != in_london  # the day this test is about is one the zone changes
    out = _run(tmp_path, "kpis", "--metric", "tickets", "--period", f"{day}..{day}")
    assert re.search(rf"Support tickets\s+{in_utc}\s", out), out
