"""`journeybot demo` from nothing: generates, loads and explains the sample, offline, with a
section for every capability."""

from __future__ import annotations

from click.testing import CliRunner

from bot.cli import main
from bot.cli.common import Ctx
from bot.cli.demo import SECTIONS, prepare_sample


def test_demo_runs_offline_from_an_empty_data_folder(home, capsys):
    result = CliRunner().invoke(main, ["demo"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Generating sample data" in out
    assert "Data from 2026-05-20 to 2026-11-15 (180 days" in out
    assert "awareness" in out and "advocacy" in out
    for section in SECTIONS:
        assert section.title in out, f"demo section {section.title!r} missing"
    assert "Traceback" not in out and "Skipped" not in out
    # The story runs in order, and the saved personas are a breakdown the next answer uses.
    positions = [out.index(t) for t in ("Your data", "KPI snapshot", "What customers say", "Personas",
                                         "Journey map", "Ask journeybot", "This morning's digest", "Alerts")]
    assert positions == sorted(positions)
    assert "Saved: The Order-Ahead Collector (v1)" in out and "Customers: persona=" in out
    # satisfaction_by: late deliveries against reviews, with the verdict and the groups' sizes
    late = out[out.index("> Are late deliveries hurting our reviews?"):]
    assert " of 5 for late (" in late.splitlines()[1] and "delivery outcome   answers" in late
    assert (home / "journey.duckdb").exists() and (home / "sample" / "ground_truth.csv").exists()
    # A second run reuses the sample and loads nothing new (the sections would repeat the above).
    capsys.readouterr()
    prepare_sample(Ctx())
    again = capsys.readouterr().out
    assert "Generating sample data" not in again and "(0 new; loading again adds nothing)" in again


def test_demo_will_not_mix_sample_data_into_real_data(tmp_path):
    f = tmp_path / "customers.csv"
    f.write_text("customer_id\nREAL-1\n")
    assert CliRunner().invoke(main, ["ingest", "customers", str(f)]).exit_code == 0
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 1
    assert "holds your own data" in result.output and "JOURNEYBOT_HOME=" in result.output
