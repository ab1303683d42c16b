"""Each group's own level of a KPI ("revenue by town", "delivery time in Bath vs Bristol"):
movers ranked by value. Expectations are worked out by hand on the bakery slice
(tests/kpi_fixtures.py) and checked against the KPIs of each group asked for alone."""

from __future__ import annotations

import datetime as dt

import pytest
from kpi_fixtures import BAKERY, load

from tools.analytics.filters import Filters
from tools.analytics.kpis import kpi
from tools.analytics.movers import MoversParams, top_movers
from tools.analytics.periods import Period
from tools.core.errors import NoDataError

D = dt.date
MAY = Period(start=D(2026, 5, 4), end=D(2026, 5, 6))


@pytest.fixture
def bakery(store, tmp_path):
    load(store, tmp_path / "bakery", BAKERY)
    return store


def test_levels_rank_groups_by_their_own_value_and_list_small_ones(bakery):
    r = top_movers(bakery, MoversParams(metric="revenue", by="city", period=MAY, rank="value"))
    # 4-6 May, counted orders: O1 A (Bath) 20; O3 D (Bristol) 15; O4 B (Bristol) 12; O5 is cancelled.
    assert list(r.movers["group"]) == ["Bristol", "Bath"]
    assert list(r.movers["current"]) == [27.0, 20.0]
    assert r.current == 47.0
    text = r.to_text()
    # small groups are shown (marked), not left out as when ranking a change
    assert "Bristol" in text and "Bath" in text and "left out" not in text
    assert "fewer than 30 now" in text
    assert "57%" in text and "43%" in text  # a total's share is of the total: 27/47, 20/47


def test_each_level_is_the_kpi_of_that_group_alone(bakery):
    for metric in ("revenue", "orders", "aov", "nps"):
        r = top_movers(bakery, MoversParams(metric=metric, by="segment", period=MAY, rank="value"))
        for g in r.groups.itertuples():
            if g.group == "(unknown)":
                continue
            alone = kpi(bakery, metric, MAY, Filters(segment=[g.group])).headline
            assert g.current == pytest.approx(alone.value), (metric, g.group)
            assert g.n_current == alone.n, (metric, g.group)


def test_named_groups_are_shown_even_without_data(bakery):
    # 6 May: only O4 (B, Bristol). "Bath vs Bristol" shows Bath as no data rather than dropping it.
    day = Period(start=D(2026, 5, 6), end=D(2026, 5, 6))
    r = top_movers(bakery, MoversParams(metric="revenue", by="city", period=day, rank="value",
                                        filters=Filters(city=["Bath", "Bristol"])))
    assert list(r.movers["group"]) == ["Bristol", "Bath"]
    bath = next(line for line in r.to_text().splitlines() if line.startswith("Bath"))
    assert "no data" in bath
    # 5 May had Bristol's O3 only: Bath's column for the day before says no data, not 0 or "-"
    assert bath.split()[-1] == "*" and "no data" in bath.split("no data", 1)[1]
    # without naming them, a group with nothing in the period is left out
    r = top_movers(bakery, MoversParams(metric="revenue", by="city", period=day, rank="value"))
    assert list(r.movers["group"]) == ["Bristol"]


def test_levels_over_all_the_data_need_no_period_before(bakery):
    r = top_movers(bakery, MoversParams(metric="revenue", by="segment", period=Period(name="all"), rank="value"))
    # all the data: A 20 + 30 (vip), B 12 (vip), D 15 (regular)
    assert dict(zip(r.movers["group"], r.movers["current"], strict=True)) == {"vip": 62.0, "regular": 15.0}
    text = r.to_text()
    assert "before" not in text.splitlines()[3]  # the table has no "before" column
    assert " vs " not in r.provenance.period_label


def test_ranking_a_change_still_leaves_small_groups_out_but_names_them(bakery):
    r = top_movers(bakery, MoversParams(metric="revenue", by="segment", period=MAY, min_n=3))
    assert r.movers.empty
    text = r.to_text()
    assert "No group is big enough" in text and "The biggest of them now, too small to rank:" in text


def test_a_period_with_orders_but_none_completed_has_no_revenue_to_split(store, tmp_path):
    """Olist's last weeks hold only cancelled orders: 'which states buy the most?' showed
    'All groups together: R$ 0,00' and no group. It is no data, said as the KPIs say it, with
    the latest period of the same length that has completed orders."""
    load(store, tmp_path / "shop", {
        "customers": "customer_id,city\nA,Bath\nB,Bristol\n",
        "orders": "order_id,customer_id,ts,amount,status\n"
                  "O1,A,2026-05-01 10:00,20.00,completed\nO2,B,2026-05-20 10:00,35.00,cancelled\n"})
    late = Period(start=D(2026, 5, 15), end=D(2026, 5, 20))
    for rank in ("value", "change"):
        with pytest.raises(NoDataError) as err:
            top_movers(store, MoversParams(metric="revenue", by="city", period=late, rank=rank))
        assert str(err.value) == ("no completed orders in custom period (2026-05-15 to 2026-05-20); the latest "
                                  "6 days with completed orders are 2026-04-26 to 2026-05-01: ask about that period.")
    # the KPI of the period says the same
    assert kpi(store, "revenue", late).headline.no_data
