"""Reading arguments out of questions, as the offline planner does."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.agent.slots import parse, parse_breakdown, parse_metrics, parse_period, parse_stages

AS_OF = dt.date(2026, 11, 15)  # a Sunday


@pytest.mark.parametrize("text, expected", [
    ("how did we do last week?", "last_week"),
    ("this month so far", "this_month"),
    ("in the past 30 days", "last_30_days"),
    ("over the last 3 months", "last_90_days"),
    ("last two weeks", "last_14_days"),
    ("last 10 days", "2026-11-06..2026-11-15"),
    ("what happened in October", "2026-10-01..2026-10-31"),
    ("what happened in december", "2025-12-01..2025-12-31"),
    ("since 2026-09-01", "2026-09-01..2026-11-15"),
    ("yesterday", "yesterday"),
    ("where do we lose people", None),
])
def test_periods(text, expected):
    assert parse_period(text, AS_OF) == expected


def test_stages_in_the_order_they_are_mentioned():
    assert parse_stages("where do we lose people between consideration and purchase?") == [
        "consideration", "purchase"]
    assert parse_stages("drop-off from awareness to advocacy") == ["awareness", "advocacy"]
    assert parse_stages("how many reach checkout?") == ["decision"]


def test_metrics_and_breakdowns():
    assert parse_metrics("what's our NPS and average order value?") == ["nps", "aov"]
    assert parse_metrics("how fast do we reply to tickets") == ["first_response_time"]
    assert parse_breakdown("conversion by channel last month") == "channel"
    assert parse_breakdown("which channel brings the most buyers?") == "channel"
    assert parse_breakdown("NPS per segment") == "segment"


def test_channels_come_from_the_data_and_synonyms():
    slots = parse("and for Insta only?", as_of=AS_OF, channels=["instagram", "search"], personas=[])
    assert slots.channels == ["instagram"]
    slots = parse("people from google", as_of=AS_OF, channels=["instagram", "search"], personas=[])
    assert slots.channels == ["search"]
    # A synonym for a channel the data does not have is not invented.
    assert parse("tiktok?", as_of=AS_OF, channels=["instagram"], personas=[]).channels == []


def test_compare_and_persona():
    slots = parse("How does The Regular compare with last month?", as_of=AS_OF, channels=[],
                  personas=["The Regular", "Busy Parent"])
    assert slots.compare and slots.persona == "The Regular" and slots.period == "last_month"


def test_post_purchase_is_one_stage_not_two():
    assert parse_stages("why is post-purchase red?") == ["post-purchase"]
    assert parse_stages("post purchase problems") == ["post-purchase"]
    assert parse_stages("post-purchase is red but purchase is fine") == ["post-purchase", "purchase"]


def test_typos_are_read_past_and_english_words_left_alone():
    from bot.agent.catalog import all_tools
    from bot.agent.domain_terms import build_speller
    from bot.agent.slots import Known

    speller = build_speller(all_tools(), Known(channels=("instagram",)))
    slots = parse("whats the reveune from instgram custmers", as_of=AS_OF, channels=["instagram"], speller=speller)
    assert slots.metrics == ["revenue"] and slots.channels == ["instagram"]
    assert ("reveune", "revenue") in slots.fixes and ("custmers", "customers") in slots.fixes
    # Real words that look like domain words are not typos: slipping is not shipping.
    kept = parse("which regulars are slipping away or drifting off?", as_of=AS_OF, speller=speller)
    assert kept.fixes == [] and "slipping" in kept.norm and "drifting" in kept.norm
    assert parse("how many deliverys were late", as_of=AS_OF, speller=speller).metrics == ["on_time_delivery"]


def test_a_state_code_that_is_also_a_word_counts_only_in_capitals():
    from bot.agent.slots import Known

    known = Known(regions=("SP", "TO", "RJ"), cities=("sao paulo",))
    # Olist's states include TO (Tocantins): "to" in a sentence is not a place.
    slots = parse("How do email customers convert from purchase to post-purchase?", as_of=AS_OF, known=known)
    assert "region" not in slots.filters or slots.filters["region"] == []
    assert parse("orders from TO and SP last week", as_of=AS_OF, known=known).filters["region"] == ["TO", "SP"]
    assert parse("deliveries in sao paulo", as_of=AS_OF, known=known).filters["city"] == ["sao paulo"]
