"""Alerts posted from the daily check: once, escalated, resolved in the thread, with buttons
that work and a thread the agent can read."""

from __future__ import annotations

import datetime as dt
import threading

import numpy as np
import pandas as pd
import pytest
import time_machine
from conftest_helpers import DataUntil, make_config
from fakes.poster import RecordingPoster, SimulatedCrash

from bot.render.message import Message
from bot.scheduler.scheduler import JourneyScheduler
from tools.alerts.rules import MetricInfo
from tools.alerts.series import Contributor, FrameSeriesProvider
from tools.core.errors import ToolInputError

CONV = MetricInfo("conversion_rate", "Checkout conversion", "%", "mean", "up")
START = dt.date(2026, 3, 2)  # a Monday
BREAK = [dt.date(2026, 6, 2), dt.date(2026, 6, 3)]  # Tue, Wed: conversion falls to 20%
RULES = """
[alerts]
channel = "C-alerts"
escalation_channel = "C-oncall"
escalation_mention = "<!subteam^S0BAKERS>"
cooldown_hours = 72

[[alerts.rules]]
id = "checkout-conversion"
kind = "anomaly"
metric = "conversion_rate"
severity = "high"
"""


def _provider() -> FrameSeriesProvider:
    days = pd.date_range(START, BREAK[-1] + dt.timedelta(days=10), freq="D")
    week = np.arange(len(days)) // 7
    values = 40.0 + np.where(week % 2 == 0, 1.0, -1.0)
    frame = pd.DataFrame({"date": days.date, "value": values, "n": 60})
    frame.loc[frame["date"].isin(BREAK), "value"] = 20.0
    return FrameSeriesProvider([CONV], {"conversion_rate": frame},
                               {"conversion_rate": [Contributor("channel", "instagram", 44.0, 12.0, 0.6, 80)]})


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(7, 30), tzinfo=dt.UTC)


@pytest.fixture
def desk_config(home):
    return make_config(home, RULES)


def _scheduler(config, poster, owner="a") -> JourneyScheduler:
    return JourneyScheduler(config, poster, store=DataUntil(BREAK[-1]), provider=_provider, owner=owner)


def test_fire_escalate_dedupe_and_resolve_in_the_thread(desk_config):
    poster = RecordingPoster()
    s = _scheduler(desk_config, poster)
    with time_machine.travel(_at(BREAK[0]), tick=False):
        s.run_alerts(BREAK[0])
        s.run_alerts(BREAK[0])  # the same day again: nothing new
    alert, mention, copy = poster.posts()
    assert alert.channel == "C-alerts" and alert.thread_ts is None
    assert alert.text.startswith("High alert: Checkout conversion dropped to 20.0% on Tue 2 Jun 2026")
    text = str(alert.blocks)
    for piece in ("expected 40.0% for a Tuesday", "Since Tue 2 Jun 2026 (today)",
                  "channel instagram: 44.0% → 12.0% (60% of the change)"):
        assert piece in text
    buttons = [e for b in alert.blocks if b["type"] == "actions" for e in b["elements"]]
    assert [(b["action_id"], b["value"]) for b in buttons] == [
        ("alert_ack", "checkout-conversion@2026-06-02"), ("alert_snooze", "checkout-conversion@2026-06-02"),
        ("alert_chart", "checkout-conversion@2026-06-02")]
    assert (mention.channel, mention.thread_ts) == ("C-alerts", alert.ts)
    assert mention.text.startswith("<!subteam^S0BAKERS> :rotating_light: Escalated (high)")
    assert copy.channel == "C-oncall" and copy.text == alert.text
    [(channel, filename, thread, png)] = poster.uploads()
    assert (channel, thread) == ("C-alerts", alert.ts) and png.startswith(b"\x89PNG")

    with time_machine.travel(_at(BREAK[1]), tick=False):
        s.run_alerts(BREAK[1])  # still broken: the open alert already says so
    assert len(poster.posts()) == 3
    later = BREAK[1] + dt.timedelta(days=1)
    with time_machine.travel(_at(later), tick=False):
        s.run_alerts(later)
    resolved = poster.posts()[-1]
    assert (resolved.channel, resolved.thread_ts) == ("C-alerts", alert.ts)
    assert resolved.text.startswith(":white_check_mark: Resolved: Checkout conversion is back within bounds on 2026-06-04")
    updated = {(u.channel, u.ts) for u in poster.updates()}
    assert updated == {("C-alerts", alert.ts), ("C-oncall", copy.ts)}  # both copies say resolved
    assert "Resolved on 2026-06-04" in str(poster.updates()[-1].blocks)
    assert s.desk.open_alerts() == []


def test_buttons_and_thread_context(desk_config):
    poster = RecordingPoster()
    s = _scheduler(desk_config, poster)
    with time_machine.travel(_at(BREAK[0]), tick=False):
        s.run_alerts(BREAK[0])
        alert_id = "checkout-conversion@2026-06-02"
        assert s.desk.acknowledge(alert_id, "U42") == f"Alert {alert_id} acknowledged by U42."
        blocks = poster.updates()[-1].blocks
        assert "Acknowledged by <@U42>" in str(blocks)
        assert "alert_ack" not in str(blocks)  # no second acknowledgement button
        assert "snoozed until Thu 04 Jun 07:30 UTC" in s.desk.snooze(alert_id, 24)
        assert s.desk.alert_chart(alert_id).startswith(b"\x89PNG")
        [record] = s.desk.open_alerts()
        assert (record.id, record.acked_by) == (alert_id, "U42")
        with pytest.raises(ToolInputError, match="No alert with id"):
            s.desk.acknowledge("nope", "U1")
    alert, _, copy = poster.posts()
    for channel, ts in (("C-alerts", alert.ts), ("C-oncall", copy.ts)):
        context = s.desk.thread_context(channel, ts)
        assert context.startswith(f"This thread is about the high alert {alert_id} (open, acknowledged by U42)")
        assert "Checkout conversion dropped to 20.0%" in context
    assert s.desk.thread_context("C-alerts", "999.000") is None


def test_snooze_holds_back_the_next_alert_from_the_rule(desk_config):
    poster = RecordingPoster()
    s = _scheduler(desk_config, poster)
    with time_machine.travel(_at(BREAK[0]), tick=False) as clock:
        s.run_alerts(BREAK[0])
        s.desk.snooze("checkout-conversion@2026-06-02", 24 * 10)
        clock.move_to(_at(BREAK[1] + dt.timedelta(days=1)))
        s.run_alerts(BREAK[1] + dt.timedelta(days=1))  # resolves: good news is still told
    assert poster.posts()[-1].text.startswith(":white_check_mark: Resolved")


def test_restart_mid_alert_posts_it_once_and_keeps_the_thread(desk_config, tmp_path):
    slack = tmp_path / "slack.sqlite"
    with time_machine.travel(_at(BREAK[0]), tick=False) as clock:
        with pytest.raises(SimulatedCrash):
            _scheduler(desk_config, RecordingPoster(slack, crash_after_post=1), "first").run_alerts(BREAK[0])
        clock.shift(dt.timedelta(minutes=10))
        restarted = _scheduler(desk_config, RecordingPoster(slack), "second")
        restarted.sweep()
    posts = RecordingPoster(slack).posts()
    assert [p.channel for p in posts] == ["C-alerts", "C-alerts", "C-oncall"]  # alert, mention, copy
    assert restarted.desk.thread_context("C-alerts", posts[0].ts) is not None
    assert restarted.alert_store.undelivered() == []


def test_two_instances_checking_the_same_day_alert_once(desk_config, tmp_path):
    slack = tmp_path / "slack.sqlite"
    RecordingPoster(slack)
    barrier = threading.Barrier(2)

    def run(owner: str) -> None:
        s = _scheduler(desk_config, RecordingPoster(slack, delay=0.1), owner)
        barrier.wait()
        s.run_alerts(BREAK[0])

    with time_machine.travel(_at(BREAK[0]), tick=True):
        threads = [threading.Thread(target=run, args=(o,)) for o in ("a", "b")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    assert [p.channel for p in RecordingPoster(slack).posts()] == ["C-alerts", "C-alerts", "C-oncall"]
    assert len(RecordingPoster(slack).uploads()) == 1


def test_the_features_the_slack_app_calls(desk_config):
    from bot.scheduler.features import scheduler_features

    poster = RecordingPoster()
    s = JourneyScheduler(desk_config, poster, store=DataUntil(BREAK[-1]), provider=_provider,
                         digest_message=lambda channel, cadence, day: Message(f"digest {day}"))
    f = scheduler_features(s)
    with time_machine.travel(_at(BREAK[0]), tick=False):
        s.run_alerts(BREAK[0])
        [line] = f["open_alerts"]()
        assert (line.id, line.severity, line.since) == ("checkout-conversion@2026-06-02", "high", "2026-06-02")
        assert line.title.startswith("High alert: Checkout conversion dropped to 20.0%")
        f["acknowledge_alert"](line.id, "U7")
        f["mute_alert"](line.id, 24)
        assert f["alert_chart"](line.id).startswith(b"\x89PNG")
        assert f["thread_context"]("C-alerts", poster.posts()[0].ts).startswith("This thread is about")
        sub = f["subscribe"]("C5", "weekly", "09:00", "fri", "Europe/London")
        assert (sub.channel, sub.cadence, sub.time, sub.weekday, sub.tz) == ("C5", "weekly", "09:00", "fri", "Europe/London")
        assert [x.channel for x in f["subscriptions"]()] == ["C5"]
        assert f["unsubscribe"]("C5") == 1
        f["digest_now"]("C5")
        f["digest_now"]("C5")  # a double click: one digest
        s.run_digest("C5", "daily")  # the scheduled one is its own run
    # "now" is the morning of 3 June: the last complete day is the 2nd
    digests = [p for p in poster.posts() if p.channel == "C5"]
    assert [p.text for p in digests] == ["digest 2026-06-02", "digest 2026-06-02"]
    assert [p.run_key for p in digests] == ["digest:daily:C5:2026-06-02:now:20260603T0730",
                                            "digest:daily:C5:2026-06-02"]


def test_without_a_channel_alerts_are_kept_not_posted_late(home):
    config = make_config(home, RULES.replace('channel = "C-alerts"\n', "", 1))
    poster = RecordingPoster()
    s = _scheduler(config, poster)
    with time_machine.travel(_at(BREAK[0]), tick=False):
        s.run_alerts(BREAK[0])
    assert poster.posts() == []
    assert [r.id for r in s.desk.open_alerts()] == ["checkout-conversion@2026-06-02"]
    assert s.alert_store.undelivered() == []  # nothing left to post when a channel appears


SURGE_RULES = """
[alerts]
channel = "C-alerts"
cooldown_hours = 72

[[alerts.rules]]
id = "channel-surge"
kind = "anomaly"
metric = "new_visitors"
per = "channel"
direction = "up"
min_n = 10
sensitivity = 5
min_change_pct = 100
severity = "low"
post_to = "C-growth"
"""
NEW = MetricInfo("new_visitors", "New visitors", "", "sum", "up", kind="count")


def _surges(tiktok: dict[dt.date, int], search: dict[dt.date, int]) -> FrameSeriesProvider:
    days = pd.date_range(START, BREAK[-1] + dt.timedelta(days=10), freq="D").date
    rows = [{"date": d, "grp": grp, "value": float(v), "n": v}
            for grp, usual, extra in (("tiktok", 0, tiktok), ("search", 3, search))
            for d in days for v in [extra.get(d, usual)]]
    return FrameSeriesProvider([NEW], {("new_visitors", "by", "channel"): pd.DataFrame(rows)})


def test_a_per_channel_rule_alerts_each_channel_on_its_own(home):
    """TikTok surges on Tuesday and again on Wednesday (one alert: it is still open), search
    surges on Wednesday (its own alert, not held back by TikTok's); both go to the rule's
    channel and name their channel."""
    config = make_config(home, SURGE_RULES)
    tue, wed = BREAK
    provider = _surges({tue: 30, wed: 25}, {wed: 30})
    poster = RecordingPoster()
    s = JourneyScheduler(config, poster, store=DataUntil(wed), provider=lambda: provider, owner="a")
    for day in (tue, wed):
        with time_machine.travel(_at(day), tick=False):
            s.run_alerts(day)
    posts = poster.posts()
    assert [p.channel for p in posts] == ["C-growth", "C-growth"]
    assert posts[0].text.startswith("Low alert: New visitors from tiktok rose to 30 on Tue 2 Jun 2026")
    assert posts[1].text.startswith("Low alert: New visitors from search rose to 30 on Wed 3 Jun 2026")
    assert sorted(a.rule_id for a in s.desk.open_alerts()) == ["channel-surge/search", "channel-surge/tiktok"]
