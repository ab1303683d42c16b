"""Test isolation: every test gets its own data folder and no real credentials.

Tests never touch the network; Slack, OpenAI and model hubs are replaced by local fakes that
speak the real protocols (see tests/fakes/).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("JOURNEYBOT_SHARED_DIR", REPO.parent / "shared"))
EXTERNAL = SHARED / "data" / "external"

_CLEARED_PREFIXES = ("SLACK_", "OPENAI_", "JOURNEYBOT_", "CHROMA_")

pytest_plugins = ["fakes.slack_fixtures", "fakes.vendors.fixtures", "real_servers", "planner_fixtures",
                  "vendor_store_fixtures"]


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    for key in list(os.environ):
        if key.startswith(_CLEARED_PREFIXES) and key != "JOURNEYBOT_SHARED_DIR":
            monkeypatch.delenv(key, raising=False)
    home = tmp_path / "home"
    monkeypatch.setenv("JOURNEYBOT_HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    # Loads do not embed their texts (seconds of the real model per test); the tests of
    # indexing on load unset this.
    monkeypatch.setenv("JOURNEYBOT_INDEX_ON_LOAD", "0")
    monkeypatch.chdir(tmp_path)
    yield


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def external(name: str) -> Path:
    """A real public data set from ../shared/data/external, or skip the test cleanly."""
    path = EXTERNAL / name
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared data folder is optional)")
    return path


@pytest.fixture
def store():
    from tools.data.store import JourneyStore

    s = JourneyStore(None, timezone="Europe/London")
    yield s
    s.close()


@pytest.fixture
def shared_dir() -> Path:
    """../shared (or JOURNEYBOT_SHARED_DIR), for fixtures in nested conftest files, which
    cannot import this module by name."""
    return SHARED


@pytest.fixture(scope="session")
def minilm():
    """The offline embedding model (all-MiniLM-L6-v2), loaded once for the whole session."""
    pytest.importorskip("sentence_transformers")
    from tools.feedback.embeddings import LocalEmbedder

    embedder = LocalEmbedder()
    embedder.embed(["warm up"])
    return embedder
