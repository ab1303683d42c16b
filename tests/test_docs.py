"""The README and the docs a newcomer is sent to say what the product has: their links resolve,
every command they name exists and every command is named, the Slack scopes and events they
justify are the manifests', every KPI has its rows in docs/METRICS.md and every vendor export
its row in docs/SOURCES.md (and no row names something that is not there)."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
import yaml

from bot.cli import main
from tools.analytics.kpi_catalog import METRICS
from tools.data.vendors.catalogue import vendor_recipes

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
DOCS = [README, *sorted((REPO / "docs").glob("*.md"))]


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _section(text: str, start: str, end: str) -> str:
    """The lines from the heading `start` up to the heading `end`."""
    return text[text.index(start):text.index(end, text.index(start))]


def _table_rows(text: str) -> list[list[str]]:
    """The cells of every Markdown table row, header and rule rows left out."""
    lines = text.splitlines()
    rule = re.compile(r"\|\s*-{3,}")
    return [[c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
            for line, after in zip(lines, [*lines[1:], ""], strict=True)
            if line.startswith("| ") and not rule.match(line) and not rule.match(after)]


def _code(text: str) -> str:
    """Everything written as code: fenced blocks and `inline` spans (where commands are)."""
    fenced = re.findall(r"```[^\n]*\n(.*?)```", text, flags=re.S)
    rest = re.sub(r"```.*?```", "", text, flags=re.S)
    return "\n".join(fenced + re.findall(r"`([^`]+)`", rest))


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_relative_link_resolves(doc):
    text = _text(doc)
    broken = [href for href in re.findall(r"\]\(([^)\s]+)\)", text)
              if not re.match(r"[a-z]+:|#", href) and not (doc.parent / href.split("#")[0]).exists()]
    assert not broken, f"{doc.name} links to files that are not there: {broken}"


@pytest.mark.parametrize("doc", [d for d in DOCS if d.name != "BENCHMARKS.md"], ids=lambda p: p.name)
def test_every_repository_file_the_docs_name_exists(doc):
    # BENCHMARKS.md is a dated record: it names what was there when each number was measured.
    named = re.findall(r"`((?:bot|tools|tests|bench|scripts|slack|deploy|examples|docs|prompts)/[\w./-]+"
                       r"\.(?:py|toml|yml|yaml|md|service|json))`", _text(doc))
    missing = sorted({p for p in named if not (REPO / p).exists() and not p.endswith(".env")})
    assert not missing, f"{doc.name} names files that are not in the repository: {missing}"


def _commands() -> dict[str, list[str]]:
    """Each command of `journeybot`, with its subcommands for a group."""
    ctx = click.Context(main)
    out = {}
    for name in main.list_commands(ctx):
        cmd = main.get_command(ctx, name)
        out[name] = cmd.list_commands(click.Context(cmd)) if isinstance(cmd, click.Group) else []
    return out


def test_every_command_and_subcommand_is_in_the_readme_or_the_docs():
    code = "\n".join(_code(_text(d)) for d in DOCS)
    unnamed = []
    for name, subs in _commands().items():
        if not re.search(rf"(?<![@\w/.-])journeybot {name}\b", code):
            unnamed.append(name)
        # `journeybot predict train|risk|clv` names each of the three
        unnamed += [f"{name} {s}" for s in subs
                    if not re.search(rf"journeybot {name} \[?(?:[^\s|]*\|)*{s}\b", code)]
    assert not unnamed, f"commands no page names: {unnamed}"


def test_every_command_the_readme_shows_exists():
    commands = _commands()
    # `sources list|test|sync`, escaped `list\|test` inside a table
    shown = re.findall(r"(?<![@\w/.-])journeybot ([a-z]+)(?: \[?([a-z]+(?:\\?\|[a-z]+)*))?", _code(_text(README)))
    unknown = sorted({name for name, _ in shown if name not in commands})
    unknown += sorted({f"{name} {s}" for name, subs in shown if commands.get(name)
                       for s in subs.replace("\\", "").split("|") if subs and s not in commands[name]})
    assert not unknown, f"README shows commands journeybot does not have: {unknown}"


@pytest.mark.parametrize("manifest", ["manifest.yml", "manifest-http.yml"])
def test_readme_gives_the_reason_for_exactly_the_manifests_scopes_and_events(manifest):
    m = yaml.safe_load(_text(REPO / "slack" / manifest))
    connect = _section(_text(README), "## Connect Slack", "## Run it for real")
    table = _section(connect, "**The scopes it asks for", "The events it subscribes to")
    justified = {row[0].strip("`") for row in _table_rows(table) if row[1]}
    assert justified == set(m["oauth_config"]["scopes"]["bot"])
    events = _section(connect, "The events it subscribes to", "Digests and alerts")
    assert set(re.findall(r"`([a-z_.]+)`", events)) == set(m["settings"]["event_subscriptions"]["bot_events"])


def test_metrics_md_has_rows_for_exactly_the_kpis():
    doc = _text(REPO / "docs" / "METRICS.md")
    reads = _section(doc, "### What each KPI reads", "### Journey conversion")
    assert [row[0].strip("`") for row in _table_rows(reads)] == list(METRICS)
    # One definition row per KPI; the step rates share one ("`conversion_consideration` ...
    # `conversion_advocacy`").
    definitions = _section(doc, "### Journey conversion", "### The business profile")
    defined = [name for row in _table_rows(definitions) for name in re.findall(r"`(\w+)`", row[0].split(" (")[0])]
    steps = [m for m in METRICS if m.startswith("conversion_")]
    if "conversion_consideration" in defined and "conversion_advocacy" in defined:
        defined += [s for s in steps if s not in defined]
    assert sorted(defined) == sorted(METRICS)


def test_sources_md_tells_where_every_vendor_export_is_downloaded():
    doc = _text(REPO / "docs" / "SOURCES.md")
    table = _section(doc, "## Vendor exports that load as they are", "### Mapping features")
    rows = {name: row for row in _table_rows(table) for name in re.findall(r"`(\w+)`", row[0])}
    recipes = {r.name: r for r in vendor_recipes()}
    assert sorted(rows) == sorted(recipes)
    for name, (_, where, loads, *how) in rows.items():
        assert where and how[0], name
        assert [t.strip() for t in loads.split(",")] == recipes[name].tables, name


def test_pattern_help_lists_the_kpis_it_answers():
    from tools.analytics.time_pattern import PATTERN_METRICS

    metric = next(p for p in main.get_command(click.Context(main), "pattern").params if p.name == "metric")
    listed = re.findall(r"[a-z_]+", metric.help.split(" (")[0])
    assert sorted(listed) == sorted(PATTERN_METRICS)


def test_readme_explains_every_environment_setting_the_code_reads():
    read = {m for folder in ("bot", "tools") for path in (REPO / folder).rglob("*.py")
            for m in re.findall(r"JOURNEYBOT_[A-Z_]+[A-Z]", path.read_text(encoding="utf-8"))}
    settings = _section(_text(README), "Settings from the environment", "Everything journeybot keeps")
    explained = {row[0].strip("`") for row in _table_rows(settings)}
    assert explained == read


def _options(cmd: click.Command) -> set[str]:
    opts = {o for p in cmd.params for o in (*p.opts, *p.secondary_opts) if o.startswith("--")}
    if isinstance(cmd, click.Group):
        ctx = click.Context(cmd)
        opts |= set().union(*(_options(cmd.get_command(ctx, s)) for s in cmd.list_commands(ctx)))
    return opts | {"--details", "--help"}


def test_every_option_the_readme_command_table_shows_exists():
    table = _section(_text(README), "## Commands", "Every command's `--help`")
    ctx = click.Context(main)
    unknown = []
    for row in _table_rows(table):
        usage = re.match(r"`journeybot ([a-z]+)([^`]*)`", row[0])
        assert usage, row[0]
        cmd = main.get_command(ctx, usage[1])
        shown = set(re.findall(r"--[a-z][a-z-]*", usage[2]))
        unknown += [f"{usage[1]} {o}" for o in sorted(shown - _options(cmd))]
    assert not unknown, f"README's command table shows options the commands do not have: {unknown}"


def test_every_command_line_in_the_docs_names_a_command_and_its_options():
    """`journeybot agent` or `journeybot kpis --metrics` in a page is a newcomer's first error."""
    ctx = click.Context(main)
    commands, wrong = _commands(), []
    for doc in DOCS:
        for line in _code(_text(doc)).splitlines():
            # each command of a line (`a && b`, `a; b`, comments cut off)
            for part in re.split(r"&&|;|\|\||#|\s\|\s", line):
                words = re.sub(r"^\s*(?:\$\s+)?(?:[A-Z_]+=\S+\s+)*", "", part).split()
                if len(words) < 2 or words[0] != "journeybot":
                    continue
                if words[1] not in commands:
                    wrong.append(f"{doc.name}: {part.strip()}")
                    continue
                cmd = main.get_command(ctx, words[1])
                if len(words) > 2 and words[2] in commands[words[1]]:
                    cmd = cmd.get_command(click.Context(cmd), words[2])
                wrong += [f"{doc.name}: {part.strip()}" for o in re.findall(r"(?<![\w-])--[a-z][a-z-]*", part)
                          if o not in _options(cmd)]
    assert not wrong, wrong


def test_every_commands_help_has_examples_as_the_readme_says():
    from click.testing import CliRunner

    paths = [[name, *([s] if s else [])] for name, subs in _commands().items() for s in [None, *subs]]
    missing = [" ".join(p) for p in paths
               if "Example" not in CliRunner().invoke(main, [*p, "--help"], prog_name="journeybot").output]
    assert not missing, f"--help without an example: {missing}"


@pytest.mark.parametrize("manifest", ["manifest.yml", "manifest-http.yml"])
def test_the_slash_commands_usage_hint_offers_only_what_it_answers(manifest):
    from bot.slack.commands import SUBCOMMANDS

    hint = yaml.safe_load(_text(REPO / "slack" / manifest))["features"]["slash_commands"][0]["usage_hint"]
    offered = {part.split()[0] for part in hint.split("|")}
    assert offered <= set(SUBCOMMANDS), offered - set(SUBCOMMANDS)
