"""Alert rules in conversation through the agent's tools, offline: the planner reads the rule
out of the request and the same tool functions run as with a model."""

from __future__ import annotations

import pytest

from bot.agent.alert_slots import best_rule_id, parse_rule_request
from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config
from tools.alerts.rules import MetricInfo
from tools.alerts.series import FrameSeriesProvider

METRICS = [
    MetricInfo("purchase_conversion", "Conversion", "%", kind="rate", stage_aware=True),
    MetricInfo("csat", "CSAT", "%", kind="rate"),
    MetricInfo("orders", "Orders", "", "sum", kind="count"),
]


@pytest.mark.parametrize("text, expected", [
    ("tell me if checkout conversion drops 10% week on week",
     {"condition": "drops_by", "value": 10.0, "window_days": 7}),
    ("alert me when CSAT falls below 80%", {"condition": "below", "value": 80.0}),
    ("let me know if revenue goes above £2,000 in a day", {"condition": "above", "value": 2000.0, "window_days": 1}),
    ("warn me about unusual order days, it's urgent", {"condition": "unusual", "severity": "high"}),
    ("notify me if NPS rises by 5 percent month on month", {"condition": "rises_by", "value": 5.0, "window_days": 28}),
    ("switch off the orders alert", {"enabled": False}),
    ("make the checkout conversion alert 15%", {"value": 15.0}),
    ("change the revenue alert to 500", {"value": 500.0}),
    # Sudden moves with no number: unusual, one way; "any channel" and the like: each on its own.
    ("tell me when any channel suddenly brings lots of new visitors",
     {"condition": "unusual", "direction": "up", "per": "channel"}),
    ("alert me if a channel's new visitors spike", {"condition": "unusual", "direction": "up", "per": "channel"}),
    ("let me know which segment takes off", {"condition": "unusual", "direction": "up", "per": "segment"}),
    ("tell me if newcomers from every channel dry up", {"condition": "unusual", "direction": "down", "per": "channel"}),
    ("warn me when orders per segment are unusually low",
     {"condition": "unusual", "direction": "down", "per": "segment"}),
    ("tell me if revenue jumps by 20%", {"condition": "rises_by", "value": 20.0}),
    ("message me whenever deliveries are unusually low, low priority",
     {"condition": "unusual", "direction": "down", "severity": "low"}),
])
def test_rule_requests(text, expected):
    assert parse_rule_request(text) == expected


def test_best_rule_id():
    ids = ["purchase-conversion-decision-drops-by-7d", "csat-low", "orders-unusual"]
    assert best_rule_id("delete the checkout conversion alert", ids) == "purchase-conversion-decision-drops-by-7d"
    assert best_rule_id("switch off csat-low please", ids) == "csat-low"
    assert best_rule_id("remove the alert", ids) is None


@pytest.fixture
def planner(store, home, monkeypatch):
    return _planner(store, home, monkeypatch, METRICS)


def _planner(store, home, monkeypatch, metrics):
    monkeypatch.setattr("bot.alert_wiring.provider_for", lambda config, store: FrameSeriesProvider(metrics, {}))
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("[alerts]\nstarter_rules = false\n", encoding="utf-8")
    config = load_config(home / "config.toml", env={"JOURNEYBOT_HOME": str(home)})
    return OfflinePlanner(ToolContext(store=store, config=config), all_tools())


def confirmed(planner, question: str, key: str):
    """Ask for a change, check that nothing happened before the yes, then confirm it."""
    asked = planner.answer(question, key)
    assert asked.pending is not None and not asked.tool_calls, asked.text
    assert "nothing has been done yet" in asked.text and asked.text.startswith("I read this as: ")
    return planner.confirm(asked.pending, key)


def test_create_list_change_delete_in_conversation(planner):
    answer = confirmed(planner, "tell me if checkout conversion drops 10% week on week", "t1")
    [call] = answer.tool_calls
    assert call.name == "create_alert_rule" and call.ok, call.error
    assert answer.text.startswith("Created alert rule purchase-conversion-decision-drops-by-7d: Conversion "
                                  "(at decision) drops by 10% week on week — medium.")
    assert planner.answer("which alert rules do we have?", "t2").tool_calls[0].name == "list_alert_rules"
    changed = confirmed(planner, "make the checkout conversion alert 15%, high severity", "t3")
    assert changed.tool_calls[0].name == "change_alert_rule", changed.text
    assert changed.text == ("Changed alert rule purchase-conversion-decision-drops-by-7d: Conversion (at decision) "
                            "drops by 15% week on week — high.")
    deleted = confirmed(planner, "delete the checkout conversion alert", "t4")
    assert deleted.tool_calls[0].name == "delete_alert_rule" and deleted.tool_calls[0].ok
    assert "No alert rules yet" in planner.answer("list the alert rules", "t5").text


def test_a_request_without_a_metric_gets_the_valid_ones_and_nothing_to_confirm(planner):
    answer = planner.answer("alert me if it drops 10% week on week", "t6")
    assert answer.pending is None and not answer.tool_calls
    assert "could not tell which figure the alert should watch, so I made none" in answer.text
    assert "Alerts can watch: " in answer.text and "csat, " in answer.text and "orders, " in answer.text
    assert "none_given" not in answer.text  # the planner's placeholder never reaches the owner
    assert "none_given" not in (answer.understood or "")


def test_delete_means_the_rule_made_in_conversation_when_the_config_has_a_similar_one(store, home, monkeypatch):
    monkeypatch.setattr("bot.alert_wiring.provider_for", lambda config, store: FrameSeriesProvider(METRICS, {}))
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(
        '[alerts]\nstarter_rules = false\n\n[[alerts.rules]]\nid = "csat-weekly"\nmetric = "csat"\n'
        'kind = "anomaly"\nwindow_days = 7\n', encoding="utf-8")
    config = load_config(home / "config.toml", env={"JOURNEYBOT_HOME": str(home)})
    planner = OfflinePlanner(ToolContext(store=store, config=config), all_tools())
    assert confirmed(planner, "alert me when CSAT falls below 80%", "a").tool_calls[0].ok
    deleted = confirmed(planner, "delete the csat alert", "b")
    assert deleted.text.startswith("Deleted alert rule csat-below"), deleted.text
    refused = planner.answer("delete the csat alert", "c")
    assert refused.pending is None and "comes from the config file; change it there" in refused.text


def test_more_support_tickets_is_the_bad_direction():
    from tools.alerts.series import KpiSeriesProvider

    infos = {m.name: m for m in KpiSeriesProvider(None).metrics()}  # type: ignore[arg-type]
    assert infos["tickets"].good_direction == "down" and infos["deliveries"].good_direction == "up"


@pytest.mark.parametrize("request_text", [
    "tell me when any channel suddenly brings lots of new visitors",
    "alert me if a channel's new visitors spike",
    "let me know when traffic from any channel jumps",
    "warn me if new customers from a channel surge",
])
def test_a_channel_surge_request_watches_each_channels_new_visitors(store, home, monkeypatch, request_text):
    metrics = [*METRICS, MetricInfo("new_visitors", "New visitors", "", "sum", kind="count")]
    planner = _planner(store, home, monkeypatch, metrics)
    answer = confirmed(planner, request_text, "surge")
    [call] = answer.tool_calls
    assert call.name == "create_alert_rule" and call.ok, (call.error, answer.text)
    assert {k: call.args.get(k) for k in ("metric", "condition", "direction", "per", "channel", "value")} == {
        "metric": "new_visitors", "condition": "unusual", "direction": "up", "per": "channel",
        "channel": None, "value": None}
    assert answer.text.startswith("Created alert rule new-visitors-each-channel-unusual-up: New visitors "
                                  "(each channel) rises unusually for the weekday")
    listed = planner.answer("list the alert rules", "surge-list").text
    assert "new-visitors-each-channel-unusual-up: New visitors (each channel) rises unusually" in listed


def test_a_channel_named_with_any_channel_still_watches_each_one(store, home, monkeypatch):
    metrics = [*METRICS, MetricInfo("new_visitors", "New visitors", "", "sum", kind="count")]
    planner = _planner(store, home, monkeypatch, metrics)
    answer = confirmed(planner, "tell me when any channel, say tiktok, suddenly brings lots of new visitors", "t")
    [call] = answer.tool_calls
    assert call.ok, answer.text
    assert (call.args.get("per"), call.args.get("channel")) == ("channel", None)


def test_a_model_asking_to_delete_a_rule_gets_it_held_for_the_owners_yes(store, home, monkeypatch):
    from fakes.chat import call, say, scripted

    from bot.agent.agent import JourneyAgent

    planner = _planner(store, home, monkeypatch, METRICS)
    confirmed(planner, "alert me when CSAT falls below 80%", "setup")
    [rule] = [s.rule.id for s in planner.ctx.services["alert_store"].stored_rules()]
    model = scripted(call("delete_alert_rule", {"rule_id": rule}), say("I will delete it once you confirm."),
                     call("create_alert_rule", {"metric": "bananas", "condition": "below", "value": 3}, "call_2"),
                     say("That metric does not exist."))
    agent = JourneyAgent(planner.ctx, chat_model=model, model_label="scripted")
    asked = agent.answer("get rid of the csat alert", "m1")
    assert asked.pending is not None and asked.pending.tool == "delete_alert_rule" and not asked.tool_calls
    assert "Not done yet" in model.seen[-1][-1].content  # what the model read back
    assert [s.rule.id for s in planner.ctx.services["alert_store"].stored_rules()] == [rule]
    done = agent.confirm(asked.pending, "m1")
    assert done.tool_calls[0].ok and done.text.startswith(f"Deleted alert rule {rule}")
    assert planner.ctx.services["alert_store"].stored_rules() == []
    # A change that could not go through is no question to confirm: the model gets the error.
    refused = agent.answer("alert me when bananas go below 3", "m2")
    assert refused.pending is None and "Unknown metric 'bananas' for alerts" in model.seen[-1][-1].content
