"""`journeybot digest --dry-run` as a whole process, for this checkout and (with --before)
another one, each on its own copy of the data folder, interleaved round by round so that a
shared machine's load falls on both alike; also the digest inside one process (imports, a
first digest, a second on the same unchanged data), and whether a dry run changed any file
in the folder (it must not).

    .venv/bin/python bench/digest_dry_run.py --home bench/out/home1m [--before /work/main] [--rounds 3]

Each copy is first brought to where a folder in normal use is (untimed, with that checkout's
own code): `journeybot predict train --if-new-data` trains nothing already trained and saves
the scores for that checkout's scoring code, as the retrain job does after a sync (saved
scores name the code that made them, so a checkout whose tools/predict differs would otherwise
score every customer inside the digest); with a checkout that has them (tools/data/
saved_results.py), the same step saves the digest's inputs, which the dry run then reads. A
second copy of each folder has those inputs taken out ("nothing saved": the first dry run after
an ingest, before the retrain job has run); the dry run is timed on both. Python's compiled
files go to a folder per checkout, made before timing, as an installed package has them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.common import table  # noqa: E402

# Timed inside one process: the imports the command needs, a first digest, a second.
IN_PROCESS = """
import json, time
t0 = time.perf_counter()
from bot.config import load_config
from bot.agent.digest import build_digest
from bot.scheduler.digests import narrate
t1 = time.perf_counter()
config = load_config()
store = config.open_store()
times, cpu = [], []
for _ in range(2):
    start, used = time.perf_counter(), time.process_time()
    result = build_digest(config, store)  # with the chart, as the scheduler builds it
    narrate(config, result)
    times.append(time.perf_counter() - start)
    cpu.append(time.process_time() - used)
print(json.dumps({"imports": t1 - t0, "first digest": times[0], "first digest CPU": cpu[0],
                  "second digest": times[1]}))
"""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def without_saved_inputs(folder: Path) -> None:
    """The folder as an ingest leaves it: no digest inputs saved for its data."""
    import duckdb

    con = duckdb.connect(str(folder / "journey.duckdb"))
    try:
        con.execute("DROP TABLE IF EXISTS saved_results")
    finally:
        con.close()


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    roots = ({"before": a.before.resolve()} if a.before else {}) | {"after": ROOT}
    timed: dict[str, dict[str, list[float]]] = {label: {} for label in roots}
    changed: dict[str, set[str]] = {label: set() for label in roots}
    exits: dict[str, set[int]] = {label: set() for label in roots}
    outputs: dict[str, str] = {}
    colds: dict[str, tuple[dict[str, str], Path]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        envs = {}
        for label, root in roots.items():
            home = Path(tmp) / label
            shutil.copytree(a.home, home)
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            env |= {"JOURNEYBOT_HOME": str(home), "PYTHONPATH": str(root),
                    "PYTHONPYCACHEPREFIX": str(Path(tmp) / f"pyc-{label}")}
            # cwd: `python -m` puts the working directory first on sys.path, ahead of
            # PYTHONPATH; run elsewhere, both labels would time the same checkout.
            subprocess.run([sys.executable, "-m", "compileall", "-q", "bot", "tools"], env=env, cwd=root,
                           check=True, capture_output=True)
            cold = Path(tmp) / f"{label}-nothing-saved"
            shutil.copytree(a.home, cold)
            cold_env = env | {"JOURNEYBOT_HOME": str(cold)}
            for prepare in (env, cold_env):  # each folder records where its models are
                subprocess.run([sys.executable, "-m", "bot.cli", "predict", "train", "--if-new-data"], env=prepare,
                               cwd=root, check=True, capture_output=True)
            without_saved_inputs(cold)
            envs[label] = (env, home, root)
            colds[label] = cold_env, cold
        for _ in range(a.rounds):
            for label, (env, home, root) in envs.items():
                for what, (run_env, folder) in (("", (env, home)), (", nothing saved", colds[label])):
                    before = snapshot(folder)
                    cpu = _children_cpu()
                    start = time.perf_counter()
                    done = subprocess.run([sys.executable, "-m", "bot.cli", "digest", "--dry-run"], env=run_env,
                                          capture_output=True, text=True, check=False, cwd=root)
                    timed[label].setdefault(f"whole process{what} s", []).append(time.perf_counter() - start)
                    # CPU seconds (user + system) move far less with the machine's load than wall time.
                    timed[label].setdefault(f"whole process{what} CPU s", []).append(_children_cpu() - cpu)
                    exits[label].add(done.returncode)
                    outputs.setdefault(label + what, done.stdout)
                    after = snapshot(folder)
                    changed[label] |= {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
                inner = subprocess.run([sys.executable, "-c", IN_PROCESS], env=env, capture_output=True,
                                       text=True, check=True, cwd=root)
                for key, value in json.loads(inner.stdout.strip().splitlines()[-1]).items():
                    timed[label].setdefault(f"in process: {key} s", []).append(value)
    rows = []
    for label in roots:
        for what, values in timed[label].items():
            rows.append({"code": label, "measure": what, "median": round(statistics.median(values), 3),
                         "runs": ", ".join(f"{v:.2f}" for v in values)})
        rows.append({"code": label, "measure": "exit codes / files changed by the dry runs",
                     "median": "", "runs": f"{sorted(exits[label])} / {', '.join(sorted(changed[label])) or 'none'}"})
    print(table(rows, ["code", "measure", "median", "runs"]))
    if "before" in timed:
        print()
        for what in ("whole process s", "whole process, nothing saved s"):
            b, f = timed["before"][what], timed["after"][what]
            print(f"{what[:-2].capitalize()}, before / after (medians): {statistics.median(b) / statistics.median(f):.2f}x")
    if len(outputs) > 1:
        same = len(set(outputs.values())) == 1
        print(f"The digests printed ({', '.join(outputs)}) are {'identical' if same else 'DIFFERENT'}.")


if __name__ == "__main__":
    main()
