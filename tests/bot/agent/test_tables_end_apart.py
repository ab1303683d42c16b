"""A shop's orders (Square, to May 2025) and its help desk (Zendesk, to July 2025) end two
months apart. An answer about tickets said "last 30 days (2025-06-26 to 2025-07-25)" while the
digest reported on 24 May without a word about the tickets: the answer now names the table it
counted back from, and the digest says which day it reports on and where the other table ends."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.agent.agent import JourneyAgent
from bot.agent.answer_notes import data_notes
from bot.agent.tools import ToolContext
from bot.config import load_config
from tools.analytics.compare import CompareParams, compare
from tools.analytics.periods import Period
from tools.data.vendors.load import ingest_export
from tools.digest.compose import digest

VENDORS = Path(__file__).resolve().parents[2] / "fixtures" / "vendors"


@pytest.fixture
def shop(store):
    ingest_export(store, VENDORS / "square" / "transactions.csv")
    ingest_export(store, VENDORS / "zendesk" / "tickets_csat_off.csv")
    return store


def test_the_digest_says_its_day_and_where_the_tickets_end(shop):
    orders, tickets = shop.as_of("orders"), shop.as_of("tickets")
    assert (tickets - orders).days > 30
    text = digest(shop).to_text()
    assert f"this digest reports on {orders:%a} {orders.day} {orders:%b %Y}, the last day of the orders" in text
    assert f"the tickets on {tickets}" in text


def test_an_answer_names_the_table_it_counted_back_from(shop, tmp_path):
    agent = JourneyAgent(ToolContext(store=shop, config=load_config()), memory_path=tmp_path / "memory.sqlite")
    orders, tickets = shop.as_of("orders"), shop.as_of("tickets")
    today = dt.date(2026, 12, 5)
    about_tickets = agent.answer("how many support tickets did we get in the last 30 days?")
    notes = [n for n in data_notes(shop, about_tickets, today=today) if "before today" in n]
    assert notes and notes[0].startswith(f"The tickets end on {tickets} (the orders on {orders}), ")
    about_orders = agent.answer("how much revenue did we make in the last 30 days?")
    notes = [n for n in data_notes(shop, about_orders, today=today) if "before today" in n]
    assert notes and notes[0].startswith(f"The orders end on {orders} (the tickets on {tickets}), ")


def test_the_digest_ticket_lines_report_on_the_tickets_own_last_day(shop):
    # The tickets' first reply on the orders' last day read as the help desk's latest, two
    # months before its last ticket: the ticket lines now report on the last day a ticket was
    # opened (against the same weekday a week before), and say so; the order lines stay on theirs.
    opened = shop.span("tickets").last_dated_day
    week_before = opened - dt.timedelta(days=7)
    want = compare(shop, CompareParams(metrics=["first_response_time"], period=Period(start=opened, end=opened),
                                       against=Period(start=week_before, end=week_before)))
    hours = next(r.current for r in want.rows.itertuples() if r.metric == "first_response_time")
    kpis = dict(digest(shop).sections())["KPIs"].splitlines()
    reply = [line for line in kpis if line.startswith("First response")]
    assert reply and f"-> {hours:.1f} h" in reply[0]
    assert reply[0].endswith(f"(the tickets of {opened:%a} {opened.day} {opened:%b} against "
                             f"{week_before:%a} {week_before.day} {week_before:%b}, the last day one was opened)")
    assert not [line for line in kpis if line.startswith(("Revenue", "Orders")) and "last day" in line]
