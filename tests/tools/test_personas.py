"""Personas: segments recover the planted customer types, every number on a card is the data's
(hand-computed on a tiny shop), quotes are the members' own and redacted, a writer cannot add
numbers, and edits, saves, versions and the persona_members view behave as people expect."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from persona_fixtures import tiny_shop

from tools.analytics.filters import Filters, cohort_sql, known_values, validate_filters
from tools.core.errors import NoDataError, ToolInputError
from tools.data.store import JourneyStore
from tools.personas.draft import draft_personas
from tools.personas.edit import edit_persona
from tools.personas.facts import member_texts, pain_points, persona_facts
from tools.personas.params import (
    DraftPersonasParams,
    EditPersonaParams,
    ListPersonasParams,
    SavePersonaParams,
    ShowPersonaParams,
)
from tools.personas.saved import export_personas, list_personas, save_persona, show_persona
from tools.personas.segments import segment_customers
from tools.personas.words import checked_words


@pytest.fixture
def tiny(store):
    return tiny_shop(store)


PARENTS = "SELECT unnest(['P1', 'P2']) AS customer_id"


def test_card_numbers_are_the_members_own(tiny):
    with tiny.connect() as con:
        f = persona_facts(con, PARENTS, [])
    assert f["customers"] == 2
    assert f["share_of_customers"] == pytest.approx(2 / 8)
    assert f["revenue"] == 80.0
    assert f["share_of_revenue"] == pytest.approx(80 / 180)  # regulars 50, parents 80, gift 50
    assert (f["orders"], f["orders_per_buyer"], f["avg_order"]) == (4, 2.0, 20.0)
    assert f["fulfilment"] == {"pickup": 0.75, "delivery": 0.25, "in_store": 0.0}
    assert f["weekday_share"] == pytest.approx(0.75)  # one order on Saturday
    assert f["peak_daypart"] == {"part": "afternoon", "share": 0.75}
    # S1, S2 bought; S3 is a basket left behind.
    assert (f["cart_sessions"], f["cart_abandonment"]) == (3, pytest.approx(1 / 3))
    assert f["stages"]["awareness"] == 0.0 and f["stages"]["post-purchase"] == 0.5
    # consideration 100% -> decision 100% -> purchase 100% -> post-purchase 50%
    assert f["weakest_stage"] == {"stage": "post-purchase", "from": "purchase", "conversion": 0.5}
    assert f["csat"] == {"mean": 3.0, "answers": 2}
    assert f["demographics"]["gender"] is None  # not in the data: never invented
    assert f["demographics"]["city"]["top"] == [{"value": "Clifton", "share": 1.0}]
    assert f["demographics"]["age_band"]["known_share"] == 0.5


def test_pain_points_quote_the_members_and_redact(tiny):
    with tiny.connect() as con:
        texts = member_texts(con, PARENTS, [])
        gift = member_texts(con, "SELECT 'G1' AS customer_id", [])
    themes = pain_points(texts)
    assert themes[0]["key"] == "pickup_wait" and themes[0]["mentions"] == 2
    quote = themes[0]["quotes"][0]
    # The most critical (CSAT 2) first; the email written into it is gone.
    assert quote["source"] == "survey V1"
    assert "jo@example.com" not in quote["text"] and "Waited 20 minutes" in quote["text"]
    late = pain_points(gift)[0]
    assert late["key"] == "late_delivery" and "07700 900123" not in late["quotes"][0]["text"]


def test_writer_cannot_introduce_numbers():
    fallback = {"name": "The Regular", "summary": "s", "needs_goals": ["n"], "pain_points": ["Prices"],
                "next_steps": ["x"]}
    words, rejected = checked_words(
        {"name": "The 9-to-5 Commuter", "summary": "Buys coffee daily.",
         "needs_goals": ["Speed", "Saves 20% with stamps"], "pain_points": ["Rising prices"],
         "next_steps": ["Offer 3 for 2"]}, fallback, 1)
    assert words["name"] == "The Regular" and "name" in rejected  # digits: template kept
    assert words["summary"] == "Buys coffee daily."
    assert words["needs_goals"] == ["Speed"]  # the item with a number is dropped
    assert words["pain_points"] == ["Rising prices"]
    assert words["next_steps"] == ["x"] and "next_steps" in rejected
    # Pain point wording must stay one-to-one with the themes found.
    words, rejected = checked_words({"pain_points": ["a", "b"]}, fallback, 1)
    assert words["pain_points"] == ["Prices"] and "pain_points" in rejected
    assert checked_words("not json", fallback, 1)[0] == fallback


def test_draft_with_a_writer_uses_its_words_but_the_data_numbers(tiny):
    seen = []

    def writer(brief, quotes):
        seen.append((brief, quotes))
        return {"name": f"Persona {'ABC'[len(seen) - 1]}", "summary": "Invented 99% loyal",
                "needs_goals": ["Fresh bread"], "pain_points": ["Waiting around"] * len(brief["pain_themes"]),
                "next_steps": ["Call them"]}

    r = draft_personas(tiny, DraftPersonasParams(segments=3), conversation="w", writer=writer)
    assert len(seen) == 3 and all("size" in b for b, _ in seen)
    # Names have no digits here, so they are kept; the summary with a number is not.
    assert [p.name for p in r.personas] == ["Persona A", "Persona B", "Persona C"]
    assert all("99%" not in p.summary for p in r.personas)
    assert all(p.written_by == "model" for p in r.personas)
    assert sum(p.facts["customers"] for p in r.personas) == 8
    assert any("rejected" in n for n in r.provenance.notes)


def test_draft_edit_save_and_filter_in_a_conversation(tiny):
    r = draft_personas(tiny, DraftPersonasParams(segments=3), conversation="c")
    assert len(r.personas) == 3
    assert sum(p.facts["customers"] for p in r.personas) == 8
    assert sum(p.facts["share_of_revenue"] for p in r.personas) == pytest.approx(1.0)
    shares = [p.facts["share_of_revenue"] for p in r.personas]
    assert shares == sorted(shares, reverse=True)  # most revenue first
    sizes = [p.facts["customers"] for p in r.personas]

    merged = edit_persona(tiny, EditPersonaParams(action="merge"), conversation="c")
    assert len(merged.personas) == 2
    assert merged.personas[1].facts["customers"] == sizes[1] + sizes[2]  # recomputed, not copied
    assert merged.focus == 2

    before = merged.personas[0].facts["customers"]
    with pytest.raises(ToolInputError, match="unchanged"):
        edit_persona(tiny, EditPersonaParams(action="narrow", which=[1], focus=["phone"]), conversation="c")
    assert show_persona(tiny, ShowPersonaParams(which=1), conversation="c").persona.facts["customers"] == before

    pains = edit_persona(tiny, EditPersonaParams(action="add_pain_point", which=[1], text="delivery times"),
                         conversation="c")
    added = [p for p in pains.personas[0].pain_points if p.added]
    assert added and added[0].label == "Delivery times"
    renamed = edit_persona(tiny, EditPersonaParams(action="rename", text="Rosie"), conversation="c")
    assert renamed.personas[0].name == "Rosie"  # "her" = the card last edited

    saved = save_persona(tiny, SavePersonaParams(), conversation="c")
    assert saved.saved[0][:2] == ("Rosie", 1)
    members = tiny.query("SELECT customer_id FROM persona_members WHERE persona = 'Rosie' ORDER BY 1")
    assert len(members) == renamed.personas[0].facts["customers"]
    assert known_values(tiny, "persona") == ["Rosie"]
    f = validate_filters(tiny, Filters(persona="rosie"))
    sql, params = cohort_sql(f)
    assert len(tiny.query(sql, params)) == len(members)

    # Saving the same name again is a new version; the view follows the latest.
    edit_persona(tiny, EditPersonaParams(action="narrow", which=[1], focus=["buyers"]), conversation="c")
    again = save_persona(tiny, SavePersonaParams(which=1), conversation="c")
    assert again.saved[0][:2] == ("Rosie", 2)
    listed = list_personas(tiny, ListPersonasParams(), conversation="c")
    assert listed.saved.loc[0, "versions"] == 2
    assert "Rosie" in listed.to_text()
    v1 = show_persona(tiny, ShowPersonaParams(name="ROSIE", version=1)).persona
    assert v1.version == 1 and v1.name == "Rosie"
    with pytest.raises(ToolInputError, match="saved personas: Rosie"):
        show_persona(tiny, ShowPersonaParams(name="Nobody"))


def test_merge_narrow_need_a_draft_and_valid_positions(tiny):
    with pytest.raises(ToolInputError, match="draft personas"):
        edit_persona(tiny, EditPersonaParams(action="merge"), conversation="none")
    draft_personas(tiny, DraftPersonasParams(segments=2), conversation="d")
    with pytest.raises(ToolInputError, match="no persona 5"):
        edit_persona(tiny, EditPersonaParams(action="rename", which=[5], text="X"), conversation="d")
    with pytest.raises(ToolInputError, match="no pain point"):
        edit_persona(tiny, EditPersonaParams(action="remove_pain_point", text="unicorns"), conversation="d")


def test_drafts_are_per_conversation_and_survive_a_restart(tmp_path):
    path = tmp_path / "journey.duckdb"
    first = tiny_shop(JourneyStore(path))
    draft_personas(first, DraftPersonasParams(segments=2), conversation="thread-A")
    again = JourneyStore(path)  # a new process
    assert len(show_persona(again, ShowPersonaParams(which=1), conversation="thread-A").persona.facts) > 0
    with pytest.raises(ToolInputError):
        show_persona(again, ShowPersonaParams(which=1), conversation="thread-B")


def test_export_markdown_and_json(tiny):
    with pytest.raises(NoDataError):
        export_personas(tiny)
    draft_personas(tiny, DraftPersonasParams(segments=2), conversation="e")
    save_persona(tiny, SavePersonaParams(all=True), conversation="e")
    md = export_personas(tiny, fmt="md")
    assert md.startswith("# Personas") and md.count("\n## ") == 2
    assert "gender: not in the data" in md
    data = json.loads(export_personas(tiny, fmt="json"))
    assert len(data) == 2 and {"name", "facts", "pain_points", "quotes", "version"} <= set(data[0])
    assert "07700 900123" not in md and "jo@example.com" not in md


# --------------------------------------------------------------------------------------
# The sample data: the planted customer types come back


@pytest.fixture(scope="module")
def sample():
    from sample_cache import sample_store

    from tools.data.ingest import folder_loads, ingest_loads

    _, folder = sample_store()
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(folder))
    yield store, folder
    store.close()


def test_segments_recover_the_planted_types(sample):
    from sklearn.metrics import adjusted_rand_score

    store, folder = sample
    seg = segment_customers(store)
    truth = pd.read_csv(folder / "ground_truth.csv").set_index("customer_id")["planted_type"]
    joined = truth.to_frame().join(seg.labels)
    ari = adjusted_rand_score(joined["planted_type"], joined["segment"])
    print(f"\nsegments k={seg.k} silhouette={seg.silhouette:.3f} stability={seg.stability:.3f} "
          f"ARI vs planted types={ari:.3f}")
    print(pd.crosstab(joined["planted_type"], joined["segment"]))
    assert 2 <= seg.k <= 6
    assert ari >= 0.6
    # The regulars are found almost whole, in one segment of their own.
    regulars = joined[joined.planted_type == "weekday_regular"]["segment"].value_counts()
    assert regulars.iloc[0] / regulars.sum() >= 0.9


def test_sample_cards_are_grounded(sample):
    store, _ = sample
    r = draft_personas(store, DraftPersonasParams(segments=5), conversation="s")
    names = [p.name for p in r.personas]
    assert "The Regular" in names and "The Order-Ahead Collector" in names
    regular = r.personas[names.index("The Regular")]
    assert regular.facts["fulfilment"]["in_store"] > 0.9
    assert regular.pain_points[0].key == "prices"  # drifting regulars complain about prices
    for p in r.personas:
        assert len(p.quotes) <= 2
        texts = set(store.query(
            "SELECT text FROM surveys WHERE customer_id IN (SELECT customer_id FROM persona_draft_members "
            "WHERE conversation = 's' AND position = ?) UNION ALL SELECT concat_ws('. ', subject, text) FROM tickets "
            "WHERE customer_id IN (SELECT customer_id FROM persona_draft_members WHERE conversation = 's' "
            "AND position = ?)", [names.index(p.name) + 1] * 2)["text"].dropna())
        for q in p.quotes:
            assert any(t.startswith(q.text.removesuffix("...")) for t in texts), q.text


@pytest.mark.realdata
def test_olist_personas_have_sensible_sizes_and_grounded_quotes():
    from conftest import REPO, external

    from tools.core.pii import contains_pii
    from tools.data.ingest import ingest_recipe

    data = external("olist_sample")
    store = JourneyStore(None, timezone="America/Sao_Paulo")
    ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=data)
    r = draft_personas(store, DraftPersonasParams(), conversation="olist")
    sizes = [p.facts["customers"] for p in r.personas]
    print("\nolist personas:", [(p.name, n, round(p.facts["share_of_revenue"], 3)) for p, n in zip(r.personas, sizes, strict=True)])
    assert 2 <= len(sizes) <= 6 and sum(sizes) == store.scalar(
        "SELECT count(*) FROM (SELECT customer_id FROM customers UNION SELECT customer_id FROM orders)")
    assert all(p.facts["share_of_customers"] >= 0.05 for p in r.personas)  # no crumbs
    assert sum(p.facts["share_of_revenue"] for p in r.personas) == pytest.approx(1.0)
    # Olist records no age or gender: the cards say so instead of guessing.
    assert all(p.facts["demographics"]["age_band"] is None for p in r.personas)
    unhappy = min(r.personas, key=lambda p: p.facts["csat"]["mean"] or 5)
    assert unhappy.facts["csat"]["mean"] < 2.5 and unhappy.pain_points[0].key == "late_delivery"
    for i, p in enumerate(r.personas, start=1):
        assert len(p.quotes) == 2
        own = set(store.query(
            "SELECT text FROM surveys WHERE customer_id IN (SELECT customer_id FROM persona_draft_members "
            "WHERE conversation = 'olist' AND position = ?)", [i])["text"].dropna().map(lambda t: " ".join(t.split())))
        for q in p.quotes:
            assert any(t.startswith(q.text.removesuffix("...")) for t in own), q.text
            assert not contains_pii(q.text)


def test_refocus_makes_a_card_about_everyone_showing_a_behaviour(tiny):
    r = draft_personas(tiny, DraftPersonasParams(segments=3), conversation="rf")
    others = [p.facts["customers"] for p in r.personas[:2]]
    # Only P1 mostly collects on weekdays (two £20 pickups), whichever card P1 was on.
    out = edit_persona(tiny, EditPersonaParams(action="refocus", which=[3], focus=["weekday", "pickup"]),
                       conversation="rf")
    card = out.personas[2]
    assert (card.facts["customers"], card.facts["revenue"]) == (1, 40.0)
    assert card.definition.startswith("customers who mostly buy on weekdays")
    assert [p.facts["customers"] for p in out.personas[:2]] == others  # the other cards are untouched
    with pytest.raises(ToolInputError, match="at least|known behaviours"):
        edit_persona(tiny, EditPersonaParams(action="refocus", which=[3]), conversation="rf")


def test_feedback_sentiment_joins_the_behaviour_when_the_feedback_store_gives_it(tiny):
    from tools.feedback.sentiment import customer_sentiment
    from tools.personas.segments import customer_features, scaled_features

    without = scaled_features(customer_features(tiny))
    assert (without["sentiment"] == 0).all()  # constant: changes no distance
    texts = pd.DataFrame({"customer_id": ["P1", "P1", "P2", None, "P3"],
                          "sentiment": [-0.8, -0.4, 0.6, 0.9, None]})
    per_customer = customer_sentiment(texts)
    assert per_customer.to_dict() == {"P1": pytest.approx(-0.6), "P2": pytest.approx(0.6)}
    raw = customer_features(tiny, per_customer)
    scaled = scaled_features(raw)
    # P1 is the most negative, P2 the most positive; customers without texts sit at the mean (0).
    assert scaled.loc["P1", "sentiment"] == 0 and scaled.loc["P2", "sentiment"] == pytest.approx(0.5)
    drafted = draft_personas(tiny, DraftPersonasParams(segments=2), conversation="s", sentiment=per_customer)
    assert any("feedback sentiment of 2 customers used" in n for n in drafted.provenance.notes)
    plain = draft_personas(tiny, DraftPersonasParams(segments=2), conversation="s")
    assert any("feedback sentiment not used" in n for n in plain.provenance.notes)


def test_an_online_shop_buying_at_midnight_reads_as_such(store, tmp_path):
    """REES46-shaped: orders online at 00:02-00:14 UTC with no pickup, delivery or in-store
    split. The card said 'average order £265.32; ; 100% on weekdays, mostly morning (100%)'."""
    from tools.data.ingest import ingest_file
    from tools.data.mapping import Mapping
    from tools.personas.card import _buying_text

    (tmp_path / "orders.csv").write_text("order_id,customer_id,ts,amount\n"
                                         "O1,A,2019-10-01 00:02:14,130.76\nO2,B,2019-10-01 00:14:14,463.31\n")
    ingest_file(store, "orders", tmp_path / "orders.csv", Mapping(table="orders", unknown_customers="create"))
    with store.connect() as con:
        f = persona_facts(con, "SELECT unnest(['A', 'B']) AS customer_id", [])
    assert f["peak_daypart"] == {"part": "at night", "share": 1.0}
    text = _buying_text(f)
    assert "; ;" not in text and "mostly at night (100%)" in text
    mean = (130.76 + 463.31) / 2
    assert text.startswith(f"100% have bought, 1.0 orders each, average order £{mean:,.2f}; 100% on weekdays")


def test_web_sessions_on_a_card_are_the_kpis_web_sessions_and_absent_without_any(store, tmp_path):
    """Olist's order, delivery and review events share the order id as their session: the card
    said "1,0 web sessions per customer" for a marketplace export without a single visit."""
    from kpi_fixtures import load

    from tools.personas.card import _online_text

    load(store, tmp_path / "market", {
        "customers": "customer_id\nA\nB\n",
        "events": "customer_id,ts,touchpoint,session_id\n"
                  "A,2026-05-01 10:00,order_placed,o1\nA,2026-05-04 10:00,delivery,o1\n"
                  "A,2026-05-06 10:00,survey_response,o1\nB,2026-05-02 10:00,order_placed,o2\n",
    })
    with store.connect() as con:
        f = persona_facts(con, "SELECT unnest(['A', 'B']) AS customer_id", [])
        assert con.execute("SELECT count(*) FROM sessions").fetchone()[0] == 0
    assert f["sessions_per_customer"] is None and "web sessions" not in _online_text(f)
    # a shop with visits: A browsed in two sessions, B in one; the KPI counts the same three
    load(store, tmp_path / "visits", {
        "events": "customer_id,ts,touchpoint,session_id\n"
                  "A,2026-05-07 10:00,website_visit,w1\nA,2026-05-07 10:05,product_view,w1\n"
                  "A,2026-05-08 10:00,website_visit,w2\nB,2026-05-08 11:00,website_visit,w3\n",
    })
    with store.connect() as con:
        f = persona_facts(con, "SELECT unnest(['A', 'B']) AS customer_id", [])
    assert f["sessions_per_customer"] == pytest.approx(3 / 2)
    assert "1.5 web sessions per customer" in _online_text(f)
