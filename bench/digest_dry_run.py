"""`journeybot digest --dry-run` as a whole process, the first time on a data folder and again,
for this checkout and (with --before) another one, each on its own copy of the folder. Also
says whether the run changed any file in the folder (a dry run must not).

    .venv/bin/python bench/digest_dry_run.py --home bench/out/home100k [--before /work/main]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.common import table  # noqa: E402


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--before", type=Path)
    a = ap.parse_args()
    roots = ({"before": a.before.resolve()} if a.before else {}) | {"after": ROOT}
    rows = []
    outputs: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, root in roots.items():
            home = Path(tmp) / label
            shutil.copytree(a.home, home)
            env = {**os.environ, "JOURNEYBOT_HOME": str(home), "PYTHONPATH": str(root)}
            for run in ("first", "second"):
                before = snapshot(home)
                start = time.perf_counter()
                # cwd: `python -m` puts the working directory first on sys.path, ahead of
                # PYTHONPATH; run elsewhere, both labels would time the same checkout.
                done = subprocess.run([sys.executable, "-m", "bot.cli", "digest", "--dry-run"], env=env,
                                      capture_output=True, text=True, check=False, cwd=root)
                seconds = time.perf_counter() - start
                outputs.setdefault(label, done.stdout)
                after = snapshot(home)
                changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
                rows.append({"code": label, "run": run, "seconds": round(seconds, 2), "exit": done.returncode,
                             "files changed": ", ".join(changed) or "none"})
    print(table(rows, ["code", "run", "seconds", "exit", "files changed"]))
    if len(outputs) == 2:
        same = len(set(outputs.values())) == 1
        print(f"\nThe digests printed by both checkouts are {'identical' if same else 'DIFFERENT'}.")


if __name__ == "__main__":
    main()
