"""The alert engine: detection with a weekday-aware baseline, thresholds, explanations, and
the alert's life (fire once, escalate, cooldown, snooze, resolve)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from tools.alerts.check import check_rules
from tools.alerts.evaluate import evaluate
from tools.alerts.lifecycle import AlertPolicy, RuleState, step
from tools.alerts.rules import AlertRule, MetricInfo
from tools.alerts.series import Contributor, FrameSeriesProvider
from tools.core.errors import ToolInputError

CONV = MetricInfo("conversion_rate", "Checkout conversion", "%", "mean", "up")
WAIT = MetricInfo("first_response_time", "First response time", "h", "mean", "down")
ORDERS = MetricInfo("orders", "Orders", "", "sum", "up")
PATTERN = np.array([40, 41, 39, 40, 42, 60, 62], dtype=float)  # Mon..Sun: weekends are busier
MONDAY = dt.date(2026, 1, 5)
WEEKS = 17


def _series(overrides: dict[dt.date, float] | None = None, n: int = 50, pattern=PATTERN) -> pd.DataFrame:
    """Each weekday's usual value, +1 in even weeks and -1 in odd ones: the same-weekday median
    is exactly the pattern and every residual is 1, so the robust SD is 1.4826."""
    days = pd.date_range(MONDAY, periods=7 * WEEKS, freq="D")
    week = np.arange(len(days)) // 7
    values = pattern[np.arange(len(days)) % 7] + np.where(week % 2 == 0, 1.0, -1.0)
    frame = pd.DataFrame({"date": days.date, "value": values, "n": n})
    for day, value in (overrides or {}).items():
        frame.loc[frame["date"] == day, "value"] = value
    return frame


LAST_WEEK = MONDAY + dt.timedelta(weeks=WEEKS - 1)  # a Monday, week 16 (even: +1)


def _provider(frame: pd.DataFrame, info: MetricInfo = CONV, **contrib) -> FrameSeriesProvider:
    return FrameSeriesProvider([info, ORDERS, WAIT], {info.name: frame}, contrib or None)


def _anomaly(**kw) -> AlertRule:
    return AlertRule(id="conv-anomaly", kind="anomaly", metric="conversion_rate", **kw)


def test_a_drop_far_from_the_weekday_baseline_fires_and_explains_itself():
    tuesday = LAST_WEEK + dt.timedelta(days=1)
    contrib = [Contributor("channel", "instagram", 48.0, 20.0, 0.7, 120)]
    provider = _provider(_series({tuesday: 31.0}), conversion_rate=contrib)
    f = evaluate(provider, _anomaly(), tuesday)
    assert f.breach and f.judged
    assert f.expected == pytest.approx(41.0)  # Tuesday's median, not the week's
    assert f.z == pytest.approx((31.0 - 41.0) / 1.4826, rel=1e-4)
    assert f.change_pct == pytest.approx(-24.39, abs=0.01)
    assert f.since == tuesday
    text = f.to_text()
    assert "Checkout conversion dropped to 31.0% on Tue 28 Apr 2026" in text
    assert "expected 41.0% for a Tuesday, -24%" in text
    assert "Usual range for a Tuesday: 35.1% – 46.9%; this is below it" in text
    assert "robust SDs" not in text  # the statistics are behind details
    assert "(6.7 robust SDs below the median of recent weeks)" in "\n".join(f.explanation(details=True))
    assert "channel instagram: 48.0% → 20.0% (70% of the change)" in text


def test_a_busy_saturday_is_not_an_anomaly_but_a_quiet_one_is():
    saturday = LAST_WEEK + dt.timedelta(days=5)
    assert not evaluate(_provider(_series()), _anomaly(direction="both"), saturday).breach
    quiet = evaluate(_provider(_series({saturday: 44.0})), _anomaly(), saturday)
    assert quiet.breach and quiet.expected == pytest.approx(60.0)


def test_small_moves_and_the_good_direction_do_not_fire():
    tuesday = LAST_WEEK + dt.timedelta(days=1)
    # 4 robust SDs is 5.9 points: 5 below is within the noise
    assert not evaluate(_provider(_series({tuesday: 36.0})), _anomaly(), tuesday).breach
    # conversion going up is good news, not an alert, unless asked for both directions
    up = _series({tuesday: 55.0})
    assert not evaluate(_provider(up), _anomaly(), tuesday).breach
    assert evaluate(_provider(up), _anomaly(direction="both"), tuesday).breach
    # for response times up is the bad direction
    slow = FrameSeriesProvider([WAIT], {"first_response_time": _series({tuesday: 55.0})})
    assert evaluate(slow, AlertRule(id="w", kind="anomaly", metric="first_response_time"), tuesday).breach


def test_days_below_the_minimum_sample_never_fire():
    tuesday = LAST_WEEK + dt.timedelta(days=1)
    frame = _series({tuesday: 5.0})
    frame.loc[frame["date"] == tuesday, "n"] = 12
    f = evaluate(_provider(frame), _anomaly(min_n=20), tuesday)
    assert not f.breach and not f.judged
    assert f.reason == "only 12 behind the value, below the minimum of 20"


def test_too_little_history_is_not_judged():
    f = evaluate(_provider(_series()), _anomaly(), MONDAY + dt.timedelta(days=15))
    assert not f.judged and f.reason == "not enough history for a baseline yet"


def test_since_when_counts_back_over_consecutive_broken_days():
    days = [LAST_WEEK + dt.timedelta(days=i) for i in range(3)]
    frame = _series({d: 20.0 for d in days})
    f = evaluate(_provider(frame), _anomaly(), days[-1])
    assert f.breach and f.since == days[0]
    assert "Since Mon 27 Apr 2026 (3 days)" in f.to_text()


def test_week_on_week_drop_threshold():
    days = pd.date_range("2026-03-01", periods=28, freq="D").date
    values = [50.0] * 21 + [44.0] * 7  # the last week is 12% below the one before
    frame = pd.DataFrame({"date": days, "value": values, "n": 30})
    rule = AlertRule(id="wow", metric="conversion_rate", stage="decision", comparison="drops_by",
                     value=10, window_days=7)
    f = evaluate(_provider(frame), rule, days[-1])
    assert f.breach and f.value == pytest.approx(44.0) and f.expected == pytest.approx(50.0)
    assert f.change_pct == pytest.approx(-12.0)
    assert f.n == 210
    assert rule.condition_text(CONV) == "Checkout conversion (at decision) drops by 10% week on week"
    milder = frame.assign(value=[50.0] * 21 + [46.0] * 7)
    assert not evaluate(_provider(milder), rule, days[-1]).breach  # -8%


def test_window_sums_counts_and_weights_rates():
    days = pd.date_range("2026-03-01", periods=14, freq="D").date
    frame = pd.DataFrame({"date": days, "value": [10.0] * 13 + [40.0], "n": [10] * 13 + [30]})
    orders = AlertRule(id="o", metric="orders", comparison="below", value=100, window_days=7)
    f = evaluate(FrameSeriesProvider([ORDERS], {"orders": frame}), orders, days[-1])
    assert f.value == pytest.approx(100.0) and not f.breach  # 6 x 10 + 40, not below 100
    rate = AlertRule(id="r", metric="conversion_rate", comparison="above", value=20, window_days=7)
    g = evaluate(_provider(frame), rate, days[-1])
    assert g.value == pytest.approx((6 * 10 * 10 + 40 * 30) / 90)  # 20.0: n-weighted, not 14.3
    assert not g.breach


def test_threshold_rules_need_a_comparison_and_anomaly_rules_refuse_one():
    with pytest.raises(ValueError, match="needs comparison"):
        AlertRule(id="x", metric="csat")
    with pytest.raises(ValueError, match="takes sensitivity"):
        AlertRule(id="x", kind="anomaly", metric="csat", comparison="below", value=3)
    with pytest.raises(ValueError, match="lower case letters"):
        AlertRule(id="Bad Name!", metric="csat", comparison="below", value=3)


def test_unknown_metric_is_reported_with_the_valid_ones():
    provider = _provider(_series())
    with pytest.raises(ToolInputError, match="Unknown metric 'sales'.*conversion_rate"):
        evaluate(provider, AlertRule(id="x", metric="sales", comparison="below", value=1), LAST_WEEK)
    result = check_rules(provider, [AlertRule(id="x", metric="sales", comparison="below", value=1),
                                    _anomaly()], LAST_WEEK)
    assert [f.rule_id for f in result.findings] == ["conv-anomaly"]
    assert result.errors[0][0] == "x" and "error         x: Unknown metric" in result.to_text()


# -- the alert's life ------------------------------------------------------------------
def _finding(day: dt.date, breach: bool, judged: bool = True):
    tuesday = LAST_WEEK + dt.timedelta(days=1)
    f = evaluate(_provider(_series({tuesday: 20.0})), _anomaly(), tuesday)
    import dataclasses

    return dataclasses.replace(f, day=day, breach=breach, judged=judged, since=day if breach else None)


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(7), tzinfo=dt.UTC)


def _run(rule, flags, policy=None, state=None):
    policy, state = policy or AlertPolicy(), state or RuleState()
    out = []
    for i, flag in enumerate(flags):
        day = dt.date(2026, 6, 1) + dt.timedelta(days=i)
        judged = flag is not None
        state, events = step(rule, _finding(day, bool(flag), judged), state, _at(day), policy)
        out.append([e.kind for e in events])
    return out, state


def test_an_alert_fires_once_while_the_condition_lasts_and_resolves_when_it_clears():
    kinds, state = _run(_anomaly(), [True, True, True, False, False])
    assert kinds == [["fire"], [], [], ["resolve"], []]
    assert state.open is None and state.last_fired_at == _at(dt.date(2026, 6, 1))


def test_days_without_a_judgement_neither_fire_nor_resolve():
    kinds, state = _run(_anomaly(), [True, None, None, True, False])
    assert kinds == [["fire"], [], [], [], ["resolve"]]


def test_clear_days_require_a_streak_before_resolving():
    kinds, _ = _run(_anomaly(), [True, False, True, False, False], AlertPolicy(clear_days=2))
    assert kinds == [["fire"], [], [], [], ["resolve"]]


def test_cooldown_holds_back_a_new_alert_after_a_quick_relapse():
    kinds, _ = _run(_anomaly(), [True, False, True, True, False, True], AlertPolicy(cooldown_hours=96))
    # fired on day 0 (judged at 07:00 on day 1): the relapse on days 2 and 3 (48 and 72 h
    # later) is within 96 h; day 5 (120 h) is not
    assert kinds == [["fire"], ["resolve"], ["suppressed"], ["suppressed"], [], ["fire"]]
    kinds, _ = _run(_anomaly(cooldown_hours=0), [True, False, True])
    assert kinds == [["fire"], ["resolve"], ["fire"]]


def test_high_severity_escalates_and_low_does_not():
    assert _run(_anomaly(severity="high"), [True])[0] == [["fire", "escalate"]]
    assert _run(_anomaly(severity="low"), [True])[0] == [["fire"]]


def test_a_snoozed_rule_stays_quiet_until_the_snooze_ends():
    snoozed = RuleState(snoozed_until=_at(dt.date(2026, 6, 2)) + dt.timedelta(hours=1))
    kinds, _ = _run(_anomaly(), [True, True, True], state=snoozed)
    assert kinds == [["suppressed"], ["suppressed"], ["fire"]]


def test_rule_state_survives_json():
    _, state = _run(_anomaly(), [True, True])
    assert RuleState.from_json(state.to_json()) == state


def test_a_share_of_few_customers_gets_binomial_noise_not_just_the_history():
    tuesday = LAST_WEEK + dt.timedelta(days=1)
    frame = _series({tuesday: 31.0}, n=20)
    as_mean = evaluate(_provider(frame), _anomaly(min_n=10), tuesday)
    rate = MetricInfo("conversion_rate", "Checkout conversion", "%", "mean", "up", kind="rate")
    as_rate = evaluate(FrameSeriesProvider([rate], {"conversion_rate": frame}), _anomaly(min_n=10), tuesday)
    assert as_mean.breach
    # 41% of 20 customers has a sampling SD of 100 * sqrt(0.41 * 0.59 / 20) = 11.0 points
    assert not as_rate.breach and as_rate.z == pytest.approx(-10 / 10.998, rel=1e-3)


# -- rules that watch each channel ---------------------------------------------------------
NEW = MetricInfo("new_visitors", "New visitors", "", "sum", "up", kind="count")


def _by_channel(surge_day: dt.date | None = None) -> FrameSeriesProvider:
    """Instagram brings 3 newcomers a day, search 4, tiktok none; on surge_day tiktok brings 25
    and instagram 6 (a busy day, but not a surge)."""
    days = pd.date_range(MONDAY, periods=7 * WEEKS, freq="D").date
    rows = []
    for grp, usual in (("instagram", 3), ("search", 4), ("tiktok", 0), ("(unknown)", 0)):
        for d in days:
            value = {"tiktok": 25, "instagram": 6}.get(grp, usual) if d == surge_day else usual
            rows.append({"date": d, "grp": grp, "value": float(value), "n": value})
    return FrameSeriesProvider([NEW], {("new_visitors", "by", "channel"): pd.DataFrame(rows)})


def _surge_rule(**kw) -> AlertRule:
    return AlertRule(id="channel-surge", kind="anomaly", metric="new_visitors", per="channel",
                     direction="up", min_n=10, sensitivity=5, min_change_pct=100, **kw)


def test_a_per_channel_rule_names_the_channel_that_surged_and_keeps_state_per_channel():
    from tools.alerts.evaluate import evaluate_groups

    day = LAST_WEEK + dt.timedelta(days=2)
    judged = evaluate_groups(_by_channel(day), _surge_rule(), day)
    assert [r.id for r, _ in judged] == ["channel-surge/instagram", "channel-surge/search", "channel-surge/tiktok"]
    fired = [(r, f) for r, f in judged if f.breach]
    assert [r.id for r, _ in fired] == ["channel-surge/tiktok"]  # a group of nobody is not judged
    rule, finding = fired[0]
    assert rule.channel == "tiktok" and rule.per is None and finding.scope == {"channel": "tiktok"}
    assert finding.headline().startswith("New visitors from tiktok rose to 25 on Wed")
    # a quiet day: nothing fires, and the plain evaluate refuses a per-group rule with a hint
    assert not any(f.breach for _, f in evaluate_groups(_by_channel(), _surge_rule(), day))
    with pytest.raises(ToolInputError, match="evaluate_groups"):
        evaluate(_by_channel(day), _surge_rule(), day)
    text = check_rules(_by_channel(day), [_surge_rule()], day).to_text()
    assert "1 of 1 broken" in text and "FIRE [medium] channel-surge/tiktok: New visitors from tiktok" in text
    # the quiet channels share one line (here too few newcomers to judge)
    assert "skip          channel-surge: 2 too small or too new to judge (instagram, search)" in text


def test_a_rule_watches_each_channel_or_one_channel_not_both():
    with pytest.raises(ValueError, match="either each channel"):
        _surge_rule(channel="tiktok")
    from tools.alerts.rules import find_rule

    rule = find_rule([_surge_rule()], "channel-surge/tiktok")
    assert rule is not None and rule.channel == "tiktok" and rule.group == ("channel", "tiktok")
    assert find_rule([_surge_rule()], "channel-surge") is not None
    assert find_rule([_surge_rule()], "orders/tiktok") is None
    assert "each channel" in _surge_rule().summary(NEW)


def test_a_quiet_count_history_is_the_baseline_a_surge_is_judged_against():
    """Days with fewer newcomers than the minimum are still the usual value for a count, so a
    channel that usually brings nobody has a baseline of 0 rather than none."""
    from tools.alerts.evaluate import evaluate_groups

    day = LAST_WEEK + dt.timedelta(days=2)
    _, finding = next((r, f) for r, f in evaluate_groups(_by_channel(day), _surge_rule(), day)
                      if r.channel == "tiktok")
    assert finding.judged and finding.expected == 0


def test_an_alert_says_what_is_not_counted_yet():
    """On the morning after, some of yesterday's orders are still pending: the value can still
    rise, and the alert says so; a day whose carts are all too recent is not judged, and says why."""
    last = LAST_WEEK + dt.timedelta(days=1)
    frame = _series({last: 20.0}).assign(excluded=0)
    frame.loc[frame["date"] == last, "excluded"] = 12
    f = evaluate(FrameSeriesProvider([ORDERS], {"orders": frame}),
                 AlertRule(id="orders", kind="anomaly", metric="orders", min_n=1), last)
    assert f.breach and f.not_yet == 12
    assert "Not counted yet: 12 orders placed then and still pending; the value can still change" in f.to_text()
    carts = MetricInfo("cart_abandonment", "Cart abandonment", "%", "mean", "down", kind="rate")
    frame = _series().assign(excluded=0)
    frame.loc[frame["date"] == last, ["value", "n", "excluded"]] = [np.nan, 0, 1]
    f = evaluate(FrameSeriesProvider([carts], {"cart_abandonment": frame}),
                 AlertRule(id="carts", kind="anomaly", metric="cart_abandonment"), last)
    assert not f.judged and f.reason == "nothing to count yet: 1 cart too recent to judge"
    # a finding stored before this field existed still loads
    data = f.to_dict()
    data.pop("not_yet")
    from tools.alerts.evaluate import Finding

    assert Finding.from_dict(data).not_yet == 0


def test_a_median_over_a_window_is_the_median_of_the_windows_tickets(store, tmp_path):
    """First response over 3 days: three quick tickets on Monday, one slow one on Tuesday, one
    quick one on Wednesday. The days' medians are 1, 20 and 2 h (their n-weighted mean 5 h);
    the window's own median is 1 h, and that is what the rule judges."""
    from tools.alerts.series import KpiSeriesProvider
    from tools.data.ingest import ingest_file

    opened = ["2026-05-04 09:00", "2026-05-04 10:00", "2026-05-04 11:00", "2026-05-05 09:00", "2026-05-06 09:00"]
    hours = [1, 1, 1, 20, 2]
    (tmp_path / "c.csv").write_text("customer_id\n" + "\n".join(f"C{i}" for i in range(5)) + "\n")
    (tmp_path / "o.csv").write_text("order_id,customer_id,ts,amount\nO1,C0,2026-04-20 10:00,5\nO2,C1,2026-05-06 18:00,5\n")
    rows = [f"T{i},C{i},{o},{pd.Timestamp(o) + pd.Timedelta(hours=h):%Y-%m-%d %H:%M}"
            for i, (o, h) in enumerate(zip(opened, hours, strict=True))]
    (tmp_path / "t.csv").write_text("ticket_id,customer_id,created_at,first_response_at\n" + "\n".join(rows) + "\n")
    for table, name in (("customers", "c.csv"), ("orders", "o.csv"), ("tickets", "t.csv")):
        ingest_file(store, table, tmp_path / name)
    raw = pd.read_csv(tmp_path / "t.csv", parse_dates=["created_at", "first_response_at"])
    window = (raw.first_response_at - raw.created_at) / pd.Timedelta(hours=1)
    rule = AlertRule(id="slow-replies", metric="first_response_time", comparison="above", value=3, window_days=3,
                     min_n=1)
    finding = evaluate(KpiSeriesProvider(store), rule, dt.date(2026, 5, 6))
    assert finding.value == pytest.approx(window.median()) and window.median() == 1.0 and finding.n == 5
    assert finding.judged and not finding.breach  # the weighted mean of daily medians (5 h) would have alerted
