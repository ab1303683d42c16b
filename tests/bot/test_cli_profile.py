"""`journeybot profile` and the [business] section: the profile is shown with where each value
came from, set with a clear message when a value is wrong, and kept with the data."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bot.cli import main
from bot.config import load_config


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_the_profile_says_what_is_assumed_and_is_set_by_command():
    shown = run("profile")
    assert shown.exit_code == 0
    assert "GBP" in shown.output and "assumed (default)" in shown.output
    done = run("profile", "set", "currency=BRL", "timezone=America/Sao_Paulo", "--status", "shipped=completed")
    assert done.exit_code == 0, done.output
    assert "R$ 1.234,50" in done.output and "shipped=completed" in done.output
    again = run("profile")  # a new process reads it from the store
    assert "BRL" in again.output and "journeybot profile set" in again.output


def test_a_wrong_value_exits_1_and_changes_nothing():
    bad = run("profile", "set", "currency=REAIS")
    assert bad.exit_code == 1 and "ISO 4217" in bad.output
    assert run("profile", "set", "--status", "shipped=gone").exit_code == 2
    assert "GBP" in run("profile").output


def test_config_business_keys_are_validated_and_written_into_the_store(tmp_path: Path):
    cfg = tmp_path / "journeybot.toml"
    cfg.write_text('[business]\ncurrency = "USD"\nlocale = "en_US"\n'
                   '[business.order_statuses]\ncompleted = ["shipped"]\n')
    config = load_config(cfg)
    assert config.business.profile_keys() == {"currency": "USD", "locale": "en_US",
                                              "order_statuses": {"completed": ["shipped"], "pending": [],
                                                                 "cancelled": [], "returned": []}}
    store = config.open_store()
    assert store.profile.kind_of("shipped") == "completed" and store.profile.numbers.money(3) == "$3.00"
    assert store.profile.sources["currency"] == f"config {cfg}"
    assert "timezone" not in config.business.profile_keys()  # left out: the store's (or default) stays
    bad = tmp_path / "bad.toml"
    bad.write_text('[business]\ncurrency = "dollars"\nlocale = "xx"\n')
    result = run("config", "check", str(bad))
    assert result.exit_code == 1
    assert "business.currency" in result.output and "business.locale" in result.output
