"""Freshness is part of every answer: when a source's data is older than its schedule
promises, answers and the digest say so (and say nothing when it is fresh)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from bot.agent.agent import JourneyAgent
from bot.agent.digest import build_digest
from bot.config import load_config
from bot.sources import source_state, stale_notes
from tools.data.store import JourneyStore
from tools.data.vendors.load import ingest_export

SHOPIFY = Path(__file__).resolve().parents[1] / "fixtures" / "vendors" / "shopify" / "orders_export.csv"


@pytest.fixture
def config(home):
    home.mkdir(parents=True, exist_ok=True)
    path = home / "config.toml"
    path.write_text('[business]\nname = "Fjord & Fern"\ntimezone = "Europe/Berlin"\ncurrency = "EUR"\n'
                    '[[sources]]\nname = "shop"\nkind = "shopify"\nshop = "fjord-and-fern"\n'
                    'token_env = "SHOPIFY_TOKEN"\n', encoding="utf-8")
    return load_config(path, env={"JOURNEYBOT_HOME": str(home)})


@pytest.fixture
def shop():
    s = JourneyStore(None, timezone="Europe/Berlin")
    ingest_export(s, SHOPIFY)
    yield s
    s.close()


def _history(config, *, failed_last: bool) -> None:
    """A good sync two days ago that brought orders, then (maybe) a failed one an hour ago."""
    state = source_state(config)
    two_days = time.time() - 2 * 86400
    run = state.begin("shop", "shopify", now=two_days)
    state.save_cursor("shop", {"orders": {}}, rows=12, newest=dt.datetime.fromtimestamp(two_days - 3600, dt.UTC),
                      now=two_days)
    state.finish(run, "shop", ok=True, rows=12, now=two_days)
    if failed_last:
        run = state.begin("shop", "shopify", now=time.time() - 3600)
        state.finish(run, "shop", ok=False, rows=0, now=time.time() - 3600,
                     error="401 token refused: Shopify said: [API] Invalid API key or access token")


def test_an_answer_says_the_data_stopped_arriving_and_why(config, shop):
    _history(config, failed_last=True)
    agent = JourneyAgent.from_config(config, shop)
    answer = agent.answer("how many orders did we have?")
    notes = [n for n in answer.notes if n.startswith("Data freshness: ")]
    assert len(notes) == 1
    assert notes[0].startswith("Data freshness: no new Shopify orders since ")
    assert notes[0].endswith("; last sync failed: 401 token refused")


def test_fresh_data_adds_no_note(config, shop):
    _history(config, failed_last=False)
    state = source_state(config)
    run = state.begin("shop", "shopify")
    state.save_cursor("shop", {"orders": {}}, rows=3, newest=dt.datetime.now(dt.UTC))
    state.finish(run, "shop", ok=True, rows=3)
    assert stale_notes(config) == []
    answer = JourneyAgent.from_config(config, shop).answer("how many orders did we have?")
    assert not any(n.startswith("Data freshness") for n in answer.notes)


def test_the_digest_opens_with_the_stale_source(config, shop):
    _history(config, failed_last=True)
    result = build_digest(config, shop, "daily")
    assert len(result.freshness) == 1 and "last sync failed: 401 token refused" in result.freshness[0]
    assert result.summary.startswith("Careful: data is older than expected (no new Shopify orders since ")
    heading, text = result.sections()[0]
    assert heading == "Data freshness" and text == f"- {result.freshness[0]}"
    from bot.render.digest import digest_message

    assert "Data freshness" in str(digest_message(result).blocks)


def test_an_unreadable_state_is_said_not_hidden(config, shop):
    config.home_path.mkdir(parents=True, exist_ok=True)
    config.state_path.write_bytes(b"this is not a SQLite database, not even close" * 100)
    assert stale_notes(config) == ["Data freshness: how fresh the synced data is could not be read just now"]
