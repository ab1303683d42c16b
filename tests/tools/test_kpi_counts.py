"""The counts an owner asks for first: support tickets opened, tickets still open at the end of
a period, survey answers given. Each is checked against pandas reading the vendor's raw export
here (Zendesk tickets, Typeform responses), with the vendor's meaning of each column spelled
out in the test, never journeybot's code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from kpi_fixtures import load

from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.analytics.trends import kpi_series
from tools.core.errors import NoDataError
from tools.data.store import JourneyStore
from tools.data.vendors.load import ingest_export

VENDORS = Path(__file__).resolve().parents[1] / "fixtures" / "vendors"
LONDON = ZoneInfo("Europe/London")
FEBRUARY = Period(start=dt.date(2025, 2, 1), end=dt.date(2025, 2, 28))


@pytest.fixture(scope="module")
def desk() -> JourneyStore:
    s = JourneyStore(None, timezone="Europe/London")
    ingest_export(s, VENDORS / "zendesk/tickets.csv")
    ingest_export(s, VENDORS / "typeform/responses.csv")
    yield s
    s.close()


def zendesk() -> pd.DataFrame:
    """Opened = "Created at", resolved = "Solved at" (empty while New, Open, Pending or Hold)."""
    d = pd.read_csv(VENDORS / "zendesk/tickets.csv", dtype=str, keep_default_na=False)
    at = lambda c: pd.to_datetime(d[c].replace("", None), format="%Y-%m-%d %H:%M:%S %z", utc=True)  # noqa: E731
    return pd.DataFrame({"opened": at("Created at"), "solved": at("Solved at")})


def answers() -> pd.Series:
    """When each answer was given: a Typeform response when it was submitted ("Submit Date
    (UTC)"; started-only rows are not answers), a Zendesk satisfaction rating (Good or Bad)
    when its ticket was last updated ("Updated at", the closest time the export has)."""
    d = pd.read_csv(VENDORS / "typeform/responses.csv", dtype=str, keep_default_na=False)
    done = pd.to_datetime(d.loc[d["Submit Date (UTC)"] != "", "Submit Date (UTC)"], utc=True)
    z = pd.read_csv(VENDORS / "zendesk/tickets.csv", dtype=str, keep_default_na=False)
    rated = z.loc[z["Satisfaction Score"].str.lower().isin(["good", "bad"]), "Updated at"]
    return pd.concat([done, pd.to_datetime(rated, format="%Y-%m-%d %H:%M:%S %z", utc=True)])


def midnight(day: dt.date) -> pd.Timestamp:
    return pd.Timestamp(dt.datetime.combine(day, dt.time(), LONDON))


def values(result):
    return {v.metric: v for v in result.values}


def test_tickets_count_those_opened_in_the_period(desk):
    t = zendesk()
    start, end = midnight(dt.date(2025, 2, 1)), midnight(dt.date(2025, 3, 1))
    want = int(((t.opened >= start) & (t.opened < end)).sum())
    v = values(kpis(desk, KpiParams(period=FEBRUARY, metrics=["tickets"])))["tickets"]
    assert want > 0
    assert (v.value, v.n) == (want, want)


def test_open_tickets_are_those_opened_by_the_end_and_not_solved_by_it(desk):
    t = zendesk()
    end = midnight(dt.date(2025, 3, 1))
    want = int(((t.opened < end) & (t.solved.isna() | (t.solved >= end))).sum())
    # tickets solved after February were open at its end: not the same as "still open now"
    assert want != int(t.solved.isna().sum())
    r = kpis(desk, KpiParams(period=FEBRUARY, metrics=["open_tickets"]))
    assert values(r)["open_tickets"].value == want
    # a count at the period's end, and the answer says so
    assert any(n.startswith("open tickets: counted at the end of 2025-02-28:") for n in r.provenance.notes), r.provenance.notes


def test_open_tickets_of_each_week_are_counted_at_the_end_of_that_week(desk):
    t = zendesk()
    march = Period(start=dt.date(2025, 3, 3), end=dt.date(2025, 3, 30))
    got = kpi_series(desk, ["open_tickets"], period=march, grain="week")
    assert len(got) == 4
    for bucket, value in zip(got["bucket"], got["value"], strict=True):
        end = midnight(bucket + dt.timedelta(days=7))
        want = int(((t.opened < end) & (t.solved.isna() | (t.solved >= end))).sum())
        assert value == want, bucket


def test_survey_responses_count_every_answer_given_in_the_period(desk):
    ts = answers()
    for first, last in ((dt.date(2025, 2, 1), dt.date(2025, 2, 28)), (dt.date(2025, 4, 1), dt.date(2025, 5, 31))):
        start, end = midnight(first), midnight(last + dt.timedelta(days=1))
        want = int(((ts >= start) & (ts < end)).sum())
        v = values(kpis(desk, KpiParams(period=Period(start=first, end=last),
                                        metrics=["survey_responses"])))["survey_responses"]
        assert want > 0
        assert v.value == want, first


def test_open_tickets_without_any_resolution_time_are_not_computed_never_zero(store, tmp_path):
    load(store, tmp_path / "t", {
        "tickets": "ticket_id,customer_id,created_at\nT1,A,2026-05-04 09:00\nT2,B,2026-05-05 10:00\n"})
    with pytest.raises(NoDataError, match="resolution"):
        kpis(store, KpiParams(period=Period(start=dt.date(2026, 5, 4), end=dt.date(2026, 5, 5)),
                              metrics=["open_tickets"]))
    v = values(kpis(store, KpiParams(period=Period(start=dt.date(2026, 5, 4), end=dt.date(2026, 5, 5)),
                                     metrics=["tickets"])))["tickets"]
    assert v.value == 2


def test_survey_answers_say_how_many_hold_a_csat_and_an_nps_score(desk):
    # Typeform: NPS from the "recommend" question, CSAT from the "how would you rate" one;
    # Zendesk: every Good or Bad rating is a CSAT answer (no NPS).
    d = pd.read_csv(VENDORS / "typeform/responses.csv", dtype=str, keep_default_na=False)
    d = d[d["Submit Date (UTC)"] != ""]
    nps_col = next(c for c in d.columns if "recommend" in c.lower())
    csat_col = next(c for c in d.columns if c.lower().startswith("how would you rate"))
    z = pd.read_csv(VENDORS / "zendesk/tickets.csv", dtype=str, keep_default_na=False)
    rated = int(z["Satisfaction Score"].str.lower().isin(["good", "bad"]).sum())
    everything = Period(name="all")
    r = kpis(desk, KpiParams(period=everything, metrics=["survey_responses"]))
    want = (f"survey answers: {len(d) + rated}, of which {int((d[csat_col] != '').sum()) + rated} with a CSAT "
            f"score and {int((d[nps_col] != '').sum())} with an NPS score")
    assert any(n.startswith(want) for n in r.provenance.notes), (want, r.provenance.notes)


def test_support_periods_end_on_the_tickets_last_day_not_the_last_event(store, tmp_path):
    """METRICS.md: relative periods end on the last day with data for the table the KPI reads,
    and a desk's data runs to its last ticket opened, answered or resolved (T4's resolution on
    12 May, not its opening on the 10th, which lost T4's resolution and counted it as open). Here
    the web events run eight days past that (20 May)."""
    load(store, tmp_path / "late_events", {
        "customers": "customer_id\nA\nB\nC\nD\n",
        "events": "customer_id,ts,touchpoint\nA,2026-05-01 09:00,page_view\nA,2026-05-20 09:00,page_view\n",
        "tickets": "ticket_id,customer_id,created_at,first_response_at,resolved_at\n"
                   "T1,A,2026-05-01 09:00,2026-05-01 10:00,2026-05-01 12:00\n"
                   "T2,B,2026-05-05 09:00,2026-05-05 11:00,2026-05-06 09:00\n"
                   "T3,C,2026-05-09 09:00,2026-05-09 13:00,2026-05-09 18:00\n"
                   "T4,D,2026-05-10 09:00,2026-05-10 17:00,2026-05-12 09:00\n"})
    week = values(kpis(store, KpiParams(period=Period(name="last_7_days"),
                                        metrics=["tickets", "first_response_time"])))
    # 6 May to 12 May: T3 and T4 (the 7 days to the last event, 14-20 May, hold none; the 7
    # days to the last ticket opened, 4-10 May, T2 as well)
    assert week["tickets"].value == 2
    assert (week["first_response_time"].value, week["first_response_time"].n) == (6.0, 2)  # 4, 8 hours
    everything = values(kpis(store, KpiParams(period=Period(name="all"), metrics=["open_tickets"])))
    assert everything["open_tickets"].value == 0  # T4 was resolved on the 12th, the desk's last day
