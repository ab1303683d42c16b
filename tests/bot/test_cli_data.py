"""The command line as a script sees it: output, exit codes, and the store left intact."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import REPO, external

from bot.cli import main

ORDERS_BAD = "order_id,customer_id,ts,amount\nO1,C1,2026-05-01,-5\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_ingest_reports_counts_and_is_idempotent(tmp_path: Path):
    f = tmp_path / "customers.csv"
    f.write_text("Customer Ref,Town\nC1,Bristol\nC2,Bath\n")
    first = run("ingest", "customers", str(f), "--map", "customer_id=Customer Ref", "--map", "city=Town")
    assert first.exit_code == 0, first.output
    assert "2 new" in first.output
    again = run("ingest", "customers", str(f), "--map", "customer_id=Customer Ref", "--map", "city=Town")
    assert "0 new" in again.output and "2 unchanged" in again.output


def test_bad_input_exits_1_with_the_row_and_column(tmp_path: Path):
    (tmp_path / "c.csv").write_text("customer_id\nC1\n")
    run("ingest", "customers", str(tmp_path / "c.csv"))
    (tmp_path / "o.csv").write_text(ORDERS_BAD)
    result = run("ingest", "orders", str(tmp_path / "o.csv"))
    assert result.exit_code == 1
    assert "row 1, column 'amount'" in result.output
    assert "Nothing was written" in result.output
    described = run("describe", "--json")
    assert '"orders"' in described.output and '"rows": 0' in described.output


def test_usage_errors_exit_2(tmp_path: Path):
    assert run("ingest").exit_code == 2
    assert run("ingest", "orders", str(tmp_path / "x.csv"), "--map", "no-equals-sign").exit_code == 2
    assert run("ingest", "nonsense-table", "x.csv").exit_code == 2


def test_config_check_accepts_the_example_and_names_wrong_keys(tmp_path: Path):
    example = Path(__file__).resolve().parents[2] / "config.example.toml"
    ok = run("config", "check", str(example))
    assert ok.exit_code == 0 and "OK" in ok.output
    bad = tmp_path / "bad.toml"
    bad.write_text('[business]\ntimezone = "Mars/Olympus"\ncolour = "red"\n[slack]\nbot_token = "xoxb-1"\n')
    result = run("config", "check", str(bad))
    assert result.exit_code == 1
    assert "business.timezone" in result.output and "business.colour: unknown key" in result.output
    assert "secrets do not belong" in result.output


def test_config_file_mappings_are_used_by_name(tmp_path: Path):
    cfg = tmp_path / "journeybot.toml"
    cfg.write_text(
        '[mappings.crm]\ntable = "customers"\ncolumns = { customer_id = "Ref" }\n'
        'constants = { segment = "wholesale" }\n'
    )
    f = tmp_path / "crm.csv"
    f.write_text("Ref\nW1\n")
    result = run("ingest", "customers", str(f), "--mapping", "crm")
    assert result.exit_code == 0, result.output
    shown = run("describe")
    assert "1 customer;" in shown.output and "1 customers" not in shown.output  # one, said in the singular


def test_data_folder_follows_journeybot_home(tmp_path: Path, monkeypatch):
    other = tmp_path / "elsewhere"
    monkeypatch.setenv("JOURNEYBOT_HOME", str(other))
    f = tmp_path / "c.csv"
    f.write_text("customer_id\nC1\n")
    assert run("ingest", "customers", str(f)).exit_code == 0
    assert (other / "journey.duckdb").exists()


VENDORS = Path(__file__).resolve().parents[1] / "fixtures" / "vendors"


def test_a_vendor_export_loads_as_downloaded_and_says_what_it_is():
    first = run("ingest", str(VENDORS / "shopify" / "orders_export.csv"))
    assert first.exit_code == 0, first.output
    assert "Recognised orders_export.csv as a Shopify orders export (Shopify): loading orders" in first.output
    assert "amounts in EUR" in first.output
    # Nobody had set the business currency: the export's currency column sets it.
    assert "business currency is" not in first.output
    assert "EUR" in run("profile").output and "the currency column of orders_export.csv" in run("profile").output
    again = run("ingest", str(VENDORS / "shopify" / "orders_export.csv"))
    assert "0 new, 0 updated" in again.output


def test_a_vendor_export_in_another_currency_than_the_profile_says_so():
    assert run("profile", "set", "currency=GBP").exit_code == 0
    first = run("ingest", str(VENDORS / "shopify" / "orders_export.csv"))
    assert "amounts in EUR" in first.output and "business currency is GBP" in first.output
    assert "GBP" in run("profile").output  # a currency someone set is not changed by data
    described = run("describe").output
    assert "orders say their amounts are in EUR" in described and "currency=EUR" in described


def test_an_export_can_be_named_and_the_exports_listed(tmp_path: Path):
    copy = tmp_path / "download (3).csv"
    copy.write_bytes((VENDORS / "zendesk" / "tickets.csv").read_bytes())
    named = run("ingest", str(copy), "--as", "zendesk_tickets")
    assert named.exit_code == 0 and "Loaded as" in named.output and "tickets" in named.output
    listed = run("ingest", "--vendors")
    for vendor in ("Shopify", "Square", "Stripe", "WooCommerce", "Zendesk", "Typeform", "Mailchimp"):
        assert vendor in listed.output


def test_an_unknown_file_without_a_table_is_bad_input(tmp_path: Path):
    f = tmp_path / "notes.csv"
    f.write_text("when,what\n2026-05-01,hello\n")
    result = run("ingest", str(f))
    assert result.exit_code == 1
    assert "not an export journeybot recognises" in result.output and "'when', 'what'" in result.output


@pytest.mark.realdata
def test_a_real_export_with_one_order_dated_2099_is_refused_and_loads_when_allowed(tmp_path: Path):
    """Olist with one order typed as 2099: the load stops naming the file, row and column and
    writes nothing; with --allow-future it loads, and 'last month' still ends on the real data."""
    raw = external("olist_sample")
    data = tmp_path / "olist"
    shutil.copytree(raw, data)
    orders = pd.read_csv(raw / "olist_orders_dataset.csv", dtype=str)
    orders.loc[len(orders) - 1, "order_purchase_timestamp"] = "2099-01-01 10:00:00"
    orders.to_csv(data / "olist_orders_dataset.csv", index=False)
    recipe = str(REPO / "examples" / "olist" / "recipe.toml")

    refused = run("ingest", "--recipe", recipe, "--data-dir", str(data))
    assert refused.exit_code == 1
    assert (f"olist_orders_dataset.csv, row {len(orders)}, column 'order_purchase_timestamp': dated in the "
            "future") in refused.output
    assert "--allow-future" in refused.output and "Nothing was written" in refused.output
    assert '"rows": 0' in run("describe", "--json").output

    allowed = run("ingest", "--recipe", recipe, "--data-dir", str(data), "--allow-future")
    assert allowed.exit_code == 0, allowed.output
    month = json.loads(run("kpis", "--metric", "orders", "--period", "last_30_days", "--json").output)
    real = orders.order_purchase_timestamp.iloc[:-1].str[:10].max()  # Sao Paulo dates, as written
    assert month["last_day"] == real


def test_a_folder_given_as_the_file_loads_every_export_in_it(tmp_path: Path):
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "customers.csv").write_text("customer_id,city\nC1,Leeds\nC2,York\nC3,Hull\n")
    (folder / "orders.csv").write_text("order_id,customer_id,ts,amount\nO1,C1,2026-05-01 10:00,12.5\nO2,C3,2026-05-02 11:00,7\n")
    loaded = run("ingest", str(folder))
    assert loaded.exit_code == 0, loaded.output
    assert "3 new" in loaded.output and "2 new" in loaded.output
    described = json.loads(run("describe", "--json").output)
    rows = {t["table"]: t["rows"] for t in described["tables"]}
    assert rows["customers"] == 3 and rows["orders"] == 2
    assert run("ingest", str(folder), "--folder", str(folder)).exit_code == 2
