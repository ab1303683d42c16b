"""`journeybot demo` from nothing: generates, loads and explains the sample, offline."""

from __future__ import annotations

from click.testing import CliRunner

from bot.cli import main


def test_demo_runs_offline_from_an_empty_data_folder(home):
    result = CliRunner().invoke(main, ["demo"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Generating sample data" in out
    assert "Data from 2026-05-20 to 2026-11-15 (180 days" in out
    assert "awareness" in out and "advocacy" in out
    assert (home / "journey.duckdb").exists() and (home / "sample" / "ground_truth.csv").exists()
    again = CliRunner().invoke(main, ["demo"], catch_exceptions=False)
    assert again.exit_code == 0 and "(0 new; loading again adds nothing)" in again.output
    assert "Generating sample data" not in again.output


def test_demo_will_not_mix_sample_data_into_real_data(tmp_path):
    f = tmp_path / "customers.csv"
    f.write_text("customer_id\nREAL-1\n")
    assert CliRunner().invoke(main, ["ingest", "customers", str(f)]).exit_code == 0
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 1
    assert "holds your own data" in result.output and "JOURNEYBOT_HOME=" in result.output
