"""`journeybot serve` as a real process, the way an operator runs it: its own data folder and
config, secrets in its environment, Slack (the fake Web API) and servers on 127.0.0.1. Used
by the service tests, the two-instance tests and bench/instances.py.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BOT_TOKEN = "xoxb-test-bot"
APP_TOKEN = "xapp-test-app"
SECRET = "test-signing-secret-8f742231b10e"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_service_config(folder: Path, *, slack_api: str, extra: str = "", mode: str = "http",
                         health_port: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "journeybot.toml"
    path.write_text(
        '[business]\nname = "Crumb & Co."\n\n'
        f'[slack]\nmode = "{mode}"\napi_base_url = "{slack_api}"\nhttp_host = "127.0.0.1"\n'
        'answer_timeout_seconds = 60\nrate_limit_retries = 2\n\n'
        f'[service]\nhealth_host = "127.0.0.1"\nhealth_port = {health_port}\n\n' + extra)
    return path


@dataclass
class ServeProcess:
    name: str
    home: Path
    config: Path
    port: int  # HTTP mode: Slack's requests and /health; Socket Mode: /health only
    http: bool = True
    env: dict[str, str] = field(default_factory=dict)
    # Started with SIGINT ignored, as a script's `journeybot serve &` (and so a test suite run
    # in the background) starts it.
    sigint_ignored: bool = False
    # Its own process group, so `stop(group=True)` signals every process of it, as Ctrl-C in a
    # terminal and systemd (KillMode=control-group) do.
    own_group: bool = False
    process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def events_url(self) -> str:
        return f"{self.base}/slack/events"

    def start(self) -> ServeProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "JOURNEYBOT_", "OPENAI_"))}
        env.update({"JOURNEYBOT_HOME": str(self.home), "JOURNEYBOT_CONFIG": str(self.config),
                    "SLACK_BOT_TOKEN": BOT_TOKEN, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1",
                    "ANONYMIZED_TELEMETRY": "False", "PYTHONUNBUFFERED": "1", **self.env})
        if self.http:
            env["SLACK_SIGNING_SECRET"] = SECRET
        else:
            env["SLACK_APP_TOKEN"] = APP_TOKEN
        args = [sys.executable, "-m", "bot.cli", "serve"] + (["--http", "--port", str(self.port)] if self.http else [])
        if self.sigint_ignored:  # an ignored signal stays ignored across exec
            args = [sys.executable, "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); "
                    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])", *args[1:]]
        self.home.mkdir(parents=True, exist_ok=True)
        self.log = (self.home / f"{self.name}.log").open("wb")
        self.process = subprocess.Popen(args, cwd=self.home, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=self.own_group)
        return self

    def output(self) -> str:
        return (self.home / f"{self.name}.log").read_text(errors="replace")

    def get(self, path: str, timeout: float = 5.0) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def wait_ready(self, timeout: float = 90.0) -> dict:
        deadline = time.monotonic() + timeout
        last = ""
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(f"{self.name} exited with {self.process.returncode}:\n{self.output()[-3000:]}")
            try:
                status, body = self.get("/ready", timeout=2)
                last = body
                if status == 200:
                    return json.loads(body)
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"{self.name} was not ready within {timeout:.0f} s ({last}):\n{self.output()[-3000:]}")

    def metric(self, name: str, **labels: str) -> float:
        """The value of one series on /metrics (0 when absent)."""
        from prometheus_client.parser import text_string_to_metric_families

        _, text = self.get("/metrics")
        total = 0.0
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                    total += sample.value
        return total

    def stop(self, grace: float = 15, *, group: bool = False, sig: int = signal.SIGINT) -> None:
        """`sig` (SIGINT, Ctrl-C's; SIGTERM, `docker stop`'s and `kill`'s) to serve (`group`: to
        every process of its group, needs `own_group`); killed when it has not exited after
        `grace` seconds."""
        if self.process is not None and self.process.poll() is None:
            if group:
                os.killpg(self.process.pid, sig)
            else:
                self.process.send_signal(sig)
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
