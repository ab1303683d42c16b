"""Themes: planted incidents come out as themes in their periods, with fair trends, quotes
and readable labels."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest
from fakes.embedders import HashEmbedder

from tools.analytics.periods import Period
from tools.core.errors import NoDataError
from tools.data.ingest import folder_loads, ingest_loads
from tools.data.sample import SampleSpec, generate_sample
from tools.data.store import JourneyStore
from tools.feedback.index import documents_from_store, index_documents
from tools.feedback.scoring import NEUTRAL_BAND
from tools.feedback.store import FeedbackStore
from tools.feedback.theme_clusters import cluster, top_terms
from tools.feedback.themes import ThemesParams, themes

CHECKOUT = ["Checkout failed when I tried to pay", "My card was declined at checkout",
            "Payment page gave an error and I could not order", "The pay button did nothing at checkout",
            "Card payment would not go through online"]
DELIVERY = ["My order arrived three days late", "Delivery was delayed with no update",
            "The courier was days late with my parcel", "Late delivery ruined the party"]
EVERYDAY = ["Lovely sourdough as always", "Great coffee and friendly staff", "The croissants are delicious",
            "Nice cosy cafe for a weekend breakfast", "Cakes are beautiful"]


def docs_frame(rows: list[tuple[str, dt.date, str]]) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": [f"survey:{r[0]}" for r in rows], "record_id": [r[0] for r in rows], "source": "survey",
        "customer_id": None, "text": [r[2] for r in rows],
        "ts": [dt.datetime.combine(r[1], dt.time(12), dt.UTC).timestamp() for r in rows],
        "stage": None, "touchpoint": None, "channel": None, "status": None, "nps": None, "csat": None,
    })


@pytest.fixture(scope="module")
def incidents(tmp_path_factory, minilm):
    """April and May; every day two everyday comments; checkout breaks 04-20..04-23 and
    deliveries are late 05-20..05-25."""
    rows = []
    day = dt.date(2026, 4, 1)
    n = 0
    while day <= dt.date(2026, 5, 31):
        for _ in range(2):
            rows.append((f"S{n}", day, EVERYDAY[n % len(EVERYDAY)]))
            n += 1
        if dt.date(2026, 4, 20) <= day <= dt.date(2026, 4, 23):
            for _ in range(2):
                rows.append((f"S{n}", day, CHECKOUT[n % len(CHECKOUT)]))
                n += 1
        if dt.date(2026, 5, 20) <= day <= dt.date(2026, 5, 25):
            rows.append((f"S{n}", day, DELIVERY[n % len(DELIVERY)]))
            n += 1
        day += dt.timedelta(days=1)
    fb = FeedbackStore(tmp_path_factory.mktemp("incidents") / "fb", embedder=minilm, timezone="Europe/London")
    index_documents(fb, docs_frame(rows), sources=["survey"])
    return fb


def test_an_incident_is_the_top_theme_of_its_week_and_new(incidents):
    result = themes(incidents, ThemesParams(period=Period(start=dt.date(2026, 4, 20), end=dt.date(2026, 4, 23))))
    top = result.themes[0]
    assert top.size == 8 and top.previous == 0 and top.trend == "new"
    assert (top.first_day, top.last_day) == (dt.date(2026, 4, 20), dt.date(2026, 4, 23))
    assert {"checkout", "payment", "card", "pay"} & set(" ".join(top.terms).split())
    assert len(top.quotes) == 2 and all(q.text in CHECKOUT and q.quoted for q in top.quotes)
    assert top.quotes[0].text != top.quotes[1].text
    assert top.sentiment is not None and top.sentiment < 0
    assert "new (none the period before)" in result.to_text()


def test_labels_are_phrases_customers_wrote_not_word_bags(incidents):
    week = themes(incidents, ThemesParams(period=Period(start=dt.date(2026, 4, 20), end=dt.date(2026, 4, 23))))
    late = themes(incidents, ThemesParams(period=Period(name="last_30_days"), sentiment="negative"))
    for theme in (week.themes[0], late.themes[0]):
        assert " / " not in theme.label and theme.label[0].isupper()
        assert 2 <= len(theme.label.split()) <= 7
        written = " ".join(CHECKOUT + DELIVERY).lower()
        assert theme.label.lower() in written  # taken from the texts, as written
    assert week.themes[0].label.lower().startswith("checkout")


def test_a_phrase_most_texts_share_beats_the_words_they_share():
    from tools.feedback.theme_labels import phrase_labels

    texts = pd.Series([
        "Click and collect wait - I waited 20 minutes at the counter.",
        "Click and collect wait - Hi, my order was not ready, I waited ages.",
        "Click and collect wait - Is there a better time to collect?",
        "Charged the wrong price - The till charged me twice for a loaf.",
        "Charged the wrong price - Can this be fixed? Wrong price on the receipt.",
        "Lovely bread as always.", "Lovely bread, thank you.",
    ])
    labels = np.array([0, 0, 0, 1, 1, 2, 2])
    got = phrase_labels(texts, labels, [0, 1, 2], stop=["the", "a", "at", "as", "for", "and", "i", "my", "was"])
    assert got == {0: "Click and collect wait", 1: "Charged the wrong price", 2: "Lovely bread"}


def test_themes_of_the_last_30_days_show_the_delivery_spell(incidents):
    result = themes(incidents, ThemesParams(period=Period(name="last_30_days"), sentiment="negative"))
    top = result.themes[0]
    assert top.size == 6 and (top.first_day, top.last_day) == (dt.date(2026, 5, 20), dt.date(2026, 5, 25))
    assert {"late", "delivery", "courier", "delayed"} & set(" ".join(top.terms).split())
    everyday = themes(incidents, ThemesParams(period=Period(name="last_30_days")))
    steady = [t for t in everyday.themes if t.quotes[0].text in EVERYDAY]
    assert steady and all(t.trend == "steady" for t in steady)  # same volume as the 30 days before


def test_an_llm_labeler_names_themes_and_a_failing_one_falls_back(incidents):
    seen = []

    def labeler(terms, quotes):
        seen.append((terms, quotes))
        return "Payments failing at checkout"

    period = Period(start=dt.date(2026, 4, 20), end=dt.date(2026, 4, 23))
    named = themes(incidents, ThemesParams(period=period, max_themes=1), labeler=labeler)
    assert named.themes[0].label == "Payments failing at checkout"
    assert seen[0][0] == named.themes[0].terms and len(seen[0][1]) == 2

    def broken(terms, quotes):
        raise TimeoutError("model too slow")

    fallback = themes(incidents, ThemesParams(period=period, max_themes=1), labeler=broken)
    plain = themes(incidents, ThemesParams(period=period, max_themes=1))
    assert fallback.themes[0].label == plain.themes[0].label  # the phrase from the texts
    assert any("LLM labels unavailable" in n for n in fallback.provenance.notes)


def test_too_few_texts_is_an_error_that_says_what_to_do(tmp_path):
    fb = FeedbackStore(tmp_path / "fb", embedder=HashEmbedder(), timezone="Europe/London")
    index_documents(fb, docs_frame([("A", dt.date(2026, 5, 1), "nice bread")]), sources=["survey"])
    with pytest.raises(NoDataError, match="Only 1 customer text in.*Widen the period"):
        themes(fb, ThemesParams(period=Period(name="all")))


def test_top_terms_prefer_what_sets_a_group_apart():
    texts = pd.Series(["late delivery again", "delivery late by days", "lovely bread",
                       "bread was lovely", "late delivery", "lovely fresh bread"])
    labels = np.array([0, 0, 1, 1, 0, 1])
    terms = top_terms(texts, labels, [0, 1], n=2)
    assert set(" ".join(terms[0]).split()) == {"late", "delivery"}
    assert set(" ".join(terms[1]).split()) == {"lovely", "bread"}


def test_clustering_large_sets_goes_through_micro_clusters():
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(3, 16))
    points = np.vstack([c + 0.05 * rng.normal(size=(1000, 16)) for c in centres])
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    labels = cluster(points)
    assert len(set(labels)) == 3
    assert all(len(set(labels[i * 1000:(i + 1) * 1000])) == 1 for i in range(3))


# -- the documented incidents of the sample data ---------------------------------------------


@pytest.fixture(scope="module")
def sample_feedback(tmp_path_factory, minilm):
    folder = tmp_path_factory.mktemp("sample")
    generate_sample(folder, SampleSpec(events=40_000, seed=7))
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(folder))
    incidents = {i["id"]: i for i in json.loads((folder / "incidents.json").read_text())}
    docs = documents_from_store(store)
    # Only the weeks the assertions read, to keep the embedding work small.
    days = pd.to_datetime(docs["ts"], unit="s", utc=True).dt.tz_convert("Europe/London").dt.date
    keep = pd.Series(False, index=docs.index)
    for key in ("checkout_breakage", "shipping_delay"):
        start = dt.date.fromisoformat(incidents[key]["start"])
        end = dt.date.fromisoformat(incidents[key]["end"])
        keep |= (days >= start - (end - start) - dt.timedelta(days=1)) & (days <= end)
    fb = FeedbackStore(folder / "fb", embedder=minilm, timezone="Europe/London")
    index_documents(fb, docs[keep.to_numpy()], sources=["survey", "ticket"])
    return fb, store, incidents


@pytest.mark.parametrize("incident, words", [
    ("checkout_breakage", {"payment", "pay", "checkout", "card", "declined"}),
    ("shipping_delay", {"delivery", "courier", "late", "arrived", "delayed"}),
])
def test_the_sample_incidents_come_out_as_themes_in_their_periods(sample_feedback, incident, words):
    fb, store, incidents = sample_feedback
    spell = incidents[incident]
    period = Period(start=dt.date.fromisoformat(spell["start"]), end=dt.date.fromisoformat(spell["end"]))
    result = themes(fb, ThemesParams(period=period, max_themes=3), store=store)
    hits = [t for t in result.themes if words & set(" ".join(t.terms).split())]
    assert hits, result.to_text()
    theme = hits[0]
    assert theme is result.themes[0], result.to_text()
    assert theme.trend in ("new", "rising") and theme.size >= 10
    assert period.start <= theme.first_day and theme.last_day <= period.end


def test_complaint_tickets_are_never_called_positive_because_they_are_polite():
    from tools.feedback.theme_result import TICKETS_TONE, Theme

    def theme(**kw):
        base = dict(label="Click and collect wait", terms=["wait"], size=26, share=0.07, sentiment=0.05,
                    previous=None, trend="", first_day=None, last_day=None, quotes=[])
        return Theme(**{**base, **kw})

    polite = theme(tickets=0.9, positive=0.4, negative=0.1, sentiment=0.33)
    assert polite.tone() == TICKETS_TONE and "positive" not in polite.tone()
    assert theme(tickets=0.9, negative=0.6, sentiment=-0.4).tone() == "mostly negative"
    assert theme(positive=0.8, negative=0.05, sentiment=0.6).tone() == "mostly positive"
    assert theme(positive=0.4, negative=0.3, sentiment=0.1).tone() == "mixed"


def test_a_theme_growing_from_a_few_texts_is_said_in_counts_not_a_percentage():
    """twcs's digest: "Uber support: rising: 4 -> 25 (+525%)"; on a base of 4 texts the
    percentage only alarms, the two counts say it."""
    from tools.feedback.theme_result import Theme

    def theme(before, now):
        return Theme(label="Uber support", terms=["uber"], size=now, share=0.1, sentiment=None,
                     previous=before, trend="rising", first_day=None, last_day=None, quotes=[])

    assert theme(4, 25).change_text() == "rising: 4 -> 25"
    assert theme(40, 60).change_text() == "rising: 40 -> 60 (+50%)"


def test_a_theme_without_a_shared_phrase_is_named_for_the_word_its_quoted_texts_say():
    """Two companies' tweets in one theme, quoted by the Comcast ones: "About comcastcares",
    not the other company's name (twcs, phase G)."""
    from tools.feedback.theme_labels import phrase_labels

    texts = pd.Series(["comcastcares channels gone again", "comcastcares internet down",
                       "comcastcares nothing works today", "verizonsupport billing wrong"])
    labels = np.zeros(4, dtype=int)
    nearest_first = np.array([0.9, 0.8, 0.7, 0.1])  # closeness to the theme's centre: the quoted order
    got = phrase_labels(texts, labels, [0], stop=["the", "a"], fallback={0: ["verizonsupport", "comcastcares"]},
                        weights=nearest_first)
    assert got == {0: "About comcastcares"}
    # with no weights, the distinctive order still decides between words said equally often
    got = phrase_labels(texts[[0, 3]].reset_index(drop=True), labels[:2], [0], stop=["the"],
                        fallback={0: ["verizonsupport", "comcastcares"]})
    assert got == {0: "About verizonsupport"}


def test_too_few_texts_in_the_period_names_the_latest_stretch_with_enough(tmp_path):
    """twcs, asked about yesterday's complaints: two negative texts; the answer said only to
    widen the period. It names the latest stretch of the same length with enough of them."""
    rows = [("N1", dt.date(2026, 4, 1), "The courier was late and rude, awful service"),
            ("N2", dt.date(2026, 4, 2), "Terrible, my order was wrong and cold"),
            ("N3", dt.date(2026, 4, 3), "Awful experience, the cake was stale and horrible"),
            ("N4", dt.date(2026, 5, 2), "Horrible, the bread was stale and the staff were rude"),
            ("P1", dt.date(2026, 5, 20), "Lovely bread, great staff, wonderful")]
    fb = FeedbackStore(tmp_path / "fb", embedder=HashEmbedder(), timezone="Europe/London")
    index_documents(fb, docs_frame(rows), sources=["survey"])
    frame = fb.frame()
    negative = frame.set_index("record_id")["sentiment"] <= -NEUTRAL_BAND
    assert negative.to_dict() == {"N1": True, "N2": True, "N3": True, "N4": True, "P1": False}
    # last 30 days: 21 Apr - 20 May holds N4 only; the 30 days ending 3 April hold N1-N3
    with pytest.raises(NoDataError) as err:
        themes(fb, ThemesParams(period=Period(name="last_30_days"), sentiment="negative"))
    assert str(err.value).endswith("a theme needs at least 3. The latest 30 days with 3 or more are "
                                   "2026-03-05 to 2026-04-03: ask about that period.")
    assert "Only 1 customer text in last 30 days" in str(err.value)  # not "1 customer texts"
    # a period with none says so: "Only 0 customer texts" read as a count that happened to be low
    with pytest.raises(NoDataError, match="^No customer texts in custom period"):
        themes(fb, ThemesParams(period=Period(start=dt.date(2025, 12, 1), end=dt.date(2025, 12, 31))))
