"""The journey analyses select customers and breakdown groups with their own SQL (cheaper at
millions of events); it must mean exactly what tools/analytics/filters.py means."""

from __future__ import annotations

import pytest
from journey_fixtures import load_events

from tools.analytics.filters import Filters, cohort_sql, dimension_sql, validate_filters
from tools.analytics.scope import (
    CRM_DIMENSIONS,
    breakdown_join,
    cohort_clause,
    cohort_parts,
    validate_journey_filters,
)
from tools.core.errors import ToolInputError

EVENTS = """customer_id,ts,touchpoint,channel
C1,2026-05-01 10:00,product_view,instagram
C1,2026-05-02 10:00,product_view,search
C2,2026-05-01 09:00,product_view,search
C3,2026-05-03 09:00,ad_click,
C3,2026-05-03 10:00,ad_click,facebook
C4,2026-05-03 09:00,product_view,Instagram
"""
CUSTOMERS = """customer_id,segment,city,region,acquisition_channel,age_band
C1,vip,Bristol,South West,instagram,25-34
C2,,Bath,South West,search,
C3,vip,Bath,,word of mouth,35-44
C5,lead,Leeds,North,,
"""


@pytest.fixture
def people(store, tmp_path):
    (tmp_path / "c.csv").write_text(CUSTOMERS)
    from tools.data.ingest import ingest_file

    ingest_file(store, "customers", tmp_path / "c.csv")
    load_events(store, tmp_path, EVENTS)
    return store


def ours(store, filters: Filters) -> list[str]:
    clause, params = cohort_clause(cohort_parts(filters))
    sql = "SELECT customer_id FROM (SELECT customer_id FROM customers UNION SELECT customer_id FROM events) " \
          "WHERE TRUE" + clause + " ORDER BY 1"
    return store.query(sql, params).customer_id.tolist()


def theirs(store, filters: Filters) -> list[str]:
    sql, params = cohort_sql(filters)
    return sorted(store.query(sql, params).customer_id)


@pytest.mark.parametrize("filters", [
    Filters(channel=["instagram"]),
    Filters(channel=["search", "facebook"]),
    Filters(segment=["vip"]),
    Filters(segment=["vip"], city=["Bath"]),
    Filters(region=["South West"], channel=["search"]),
    Filters(acquisition_channel=["word_of_mouth"]),
    Filters(age_band=["25-34", "35-44"], channel=["instagram"]),
])
def test_cohorts_match_the_shared_filters(people, filters):
    fixed = validate_filters(people, filters)
    assert validate_journey_filters(_con(people), filters) == fixed
    assert ours(people, fixed) == theirs(people, fixed)


def test_breakdown_values_match_the_shared_dimensions_for_customers_with_events(people):
    for dimension in ("channel", *CRM_DIMENSIONS):
        join, value = breakdown_join(dimension)
        got = people.query(
            f"SELECT r.c AS customer_id, {value} AS value FROM (SELECT customer_id AS c, "
            f"arg_min(channel, ts) AS ft FROM events GROUP BY 1) r {join} ORDER BY 1")
        want = people.query(
            f"SELECT customer_id, value FROM ({dimension_sql(dimension)}) d "
            "WHERE customer_id IN (SELECT customer_id FROM events) ORDER BY 1")
        assert got.to_dict("records") == want.to_dict("records"), dimension


def test_unknown_values_list_the_known_ones(people):
    with pytest.raises(ToolInputError, match="Unknown city 'Bristl'; known values: Bath, Bristol, Leeds"):
        validate_journey_filters(_con(people), Filters(city=["Bristl"]))
    with pytest.raises(ToolInputError, match="No saved persona named 'Regulars'; saved personas: none yet"):
        validate_journey_filters(_con(people), Filters(persona="Regulars"))


def _con(store):
    # The in-memory store keeps one connection; the analyses use it the same way.
    with store.connect() as con:
        return con
