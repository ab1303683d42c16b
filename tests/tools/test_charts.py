"""Charts are PNGs drawn from plain data; bad data is refused with a clear message."""

from __future__ import annotations

import datetime as dt
import io

import matplotlib.image as mpimg
import pytest

from tools.charts.journey import (
    funnel_chart,
    funnel_figure,
    kpi_trend_chart,
    kpi_trend_figure,
    sentiment_by_stage_chart,
    sentiment_by_stage_figure,
)
from tools.core.errors import ToolInputError


def _image(png: bytes):
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return mpimg.imread(io.BytesIO(png), format="png")


def test_funnel_bars_are_labelled_with_counts_and_share_of_the_first_step():
    fig = funnel_figure(["awareness", "purchase"], [1000, 61], title="Funnel")
    ax = fig.axes[0]
    assert [round(p.get_width()) for p in ax.patches] == [1000, 61]
    assert [t.get_text() for t in ax.texts] == ["1,000  (100%)", "61  (6%)"]
    top_down = sorted(ax.get_yticklabels(), key=lambda t: -t.get_position()[1])
    assert [t.get_text() for t in top_down] == ["awareness", "purchase"]  # first step on top
    assert _image(funnel_chart(["a", "b"], [2, 1])).shape[1] == 880


def test_trend_leaves_gaps_for_missing_days():
    days = [dt.date(2026, 5, d) for d in (1, 2, 3)]
    line = kpi_trend_figure(days, [40.0, None, 43.0], title="NPS").axes[0].lines[0]
    ys = list(line.get_ydata())
    assert ys[0] == 40.0 and ys[1] != ys[1] and ys[2] == 43.0  # NaN in the middle
    _image(kpi_trend_chart(days, [40.0, None, 43.0], title="NPS", unit="points"))


def test_sentiment_bars_are_coloured_by_sign_and_show_n():
    fig = sentiment_by_stage_figure(["purchase", "post-purchase"], [0.4, -0.25], [40, 12])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == ["+0.40 (n=40)", "-0.25 (n=12)"]
    colours = [p.get_facecolor()[:3] for p in ax.patches]
    assert colours[0] != colours[1]
    _image(sentiment_by_stage_chart(["purchase"], [0.1], [3]))


def test_the_same_data_gives_the_same_bytes():
    assert funnel_chart(["a", "b"], [2, 1]) == funnel_chart(["a", "b"], [2, 1])


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
