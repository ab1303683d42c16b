"""(lane real29a) Three classes a new owner met on real exports, on other trades' wordings.

- What people look at by brand, category or product: over events that name them (a shoe shop's
  product views here, REES46's in tests/realdata/test_real29a.py) the views are counted by
  product_interest; over the banks' sample, whose events name no product, nothing changes (the
  answer still says the events keep no product).
- How an order was paid, its freight and its seller: not loaded by any export, said so instead of
  another number (paths, refund rate, order value, buyers); what people say about shipping costs
  is still a feedback search and best sellers still product sales.
- Where customers come from, with no period said: every customer (movers over all the data); a
  period said is kept. Rules only; phrasings written for this round."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

_EVENTS = """customer_id,ts,touchpoint,session_id,value,product,category,brand
c1,2026-03-02 10:00,product_view,s1,80,trail-1,shoes.running,Nike
c1,2026-03-02 10:02,product_view,s1,95,road-2,shoes.running,Asics
c1,2026-03-02 10:05,add_to_cart,s1,80,trail-1,shoes.running,Nike
c1,2026-03-02 10:09,purchase,s1,80,trail-1,shoes.running,Nike
c2,2026-03-03 11:00,product_view,s2,80,trail-1,shoes.running,Nike
c2,2026-03-03 11:01,product_view,s2,40,sock-9,socks,Falke
c3,2026-03-04 12:00,product_view,s3,95,road-2,shoes.running,Asics
c3,2026-03-04 12:00,product_view,s3,60,boot-4,shoes.hiking,Salomon
"""


@pytest.fixture(scope="module")
def shoes(tmp_path_factory):
    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config
    from tools.data.ingest import ingest_file
    from tools.data.store import JourneyStore

    path = tmp_path_factory.mktemp("shoes") / "events.csv"
    path.write_text(_EVENTS, encoding="utf-8")
    store = JourneyStore(None, timezone="Europe/London")
    ingest_file(store, "events", path)
    config = load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})
    yield OfflinePlanner(ToolContext(store=store, config=config), all_tools())
    store.close()


@pytest.mark.parametrize(("question", "args"), [
    ("running shoe shop: which brands get looked at the most?", {"by": "brand", "measure": "views"}),
    ("which categories do shoppers browse most", {"by": "product_category", "measure": "views"}),
    ("top 3 most viewed products", {"by": "product", "measure": "views", "top": 3}),
    ("how many views did nike get this month", {"by": "brand", "name": ["nike"]}),
    ("asics products", {"by": "product", "name": ["asics"]}),
    ("which brand sells best", {"by": "brand", "measure": "purchases"}),
    ("which brands are looked at but never bought", {"by": "brand", "unbought": True}),
])
def test_events_naming_products_are_counted_by_them(shoes, question, args):
    assert_plans(shoes, question, "product_interest", **args)


def test_the_counts_are_the_events(shoes):
    answer = shoes.answer("how many views did nike get?", "real29a-nike")
    assert "“nike”: 2 views by 2 people, 1 cart, 1 purchase" in answer.text, answer.text
    two = shoes.answer("which products get the most views?", "real29a-second")
    # c3 viewed two products at 12:00 in one session: two events, not one
    assert "boot-4" in two.text and "road-2" in two.text


@pytest.mark.parametrize("question", [
    "hair salon: which brands of shampoo do people look at most?",
    "what are our most viewed products?",
])
def test_on_the_sample_the_events_still_name_no_product(rules, question):
    answer = rules.answer(question, "real29a-sample-" + question)
    assert not answer.tool_calls and "not which product, category or brand" in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "how do people usually pay at the bakery?",
    "what share of bookings are paid by card",
    "do clients pay in instalments?",
    "wine shop: average shipping cost per order last month",
    "how much did we spend on freight this year",
    "which sellers on the marketplace make the most money",
    "how many sellers do we have",
])
def test_payments_freight_and_sellers_are_said_not_loaded(rules, question):
    assert_plans(rules, question, None)
    answer = rules.answer(question, "real29a-detail-" + question)
    assert "The loaded data does not say" in answer.text and not answer.tool_calls, answer.text


@pytest.mark.parametrize(("question", "tool"), [
    ("what do people say about shipping costs", "feedback_search"),
    ("best sellers by units", "product_sales"),
    ("slowest sellers among the candles last month", "product_sales"),
])
def test_their_neighbours_keep_their_tools(rules, question, tool):
    assert_plans(rules, question, tool)


@pytest.mark.parametrize(("question", "by"), [
    ("which towns do most of our customers come from?", "city"),
    ("which region has the most clients", "region"),
    ("dog groomer: which town has the most customers?", "city"),
])
def test_where_customers_come_from_is_everyone(rules, question, by):
    assert_plans(rules, question, "movers", by=by, period={"name": "all"})


def test_a_period_said_is_kept(rules):
    plan = rules.plan("which towns did most customers come from last month?", "real29a-kept")
    assert plan.spec is not None and plan.spec.name == "movers" and plan.args.get("period") != {"name": "all"}
