"""Readings added in phase L (lane g-tune15d) by class, asked with the rules only (the fallback
off), from owners' questions on real data sets: a customer dimension's groups named in the
plural with no "by" ("how satisfied are our segments?") are a split by that dimension, not one
figure for everyone."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    from sample_cache import bank_store

    env = {"JOURNEYBOT_PLANNER_FALLBACK": "off"}
    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env=env)), all_tools())


# -- the groups in the plural, no "by" --------------------------------------------------------------
@pytest.mark.parametrize(("question", "tool", "by"), [
    ("how happy are our customer groups with us, going by nps?", "satisfaction_by", "segment"),  # gym, US
    ("how do our channels rate us?", "satisfaction_by", "channel"),  # florist
    ("how satisfied are the tiers on the loyalty scheme", "satisfaction_by", "segment"),  # cafe, UK
    ("how satisfied were our regions last quarter?", "movers", "region"),  # wholesaler
    ("how are the regions doing", "movers", "region"),  # bakery chain
    ("how are our channels performing this month", "movers", "channel"),  # online shop
    ("how are our towns getting on for orders?", "movers", "city"),  # van hire, UK
    ("how have our age groups been doing for revenue lately", "movers", "age_band"),  # bike shop, AU
])
def test_plural_groups_are_a_split(planner: OfflinePlanner, question: str, tool: str, by: str) -> None:
    plan = planner.plan(question)
    assert plan.spec is not None and plan.spec.name == tool, (question, plan.spec and plan.spec.name, plan.args)
    assert plan.args.get("by") == by


@pytest.mark.parametrize("question", [
    "how is our vip segment doing",  # one group named: its own figures
    "how many customers are in our segments",  # a count of people, not each group's level
    "how are we doing this month",  # no group at all
])
def test_one_group_or_none_is_not_a_split(planner: OfflinePlanner, question: str) -> None:
    plan = planner.plan(question)
    assert not (plan.spec is not None and plan.spec.name in ("movers", "satisfaction_by")), (question, plan.args)


# -- a change from one month to the next: the later set against the earlier --------------------------
@pytest.mark.parametrize(("question", "period", "against"), [
    ("how did conversion change from october to november?", "2026-11-01", "2026-10-01"),  # web shop
    ("did orders go up or down from september to october", "2026-10-01", "2026-09-01"),  # takeaway
    ("has the repeat rate got better from sept to oct?", "2026-10-01", "2026-09-01"),  # coffee beans, UK
    ("how much did bookings drop between august and september", "2026-09-01", "2026-08-01"),  # campsite, AU
])
def test_change_from_month_to_month_sets_them_side_by_side(planner: OfflinePlanner, question: str, period: str,
                                                           against: str) -> None:
    plan = planner.plan(question)
    assert plan.spec is not None and plan.spec.name == "compare", (question, plan.args)
    assert plan.args["period"]["start"] == period and plan.args["against"]["start"] == against


@pytest.mark.parametrize(("question", "start", "end"), [
    ("what was revenue from october to november?", "2026-10-01", "2026-11-15"),  # no change asked: one period
    ("bookings from march through may", "2026-03-01", "2026-05-31"),  # salon
    ("how has aov moved between august and october", "2026-08-01", "2026-10-31"),  # three months: a stretch
])
def test_a_range_of_months_without_a_change_is_one_period(planner: OfflinePlanner, question: str, start: str,
                                                           end: str) -> None:
    plan = planner.plan(question)
    assert plan.args.get("period") == {"start": start, "end": end}, (question, plan.args)
    assert "against" not in plan.args


# -- sales by brand: no brand stored, said so; by product (lane g-real15): the product_sales tool ---
def test_brand_sales_say_the_data_has_none(planner: OfflinePlanner) -> None:
    answer = planner.answer("which brands sell best?", key="brands")  # electronics store (REES46)
    assert "no sales by brand" in answer.text, answer.text
    assert "not look like a question about your customers" not in answer.text


@pytest.mark.parametrize("question", [
    "top selling items this month",  # gift shop, UK
    "which flavours are our best sellers",  # ice cream parlour, AU
    "what skus are moving fastest",  # hardware
    # a ranking of what sells, even where a tool shares a word: not lifetime value, not review scores
    "what are our best selling products",  # homeware web shop, US
    "which products sell best",  # Olist-shaped marketplace (product categories on reviews)
    "which flavour sells the most",  # gelato stand, IE
    "best-selling cake styles this month?",  # cake maker, NG
])
def test_product_sales_are_ranked_by_product(planner: OfflinePlanner, question: str) -> None:
    # said to be missing until phase U (lane g-real15) added the product_sales tool
    plan = planner.plan(question, question)
    assert plan.spec is not None and (plan.spec.name, plan.args["by"]) == ("product_sales", "product"), plan


# -- "the last 8 weeks": whole weeks, as "last week" is ---------------------------------------------
WEDNESDAY = __import__("datetime").date(2026, 11, 18)  # data ending mid-week


@pytest.mark.parametrize(("question", "period"), [
    ("how has revenue trended over the last 8 weeks?", "2026-09-21..2026-11-15"),  # bike shop
    ("bookings in the past six weeks", "2026-10-05..2026-11-15"),  # yoga studio, UK
    ("weekly covers for the previous 3 weeks", "2026-10-26..2026-11-15"),  # restaurant, IE
    ("nps over the last 10 full weeks", "2026-09-07..2026-11-15"),  # dentist, US
])
def test_last_n_weeks_are_whole_weeks(question: str, period: str) -> None:
    from bot.agent.when import parse_period

    assert parse_period(question, WEDNESDAY) == period
    assert parse_period("last week", WEDNESDAY) == "last_week"  # the calendar week, as before


@pytest.mark.parametrize(("question", "period"), [
    ("revenue in the last 30 days", "last_30_days"),  # days stay rolling
    ("orders over the past 45 days", "2026-10-05..2026-11-18"),
])
def test_last_n_days_stay_rolling(question: str, period: str) -> None:
    from bot.agent.when import parse_period

    assert parse_period(question, WEDNESDAY) == period


def test_whole_weeks_on_a_sunday_keep_their_rolling_name() -> None:
    from bot.agent.when import parse_period

    assert parse_period("revenue in the last 4 weeks", __import__("datetime").date(2026, 11, 15)) == "last_28_days"


@pytest.mark.parametrize("question", [
    "how many brand new customers bought from us this week",  # "brand new": no brand asked
    "can you recommend a decent hair straightener brand",  # advice, not the shop's sales
])
def test_brand_words_without_product_sales_are_not_that(planner: OfflinePlanner, question: str) -> None:
    assert "no sales by" not in planner.answer(question, key=question).text


# -- people named by a step, then a purchase verb: the funnel from that step to the order -----------
@pytest.mark.parametrize(("question", "steps"), [
    ("what share of product viewers buy", ["product_view", "order_placed"]),  # homeware web shop, US
    ("how many product viewers buy", ["product_view", "order_placed"]),  # olive-oil web shop, UK
    ("what fraction of menu browsers actually book", ["menu_view", "order_placed"]),  # supper club, IE
])
def test_step_named_people_who_buy_are_a_funnel_to_the_order(planner: OfflinePlanner, question: str,
                                                              steps: list[str]) -> None:
    assert_plans(planner, question, "funnel", key="buy-" + question, touchpoints=steps)
