"""An alert rule per town or per region ("tell me if any town's orders drop by a fifth"): each
town of the customers' CRM data watched on its own, in the one grouped query the per-channel rules
use, checked against pandas on the bank sample's orders and customers; the alert names the town;
over customers with no towns the rule is refused and nothing is created."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sample_cache import bank_store

from tools.alerts.evaluate import evaluate_groups
from tools.alerts.manage import CreateAlertRuleParams, create_alert_rule
from tools.alerts.rules import AlertRule
from tools.alerts.series import KpiSeriesProvider
from tools.alerts.store import AlertStore
from tools.core.errors import ToolInputError
from tools.data.store import JourneyStore

ZONE = "Europe/London"


def completed_orders(store, place: str) -> pd.DataFrame:
    """One row per completed order: its local day and its customer's town (region)."""
    with store.connect() as con:
        orders = con.execute("SELECT customer_id, ts, coalesce(status, 'completed') AS status FROM orders").df()
        customers = con.execute(f"SELECT customer_id, {place} AS place FROM customers").df()
    orders = orders[orders.status == "completed"].merge(customers, on="customer_id", how="left")
    orders["day"] = orders.ts.dt.tz_convert(ZONE).dt.date
    return orders.dropna(subset=["place"])


def window_sum(orders: pd.DataFrame, place: str, last: dt.date, days: int = 7) -> int:
    first = last - dt.timedelta(days=days - 1)
    mine = orders[orders.place == place]
    return int(((mine.day >= first) & (mine.day <= last)).sum())


@pytest.mark.parametrize("place", ["city", "region"])
def test_each_towns_week_on_week_change_matches_pandas(place):
    store = bank_store()
    day = store.as_of()
    rule = AlertRule(id=f"orders-each-{place}", metric="orders", per=place, comparison="drops_by", value=20,
                     window_days=7, min_n=1)
    judged = evaluate_groups(KpiSeriesProvider(store), rule, day, explain=False)
    orders = completed_orders(store, place)
    assert {r.group[1] for r, _ in judged} <= set(orders.place) and len(judged) >= 2
    for group_rule, finding in judged:
        dimension, town = group_rule.group
        assert dimension == place and getattr(group_rule, place) == town and finding.scope == {place: town}
        now = window_sum(orders, town, day)
        before = window_sum(orders, town, day - dt.timedelta(days=7))
        assert finding.value == now, (town, finding.value, now)
        if finding.judged and before:
            assert finding.change_pct == pytest.approx((now - before) / before * 100)
            assert finding.breach == ((now - before) / before * 100 <= -20)


def test_the_alert_names_the_town_that_dropped():
    """The day with the sharpest drop of one town, found with pandas, fires for that town (a week
    with no order at all has nobody behind its value, below any minimum sample, and is not judged)."""
    store = bank_store()
    orders = completed_orders(store, "city")
    last = store.as_of()
    days = [last - dt.timedelta(days=k) for k in range(60)]
    drops = [(window_sum(orders, t, d) / b - 1, d, t) for d in days for t in orders.place.unique()
             if (b := window_sum(orders, t, d - dt.timedelta(days=7))) >= 5 and window_sum(orders, t, d)]
    change, day, town = min(drops)
    assert change <= -0.2
    rule = AlertRule(id="orders-each-town", metric="orders", per="city", comparison="drops_by", value=20,
                     window_days=7, min_n=1)
    fired = {r.city: f for r, f in evaluate_groups(KpiSeriesProvider(store), rule, day, explain=False) if f.breach}
    assert town in fired
    assert fired[town].headline().startswith(f"Orders in {town} ")


def test_a_rule_per_town_over_customers_without_towns_is_refused_and_nothing_is_made(tmp_path):
    journey = JourneyStore(None, timezone=ZONE)
    book = AlertStore(tmp_path / "state.sqlite")
    metrics = KpiSeriesProvider(journey).metrics()
    params = CreateAlertRuleParams(metric="orders", condition="drops_by", value=20, window_days=7, per="city")
    with pytest.raises(ToolInputError, match="no towns .*no rule was created"):
        create_alert_rule(book, [], metrics, params, journey=journey)
    assert book.stored_rules() == []
    made = create_alert_rule(book, [], metrics, params, journey=bank_store())
    assert made.rule.per == "city" and "each city" in made.text


def test_the_backtest_replays_each_town_and_its_alerts_name_it():
    """Every day a town's week fell by a fifth or more against the week before (pandas, at least
    one order behind it) is a day the replay judged a breach for that town: its first alert
    falls on one of those days, and the alert names the town."""
    from tools.alerts.backtest import backtest

    store = bank_store()
    last = store.as_of()
    first = last - dt.timedelta(days=59)
    rule = AlertRule(id="orders-each-town", metric="orders", per="city", comparison="drops_by", value=20,
                     window_days=7, min_n=1)
    result = backtest(KpiSeriesProvider(store), [rule], first, last, [])
    assert result.alerts and not result.errors
    orders = completed_orders(store, "city")
    for alert in result.alerts:
        town = alert.rule_id.split("/", 1)[1]
        now = window_sum(orders, town, alert.day)
        before = window_sum(orders, town, alert.day - dt.timedelta(days=7))
        assert now and before and (now - before) / before <= -0.2, (town, alert.day, now, before)
        assert alert.headline.startswith(f"Orders in {town} ")
