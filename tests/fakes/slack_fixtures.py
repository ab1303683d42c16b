"""Fixtures for the Slack app tests: the fake Slack Web API, Slack's published payloads and
spec, and the whole app running between them (see tests/fakes/slack_harness.py).

A pytest plugin loaded by tests/conftest.py (`pytest_plugins`) rather than a conftest.py in
tests/bot/slack/: a second conftest module would shadow `from conftest import ...` elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fakes.slack_api import FakeSlackAPI
from fakes.slack_harness import BOT_TOKEN, SECRET, FakeFeatures, SlackHarness, write_config
from fakes.slack_requests import SlackPayloads, SlackSender
from fakes.slack_spec import SlackSpec
from fakes.slack_tools import tools_with_stand_ins


@pytest.fixture
def slack_shared(shared_dir: Path) -> Path:
    folder = shared_dir / "slack"
    if not (folder / "payloads").exists() or not (folder / "specs").exists():
        pytest.skip(f"{folder} is not here (Slack's payloads and specs are optional)")
    return folder


@pytest.fixture
def fake_slack() -> Iterator[FakeSlackAPI]:
    fake = FakeSlackAPI().start()
    yield fake
    fake.stop()


@pytest.fixture
def slack_store(store, tmp_path):
    from tools.data.ingest import ingest_file

    (tmp_path / "events.csv").write_text(
        "customer_id,ts,touchpoint,channel\n"
        "C1,2026-05-01 10:00,website_visit,instagram\nC1,2026-05-01 10:05,product_view,instagram\n"
        "C2,2026-05-02 11:00,website_visit,search\nC2,2026-05-02 11:03,add_to_cart,search\n"
        "C3,2026-05-03 09:00,website_visit,search\n"
    )
    ingest_file(store, "events", tmp_path / "events.csv")
    return store


def make_harness(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake: FakeSlackAPI, shared: Path, store,
                 *, config_extra: str = "", features: bool = True, chat_model=None, state=None,
                 tools=None) -> SlackHarness:
    from bot.agent.agent import JourneyAgent
    from bot.agent.tools import ToolContext
    from bot.config import load_config
    from bot.slack.app import SlackHTTPServer, build_app, make_client
    from bot.slack.poster import SlackPoster
    from bot.slack.services import build_services

    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    config = load_config(write_config(tmp_path, fake, config_extra))
    client = make_client(config.slack, config.secret("slack_bot_token"))
    agent = JourneyAgent(ToolContext(store=store, config=config), chat_model=chat_model, model_label="scripted model",
                         memory_path=tmp_path / "memory.sqlite", tools=tools)
    fakes = FakeFeatures() if features else None
    services = build_services(config, store, SlackPoster(client), agent=agent, state=state,
                              **(fakes.as_kwargs() if fakes else {}))
    app = build_app(services, client, signing_secret=config.secret("slack_signing_secret"))
    server = SlackHTTPServer(app, "127.0.0.1", 0, config.slack.http_path)
    server.start_in_thread()
    return SlackHarness(fake, SlackPayloads(shared / "payloads"), SlackSpec(shared / "specs"), services, server,
                        SlackSender(server.url, SECRET), fakes)


@pytest.fixture
def make_slack(tmp_path, monkeypatch, fake_slack, slack_shared, slack_store):
    """Build the running app; keyword arguments as make_harness. Every call the bot made in
    the test is checked against Slack's spec and Block Kit limits at the end."""
    made: list[SlackHarness] = []

    def make(**kw) -> SlackHarness:
        kw.setdefault("tools", tools_with_stand_ins())
        harness = make_harness(tmp_path, monkeypatch, fake_slack, slack_shared, kw.pop("store", slack_store), **kw)
        made.append(harness)
        return harness

    yield make
    for harness in made:
        harness.server.stop()
    if made:  # they share one fake Slack, so one check covers every call
        assert made[0].spec_problems() == []


@pytest.fixture
def slack(make_slack) -> SlackHarness:
    """The app with every feature wired to recording fakes and stand-in analyses."""
    return make_slack()
