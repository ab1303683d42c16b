"""twcs, 5,000 customer-support tweets: conversations rebuilt from reply links are tickets;
how many, from how many customers, how fast answered and resolved. Every expected number is
computed here from the raw CSV with pandas (threads followed up the reply links)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from realdata import extract as x
from realdata.questions import Question, cached, cases


@cached
def threads(raw: Path) -> pd.DataFrame:
    """Every tweet with its time and the conversation it belongs to (`root`: the first tweet, found by
    following the reply links up). Read with only \\n ending a row (tweet 3399 holds bare \\r)."""
    t = pd.read_csv(raw / "twcs.csv", lineterminator="\n", dtype={"tweet_id": str, "author_id": str})
    t["parent"] = t.in_response_to_tweet_id.map(lambda v: None if pd.isna(v) else str(int(v)))
    t["ts"] = pd.to_datetime(t.created_at, format="%a %b %d %H:%M:%S %z %Y")
    known = set(t.tweet_id)
    parent = {c: p for c, p in zip(t.tweet_id, t.parent, strict=True) if p in known}

    def root(tweet: str) -> str:
        while tweet in parent:
            tweet = parent[tweet]
        return tweet

    t["root"] = t.tweet_id.map(root)
    return t


@cached
def tickets(raw: Path) -> pd.DataFrame:
    """One row per conversation a customer started: opened, first reply, resolved (when the
    brand had the last word)."""
    t = threads(raw)
    heads = t[(t.tweet_id == t.root) & t.inbound].set_index("root")
    mine = t[t.root.isin(heads.index)].join(heads.ts.rename("opened"), on="root")
    replies = mine[~mine.inbound & (mine.tweet_id != mine.root) & (mine.ts >= mine.opened)]
    last = mine.sort_values("ts").groupby("root").tail(1).set_index("root")
    size = mine.groupby("root").size()
    out = pd.DataFrame({"customer": heads.author_id, "opened": heads.ts,
                        "first_reply": replies.groupby("root").ts.min()})
    out["resolved"] = last.ts.where(~last.inbound & (size[last.index] > 1))
    return out


def hours(raw: Path, column: str, q: float) -> float:
    t = tickets(raw)
    return float(((t[column] - t.opened).dt.total_seconds() / 3600).dropna().quantile(q))


def data_end(t: pd.DataFrame) -> pd.Timestamp:
    """The end of the desk's last day: the last day anything happened to a conversation (opened,
    first answered or resolved), UTC midnight after it."""
    last = max(t.opened.max(), t.first_reply.max(), t.resolved.max())
    return last.tz_convert("UTC").normalize() + pd.Timedelta(days=1)


def open_at_end(t: pd.DataFrame) -> int:
    end = data_end(t)
    return int(((t.opened < end) & (t.resolved.isna() | (t.resolved >= end))).sum())


def resolved_by_end(t: pd.DataFrame) -> int:
    """Conversations the brand had the last word in by the end of the data's last day,
    whenever they were opened (one was resolved the day after the last was opened)."""
    return int((t.resolved < data_end(t)).sum())


def last_week(t: pd.DataFrame) -> int:
    """Tickets opened in the last full Monday-to-Sunday week before the last day of data (UTC)."""
    opened = t.opened
    last = (data_end(t) - pd.Timedelta(days=1)).date()
    monday = last - pd.Timedelta(days=last.weekday() + 7)
    days = opened.dt.tz_convert("UTC").dt.date
    return int(((days >= monday) & (days < monday + pd.Timedelta(days=7))).sum())


QUESTIONS = [
    Question("tickets", "how many support tickets do we have?", ("describe",), lambda d: x.rows(d, "tickets"),
             lambda raw: len(tickets(raw))),
    Question("customers", "how many customers do we have?", ("describe",), lambda d: x.field(d, "customers"),
             lambda raw: int(tickets(raw).customer.nunique())),
    Question("first response", "what is our median first response time over all our data?",
             ("kpis", "--metric", "first_response_time", "--period", "all"),
             lambda d: x.kpi(d, "first_response_time"), lambda raw: hours(raw, "first_reply", 0.5)),
    Question("first response p90", "how long do the slowest 10% of tickets wait for a first reply, overall?",
             ("kpis", "--metric", "first_response_time_p90", "--period", "all"),
             lambda d: x.kpi(d, "first_response_time_p90"), lambda raw: hours(raw, "first_reply", 0.9)),
    Question("answered", "how many tickets got a first reply, over all our data?",
             ("kpis", "--metric", "first_response_time", "--period", "all"),
             lambda d: x.kpi(d, "first_response_time", "n"), lambda raw: int(tickets(raw).first_reply.notna().sum())),
    Question("resolution", "what is our median resolution time over all our data?",
             ("kpis", "--metric", "resolution_time", "--period", "all"),
             lambda d: x.kpi(d, "resolution_time"), lambda raw: hours(raw, "resolved", 0.5)),
    Question("resolution p90", "how long does it take to resolve 90% of tickets, overall?",
             ("kpis", "--metric", "resolution_time_p90", "--period", "all"),
             lambda d: x.kpi(d, "resolution_time_p90"), lambda raw: hours(raw, "resolved", 0.9)),
    # Open at the end of the data's last day (the last day a conversation was opened, answered or
    # resolved): those the brand never had the last word in.
    Question("unresolved", "how many tickets are still not resolved, over all our data?",
             ("kpis", "--metric", "open_tickets", "--period", "all"),
             lambda d: x.kpi(d, "open_tickets"), lambda raw: open_at_end(tickets(raw))),
    Question("still open", "how many tickets are still open?",
             ("kpis", "--metric", "open_tickets", "--period", "all"),
             lambda d: x.kpi(d, "open_tickets"), lambda raw: open_at_end(tickets(raw))),
    # Resolved, the share resolved and opened minus resolved, over all the data: the same end
    # as the open tickets above, so the backlog's change is the open tickets at that end.
    Question("resolved", "how many tickets did we resolve, over all our data?",
             ("kpis", "--metric", "resolved_tickets", "--period", "all"),
             lambda d: x.kpi(d, "resolved_tickets"), lambda raw: resolved_by_end(tickets(raw))),
    Question("resolution rate", "what share of tickets got resolved, over all our data?",
             ("kpis", "--metric", "resolution_rate", "--period", "all"),
             lambda d: x.kpi(d, "resolution_rate"),
             lambda raw: resolved_by_end(tickets(raw)) / len(tickets(raw))),
    Question("backlog", "are we closing tickets faster than they come in, over all our data?",
             ("kpis", "--metric", "backlog_change", "--period", "all"),
             lambda d: x.kpi(d, "backlog_change"),
             lambda raw: len(tickets(raw)) - resolved_by_end(tickets(raw))),
    Question("tickets opened", "how many tickets did we get, over all our data?",
             ("kpis", "--metric", "tickets", "--period", "all"),
             lambda d: x.kpi(d, "tickets"), lambda raw: len(tickets(raw))),
    Question("tickets last week", "how many support requests came in last week?",
             ("kpis", "--metric", "tickets", "--period", "last_week"),
             lambda d: x.kpi(d, "tickets"), lambda raw: last_week(tickets(raw))),
    # one conversation of 2011 in a 2017 export: the data starts with the rest, the stray is named
    Question("first day", "what period does the data cover?", ("describe",),
             lambda d: x.table_field(d, "tickets", "first_day"),
             lambda raw: bulk_start(tickets(raw).opened).isoformat()),
    Question("stray first day", "what period does the data cover?", ("describe",),
             lambda d: x.table_field(d, "tickets", "stray_first"),
             lambda raw: tickets(raw).opened.min().tz_convert("UTC").date().isoformat()),
]


def bulk_start(opened: pd.Series):
    """The first day after the last gap of over 60 days with a handful of tickets (at most 20, and
    under 1%) before it."""
    per_day = opened.dt.tz_convert("UTC").dt.date.value_counts().sort_index()
    before = per_day.cumsum()
    days = pd.Series(per_day.index, index=per_day.index)
    gap = (days.shift(-1) - days).map(lambda d: d.days if pd.notna(d) else 0)
    cut = before[(gap > 60) & (before < 0.01 * len(opened)) & (before <= 20)]
    return days.iloc[0] if cut.empty else days[days > cut.index[-1]].iloc[0]


# Questions another piece of work still answers wrongly (issue and reason); see the report.
KNOWN_CLI: dict[str, str] = {}
KNOWN_ASK: dict[str, str] = {}


@pytest.mark.parametrize("q", cases(QUESTIONS, KNOWN_CLI))
def test_command_line(twcs, q: Question):
    q.check(q.pick(twcs.cli(*q.cli)), twcs.raw)


@pytest.mark.parametrize("q", cases(QUESTIONS, KNOWN_ASK))
def test_ask_in_plain_words(twcs, q: Question):
    q.check(q.pick(twcs.ask(q.ask)), twcs.raw)


def test_a_move_on_a_few_tickets_is_said_as_its_two_values(twcs):
    """`journeybot compare` on the last day: the median first reply of a handful of tickets
    read "↑ +8.7 h (+9771%)  worse"; a percentage of a tiny base only alarms. It says the two
    medians, computed here from the raw tweets, and judges nothing."""
    from click.testing import CliRunner

    from bot.cli import main

    t = tickets(twcs.raw)
    day = t.opened.dt.tz_convert("UTC").dt.date
    last = day.max()
    waits = (t.first_reply - t.opened).dt.total_seconds() / 3600
    now, before = waits[day == last].median(), waits[day == last - pd.Timedelta(days=1)].median()
    assert waits[day == last].notna().sum() + waits[day == last - pd.Timedelta(days=1)].notna().sum() < 30
    out = CliRunner().invoke(main, ["compare", "first_response_time", "--period", last.isoformat()],
                             env={"JOURNEYBOT_HOME": str(twcs.home)}).output
    [line] = [x for x in out.splitlines() if x.strip().startswith("First response (median)")]
    arrow = "↑" if now > before else "↓"
    assert f"{arrow} {before:.1f} h -> {now:.1f} h  (small sample)" in line, line
    assert "%" not in line and "worse" not in line and "better" not in line


def test_the_share_of_positive_negative_and_neutral_tweets_is_said_with_counts_and_period(twcs):
    """`feedback sentiment` on the tweets that opened a conversation: one share for the whole
    period, each kind with its count, and the period the tweets span (computed here)."""
    from click.testing import CliRunner

    from bot.cli import main

    env = {"JOURNEYBOT_HOME": str(twcs.home)}
    assert CliRunner().invoke(main, ["feedback", "index"], env=env).exit_code == 0
    t = tickets(twcs.raw)
    got = twcs.cli("feedback", "sentiment", "--period", "all")
    overall = got["overall"]
    assert got["texts"] == len(t)
    assert overall["positive_n"] + overall["negative_n"] + overall["neutral_n"] == overall["scored"] == got["scored"]
    # English tweets: nearly all are scored, and customers writing to support are not mostly happy
    assert overall["scored"] >= 0.9 * len(t)
    assert overall["negative"] > 0 and overall["positive"] < 0.6
    first, last = (d.tz_convert("UTC").date().isoformat() for d in (t.opened.min(), t.opened.max()))
    out = CliRunner().invoke(main, ["feedback", "sentiment", "--period", "all"], env=env).output
    share = lambda k: f"{overall[k]:.0%} {k} ({overall[k + '_n']:,})"  # noqa: E731
    assert (f"Overall in all data ({first} to {last}): {share('positive')}, {share('negative')}, "
            f"{share('neutral')} of {overall['scored']:,} scored texts.") in out, out
