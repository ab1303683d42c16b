"""`journeybot --help` lists the commands without importing them, with the same first lines
the commands themselves give; a simple command does not load what it never uses."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import click
from cli_process import checkout_env, run_and_list
from click.testing import CliRunner

from bot.cli import COMMAND_TABLE, main


def test_every_listed_first_line_is_the_commands_own():
    ctx = click.Context(main)
    for name, (target, line) in COMMAND_TABLE.items():
        command = main.get_command(ctx, name)
        assert command is not None, target
        assert line == command.get_short_help_str(limit=10_000), name


def test_help_lists_every_command_without_importing_them(tmp_path):
    code = ("import sys; from click.testing import CliRunner; from bot.cli import main; "
            "r = CliRunner().invoke(main, ['--help']); print(r.output); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pandas', 'langchain', 'langgraph', 'slack_bolt', 'torch', 'sklearn') or m.startswith('bot.cli.') "
            "or m == 'bot.config'))")
    env = checkout_env({**os.environ, "JOURNEYBOT_HOME": str(tmp_path)})
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    *help_lines, loaded = out.strip().splitlines()
    # Nor the config: its pydantic models are most of what is left of --help's start.
    assert eval(loaded) == ["bot.cli.args", "bot.cli.common"]  # noqa: S307 - our own repr of a list
    text = "\n".join(help_lines)
    for name in COMMAND_TABLE:
        assert f"\n  {name} " in text
    # The same text as when every command is loaded (as click lists them).
    assert CliRunner().invoke(main, ["--help"]).output.strip() == text.strip()


# Models of config sections a file without them never needs (bot/config/base.py section_adapter;
# the predictive settings are built at load only for a file with [predict]).
SECTION_MODELS = ("tools.data.mapping", "tools.sources.spec", "tools.alerts.rules", "tools.predict.settings")
# What a short reading command must not load: pandas (and numpy under it) costs about a second
# on a loaded machine, the rest far more; none of it is needed to print a few counts
# (docs/BENCHMARKS.md, issue 22, "Command start without pandas").
HEAVY = ("pandas", "numpy", "sklearn", "scipy", "langchain", "langchain_core", "langgraph", "chromadb",
         "sqlalchemy", "matplotlib", "jinja2", "torch", "slack_bolt", "openai", *SECTION_MODELS)

def _olist_home(tmp_path):
    """The Olist sample (a real export journeybot did not generate) loaded with its recipe."""
    from conftest import REPO, external

    folder = external("olist_sample")
    home = tmp_path / "olist"
    env = checkout_env({**os.environ, "JOURNEYBOT_HOME": str(home)})
    subprocess.run([sys.executable, "-m", "bot.cli", "ingest", "--recipe", str(REPO / "examples" / "olist" / "recipe.toml"),
                    "--data-dir", str(folder)], env=env, capture_output=True, text=True, check=True)
    return folder, env


def _light_run(env: dict[str, str], *args: str) -> tuple[str, set[str]]:
    """The command's output and the packages it loaded (and, by full name, the section models)."""
    out, modules = run_and_list(env, *args)
    return out, {m.split(".")[0] for m in modules} | (modules & set(SECTION_MODELS))


def test_describe_kpis_and_funnel_print_real_numbers_without_loading_pandas(tmp_path):
    import pandas as pd

    folder, env = _olist_home(tmp_path)
    people = pd.read_csv(folder / "olist_customers_dataset.csv")
    orders = pd.read_csv(folder / "olist_orders_dataset.csv")
    reviews = pd.read_csv(folder / "olist_order_reviews_dataset.csv")

    text, loaded = _light_run(env, "describe")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    # Counted from the raw files: a person is customer_unique_id; every order is placed
    # (a purchase event), delivered ones also have a delivery event, every review an answer.
    n_people = people.customer_unique_id.nunique()
    # describe writes the business's numbers the Brazilian way too (8.016)
    assert f"{_br(n_people)} customers; {_br(n_people)} with journey events, {_br(n_people)} with orders." in text
    events = len(orders) + int(orders.order_delivered_customer_date.notna().sum()) + len(reviews)
    assert f"{'events':<10} {_br(events):>11}" in text
    assert f"{'orders':<10} {_br(len(orders)):>11}" in text
    assert f"  purchase       {_br(len(orders)):>10}  {_br(n_people):>8}" in text

    out, loaded = _light_run(env, "describe", "--json")
    assert not loaded & set(HEAVY)
    data = json.loads(out)
    assert {s["stage"]: s["customers"] for s in data["stages"]}["purchase"] == n_people
    assert [k for k in data["kpis"][0]] == ["metric", "label", "available", "reason"]

    # Customers with an order in the data, and of them those with a delivered order.
    out, loaded = _light_run(env, "funnel", "--touchpoints", "order_placed,delivery", "--period", "all",
                             "--window", "365", "--json")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    steps = json.loads(out)["steps"]
    assert steps[0]["customers"] == n_people
    assert [s["name"] for s in steps] == ["order_placed", "delivery"]
    assert set(steps[0]) == {"step", "name", "customers", "step_conversion", "overall_conversion", "lost",
                             "median_days", "p90_days", "via_later_step"}
    text, loaded = _light_run(env, "funnel", "--period", "all")
    assert not loaded & set(HEAVY)
    assert f"{_br(n_people)} customers entered at purchase" in text

    # kpis reads its snapshot as tuples (tools/analytics/kpi_long.py): no pandas either.
    completed = int((orders.order_status == "delivered").sum())
    cancelled = int(orders.order_status.isin(["canceled", "unavailable"]).sum())
    text, loaded = _light_run(env, "kpis", "--period", "all", "--metric", "orders", "--metric", "csat")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    # The recipe's business writes numbers the Brazilian way (5.172; 55,2%).
    line = next(x for x in text.splitlines() if x.strip().startswith("Orders"))
    assert line.split() == ["Orders", _br(completed), _br(completed), "orders"], line
    assert f"{_br(completed)} completed orders" in text and f"{_br(cancelled)} cancelled" in text
    share = (reviews.review_score >= 4).mean()
    assert f"{share * 100:.1f}%".replace(".", ",") in text and f"{_br(len(reviews))} answers" in text

    out, loaded = _light_run(env, "kpis", "--period", "2018-01-01..2018-01-31", "--json")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
    data = json.loads(out)
    assert [k for k in data] == ["values", "period_label", "first_day", "last_day", "currency", "stage_steps",
                                 "exits", "provenance", "locale", "order_statuses", "unavailable"]
    got = {v["metric"]: v for v in data["values"]}
    # Olist's timestamps are Sao Paulo time, the business's zone: January is its first 7 characters.
    january = orders[orders.order_purchase_timestamp.str.startswith("2018-01")]
    assert got["orders"]["value"] == (january.order_status == "delivered").sum() > 0
    assert sum(r["orders"] for r in data["order_statuses"]) == len(january)
    assert all(set(r) == {"from", "to", "reached", "of", "rate"} for r in data["stage_steps"])


def _br(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_sections_the_file_has_are_still_checked_when_it_is_read(tmp_path):
    """[mappings], [[sources]] and [[alerts.rules]] are validated with their models only when
    the file has them: still at start, every mistake named where it is."""
    from typing import get_args

    from bot.config import running
    from tools.alerts import rules

    assert get_args(running.Severity) == get_args(rules.Severity)
    bad = tmp_path / "journeybot.toml"
    bad.write_text('[mappings.orders]\ntable = "orders"\nbogus = 1\n\n'
                   '[[sources]]\nname = "a"\nkind = "folder"\n\n'
                   '[alerts]\nescalate = ["urgent"]\n[[alerts.rules]]\nid = "x"\nmetric = "orders"\n')
    predict = tmp_path / "predict.toml"
    predict.write_text("[predict]\nhigh_risk = 0.2\nmedium_risk = 0.5\n")
    env = checkout_env({**os.environ, "JOURNEYBOT_HOME": str(tmp_path / "home")})
    done = subprocess.run([sys.executable, "-m", "bot.cli", "--config", str(bad), "describe"], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    problems = [line.strip() for line in done.stderr.splitlines() if line.strip().startswith("- ")]
    assert [p.split(":")[0] for p in problems] == ["- mappings.orders.bogus", "- sources.0.kind",
                                                   "- alerts.escalate.0", "- alerts.rules.0"], done.stderr
    done = subprocess.run([sys.executable, "-m", "bot.cli", "--config", str(predict), "describe"], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 1 and "predict: risk thresholds must satisfy" in done.stderr, done.stderr

    good = tmp_path / "good.toml"
    good.write_text('[mappings.orders]\ntable = "orders"\ncolumns = { order_id = "id", customer_id = "who", '
                    'ts = "when" }\n\n[[sources]]\nname = "drop"\nkind = "inbox"\npath = "inbox"\n')
    from bot.config import load_config
    from tools.data.mapping import Mapping
    from tools.sources.spec import SourceSpec

    cfg = load_config(good, env={"JOURNEYBOT_HOME": str(tmp_path / "home")})
    assert isinstance(cfg.mappings["orders"], Mapping) and cfg.mappings["orders"].columns["ts"] == "when"
    assert [type(s) for s in cfg.sources] == [SourceSpec] and cfg.sources[0].name == "drop"
