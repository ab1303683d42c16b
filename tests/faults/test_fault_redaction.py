"""Fault: redaction was too narrow and broke numbers (issue 20 item 3).

IBANs, street addresses, postcodes and the names of customers the store knows must not reach
the stores, search results, theme labels or what is shown; tables of numbers (the NPS trend in
Slack) must come through redaction exactly as they were: nothing matches across a line break,
a table cell or the gap between aligned columns."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from fakes.embedders import HashEmbedder

from tools.core.pii import redact
from tools.data.ingest import ingest_file
from tools.data.mapping import Mapping
from tools.data.store import JourneyStore

IBAN = "GB82 WEST 1234 5698 7654 32"
ADDRESS = "221B Baker Street"
UK_POSTCODE = "NW1 6XE"
US_ADDRESS, US_ZIP = "1600 Pennsylvania Ave NW", "DC 20500"
BR_ADDRESS, BR_CEP = "Rua das Flores, 123", "01310-100"
TICKETS = f"""ticket_id,customer_id,created_at,subject,text
T1,C7,2026-05-04 10:00,Refund,"Please refund to {IBAN}, I live at {ADDRESS}, London {UK_POSTCODE}. Thanks, Marta"
T2,C8,2026-05-05 10:00,Delivery,"Marta Krüger recommended you. Send it to {US_ADDRESS}, Washington, {US_ZIP} please"
T3,C9,2026-05-06 10:00,Entrega,"Mande para {BR_ADDRESS} - São Paulo, CEP {BR_CEP}; Mrs O’Connor will sign"
T4,C9,2026-05-07 10:00,Refund,"Refund IBAN {IBAN} please, Baker Street branch"
"""
CUSTOMERS = """customer_id,First Name,Last Name,Email
C7,Marta,Krüger,marta80@t-online.de
C8,Amira,O'Connor,amira.oconnor@web.de
C9,Joana,Silva,joana@example.com.br
"""
SECRETS = ("GB82", "WEST 1234", "221B", "NW1 6XE", "Pennsylvania", "20500", "Rua das Flores",
           "01310-100", "Marta", "Krüger", "O’Connor", "O'Connor")


def _nothing_secret(text: str) -> bool:
    return not [s for s in SECRETS if s in text]


@pytest.fixture
def named_store(tmp_path):
    (tmp_path / "customers.csv").write_text(CUSTOMERS, encoding="utf-8")
    (tmp_path / "tickets.csv").write_text(TICKETS, encoding="utf-8")
    store = JourneyStore(tmp_path / "journey.duckdb", timezone="Europe/London")
    ingest_file(store, "customers", tmp_path / "customers.csv")
    ingest_file(store, "tickets", tmp_path / "tickets.csv")
    yield store
    store.close()


def test_fault_iban_address_postcode_and_names_never_reach_the_journey_store(named_store, tmp_path):
    texts = named_store.query("SELECT ticket_id, text FROM tickets ORDER BY ticket_id").set_index("ticket_id")["text"]
    assert texts["T1"] == "Please refund to [iban], I live at [address], London [postcode]. Thanks, [name]"
    assert texts["T2"] == "[name] recommended you. Send it to [address], Washington, DC [postcode] please"
    assert texts["T3"] == "Mande para [address] - São Paulo, CEP [postcode]; Mrs [name] will sign"
    assert texts["T4"] == "Refund IBAN [iban] please, Baker Street branch"  # a street without a number is no address
    named_store.close()
    raw = (tmp_path / "journey.duckdb").read_bytes()
    assert not [s for s in ("GB82", "WEST 1234", "221B", "NW1 6XE", "Pennsylvania", "01310-100") if s.encode() in raw]


def test_fault_names_are_redacted_when_the_customers_arrive_after_their_tickets(tmp_path):
    (tmp_path / "customers.csv").write_text(CUSTOMERS, encoding="utf-8")
    (tmp_path / "tickets.csv").write_text(TICKETS, encoding="utf-8")
    store = JourneyStore(None, timezone="Europe/London")
    ingest_file(store, "tickets", tmp_path / "tickets.csv", Mapping(table="tickets", unknown_customers="create"))
    assert "Marta" in store.scalar("SELECT text FROM tickets WHERE ticket_id = 'T1'")
    report = ingest_file(store, "customers", tmp_path / "customers.csv")
    assert any("the names were redacted" in w for w in report.warnings)
    assert all(_nothing_secret(t) for t in store.query("SELECT text FROM tickets")["text"])
    again = ingest_file(store, "tickets", tmp_path / "tickets.csv", Mapping(table="tickets", unknown_customers="create"))
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 4)  # redacted alike: unchanged


def test_fault_iban_address_and_names_never_reach_search_results_or_theme_labels(named_store, tmp_path):
    from tools.analytics.periods import Period
    from tools.feedback.index import index_file, index_store
    from tools.feedback.search import SearchParams, search
    from tools.feedback.store import FeedbackStore
    from tools.feedback.themes import ThemesParams, themes

    fb = FeedbackStore(tmp_path / "feedback", embedder=HashEmbedder(), timezone="Europe/London")
    index_store(fb, named_store)
    # A text file indexed on its own (no customer id) is redacted with the store's names too.
    reviews = tmp_path / "reviews.csv"
    reviews.write_text(f'id,body\nR1,"Amira O\'Connor of {ADDRESS} says the buns are great"\n', encoding="utf-8")
    from tools.feedback.index import TextFile

    index_file(fb, reviews, TextFile(source="reviews", text=["body"], id="id"), store=named_store)
    stored = fb.get()["documents"]
    assert len(stored) == 5 and all(_nothing_secret(d) for d in stored)
    found = search(fb, SearchParams(query="refund IBAN Baker Street address", min_similarity=0, limit=10),
                   store=named_store)
    assert found.quotes and all(_nothing_secret(q.text) for q in found.quotes)
    assert _nothing_secret(found.to_text())
    result = themes(fb, ThemesParams(period=Period(name="all"), min_size=2), store=named_store)
    assert result.themes
    shown = result.to_text() + " ".join(t.label for t in result.themes)
    assert _nothing_secret(shown) and "west" not in " ".join(t.label for t in result.themes).lower()


def test_fault_phone_never_matches_across_a_line_break_a_cell_or_a_column_gap():
    for text in ("07700\n900123", "07700 | 900123", "07700\t900123", "07700  900123", "| 020 | 7946 0958 |"):
        assert redact(text) == text
    assert redact("call 07700 900123 today") == "call [phone] today"
    # The row the issue saw lose a week: it must come through as it is.
    table = "week of    value  promoters  detractors\n2026-11-02     41         54          13\n" \
            "2026-11-09     05         55          12\n2026-08-16    00    08    00\n2026-04-14 | 30.0 | 60.5"
    assert redact(table) == table


def test_fault_a_table_of_numbers_comes_through_redaction_unchanged():
    """Aligned tables of dates and numbers as journeybot prints them (two or more spaces between
    columns), Markdown rows and tab-separated rows, with zero-padded and negative values."""
    rng = np.random.default_rng(20)
    for _ in range(2000):
        rows = []
        for _ in range(int(rng.integers(2, 9))):
            day = f"2026-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}"
            kind = rng.random()
            if kind < 0.3:
                values = [f"{v:.1f}" for v in rng.normal(40, 30, size=int(rng.integers(1, 5)))]
            elif kind < 0.5:
                values = [f"0{int(v)}" for v in rng.integers(0, 10, size=int(rng.integers(1, 5)))]
            else:
                values = [f"{int(v):,}" for v in rng.integers(-100, 200_000, size=int(rng.integers(1, 5)))]
            sep = str(rng.choice(["  ", "   ", "     ", " | ", "\t"]))
            rows.append(sep.join([day, *values]))
        table = "\n".join(rows)
        assert redact(table) == table, table


@pytest.fixture
def nps_store(tmp_path):
    """Thirteen weeks of NPS answers (and an order a day, so the store has a last day)."""
    rng = np.random.default_rng(3)
    days = pd.date_range("2026-08-03", "2026-11-08", freq="D")
    answers = [(f"S{i}", f"C{int(rng.integers(1, 300))}", (d + pd.Timedelta(hours=int(rng.integers(8, 20))))
                .strftime("%Y-%m-%d %H:%M"), int(rng.choice(11, p=[.02] * 3 + [.03, .03, .05, .08, .15, .2, .2, .2])))
               for i, d in enumerate(d for d in days for _ in range(int(rng.integers(3, 9))))]
    surveys = pd.DataFrame(answers, columns=["survey_id", "customer_id", "ts", "nps"])
    surveys.to_csv(tmp_path / "surveys.csv", index=False)
    pd.DataFrame({"order_id": [f"O{i}" for i in range(len(days))], "customer_id": "C1",
                  "ts": [(d + pd.Timedelta(hours=9)).strftime("%Y-%m-%d %H:%M") for d in days],
                  "amount": 12.5}).to_csv(tmp_path / "orders.csv", index=False)
    store = JourneyStore(None, timezone="Europe/London")
    for table in ("orders", "surveys"):
        ingest_file(store, table, tmp_path / f"{table}.csv", Mapping(table=table, unknown_customers="create"))
    yield store, surveys
    store.close()


def test_fault_nps_trend_in_slack_shows_every_week(make_slack, nps_store):
    from fakes.slack_harness import text_of

    from bot.agent.catalog import all_tools

    store, surveys = nps_store
    slack = make_slack(store=store, tools=all_tools())
    body, _ = slack.mention("how is NPS trending?")
    shown = text_of(slack.answer_in(body["event"]["ts"]))
    assert "[phone]" not in shown
    # Every full week, computed here from the raw answers, is on its own line with its value.
    ts = pd.to_datetime(surveys["ts"]).dt.tz_localize("Europe/London")
    week = (ts - pd.to_timedelta(ts.dt.day_of_week, unit="D")).dt.strftime("%Y-%m-%d")
    frame = surveys.assign(week=week, promoter=surveys["nps"] >= 9, detractor=surveys["nps"] <= 6)
    by_week = frame.groupby("week").agg(n=("nps", "size"), p=("promoter", "sum"), d=("detractor", "sum"))
    full = [w for w in by_week.index if "2026-08-17" <= w <= "2026-11-02"]
    assert len(full) == 12
    for w in full:
        row = by_week.loc[w]
        value = f"{100 * (int(row.p) - int(row.d)) / int(row.n):.0f}"
        assert re.search(rf"{w}\s+{value}\s+{int(row.n)}\b", shown), (w, value, shown)


def test_fault_redaction_is_idempotent_and_leaves_dates_times_prices_and_orders():
    text = "Order 100234 on 2026-05-01 14:30 for £1,234.50, 3 loaves, tracking 123456789, table 4"
    assert redact(text) == text
    once = redact(f"{IBAN} {ADDRESS} {UK_POSTCODE} 07700 900123 jo@example.com")
    assert once == "[iban] [address] [postcode] [phone] [email]" and redact(once) == once
