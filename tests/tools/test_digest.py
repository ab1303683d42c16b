"""The digest on the sample data: the right periods, the sections from their tools, and a
summary that names the move that matters."""

from __future__ import annotations

import datetime as dt

import pytest
from sample_cache import sample_store

from tools.analytics.compare import CompareParams, compare
from tools.analytics.periods import Period
from tools.core.errors import NoDataError
from tools.digest.compose import DigestParams, digest, digest_periods

BREAKAGE_DAY_2 = dt.date(2026, 9, 1)  # a Tuesday in the checkout breakage (docs/SAMPLE_DATA.md)


@pytest.fixture(scope="module")
def store():
    return sample_store()[0]


def test_daily_compares_with_the_same_weekday_and_weekly_with_the_week_before():
    day = dt.date(2026, 9, 1)
    assert digest_periods("daily", day) == (Period(start=day, end=day),
                                            Period(start=dt.date(2026, 8, 25), end=dt.date(2026, 8, 25)))
    assert digest_periods("weekly", day) == (Period(start=dt.date(2026, 8, 26), end=day),
                                             Period(start=dt.date(2026, 8, 19), end=dt.date(2026, 8, 25)))


def test_the_checkout_breakage_day(store):
    result = digest(store, DigestParams(date=BREAKAGE_DAY_2), business="Crumb & Co.",
                    open_alerts=["High alert: Session conversion dropped to 7.1%"])
    assert result.title() == "Daily journey digest — Crumb & Co., Tue 1 Sep 2026"
    assert (result.period_label, result.previous_label) == ("Tue 1 Sep", "Tue 25 Aug")
    # the KPI lines are the compare tool's numbers for exactly those two days
    rows = compare(store, CompareParams(metrics=["session_conversion"], period=Period(start=BREAKAGE_DAY_2, end=BREAKAGE_DAY_2),
                                        against=Period(start=dt.date(2026, 8, 25), end=dt.date(2026, 8, 25)))).rows
    line = next(k for k in result.kpis if k.metric == "session_conversion")
    assert line.now == f"{rows.iloc[0]['current'] * 100:.1f}%" and line.direction == "down"
    assert line.change.startswith("↓ ") and line.assessment == "worse"
    # the summary leads with the largest move the wrong way that the alerts find unusual
    worst = max((k for k in result.kpis if k.assessment == "worse" and k.unusual and not k.small_sample),
                key=lambda k: abs(k.relative))
    verb = "rose to" if worst.direction == "up" else "fell to"
    assert worst.metric == "cart_abandonment"
    assert result.summary.startswith(f"{worst.label} {verb} {worst.now}, {worst.change}: unusual for a Tuesday "
                                     f"(usual {worst.usual})")
    assert "1 open alert: High alert: Session conversion dropped to 7.1%." in result.summary
    assert "customers entered at awareness in the last 7 days" in result.funnel
    assert "reached purchase within 30 days (funnel conversion). Biggest drop-off:" in result.funnel
    assert result.risk is None  # churn scores describe the end of the data, not 1 September
    assert any("feedback store is not set up" in n for n in result.notes)
    assert result.chart is not None and result.chart.dates[-1] == BREAKAGE_DAY_2 and len(result.chart.dates) == 28
    text = result.to_text()
    for heading in ("KPIs:", "Funnel:", "Open alerts:", "Tue 1 Sep vs Tue 25 Aug"):
        assert heading in text


def test_weekly_and_no_digest_after_the_data(store):
    weekly = digest(store, DigestParams(cadence="weekly", date=BREAKAGE_DAY_2))
    assert (weekly.period_label, weekly.previous_label) == ("Wed 26 Aug – Tue 1 Sep", "the 7 days before")
    with pytest.raises(NoDataError, match="The data ends on 2026-11-15; there is no digest for 2026-12-01 yet"):
        digest(store, DigestParams(date=dt.date(2026, 12, 1)))


def test_orders_still_pending_on_the_last_day_are_said_not_hidden(store):
    """The export's last day has orders not fulfilled yet (deliveries on their way, pickups for
    later): they are not revenue yet, and the digest says how many, so a low day is not read as
    a bad one."""
    last = store.as_of()
    result = digest(store, DigestParams(date=last), business="Crumb & Co.")
    revenue = next(k for k in result.kpis if k.metric == "revenue")
    rows = compare(store, CompareParams(metrics=["orders"], period=Period(start=last, end=last),
                                        against=Period(start=last - dt.timedelta(days=7),
                                                       end=last - dt.timedelta(days=7)))).rows
    pending = int(rows.iloc[0]["excluded_current"])
    assert pending > 0 and revenue.pending == pending
    assert f"(+{pending:,} order{'s' if pending != 1 else ''} still pending)" in revenue.to_text()
    # on this sample revenue is the biggest move that day, yet within what a Sunday can bring:
    # the summary says so, as `alerts check` does, instead of leading with it as bad news
    assert result.summary.startswith("Nothing is outside its usual range for a Sunday. Largest change: "
                                     f"Revenue fell to {revenue.now}, {revenue.change} ({pending:,} more "
                                     f"order{'s' if pending != 1 else ''} still pending)")
    assert f"within its usual range (usual {revenue.usual})" in result.summary and revenue.usual.startswith(("£0 – ", "£0.00 – "))


@pytest.mark.parametrize("day", [BREAKAGE_DAY_2, dt.date(2026, 11, 15), dt.date(2026, 10, 5)])
def test_the_digest_and_the_alerts_agree_on_what_is_unusual(store, day):
    """One judgement: a KPI the digest calls unusual is one `alerts check` puts outside its usual
    range, and every rule that fires is a KPI the digest calls unusual."""
    from tools.alerts.check import check_rules
    from tools.alerts.rules import STARTER_RULES
    from tools.alerts.series import STEP_FROM_STAGE, KpiSeriesProvider

    result = digest(store, DigestParams(date=day))
    checked = check_rules(KpiSeriesProvider(store), list(STARTER_RULES), day)
    daily = {(STEP_FROM_STAGE[f.scope["stage"]] if "stage" in f.scope else f.metric): f
             for f in checked.findings if f.window_days == 1 and "/" not in f.rule_id}
    lines = {k.metric: k for k in result.kpis}
    shared = set(daily) & set(lines)
    assert {"revenue", "orders", "session_conversion", "conversion_purchase"} <= shared
    for metric in shared:
        f, line = daily[metric], lines[metric]
        if f.judged:
            assert line.unusual == f.outside_usual_range, metric
        if f.breach:
            assert line.unusual and line.label in result.summary.split(". Good news")[0], metric


def test_a_support_desk_without_orders_or_events_gets_its_digest(tmp_path):
    """twcs holds tickets only: 'how are we doing?' answered 'the journey store is empty'. The
    digest reports on the last day of tickets, with the support KPIs it can compute."""
    from tools.data.ingest import ingest_file
    from tools.data.mapping import Mapping
    from tools.data.store import JourneyStore

    desk = JourneyStore(None, timezone="UTC")
    (tmp_path / "tickets.csv").write_text(
        "ticket_id,customer_id,created_at,first_response_at\n"
        "T1,A,2017-11-25 10:00,2017-11-25 11:00\n"       # a week before: 1 h
        "T2,B,2017-12-02 09:00,2017-12-02 09:30\n"       # the last day: 0.5 h, 2 h, 4 h
        "T3,C,2017-12-02 10:00,2017-12-02 12:00\n"
        "T4,D,2017-12-02 11:00,2017-12-02 15:00\n")
    ingest_file(desk, "tickets", tmp_path / "tickets.csv", Mapping(table="tickets", unknown_customers="create"))
    assert desk.as_of() is None  # no events or orders
    result = digest(desk, DigestParams(), business="Desk")
    assert result.day == dt.date(2017, 12, 2)
    [line] = [k for k in result.kpis if k.metric == "first_response_time"]
    assert (line.now, line.before) == ("2.0 h", "1.0 h")  # medians of (0.5, 2, 4) h and (1) h
    # The only move rests on 3 tickets: not judged, but not hidden behind "No KPI moved much"
    # (the real twcs digest said so above a first reply 8.3 h slower).
    assert line.small_sample and line.assessment == "worse"
    assert "First response (median) rose to 2.0 h from 1.0 h" in result.summary
    assert "from a small sample: read it as rough" in result.summary
    # said as the two values, not as a percentage of a tiny base (twcs read "+1760% worse"),
    # and not judged worse on the KPI line either
    assert "%" not in result.summary
    assert line.change == "↑ 1.0 h -> 2.0 h"
    shown = line.to_text()
    assert "%" not in shown and "worse" not in shown and "(small sample)" in shown
    assert "No KPI moved much," not in result.summary


def test_three_orders_against_four_are_rough_not_good_news(tmp_path):
    """A new till export: 4 orders on the last day against 3 the same weekday before. Orders and
    revenue rose, but on 7 orders that is chance: flagged, never the opening line's good news."""
    from tools.data.ingest import ingest_file
    from tools.data.mapping import Mapping
    from tools.data.store import JourneyStore

    shop = JourneyStore(None, timezone="UTC")
    rows = ([f"A{i},C{i},2026-03-03 1{i}:00,20" for i in range(3)]      # Tuesday a week before: 3
            + [f"B{i},D{i},2026-03-10 1{i}:00,30" for i in range(4)])   # the last day, Tuesday: 4
    (tmp_path / "orders.csv").write_text("order_id,customer_id,ts,amount\n" + "\n".join(rows) + "\n")
    ingest_file(shop, "orders", tmp_path / "orders.csv", Mapping(table="orders", unknown_customers="create"))
    result = digest(shop, DigestParams(), business="Till")
    assert result.day == dt.date(2026, 3, 10)
    lines = {k.metric: k for k in result.kpis}
    assert (lines["orders"].now, lines["orders"].before) == ("4", "3")
    assert lines["orders"].small_sample and lines["revenue"].small_sample
    assert "Best news" not in result.summary and "Good news" not in result.summary
    assert "read it as rough" in result.summary


def test_data_dated_by_month_only_says_its_day_is_a_whole_month(tmp_path, store):
    """UCI's sessions are dated on the 1st of their month: the daily digest of 'Fri 1 Dec'
    compared all of December with a day holding nothing, and did not say so; then said so, and
    now reports on December against November."""
    from tools.data.ingest import ingest_file
    from tools.data.mapping import Mapping
    from tools.data.store import JourneyStore

    shop = JourneyStore(None, timezone="UTC")
    (tmp_path / "events.csv").write_text(
        "customer_id,ts,touchpoint,session_id\n"
        + "".join(f"V{i},2017-{m:02d}-01,product_view,S{i}\n" for i, m in enumerate([10, 11, 11, 12, 12, 12])))
    ingest_file(shop, "events", tmp_path / "events.csv", Mapping(table="events", unknown_customers="create"))
    result = digest(shop, DigestParams(), business="Shop")
    assert result.day == dt.date(2017, 12, 1)
    # (lane real27b) it reports on the month it reads, against the month before, not on a day
    assert (result.period_label, result.previous_label, result.grain) == ("Dec 2017", "Nov 2017", "month")
    assert result.title() == "Daily journey digest — Shop, Dec 2017 (the data is dated by month)"
    assert any(n.startswith("the journey events are dated by month only") and "reports on Dec 2017" in n
               for n in result.notes), result.notes
    assert "Fri" not in result.to_text() and "last 7 days" not in result.to_text()
    # and the opening line does not call a comparison with an empty day "no move" (UCI's digest
    # said "No KPI moved much, Fri 1 Dec against Fri 24 Nov" above a session conversion with no
    # day to compare with)
    from tools.digest.compose import KpiLine
    from tools.digest.summary import opening_lines

    alone = KpiLine("session_conversion", "Session conversion", "12.5%", "-", "", None, None, None, False)
    assert opening_lines((alone,), None, (), "Fri 1 Dec", "Fri 24 Nov", dt.date(2017, 12, 1)) == \
        "No KPI can be compared: Fri 24 Nov has no data for them."
    steady = KpiLine("orders", "Orders", "10", "10", "→ no change", "flat", "same", 0.0, False)
    assert opening_lines((steady,), None, (), "Fri 1 Dec", "Fri 24 Nov") == "No KPI moved much, Fri 1 Dec against Fri 24 Nov."
    # data dated by the minute (the sample) says nothing of the kind
    assert not any("dated by month only" in n for n in digest(store, DigestParams(date=BREAKAGE_DAY_2),
                                                              business="Crumb & Co.").notes)


def test_a_customer_list_alone_is_not_called_an_empty_store(tmp_path):
    """A CRM export loaded on its own: the digest said "the journey store is empty", which tells
    the owner their load failed. It says what is held and what a digest needs instead."""
    from tools.data.ingest import ingest_file
    from tools.data.mapping import Mapping
    from tools.data.store import JourneyStore

    crm = JourneyStore(None, timezone="UTC")
    rows = [f"C{i},2026-0{1 + i % 3}-1{i % 10} 10:00,Leeds" for i in range(15)]
    (tmp_path / "customers.csv").write_text("customer_id,first_seen,city\n" + "\n".join(rows) + "\n")
    ingest_file(crm, "customers", tmp_path / "customers.csv", Mapping(table="customers"))
    with pytest.raises(NoDataError) as err:
        digest(crm, DigestParams(), business="CRM")
    said = str(err.value)
    assert "empty" not in said
    assert f"holds {len(rows)} customers" in said
    assert "no orders, visits, support tickets or survey answers" in said
    assert "journeybot ingest orders" in said
