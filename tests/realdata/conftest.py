"""The real-data acceptance suite: each public data set loaded once, through its recipe, into
its own data folder, the way a new user would (`journeybot ingest --recipe ...`); then plain
questions asked through the command line and through `journeybot ask --json`.

Every test here is marked `realdata` and skips cleanly when ../shared is absent
(`JOURNEYBOT_SHARED_DIR` points elsewhere)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import main

REPO = Path(__file__).resolve().parents[2]

# name -> (recipe folder under examples/, data folder under shared/data/external, business time
# zone the owner sets in the config: Olist is a Brazilian shop, the others keep UTC stamps)
DATASETS: dict[str, tuple[str, str, str]] = {
    "olist": ("olist", "olist_sample", "America/Sao_Paulo"),
    "shoppers": ("uci_online_shoppers", "online_shoppers_intention", "UTC"),
    "rees46": ("rees46", "rees46_events_sample", "UTC"),
    "sentences": ("uci_sentences", "uci_sentiment_labelled", "UTC"),
    "twcs": ("twcs", "twcs_sample", "UTC"),
}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.realdata)


class Shop:
    """One data set loaded into its own data folder, and the two ways of asking it."""

    def __init__(self, home: Path, raw: Path):
        self.home = home
        self.raw = raw  # the data set's raw files, for the tests' own computations

    def _run(self, args: list[str]) -> Any:
        result = CliRunner().invoke(main, args, env={"JOURNEYBOT_HOME": str(self.home)}, catch_exceptions=False)
        assert result.exit_code == 0, f"journeybot {' '.join(args)} exited {result.exit_code}:\n{result.output}"
        return json.loads(result.output)

    def cli(self, *args: str) -> Any:
        """`journeybot <args> --json`."""
        return self._run([*args, "--json"])

    def ask(self, question: str) -> Any:
        """`journeybot ask --json "<question>"`."""
        return self._run(["ask", "--json", question])


def _load(name: str, tmp_path_factory, shared_dir: Path) -> Shop:
    recipe, folder, zone = DATASETS[name]
    raw = shared_dir / "data" / "external" / folder
    if not raw.exists():
        pytest.skip(f"{raw} is not here (the shared data folder is optional)")
    home = tmp_path_factory.mktemp(name)
    (home / "config.toml").write_text(f'[business]\ntimezone = "{zone}"\n', encoding="utf-8")
    result = CliRunner().invoke(
        main, ["ingest", "--recipe", str(REPO / "examples" / recipe / "recipe.toml"), "--data-dir", str(raw)],
        env={"JOURNEYBOT_HOME": str(home)}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return Shop(home, raw)


@pytest.fixture(scope="session")
def shared_root() -> Path:
    """../shared, or JOURNEYBOT_SHARED_DIR (as tests/conftest.py reads it)."""
    return Path(os.environ.get("JOURNEYBOT_SHARED_DIR", REPO.parent / "shared"))


def _index(shop: Shop) -> Shop:
    """What customers said is read from the feedback store: the command line asks for it to be
    indexed once after loading (the agent indexes by itself when the texts change)."""
    result = CliRunner().invoke(main, ["feedback", "index"], env={"JOURNEYBOT_HOME": str(shop.home)},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return shop


@pytest.fixture(scope="session")
def olist(tmp_path_factory, shared_root) -> Shop:
    return _index(_load("olist", tmp_path_factory, shared_root))


@pytest.fixture(scope="session")
def shoppers(tmp_path_factory, shared_root) -> Shop:
    return _load("shoppers", tmp_path_factory, shared_root)


@pytest.fixture(scope="session")
def rees46(tmp_path_factory, shared_root) -> Shop:
    return _load("rees46", tmp_path_factory, shared_root)


@pytest.fixture(scope="session")
def sentences(tmp_path_factory, shared_root) -> Shop:
    return _index(_load("sentences", tmp_path_factory, shared_root))


@pytest.fixture(scope="session")
def twcs(tmp_path_factory, shared_root) -> Shop:
    return _load("twcs", tmp_path_factory, shared_root)
