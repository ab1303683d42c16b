"""Real servers for the tests that need them: PostgreSQL (Debian's `postgresql` package) and a
Chroma server (`chroma run`, from the chromadb package), both on 127.0.0.1, started once per
test session on temporary folders and stopped at the end.

A test that asks for one is skipped, with the reason, when the server cannot start here (no
PostgreSQL binaries, root without an unprivileged user to run it as, no `chroma` command).
`./scripts/test` installs PostgreSQL when it is missing.

- `pg_server`: the session's server; `pg_url`: a fresh, empty database per test
  (postgresql://postgres@127.0.0.1:PORT/jb_xxxx, trust authentication on 127.0.0.1 only).
- `chroma_url`: the session's Chroma server (http://127.0.0.1:PORT); tests use their own
  collection names.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_USER = "postgres"  # the system user Debian's package creates; the server never runs as root


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


@dataclass
class PgServer:
    port: int
    folder: Path
    bin_dir: Path
    as_user: str | None

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def run(self, *args: str) -> subprocess.CompletedProcess:
        cmd = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_user:
            cmd = ["runuser", "-u", self.as_user, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")


def start_postgres() -> PgServer:
    """Start a throwaway PostgreSQL server, or raise RuntimeError saying why it cannot."""
    bin_dir = pg_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (./scripts/test installs Debian's postgresql package)")
    as_user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(PG_USER)
        except KeyError:
            raise RuntimeError(f"running as root and there is no unprivileged {PG_USER!r} user to run "
                               "PostgreSQL as (Debian's postgresql package creates it)") from None
        as_user = PG_USER
    folder = Path(tempfile.mkdtemp(prefix="journeybot-pg-"))
    folder.chmod(0o755)
    if as_user:
        shutil.chown(folder, user=as_user)
    server = PgServer(free_port(), folder, bin_dir, as_user)
    init = server.run("initdb", "-D", str(folder / "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                      "--no-sync")
    if init.returncode != 0:
        raise RuntimeError(f"initdb failed: {init.stderr.strip()[-400:]}")
    options = (f"-c listen_addresses=127.0.0.1 -p {server.port} -k {folder} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300")
    start = server.run("pg_ctl", "-D", str(folder / "data"), "-o", options, "-l", str(folder / "log"), "-w",
                       "-t", "60", "start")
    if start.returncode != 0:
        log = (folder / "log").read_text(errors="replace")[-600:] if (folder / "log").exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {start.stderr.strip()[-300:]} {log}")
    return server


def create_database(server: PgServer) -> str:
    import psycopg

    name = "jb_" + uuid.uuid4().hex[:10]
    with psycopg.connect(server.url(), autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    return name


def drop_database(server: PgServer, name: str) -> None:
    import psycopg

    with psycopg.connect(server.url(), autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def pg_server():
    try:
        server = start_postgres()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"no PostgreSQL server for this test: {exc}")
    yield server
    server.stop()
    shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PgServer):
    name = create_database(pg_server)
    yield pg_server.url(name)
    drop_database(pg_server, name)


# -- Chroma ------------------------------------------------------------------------------------

def chroma_command() -> str | None:
    beside = Path(sys.executable).parent / "chroma"
    return str(beside) if beside.exists() else shutil.which("chroma")


@dataclass
class ChromaServer:
    url: str
    process: subprocess.Popen
    folder: Path


def start_chroma(timeout: float = 60.0) -> ChromaServer:
    command = chroma_command()
    if command is None:
        raise RuntimeError("the `chroma` command (from the chromadb package) is not installed")
    folder = Path(tempfile.mkdtemp(prefix="journeybot-chroma-"))
    port = free_port()
    log = (folder / "log").open("wb")
    process = subprocess.Popen([command, "run", "--path", str(folder / "data"), "--host", "127.0.0.1",
                                "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                               env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as resp:
                if resp.status == 200:
                    return ChromaServer(url, process, folder)
        except OSError:
            time.sleep(0.2)
    process.kill()
    tail = (folder / "log").read_text(errors="replace")[-400:]
    raise RuntimeError(f"`chroma run` did not answer on {url} within {timeout:.0f} s: {tail}")


@pytest.fixture(scope="session")
def chroma_server():
    try:
        server = start_chroma()
    except (RuntimeError, OSError) as exc:
        pytest.skip(f"no Chroma server for this test: {exc}")
    yield server
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()
    shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture
def chroma_url(chroma_server: ChromaServer) -> str:
    # The server is shared by the whole session; one that died (seen once on a loaded machine) is
    # started again, so a later test is not failed by an earlier crash.
    if chroma_server.process.poll() is not None:
        fresh = start_chroma()
        shutil.rmtree(chroma_server.folder, ignore_errors=True)
        chroma_server.process, chroma_server.url, chroma_server.folder = fresh.process, fresh.url, fresh.folder
    return chroma_server.url
