"""Every KPI of the catalog against its pandas twin (bench/cases_kpis.py, written from
docs/METRICS.md with plain filters and groupbys): the numbers `bench/analytics.py --check`
compares at 1M events, here on the small sample, where periods cut few rows and edges show."""

from __future__ import annotations

import pandas as pd
import pytest

from bench.cases_kpis import _kpi_frame, naive_kpis
from bench.frames import LazyFrames
from tools.analytics.kpi_catalog import METRICS
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period


@pytest.fixture(scope="module")
def sample():
    from sample_cache import bank_store

    return bank_store()


def test_every_kpi_has_a_twin(sample):
    twin = naive_kpis(LazyFrames(sample), "all")
    assert sorted(twin["metric"]) == sorted(METRICS)


@pytest.mark.parametrize("period", ["last_30_days", "last_7_days", "all"])
def test_every_kpi_is_the_twins_number(sample, period):
    from tools.analytics.kpi_catalog import DEFAULT_METRICS

    got = _kpi_frame(kpis(sample, KpiParams(period=Period(name=period))))
    want = naive_kpis(LazyFrames(sample), period)
    # the headline is every KPI but those asked for by name (checked below)
    want = want[want["metric"].isin(DEFAULT_METRICS)].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want, check_dtype=False, rtol=1e-9)


@pytest.mark.parametrize("period", ["last_30_days", "all"])
def test_the_kpis_asked_for_by_name_are_the_twins_numbers_too(sample, period):
    """The KPIs left out of the headline (repeat contacts) against the same twin, asked by name."""
    from tools.analytics.kpi_catalog import DEFAULT_METRICS

    named = sorted(set(METRICS) - set(DEFAULT_METRICS))
    assert named, "every KPI is in the headline: nothing asked by name to check"
    got = _kpi_frame(kpis(sample, KpiParams(period=Period(name=period), metrics=named)))
    want = naive_kpis(LazyFrames(sample), period)
    want = want[want["metric"].isin(named)].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want, check_dtype=False, rtol=1e-9)
