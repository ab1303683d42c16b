"""Sentiment split by a group its texts do not have says so, as movers and the predictive tools
do (tools/analytics/group_gaps.py): never one "(unknown)" row, the blank group named for what it
lacks ("(no journey stage)"), and the splits these texts do have.

On the UCI labelled sentences (3,000 reviews loaded as anonymous survey answers: a channel, the
site, but no journey stage or touchpoint) and the Twitter support sample (customer-started
conversations as tickets, each with a stage), loaded through the examples/ recipes. Scores come
from a fixed rule over the words, not the model: what is checked is which texts land in which
group, and every count is read from the raw files with pandas."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import REPO, external
from fakes.embedders import HashEmbedder

from tools.analytics.periods import Period
from tools.feedback.sentiment import SentimentParams, sentiment_summary

pytestmark = pytest.mark.realdata
UCI_FILES = {"yelp": "yelp_labelled.txt", "amazon": "amazon_cells_labelled.txt", "imdb": "imdb_labelled.txt"}
ALL = Period(name="all")


def _score(texts: list[str]) -> list[float]:
    """A stand-in for the model (seconds per thousand texts): 'good' reads positive, else negative."""
    return [0.6 if "good" in t.lower() else -0.4 for t in texts]


def _uci_lines() -> pd.Series:
    """Sentences per site, as pandas reads the files (split on the last tab; see SOURCE.md)."""
    data = external("uci_sentiment_labelled")
    counts = {}
    for site, name in UCI_FILES.items():
        lines = (data / name).read_text(encoding="utf-8").splitlines()[1:]
        counts[site] = sum(1 for line in lines if "\t" in line and line.rsplit("\t", 1)[0].strip())
    return pd.Series(counts)


def _twcs_tickets() -> int:
    """Conversations a customer started: inbound tweets answering no tweet of the sample."""
    raw = pd.read_csv(external("twcs_sample") / "twcs.csv", dtype=str, lineterminator="\n")
    to = raw["in_response_to_tweet_id"].str.replace(r"\.0$", "", regex=True)
    return int(((raw["inbound"] == "True") & (to.isna() | ~to.isin(set(raw["tweet_id"])))).sum())


def _feedback(tmp_path_factory, recipes: dict[str, str]):
    from tools.data.ingest import ingest_recipe
    from tools.data.store import JourneyStore
    from tools.feedback.index import index_store
    from tools.feedback.store import FeedbackStore

    store = JourneyStore(None)
    for recipe, folder in recipes.items():
        ingest_recipe(store, REPO / "examples" / recipe / "recipe.toml", data_dir=external(folder))
    fb = FeedbackStore(tmp_path_factory.mktemp("fb"), embedder=HashEmbedder(), timezone=store.timezone)
    index_store(fb, store, classify=_score)
    return store, fb


@pytest.fixture(scope="module")
def uci_stores(tmp_path_factory):
    store, fb = _feedback(tmp_path_factory, {"uci_sentences": "uci_sentiment_labelled"})
    yield store, fb
    store.close()


@pytest.fixture(scope="module")
def uci(uci_stores):
    return uci_stores[1]


@pytest.fixture(scope="module")
def uci_and_twcs(tmp_path_factory):
    store, fb = _feedback(tmp_path_factory, {"uci_sentences": "uci_sentiment_labelled", "twcs": "twcs_sample"})
    yield fb
    store.close()


@pytest.mark.parametrize("by, what", [("stage", "journey stage"), ("touchpoint", "touchpoint")])
def test_sentences_with_no_stage_say_so_and_offer_the_splits_they_have(uci, by, what):
    """Before: one "(unknown)" row of 3,000 texts and a note 'they are all in one group, (unknown)'."""
    r = sentiment_summary(uci, SentimentParams(by=by, period=ALL))
    text = r.to_text()
    assert r.gap is not None and r.gap.empty and r.gap.total == r.texts == _uci_lines().sum() == 3000
    assert (f"No text in this data has a {what} (the texts loaded have none, or every value is blank), so "
            f"nothing can be split by {what}. Splits it can make here: channel and source.") in text
    assert "(unknown)" not in text and "  group " not in text  # no table of one blank row
    assert f"{r.scored:,} of 3,000 texts scored" in text


def test_sentences_by_their_site_are_a_table_without_a_gap(uci):
    r = sentiment_summary(uci, SentimentParams(by="channel", period=ALL))
    assert r.gap is not None and not r.gap.blank and r.gap.note() == ""
    assert r.groups.set_index("group")["texts"].sort_index().to_dict() == _uci_lines().sort_index().to_dict()
    assert "Splits it can make" not in r.to_text() and "(no channel)" not in r.to_text()


def test_tickets_with_a_stage_beside_sentences_without_say_how_many_have_none(uci_and_twcs):
    """The sentences lack a stage, the support conversations have one: a partly blank split keeps
    its table, the blank row named '(no journey stage)', and says how many texts are in it."""
    sentences, tickets = int(_uci_lines().sum()), _twcs_tickets()
    total = sentences + tickets
    r = sentiment_summary(uci_and_twcs, SentimentParams(by="stage", period=ALL))
    text = r.to_text()
    assert (r.gap.blank, r.gap.total, r.gap.empty) == (sentences, total, False)
    share = f"{round(100 * sentences / total)}%"
    assert (f"(no journey stage) is the {sentences:,} of {total:,} texts ({share}) with no journey stage"
            in text)
    rows = {line.split()[0] if not line.strip().startswith("(") else "(no journey stage)": line
            for line in text.splitlines() if line.startswith("  ") and "texts" not in line}
    assert "(no journey stage)" in rows and f"{sentences:,}" in rows["(no journey stage)"]
    assert "(unknown)" not in text
    assert r.groups.set_index("group").loc["(unknown)", "texts"] == sentences  # the typed value stays


@pytest.mark.parametrize("by", ["segment", "delivery", "stage"])
def test_anonymous_undated_sentences_offer_no_split_satisfaction_cannot_make(uci_stores, by):
    """satisfaction_by over the sentences' sentiment: anonymous (no customer, so no segment or
    first-touch channel), no order, no stage. No split of its ties them to a group, and it says
    that rather than offering the customer groups of other tools."""
    from tools.analytics.satisfaction import SatisfactionParams, satisfaction_by
    from tools.core.errors import NoDataError
    from tools.feedback.sentiment import scored_texts

    store, fb = uci_stores
    with pytest.raises(NoDataError) as caught:
        satisfaction_by(store, SatisfactionParams(measure="sentiment", by=by), texts=scored_texts(fb.frame()))
    message = str(caught.value)
    assert f"None of the {_uci_lines().sum():,} sentiment answers" in message
    assert message.endswith("No other split ties these answers to a group either.")
    assert "Splits it can make" not in message and "customer group" not in message
