"""`journeybot personas` as a script sees it: draft, save, list, show, export, exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from persona_fixtures import tiny_shop

from bot.cli import main
from tools.data.store import JourneyStore


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def shop(home):
    tiny_shop(JourneyStore(home / "journey.duckdb", timezone="Europe/London"))
    return home


def test_draft_save_list_show_export(shop, tmp_path):
    drafted = run("personas", "draft", "--segments", "2")
    assert drafted.exit_code == 0, drafted.output
    assert "I drafted 2 personas from 8 customers" in drafted.output and "**1.**" in drafted.output
    saved = run("personas", "save", "--position", "1", "--name", "Rosie")
    assert saved.exit_code == 0 and "Saved **Rosie** (version 1" in saved.output
    assert "Rosie (v1 of 1" in run("personas", "list").output.replace("**", "")
    shown = run("personas", "show", "rosie", "--json")
    card = json.loads(shown.output)["persona"]
    assert card["name"] == "Rosie" and card["version"] == 1
    out = tmp_path / "p.md"
    assert run("personas", "export", "--output", str(out)).exit_code == 0
    assert out.read_text().startswith("# Personas\n\n## Rosie")
    data = json.loads(run("personas", "export", "Rosie", "--format", "json").output)
    assert [p["name"] for p in data] == ["Rosie"]
    # The saved persona is a filter everywhere.
    funnel = run("funnel", "--persona", "Rosie", "--period", "all")
    assert funnel.exit_code == 0 and "persona=Rosie" in funnel.output


def test_mistakes_are_explained_with_exit_code_1(shop):
    missing = run("personas", "show", "Nobody")
    assert missing.exit_code == 1 and "No saved persona named 'Nobody'" in missing.output
    nothing = run("personas", "save")
    assert nothing.exit_code == 1 and "draft personas" in nothing.output
    assert run("personas", "draft", "--segments", "9").exit_code == 2
