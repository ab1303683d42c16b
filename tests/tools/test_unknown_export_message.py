"""An export no recipe knows is refused with what was read, what it looks like, what is missing
and a mapping that loads it; pasting that mapping loads the right numbers (never a wrong load)."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from bot.cli import main
from tools.data.store import JourneyStore


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def german_bank_export(path: Path) -> None:
    """Datum;Betrag;Kunde with day-first dates and 1.234,50 amounts, as a German till or bank
    export writes them (Latin-1, as Excel saves a German CSV)."""
    rng = random.Random(7)
    lines = ["Datum;Betrag;Kunde"]
    for _ in range(40):
        day, month = rng.randint(1, 28), rng.choice([9, 10, 11])
        cents = rng.randint(150, 250_000)
        euros = f"{cents // 100:,}".replace(",", ".")
        lines.append(f"{day:02d}.{month:02d}.2025;{euros},{cents % 100:02d};{rng.choice(['Müller', 'Schulz', 'Öztürk', 'Bäcker Gmbh'])}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("latin-1"))


def test_an_unknown_german_export_says_how_it_reads_and_the_suggested_mapping_loads_it(tmp_path, home):
    f = tmp_path / "umsatz.csv"
    german_bank_export(f)
    refused = run("ingest", str(f))
    assert refused.exit_code == 1
    out = refused.output
    assert "not an export journeybot recognises (columns: 'Datum', 'Betrag', 'Kunde')" in out
    assert "separated by semicolons (latin-1 text, not UTF-8)" in out and "day first" in out and "decimal comma" in out
    assert "Missing: an order id" in out
    empty = JourneyStore(home / "journey.duckdb")
    assert empty.is_empty()
    empty.close()

    block = [line[2:] for line in out.splitlines() if line.startswith("  ")]
    assert block[0] == "[mappings.umsatz]"
    (tmp_path / "journeybot.toml").write_text("\n".join(block) + "\n", encoding="utf-8")
    loaded = run("ingest", "orders", str(f), "--mapping", "umsatz")
    assert loaded.exit_code == 0, loaded.output

    want = pd.read_csv(f, sep=";", decimal=",", thousands=".", encoding="latin-1",
                       dtype={"Datum": str, "Kunde": str})
    store = JourneyStore(home / "journey.duckdb")
    assert store.count("orders") == len(want)
    assert store.scalar("SELECT sum(amount) FROM orders") == pytest.approx(want["Betrag"].sum())
    days = store.query("SELECT strftime(timezone('Europe/London', ts), '%d.%m.%Y') AS d FROM orders")["d"]
    assert sorted(days) == sorted(want["Datum"])
    assert store.scalar("SELECT count(DISTINCT customer_id) FROM orders") == want["Kunde"].nunique()
    store.close()


def test_dates_that_could_be_either_way_round_are_not_guessed(tmp_path):
    f = tmp_path / "commandes.csv"
    f.write_text("Date de commande,Montant TTC,Client,N° commande\n"
                 '03/11/2025,"12,50 €",Dupont,F-1001\n04/11/2025,"8,00 €",Martin,F-1002\n', encoding="utf-8")
    out = run("ingest", str(f)).output
    assert "'Montant TTC' amount (decimal comma" in out
    assert "day or month first cannot be told" in out
    assert "timestamp_format" not in out.split("[mappings.commandes]")[1].split("Or map it")[0]
    assert "'N° commande' as the order id, 'Client' as the customer" in out


def test_a_file_without_a_date_and_an_amount_asks_for_the_table(tmp_path):
    f = tmp_path / "notes.csv"
    f.write_text("when,what\nyesterday,hello\n")
    out = run("ingest", str(f)).output
    assert "cannot tell which table" in out and "[mappings." not in out


def survey_sheet(path: Path) -> None:
    """A form tool's responses sheet no recipe knows (a Google Forms sheet is recognised by its
    Timestamp column; this one dates answers in "Submission Date"), US month-first dates, an
    email column, then one column per question."""
    rng = random.Random(11)
    rows = [["Submission Date", "Email Address", "How likely are you to recommend Pip's Bakery to a friend?",
             "How would you rate your last visit?", "What could we do better?"]]
    for _ in range(50):
        month, day = rng.choice([9, 10, 11]), rng.randint(1, 28)
        email = f"guest{rng.randint(1, 30)}@example.com" if rng.random() < 0.7 else ""
        rows.append([f"{month}/{day}/2025 {rng.randint(7, 21)}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
                     email, str(rng.choice(range(11))), str(rng.randint(1, 5)),
                     rng.choice(["", "More gluten-free bread, please", "Queue was long, at 9am", "Nothing!"])])
    pd.DataFrame(rows[1:], columns=rows[0]).to_csv(path, index=False)


def test_a_survey_sheet_is_read_as_survey_answers_and_the_suggested_mapping_loads_it(tmp_path, home):
    f = tmp_path / "Pip's feedback (Responses) - Form responses 1.csv"
    survey_sheet(f)
    out = run("ingest", str(f)).output
    assert "It looks like survey answers: 'Submission Date' as the date" in out
    assert "as the 0-10 recommend score (NPS)" in out and "as the 1-5 rating (CSAT)" in out
    assert "'What could we do better?' as the comment" in out and "'Email Address' as the customer" in out
    assert "month first" in out and "orders" not in out.split("It looks like")[1].split("\n")[0]
    assert "journeybot ingest surveys 'Pip" in out  # a name with spaces is quoted for the shell
    block = [line[2:] for line in out.splitlines() if line.startswith("  ")]
    (tmp_path / "journeybot.toml").write_text("\n".join(block) + "\n", encoding="utf-8")
    name = block[0].removeprefix("[mappings.").removesuffix("]")
    loaded = run("ingest", "surveys", str(f), "--mapping", name)
    assert loaded.exit_code == 0, loaded.output

    want = pd.read_csv(f, dtype=str, keep_default_na=False)
    nps = want.iloc[:, 2].astype(int)
    store = JourneyStore(home / "journey.duckdb")
    assert store.count("surveys") == len(want)
    assert store.scalar("SELECT avg(nps) FROM surveys") == pytest.approx(nps.mean())
    assert store.scalar("SELECT avg(csat) FROM surveys") == pytest.approx(want.iloc[:, 3].astype(int).mean())
    # month first, in the business zone; the email is stored as a key, never as the address
    days = store.query("SELECT strftime(timezone('Europe/London', ts), '%-m/%-d/%Y') AS d FROM surveys")["d"]
    assert sorted(days) == sorted(want["Submission Date"].str.split(" ").str[0])
    assert not store.scalar("SELECT count(*) FROM surveys WHERE contains(customer_id, '@')")
    assert store.scalar("SELECT count(DISTINCT customer_id) FROM surveys") == want.loc[want.iloc[:, 1] != "", "Email Address"].nunique()
    store.close()
