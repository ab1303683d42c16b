"""Alert rules in conversation: create, list, change, delete, with clear refusals."""

from __future__ import annotations

import pytest

from tools.alerts.manage import (
    ChangeAlertRuleParams,
    CreateAlertRuleParams,
    DeleteAlertRuleParams,
    ListAlertRulesParams,
    change_alert_rule,
    create_alert_rule,
    delete_alert_rule,
    list_alert_rules,
    open_alerts,
)
from tools.alerts.rules import AlertRule, MetricInfo
from tools.alerts.store import AlertStore
from tools.core.errors import ToolInputError

METRICS = [
    MetricInfo("conversion_rate", "Conversion", "%", kind="rate", stage_aware=True),
    MetricInfo("csat", "CSAT", "%", kind="rate"),
    MetricInfo("orders", "Orders", "", "sum", kind="count"),
]
CONFIG = [AlertRule(id="orders-low", metric="orders", comparison="below", value=5)]


@pytest.fixture
def book(tmp_path):
    return AlertStore(tmp_path / "state.sqlite")


def test_tell_me_if_checkout_conversion_drops_10_percent_week_on_week(book):
    params = CreateAlertRuleParams(metric="conversion_rate", stage="decision", condition="drops_by",
                                   value=10, window_days=7, request="tell me if checkout conversion drops")
    result = create_alert_rule(book, CONFIG, METRICS, params, created_by="U1")
    assert result.rule.id == "conversion-rate-decision-drops-by-7d"
    assert result.text == ("Created alert rule conversion-rate-decision-drops-by-7d: Conversion (at decision) "
                           "drops by 10% week on week — medium.")
    again = create_alert_rule(book, CONFIG, METRICS, params)  # a second one gets its own id
    assert again.rule.id == "conversion-rate-decision-drops-by-7d-2"
    listed = list_alert_rules(book, CONFIG, METRICS).to_text()
    assert listed.splitlines() == [
        "3 alert rules:",
        "- orders-low: Orders is below 5 on a day — medium (config file)",
        "- conversion-rate-decision-drops-by-7d: Conversion (at decision) drops by 10% week on week — medium (made in chat)",
        "- conversion-rate-decision-drops-by-7d-2: Conversion (at decision) drops by 10% week on week — medium (made in chat)",
    ]


def test_change_and_delete_only_rules_made_here(book):
    create_alert_rule(book, CONFIG, METRICS, CreateAlertRuleParams(metric="csat", condition="below", value=80,
                                                                   name="csat-low"))
    changed = change_alert_rule(book, CONFIG, METRICS, ChangeAlertRuleParams(rule_id="csat-low", value=75,
                                                                             severity="high", enabled=False))
    assert (changed.rule.value, changed.rule.severity, changed.rule.enabled) == (75, "high", False)
    assert "csat-low" not in list_alert_rules(book, CONFIG, METRICS, ListAlertRulesParams(include_disabled=False)).to_text()
    unusual = change_alert_rule(book, CONFIG, METRICS, ChangeAlertRuleParams(rule_id="csat-low", condition="unusual"))
    assert (unusual.rule.kind, unusual.rule.value) == ("anomaly", None)
    with pytest.raises(ToolInputError, match="comes from the config file"):
        change_alert_rule(book, CONFIG, METRICS, ChangeAlertRuleParams(rule_id="orders-low", value=3))
    assert delete_alert_rule(book, CONFIG, METRICS, DeleteAlertRuleParams(rule_id="csat-low")).action == "deleted"
    with pytest.raises(ToolInputError, match="No alert rule 'csat-low'; rules are: orders-low"):
        delete_alert_rule(book, CONFIG, METRICS, DeleteAlertRuleParams(rule_id="csat-low"))


def test_bad_requests_are_refused_and_change_nothing(book):
    cases = [
        (CreateAlertRuleParams(metric="sales", condition="below", value=1), "Unknown metric 'sales'"),
        (CreateAlertRuleParams(metric="csat", condition="below"), "needs a value"),
        (CreateAlertRuleParams(metric="csat", condition="unusual", value=3), "takes no value"),
        (CreateAlertRuleParams(metric="csat", condition="below", value=80, stage="decision"),
         "A stage applies to conversion metrics only \\(conversion_rate\\), not to csat"),
        (CreateAlertRuleParams(metric="orders", condition="below", value=3, name="orders-low"), "in the config file"),
    ]
    for params, message in cases:
        with pytest.raises(ToolInputError, match=message):
            create_alert_rule(book, CONFIG, METRICS, params)
    assert book.stored_rules() == []
    # nothing was ever judged: never "within bounds at its last check"
    assert open_alerts(book).to_text() == ("No open alerts, and no rule has been checked yet: the rules are judged "
                                           "each morning while journeybot runs, on the last complete day of data.")


NEW_VISITORS = MetricInfo("new_visitors", "New visitors", "", "sum", kind="count")


def test_any_channel_suddenly_bringing_lots_of_new_visitors_watches_each_channel(book):
    params = CreateAlertRuleParams(metric="new_visitors", condition="unusual", direction="up", per="channel",
                                   request="tell me when any channel suddenly brings lots of new visitors")
    result = create_alert_rule(book, CONFIG, [*METRICS, NEW_VISITORS], params)
    rule = result.rule
    assert (rule.id, rule.kind, rule.direction, rule.per, rule.channel) == (
        "new-visitors-each-channel-unusual-up", "anomaly", "up", "channel", None)
    assert result.text.startswith("Created alert rule new-visitors-each-channel-unusual-up: New visitors "
                                  "(each channel) rises unusually for the weekday")
    # The engine gets one rule per channel, named after it.
    assert rule.for_group("tiktok").id == "new-visitors-each-channel-unusual-up/tiktok"
    listed = list_alert_rules(book, CONFIG, [*METRICS, NEW_VISITORS]).to_text()
    assert ("- new-visitors-each-channel-unusual-up: New visitors (each channel) rises unusually for the "
            "weekday") in listed


def test_direction_can_be_changed_on_an_unusual_rule_only(book):
    metrics = [*METRICS, NEW_VISITORS]
    create_alert_rule(book, CONFIG, metrics, CreateAlertRuleParams(
        metric="new_visitors", condition="unusual", per="segment", name="newcomers"))
    assert book.stored_rules()[0].rule.direction == "bad"  # the default: the way that hurts
    changed = change_alert_rule(book, CONFIG, metrics, ChangeAlertRuleParams(rule_id="newcomers", direction="both"))
    assert (changed.rule.direction, changed.rule.per) == ("both", "segment")
    assert "New visitors (each segment) moves unusually" in changed.text
    # A new sensitivity keeps the direction it was given.
    kept = change_alert_rule(book, CONFIG, metrics, ChangeAlertRuleParams(rule_id="newcomers", sensitivity=6))
    assert kept.rule.direction == "both"
    with pytest.raises(ToolInputError, match="direction \\(up\\) applies to 'unusual' rules only"):
        change_alert_rule(book, CONFIG, metrics, ChangeAlertRuleParams(rule_id="newcomers", condition="below",
                                                                       value=3, direction="up"))


def test_per_group_requests_that_contradict_themselves_are_refused(book):
    metrics = [*METRICS, NEW_VISITORS]
    cases = [
        (CreateAlertRuleParams(metric="new_visitors", condition="unusual", per="channel", channel="tiktok"),
         "a rule watches either each channel \\(per = 'channel'\\) or one channel \\(channel = 'tiktok'\\), "
         "not both"),
        (CreateAlertRuleParams(metric="orders", condition="rises_by", value=20, direction="up"),
         "direction \\(up\\) applies to 'unusual' rules only; condition rises_by already says which way"),
    ]
    for params, message in cases:
        with pytest.raises(ToolInputError, match=message):
            create_alert_rule(book, CONFIG, metrics, params)
    assert book.stored_rules() == []
