"""Replaying rules over past days and scoring them against known incidents."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from tools.alerts.backtest import Incident, backtest, load_incidents
from tools.alerts.lifecycle import AlertPolicy
from tools.alerts.rules import AlertRule, MetricInfo
from tools.alerts.series import FrameSeriesProvider
from tools.core.errors import ToolInputError

CONV = MetricInfo("conversion_rate", "Conversion", "%", "mean", "up")
START = dt.date(2026, 1, 5)
DROPS = {dt.date(2026, 4, 7): 20.0, dt.date(2026, 4, 8): 20.0,  # an incident
         dt.date(2026, 5, 12): 22.0}  # nothing documented: a false alert


def _provider() -> FrameSeriesProvider:
    days = pd.date_range(START, periods=150, freq="D")
    values = 40.0 + np.where((np.arange(150) // 7) % 2 == 0, 1.0, -1.0)
    frame = pd.DataFrame({"date": days.date, "value": values, "n": 50})
    for day, value in DROPS.items():
        frame.loc[frame["date"] == day, "value"] = value
    return FrameSeriesProvider([CONV], {"conversion_rate": frame})


RULE = AlertRule(id="conv", kind="anomaly", metric="conversion_rate")
INCIDENTS = [
    Incident("checkout", "checkout broken", dt.date(2026, 4, 7), dt.date(2026, 4, 9), ("conversion_rate",)),
    Incident("late", "late deliveries", dt.date(2026, 5, 1), dt.date(2026, 5, 3), ("delivery_time",)),
]


def test_replay_scores_alerts_against_incidents():
    result = backtest(_provider(), [RULE], dt.date(2026, 3, 1), dt.date(2026, 6, 1), INCIDENTS,
                      policy=AlertPolicy(cooldown_hours=0))
    assert [(a.day, a.incident) for a in result.alerts] == [(dt.date(2026, 4, 7), "checkout"),
                                                            (dt.date(2026, 5, 12), None)]
    assert result.caught == {"checkout": dt.date(2026, 4, 7), "late": None}
    assert (result.precision, result.recall) == (0.5, 0.5)
    assert result.false_alerts_per_metric() == {"conversion_rate": 1}
    assert result.worst_false_rate() == pytest.approx(30 / 93)
    assert result.resolved == 2  # each alert resolved the day after it cleared
    text = result.to_text()
    assert "2 alerts, 1 of them during real incidents; 1 of 2 incidents caught within" in text
    assert "precision" not in text and "precision 0.50, recall 0.50" in result.to_text(details=True)
    assert "incident checkout broken (2026-04-07 to 2026-04-09): caught on 2026-04-07 (+0 d)" in text
    assert "incident late deliveries (2026-05-01 to 2026-05-03): MISSED" in text


def test_an_alert_two_days_late_does_not_count_as_caught():
    late = [Incident("x", "x", dt.date(2026, 4, 5), dt.date(2026, 4, 9))]
    result = backtest(_provider(), [RULE], dt.date(2026, 3, 1), dt.date(2026, 6, 1), late)
    assert result.caught == {"x": None}  # the drop on the 7th is 2 days after the start
    assert result.alerts[0].incident == "x"  # but it is still a true alert, inside the incident


def test_incidents_file(tmp_path):
    path = tmp_path / "incidents.json"
    path.write_text(json.dumps([{"id": "checkout_breakage", "kind": "checkout_failure", "start": "2026-08-31",
                                 "end": "2026-09-06", "description": "Payment step broken: ..."}]))
    [inc] = load_incidents(path)
    assert (inc.id, inc.start, inc.kind, inc.name) == ("checkout_breakage", dt.date(2026, 8, 31),
                                                       "checkout_failure", "checkout_breakage")
    assert "session_conversion" in inc.metrics
    path.write_text("{not json")
    with pytest.raises(ToolInputError, match="not an incidents file"):
        load_incidents(path)


@pytest.fixture(scope="module")
def sample_store():
    pytest.importorskip("tools.analytics.trends", reason="the KPI series (tools/analytics/trends.py) are not on this branch")
    from sample_cache import sample_store as cached

    store, folder = cached()
    return store, folder / "incidents.json"


def test_sample_incidents_alert_within_a_day_and_false_alerts_stay_rare(sample_store):
    """The starter rules on the default sample (seed 7, 180 days): every documented incident
    alerts within one day of its start (the TikTok surge through the per-channel rule, on
    TikTok itself); no metric raises more than one false alert per 30 days."""
    from tools.alerts.backtest import backtest, load_incidents
    from tools.alerts.rules import STARTER_RULES
    from tools.alerts.series import KpiSeriesProvider

    store, incidents_path = sample_store
    incidents = load_incidents(incidents_path)
    first, last = store.date_range()
    result = backtest(KpiSeriesProvider(store), list(STARTER_RULES), first, last, incidents)
    print()
    print(result.to_text())
    print(f"precision {result.precision:.2f}, recall {result.recall:.2f} ({len(incidents)} incidents)")
    assert {i.id for i in incidents} == {"checkout_breakage", "shipping_delay", "tiktok_growth"}
    for inc in incidents:
        day = result.caught[inc.id]
        assert day is not None and (day - inc.start).days <= 1, inc.id
    surge = [a for a in result.alerts if a.incident == "tiktok_growth" and a.metric == "new_visitors"]
    assert surge and {a.channel for a in surge} == {"tiktok"}
    assert "New visitors from tiktok" in surge[0].headline
    assert result.recall == 1.0 and result.precision >= 0.75
    assert max(result.false_alerts_per_metric().values()) * 30 / result.days <= 1.0


def test_one_pass_replay_matches_the_day_by_day_state_machine():
    """The replay skips quiet days; stepping every day of a long window (years before the data,
    as `--since 2000-01-01` asks) must give the very same events, with snoozes and cooldowns."""
    from tools.alerts.backtest import replay
    from tools.alerts.detect import detect
    from tools.alerts.evaluate import finding_from, rules_with_series
    from tools.alerts.lifecycle import RuleState, step
    from tools.alerts.series import metric_info

    provider, first, last = _provider(), dt.date(2024, 1, 1), dt.date(2026, 6, 1)
    for policy in (AlertPolicy(cooldown_hours=0), AlertPolicy(), AlertPolicy(clear_days=3)):
        fast = replay(provider, RULE, first, last, policy)
        info = metric_info(provider, RULE.metric)
        slow = []
        for concrete, series in rules_with_series(provider, RULE, first, last):
            checked = detect(concrete, info, series)
            state = RuleState()
            for day in pd.date_range(first, last, freq="D").date:
                if pd.Timestamp(day) not in checked.index:
                    continue
                now = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(7, 0), tzinfo=dt.UTC)
                state, new = step(concrete, finding_from(concrete, info, checked, day), state, now, policy)
                slow.extend(new)
        assert [(e.kind, e.day, e.alert_id) for e in fast] == [(e.kind, e.day, e.alert_id) for e in slow]
        assert any(e.kind == "fire" for e in fast) and any(e.kind == "resolve" for e in fast)
