"""The deployment files: the container's entry point run for real (with a recording stand-in
for the `journeybot` binary), the Dockerfile's promises, the compose files' structure, and the
systemd unit checked by systemd itself.

No container engine runs on the machines these tests run on (the docker client is there, its
daemon is not), so the image is not built here; docs/DEPLOY.md says so. What the image would
install is checked by building the journeybot wheel from the same files the Dockerfile copies.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from serve_process import free_port

REPO = Path(__file__).resolve().parents[1]
ENTRYPOINT = REPO / "deploy" / "docker-entrypoint.sh"


@pytest.fixture
def recorder(tmp_path) -> Path:
    """A stand-in for the journeybot binary that prints its arguments and the secrets it got."""
    path = tmp_path / "journeybot"
    path.write_text('#!/usr/bin/env bash\necho "args: $*"\necho "bot token: ${SLACK_BOT_TOKEN:-unset}"\n'
                    'echo "state: ${JOURNEYBOT_STATE_URL:-unset}"\n')
    path.chmod(0o755)
    return path


def entry(*args: str, recorder: Path, home: Path, **env: str) -> subprocess.CompletedProcess:
    full = {"PATH": os.environ["PATH"], "JOURNEYBOT_BIN": str(recorder), "JOURNEYBOT_HOME": str(home),
            "JOURNEYBOT_PYTHON": sys.executable, "PYTHONPATH": str(REPO), **env}
    return subprocess.run(["bash", str(ENTRYPOINT), *args], capture_output=True, text=True, env=full, timeout=60)


def test_with_no_arguments_or_only_flags_it_serves(recorder, tmp_path):
    assert entry(recorder=recorder, home=tmp_path / "data").stdout.splitlines()[0] == "args: serve"
    out = entry("--http", "--port", "3000", recorder=recorder, home=tmp_path / "data")
    assert out.stdout.splitlines()[0] == "args: serve --http --port 3000"
    out = entry("ingest", "--folder", "/imports", recorder=recorder, home=tmp_path / "data")
    assert out.stdout.splitlines()[0] == "args: ingest --folder /imports"


def test_secrets_come_from_files_and_not_from_both_places(recorder, tmp_path):
    secret = tmp_path / "bot_token"
    secret.write_text("xoxb-from-a-file")
    out = entry(recorder=recorder, home=tmp_path / "data", SLACK_BOT_TOKEN_FILE=str(secret))
    assert "bot token: xoxb-from-a-file" in out.stdout
    both = entry(recorder=recorder, home=tmp_path / "data", SLACK_BOT_TOKEN_FILE=str(secret), SLACK_BOT_TOKEN="x")
    assert both.returncode == 3
    assert "both SLACK_BOT_TOKEN and SLACK_BOT_TOKEN_FILE are set" in both.stderr
    missing = entry(recorder=recorder, home=tmp_path / "data", SLACK_BOT_TOKEN_FILE=str(tmp_path / "nope"))
    assert missing.returncode == 3 and "cannot be read" in missing.stderr


def test_an_unwritable_data_folder_is_named_before_anything_starts(recorder, tmp_path):
    (tmp_path / "a-file").write_text("")
    out = entry(recorder=recorder, home=tmp_path / "a-file" / "data")
    assert out.returncode == 3
    assert f"the data folder {tmp_path / 'a-file' / 'data'} is not writable" in out.stderr
    assert "args:" not in out.stdout


def test_it_waits_for_postgresql_and_gives_up_saying_so(recorder, tmp_path, pg_url):
    out = entry(recorder=recorder, home=tmp_path / "data", JOURNEYBOT_STATE_URL=pg_url)
    assert out.returncode == 0 and f"state: {pg_url}" in out.stdout
    port = free_port()  # nothing listens there
    down = entry(recorder=recorder, home=tmp_path / "data", JOURNEYBOT_WAIT_SECONDS="2",
                 JOURNEYBOT_STATE_URL=f"postgresql://journeybot@127.0.0.1:{port}/journeybot")
    assert down.returncode == 3
    assert "PostgreSQL (JOURNEYBOT_STATE_URL) did not answer within 2 s" in down.stderr


def test_the_healthcheck_asks_the_running_service(recorder, tmp_path):
    from bot.health import Health, OpsHTTPServer

    server = OpsHTTPServer(Health(), "127.0.0.1", 0).start()
    port = server.httpd.server_address[1]
    try:
        ok = entry("healthcheck", recorder=recorder, home=tmp_path, JOURNEYBOT_HEALTH_PORTS=f"{free_port()} {port}")
        assert ok.returncode == 0
    finally:
        server.stop()
    down = entry("healthcheck", recorder=recorder, home=tmp_path, JOURNEYBOT_HEALTH_PORTS=str(port))
    assert down.returncode == 1 and "no /health answer" in down.stderr


def test_the_entrypoint_passes_shellcheck():
    if shutil.which("shellcheck") is None:
        subprocess.run(["bash", "-n", str(ENTRYPOINT)], check=True)
        pytest.skip("shellcheck is not installed (bash -n passed)")
    out = subprocess.run(["shellcheck", str(ENTRYPOINT)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout


# -- the Dockerfile ----------------------------------------------------------------------------

def _final_stage() -> list[str]:
    text = (REPO / "Dockerfile").read_text()
    lines = re.sub(r"\\\n\s*", " ", text).splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("FROM ")]
    return [line for line in lines[starts[-1]:] if line and not line.startswith("#")]


def test_the_image_runs_as_a_user_with_the_model_inside_and_a_health_check():
    stage = _final_stage()
    user = next(line for line in stage if line.startswith("USER "))
    assert user.split()[1].split(":")[0] not in ("root", "0")
    assert any("local_model_path()" in line for line in stage if line.startswith("RUN "))  # fails the build
    health = next(line for line in stage if line.startswith("HEALTHCHECK "))
    assert '"journeybot-entrypoint", "healthcheck"' in health
    assert 'ENTRYPOINT ["journeybot-entrypoint"]' in stage and 'CMD ["serve"]' in stage
    env = " ".join(line for line in stage if line.startswith("ENV "))
    assert "JOURNEYBOT_HOME=/data" in env and "HF_HUB_OFFLINE=1" in env
    copied = [line.split()[-2] for line in (REPO / "Dockerfile").read_text().splitlines()
              if line.startswith("COPY ") and "--from" not in line]
    assert all((REPO / path).exists() for path in copied), copied


def test_the_files_the_dockerfile_copies_make_a_complete_package(tmp_path):
    """The build stage installs `.` from pyproject.toml, README.md, bot, tools and prompts: the
    wheel built from them has the command, the prompts and the sentiment data."""
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                          "-w", str(tmp_path), str(REPO)], capture_output=True, text=True, timeout=300)
    if out.returncode != 0 and "No module named" in out.stderr:
        pytest.skip(f"cannot build a wheel here: {out.stderr.strip()[-200:]}")
    assert out.returncode == 0, out.stderr
    [wheel] = tmp_path.glob("journeybot-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"bot/cli/__main__.py", "bot/health.py", "tools/core/opsdb.py", "prompts/system.md"} <= names
    assert any(n.startswith("tools/feedback/sentiment_data/") for n in names)
    assert "bot/agent/exemplars.yaml" in names  # the planner's labelled phrasings (bot/agent/similar.py)
    # the English words the speller leaves alone, with the notice their MIT licence asks for (bot/agent/fuzzy.py)
    assert {"bot/agent/english_words.txt", "bot/agent/english_words.LICENSE"} <= names
    assert not any(n.startswith("tests/") for n in names)


# -- compose -----------------------------------------------------------------------------------

def _compose(name: str) -> dict:
    return yaml.safe_load((REPO / "deploy" / name).read_text())


def _no_secrets_inline(text: str) -> None:
    assert not re.search(r"xox[bap]-\w|sk-[A-Za-z0-9]{8}|postgresql://[^:@\s]+:[^@\s]+@", text)


def test_the_single_compose_file_runs_one_instance_that_survives_restarts():
    spec = _compose("compose.yaml")
    bot = spec["services"]["journeybot"]
    assert bot["restart"] == "unless-stopped" and bot["env_file"] == "journeybot.env"
    assert bot["healthcheck"]["test"] == ["CMD", "journeybot-entrypoint", "healthcheck"]
    assert "journeybot-data:/data" in bot["volumes"]
    assert "./journeybot.toml:/config/journeybot.toml:ro" in bot["volumes"]
    assert all(p.startswith("127.0.0.1:") for p in bot["ports"])  # /metrics is not for the internet
    assert spec["services"]["chroma"]["profiles"] == ["chroma"]  # optional
    assert (REPO / "deploy" / bot["build"]["context"] / bot["build"]["dockerfile"]).resolve() == REPO / "Dockerfile"
    _no_secrets_inline((REPO / "deploy" / "compose.yaml").read_text())


def test_the_cluster_compose_file_shares_postgresql_and_chroma_between_two_instances():
    spec = _compose("compose.cluster.yaml")
    services = spec["services"]
    instances = [services["journeybot-a"], services["journeybot-b"]]
    assert services["postgres"]["healthcheck"]["test"][0] == "CMD-SHELL"
    assert "pg_isready" in services["postgres"]["healthcheck"]["test"][1]
    assert services["chroma"]["image"].startswith("chromadb/chroma:")
    data = set()
    for bot in instances:
        assert bot["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert bot["environment"]["JOURNEYBOT_CHROMA_URL"] == "http://chroma:8000"
        assert bot["env_file"] == "journeybot.env"  # JOURNEYBOT_STATE_URL and its password live there
        data |= {v for v in bot["volumes"] if v.endswith(":/data")}
    assert len(data) == 2  # each instance keeps its own local data folder
    assert services["loader"]["profiles"] == ["tools"]
    _no_secrets_inline((REPO / "deploy" / "compose.cluster.yaml").read_text())
    example = (REPO / "deploy" / "journeybot.env.example").read_text()
    assert "JOURNEYBOT_STATE_URL=" in example and "POSTGRES_PASSWORD=" in example


# -- systemd -----------------------------------------------------------------------------------

def test_the_systemd_unit_is_valid_and_restarts_only_what_a_restart_can_fix(tmp_path):
    unit = (REPO / "deploy" / "journeybot.service").read_text()
    settings = dict(line.split("=", 1) for line in unit.splitlines() if "=" in line and not line.startswith("#"))
    assert settings["User"] == "journeybot" and settings["Restart"] == "on-failure"
    assert settings["RestartPreventExitStatus"] == "3"  # a wrong token: restarting will not help
    assert settings["WantedBy"] == "multi-user.target"
    assert settings["ExecStart"] == "/opt/journeybot/bin/journeybot serve"
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    copy = tmp_path / "journeybot.service"
    copy.write_text(unit.replace("/opt/journeybot/bin/journeybot", shutil.which("true") or "/bin/true")
                    .replace("EnvironmentFile=/", "EnvironmentFile=-/"))
    out = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60)
    problems = [line for line in (out.stdout + out.stderr).splitlines() if str(copy) in line]
    assert out.returncode == 0 and problems == [], out.stdout + out.stderr


# -- stopping ----------------------------------------------------------------------------------

def _seconds(text: str) -> float:
    """A grace period as the deploy files write it: 60, 60s, 1m, 1m30s."""
    parts = re.fullmatch(r"(?:(\d+)m)?(?:(\d+)s?)?", str(text).strip())
    assert parts and any(parts.groups()), text
    return int(parts[1] or 0) * 60 + int(parts[2] or 0)


def test_every_deploy_file_stops_serve_with_a_signal_it_ends_cleanly_on_and_waits_long_enough():
    """docker stop, compose and systemd send a signal serve stops gracefully on, and wait for
    it: serve gives the index batch under way up to INDEXER_STOP_WAIT seconds, then finishes
    answers and jobs; a grace of 30 s could kill it in the middle (the batch cut mid-write)."""
    from bot.cli.serve import INDEXER_STOP_WAIT, STOP_SIGNALS

    graceful = {signum.name for signum in STOP_SIGNALS}
    needed = INDEXER_STOP_WAIT + 20
    stage = _final_stage()
    assert next((line.split()[1] for line in stage if line.startswith("STOPSIGNAL ")), "SIGTERM") in graceful
    run = re.search(r"docker run .*--stop-timeout (\d+)", (REPO / "Dockerfile").read_text())
    assert run and int(run[1]) >= needed  # plain `docker run` would kill after 10 s
    assert "--init" in run[0]
    for name, service in (("compose.yaml", "journeybot"), ("compose.cluster.yaml", "journeybot-a"),
                          ("compose.cluster.yaml", "journeybot-b")):
        bot = _compose(name)["services"][service]
        assert bot.get("stop_signal", "SIGTERM") in graceful, (name, service)
        assert _seconds(bot["stop_grace_period"]) >= needed, (name, service)
        # as process 1 serve would ignore a SIGTERM sent before its handlers exist
        assert bot.get("init") is True, (name, service)
    unit = (REPO / "deploy" / "journeybot.service").read_text()
    settings = dict(line.split("=", 1) for line in unit.splitlines() if "=" in line and not line.startswith("#"))
    assert settings.get("KillSignal", "SIGTERM") in graceful
    assert _seconds(settings["TimeoutStopSec"]) >= needed
