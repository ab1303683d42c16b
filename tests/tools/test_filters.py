from __future__ import annotations

import pytest

from tools.analytics.filters import (
    Filters,
    cohort_sql,
    dimension_sql,
    known_values,
    validate_filters,
)
from tools.core.errors import ToolInputError
from tools.data.ingest import ingest_file


@pytest.fixture
def people(store, tmp_path):
    (tmp_path / "c.csv").write_text("customer_id,segment,city\nC1,vip,Bristol\nC2,,Bath\nC3,vip,Bath\n")
    (tmp_path / "e.csv").write_text(
        "customer_id,ts,touchpoint,channel\n"
        "C1,2026-05-01 10:00,product_view,instagram\nC1,2026-05-02 10:00,product_view,search\n"
        "C2,2026-05-01 09:00,product_view,search\nC4,2026-05-03 09:00,product_view,Instagram\n"
    )
    ingest_file(store, "customers", tmp_path / "c.csv")
    ingest_file(store, "events", tmp_path / "e.csv")
    return store


def ids(store, filters):
    sql, params = cohort_sql(filters)
    return sorted(store.query(sql, params).customer_id)


def test_channel_means_first_touch_and_includes_anonymous_visitors(people):
    assert ids(people, Filters(channel=["instagram"])) == ["C1", "C4"]  # "Instagram" stored as a code
    assert ids(people, Filters(channel=["search"])) == ["C2"]


def test_values_are_matched_case_insensitively_and_typos_list_valid_values(people):
    fixed = validate_filters(people, Filters(segment=["VIP"], city=["bath"]))
    assert fixed.segment == ["vip"] and fixed.city == ["Bath"]
    assert ids(people, fixed) == ["C3"]
    with pytest.raises(ToolInputError, match="known values: Bath, Bristol"):
        validate_filters(people, Filters(city=["Bristl"]))


def test_persona_filter_without_saved_personas_says_so(people):
    with pytest.raises(ToolInputError, match="none yet"):
        validate_filters(people, Filters(persona="The Regular"))


def test_breakdown_dimension_marks_unknown_values(people):
    df = people.query(dimension_sql("segment") + " ORDER BY customer_id")
    assert df.value.tolist() == ["vip", "(unknown)", "vip", "(unknown)"]
    assert known_values(people, "segment") == ["vip"]


def test_groups_held_names_the_dimensions_this_data_has_values_for(store, tmp_path):
    """The planner's "X is not in the loaded data; this data can be split by ..." read the
    planner's private cache; tools/ says which groups a store holds, one query."""
    from kpi_fixtures import load

    from tools.analytics.filters import DIMENSIONS, groups_held, known_values

    load(store, tmp_path / "crm", {
        "customers": "customer_id,city,segment\nC1,Leeds,\nC2,York,vip\nC3,,\n",
        "events": "customer_id,ts,touchpoint,channel\nC1,2026-05-01 10:00,website_visit,instagram\n",
    })
    held = groups_held(store)
    assert held == ("channel", "segment", "city")
    assert set(held) == {d for d in DIMENSIONS if known_values(store, d)}
