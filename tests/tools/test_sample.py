"""The sample-data generator: deterministic, consistent with the schema, and with the planted
customer types, churn drift and incidents visible in the raw files."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest

from tools.core.stages import DEFAULT_TOUCHPOINTS, STAGES, WEB_TOUCHPOINTS
from tools.data.sample import CHANNELS, PLANTED_TYPES, SampleFiles, SampleSpec, generate_sample
from tools.data.schema import TABLES

EVENTS = 40_000
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
PII = re.compile(
    r"[\w.]+@[\w.]+\.\w+|\b(?:\d{4} ?){3}\d{4}\b|07700 ?900 ?\d{3}|\+44 ?7700|0117 ?496"
)


def _ts(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s, utc=True, format="ISO8601").dt.tz_convert("Europe/London")


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> dict:
    calls: list[tuple[int, int]] = []
    files = generate_sample(
        tmp_path_factory.mktemp("sample"),
        SampleSpec(events=EVENTS),
        progress=lambda done, total: calls.append((done, total)),
    )
    read = dict(keep_default_na=False, na_values=[""])
    d = {
        "files": files,
        "calls": calls,
        "customers": pd.read_csv(files.customers, **read),
        "events": pd.read_csv(files.events, **read),
        "orders": pd.read_csv(files.orders, **read),
        "surveys": pd.read_csv(files.surveys, **read),
        "tickets": pd.read_csv(files.tickets, **read),
        "truth": pd.read_csv(files.truth),
        "incidents": {i["id"]: i for i in json.loads(files.incidents.read_text())},
        "drift": {i["id"]: i for i in json.loads(files.drift.read_text())},
    }
    types = d["truth"].set_index("customer_id").planted_type
    for name in ("events", "orders", "surveys", "tickets"):
        d[name]["type"] = d[name].customer_id.map(types)
    d["events"]["t"] = _ts(d["events"].ts)
    d["orders"]["t"] = _ts(d["orders"].ts)
    d["surveys"]["t"] = _ts(d["surveys"].ts)
    d["tickets"]["t"] = _ts(d["tickets"].created_at)
    return d


def _window(inc: dict, after_days: int = 0) -> tuple[pd.Timestamp, pd.Timestamp]:
    start = pd.Timestamp(inc["start"], tz="Europe/London")
    end = pd.Timestamp(inc["end"], tz="Europe/London") + pd.Timedelta(days=1 + after_days)
    return start, end


# ------------------------------------------------------------------ determinism and API


def test_same_spec_gives_byte_identical_files(tmp_path: Path) -> None:
    spec = SampleSpec(events=5_000)
    a = generate_sample(tmp_path / "a", spec)
    b = generate_sample(tmp_path / "b", spec)
    names = ["customers", "events", "orders", "surveys", "tickets", "truth", "incidents"]
    for name in names:
        assert getattr(a, name).read_bytes() == getattr(b, name).read_bytes(), name
    assert a.counts == b.counts
    c = generate_sample(tmp_path / "c", SampleSpec(events=5_000, seed=8))
    assert c.events.read_bytes() != a.events.read_bytes()


def test_parquet_events_match_csv(tmp_path: Path) -> None:
    csv = generate_sample(tmp_path / "csv", SampleSpec(events=3_000))
    pq = generate_sample(tmp_path / "pq", SampleSpec(events=3_000, format="parquet"))
    assert pq.events.suffix == ".parquet"
    assert pq.orders.read_bytes() == csv.orders.read_bytes()  # small tables stay CSV, same content
    e_pq = pd.read_parquet(pq.events)
    e_csv = pd.read_csv(csv.events)
    assert list(e_pq.columns) == list(e_csv.columns)
    assert len(e_pq) == len(e_csv) == pq.counts["events"]
    assert str(e_pq.ts.dt.tz) == "Europe/London"
    assert (
        e_pq.ts.dt.tz_convert(None).to_numpy() == _ts(e_csv.ts).dt.tz_convert(None).to_numpy()
    ).all()


def test_files_counts_and_canonical_columns(sample: dict) -> None:
    files: SampleFiles = sample["files"]
    for name in ("customers", "events", "orders", "surveys", "tickets"):
        df = sample[name].drop(columns=["type", "t"], errors="ignore")
        schema_cols = TABLES[name].column_names
        assert set(df.columns) <= set(schema_cols), name
        assert "source" not in df.columns
        assert set(TABLES[name].required) <= set(df.columns), name
        assert files.counts[name] == len(df), name
        # columns come in schema order
        assert list(df.columns) == [c for c in schema_cols if c in df.columns]
    assert list(sample["truth"].columns) == ["customer_id", "planted_type", "churn_drift"]
    assert files.counts["truth"] == len(sample["truth"])
    calls = sample["calls"]
    assert calls[0] == (0, EVENTS) and calls[-1] == (EVENTS, EVENTS)
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:], strict=False))


def test_volumes_scale_with_events(sample: dict) -> None:
    n_cust = len(sample["customers"])
    n_ev = len(sample["events"])
    assert 0.9 * EVENTS <= n_ev <= 1.1 * EVENTS
    assert 1_000 <= n_cust <= 1_400  # about 3,000 per 100k events
    scale = EVENTS / 100_000
    assert len(sample["orders"]) < 25_000 * scale
    assert 1_200 * scale <= len(sample["surveys"]) <= 3_200 * scale
    assert 400 * scale <= len(sample["tickets"]) <= 1_100 * scale


# ------------------------------------------------------------------ consistency


def test_referential_integrity_and_ids(sample: dict) -> None:
    cust = sample["customers"]
    ids = set(cust.customer_id)
    assert cust.customer_id.is_unique
    assert cust.customer_id.str.fullmatch(r"C\d{5,}").all()
    assert set(sample["truth"].customer_id) == ids
    for name in ("events", "orders", "surveys", "tickets"):
        assert set(sample[name].customer_id.dropna()) <= ids, name
    assert sample["orders"].order_id.is_unique
    assert sample["surveys"].survey_id.is_unique
    assert sample["tickets"].ticket_id.is_unique
    # no event before the customer was first seen
    first = _ts(cust.set_index("customer_id").first_seen)
    ev = sample["events"]
    assert (ev.t >= ev.customer_id.map(first)).all()


def test_timestamps_are_iso_with_offset_inside_the_period(sample: dict) -> None:
    spec = SampleSpec()
    start = pd.Timestamp(spec.end - timedelta(days=spec.days - 1), tz="Europe/London")
    end = pd.Timestamp(spec.end + timedelta(days=1), tz="Europe/London")
    for name, col in (
        ("events", "ts"),
        ("orders", "ts"),
        ("surveys", "ts"),
        ("tickets", "created_at"),
    ):
        values = sample[name][col]
        assert values.str.match(ISO).all(), name
        t = _ts(values)
        assert t.min() >= start and t.max() < end, name
    ev = sample["events"]
    summer = ev.ts.str.startswith("2026-07")
    winter = ev.ts.str.startswith("2026-11")
    assert ev.ts[summer].str.endswith("+01:00").all()
    assert ev.ts[winter].str.endswith("+00:00").all()
    tk = sample["tickets"]
    first = _ts(tk.first_response_at.dropna())
    assert (first >= tk.t[first.index]).all()
    res = _ts(tk.resolved_at.dropna())
    assert (res >= tk.t[res.index]).all()
    assert tk.loc[tk.status.isin(["resolved", "closed"]), "resolved_at"].notna().all()


def test_stages_touchpoints_channels_and_values(sample: dict) -> None:
    ev = sample["events"]
    assert set(ev.touchpoint) <= set(DEFAULT_TOUCHPOINTS)
    assert (ev.stage == ev.touchpoint.map(lambda tp: DEFAULT_TOUCHPOINTS[tp].stage)).all()
    assert (ev.online == ev.touchpoint.map(lambda tp: DEFAULT_TOUCHPOINTS[tp].online)).all()
    assert set(ev.channel.dropna()) <= set(CHANNELS)
    offline = {
        "instore_visit",
        "phone_call",
        "local_event",
        "word_of_mouth",
        "instore_purchase",
        "order_pickup",
        "delivery",
        "tasting",
        "phone_order",
        "flyer",
    }
    marketing = {
        "email_send",
        "email_open",
        "email_click",
        "social_engagement",
        "social_referral",
        "ad_click",
        "search_result",
    }
    assert offline <= set(ev.touchpoint)
    assert marketing <= set(ev.touchpoint)
    assert set(STAGES) == set(ev.stage)
    for name in ("surveys", "tickets"):
        df = sample[name]
        assert set(df.stage.dropna()) <= set(STAGES)
        assert set(df.touchpoint.dropna()) <= set(DEFAULT_TOUCHPOINTS)
    od = sample["orders"]
    assert set(od.status) <= {"completed", "pending", "cancelled", "refunded"}
    assert (od.status == "completed").mean() > 0.9
    assert set(od.fulfilment) == {"pickup", "delivery", "in_store"}
    assert set(od.channel) == {"online", "in_store", "phone"}
    assert (od.amount > 0).all() and (od["items"] >= 1).all()
    assert od.products.str.len().gt(0).all()
    sv = sample["surveys"]
    assert sv.nps.dropna().between(0, 10).all() and sv.csat.dropna().between(1, 5).all()
    assert sv[["nps", "csat", "text"]].notna().any(axis=1).all()
    assert set(sample["tickets"].status) <= {"open", "pending", "resolved", "closed"}


def test_web_sessions_bounces_and_abandoned_carts(sample: dict) -> None:
    ev = sample["events"]
    web = ev[ev.touchpoint.isin(WEB_TOUCHPOINTS) & ev.session_id.notna()]
    assert ev.loc[ev.touchpoint.isin(WEB_TOUCHPOINTS), "session_id"].notna().all()
    size = web.groupby("session_id").size()
    assert size.mean() > 2  # several events per session
    assert 0.2 < (size == 1).mean() < 0.6  # bounce rate
    steps = web.groupby("session_id").touchpoint.agg(set)
    carts = steps[steps.map(lambda s: "add_to_cart" in s)]
    abandoned = carts.map(lambda s: "order_placed" not in s).mean()
    assert 0.25 < abandoned < 0.8
    assert ev[ev.session_id.notna()].groupby("session_id").customer_id.nunique().max() == 1


# ------------------------------------------------------------------ planted types


def test_planted_types_present_with_unequal_shares(sample: dict) -> None:
    share = sample["truth"].planted_type.value_counts(normalize=True)
    assert set(share.index) == set(PLANTED_TYPES)
    assert share.max() > 2 * share.min()
    assert share["party_planner"] < 0.1 and share["prospect"] > 0.25


def test_planted_types_behave_differently(sample: dict) -> None:
    ev, od, tk = sample["events"], sample["orders"], sample["tickets"]
    n = sample["truth"].planted_type.value_counts()
    per_cust = od.groupby("type").size() / n
    assert "prospect" not in set(od.type)  # prospects never buy
    assert per_cust.idxmax() == "weekday_regular" and per_cust["weekday_regular"] > 15
    assert per_cust["gift_buyer"] < 2
    amount = od.groupby("type").amount.median()
    assert amount.idxmin() == "weekday_regular"
    big = od[od.amount > 100].type.value_counts(normalize=True)
    assert big.idxmax() == "party_planner"
    ful = od.groupby("type").fulfilment.value_counts(normalize=True)
    assert ful["weekday_regular"]["in_store"] > 0.9
    assert ful["busy_local_parent"]["pickup"] > 0.5
    assert ful["gift_buyer"]["delivery"] > 0.6
    # offline share of touchpoints
    offline = 1 - ev.groupby("type").online.mean()
    assert offline.idxmax() == "weekday_regular"
    # planners alone ask for quotes and come in for tastings; they contact support most
    assert set(ev[ev.touchpoint.isin(["quote_request", "tasting"])].type) == {"party_planner"}
    tickets = tk.groupby("type").size() / n
    assert tickets.idxmax() == "party_planner"
    # when they shop: regulars on weekday mornings/lunchtimes, parents late afternoon
    reg = ev[(ev.type == "weekday_regular") & (ev.touchpoint == "instore_purchase")]
    assert (reg.t.dt.hour < 15).mean() > 0.85 and (reg.t.dt.day_of_week < 5).mean() > 0.85
    par = ev[(ev.type == "busy_local_parent") & (ev.touchpoint == "order_placed")]
    assert par.t.dt.hour.between(14, 18).mean() > 0.5
    # channels
    arrivals = (
        ev[ev.touchpoint == "website_visit"].groupby("type").channel.value_counts(normalize=True)
    )
    assert arrivals["busy_local_parent"][["instagram", "search"]].sum() > 0.45
    assert arrivals["gift_buyer"]["search"] > arrivals["weekday_regular"].get("instagram", 0)
    # gift buyers abandon more carts than parents
    carts = ev[ev.touchpoint.isin(["add_to_cart", "order_placed"])]
    sess = carts.groupby(["type", "session_id"]).touchpoint.agg(lambda s: "order_placed" in set(s))
    assert 1 - sess["gift_buyer"].mean() > 1 - sess["busy_local_parent"].mean()
    # survey scores and themes
    sv = sample["surveys"]
    nps = sv.groupby("type").nps.mean()
    assert nps.idxmax() == "weekday_regular"
    text = sv.dropna(subset=["text"])
    waits = (
        text.text.str.contains("wait|queue|collect|pickup", case=False).groupby(text.type).mean()
    )
    assert waits["busy_local_parent"] > waits["gift_buyer"]
    cakes = (
        text.text.str.contains("cake|quote|catering|platter|tasting", case=False)
        .groupby(text.type)
        .mean()
    )
    assert cakes.idxmax() == "party_planner"


def test_crm_attributes_do_not_give_the_type_away(sample: dict) -> None:
    cust = sample["customers"].merge(sample["truth"], on="customer_id")
    by_segment = cust.groupby(cust.segment.fillna("")).planted_type.nunique()
    assert (by_segment >= 2).all()
    assert 0.3 < cust.age_band.isna().mean() < 0.9
    prospects = cust[cust.planted_type == "prospect"]
    assert prospects.city.isna().mean() > 0.9 and prospects.attributes.isna().all()
    known = cust[cust.planted_type != "prospect"]
    assert known.city.notna().mean() > 0.8
    assert json.loads(known.attributes.dropna().iloc[0])["postcode_district"]


def test_churn_drift_visible_in_purchases(sample: dict) -> None:
    truth = sample["truth"]
    regulars = truth[truth.planted_type == "weekday_regular"]
    drifting = set(regulars.customer_id[regulars.churn_drift])
    steady = set(regulars.customer_id[~regulars.churn_drift])
    assert len(drifting) >= 10 and len(steady) > len(drifting)
    assert set(truth.customer_id[truth.churn_drift]) == drifting  # only regulars drift
    od = sample["orders"]
    end = pd.Timestamp(SampleSpec().end + timedelta(days=1), tz="Europe/London")
    last60 = od.t >= end - pd.Timedelta(days=60)
    prior = (od.t >= end - pd.Timedelta(days=120)) & ~last60

    def ratio(ids: set[str]) -> float:
        mine = od.customer_id.isin(ids)
        return (mine & last60).sum() / (mine & prior).sum()

    assert ratio(drifting) < 0.55
    assert ratio(steady) > 0.8


# ------------------------------------------------------------------ incidents


def test_churn_drift_is_documented_apart_from_the_incidents(sample: dict) -> None:
    """The drift is ground truth about a customer type (drift.json), not a shop incident."""
    drift = sample["drift"]["regular_churn_drift"]
    truth = sample["truth"]
    assert drift["kind"] == "churn_drift" and drift["start"] == "2026-09-17"
    assert drift["affected_customers"] == int(truth.churn_drift.astype(str).str.lower().eq("true").sum())
    assert "regular_churn_drift" not in sample["incidents"]


def test_incidents_file(sample: dict) -> None:
    inc = sample["incidents"]
    assert set(inc) == {"checkout_breakage", "shipping_delay", "tiktok_growth"}
    for i in inc.values():
        assert {"kind", "start", "end", "size", "stage", "channel"} <= set(i)
        assert i["stage"] in STAGES
        assert date.fromisoformat(i["start"]) <= date.fromisoformat(i["end"])
    assert (
        inc["checkout_breakage"]["start"] == "2026-08-31"
        and inc["checkout_breakage"]["end"] == "2026-09-06"
    )


def test_checkout_breakage_visible(sample: dict) -> None:
    inc = sample["incidents"]["checkout_breakage"]
    start, end = _window(inc)
    ev = sample["events"]
    around = (ev.t >= start - pd.Timedelta(days=28)) & (ev.t < end + pd.Timedelta(days=28))
    inside = (ev.t >= start) & (ev.t < end)
    outside = around & ~inside

    def count(mask, tp):
        return (mask & (ev.touchpoint == tp)).sum()

    days_in, days_out = (end - start).days, 56
    ratio_in = count(inside, "order_placed") / count(inside, "checkout_start")
    ratio_out = count(outside, "order_placed") / count(outside, "checkout_start")
    assert ratio_in < 0.6 * ratio_out
    assert (
        count(inside, "checkout_start") / days_in
        > 0.7 * count(outside, "checkout_start") / days_out
    )
    tk = sample["tickets"]
    pay = tk.touchpoint == "checkout_start"
    t_in = (tk.t >= start) & (tk.t < end + pd.Timedelta(days=1))
    assert (pay & t_in).sum() / days_in > 4 * max((pay & ~t_in).sum(), 1) / 180
    sv = sample["surveys"]
    s_in = (sv.t >= start) & (sv.t < end + pd.Timedelta(days=1))
    # about 40 failed checkouts in the week at this size, of whom ~12% leave a comment: ~5 expected
    assert sv[s_in].text.str.contains("pay|checkout|card", case=False, na=False).sum() >= 2


def test_shipping_delay_visible(sample: dict) -> None:
    inc = sample["incidents"]["shipping_delay"]
    start, end = _window(inc, after_days=7)  # late parcels and complaints run on after the spell
    before = start - pd.Timedelta(days=42)
    tk = sample["tickets"]
    late = tk.subject.str.contains("deliver|where is my order", case=False) & (
        tk.touchpoint == "delivery"
    )
    during = (late & (tk.t >= start) & (tk.t < end)).sum() / (end - start).days
    prior = (late & (tk.t >= before) & (tk.t < start)).sum() / 42
    assert during > 3 * max(prior, 0.02)
    # delivery CSAT: surveys go out after the (late) delivery, so look a few days on
    sv = sample["surveys"]
    dl = sv[sv.touchpoint == "delivery"]
    s_start, s_end = _window(inc, after_days=4)
    s_start += pd.Timedelta(days=3)
    csat_in = dl[(dl.t >= s_start) & (dl.t < s_end)].csat.mean()
    csat_before = dl[(dl.t >= before) & (dl.t < start)].csat.mean()
    assert csat_in < csat_before - 0.9


def test_tiktok_growth_visible(sample: dict) -> None:
    inc = sample["incidents"]["tiktok_growth"]
    ev = sample["events"]
    visits = ev[ev.touchpoint == "website_visit"]
    end = pd.Timestamp(SampleSpec().end + timedelta(days=1), tz="Europe/London")
    first30 = visits[visits.t < visits.t.min() + pd.Timedelta(days=30)]
    last30 = visits[visits.t >= end - pd.Timedelta(days=30)]
    share_first = (first30.channel == "tiktok").mean()
    share_last = (last30.channel == "tiktok").mean()
    assert share_last > 0.06 and share_last > 5 * share_first
    start = pd.Timestamp(inc["start"], tz="Europe/London")
    assert (visits[visits.t < start].channel == "tiktok").mean() < 0.02
    # it starts with a burst: the start day brings far more TikTok visits than the week before
    day = visits[(visits.t >= start) & (visits.t < start + pd.Timedelta(days=1))]
    week_before = visits[(visits.t >= start - pd.Timedelta(days=7)) & (visits.t < start)]
    assert (day.channel == "tiktok").sum() > 10 * max((week_before.channel == "tiktok").sum() / 7, 1)
    assert inc["observed"]["tiktok_website_visits_on_the_start_day"] == (day.channel == "tiktok").sum()
    new = sample["customers"][sample["customers"].acquisition_channel == "tiktok"]
    assert (_ts(new.first_seen) >= start - pd.Timedelta(days=30)).mean() > 0.8


# ------------------------------------------------------------------ free text


def test_texts_are_varied_and_some_hold_pii(sample: dict) -> None:
    sv, tk = sample["surveys"], sample["tickets"]
    texts = pd.concat([sv.text.dropna(), tk.text.dropna()])
    assert sv.text.notna().mean() > 0.3
    assert sv.text.dropna().nunique() > 0.75 * sv.text.notna().sum()
    assert tk.text.nunique() > 0.9 * len(tk)
    share = texts.str.contains(PII).mean()
    assert 0.01 < share < 0.08
    for theme in (
        "fresh",
        "wait",
        "late",
        "pay",
        "price",
        "staff|team",
        "website|site",
        "cake",
        "gluten|vegan",
        "box|packaging",
    ):
        assert texts.str.contains(theme, case=False).sum() >= 3, theme
    # mixed sentiment within a theme: praise and complaints about taste both appear
    taste = sv.text.dropna()
    assert taste.str.contains("best|lovely|perfect", case=False).sum() > 5
    assert taste.str.contains("stale|underbaked|disappoint", case=False).sum() > 5


# ------------------------------------------------------------------ scale (make test-slow)


@pytest.mark.slow
def test_ten_million_events_stream_in_bounded_memory(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from tools.data.sample import SampleSpec, generate_sample; "
        "f = generate_sample(Path(sys.argv[1]), SampleSpec(events=10_000_000, format='parquet')); "
        "print(f.counts['events']); import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    events, peak_kib = (int(x) for x in out.stdout.split())
    assert 9_500_000 <= events <= 10_500_000
    # The generator's own peak (RUSAGE_CHILDREN would be the largest of every process this test
    # run has waited for: servers, demos).
    assert peak_kib < 1_500_000  # well under 2 GB
