"""UCI online shoppers, 12,330 web sessions of one year: sessions, visitors, purchases and
conversion, by month, traffic type and visitor type. Every expected number is computed here
from the raw CSV (semicolon-separated) with pandas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from realdata import extract as x
from realdata.questions import Question, cached, cases

MIN_GROUP = 30  # a traffic type needs this many visitors to be called the best (the KPIs' small sample)


@cached
def sessions(raw: Path) -> pd.DataFrame:
    return pd.read_csv(raw / "online_shoppers_intention.csv", sep=";")


def best_traffic_type(raw: Path) -> str:
    s = sessions(raw)
    by = s.groupby("TrafficType").Revenue.agg(["mean", "size"])
    return f"traffic_type_{by[by['size'] >= MIN_GROUP]['mean'].idxmax()}"


QUESTIONS = [
    Question("sessions", "how many website sessions did we have in total?",
             ("kpis", "--metric", "sessions", "--period", "all"), lambda d: x.kpi(d, "sessions"),
             lambda raw: len(sessions(raw))),
    Question("visitors", "how many customers do we have?", ("describe",), lambda d: x.field(d, "customers"),
             lambda raw: len(sessions(raw))),  # no visitor ids: every session is a visitor
    Question("conversion", "what is our conversion rate over all our data?",
             ("kpis", "--metric", "purchase_conversion", "--period", "all"),
             lambda d: x.kpi(d, "purchase_conversion"), lambda raw: float(sessions(raw).Revenue.mean())),
    Question("buyers", "how many visitors bought something, over all our data?",
             ("kpis", "--metric", "purchase_conversion", "--period", "all"),
             lambda d: x.kpi(d, "purchase_conversion", "numerator"), lambda raw: int(sessions(raw).Revenue.sum())),
    Question("session conversion", "what share of website sessions ended in a purchase, overall?",
             ("kpis", "--metric", "session_conversion", "--period", "all"),
             lambda d: x.kpi(d, "session_conversion"), lambda raw: float(sessions(raw).Revenue.mean())),
    Question("sessions in may", "how many website sessions did we have in May?",
             ("kpis", "--metric", "sessions", "--period", "2017-05-01..2017-05-31"), lambda d: x.kpi(d, "sessions"),
             lambda raw: int((sessions(raw).Month == "May").sum())),
    Question("conversion in november", "what was our conversion rate in November?",
             ("kpis", "--metric", "purchase_conversion", "--period", "2017-11-01..2017-11-30"),
             lambda d: x.kpi(d, "purchase_conversion"),
             lambda raw: float(sessions(raw)[sessions(raw).Month == "Nov"].Revenue.mean())),
    Question("best traffic type", "which traffic type converts best, over all our data?",
             ("funnel", "--touchpoints", "website_visit,purchase", "--by", "channel", "--groups", "50",
              "--period", "all"),
             lambda d: x.best_group(d, MIN_GROUP), best_traffic_type),
    Question("returning visitors", "do returning visitors convert better than new ones, over all our data?",
             ("funnel", "--touchpoints", "website_visit,purchase", "--by", "segment", "--period", "all"),
             lambda d: x.conversion_of(d, "Returning_Visitor"),
             lambda raw: float(sessions(raw)[sessions(raw).VisitorType == "Returning_Visitor"].Revenue.mean())),
    Question("new visitors", "do returning visitors convert better than new ones, over all our data?",
             ("funnel", "--touchpoints", "website_visit,purchase", "--by", "segment", "--period", "all"),
             lambda d: x.conversion_of(d, "New_Visitor"),
             lambda raw: float(sessions(raw)[sessions(raw).VisitorType == "New_Visitor"].Revenue.mean())),
]


# Questions another piece of work still answers wrongly (issue and reason); see the report.
KNOWN_CLI: dict[str, str] = {}
KNOWN_ASK: dict[str, str] = {}


@pytest.mark.parametrize("q", cases(QUESTIONS, KNOWN_CLI))
def test_command_line(shoppers, q: Question):
    q.check(q.pick(shoppers.cli(*q.cli)), shoppers.raw)


@pytest.mark.parametrize("q", cases(QUESTIONS, KNOWN_ASK))
def test_ask_in_plain_words(shoppers, q: Question):
    q.check(q.pick(shoppers.ask(q.ask)), shoppers.raw)


def test_describe_says_the_months_a_month_dated_export_covers(shoppers):
    """Every session is dated the 1st of its month: describe said "2017-02-01 to 2017-12-01
    (304 days)", leaving out December's other days and implying days the data cannot tell."""
    from click.testing import CliRunner

    from bot.cli import main

    out = CliRunner().invoke(main, ["describe"], env={"JOURNEYBOT_HOME": str(shoppers.home)}).output
    order = ["Jan", "Feb", "Mar", "Apr", "May", "June", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    seen = sorted({order.index(m) for m in sessions(shoppers.raw).Month})
    first, last = order[seen[0]][:3], order[seen[-1]][:3]
    span = seen[-1] - seen[0] + 1  # the months from the first to the last, gaps included
    assert f"Data from {first} 2017 to {last} 2017 ({span} months, dated by month only, " in out
    assert "304 days" not in out


def test_the_last_month_of_a_month_dated_export_is_a_whole_month(shoppers):
    """December's 1,727 sessions all carry 1 December: the trend called it "partial: 1 days"
    and would not compare it with November, though it holds the whole month."""
    from click.testing import CliRunner

    from bot.cli import main

    out = CliRunner().invoke(main, ["trend", "session_conversion", "--grain", "month", "--period", "all"],
                             env={"JOURNEYBOT_HOME": str(shoppers.home)}).output
    s = sessions(shoppers.raw)
    by = s.groupby("Month").Revenue.agg(["mean", "size"])
    dec, nov = by.loc["Dec"], by.loc["Nov"]
    [line] = [x for x in out.splitlines() if x.startswith("2017-12 ")]
    assert line.split() == ["2017-12", f"{dec['mean']:.1%}", f"{int(dec['size']):,}"]
    assert "partial" not in out
    change = (dec["mean"] - nov["mean"]) * 100
    assert f"Latest {dec['mean']:.1%}, ↓ {change:.1f} pp on the month before" in out


def test_a_trend_over_a_month_dated_export_is_headed_month_by_month(shoppers):
    """The sessions are dated by month only, so the trend shows months whatever grain was asked:
    its heading said "week by week" above points shown month by month."""
    out = shoppers.ask("how has conversion trended over all our data?")
    assert "month by month" in out["understood"] and "week by week" not in out["understood"]


def test_session_length_of_sessions_dated_by_month_is_not_zero_minutes(shoppers):
    """Every session's events carry its month's first day, one time stamp for the whole visit:
    the export has no visit length (its own durations are not loaded), so the answer says there
    is none to measure instead of "0.0 min"."""
    data = shoppers.ask("how long do people stay on the site, over all our data?")
    assert x.kpi(data, "session_length", "n") == 0
    assert x.kpi(data, "session_length", "excluded") == len(sessions(shoppers.raw))
    said = " ".join((*data["notes"], data["answer"]))
    assert "there is no visit length to measure" in said and "0.0 min" not in said, said


def test_a_month_missing_from_the_export_is_no_value_not_zero_sessions(shoppers):
    """The file has no April (nor January) sessions: the monthly trend showed April as 0
    sessions, called it the lowest month and averaged over it."""
    from click.testing import CliRunner

    from bot.cli import main

    out = CliRunner().invoke(main, ["trend", "sessions", "--grain", "month", "--period", "all"],
                             env={"JOURNEYBOT_HOME": str(shoppers.home)}).output
    per = sessions(shoppers.raw).Month.value_counts()
    order = ["Feb", "Mar", "Apr", "May", "June", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert "Apr" not in per.index
    [april] = [ln for ln in out.splitlines() if ln.startswith("2017-04 ")]
    assert april.split() == ["2017-04", "-", "0"]
    low = min((m for m in order if m in per.index), key=lambda m: per[m])
    assert f"lowest: 2017-{order.index(low) + 2:02d} ({per[low]:,})" in out
    assert f"average per month {round(per.sum() / len(per)):,}" in out
    assert "1 month without data shows no value" in out


def pages(raw: Path) -> pd.Series:
    """The pages each session saw, as the file counts them (its three kinds of page)."""
    s = sessions(raw)
    return s.Administrative + s.Informational + s.ProductRelated


# The file's own page counts (31 pages a session on average, 4.8% of sessions of one page)
# against what its events can say: the recipe makes one event per kind of page seen, all dated
# on the 1st of the month, so counting events gave 2.7 pages a session, a 0.1% bounce rate and
# a 37.3% exit rate. Either the number is the file's, or there is none and the answer says why.
PAGE_KPIS = [
    ("pages_per_session", "how many pages per session do we get, over all our data?",
     lambda raw: float(pages(raw).mean())),
    ("bounce_rate", "what is our bounce rate over all our data?", lambda raw: float((pages(raw) == 1).mean())),
    ("exit_rate", "what is our exit rate over all our data?", lambda raw: len(sessions(raw)) / float(pages(raw).sum())),
]


@pytest.mark.parametrize(("metric", "question", "twin"), PAGE_KPIS, ids=[m for m, _, _ in PAGE_KPIS])
def test_page_counts_the_events_cannot_give_are_not_made_up(shoppers, metric, question, twin):
    data = shoppers.ask(question)
    got = x.kpi(data, metric)
    said = " ".join((*x.notes(data), data["answer"]))
    if got is not None:
        assert got == pytest.approx(twin(shoppers.raw), rel=1e-6), f"{metric}: {got}, the file says {twin(shoppers.raw)}"
        return
    n = len(sessions(shoppers.raw))
    assert x.kpi(data, metric, "excluded") == n
    assert f"not measured for {n:,} web sessions: their events are dated by month only" in said, said
    assert "cannot say how many pages a visit saw or which page it ended on" in said


def test_no_exit_page_is_picked_among_events_of_one_moment(shoppers):
    """Every session's events share its month's 1st: the exit table named website_visit the
    exit of 10,422 sessions and product_view of none, one tied event picked by its name."""
    data = shoppers.cli("kpis", "--metric", "exit_rate", "--period", "all")
    assert not data.get("exits")
    assert x.kpi(data, "exit_rate") is None


def test_a_funnel_over_month_dated_sessions_says_what_same_time_means(shoppers):
    """The funnel said purchases came at the "same time" as the visit, "within 30 days", with no
    word that the data holds months, not days. Its counts stay the file's."""
    data = shoppers.ask("what does the funnel from visit to purchase look like over all our data?")
    notes = x.notes(data)
    assert any(n.startswith("the events are dated by month only") and '"same time" means the same month' in n
               and "the order of steps within a month is not known" in n for n in notes), notes
    funnel = next(r for r in x.results(data) if "steps" in r)
    assert [s["customers"] for s in funnel["steps"]] == [len(sessions(shoppers.raw)),
                                                         int(sessions(shoppers.raw).Revenue.sum())]


def test_where_people_left_over_month_dated_sessions_says_how_last_is_chosen(shoppers):
    data = shoppers.ask("where do people leave the site, over all our data?")
    notes = x.notes(data)
    assert any("the order of a customer's events within a month is not known" in n
               and "the furthest step reached that month, not the page they left from" in n for n in notes), notes
