"""The "Show chart" picture of a split says a missing group as the text does
(tools/analytics/group_gaps.py): a split whose every row is in the blank group draws no panel or
bar of it (before: a one-panel "Funnel by region" of "(unknown)", a one-bar chart of stages), and
a partly blank split names the blank group for what it lacks ("(no journey stage)").

On the Shopify customers and orders exports plus the Mailchimp activity export
(tests/fixtures/vendors), and the UCI labelled sentences with the Twitter support sample loaded
through the examples/ recipes (realdata); counts read from the raw files with pandas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from chart_checks import texts
from conftest import REPO, external
from fakes.embedders import HashEmbedder

from bot.render.chart_data import chart_kind, figure_for
from tools.analytics.periods import Period
from tools.feedback.sentiment import SentimentParams, sentiment_summary

VENDORS = Path(__file__).resolve().parents[2] / "fixtures" / "vendors"


def test_a_funnel_by_a_group_no_entrant_has_charts_the_whole_funnel():
    from tools.analytics.funnel import FunnelParams, funnel
    from tools.data.store import JourneyStore
    from tools.data.vendors.load import ingest_export

    store = JourneyStore(None, timezone="Europe/Berlin")
    try:
        for export in ("shopify/customers_export.csv", "shopify/orders_export.csv", "mailchimp/email_activity.csv"):
            ingest_export(store, VENDORS / export)
        r = funnel(store, FunnelParams(period={"name": "all"}, by="region"))
        activity = pd.read_csv(VENDORS / "mailchimp" / "email_activity.csv", dtype=str)
        readers = activity.loc[activity["action"] == "open", "email_address"].str.lower().nunique()
        assert r.gap is not None and r.gap.empty and r.gap.total == readers
        drawn = figure_for(r)
        assert drawn.filename == "funnel-funnel.png" and "by region" not in drawn.title
        shown = " ".join(t.get_text() for t in texts(drawn.figure))
        assert "(unknown)" not in shown and "(no region)" not in shown
    finally:
        store.close()


def _score(texts_: list[str]) -> list[float]:
    return [0.6 if "good" in t.lower() else -0.4 for t in texts_]


def _feedback(tmp_path, recipes: dict[str, str]):
    from tools.data.ingest import ingest_recipe
    from tools.data.store import JourneyStore
    from tools.feedback.index import index_store
    from tools.feedback.store import FeedbackStore

    store = JourneyStore(None)
    for recipe, folder in recipes.items():
        ingest_recipe(store, REPO / "examples" / recipe / "recipe.toml", data_dir=external(folder))
    fb = FeedbackStore(tmp_path / "fb", embedder=HashEmbedder(), timezone=store.timezone)
    index_store(fb, store, classify=_score)
    return store, fb


@pytest.mark.realdata
def test_sentiment_by_stage_charts_the_blank_stage_by_name_or_not_at_all(tmp_path):
    data = external("uci_sentiment_labelled")
    sentences = sum(sum(1 for line in (data / n).read_text(encoding="utf-8").splitlines()[1:] if "\t" in line)
                    for n in ("yelp_labelled.txt", "amazon_cells_labelled.txt", "imdb_labelled.txt"))
    store, fb = _feedback(tmp_path, {"uci_sentences": "uci_sentiment_labelled"})
    try:
        alone = sentiment_summary(fb, SentimentParams(by="stage", period=Period(name="all")))
        assert alone.gap.empty and alone.gap.total == sentences and chart_kind(alone) is None
    finally:
        store.close()
    store, fb = _feedback(tmp_path / "both", {"uci_sentences": "uci_sentiment_labelled", "twcs": "twcs_sample"})
    try:
        both = sentiment_summary(fb, SentimentParams(by="stage", period=Period(name="all")))
        drawn = figure_for(both)
        shown = [t.get_text() for t in texts(drawn.figure)]
        assert "(no journey stage)" in shown and "(unknown)" not in shown
        assert any(f"{sentences:,} texts" in t for t in shown)  # the blank bar's n, from the files
    finally:
        store.close()
