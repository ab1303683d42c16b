"""Sales by category asked of a shop whose orders list products but no categories (lane real16):
`journeybot products --by category` and Slack answer it, saying what was looked at, why no
category can be ranked and what can be instead, never as a failed tool call."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fakes.slack_harness import text_of
from kpi_fixtures import load

from bot.cli import main

ORDERS = ("order_id,customer_id,ts,amount,status,products\n"
          "A,C1,2026-05-02 10:00,30,completed,\"rye, scone\"\n"
          "B,C2,2026-05-03 10:00,10,completed,rye\n")


@pytest.fixture
def shop(home: Path, tmp_path: Path):
    from bot.config import load_config

    store = load_config().open_store()
    load(store, tmp_path / "shop", {"orders": ORDERS, "customers": "customer_id\nC1\nC2\n"})
    return store


def test_the_cli_says_why_and_what_instead(shop):
    result = CliRunner().invoke(main, ["products", "--by", "category", "--period", "all"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Revenue by product category, all")
    assert "I looked at the 2 orders loaded (2026-05-02 to 2026-05-03)" in out
    assert "all of them list their products, so I can rank products" in out
    assert "lookups.categories" in out
    ranked = CliRunner().invoke(main, ["products", "--by", "product", "--period", "all"], catch_exceptions=False)
    assert "rye" in ranked.output and "scone" in ranked.output


def test_slack_answers_it_in_the_thread(make_slack, store, tmp_path):
    load(store, tmp_path / "shop", {"orders": ORDERS, "customers": "customer_id\nC1\nC2\n"})
    slack = make_slack(store=store)
    body, status = slack.mention("which product categories make us the most money?")
    assert status == 200
    text = text_of(slack.answer_in(body["event"]["ts"]))
    assert "not something these orders can show" in text and "so I can rank products" in text, text
    assert "did not work" not in text
