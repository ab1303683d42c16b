"""Results kept in the journey store between processes, for the analyses a digest reads.

The result cache (tools/data/cache.py) lives in a process. `journeybot digest --dry-run` is a
new process each time, and it must write nothing, so it can never fill a cache of its own: at
1M events it would recompute the KPI comparison, the alert verdicts, the funnel and the chart's
series (a second of a two-second command) every time. The jobs that write anyway keep them
instead: the retrain job after a sync (and `journeybot predict train`, its command-line twin)
and the scheduled digest save the results they computed, here, under everything they depend
on; a later process, a dry run among them, only reads them.

A saved result is read only when it is what computing now would give:

- the same data version (tools/data/data_version.py: every ingest, sync and erasure bumps it in the
  transaction of the write, so new data makes every saving stale the moment it commits);
- the same business profile (time zone, currency, order statuses), kept in the store;
- the same code: a hash of the packages that compute and hold these results (tools/analytics,
  alerts, core, data, digest) and the versions of Python, pandas, NumPy and DuckDB, so an
  upgrade never reads results (or unpickles objects) made by other code;
- the same analysis and parameters (the rules and the day are among the verdicts' parameters).

Only the analyses that ask for it (`keep=True` in `cached`) are saved, and only inside
`RESULTS.keeping(store)`: nothing else writes here. The table holds one data version at a time:
a saving of a newer one replaces the rows of older ones. Payloads are pickles written by this
code into the owner's own data file (the same trust as the models folder's joblib files), and
are unpickled only when the code hash matches the code reading them.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import logging
import pickle
import sys
from pathlib import Path
from typing import Any

import duckdb

from tools.data.data_version import SAVED_RESULTS_TABLE, data_version_on
from tools.data.store import JourneyStore

log = logging.getLogger(__name__)

TABLE = SAVED_RESULTS_TABLE  # named in tools/data/data_version.py, whose new data versions empty it
_TOOLS = Path(__file__).resolve().parents[1]
# What computes the kept analyses and defines the objects they return; the other packages
# (feedback, predict, personas, ...) change nothing in them. Their own modules, not their
# subfolders (the vendors' mappings, the sample generator): about 80 files, a few milliseconds.
_CODE = ("analytics", "alerts", "core", "data", "digest")


@functools.cache
def code_key() -> str:
    """This code and the libraries that shape its results (once per process)."""
    digest = hashlib.sha256()
    for path in sorted(p for package in _CODE for p in (_TOOLS / package).glob("*.py")):
        digest.update(str(path.relative_to(_TOOLS)).encode() + b"\0" + path.read_bytes())
    versions = [sys.version, duckdb.__version__]
    for name in ("pandas", "numpy"):  # loaded by then: the saved results hold their objects
        module = sys.modules.get(name)
        versions.append(getattr(module, "__version__", "-"))
    digest.update("\0".join(versions).encode())
    return digest.hexdigest()


def profile_key(store: JourneyStore) -> str:
    """The business profile the results were computed under (zone, currency, statuses)."""
    return store.profile.model_dump_json()


def load(store: JourneyStore, version: int) -> dict[tuple[str, str], Any]:
    """{(analysis, params key): result} saved for `version` of the data by this code under the
    store's current profile; empty when none (and nothing is created: reading writes nothing)."""
    with store.connect() as con:
        if not con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                           [TABLE]).fetchone()[0]:  # type: ignore[index]
            return {}  # never saved in this file (and the code is not hashed for nothing)
        rows = con.execute(
            f"SELECT analysis, params, payload FROM {TABLE} WHERE data_version = ? AND code = ? AND profile = ?",
            [version, code_key(), profile_key(store)]).fetchall()
    out: dict[tuple[str, str], Any] = {}
    for analysis, params, payload in rows:
        try:
            out[(analysis, params)] = pickle.loads(payload)
        except Exception as exc:  # a damaged row is recomputed, never fatal
            log.warning("a saved %s result could not be read (%s); computing it", analysis, exc)
    return out


def save(store: JourneyStore, version: int, entries: dict[tuple[str, str], Any]) -> int:
    """Save `entries` ({(analysis, params key): result}) computed from `version` of the data;
    rows of other versions, codes or profiles go. Once per data version: entries already saved
    for it by this code under this profile are not written again (a sync saves the digest's
    inputs, the retrain job after it finds the same ones; they are the same numbers). Skipped
    (0) when the data has moved on since: the rows would never be read. Returns the rows written."""
    code, profile, now = code_key(), profile_key(store), dt.datetime.now(dt.UTC)
    with store.connect() as con:
        con.begin()
        try:
            if data_version_on(con) != version:
                con.rollback()
                return 0
            have = set()
            if con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                           [TABLE]).fetchone()[0]:  # type: ignore[index]
                have = {tuple(r) for r in con.execute(
                    f"SELECT analysis, params FROM {TABLE} WHERE data_version = ? AND code = ? AND profile = ?",
                    [version, code, profile]).fetchall()}
            rows = _pickled({k: v for k, v in entries.items() if k not in have})
            if not rows:
                con.rollback()  # nothing new: the file is not written at all
                return 0
            con.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (data_version BIGINT, code VARCHAR, profile VARCHAR, "
                        "analysis VARCHAR, params VARCHAR, payload BLOB, saved_at TIMESTAMPTZ)")
            con.execute(f"DELETE FROM {TABLE} WHERE data_version <> ? OR code <> ? OR profile <> ?",
                        [version, code, profile])
            con.executemany(f"INSERT INTO {TABLE} (data_version, code, profile, analysis, params, payload, saved_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [[version, code, profile, a, p, payload, now] for a, p, payload in rows])
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return len(rows)


def _pickled(entries: dict[tuple[str, str], Any]) -> list[tuple[str, str, bytes]]:
    rows = []
    for (analysis, params), value in entries.items():
        try:
            rows.append((analysis, params, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
        except Exception as exc:  # an unpicklable result is computed each time, as before
            log.warning("could not save the %s result (%s)", analysis, exc)
    return rows
