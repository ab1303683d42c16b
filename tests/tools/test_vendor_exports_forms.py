"""A Google Forms responses sheet loads through `journeybot ingest` as downloaded: the shop's own
(tests/fixtures/vendors/google_forms, US locale) and a held-back one from another made-up shop
(UK locale, other questions and order). Which question is the NPS, the CSAT, the comment and the
email is the owner's own wording, so the load says what it read as what, names the number
columns it did not read as a score, and the numbers agree with pandas reading the raw file here."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from bot.cli import main
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.data.store import JourneyStore
from tools.data.vendors.catalogue import read_header, recognitions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MAIN, HELDOUT = FIXTURES / "vendors", FIXTURES / "vendors_heldout"
# The Sheet's locale decides how Timestamp is written: en_US month first, en_GB day first.
FORMS = [(MAIN / "google_forms/form_responses.csv", "America/Los_Angeles", "%m/%d/%Y %H:%M:%S"),
         (HELDOUT / "google_forms/form_responses.csv", "Europe/London", "%d/%m/%Y %H:%M:%S")]


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def raw(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def key(email: str) -> str:
    return "c-" + hashlib.md5(email.strip().lower().encode()).hexdigest()[:16]


def column(d: pd.DataFrame, *words: str) -> str:
    return next(c for c in d.columns if any(w in c.lower() for w in words))


@pytest.mark.parametrize("path", [p for p, _, _ in FORMS], ids=["main", "heldout"])
def test_a_forms_sheet_is_recognised_by_its_recipe_alone(path):
    assert [r.recipe.name for r in recognitions(read_header(path)) if r.complete] == ["google_forms_responses"]


@pytest.mark.parametrize(("path", "zone", "fmt"), FORMS, ids=["main", "heldout"])
def test_forms_answers_scores_and_customers_agree_with_the_sheet(path, zone, fmt, home):
    run("profile", "set", f"timezone={zone}")
    out = run("ingest", "--no-index", str(path)).output
    assert "as a Google Forms responses sheet (Google Forms): loading surveys" in out
    d = raw(path)
    nps_col, csat_col = column(d, "recommend"), column(d, "satisfied", "rate")
    email_col, text_col = column(d, "email"), column(d, "better", "anything else")
    # it says what it read as what, in the owner's own words
    assert f"Read {nps_col!r} as the 0-10 recommend score (NPS)." in out
    assert f"Read {csat_col!r} as the 1-5 satisfaction score (CSAT)." in out
    assert f"Read {text_col!r} as the comment." in out and f"Read {email_col!r} as the customer" in out
    assert f"in the business time zone {zone}" in out
    # every other whole-number column is named as not read as a score, with a mapping that reads it
    numbers = [c for c in d.columns if c not in (nps_col, csat_col) and d[c].str.fullmatch(r"\d*").all()]
    for c in numbers:
        assert repr(c) in out.split("Not read as a score:")[1].split("\n")[0]
        assert f'put nps = "{c}"' in out
    if not numbers:
        assert "Not read as a score" not in out and "[mappings." not in out

    store = JourneyStore(home / "journey.duckdb")
    assert store.count("surveys") == len(d)
    nps = pd.to_numeric(d[nps_col].replace("", None)).dropna()
    assert store.scalar("SELECT count(nps) FROM surveys") == len(nps)
    assert store.scalar("SELECT avg(nps) FROM surveys") == pytest.approx(nps.mean())
    assert store.scalar("SELECT avg(csat) FROM surveys") == pytest.approx(d[csat_col].astype(int).mean())
    # the sent time is the Sheet's local time in the business zone, day/month as the locale writes it
    want = pd.to_datetime(d["Timestamp"], format=fmt).dt.tz_localize(zone)
    got = store.query("SELECT epoch(ts) AS t FROM surveys ORDER BY t")["t"].tolist()
    assert got == sorted(t.timestamp() for t in want)
    # customers by email key; the address is never stored; a response without one is anonymous
    emails = d.loc[d[email_col].str.strip() != "", email_col]
    stored = set(store.query("SELECT customer_id FROM surveys WHERE customer_id IS NOT NULL")["customer_id"])
    assert stored == {key(e) for e in emails}
    assert store.scalar("SELECT count(*) FROM surveys WHERE customer_id IS NULL") == len(d) - len(emails)
    assert not store.scalar("SELECT count(*) FROM surveys WHERE contains(survey_id, '@') OR contains(customer_id, '@')")
    # the owner's headline: NPS = % promoters - % detractors, CSAT = share of 4s and 5s
    got = {v.metric: v.value for v in kpis(store, KpiParams(period=Period(name="all"), metrics=["nps", "csat"])).values}
    store.close()
    assert got["nps"] == pytest.approx(100 * ((nps >= 9).mean() - (nps <= 6).mean()))
    assert got["csat"] == pytest.approx((d[csat_col].astype(int) >= 4).mean())
    # loading the same sheet again adds nothing
    assert "0 new, 0 updated" in run("ingest", "--no-index", str(path)).output


def test_a_question_that_could_be_either_score_is_named_and_the_mapping_reads_it(tmp_path, home):
    """Two 0-10 recommend questions: the first is read, the second named with the mapping that
    reads it instead; pasting the mapping with the owner's choice loads that one."""
    src = raw(MAIN / "google_forms/form_responses.csv")
    nps_col = column(src, "recommend")
    second = "How likely are you to recommend our cakes for a party?"
    src.insert(3, second, src[nps_col].replace("", "0").astype(int).rsub(10).astype(str))
    f = tmp_path / "Bakery survey (Responses) - Form responses 1.csv"
    src.to_csv(f, index=False)
    out = run("ingest", "--no-index", str(f)).output
    assert f"Read {nps_col!r} as the 0-10 recommend score (NPS)." in out
    assert f"{second!r} (also a 0-10 recommend question" in out
    block = [line[2:] for line in out.splitlines() if line.startswith("  ")]
    toml = "\n".join(block).replace(f'nps = "{nps_col}"', f'nps = "{second}"')
    (tmp_path / "journeybot.toml").write_text(toml + "\n", encoding="utf-8")
    name = block[0].removeprefix("[mappings.").removesuffix("]")
    run("ingest", "--no-index", "surveys", str(f), "--mapping", name)
    store = JourneyStore(home / "journey.duckdb")
    assert store.count("surveys") == len(src)  # the same answers, same ids: re-read, not doubled
    assert store.scalar("SELECT avg(nps) FROM surveys") == pytest.approx(src[second].astype(int).mean())
    store.close()


def test_dates_that_read_both_ways_wait_for_the_business_locale(tmp_path, home):
    src = raw(MAIN / "google_forms/form_responses.csv")
    early = src[pd.to_datetime(src["Timestamp"], format="%m/%d/%Y %H:%M:%S").dt.day <= 12]
    f = tmp_path / "form_responses.csv"
    early.to_csv(f, index=False)
    refused = run("ingest", "--no-index", str(f), ok=False)
    assert refused.exit_code != 0
    assert "reads both day first and month first" in refused.output and "locale=en_US" in refused.output
    store = JourneyStore(home / "journey.duckdb")
    assert store.is_empty()
    store.close()
    run("profile", "set", "locale=en_US", "timezone=America/Los_Angeles")
    out = run("ingest", "--no-index", str(f)).output
    assert "month first" in out and "as the business locale en_US writes dates" in out
    store = JourneyStore(home / "journey.duckdb")
    want = pd.to_datetime(early["Timestamp"], format="%m/%d/%Y %H:%M:%S").dt.tz_localize("America/Los_Angeles")
    assert store.query("SELECT epoch(ts) AS t FROM surveys ORDER BY t")["t"].tolist() == \
        sorted(t.timestamp() for t in want)
    store.close()


def test_the_forms_own_zip_download_is_refused_with_where_to_download_instead(tmp_path, home):
    """Forms' Responses tab downloads a zip whose CSV writes '2026/09/27 3:00:00 PM GMT+3' (an
    offset journeybot does not read); the message sends the owner to the linked Sheet."""
    src = raw(MAIN / "google_forms/form_responses.csv")
    t = pd.to_datetime(src["Timestamp"], format="%m/%d/%Y %H:%M:%S")
    src["Timestamp"] = t.dt.strftime("%Y/%m/%d %-I:%M:%S %p") + " GMT-8"
    f = tmp_path / "form_responses.csv"
    src.to_csv(f, index=False)
    refused = run("ingest", "--no-index", str(f), ok=False)
    assert refused.exit_code != 0 and "download from the linked Sheet" in refused.output


def test_the_json_report_carries_what_each_column_was_read_as(home):
    out = run("ingest", "--no-index", "--json", str(MAIN / "google_forms/form_responses.csv")).output
    report = json.loads(out[out.index("{"):])
    assert report["recipe"] == "google_forms_responses"
    assert any("as the 0-10 recommend score (NPS)" in n for n in report["notes"])


def test_a_german_sheet_reads_zeitstempel_day_first_and_the_german_questions(tmp_path, home):
    rows = [[f"{d:02d}.{m:02d}.2025 {9 + d % 9}:{d:02d}:{m:02d}", f"kunde{d % 7}@example.de" if d % 3 else "",
             str(d % 11), str(1 + d % 5), "Mehr Sitzplätze bitte" if d % 4 == 0 else ""]
            for d in range(1, 29) for m in (3, 4)]
    d = pd.DataFrame(rows, columns=["Zeitstempel", "E-Mail-Adresse",
                                    "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
                                    "Wie zufrieden waren Sie mit Ihrem Besuch?", "Was können wir verbessern?"])
    f = tmp_path / "Umfrage (Antworten) - Formularantworten 1.csv"
    d.to_csv(f, index=False)
    run("profile", "set", "timezone=Europe/Berlin")
    out = run("ingest", "--no-index", str(f)).output
    assert "Read 'Zeitstempel' as when each answer was sent: day first" in out
    assert "'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?' as the 0-10 recommend score" in out
    assert "'Wie zufrieden waren Sie mit Ihrem Besuch?' as the 1-5 satisfaction score" in out
    assert "'Was können wir verbessern?' as the comment" in out
    store = JourneyStore(home / "journey.duckdb")
    assert store.count("surveys") == len(d)
    want = pd.to_datetime(d["Zeitstempel"], format="%d.%m.%Y %H:%M:%S").dt.tz_localize("Europe/Berlin")
    assert store.query("SELECT epoch(ts) AS t FROM surveys ORDER BY t")["t"].tolist() == sorted(t.timestamp() for t in want)
    store.close()


def test_answers_sent_in_the_same_second_are_kept_as_separate_answers(tmp_path, home):
    """The Sheet has no response id, so an answer's time to the second is its id; two answers
    in one second stopped the load ("appears in rows ... with different values")."""
    path, zone, _ = FORMS[0]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    stamp = lines[1].split(",", 1)[0]
    twin = stamp + "," + lines[2].split(",", 1)[1]  # another customer's answer, the same second
    f = tmp_path / "form_responses.csv"
    f.write_text("".join([*lines[:2], twin, *lines[2:]]), encoding="utf-8")
    run("profile", "set", f"timezone={zone}", "locale=en_US")
    out = run("ingest", "--no-index", str(f)).output
    assert "1 answer was sent in the same second as another" in out
    store = JourneyStore(home / "journey.duckdb")
    assert store.count("surveys") == len(raw(path)) + 1  # every answer in the file, the twin too
    ids = store.query("SELECT survey_id FROM surveys ORDER BY survey_id")["survey_id"].tolist()
    store.close()
    assert f"gforms-{stamp}" in ids and f"gforms-{stamp}-2" in ids
    assert "0 new, 0 updated" in run("ingest", "--no-index", str(f)).output  # loading it again adds nothing
