"""(lane real29b) Brands asked of a support desk whose tickets keep the brand handle that answered
(twcs), by class: the brands ranked by their tickets when a brand word, a ranking word and a word
for what customers send come together ("which brand gets the most complaints?", read as themes
before), and one brand's own tickets when a handle is named with a ticket count or a reply wait
("how many tickets did AppleSupport handle?" counted every brand's). Over tickets whose subjects
are sentences (the banks' sample, any shop's own desk) nothing changes. Asked for the average
wait, the answer gives the mean beside the median."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.fixture(scope="module")
def handles(tmp_path_factory):
    """A desk of three brands' handles (subjects one word each), tickets over two months."""
    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config
    from tools.data.store import JourneyStore

    store = JourneyStore(tmp_path_factory.mktemp("handles") / "journey.duckdb")
    brands = ["AcmeHelp"] * 5 + ["Bolt_Support"] * 3 + ["CasaCares"] * 2
    for i, brand in enumerate(brands):
        day = 1 + i * 5
        store.execute("INSERT INTO tickets (ticket_id, customer_id, created_at, first_response_at, subject) "
                      f"VALUES ('t{i}', 'c{i}', TIMESTAMPTZ '2026-0{1 + day // 29}-{1 + day % 28:02d} 09:00+00', "
                      f"TIMESTAMPTZ '2026-0{1 + day // 29}-{1 + day % 28:02d} {10 + i % 3}:00+00', ?)", [brand])
    config = load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})
    return OfflinePlanner(ToolContext(store=store, config=config), all_tools())


@pytest.mark.parametrize("question, complaints", [
    ("which brand gets the most complaints", True),
    ("which company got the most complaints last month", True),
    ("which account gets the most messages", None),
    ("which brand has the most unanswered tweets", None),
    ("brands ranked by tickets", None),
    ("which companies get the most conversations each month", None),
])
def test_brands_ranked_by_what_customers_send(handles, question, complaints):
    assert_plans(handles, question, "tickets_by_brand", rank="tickets", complaints=complaints)


@pytest.mark.parametrize("question, rank", [
    ("how many tickets did AcmeHelp handle", "tickets"),
    ("how many tickets did bolt_support get last month", "tickets"),
    ("how fast does CasaCares reply", "wait"),
    ("how long does AcmeHelp take to answer", "wait"),
    ("first response time for @AcmeHelp", "wait"),
])
def test_a_named_brand_is_its_own_tickets(handles, question, rank):
    plan = handles.plan(question, "plans-" + question)
    assert plan.spec is not None and plan.spec.name == "tickets_by_brand", (question, plan.spec and plan.spec.name)
    assert plan.args["rank"] == rank and len(plan.args["brands"]) == 1, plan.args


@pytest.mark.parametrize("question", [
    "which brand gets the most complaints",
    "bakery: which branch gets the most complaints",
    "which company has the most unanswered messages",
    "how many tickets did we get last month",
    "what do customers complain about most",
])
def test_a_desk_without_brand_handles_keeps_its_reading(rules, question):
    """The banks' sample keeps sentences as ticket subjects: no brand split is made of them."""
    plan = rules.plan(question, "plans-" + question)
    assert plan.spec is None or plan.spec.name != "tickets_by_brand", plan.args


@pytest.mark.parametrize("question, mean", [
    ("what is our average first response time", True),
    ("salon: mean time to first reply last month", True),
    ("average resolution time this quarter", True),
    ("median first response time", False),
    ("first response time last month", False),
])
def test_the_mean_is_given_when_the_average_wait_is_asked(rules, question, mean):
    answer = rules.answer(question, "mean-" + question)
    assert ("The average (mean) wait for a" in answer.text) is mean, answer.text
