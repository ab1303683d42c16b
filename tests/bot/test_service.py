"""`journeybot serve` as a service: /health, /ready and /metrics in Socket Mode (on their own
port) and in HTTP mode (beside /slack/events), and JSON logs on request. Each test runs the
real command in its own process against the fake Slack Web API (and, for Socket Mode, a fake
Socket Mode WebSocket)."""

from __future__ import annotations

import io
import json
import logging

import pytest
from fakes.slack_requests import SlackPayloads, SlackSender
from fakes.slack_socket import FakeSocketMode
from serve_process import SECRET, ServeProcess, free_port, write_service_config

from bot.health import Health
from bot.logs import setup_logging


@pytest.fixture
def socket_mode(fake_slack):
    fake = FakeSocketMode().start()
    fake_slack.socket_url = fake.url
    yield fake
    fake.stop()


def test_socket_mode_serves_health_ready_and_metrics_on_its_own_port(tmp_path, fake_slack, socket_mode,
                                                                    slack_shared):
    port = free_port()
    config = write_service_config(tmp_path / "cfg", slack_api=fake_slack.base_url, mode="socket", health_port=port)
    bot = ServeProcess("socket", tmp_path / "home", config, port, http=False,
                       env={"JOURNEYBOT_LOG_FORMAT": "json"}).start()
    try:
        ready = bot.wait_ready()
        assert ready["ready"] is True
        assert ready["checks"] == {"state": "ok", "journey_store": "ok", "scheduler": "ok", "slack": "ok"}
        assert bot.get("/health") == (200, "ok")
        # A mention over the WebSocket is acked, answered, and counted.
        body = SlackPayloads(slack_shared / "payloads").app_mention(
            text="<@U0LAN0Z89> what data do you have?", event_id="Ev0SOCKET1", ts="1515449522.000100")
        assert socket_mode.push_event(body) < 3.0
        fake_slack.wait_for("chat.stopStream", timeout=30)
        assert _wait_for_metric(bot, "journeybot_answers_total", surface="mention", outcome="ok") == 1
        assert bot.metric("journeybot_slack_events_total", outcome="handled") == 1
        # Slack goes away: the instance says it is not ready, and why.
        socket_mode.drop()
        socket_mode.stop()
        status, text = _wait_for_status(bot, "/ready", 503)
        assert json.loads(text)["checks"]["slack"] == "not connected to Slack"
        assert bot.metric("journeybot_ready") == 0
    finally:
        bot.stop()
    # JSON logs: every log line is one object (the console lines for the operator stay text).
    lines = [json.loads(line) for line in bot.output().splitlines() if line.startswith("{")]
    assert all({"time", "level", "logger", "message"} <= set(line) for line in lines)
    assert any(line["level"] == "info" and line["message"].startswith("A new session has been established")
               for line in lines)


def test_http_mode_serves_them_beside_the_slack_endpoint(tmp_path, fake_slack, slack_shared):
    port = free_port()
    config = write_service_config(tmp_path / "cfg", slack_api=fake_slack.base_url)
    bot = ServeProcess("http", tmp_path / "home", config, port).start()
    try:
        ready = bot.wait_ready()
        assert ready["checks"] == {"state": "ok", "journey_store": "ok", "scheduler": "ok"}
        assert bot.get("/health") == (200, "ok")
        assert bot.get("/nothing-here")[0] == 404
        body = SlackPayloads(slack_shared / "payloads").app_mention(
            text="<@U0LAN0Z89> what data do you have?", event_id="Ev0HTTP001", ts="1515449522.000200")
        sender = SlackSender(bot.events_url, SECRET)
        assert sender.event(body)[0] == 200
        assert sender.event(body, retry_num=1)[0] == 200  # Slack's retry: dropped, counted
        fake_slack.wait_for("chat.stopStream", timeout=30)
        assert _wait_for_metric(bot, "journeybot_answers_total", outcome="ok") == 1
        status, text = bot.get("/metrics")
        assert status == 200
        assert "# TYPE journeybot_answer_seconds histogram" in text
        assert bot.metric("journeybot_ack_seconds_count", kind="event") == 2
        assert bot.metric("journeybot_slack_events_total", outcome="duplicate") == 1
        assert bot.metric("journeybot_answers_total", outcome="ok") == 1
        assert bot.metric("journeybot_job_runs_total", job="sweep", outcome="ok") >= 1  # runs at start
    finally:
        bot.stop()
    assert "Listening on http://127.0.0.1" in bot.output()


def _wait_for_metric(bot: ServeProcess, name: str, timeout: float = 10.0, **labels: str) -> float:
    """The metric once it is non-zero (the answer is counted just after Slack has it), or 0."""
    import time

    deadline = time.monotonic() + timeout
    value = bot.metric(name, **labels)
    while not value and time.monotonic() < deadline:
        time.sleep(0.2)
        value = bot.metric(name, **labels)
    return value


def _wait_for_status(bot: ServeProcess, path: str, status: int, timeout: float = 30.0) -> tuple[int, str]:
    import time

    deadline = time.monotonic() + timeout
    got = bot.get(path)
    while got[0] != status and time.monotonic() < deadline:
        time.sleep(0.3)
        got = bot.get(path)
    assert got[0] == status, got
    return got


def test_ready_names_the_failing_check_and_optional_ones_only_degrade():
    health = Health()
    health.add("state", lambda: None)
    health.add("feedback", lambda: "the Chroma server at http://127.0.0.1:9 is unreachable", required=False)
    status, _, body = health.respond("/ready")
    assert status == 200
    assert json.loads(body)["checks"]["feedback"].startswith("degraded: the Chroma server")
    health = Health()

    def broken() -> str | None:
        raise ConnectionError("connection refused")

    health.add("state", broken)
    status, kind, body = health.respond("/ready?verbose=1")
    assert (status, kind) == (503, "application/json")
    assert json.loads(body)["checks"] == {"state": "ConnectionError: connection refused"}


def test_json_logs_are_one_object_per_line_with_the_extra_fields():
    stream = io.StringIO()
    setup_logging("json", "INFO", stream=stream)
    try:
        log = logging.getLogger("journeybot.test")
        log.info("answered %s", "a question", extra={"request_id": "abc123"})
        try:
            raise ValueError("boom")
        except ValueError:
            log.exception("failed")
    finally:
        setup_logging("text", "WARNING")
    first, second = (json.loads(line) for line in stream.getvalue().splitlines()[:2])
    assert (first["level"], first["message"], first["request_id"]) == ("info", "answered a question", "abc123")
    assert second["error"] == "ValueError" and "boom" in second["traceback"]


def test_a_database_password_in_the_config_file_is_refused_and_the_environment_wins(tmp_path):
    from click.testing import CliRunner

    from bot.cli import main

    (tmp_path / "journeybot.toml").write_text('[state]\nurl = "postgresql://journeybot:hunter2@db/journeybot"\n')
    result = CliRunner().invoke(main, ["config", "check", str(tmp_path / "journeybot.toml")])
    assert result.exit_code == 1
    assert "state.url: a password does not belong in the config file" in result.output
    assert "hunter2" not in result.output
    (tmp_path / "ok.toml").write_text('[state]\nurl = "postgresql://journeybot@db/journeybot"\n')
    result = CliRunner().invoke(main, ["config", "check", str(tmp_path / "ok.toml")],
                                env={"JOURNEYBOT_STATE_URL": "postgresql://other:s3cret@db2/jb"})
    assert result.exit_code == 0
    assert "state:         postgresql://other:***@db2/jb (shared by every instance)" in result.output


def test_an_unreachable_state_database_is_an_environment_problem_with_one_line(monkeypatch):
    from click.testing import CliRunner

    from bot.cli import main

    port = free_port()  # nothing listens there
    monkeypatch.setenv("JOURNEYBOT_STATE_URL", f"postgresql://journeybot:s3cret@127.0.0.1:{port}/jb")
    result = CliRunner().invoke(main, ["stats"])
    assert result.exit_code == 3
    assert f"The operational database postgresql://journeybot:***@127.0.0.1:{port}/jb cannot be used" in result.output
    assert "s3cret" not in result.output
