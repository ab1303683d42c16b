"""Charts are PNGs drawn from plain data, checked the way a person looks at them: nothing off
the picture, axes that say what they measure (currency, %), counts and money from zero, small
samples marked in more than colour, names in words; bad data is refused with a clear message."""

from __future__ import annotations

import datetime as dt
import io

import matplotlib.image as mpimg
import pytest
from chart_checks import off_canvas, overlapping_texts, value_axis

from tools.charts.alert import alert_chart_figure, alert_chart_png
from tools.charts.axes import Measure, kpi_measure
from tools.charts.journey import (
    funnel_chart,
    funnel_figure,
    grouped_funnel_figure,
    sentiment_by_stage_chart,
    sentiment_by_stage_figure,
    stage_counts_figure,
)
from tools.charts.trend import kpi_trend_chart, kpi_trend_figure
from tools.core.errors import ToolInputError

DAYS = [dt.date(2026, 5, 1) + dt.timedelta(days=i) for i in range(28)]


def _image(png: bytes):
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return mpimg.imread(io.BytesIO(png), format="png")


def test_funnel_bars_are_labelled_with_counts_and_share_of_the_first_step():
    fig = funnel_figure(["website_visit", "order_placed"], [1000, 61], title="Funnel", subtitle="last 30 days")
    ax = fig.axes[0]
    assert [round(p.get_width()) for p in ax.patches] == [1000, 61]
    assert [t.get_text() for t in ax.texts][:2] == ["1,000  (100%)", "61  (6%)"]
    top_down = sorted(ax.get_yticklabels(), key=lambda t: -t.get_position()[1])
    assert [t.get_text() for t in top_down] == ["website visit", "order placed"]  # words, first step on top
    label, low, ticks = value_axis(fig, axis="x")
    assert label.startswith("customers") and low == 0 and ticks[0] == "0"
    assert off_canvas(fig) == [] and overlapping_texts(fig) == []
    assert _image(funnel_chart(["a", "b"], [2, 1])).shape[1] == 880


def test_a_funnel_by_channel_shows_each_channel_on_one_percent_scale():
    fig = grouped_funnel_figure(["awareness", "decision", "purchase"], ["instagram", "email", "word_of_mouth"],
                                [[400, 180, 120], [300, 200, 190], [40, 30, 28]], title="Funnel by first-touch channel",
                                subtitle="last 90 days")
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles == ["instagram: 400 entered", "email: 300 entered", "word of mouth: 40 entered"]
    assert [t.get_text() for t in fig.axes[0].texts] == ["100%", "45%", "30%"]
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["0%", "50%", "100%"]
    assert off_canvas(fig) == []


def test_stage_counts_that_rise_are_not_drawn_as_a_funnel():
    rising = stage_counts_figure(["awareness", "decision", "purchase"], [2800, 1354, 1381], title="Customers per stage")
    ax = rising.axes[0]
    assert ax.patches[0].get_height() == 2800  # upright columns, not a funnel's horizontal bars
    assert any("not a funnel: more customers reached purchase" in t.get_text() for t in ax.texts)
    assert value_axis(rising)[1] == 0 and off_canvas(rising) == [] and overlapping_texts(rising) == []
    falling = stage_counts_figure(["awareness", "purchase"], [2800, 1381], title="Customers per stage")
    assert falling.axes[0].patches[0].get_width() == 2800  # monotone: a funnel is honest


def test_money_trend_has_the_currency_on_the_axis_and_starts_at_zero():
    values = [5600 + 40 * (i % 7) for i in range(28)]
    fig = kpi_trend_figure(DAYS, values, title="Revenue by day", measure=kpi_measure("Revenue", "money", "£"),
                           subtitle="last 28 days")
    label, low, ticks = value_axis(fig)
    assert label == "Revenue, £" and low == 0
    assert ticks[0] == "£0" and all(t.startswith("£") for t in ticks if t)
    assert off_canvas(fig) == []


def test_a_rate_is_drawn_as_a_percentage_with_its_sample_size_and_small_days_hollow():
    shares = [1.0 if i % 5 == 0 else 0.7 for i in range(28)]
    ns = [3 if i % 5 == 0 else 45 for i in range(28)]
    fig = kpi_trend_figure(DAYS, shares, title="CSAT (4-5 of 5) by day", measure=kpi_measure("CSAT", "rate"),
                           ns=ns, n_label="answers", min_n=30)
    label, low, ticks = value_axis(fig)
    assert label == "CSAT, %" and low == 0 and "100%" in ticks and "1.0" not in ticks
    hollow = [line for line in fig.axes[0].lines if line.get_markerfacecolor() == "white"]
    assert len(hollow) == 1 and len(hollow[0].get_xdata()) == 6  # the six days with 3 answers
    n_label, n_low, _ = value_axis(fig, 1)
    assert n_label == "answers" and n_low == 0
    assert sum(1 for p in fig.axes[1].patches if p.get_hatch()) == 6  # small samples hatched, not only paler
    assert any("hollow points: fewer than 30 answers" in t.get_text() for t in fig.axes[0].texts)
    assert off_canvas(fig) == []


def test_monthly_sample_bars_fill_most_of_their_month():
    # 25 months of answers: bars a month wide, not the sliver of a daily bar
    months = [dt.date(2016 + (9 + k) // 12, (9 + k) % 12 + 1, 1) for k in range(25)]
    months[0] = dt.date(2016, 10, 11)  # a partial first month starts where the data does
    fig = kpi_trend_figure(months, [0.5 + 0.01 * k for k in range(25)], title="CSAT (4-5 of 5) by month",
                           measure=kpi_measure("CSAT", "rate"), ns=[400] * 25, n_label="answers", min_n=30)
    bars = sorted(fig.axes[1].patches, key=lambda p: p.get_x())
    assert all(20 <= p.get_width() < 31 for p in bars[1:])
    assert all(a.get_x() + a.get_width() <= b.get_x() for a, b in zip(bars, bars[1:], strict=False))  # no overlap
    assert off_canvas(fig) == []


def test_trend_leaves_gaps_for_missing_days():
    days = [dt.date(2026, 5, d) for d in (1, 2, 3)]
    line = kpi_trend_figure(days, [40.0, None, 43.0], title="NPS", unit="points").axes[0].lines[0]
    ys = list(line.get_ydata())
    assert ys[0] == 40.0 and ys[1] != ys[1] and ys[2] == 43.0  # NaN in the middle
    _image(kpi_trend_chart(days, [40.0, None, 43.0], title="NPS", unit="points"))


def test_sentiment_bars_show_n_and_mark_small_samples_beyond_colour():
    fig = sentiment_by_stage_figure(["purchase", "post-purchase", "consideration"], [0.4, -0.25, 0.48], [40, 120, 8])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts][:3] == ["+0.40, 40 texts", "-0.25, 120 texts", "+0.48, 8 texts (few)"]
    assert [bool(p.get_hatch()) for p in ax.patches] == [False, False, True]
    assert any("fewer than 30 texts" in t.get_text() for t in ax.texts)
    assert off_canvas(fig) == []
    _image(sentiment_by_stage_chart(["purchase"], [0.1], [3]))


def test_alert_chart_marks_broken_days_by_shape_and_names_its_unit():
    history = [{"date": d.isoformat(), "value": 900.0 - (400 if i == 27 else 0), "expected": 900.0,
                "lower": 600.0, "upper": 1200.0, "breach": i == 27} for i, d in enumerate(DAYS)]
    fig = alert_chart_figure(history, title="Revenue — alert A3", unit="£")
    label, low, ticks = value_axis(fig)
    assert label == "Revenue, £" and low == 0 and ticks[0] == "£0"
    [alert] = [c for c in fig.axes[0].collections if c.get_label() == "alert"]
    assert len(alert.get_offsets()) == 1
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["usual range", "expected", "actual", "alert"]
    assert off_canvas(fig) == []
    _image(alert_chart_png(history, title="Revenue", unit="£"))


def test_long_names_are_cut_with_an_ellipsis_not_silently():
    fig = funnel_figure(["a_very_long_touchpoint_name_that_goes_on", "b"], [10, 5], title="Funnel")
    labels = {t.get_text() for t in fig.axes[0].get_yticklabels()}
    assert any(x.startswith("a very long touchpoin") and x.endswith("…") for x in labels)


def test_the_same_data_gives_the_same_bytes():
    assert funnel_chart(["a", "b"], [2, 1]) == funnel_chart(["a", "b"], [2, 1])


def test_measures_read_their_values():
    assert Measure("revenue", "money", "£").tick(1200) == "£1,200"
    assert kpi_measure("CSAT", "rate").tick(0.5) == "50%"
    assert not Measure("NPS", "points").from_zero


@pytest.mark.parametrize("call, says", [
    (lambda: funnel_chart([], []), "nothing to draw: steps is empty"),
    (lambda: funnel_chart(["a", "b"], [1]), "steps and counts differ in length (2 vs 1)"),
    (lambda: funnel_chart(["a"], [-1]), "funnel counts cannot be negative"),
    (lambda: funnel_chart(["a"], [float("nan")]), "counts must be finite numbers"),
    (lambda: kpi_trend_chart([dt.date(2026, 1, 1)], [None], title="x"), "the trend has no values to draw"),
    (lambda: sentiment_by_stage_chart(["a"], [1.5], [3]), "sentiment means must lie between -1 and 1"),
    (lambda: sentiment_by_stage_chart(["a"], [0.5], [3, 4]), "stages and counts differ in length"),
])
def test_bad_data_is_refused_clearly(call, says):
    with pytest.raises(ToolInputError, match=says.replace("(", r"\(").replace(")", r"\)")):
        call()
