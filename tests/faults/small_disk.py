"""Running journeybot commands on a small or read-only file system, unprivileged.

`unshare -rm` gives the test its own user and mount namespace, where it may mount a tmpfs of a
few megabytes (a disk that fills up) and remount it read-only. The data folder lives on that
tmpfs; inputs and what the commands printed live outside it, in the test's tmp_path, so the
test can read them afterwards. Where user namespaces are disabled the tests skip and say so.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def require_namespaces() -> None:
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed, so no small disk can be mounted without privileges")
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt 2>&1 || "
                            "mount -t tmpfs -o size=1m tmpfs /tmp"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip("unprivileged user and mount namespaces are disabled here (unshare -rm: "
                    f"{(probe.stderr or probe.stdout).strip()[:120]}), so no small disk can be mounted")


@dataclass(frozen=True)
class Step:
    rc: int
    out: str
    err: str
    seconds: float


class SmallDisk:
    """A script of shell steps run in one namespace: `mount(size)`, `journeybot(name, *args)`,
    `sh(line)`, then `run()`; each journeybot step's exit code, output and time come back."""

    def __init__(self, work: Path):
        self.work = work
        self.mnt = work / "mnt"
        self.home = self.mnt / "home"
        self.lines = ["set -u", f"mkdir -p {shlex.quote(str(self.mnt))}"]
        self.names: list[str] = []

    def mount(self, size: str) -> SmallDisk:
        self.lines.append(f"mount -t tmpfs -o size={size} tmpfs {shlex.quote(str(self.mnt))}")
        return self

    def remount(self, options: str) -> SmallDisk:
        self.lines.append(f"mount -o remount,{options} {shlex.quote(str(self.mnt))}")
        return self

    def sh(self, line: str) -> SmallDisk:
        self.lines.append(line)
        return self

    def journeybot(self, name: str, *args: str) -> SmallDisk:
        out, err, t = (shlex.quote(str(self.work / f"{name}.{s}")) for s in ("out", "err", "time"))
        cmd = " ".join(shlex.quote(a) for a in (sys.executable, "-c", "from bot.cli import main; main()", *args))
        self.lines.append(f"s=$(date +%s.%N); {cmd} >{out} 2>{err}; echo $? $s $(date +%s.%N) >{t}")
        self.names.append(name)
        return self

    def python(self, name: str, code: str) -> SmallDisk:
        """Run Python inside the namespace (to look at files only it can see); prints go to the step's output."""
        out, err, t = (shlex.quote(str(self.work / f"{name}.{s}")) for s in ("out", "err", "time"))
        self.lines.append(f"s=$(date +%s.%N); {shlex.quote(sys.executable)} -c {shlex.quote(code)} >{out} 2>{err}; "
                          f"echo $? $s $(date +%s.%N) >{t}")
        self.names.append(name)
        return self

    def run(self, timeout: float = 600) -> dict[str, Step]:
        script = self.work / "steps.sh"
        script.write_text("\n".join(self.lines) + "\n", encoding="utf-8")
        env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "JOURNEYBOT_HOME": str(self.home),
               "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False", "HOME": str(self.work)}
        done = subprocess.run(["unshare", "-rm", "bash", str(script)], env=env, capture_output=True, text=True,
                              timeout=timeout, cwd=self.work)
        steps = {}
        for name in self.names:
            times = self.work / f"{name}.time"
            if not times.exists():
                raise AssertionError(f"step {name} did not run: {done.stderr[-2000:]}")
            rc, start, end = times.read_text().split()
            steps[name] = Step(int(rc), (self.work / f"{name}.out").read_text(errors="replace"),
                               (self.work / f"{name}.err").read_text(errors="replace"), float(end) - float(start))
        return steps
