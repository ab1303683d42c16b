"""Suggested prompts come from the data that is loaded, and each one is a question journeybot
answers: on a shop's own CSV (the busiest channel worked out here with pandas) and on the real
Olist export, whose journey starts at purchase (orders, then reviews)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from conftest import REPO, external

from bot.agent.agent import JourneyAgent
from bot.agent.suggest import MAX_PROMPTS, suggestions_for
from bot.config import load_config
from tools.data.ingest import ingest_file, ingest_recipe

EVENTS = """customer_id,ts,touchpoint,channel
C1,2026-05-01 10:00,website_visit,instagram
C1,2026-05-01 10:05,product_view,instagram
C1,2026-05-01 10:09,add_to_cart,instagram
C2,2026-05-02 11:00,website_visit,tiktok
C2,2026-05-02 11:03,add_to_cart,tiktok
C3,2026-05-03 09:00,website_visit,tiktok
C4,2026-05-03 09:30,website_visit,tiktok
C4,2026-05-03 09:40,order_placed,tiktok
C5,2026-05-04 12:00,website_visit,email
"""


def answers_each(store, suggestions) -> None:
    agent = JourneyAgent.from_config(load_config(env={}), store=store)
    for i, s in enumerate(suggestions):
        answer = agent.answer(s.message, f"suggestion-{i}")
        assert answer.tool_calls and all(c.ok for c in answer.tool_calls), (s.message, answer.text)


def test_prompts_name_the_busiest_channel_and_the_first_stage(store, tmp_path: Path):
    (tmp_path / "events.csv").write_text(EVENTS)
    ingest_file(store, "events", tmp_path / "events.csv")
    raw = pd.read_csv(tmp_path / "events.csv")
    busiest = raw.sort_values("ts").groupby("customer_id").first()["channel"].value_counts().idxmax()
    suggestions = suggestions_for(store, ["Checkout conversion down 32% vs expected"])
    messages = [s.message for s in suggestions]
    assert len(suggestions) == MAX_PROMPTS and all(len(s.title) <= 40 for s in suggestions)
    assert f"How do {busiest} customers convert from consideration to purchase?" in messages
    assert messages[0] == "Where do we lose people between consideration and purchase?"
    assert any("Checkout conversion down 32% vs expected" in m for m in messages)
    answers_each(store, suggestions)


def test_an_order_export_is_asked_about_what_follows_the_purchase(store):
    data = external("olist_sample")
    ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=data)
    suggestions = suggestions_for(store)
    messages = [s.message for s in suggestions]
    # Orders and reviews only: nothing before the purchase to ask about, and never backwards.
    assert messages[0] == "Where do we lose people between purchase and post-purchase?"
    assert not any("between post-purchase and purchase" in m or "to purchase?" in m for m in messages)
    reviews = pd.read_csv(data / "olist_order_reviews_dataset.csv")
    assert reviews["review_score"].notna().any()  # review scores: satisfaction can be followed
    assert "How has customer satisfaction moved over the last 90 days?" in messages
    answers_each(store, suggestions)
