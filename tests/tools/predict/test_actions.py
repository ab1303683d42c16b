"""Next best actions: ordered rules, one action per customer, each with its reason."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tools.analytics.filters import Filters
from tools.core.errors import ToolInputError
from tools.predict.actions import (
    ACTION_NAMES,
    NextActionsParams,
    assign_actions,
    describe_rules,
    next_best_actions,
)
from tools.predict.settings import PredictSettings

S = PredictSettings()


def people(**rows: dict) -> pd.DataFrame:
    base = {"has_purchase": True, "churn_risk": 0.1, "risk_change": 0.0, "rising": False, "lapsing": False,
            "purchase_propensity": 0.2, "spend_365d": 100.0, "high_value": False,
            "recent_complaint": False, "decision_30d": 0, "reasons": ""}
    return pd.DataFrame([{**base, **r} for r in rows.values()], index=list(rows))


def test_each_customer_gets_the_first_rule_that_matches():
    f = people(
        vip_angry={"high_value": True, "churn_risk": 0.8, "recent_complaint": True, "reasons": "a ticket still open"},
        vip_rising={"high_value": True, "churn_risk": 0.4, "risk_change": 0.2, "rising": True, "recent_complaint": True},
        vip_leaving={"high_value": True, "churn_risk": 0.7},
        unhappy={"churn_risk": 0.4, "recent_complaint": True},
        leaving={"churn_risk": 0.9},
        drifting={"churn_risk": 0.4, "risk_change": 0.2, "rising": True},
        slowing={"churn_risk": 0.05, "lapsing": True},
        browsing={"has_purchase": False, "churn_risk": np.nan, "decision_30d": 2, "spend_365d": 0.0},
        loyal={"high_value": True, "churn_risk": 0.05, "purchase_propensity": 0.9},
        regular={"purchase_propensity": 0.8},
        quiet={},
    )
    acts = assign_actions(f, S, value_threshold=500.0)
    assert acts["action"].to_dict() == {
        "vip_angry": "personal_follow_up", "vip_rising": "personal_follow_up", "vip_leaving": "win_back_valuable",
        "unhappy": "service_recovery", "leaving": "win_back", "drifting": "check_in", "slowing": "check_in",
        "browsing": "convert_prospect", "loyal": "reward_loyal", "regular": "no_discount_needed",
        "quiet": "keep_in_touch"}
    why = acts.loc["vip_angry", "why"]
    assert why.startswith("because high value (last-12-month spend £500+) AND (churn risk 60%+, or up 15 points")
    assert "[churn risk 80%; spent £100 in 12 months; 20% likely to buy soon]; a ticket still open" in why
    assert "(up 20 points)" in acts.loc["drifting", "why"]


def test_rules_read_with_the_thresholds_filled_in():
    rules = describe_rules(PredictSettings(high_risk=0.7), 321.0)
    assert [r[0] for r in rules] == list(ACTION_NAMES)
    assert rules[1][1] == "high value (last-12-month spend £321+) AND churn risk 70%+"
    assert rules[-1][1] == "everyone else"


def test_summary_counts_every_buyer_once(scored):
    store, _, scores = scored
    result = next_best_actions(store, NextActionsParams(), scores=scores)
    buyers = int(scores.frame["has_purchase"].sum())
    assert result.population == buyers and result.summary["customers"].sum() == buyers
    assert list(result.summary["action"]) == [a for a in ACTION_NAMES if a in set(result.summary["action"])]
    assert "keep_in_touch" not in set(result.customers["action"])  # the list is what needs doing
    assert result.recommendation.startswith(f"For your customers ({buyers:,} customers): most")
    assert "Most urgent:" in result.recommendation


def test_one_customer_a_group_and_a_breakdown(scored):
    store, _, scores = scored
    cid = scores.frame[scores.frame["churn_risk"] >= 0.6].index[0]
    one = next_best_actions(store, NextActionsParams(customer_id=cid), scores=scores)
    assert len(one.customers) == 1 and one.recommendation.startswith(f"For customer {cid}:")
    loyal = next_best_actions(store, NextActionsParams(level="customers", action="reward_loyal",
                                                       filters=Filters(segment=["loyalty"])), scores=scores)
    assert set(loyal.customers["action"]) == {"reward_loyal"}
    by_city = next_best_actions(store, NextActionsParams(by="city"), scores=scores)
    assert set(by_city.by_group["group"]) == {"Bath", "Bristol"}
    assert by_city.by_group.drop(columns="group").to_numpy().sum() == by_city.population
    with pytest.raises(ToolInputError, match="No customer 'nobody'"):
        next_best_actions(store, NextActionsParams(customer_id="nobody"), scores=scores)
