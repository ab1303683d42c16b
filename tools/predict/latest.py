"""The latest model's scores, kept in the journey store so that reading them costs a query.

Scoring every customer means building their features from every order, event, ticket and
survey and loading the models (scikit-learn and SciPy alone take seconds to import): seconds
at 1M events. The digest, the alert check and answers about risk all want the same scores of
the same data, so the job that trains the models after a sync (and `journeybot predict train`)
scores once and saves the frame here; readers take it when it is still the scoring they would
compute: same data version (tools/data/data_version.py: every ingest, sync and erasure bumps it), same
active model versions, same settings, same scoring code (tools/predict/*.py). Anything else,
and they score as before: a stale saving is never read.

Saved with no feedback sentiment, as the digest and the alert check score; a caller passing a
sentiment source scores itself. Also saved: each buyer's churn risk `NEWLY_DAYS` earlier, which
"newly at high risk" compares with when there is no earlier saved digest scoring.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from tools.data.store import JourneyStore
from tools.predict.registry import ModelRegistry
from tools.predict.settings import PredictSettings

if TYPE_CHECKING:
    import duckdb

TABLE = "predict_latest"
META = "predict_latest_meta"
NEWLY_DAYS = 7  # the digest's "newly at high risk" window (tools/digest/compose.py)
EARLIER = f"risk_{NEWLY_DAYS}d_earlier"
_TEXT_COLUMNS = ("risk_tier", "reasons")


def _models_key(registry: ModelRegistry) -> str:
    return json.dumps({n: [v.version, v.trained_at.isoformat(), v.path] for n, v in registry.actives().items()},
                      sort_keys=True)


@functools.cache
def _code_key() -> str:
    """The scoring code itself: a saving made before an upgrade that changed how customers are
    scored (features, models, rules) is not read after it."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _settings_key(settings: PredictSettings) -> str:
    return json.dumps(settings.to_dict(), sort_keys=True, default=str)


def save_latest(store: JourneyStore, registry: ModelRegistry, settings: PredictSettings, scores: Any,
                earlier: pd.Series | None, data_version: int) -> int:
    """Save `scores` (tools/predict/scoring.Scores of data version `data_version`) and each
    buyer's risk NEWLY_DAYS earlier; returns the rows saved."""
    frame = scores.frame.copy()
    frame[EARLIER] = float("nan") if earlier is None else earlier.reindex(frame.index)
    frame = frame.rename_axis("customer_id").reset_index()
    meta = pd.DataFrame({
        "data_version": [data_version], "as_of": [scores.as_of], "models": [_models_key(registry)],
        "settings": [_settings_key(settings)], "code": [_code_key()], "value_threshold": [scores.value_threshold],
        "notes": [json.dumps(list(scores.notes))], "row_counts": [json.dumps(scores.rows)],
        "saved_at": [dt.datetime.now(dt.UTC)]})
    with store.connect() as con:
        con.begin()
        try:
            con.register("latest_df", frame)
            con.register("latest_meta_df", meta)
            con.execute(f"CREATE OR REPLACE TABLE {TABLE} AS SELECT * FROM latest_df")
            con.execute(f"CREATE OR REPLACE TABLE {META} AS SELECT * FROM latest_meta_df")
            con.unregister("latest_df")
            con.unregister("latest_meta_df")
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return len(frame)


def load_latest(store: JourneyStore, registry: ModelRegistry, settings: PredictSettings) -> dict[str, Any] | None:
    """The saved scoring (frame, as_of, value_threshold, notes, rows, earlier) when it is what
    scoring now would give, else None."""
    if store.path is None:
        return None  # in-memory stores are written to directly; nothing is saved there
    with store.connect() as con:
        have = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables WHERE table_name IN (?, ?)",
                                          [TABLE, META]).fetchall()}
        if have != {TABLE, META}:
            return None  # never saved (and reading must not create anything)
        columns = {r[0] for r in con.execute(f"DESCRIBE {META}").fetchall()}
        if "code" not in columns:
            return None
        row = con.execute(f"SELECT data_version, as_of, models, settings, code, value_threshold, notes, row_counts "
                          f"FROM {META}").fetchone()
        if row is None:
            return None
        version, as_of, models, saved_settings, code, threshold, notes, rows = row
        current = con.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
        if int(version) != int(current[0] if current else 0) or saved_settings != _settings_key(settings) \
                or models != _models_key(registry) or code != _code_key():
            return None
        saved_at = con.execute(f"SELECT saved_at FROM {META}").fetchone() if "saved_at" in columns else None
        if saved_at is None:
            frame, earlier = _read_frame(con)
        else:
            # Read once per saving in a process: the digest, the alert check and the risk answers
            # all read the same scores (a fifth of a second at 1M events). A new saving has a new
            # saved_at, new data a new data version: either is a new key (tools/data/cache.py).
            # Read on this connection, the one the checks above read: a saving in between is
            # not mixed in.
            from tools.data.cache import cached

            key = {"saved_at": str(saved_at[0]), "models": models, "settings": saved_settings, "code": code}
            frame, earlier = cached(store, "saved_scores", key, lambda: _read_frame(con))
            frame, earlier = frame.copy(), earlier.copy()  # callers may add columns; the cached ones stay as read
    return {"frame": frame, "as_of": as_of, "value_threshold": float(threshold), "notes": tuple(json.loads(notes)),
            "rows": json.loads(rows), "earlier": None if earlier.isna().all() else earlier}


def _read_frame(con: duckdb.DuckDBPyConnection) -> tuple[pd.DataFrame, pd.Series]:
    """The saved scores by customer, and each one's earlier churn risk."""
    frame = con.execute(f"SELECT * FROM {TABLE}").df()
    frame = frame.set_index("customer_id")
    frame.index = frame.index.astype(object)
    earlier = frame.pop(EARLIER)
    for col in _TEXT_COLUMNS:  # DuckDB gives strings back as pandas strings; scoring makes objects
        if col in frame:
            frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame, earlier
