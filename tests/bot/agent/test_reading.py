"""How the planner says what it understood: every answer starts with its reading; an uncertain
reading says why and offers the closest other readings (each one a question the planner reads
back the same way); a change is never made from a question that only resembles one."""

from __future__ import annotations

import re

import pytest
from sample_cache import bank_store

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())


def test_a_clear_question_is_answered_under_its_reading(planner):
    answer = planner.answer("what was revenue in october?", "clear")
    assert answer.text.startswith("Revenue, 2026-10-01 to 2026-10-31:\n")
    assert answer.understood == "Revenue, 2026-10-01 to 2026-10-31"
    assert answer.alternatives == [] and answer.tool_calls[0].args["metrics"] == ["revenue"]


def test_a_kpi_word_it_does_not_know_is_said_and_the_closest_kpis_offered():
    # The rules alone: with the model, "purchase ratio" is read by meaning (tests/bot/agent/test_arg_match.py).
    planner = OfflinePlanner(ToolContext(store=bank_store(), config=load_config(
        env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})), all_tools())
    answer = planner.answer("which channel changed the purchase ratio most?", "ratio")
    first = answer.text.splitlines()[0]
    assert first.startswith("I read this as: Which channel moved Revenue most")
    assert "I don't know “purchase ratio” as a KPI" in first and "no KPI was named" in first
    offered = [(a.tool, a.args.get("metric")) for a in answer.alternatives]
    assert ("movers", "purchase_conversion") in offered
    for alt in answer.alternatives:  # each suggestion, asked, gives that very reading
        again = planner.plan(alt.question, f"again-{alt.args.get('metric')}")
        assert again.spec.name == alt.tool and again.args["metric"] == alt.args["metric"]
        assert again.args["by"] == alt.args["by"]


def test_a_period_it_cannot_read_is_said_and_other_periods_offered(planner):
    answer = planner.answer("where do people drop off over the sale?", "sale")
    assert "I can't read “over the sale” as dates, so I used the default period" in answer.text.splitlines()[0]
    assert answer.tool_calls[0].name == "dropoffs"
    periods = [a.args["period"]["name"] for a in answer.alternatives]
    assert periods == ["last_90_days", "this_year", "all"]
    assert all(planner.plan(a.question, "p").args.get("period") == a.args["period"] for a in answer.alternatives)


def test_a_group_it_does_not_know_is_not_silently_dropped(planner):
    answer = planner.answer("funnel for wholesale customers", "who")
    assert "I don't know “wholesale” as a channel, segment, place or persona, so everyone is counted" in answer.text
    [call] = answer.tool_calls
    assert call.name == "funnel" and call.ok and not any(call.args["filters"].values())


def test_a_place_the_data_lacks_is_named_back_not_ignored(planner):
    answer = planner.answer("headline numbers for customers in Bath", "bath")
    [call] = answer.tool_calls
    assert call.args["filters"]["city"] == ["Bath"] and not call.ok
    assert "Unknown city 'Bath'; known values: Southville" in answer.text


def test_out_of_scope_and_gibberish_get_no_tool(planner):
    for question in ("tell me a joke", "what's the capital of France?", "xyzzy", "write me a poem",
                     "book a table for two"):
        answer = planner.answer(question, "oos")
        assert not answer.tool_calls and answer.suggestions, question
        # flatly outside the data ("a joke") or unclear ("xyzzy"): said so, with what can be asked
        assert "not sure" in answer.text or "can't help" in answer.text, question
        assert "What I can do" in answer.text, question


# Phrases that resemble a change but do not ask for one: the planner never reaches a tool
# that creates, changes or deletes anything from them.
FUZZY = [
    "remove it", "get rid of that", "delete that one", "wipe it", "undo everything", "forget about the checkout thing",
    "should I delete the revenue alert?", "what would happen if I removed the csat alert?",
    "which alerts could I switch off?", "tell me if revenue dropped last week", "did the orders alert fire?",
    "is it worth saving these personas?", "alerts about orders", "the revenue alert", "stop", "remove",
    "delete", "which personas are stored?", "how do I delete an alert?",
    # near the forms added for issue 17 ("alert if ...", a rule's id, "save all of them")
    "is first response time above 4 hours?", "did csat-7d fire this week?", "what does csat-7d look at?",
    "an alert if revenue drops would be nice, what do you think?", "all of them", "which of them should I save?",
]


@pytest.mark.parametrize("question", FUZZY)
def test_a_fuzzy_phrase_never_reaches_a_state_changing_tool(planner, question):
    plan = planner.plan(question, f"fuzzy-{question}")
    assert plan.spec is None or not plan.spec.changes_state, (question, plan.spec.name)
    changing = {t.name for t in planner.tools if t.changes_state}
    assert not changing & {name for name, _ in planner.rank(question)}


def test_state_changing_tools_are_only_ranked_when_asked_for_in_so_many_words(planner):
    for question, tool in [("delete the revenue alert", "delete_alert_rule"),
                           ("please switch off the orders alert", "change_alert_rule"),
                           ("let me know if csat falls below 80%", "create_alert_rule"),
                           ("save it as Weekend Family", "save_persona")]:
        plan = planner.plan(question, f"asked-{tool}")
        assert plan.spec.name == tool and plan.spec.changes_state
        assert re.search(plan.spec.explicit, plan.slots.norm)


def test_a_change_asked_for_waits_for_a_yes(planner):
    answer = planner.answer("alert me when csat falls below 80%", "change")
    assert answer.pending is not None and not answer.tool_calls
    assert answer.pending.tool == "create_alert_rule"
    assert answer.pending.args["metric"] == "csat" and answer.pending.args["value"] == 80.0
    assert answer.text.startswith("I read this as: Create alert rule: metric csat, condition below, value 80.0")
    assert "nothing has been done yet" in answer.text


def test_new_explicit_forms_still_wait_for_a_yes_with_the_threshold_in_the_metrics_unit(planner):
    # "alert if ..." with no "me": an order all the same; the threshold's "hours" become the
    # metric's own unit (first response time is kept in hours, delivery time in days).
    answer = planner.answer("alert if delivery time goes above 36 hours", "unit")
    assert answer.pending is not None and not answer.tool_calls
    assert answer.pending.tool == "create_alert_rule"
    assert (answer.pending.args["metric"], answer.pending.args["value"]) == ("delivery_time", 1.5)
    assert "nothing has been done yet" in answer.text
    # a rule named by its id, with a new window: read as that change, never run unasked; this
    # one is a starter rule, which the check before asking refuses with how to change it
    answer = planner.answer("change csat-7d so it looks at a 14 day window", "window")
    assert answer.understood == "Change alert rule: rule id csat-7d, window days 14"
    assert not answer.tool_calls and answer.pending is None
    assert "Rule 'csat-7d' is a starter rule" in answer.text


def test_rank_gives_every_candidate_with_a_score_best_first(planner):
    ranked = planner.rank("which channel drove the revenue drop this month?")
    assert ranked[0][0] == "movers"
    scores = [s for _, s in ranked]
    assert scores == sorted(scores, reverse=True) and len(ranked) >= len(planner.tools) - 4
    # A follow-up's tool comes first, whatever the words alone resemble.
    planner.answer("show me the funnel this month", "rank-follow")
    assert planner.rank("and for instagram?", "rank-follow")[0][0] == "funnel"


def test_a_models_answer_carries_its_reading_from_the_tools_it_called(planner):
    from fakes.chat import call, say, scripted

    from bot.agent.agent import JourneyAgent
    from bot.render.text import answer_text

    model = scripted(call("kpis", {"metrics": ["revenue"], "period": {"name": "last_month"}}),
                     say("Revenue last month was healthy."))
    agent = JourneyAgent(planner.ctx, chat_model=model, model_label="scripted")
    answer = agent.answer("how much did we take last month?", "model-reading")
    assert answer.understood == "Revenue, last month"
    assert answer_text(answer).splitlines()[0] == "(read as: Revenue, last month)"


def test_a_typo_read_past_is_said(planner):
    answer = planner.answer("whats the reveune for last week", "typo")
    assert answer.text.startswith("Revenue, last week (reading “reveune” as revenue):\n")


@pytest.mark.parametrize(("question", "metric", "words"), [
    ("how many sessions in the last hour?", "sessions", "in the last hour"),
    ("orders in the past 3 hours", "orders", "in the past 3 hours"),
    ("how much revenue did we make in the last 30 minutes?", "revenue", "in the last 30 minutes"),
])
def test_a_period_in_hours_is_said_unsupported_and_answered_for_today(planner, question, metric, words):
    answer = planner.answer(question, f"hours-{metric}")
    first = answer.text.splitlines()[0]
    assert answer.tool_calls[0].args["metrics"] == [metric]
    assert answer.tool_calls[0].args["period"]["name"] == "today"
    assert f"reading “{words}” as today: days are the finest grain" in first and "not hours or minutes" in first


@pytest.mark.parametrize(("question", "ratio", "sides"), [
    ("what's our revenue per visitor?", "revenue per visitor", ["revenue", "active_customers"]),
    ("revenue per customer this month", "revenue per customer", ["revenue", "active_customers"]),
    ("orders per session last week", "orders per session", ["orders", "sessions"]),
])
def test_a_ratio_the_catalogue_lacks_is_said_unknown_not_answered_as_its_numerator(planner, question, ratio, sides):
    answer = planner.answer(question, f"ratio-{ratio}")
    first = answer.text.splitlines()[0]
    assert f"I don't know “{ratio}” as a KPI" in first
    args = answer.tool_calls[0].args
    assert args.get("metrics", [args.get("metric")]) != [sides[0]]  # not the numerator as if it were the ratio
    offered = [a.args.get("metrics") or [a.args.get("metric")] for a in answer.alternatives]
    assert [sides[0]] in offered and [sides[1]] in offered


def test_a_count_of_customers_with_more_orders_is_said_as_that_count():
    from bot.agent.understood import understood

    more = understood("kpis", {"metrics": ["repeat_customers"], "min_orders": 4, "period": {"name": "last_month"}})
    assert more.startswith("Customers with 4 or more orders, last month")
    assert understood("kpis", {"metrics": ["repeat_customers"]}).startswith("Repeat customers")


def test_a_period_after_the_data_ends_is_answered_with_where_the_data_ends(planner):
    answer = planner.answer("how many orders since 2026-12-01", "after-the-end")
    assert answer.understood == "Orders, on 2026-12-01"
    assert "the latest day with completed orders is 2026-11-1" in answer.text
    assert "is before start" not in answer.text and "Invalid" not in answer.text


def test_arguments_a_tool_refuses_are_read_back_in_words_not_as_code(planner):
    answer = planner.answer("how many orders since 2026-13-40", "bad-date")
    assert answer.understood.startswith("Kpis (period: 2026-13-40 to ")
    assert "{" not in answer.understood and "'" not in answer.understood


def test_the_call_an_owner_is_told_was_tried_reads_in_words_not_as_code():
    from bot.agent.catalog import tool_spec
    from bot.agent.tools import run_tool, signature

    spec = tool_spec("kpis")
    refused = run_tool(spec, None, {"period": {"start": "2026-13-40"}, "filters": {"channel": ["instagram", "tiktok"]}})
    assert not refused.ok
    assert refused.signature == "kpis(period=from 2026-13-40; filters=channel instagram, tiktok)"
    asked = spec.params.model_validate({"metrics": ["revenue", "nps"], "period": {"start": "2026-10-01", "end": "2026-10-31"},
                                        "filters": {"channel": ["instagram"], "segment": ["gold"]}})
    assert signature("kpis", asked) == "kpis(metrics=revenue, nps; period=1-31 October 2026; filters=channel instagram and segment gold)"
    across = spec.params.model_validate({"period": {"start": "2026-09-28", "end": "2026-10-03"}})
    assert signature("kpis", across) == "kpis(period=28 September to 3 October 2026)"


def test_a_reading_with_typed_dates_says_the_period_in_words_never_a_python_dict():
    """A product ranking over dates read from the question ("from 1 sep to 30 sep") heads its
    answer with the period an owner can read, not "period {'start': datetime.date(...)}"."""
    import datetime

    from bot.agent.understood import understood

    line = understood("product_sales", {"by": "product", "period": {"start": datetime.date(2026, 9, 1),
                                                                       "end": datetime.date(2026, 9, 30)}})
    assert "1-30 September 2026" in line
    assert "datetime" not in line and "{" not in line
