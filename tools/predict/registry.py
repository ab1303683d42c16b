"""Model versions: files under the data folder, their facts in the journey store.

Each trained model is a joblib file `<folder>/<name>/v<version>.joblib`; the `predict_models`
table of the journey DuckDB records its training period, method, features, settings, metrics,
file checksum and whether it is the active version. Only one version per name is active.

A new version becomes active only if its score (ROC AUC for churn and purchase, holdout skill
for lifetime value, all higher-is-better) is not lower than the active version's by more than
the tolerance; otherwise it is kept on file, inactive, and the previous one stays in use. A
version that does not beat its simple baseline (lifetime value with a holdout skill below 0:
further off than "each customer keeps their past rate") is never made active.
Scores come from different test periods, so the comparison is a guard against a bad retrain,
not a contest: `activate` switches versions by hand.

Model files are only ever read from this folder and only when their SHA-256 matches the one
recorded at training, since unpickling runs code.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from tools.core.errors import ToolInputError, ToolUnavailable
from tools.core.files import sha256_of
from tools.data.store import JourneyStore

MODEL_NAMES: tuple[str, ...] = ("churn", "purchase", "clv")

_DDL = """
CREATE TABLE IF NOT EXISTS predict_models (
    name VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    trained_at TIMESTAMPTZ NOT NULL,
    data_start DATE,
    data_end DATE,
    method VARCHAR,
    metric VARCHAR,
    score DOUBLE,
    metrics VARCHAR,
    features VARCHAR,
    settings VARCHAR,
    training VARCHAR,
    path VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    active BOOLEAN NOT NULL,
    note VARCHAR,
    PRIMARY KEY (name, version)
)
"""


@dataclass(frozen=True)
class ModelVersion:
    name: str
    version: int
    trained_at: dt.datetime
    data_start: dt.date | None
    data_end: dt.date | None  # last day of the data it was trained on
    method: str
    metric: str
    score: float
    metrics: dict[str, Any]
    features: list[str]
    settings: dict[str, Any]
    training: str  # the split in words
    path: str
    sha256: str
    active: bool
    note: str = ""

    def label(self) -> str:
        return f"{self.name} v{self.version}"

    def summary(self) -> str:
        """One line for provenance: which model, how it was trained, how good it was."""
        return (f"{self.label()} ({self.method}), trained {self.trained_at:%Y-%m-%d} on data "
                f"{self.data_start} to {self.data_end}; {self.metric} {self.score:.3f}")


@dataclass(frozen=True)
class Registered:
    version: ModelVersion
    activated: bool
    previous: ModelVersion | None
    reason: str
    extra: dict[str, Any] = field(default_factory=dict)


class ModelRegistry:
    """Versions of the predictive models of one journey store."""

    def __init__(self, store: JourneyStore, folder: str | Path):
        self.store = store
        self.folder = Path(folder).expanduser().resolve()
        # Opening the registry is reading: its table is made with the first model, and the
        # folder is written only when `beside` would not find it already (a dry-run digest
        # opens the registry and must leave the store file as it was).
        known = store.scalar("SELECT value FROM meta WHERE key = 'models_dir'")
        default = (store.path.parent / "models").resolve() if store.path is not None else None
        if known != str(self.folder) and not (known is None and default == self.folder):
            self._remember_folder()

    def _exists(self) -> bool:
        return bool(self.store.scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'predict_models'"))

    def _prepare(self) -> None:
        if not self._exists():
            self.store.execute(_DDL)
        if self.store.scalar("SELECT value FROM meta WHERE key = 'models_dir'") != str(self.folder):
            self._remember_folder()

    def _remember_folder(self) -> None:
        # Remembered in the store, so a tool handed only the store finds the same models.
        self.store.execute("INSERT OR REPLACE INTO meta VALUES ('models_dir', ?)", [str(self.folder)])

    @classmethod
    def beside(cls, store: JourneyStore) -> ModelRegistry:
        """The registry this store used last, else the `models/` folder next to its file."""
        known = store.scalar("SELECT value FROM meta WHERE key = 'models_dir'")
        if known:
            return cls(store, known)
        if store.path is None:
            raise ToolUnavailable(
                "This journey store lives in memory and has no models folder yet; "
                "pass a ModelRegistry with a folder.")
        return cls(store, store.path.parent / "models")

    # -- reading -----------------------------------------------------------------------
    def versions(self, name: str | None = None) -> list[ModelVersion]:
        if name is not None:
            _check_name(name)
        if not self._exists():
            return []
        df = self.store.query(
            "SELECT * FROM predict_models WHERE $name IS NULL OR name = $name ORDER BY name, version",
            {"name": name})
        return [_row(r) for r in df.to_dict(orient="records")]

    def active(self, name: str) -> ModelVersion | None:
        _check_name(name)
        if not self._exists():
            return None
        df = self.store.query("SELECT * FROM predict_models WHERE name = ? AND active", [name])
        return _row(df.to_dict(orient="records")[0]) if len(df) else None

    def actives(self) -> dict[str, ModelVersion]:
        """The active version of each model that has one, read in one go: the saved scores are
        checked against all three on every digest, alert check and risk answer, and each
        `active` call opens a connection twice."""
        with self.store.connect() as con:
            if not con.execute("SELECT count(*) FROM information_schema.tables "
                               "WHERE table_name = 'predict_models'").fetchone()[0]:  # type: ignore[index]
                return {}
            df = con.execute("SELECT * FROM predict_models WHERE active ORDER BY name, version").df()
        found: dict[str, ModelVersion] = {}
        for r in df.to_dict(orient="records"):
            found.setdefault(r["name"], _row(r))
        return {n: found[n] for n in MODEL_NAMES if n in found}

    def load(self, version: ModelVersion) -> Any:
        path = Path(version.path)
        if not path.is_absolute():
            path = self.folder / path
        if not path.exists():
            raise ToolUnavailable(
                f"The file of {version.label()} is missing ({path}). Retrain with "
                "`journeybot predict train`.")
        if sha256_of(path) != version.sha256:
            raise ToolUnavailable(
                f"The file of {version.label()} ({path}) has changed since it was trained, so it "
                "is not loaded. Retrain with `journeybot predict train`.")
        import joblib  # here: reading which models are active (every digest) needs none of it

        return joblib.load(path)

    def to_frame(self) -> pd.DataFrame:
        rows = [{"name": v.name, "version": v.version, "active": v.active, "method": v.method,
                 "trained_at": v.trained_at, "data": f"{v.data_start} to {v.data_end}",
                 "metric": v.metric, "score": v.score, "note": v.note} for v in self.versions()]
        return pd.DataFrame(rows)

    # -- writing -----------------------------------------------------------------------
    def register(
        self,
        name: str,
        model: Any,
        *,
        now: dt.datetime,
        data_start: dt.date | None,
        data_end: dt.date | None,
        method: str,
        metric: str,
        score: float,
        metrics: dict[str, Any],
        features: list[str] | tuple[str, ...] = (),
        settings: dict[str, Any] | None = None,
        training: str = "",
        tolerance: float = 0.0,
        floor: tuple[float, str] | None = None,
    ) -> Registered:
        """Save a new version; activate it unless it scores worse than the active one, or below
        `floor` = (score, what it means): a model that does not beat its simple baseline is
        kept on file and never used, even as the first version."""
        _check_name(name)
        if now.tzinfo is None:
            raise ToolInputError("`now` must carry a time zone, e.g. datetime.now(timezone.utc)")
        self._prepare()
        previous = self.active(name)
        version = 1 + int(self.store.scalar(
            "SELECT coalesce(max(version), 0) FROM predict_models WHERE name = ?", [name]))
        retire = False  # an active version below the floor (trained before the floor existed) goes too
        if floor is not None and not score >= floor[0]:  # NaN fails too
            activate, reason = False, floor[1]
            if previous is not None and not previous.score >= floor[0]:
                retire, reason = True, reason + f"; {previous.label()} did not beat it either and is no longer used"
        elif previous is None:
            activate, reason = True, "first version"
        elif score != score:  # NaN: nothing to compare
            activate, reason = False, f"no {metric} to compare; {previous.label()} stays active"
        elif score >= previous.score - tolerance:
            activate, reason = True, (f"{metric} {score:.3f} vs {previous.score:.3f} of "
                                      f"{previous.label()}")
        else:
            activate, reason = False, (f"{metric} {score:.3f} is lower than {previous.score:.3f} of "
                                       f"{previous.label()}, which stays active")
        relative = Path(name) / f"v{version}.joblib"
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            import joblib

            joblib.dump(model, path)  # a full disk must not leave half a model file behind
            digest = sha256_of(path)
            with self.store.connect() as con:
                con.begin()
                try:
                    if activate or retire:
                        con.execute("UPDATE predict_models SET active = false WHERE name = ?", [name])
                    con.execute(
                        "INSERT INTO predict_models (name, version, trained_at, data_start, data_end, method, metric, score, "
                        "metrics, features, settings, training, path, sha256, active, note) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [name, version, now, data_start, data_end, method, metric, _finite(score),
                         json.dumps(metrics, default=str), json.dumps(list(features)),
                         json.dumps(settings or {}, default=str), training, str(relative), digest,
                         activate, reason])
                    con.commit()
                except BaseException:
                    with contextlib.suppress(Exception):  # a failed commit has ended it already
                        con.rollback()
                    raise
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        registered = self.versions(name)[-1]
        return Registered(registered, activate, previous, reason)

    def activate(self, name: str, version: int) -> ModelVersion:
        """Make a version the active one by hand (e.g. back to an earlier one)."""
        _check_name(name)
        known = [v.version for v in self.versions(name)]
        if version not in known:
            raise ToolInputError(
                f"There is no {name} model version {version}; versions: "
                f"{', '.join(map(str, known)) or 'none yet (run journeybot predict train)'}")
        with self.store.connect() as con:
            con.begin()
            con.execute("UPDATE predict_models SET active = (version = ?) WHERE name = ?", [version, name])
            con.commit()
        chosen = self.active(name)
        assert chosen is not None
        return chosen


def _check_name(name: str) -> None:
    if name not in MODEL_NAMES:
        raise ToolInputError(f"Unknown model {name!r}; models are: {', '.join(MODEL_NAMES)}")




def _finite(value: float) -> float | None:
    return value if value == value and abs(value) != float("inf") else None


def _row(r: dict[str, Any]) -> ModelVersion:
    def date(v: Any) -> dt.date | None:
        if v is None or v is pd.NaT or (isinstance(v, float) and v != v):
            return None
        return v.date() if isinstance(v, (pd.Timestamp, dt.datetime)) else v

    trained = r["trained_at"]
    score = r["score"]
    return ModelVersion(
        name=r["name"], version=int(r["version"]),
        trained_at=trained.to_pydatetime() if isinstance(trained, pd.Timestamp) else trained,
        data_start=date(r["data_start"]), data_end=date(r["data_end"]), method=r["method"] or "",
        metric=r["metric"] or "", score=float("nan") if score is None or score != score else float(score),
        metrics=json.loads(r["metrics"] or "{}"), features=json.loads(r["features"] or "[]"),
        settings=json.loads(r["settings"] or "{}"), training=r["training"] or "", path=r["path"],
        sha256=r["sha256"], active=bool(r["active"]), note=r["note"] or "",
    )
