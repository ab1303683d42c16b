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


def test_the_digest_ticket_lines_say_which_day_they_cover(shop):
    # The tickets' first reply on the orders' last day read as the help desk's latest, two
    # months before its last ticket: the line says the day it is about and where tickets end.
    orders, tickets = shop.as_of("orders"), shop.as_of("tickets")
    kpis = dict(digest(shop).sections())["KPIs"].splitlines()
    reply = [line for line in kpis if line.startswith("First response")]
    assert reply and reply[0].endswith(f"(the tickets of {orders:%a} {orders.day} {orders:%b}: their last day is {tickets})")
    assert not [line for line in kpis if line.startswith(("Revenue", "Orders")) and "last day" in line]
