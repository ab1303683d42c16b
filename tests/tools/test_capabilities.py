"""What the data can answer: needs checked against the store, KPIs left out or refused with the
reason, and docs/METRICS.md listing what each KPI reads."""

from __future__ import annotations

import pytest
from conftest import REPO
from kpi_fixtures import load

from tools.analytics.capabilities import READS, capabilities, needs_text
from tools.analytics.kpi_catalog import METRICS
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.core.errors import NoDataError


def test_order_events_alone_make_no_web_sessions(store, tmp_path):
    load(store, tmp_path / "shop", {
        "customers": "customer_id\nA\nB\n",
        "orders": "order_id,customer_id,ts,amount\n1,A,2026-05-01 10:00,10\n2,B,2026-05-02 10:00,20\n",
        "events": "customer_id,ts,touchpoint,session_id\nA,2026-05-01 10:00,order_placed,1\n"
                  "B,2026-05-02 10:00,order_placed,2\nB,2026-05-03 10:00,delivery,2\n",
    })
    assert store.scalar("SELECT count(*) FROM sessions") == 0
    caps = capabilities(store)
    assert caps.metric("bounce_rate") == (False, caps.why_not("sessions"))
    assert caps.metric("revenue") == (True, "")
    r = kpis(store, KpiParams(period=Period(name="all")))
    assert "bounce_rate" in r.unavailable and "Bounce rate" in r.to_text()
    assert r.get("revenue").value == 30
    with pytest.raises(NoDataError, match="no web sessions"):
        kpis(store, KpiParams(metrics=["bounce_rate", "session_conversion"]))


def test_a_page_view_makes_a_visit_and_its_order_still_converts(store, tmp_path):
    load(store, tmp_path / "web", {
        "customers": "customer_id\nA\n",
        "events": "customer_id,ts,touchpoint,session_id\nA,2026-05-01 10:00,product_view,s1\n"
                  "A,2026-05-01 10:05,order_placed,s1\nA,2026-05-02 10:00,order_placed,s2\n",
    })
    v = kpis(store, KpiParams(metrics=["sessions", "session_conversion"], period=Period(name="all")))
    assert (v.get("sessions").value, v.get("session_conversion").value) == (1, 1.0)


def test_step_conversions_need_their_stages(store, tmp_path):
    load(store, tmp_path / "late", {
        "customers": "customer_id\nA\n",
        "events": "customer_id,ts,touchpoint\nA,2026-05-01 10:00,order_placed\nA,2026-05-02 10:00,delivery\n",
    })
    caps = capabilities(store)
    assert caps.stages == ("purchase", "post-purchase")
    assert caps.metric("conversion_post_purchase") == (True, "")
    assert caps.metric("conversion_decision") == (False, "no events at the consideration stage")
    assert caps.metric("conversion_advocacy") == (False, "no events at the advocacy stage or later")
    analyses = caps.analyses_frame().set_index("analysis")
    assert not analyses.loc["dropoffs", "available"] and "before buying" in analyses.loc["dropoffs", "reason"]


def test_an_empty_store_says_load_data_first(store):
    with pytest.raises(NoDataError, match="journeybot ingest"):
        kpis(store)


def test_metrics_md_lists_what_every_kpi_reads():
    doc = (REPO / "docs" / "METRICS.md").read_text(encoding="utf-8")
    for m in METRICS:
        assert f"| `{m}` | {READS[m]} | {needs_text(m)} |" in doc, m


def test_describe_rows_and_frames_agree_and_say_what_cannot_be_answered(store, tmp_path):
    """describe's text reads typed rows; the frames the agent and the tour read are made from
    them: same rows, same columns, and --json under the names it always had."""
    from tools.analytics.describe import describe_data

    load(store, tmp_path / "shop", {
        "customers": "customer_id\nA\nB\n",
        "orders": "order_id,customer_id,ts,amount\n1,A,2026-05-01 10:00,10\n2,B,2026-05-02 10:00,20\n",
        "events": "customer_id,ts,touchpoint,session_id\nA,2026-05-01 10:00,order_placed,1\n"
                  "B,2026-05-02 10:00,order_placed,2\nB,2026-05-03 10:00,delivery,2\n",
    })
    d = describe_data(store)
    assert [(s.stage, s.events, s.customers) for s in d.stage_rows] == [("purchase", 2, 2), ("post-purchase", 1, 1)]
    assert d.stages.values.tolist() == [["purchase", 2, 2], ["post-purchase", 1, 1]]
    assert list(d.touchpoints.columns) == ["touchpoint", "stage", "online", "events", "customers"]
    no_sessions = [k.label for k in d.kpi_rows if not k.available and k.reason == capabilities(store).why_not("sessions")]
    assert "Bounce rate" in no_sessions
    assert d.kpis[~d.kpis.available].label.tolist() == [k.label for k in d.kpi_rows if not k.available]
    text = d.to_text()
    assert f"  - {', '.join(no_sessions)}: {capabilities(store).why_not('sessions')}" in text
    data = d.to_dict()
    assert data["stages"][0] == {"stage": "purchase", "events": 2, "customers": 2}
    assert {"touchpoints", "channels", "kpis", "analyses"} <= set(data) and "stage_rows" not in data
