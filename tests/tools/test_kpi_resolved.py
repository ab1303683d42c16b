"""Tickets resolved, the share of a period's tickets resolved by its end, and the backlog's change
(opened minus resolved): "how many tickets did we close last month?", "what share got sorted?",
"are we closing them faster than they come in?". Each is checked against pandas reading the raw
files here (the Zendesk export, the demo sample's tickets.csv), with the meaning of each column
spelled out in the test, never journeybot's code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from kpi_fixtures import load
from sample_cache import sample_store

from tools.alerts.series import KpiSeriesProvider, Scope
from tools.analytics.compare import CompareParams, compare
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.analytics.trends import kpi_series
from tools.core.errors import NoDataError, ToolInputError
from tools.data.store import JourneyStore
from tools.data.vendors.load import ingest_export

VENDORS = Path(__file__).resolve().parents[1] / "fixtures" / "vendors"
LONDON = ZoneInfo("Europe/London")
MARCH = Period(start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 31))
FLOW = ["resolved_tickets", "resolution_rate", "backlog_change"]


@pytest.fixture(scope="module")
def desk() -> JourneyStore:
    s = JourneyStore(None, timezone="Europe/London")
    ingest_export(s, VENDORS / "zendesk/tickets.csv")
    yield s
    s.close()


def zendesk() -> pd.DataFrame:
    """Opened = "Created at", resolved = "Solved at" (empty while New, Open, Pending or Hold)."""
    d = pd.read_csv(VENDORS / "zendesk/tickets.csv", dtype=str, keep_default_na=False)
    at = lambda c: pd.to_datetime(d[c].replace("", None), format="%Y-%m-%d %H:%M:%S %z", utc=True)  # noqa: E731
    return pd.DataFrame({"opened": at("Created at"), "solved": at("Solved at")})


def midnight(day: dt.date) -> pd.Timestamp:
    return pd.Timestamp(dt.datetime.combine(day, dt.time(), LONDON))


def values(result):
    return {v.metric: v for v in result.values}


def expected(t: pd.DataFrame, first: dt.date, last: dt.date) -> dict[str, float]:
    """Resolved: solved in the period, whenever opened. Rate: of those opened in it, solved
    before its end. Backlog change: opened in it minus solved in it."""
    start, end = midnight(first), midnight(last + dt.timedelta(days=1))
    opened = (t.opened >= start) & (t.opened < end)
    solved = (t.solved >= start) & (t.solved < end)
    return {"resolved_tickets": int(solved.sum()),
            "resolution_rate": float((opened & (t.solved < end)).sum() / opened.sum()),
            "backlog_change": int(opened.sum() - solved.sum()), "opened": int(opened.sum())}


def test_zendesk_tickets_resolved_rate_and_backlog_match_pandas(desk):
    t = zendesk()
    for first, last in ((dt.date(2025, 3, 10), dt.date(2025, 3, 23)), (MARCH.start, MARCH.end),
                        (dt.date(2025, 4, 1), dt.date(2025, 4, 30))):
        want = expected(t, first, last)
        start, end = midnight(first), midnight(last + dt.timedelta(days=1))
        # tickets opened before the period and solved in it, and opened in it and solved after:
        # the three numbers differ from each other and from the tickets opened
        if first.day == 10:
            assert ((t.opened < start) & (t.solved >= start)).any()
            assert ((t.opened < end) & (t.solved >= end)).any()
            assert want["resolved_tickets"] != want["opened"]
        r = kpis(desk, KpiParams(period=Period(start=first, end=last), metrics=FLOW))
        got = values(r)
        assert got["resolved_tickets"].value == want["resolved_tickets"], first
        assert got["resolution_rate"].value == pytest.approx(want["resolution_rate"]), first
        assert got["resolution_rate"].n == want["opened"]
        assert got["backlog_change"].value == want["backlog_change"], first
        notes = " ".join(r.provenance.notes)
        assert "dated by the day each was resolved, not opened" in notes
        assert f"{want['opened']} opened - {want['resolved_tickets']} resolved" in notes


def test_backlog_change_is_the_change_in_open_tickets(desk):
    feb = values(kpis(desk, KpiParams(period=Period(start=dt.date(2025, 2, 1), end=dt.date(2025, 2, 28)),
                                      metrics=["open_tickets"])))["open_tickets"].value
    march = values(kpis(desk, KpiParams(period=MARCH, metrics=["open_tickets", "backlog_change"])))
    assert march["open_tickets"].value - feb == march["backlog_change"].value


def test_each_week_of_a_series_counts_its_own_resolutions_and_its_own_end(desk):
    t = zendesk()
    march = Period(start=dt.date(2025, 3, 3), end=dt.date(2025, 3, 30))
    got = kpi_series(desk, FLOW, period=march, grain="week")
    for row in got.itertuples():
        want = expected(t, row.bucket, row.bucket + dt.timedelta(days=6))
        if row.metric == "resolution_rate" and not want["opened"]:
            continue
        assert row.value == pytest.approx(want[row.metric]), (row.bucket, row.metric)


def test_a_ticket_opened_in_october_and_resolved_in_november_counts_in_november(store, tmp_path):
    load(store, tmp_path / "t", {"tickets": "ticket_id,customer_id,created_at,resolved_at\n"
                                            "T1,A,2026-10-30 09:00,2026-11-02 10:00\n"
                                            "T2,B,2026-11-03 10:00,2026-11-03 12:00\n"
                                            "T3,C,2026-11-20 10:00,\n"
                                            "T4,D,2026-11-29 10:00,2026-12-01 09:00\n"})
    october = values(kpis(store, KpiParams(period=Period(start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31)),
                                           metrics=FLOW)))
    november = values(kpis(store, KpiParams(period=Period(start=dt.date(2026, 11, 1), end=dt.date(2026, 11, 30)),
                                            metrics=FLOW)))
    assert october["resolved_tickets"].value == 0
    assert october["backlog_change"].value == 1
    assert november["resolved_tickets"].value == 2  # T1 (opened in October) and T2
    # of November's three, T2 was resolved by the end of November; T4 only in December
    assert november["resolution_rate"].value == pytest.approx(1 / 3)
    assert november["backlog_change"].value == 1


def test_without_any_resolution_time_they_are_refused_never_zero(store, tmp_path):
    load(store, tmp_path / "t", {
        "tickets": "ticket_id,customer_id,created_at\nT1,A,2026-05-04 09:00\nT2,B,2026-05-05 10:00\n"})
    for metric in FLOW:
        with pytest.raises(NoDataError, match="resolution"):
            kpis(store, KpiParams(period=Period(start=dt.date(2026, 5, 4), end=dt.date(2026, 5, 5)),
                                  metrics=[metric]))


def test_sample_numbers_match_pandas_over_its_tickets_csv():
    s, folder = sample_store()
    raw = pd.read_csv(folder / "tickets.csv")
    t = pd.DataFrame({"opened": pd.to_datetime(raw.created_at, utc=True),
                      "solved": pd.to_datetime(raw.resolved_at, utc=True)})
    t["solved"] = t[["opened", "solved"]].max(axis=1).where(t.solved.notna())
    last = t.opened.max().tz_convert(LONDON).date()
    first = last.replace(day=1) - dt.timedelta(days=1)
    month = (first.replace(day=1), first)  # the last full month
    r = kpis(s, KpiParams(period=Period(start=month[0], end=month[1]), metrics=FLOW))
    got = values(r)
    want = expected(t, *month)
    assert want["resolved_tickets"] > 30
    assert got["resolved_tickets"].value == want["resolved_tickets"]
    assert got["resolution_rate"].value == pytest.approx(want["resolution_rate"])
    assert got["backlog_change"].value == want["backlog_change"]
    # this month runs to the last day of data: the rate says it reads low, not flattering
    now = kpis(s, KpiParams(period=Period(name="this_month"), metrics=["resolution_rate"]))
    assert any("it understates" in n for n in now.provenance.notes), now.provenance.notes


def test_compare_gives_a_net_change_no_percent(desk):
    r = compare(desk, CompareParams(metrics=["backlog_change"], period=MARCH))
    row = r.rows.iloc[0]
    assert row["relative_change"] is None or pd.isna(row["relative_change"])


def test_an_alert_on_tickets_watches_every_ticket_opened(desk):
    t = zendesk()
    p = KpiSeriesProvider(desk)
    got = p.daily("tickets", Scope(None, None), dt.date(2025, 2, 1), dt.date(2025, 4, 30))
    days = t.opened.dt.tz_convert(LONDON).dt.date
    want = days[(days >= dt.date(2025, 2, 1)) & (days <= dt.date(2025, 4, 30))].value_counts()
    by_day = dict(zip(got["date"], got["value"], strict=True))
    assert {d: v for d, v in by_day.items() if v} == {d: float(n) for d, n in want.items()}
    # the answered tickets, as rules on "tickets" counted before, are still there by their own name
    answered = p.daily("tickets_answered", Scope(None, None), dt.date(2025, 2, 1), dt.date(2025, 4, 30))
    assert answered["value"].sum() < got["value"].sum()
    with pytest.raises(ToolInputError, match="by the end of"):
        p.daily("resolution_rate", Scope(None, None), dt.date(2025, 2, 1), dt.date(2025, 4, 30))


def test_freshdesk_months_match_pandas_over_the_export(store):
    """Freshdesk: opened = "Created time", resolved = "Resolved time", else "Closed time" (a ticket
    closed without being marked resolved), both on the business's clock (no offset written)."""
    ingest_export(store, VENDORS / "freshdesk/tickets.csv")
    d = pd.read_csv(VENDORS / "freshdesk/tickets.csv", dtype=str, keep_default_na=False)
    at = lambda c: pd.to_datetime(d[c].replace("", None)).dt.tz_localize(LONDON)  # noqa: E731
    t = pd.DataFrame({"opened": at("Created time"), "solved": at("Resolved time").fillna(at("Closed time"))})
    crossed = 0
    for month in (2, 3, 4):
        first = dt.date(2025, month, 1)
        last = dt.date(2025, month + 1, 1) - dt.timedelta(days=1)
        want = expected(t, first, last)
        got = values(kpis(store, KpiParams(period=Period(start=first, end=last), metrics=FLOW)))
        assert got["resolved_tickets"].value == want["resolved_tickets"], month
        assert got["resolution_rate"].value == pytest.approx(want["resolution_rate"]), month
        assert got["backlog_change"].value == want["backlog_change"], month
        crossed += want["resolved_tickets"] != want["opened"]
    assert crossed  # months where closures and openings differ: not the same count twice


def test_a_stored_rule_on_tickets_still_loads_and_judges_every_ticket_opened(desk, tmp_path):
    from tools.alerts.evaluate import evaluate
    from tools.alerts.rules import AlertRule
    from tools.alerts.store import AlertStore

    saved = AlertStore(tmp_path / "state.sqlite")
    saved.add_rule(AlertRule(id="many-tickets", metric="tickets", comparison="above", value=3), source="chat")
    [stored] = AlertStore(tmp_path / "state.sqlite").stored_rules()
    assert stored.rule.metric == "tickets"
    day = dt.date(2025, 3, 12)
    finding = evaluate(KpiSeriesProvider(desk), stored.rule, day)
    t = zendesk()
    opened = int((t.opened.dt.tz_convert(LONDON).dt.date == day).sum())
    assert finding.label == "Support tickets"
    assert finding.value == opened


def test_all_data_runs_to_the_last_resolution_not_the_last_ticket_opened(desk):
    """The desk's data ends when its last ticket was resolved: tickets solved after the last one
    was opened (here in the small hours of 1 May, London time) were lost from 'all data' and
    still counted as open."""
    t = zendesk()
    last_opened = t.opened.max().tz_convert(LONDON).date()
    last_solved = t.solved.max().tz_convert(LONDON).date()
    assert last_solved > last_opened  # the case this is about
    r = kpis(desk, KpiParams(period=Period(name="all"), metrics=[*FLOW, "open_tickets", "resolution_time"]))
    got = values(r)
    assert r.last_day == last_solved
    assert got["resolved_tickets"].value == t.solved.notna().sum()
    assert got["open_tickets"].value == t.solved.isna().sum()
    assert got["resolution_rate"].value == pytest.approx(t.solved.notna().sum() / len(t))
    assert got["backlog_change"].value == len(t) - t.solved.notna().sum()
    assert got["resolution_time"].n == t.solved.notna().sum()


def test_a_desks_digest_reports_on_the_last_day_a_ticket_was_opened(store, tmp_path):
    """A desk with nothing but tickets (twcs) whose last ticket was resolved a day after the last
    one was opened: its data runs to the resolution, but the digest reports on the last day with
    tickets opened, not on a day with none to report (every KPI line was left out)."""
    from tools.digest.compose import digest

    load(store, tmp_path / "t", {"tickets": "ticket_id,customer_id,created_at,first_response_at,resolved_at\n"
                                            "T1,A,2026-05-01 09:00,2026-05-01 10:00,2026-05-01 12:00\n"
                                            "T2,B,2026-05-08 09:00,2026-05-08 11:00,2026-05-08 12:00\n"
                                            "T3,C,2026-05-08 10:00,2026-05-08 13:00,2026-05-09 09:00\n"})
    assert store.as_of("tickets") == dt.date(2026, 5, 9)
    got = digest(store, chart=False)
    assert got.day == dt.date(2026, 5, 8)
    reply = next(k for k in got.kpis if k.metric == "first_response_time")
    assert reply.now == "2.5 h"  # T2 and T3: 2 and 3 hours
    assert not [n for n in got.provenance.notes if n.startswith("KPIs left out")]
