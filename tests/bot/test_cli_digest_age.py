"""The morning digest of an export that ended long ago says so: headed only with its day, a
support desk's digest of July 2025 read as this morning's report (`journeybot ask` said how old
it was; `digest --dry-run` and the posted digest did not). A day the owner asks for with --date
is theirs and gets no such note. The day is read from the raw export with pandas."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from bot.cli import main
from bot.scheduler.digests import aged

EXPORT = Path(__file__).resolve().parents[1] / "fixtures" / "vendors" / "zendesk" / "tickets_csat_off.csv"


def _last_day() -> dt.date:
    opened = pd.to_datetime(pd.read_csv(EXPORT, dtype=str)["Created at"], format="%Y-%m-%d %H:%M:%S %z", utc=True)
    return opened.dt.tz_convert("Europe/London").dt.date.max()


def _ago(days: int) -> str:
    return f"{days} days" if days < 90 else f"{round(days / 30.44)} months" if days < 730 else f"{days // 365} years"


def test_the_dry_run_digest_of_an_old_export_says_how_old_its_day_is():
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(EXPORT)]).exit_code == 0
    last, today = _last_day(), dt.datetime.now(dt.UTC).date()
    out = runner.invoke(main, ["digest", "--dry-run"], catch_exceptions=False).output
    assert f"— My shop, {last:%a} {last.day} {last:%b %Y}" in out.splitlines()[0], out
    assert (f"Note: The daily digest reports on {last}, the data's last day, {_ago((today - last).days)} before "
            f"today: not on yesterday ({today - dt.timedelta(days=1)}).") in out, out
    asked = runner.invoke(main, ["digest", "--dry-run", "--date", str(last)], catch_exceptions=False).output
    assert "before today" not in asked, asked


def test_a_recent_digest_and_a_posted_old_one(tmp_path):
    from tools.data.store import JourneyStore
    from tools.data.vendors.load import ingest_export
    from tools.digest.compose import digest

    store = JourneyStore(None, timezone="Europe/London")
    ingest_export(store, EXPORT)
    result = digest(store)
    last = _last_day()
    assert aged(result, today=last + dt.timedelta(days=1)) == result  # this morning's: nothing to say
    posted = aged(result, today=last + dt.timedelta(days=800))
    assert posted.notes[0].startswith(f"The daily digest reports on {last}, the data's last day, 2 years before today")
    store.close()
