"""Alert rules in conversation: create, list, change, delete, with clear refusals."""

from __future__ import annotations

import pytest

from tools.alert_manage import (
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
from tools.alert_rules import AlertRule, MetricInfo
from tools.alert_store import AlertStore
from tools.errors import ToolInputError

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
        "3 alert rule(s):",
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
    assert open_alerts(book).to_text() == "No open alerts: every rule was within bounds at its last check."
