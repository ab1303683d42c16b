"""Which results get a chart, read from the columns of their rows."""

from __future__ import annotations

import pandas as pd
from fakes.slack_tools import FUNNEL, TREND, FrameResult

from bot.render.chart_data import chart_for, chart_kind
from tools.core.results import Provenance


def _result(frame: pd.DataFrame, tool: str = "x") -> FrameResult:
    return FrameResult(frame, "", Provenance(tool, "test"))


def test_funnel_trend_and_sentiment_frames_are_recognised():
    sentiment = pd.DataFrame({"stage": ["purchase", "post-purchase"], "mean_sentiment": [0.4, -0.2], "n": [40, 12]})
    assert chart_kind(_result(FUNNEL)) == "funnel"
    assert chart_kind(_result(TREND)) == "trend"
    assert chart_kind(_result(sentiment)) == "sentiment"
    assert chart_kind(_result(pd.DataFrame({"quote": ["nice"]}))) is None
    assert chart_kind(_result(FUNNEL.iloc[0:0])) is None  # no rows, no chart
    assert chart_kind("not a result") is None


def test_charts_are_pngs_named_for_what_they_show():
    trend = chart_for(_result(TREND, "trend"))
    assert trend.filename == "nps-trend.png" and trend.png[:4] == b"\x89PNG"
    funnel = chart_for(_result(FUNNEL, "funnel"))
    assert funnel.filename == "funnel-funnel.png"
    assert chart_for(_result(pd.DataFrame({"quote": ["nice"]}))) is None
