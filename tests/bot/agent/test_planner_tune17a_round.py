"""Readings added in phase M (lane g-tune17a) by class, from the tenth blind bank's remaining
misses in the analyses. The phrasings are this lane's own (different trades and Englishes), not
the bank's."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question):
    plan = rules.plan(question, "k-" + question)
    assert plan.spec is not None, (question, plan.args)
    return plan


@pytest.mark.parametrize("question", [
    "how many trolleys are left behind on the garden centre's webshop",
    "what proportion of carts do punters leave behind on the bakery site this month",
    "percentage of baskets left behind at checkout, last 30 days",
    "share of shopping carts that get left behind by the candle shop's visitors",
])
def test_baskets_left_behind_are_the_cart_abandonment_level(rules, question):
    assert_plans(rules, question, "kpis", metrics=["cart_abandonment"])


@pytest.mark.parametrize("question", [
    "which channel is behind the drop in orders this month?",
    "what's behind the fall in revenue at the salon this month",
])
def test_what_is_behind_a_change_is_still_the_movers(rules, question):
    assert _plan(rules, question).spec.name == "movers"


@pytest.mark.parametrize(("question", "tool"), [
    ("what's the refund count at the shoe shop this quarter", "kpis"),
    ("refund numbers for the florist last month vs the month before", "compare"),
    ("plot refund numbers week by week for the bike shop", "trend"),
    ("what was the refund tally for the deli this year", "kpis"),
])
def test_a_refund_count_is_the_refunded_orders_not_the_rate(rules, question, tool):
    plan = _plan(rules, question)
    assert plan.spec.name == tool, (plan.spec.name, plan.args)
    assert (plan.args.get("metrics") or [plan.args.get("metric")]) == ["refunded_orders"]


@pytest.mark.parametrize("question", [
    "how many clients actually paid us last month",
    "how many of the students paid up this term",
    "how many households paid me for window cleaning in october",
    "how many pupils have paid us anything this year",
])
def test_how_many_paid_me_is_the_head_count_of_buyers(rules, question):
    assert_plans(rules, question, "kpis", metrics=["buyers"])


def test_paid_us_twice_is_still_repeat_buying(rules):
    assert _plan(rules, "how many customers paid us twice this year").args["metrics"] == ["repeat_customers"]


@pytest.mark.parametrize("question", [
    "what percentage of the folk who came through the door this month went on to buy",
    "what fraction of punters we had in last week actually ended up booking",
    "of everyone we served in october, what share ended up paying",
    "how many of the people who popped in last week ended up buying something",
    "what % of guests who booked a viewing actually ended up paying",
])
def test_the_share_of_people_described_at_length_who_bought_is_purchase_conversion(rules, question):
    assert_plans(rules, question, "kpis", metrics=["purchase_conversion"])


@pytest.mark.parametrize("question", [
    "of those who put something in the trolley, what percentage end up ordering",
    "shoppers who add a candle to the basket, what proportion go on to buy?",
    "of the ones who got to the cart this month, what % actually paid",
])
def test_from_the_basket_to_paying_is_the_purchase_stage_conversion(rules, question):
    assert_plans(rules, question, "kpis", metrics=["conversion_purchase"])


def test_a_long_message_that_starts_by_saying_who_keeps_who(rules):
    # the first clause names the people the share is of: it is the question, not a preamble
    assert_plans(rules, "punters who put a few bits in the trolley on the webshop, what proportion end up paying",
                 "kpis", metrics=["conversion_purchase"])


@pytest.mark.parametrize("question", [
    "how many of our coffee customers actually order again?",
    "what share of our tea customers ended up buying again",
])
def test_ending_up_buying_again_is_repeat_buying_not_conversion(rules, question):
    metrics = _plan(rules, question).args.get("metrics") or []
    assert "purchase_conversion" not in metrics


@pytest.mark.parametrize("question", [
    "mean 1 to 5 score the physio patients gave us this quarter",
    "whats the average 1-5 customer satisfaction mark for the driving school",
    "average one-to-five satisfaction rating last month",
])
def test_an_average_on_the_one_to_five_scale_is_the_mean_rating_alone(rules, question):
    assert_plans(rules, question, "kpis", metrics=["csat_mean"])


@pytest.mark.parametrize("question", [
    "is our queue of support cases getting bigger or smaller",
    "has the pile of open complaints at the garage grown or shrunk this month",
    "is the backlog of repair queries rising or falling this month?",
])
def test_a_backlog_growing_or_shrinking_is_its_net_change(rules, question):
    assert_plans(rules, question, "kpis", metrics=["backlog_change"])


def test_the_backlog_week_by_week_is_still_a_series(rules):
    assert_plans(rules, "is the support backlog growing or shrinking week by week this quarter", "trend", grain="week")


@pytest.mark.parametrize(("question", "by"), [
    ("which day do the cyclists spend the most", "weekday"),
    ("which month do the wedding parties spend the most at the florist", "month"),
    ("what time of day do people spend most in the cafe", "hour"),
])
def test_when_people_spend_most_is_the_pattern_of_revenue(rules, question, by):
    assert_plans(rules, question, "time_pattern", by=by, metric="revenue")


@pytest.mark.parametrize(("question", "tool"), [
    ("what's the recommend score for the cattery this quarter", "kpis"),
    ("our would-you-recommend number, last 90 days", "kpis"),
    ("chart the recommend rating month by month", "trend"),
])
def test_the_recommend_score_is_the_nps(rules, question, tool):
    plan = _plan(rules, question)
    assert plan.spec.name == tool, (plan.spec.name, plan.args)
    assert (plan.args.get("metrics") or [plan.args.get("metric")]) == ["nps"]


def test_the_recommend_score_as_a_follow_up_of_a_chart(rules):
    rules.remember("k-rec", rules.plan("chart csat month by month this year", "k-rec"))
    assert_plans(rules, "and the would you recommend number too", "trend", key="k-rec", metric="nps", grain="month")


def test_what_you_would_recommend_for_a_group_is_still_next_actions(rules):
    assert _plan(rules, "what would you recommend for our vips").spec.name == "next_best_actions"


@pytest.mark.parametrize(("question", "grain"), [
    ("are our parcels taking longer to arrive this month? by week please", "week"),
    ("are the veg box deliveries getting later, month by month", "month"),
    ("is shipping getting any quicker? show me that weekly", "week"),
])
def test_deliveries_getting_slower_is_the_delivery_time_series(rules, question, grain):
    assert_plans(rules, question, "trend", metric="delivery_time", grain=grain)


def _span(args, key="period"):
    return args[key]["start"], args[key]["end"]


@pytest.mark.parametrize(("question", "period"), [
    ("orders at the bike shop in the week of the 9th", ("2026-11-09", "2026-11-15")),
    ("takings the week of 26 oct", ("2026-10-26", "2026-11-01")),
    ("how many bookings did the salon take in the week of 14 october", ("2026-10-12", "2026-10-18")),
])
def test_the_week_of_a_day_is_its_whole_week(rules, question, period):
    plan = _plan(rules, question)
    assert plan.spec.name == "kpis" and _span(plan.args) == period, (plan.spec.name, plan.args)


def test_two_weeks_named_by_a_day_are_compared_the_later_one_asked_about(rules):
    plan = _plan(rules, "csat in the week of 12 october vs the week of 19 october")
    assert plan.spec.name == "compare", (plan.spec.name, plan.args)
    assert _span(plan.args) == ("2026-10-19", "2026-10-25")
    assert _span(plan.args, "against") == ("2026-10-12", "2026-10-18")


@pytest.mark.parametrize(("question", "period", "against"), [
    ("nps in august vs september, which was better", ("2026-09-01", "2026-09-30"), ("2026-08-01", "2026-08-31")),
    # (lane probe23b, the lead's phase-Y reading) without "which ... better" or "or", the month named first is the period
    ("compare july with august for bookings at the hostel", ("2026-07-01", "2026-07-31"), ("2026-08-01", "2026-08-31")),
    ("average basket in june against july for the deli", ("2026-06-01", "2026-06-30"), ("2026-07-01", "2026-07-31")),
])
def test_two_months_earlier_first_ask_about_the_later(rules, question, period, against):
    plan = _plan(rules, question)
    assert plan.spec.name == "compare", (plan.spec.name, plan.args)
    assert _span(plan.args) == period and _span(plan.args, "against") == against


@pytest.mark.parametrize(("question", "period"), [
    ("orders at the nursery in the second half of last year", ("2025-07-01", "2025-12-31")),
    ("how many new customers in the first half of the year", ("2026-01-01", "2026-06-30")),
    ("h1 revenue for the brewery", ("2026-01-01", "2026-06-30")),
    ("nps in the back half of 2025", ("2025-07-01", "2025-12-31")),
])
def test_half_a_year_is_that_half_not_the_year(rules, question, period):
    plan = _plan(rules, question)
    assert plan.spec.name == "kpis" and _span(plan.args) == period, (plan.spec.name, plan.args)


@pytest.mark.parametrize(("question", "period"), [
    ("how did the bakery do in the second half of september", ("2026-09-16", "2026-09-30")),
    ("how did our shop get on in the first half of the year", ("2026-01-01", "2026-06-30")),
    ("how'd the studio do over the back half of october", ("2026-10-16", "2026-10-31")),
])
def test_how_we_did_in_half_a_month_or_year_is_its_headline_numbers(rules, question, period):
    plan = _plan(rules, question)
    assert plan.spec.name == "kpis" and _span(plan.args) == period, (plan.spec.name, plan.args)


def test_how_we_did_yesterday_is_still_the_digest(rules):
    assert _plan(rules, "how did we do yesterday").spec.name == "digest"


@pytest.mark.parametrize(("question", "by"), [
    ("which suburb's regulars have become grumpier lately", "city"),
    ("which region's shoppers got a lot less satisfied this quarter", "region"),
    ("which village's customers got less happy since the summer", "city"),
])
def test_which_places_customers_got_less_happy_is_the_change_by_place(rules, question, by):
    assert_plans(rules, question, "movers", by=by, metric="csat")


@pytest.mark.parametrize(("question", "by", "metric"), [
    ("instagram vs facebook customers, who ordered more this month", "channel", "orders"),
    ("bedminster against southville, which brings in more money", "city", "revenue"),
    ("clifton or redland, where did folk spend more last month?", "city", "revenue"),
])
def test_two_groups_side_by_side_asked_who_spent_more_are_ranked_on_it(rules, question, by, metric):
    assert_plans(rules, question, "movers", by=by, metric=metric, rank="value")


def test_two_places_with_no_measure_are_still_compared(rules):
    assert _plan(rules, "Clifton vs Redland last month").spec.name == "compare"


@pytest.mark.parametrize(("question", "by", "metric"), [
    ("was it a single segment pulling revenue down last month", "segment", "revenue"),
    ("could it be one region pushing the refund rate up this quarter?", "region", "refund_rate"),
    ("is it just one town dragging the orders down", "city", "orders"),
])
def test_is_it_one_group_dragging_a_kpi_is_the_change_by_that_group(rules, question, by, metric):
    assert_plans(rules, question, "movers", by=by, metric=metric)


@pytest.mark.parametrize(("question", "by", "metric"), [
    ("pull apart the csat dip across age bands, october against september", "age_band", "csat"),
    ("split the change in orders by region, this month vs last", "region", "orders"),
    ("break down the aov change by segment, q2 vs q1", "segment", "aov"),
])
def test_a_change_broken_down_by_group_is_explained_group_by_group(rules, question, by, metric):
    assert_plans(rules, question, "movers", by=by, metric=metric)


@pytest.mark.parametrize(("question", "metric"), [
    ("which age group buys the most at the garden centre", "revenue"),
    ("what channel's customers buy the most", "revenue"),
    ("which state buys the most from the bakery this year", "revenue"),
    ("which segment buys most often", "orders"),
])
def test_the_group_that_buys_the_most_is_ranked_on_the_money(rules, question, metric):
    assert_plans(rules, question, "movers", metric=metric, rank="value")


@pytest.mark.parametrize(("question", "focus"), [
    ("are mondays worth staying open for at the cafe", "Monday"),
    ("are sundays even worth trading for the barbers", "Sunday"),
    ("are wednesdays really worth opening the florist for?", "Wednesday"),
])
def test_is_a_weekday_worth_opening_for_is_its_place_in_the_week(rules, question, focus):
    assert_plans(rules, question, "time_pattern", by="weekday", focus=focus)


def test_what_a_customer_is_worth_is_still_lifetime_value(rules):
    assert _plan(rules, "what's a customer worth to us").spec.name == "customer_lifetime_value"


@pytest.mark.parametrize("question", [
    "which month is usually dead for the ice cream van",
    "what month tends to be busy at the garden centre",
    "what month was quiet for the b&b last year",
])
def test_which_month_was_slow_said_in_the_singular_is_the_pattern_of_the_year(rules, question):
    assert_plans(rules, question, "time_pattern", by="month")


@pytest.mark.parametrize(("question", "touchpoints"), [
    ("of the folk who come into the showroom, how many end up paying in person", ["instore_visit", "instore_purchase"]),
    ("from website visit to in-store purchase, what share make it", ["website_visit", "instore_purchase"]),
    ("how many customers who pop into the salon then go on to buy in store", ["instore_visit", "instore_purchase"]),
])
def test_the_shops_own_steps_said_in_words_are_the_funnels_touchpoints(rules, question, touchpoints):
    assert_plans(rules, question, "funnel", touchpoints=touchpoints)


@pytest.mark.parametrize(("question", "level"), [
    ("at which step do the wedding enquiries go cold", None),
    ("which stage do leads tail off at this month", "stage"),
    ("where on the site do shoppers wander off", None),
])
def test_going_cold_or_wandering_off_is_where_people_drop_off(rules, question, level):
    assert_plans(rules, question, "dropoffs", level=level)


@pytest.mark.parametrize(("question", "level"), [
    ("what do people who abandon their baskets usually do", None),
    ("stage by stage, what do the lapsed regulars actually do", "stage"),
    ("what do the window shoppers who never book typically do, step by step", None),
])
def test_what_a_group_of_people_actually_do_is_their_path(rules, question, level):
    assert_plans(rules, question, "paths", level=level)


def test_what_we_do_about_something_is_not_a_path(rules):
    plan = rules.plan("what do we do about the late deliveries", "k-wdwd")
    assert plan.spec is None or plan.spec.name != "paths"


@pytest.mark.parametrize(("question", "tool"), [
    ("what route do people take before buying from the webshop", "paths"),
    ("common journeys before ordering through the app", "paths"),
    ("where do people drop off before ordering on the site", "dropoffs"),
])
def test_before_ordering_on_the_website_is_the_web_order_goal(rules, question, tool):
    assert_plans(rules, question, tool, goal_touchpoint="order_placed")


@pytest.mark.parametrize(("first", "then", "filters"), [
    ("revenue and orders for facebook customers in the last 90 days", "do the tiktok nail clients the same way",
     {"channel": ["tiktok"]}),
    ("aov for the vips this month", "now the newsletter lot in the same way", {"segment": ["newsletter"]}),
    ("repeat rate for the instagram crowd last month", "and the facebook folk likewise", {"channel": ["facebook"]}),
])
def test_the_same_way_for_another_group_is_the_last_analysis_for_it(rules, first, then, filters):
    key = "k-same-" + first
    first_plan = rules.plan(first, key)
    rules.remember(key, first_plan)
    plan = rules.plan(then, key)
    assert plan.spec is not None and plan.spec.name == first_plan.spec.name, (plan.spec, plan.args)
    assert plan.args.get("filters") == filters and plan.args.get("metrics") == first_plan.args.get("metrics")
    assert plan.args.get("period") == first_plan.args.get("period")


@pytest.mark.parametrize(("first", "then", "kept", "steps"), [
    ("common routes for instagram customers last month", "trim those routes to 3 steps",
     {"filters": {"channel": ["instagram"]}, "period": {"name": "last_month"}}, 3),
    ("paths to purchase for the newsletter lot", "limit the paths to 2 steps", {"filters": {"segment": ["newsletter"]}}, 2),
    ("typical journeys of the vip clients this quarter", "ok now cut the journeys to 5 steps",
     {"filters": {"segment": ["vip"]}, "period": {"name": "this_quarter"}}, 5),
])
def test_cutting_the_paths_shown_keeps_who_and_when_they_were_for(rules, first, then, kept, steps):
    key = "k-cut-" + first
    rules.remember(key, rules.plan(first, key))
    plan = rules.plan(then, key)
    assert plan.spec is not None and plan.spec.name == "paths", (plan.spec, plan.args)
    assert plan.args.get("max_steps") == steps
    assert {k: plan.args.get(k) for k in kept} == kept


@pytest.mark.parametrize("question", [
    "are there holes in the spreadsheets we sent over",
    "any gaps in my exports from the till?",
    "is there a gap in those csv files from the booking system",
])
def test_gaps_in_the_files_given_is_what_the_data_holds(rules, question):
    assert _plan(rules, question).spec.name == "describe_data"


@pytest.mark.parametrize(("question", "place"), [
    ("orders from customers in east london last month", "east london"),
    ("how many bookings from north leeds", "north leeds"),
    ("revenue in Leith this year", "Leith"),
    ("what's the aov around Stockbridge this quarter", "Stockbridge"),
])
def test_a_place_the_data_lacks_is_said_never_dropped(rules, question, place):
    from bot.agent.reading import reasons

    plan = _plan(rules, question)
    assert not plan.args.get("filters"), plan.args
    assert any(place in note and "not a region or town" in note for note in reasons(rules, plan)), reasons(rules, plan)


@pytest.mark.parametrize("question", [
    "revenue in October for the bakery",
    "conversion in Shopify this week",
    "nps for the south west customers",
])
def test_months_software_and_compass_words_are_no_unknown_town(rules, question):
    unknown = [w for kind, w in rules.read(question).unknown if kind == "place"]
    assert all(w in ("south west",) for w in unknown), unknown


@pytest.mark.parametrize(("question", "tool"), [
    ("how many tickets did customers open at the phone repair shop this week", "kpis"),
    ("how many help desk tickets have clients logged since october", "kpis"),
    ("this month against last month: tickets", "compare"),
    ("tickets, this week vs last week", "compare"),
])
def test_tickets_raised_by_people_or_named_alone_are_the_ticket_count(rules, question, tool):
    assert_plans(rules, question, tool, metrics=["tickets"])


@pytest.mark.parametrize(("question", "segment"), [
    ("aov for our vip season ticket holders", "vip"),
    ("revenue from lead account holders this quarter", "lead"),
    ("what does a newsletter card-holder spend per order", "newsletter"),
])
def test_a_segment_of_holders_is_that_segment(rules, question, segment):
    plan = _plan(rules, question)
    assert plan.args.get("filters") == {"segment": [segment]}, plan.args


@pytest.mark.parametrize("question", [
    "which segment dragged the buy-rate down last month",
    "what's our conversion-rate at the bike shop this week",
    "is the buying-rate slipping? show me weekly",
])
def test_a_hyphenated_buying_rate_is_purchase_conversion(rules, question):
    plan = _plan(rules, question)
    assert (plan.args.get("metrics") or [plan.args.get("metric")]) == ["purchase_conversion"], (plan.spec.name, plan.args)


@pytest.mark.parametrize(("question", "metrics"), [
    ("refunded vs cancelled bookings this month at the spa", ["refunded_orders", "cancelled_orders"]),
    ("how many orders were cancelled or refunded last week", ["cancelled_orders", "refunded_orders"]),
    ("split of jobs cancelled vs refunded at the plumbers, last quarter", ["cancelled_orders", "refunded_orders"]),
])
def test_refunded_vs_cancelled_is_both_outcomes_side_by_side(rules, question, metrics):
    assert_plans(rules, question, "kpis", metrics=metrics)


def test_refunds_in_two_periods_are_still_compared(rules):
    assert _plan(rules, "refunds this month vs last month").spec.name == "compare"


@pytest.mark.parametrize(("question", "metric"), [
    ("revenue by first channel last month", "revenue"),
    ("orders per first channel this quarter, biggest first", "orders"),
    ("new customers by first channel since september", "new_visitors"),
])
def test_by_first_channel_is_each_channels_value(rules, question, metric):
    assert_plans(rules, question, "movers", by="channel", metric=metric)


@pytest.mark.parametrize("question", [
    "how long from first hearing about us to first booking a lesson",
    "typical wait between first visiting the site and first ordering",
    "how many days between first call and first paying for a boiler service",
])
def test_from_a_first_contact_to_first_paying_is_the_time_to_first_purchase(rules, question):
    assert_plans(rules, question, "kpis", metrics=["time_to_first_purchase"])


@pytest.mark.parametrize("question", [
    "the channel that first found the customer and the one that sealed the deal",
    "which channel first brought the couples in and which clinched the booking",
    "for kitchen fits, the channel which first reached the client and the one that sealed it",
])
def test_the_channel_that_found_them_and_the_one_that_sealed_it_are_the_paths_ends(rules, question):
    assert _plan(rules, question).spec.name == "paths"


@pytest.mark.parametrize(("question", "tool"), [
    ("how many regulars popped into the shop before ordering online", "paths"),
    ("what do browsers do last before leaving the site", "dropoffs"),
])
def test_a_shop_visit_before_buying_and_the_last_thing_done_keep_their_readings(rules, question, tool):
    assert _plan(rules, question).spec.name == tool


@pytest.mark.parametrize(("question", "tool"), [
    ("how much did the newsletter crowd spend in october", "kpis"),
    ("how much money have the regulars at the deli spent this year", "kpis"),
    ("did the walk-in customers spend less this month than last", "compare"),
])
def test_how_much_people_spent_is_revenue(rules, question, tool):
    assert_plans(rules, question, tool, metrics=["revenue"])


def test_spend_per_order_stays_the_average_order_value(rules):
    assert _plan(rules, "how much do customers spend per visit").args["metrics"] == ["aov"]


@pytest.mark.parametrize(("question", "metric"), [
    ("how many trolleys have been abandoned this month", "cart_abandonment"),
    ("how long do the flower boxes usually take", "delivery_time"),
    ("are we replying to clients quicker this month than last", "first_response_time"),
    ("number of survey answers for the gym last quarter", "survey_responses"),
])
def test_a_kpi_said_with_a_verb_is_that_kpi(rules, question, metric):
    plan = _plan(rules, question)
    assert (plan.args.get("metrics") or [plan.args.get("metric")]) == [metric], (plan.spec.name, plan.args)


@pytest.mark.parametrize("question", [
    "how did the wedding couples find their way to a booking",
    "what ways do gym members come to their first purchase",
    "how do the dog walkers in Clifton usually get to an order",
])
def test_how_people_get_to_a_purchase_is_their_paths(rules, question):
    assert _plan(rules, question).spec.name == "paths"


def test_how_many_get_to_a_purchase_is_still_the_funnel(rules):
    assert _plan(rules, "how many people get to a purchase").spec.name == "funnel"


@pytest.mark.parametrize("question", [
    "how many rows in each table",
    "give me the row count for the orders table",
    "rows per table?",
])
def test_row_counts_are_what_the_data_holds(rules, question):
    assert _plan(rules, question).spec.name == "describe_data"


def test_a_compass_word_before_a_comparative_is_no_place_name(rules):
    unknown = [w for kind, w in rules.read("are clients in the south west happier than in the north?").unknown
               if kind == "place"]
    assert "south west happier" not in unknown and "south west" in unknown
