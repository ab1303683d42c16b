"""Every chart an answer can carry, drawn from real results on the sample and looked at as a
person would: on the canvas, text not overlapping, axes that say what they measure, counts and
money from zero, percentages as percentages, the breakdown asked for, titles without nested
brackets. The numbers drawn are checked against the tool's own rows."""

from __future__ import annotations

import re

import pytest
from chart_checks import off_canvas, overlapping_texts, texts, value_axis
from sample_cache import sample_store

from bot.render.chart_data import chart_for, figure_for
from tools.analytics.describe import describe_data
from tools.analytics.funnel import FunnelParams, funnel
from tools.analytics.periods import Period
from tools.analytics.trends import TrendParams, trend

NESTED = re.compile(r"\([^)]*\(")


@pytest.fixture(scope="module")
def store():
    return sample_store()[0]


def _looked_at(drawn) -> list[str]:
    fig = drawn.figure
    shown = [t.get_text() for t in texts(fig)]
    assert off_canvas(fig) == [], drawn.filename
    assert overlapping_texts(fig) == [], drawn.filename
    assert not any(NESTED.search(t) for t in shown), [t for t in shown if NESTED.search(t)]
    assert not any("_" in t for t in shown if t not in (drawn.filename,)), [t for t in shown if "_" in t]
    return shown


def test_a_funnel_asked_by_channel_shows_each_channel(store):
    result = funnel(store, FunnelParams(stages=["awareness", "consideration", "decision", "purchase"],
                                        period=Period(name="last_90_days"), by="channel"))
    drawn = figure_for(result)
    shown = _looked_at(drawn)
    assert drawn.title == "Funnel by first-touch channel"
    panels = [ax.get_title(loc="left") for ax in drawn.figure.axes]
    biggest = result.group_summary.sort_values("entered", ascending=False).head(len(panels))
    assert panels == [f"{g.replace('_', ' ')}: {n:,} entered" for g, n in zip(biggest["group"], biggest["entered"], strict=True)]
    assert any("smaller group" in t for t in shown) == (len(result.group_summary) > len(panels))
    assert chart_for(result).png[:4] == b"\x89PNG"


def test_revenue_by_day_is_in_pounds_from_zero(store):
    result = trend(store, TrendParams(metric="revenue", grain="day", period=Period(name="last_30_days")))
    drawn = figure_for(result)
    _looked_at(drawn)
    label, low, ticks = value_axis(drawn.figure)
    assert label == "Revenue, £" and low == 0 and all(t.startswith("£") for t in ticks if t)
    line = drawn.figure.axes[0].lines[0]
    assert list(line.get_ydata()) == pytest.approx(list(result.series.sort_values("bucket")["value"]))


def test_csat_by_day_is_a_percentage_with_its_answers_and_small_days_marked(store):
    result = trend(store, TrendParams(metric="csat", grain="day", period=Period(name="last_30_days")))
    drawn = figure_for(result)
    shown = _looked_at(drawn)
    label, low, ticks = value_axis(drawn.figure)
    assert label.endswith(", %") and low == 0 and "100%" in ticks
    small = int((result.series["n"] < 30).sum())
    assert small > 0 and any("fewer than 30 answers" in t for t in shown)
    hollow = [ln for ln in drawn.figure.axes[0].lines if ln.get_markerfacecolor() == "white"]
    assert sum(len(ln.get_xdata()) for ln in hollow) == int(((result.series["n"] < 30) & result.series["value"].notna()).sum())
    assert value_axis(drawn.figure, 1)[0] == "answers"


def test_conversion_month_by_month_is_drawn_with_month_wide_bars(store):
    result = trend(store, TrendParams(metric="purchase_conversion", grain="month"))
    drawn = figure_for(result)
    shown = _looked_at(drawn)
    assert drawn.title.endswith("by month") and result.provenance.period_label.startswith("last 180 days")
    line = drawn.figure.axes[0].lines[0]
    assert list(line.get_ydata()) == pytest.approx(list(result.series["value"]), nan_ok=True)
    bars = sorted(drawn.figure.axes[1].patches, key=lambda p: p.get_x())
    assert all(p.get_width() >= 20 for p in bars[1:])  # the partial first month is narrower
    assert all(a.get_x() + a.get_width() <= b.get_x() for a, b in zip(bars, bars[1:], strict=False))
    assert shown.count("partial") == int(result.series["partial"].sum())


def test_the_stages_of_the_sample_are_not_drawn_as_a_funnel(store):
    result = describe_data(store)
    counts = result.stages.set_index("stage")["customers"]
    assert counts["purchase"] > counts["decision"]  # the sample's shape: buying in the shop skips decision
    drawn = figure_for(result)
    shown = _looked_at(drawn)
    assert any("not a funnel" in t for t in shown)
    assert value_axis(drawn.figure)[1] == 0


def test_the_map_of_the_sample_fits_its_page(store):
    from tools.journey_map.picture import map_figure
    from tools.journey_map.tool import journey_map
    from tools.journey_map.types import JourneyMapParams

    m = journey_map(store, JourneyMapParams())
    fig = map_figure(m)
    shown = [t.get_text() for t in texts(fig)]
    assert off_canvas(fig) == [] and overlapping_texts(fig) == []
    assert not any("_" in t for t in shown)
    last = m.opportunities[-1].shown.split()[-1] if m.opportunities else "rule fired."
    assert any(t.rstrip().endswith(last) for t in shown)  # the last opportunity is there in full
