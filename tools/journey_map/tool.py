"""The journey map tool: the one function the agent, the CLI and the benchmarks call.

    journey_map(store, JourneyMapParams(filters=Filters(persona="The Regular")), feedback=fb)
        -> JourneyMap (a MapComparison with compare_period / compare_filters, a StageDetail
           with stage)

It only picks what to build from the parameters: one map (build.build_map), two maps side by
side (build.compare_maps) or one stage in detail (stage.stage_detail).
"""

from __future__ import annotations

from tools.data.store import JourneyStore
from tools.feedback.store import FeedbackStore
from tools.journey_map.build import build_map, compare_maps
from tools.journey_map.results import JourneyMap, MapComparison
from tools.journey_map.stage import StageDetail, stage_detail
from tools.journey_map.types import JourneyMapParams, MapSettings, Writer


def journey_map(
    store: JourneyStore,
    params: JourneyMapParams,
    *,
    feedback: FeedbackStore | None = None,
    settings: MapSettings | None = None,
    writer: Writer | None = None,
) -> JourneyMap | MapComparison | StageDetail:
    """The map (see build.py); with compare_period or compare_filters two maps side by side;
    with stage one stage in detail."""
    settings = settings or MapSettings()
    if params.stage is not None:
        return stage_detail(store, params, feedback=feedback, settings=settings)
    left = build_map(store, params.period, params.filters, feedback=feedback, settings=settings,
                     writer=writer)
    if params.compare_period is None and params.compare_filters is None:
        return left
    right_filters = params.compare_filters if params.compare_filters is not None else params.filters
    right_period = params.compare_period if params.compare_period is not None else params.period
    right = build_map(store, right_period, right_filters, feedback=feedback, settings=settings,
                      writer=writer)
    if params.compare_filters is not None and params.compare_period is None:
        labels = (left.who, right.who)
    elif params.compare_filters is None:
        labels = (left.period_label, right.period_label)
    else:
        labels = (f"{left.who}, {left.period_label}", f"{right.who}, {right.period_label}")
    return compare_maps(left, right, *labels)
