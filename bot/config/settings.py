"""The whole config (`Config`): its sections, and the settings derived from them (paths in
the data folder, the operational database, the stores to open). Reading the file and the
environment is bot/config/loading.py."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from pydantic import Field, field_validator

from bot.config.base import SECRET_ENV, Section, section_adapter
from bot.config.data import (
    AnalyticsConfig,
    BusinessConfig,
    FeedbackConfig,
    ModelConfig,
    PredictConfig,
    StoreConfig,
)
from bot.config.running import (
    AlertsConfig,
    DigestScheduleConfig,
    SchedulerConfig,
    ServiceConfig,
    SlackConfig,
    StateConfig,
)
from tools.core.stages import TouchpointMap

if TYPE_CHECKING:  # checked with these models only when the file has the section (below)
    from tools.data.mapping import Mapping
    from tools.sources.spec import SourceSpec


class Config(Section):
    home: str | None = Field(default=None, description="data folder; JOURNEYBOT_HOME overrides")
    business: BusinessConfig = Field(default_factory=BusinessConfig)
    store: StoreConfig = Field(default_factory=StoreConfig)
    analytics: AnalyticsConfig = Field(default_factory=AnalyticsConfig)
    feedback: FeedbackConfig = Field(default_factory=FeedbackConfig)
    model: ModelConfig = Field(default_factory=ModelConfig)
    predict: PredictConfig = Field(default_factory=PredictConfig)
    touchpoints: dict[str, dict[str, Any]] = Field(default_factory=dict)
    # name -> Mapping and SourceSpecs once validated (section_adapter)
    mappings: dict[str, Any] = Field(default_factory=dict)
    sources: list[Any] = Field(default_factory=list, description="[[sources]]: data that syncs itself")
    digests: list[DigestScheduleConfig] = Field(default_factory=list)
    alerts: AlertsConfig = Field(default_factory=AlertsConfig)
    scheduler: SchedulerConfig = Field(default_factory=SchedulerConfig)
    slack: SlackConfig = Field(default_factory=SlackConfig)
    state: StateConfig = Field(default_factory=StateConfig)
    service: ServiceConfig = Field(default_factory=ServiceConfig)

    @field_validator("mappings")
    @classmethod
    def _mappings(cls, v: dict[str, Any]) -> dict[str, Mapping]:
        return section_adapter("mappings").validate_python(v) if v else v

    @field_validator("sources")
    @classmethod
    def _unique_sources(cls, v: list[Any]) -> list[SourceSpec]:
        if not v:
            return v
        v = section_adapter("sources").validate_python(v)
        names = [s.name for s in v]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"two sources are named {', '.join(twice)}; source names must be unique")
        return v

    # Filled by load_config, not from the file.
    source: str | None = Field(default=None, exclude=True)
    env: dict[str, str] = Field(default_factory=dict, exclude=True, repr=False)

    # -- derived settings --------------------------------------------------------------
    @property
    def answer_budget(self) -> float:
        """Seconds the model path of one answer may take: the configured budget, but always 5 s
        under the Slack answer timeout, so a failing model leaves time for the offline answer."""
        return min(self.model.answer_budget_seconds, max(1.0, self.slack.answer_timeout_seconds - 5))

    @property
    def home_path(self) -> Path:
        env_home = self.env.get("JOURNEYBOT_HOME")
        if env_home:
            return Path(env_home).expanduser()
        if self.home:
            return Path(self.home).expanduser()
        return Path(platformdirs.user_data_dir("journeybot", appauthor=False))

    @property
    def store_path(self) -> Path:
        return Path(self.store.path).expanduser() if self.store.path else self.home_path / "journey.duckdb"

    @property
    def sample_dir(self) -> Path:
        return self.home_path / "sample"

    @property
    def memory_path(self) -> Path:
        return self.home_path / "memory.sqlite"

    @property
    def state_path(self) -> Path:
        return self.home_path / "state.sqlite"

    @property
    def shared_state_url(self) -> str | None:
        """The database every instance shares (JOURNEYBOT_STATE_URL, else [state] url), or None."""
        return self.env.get("JOURNEYBOT_STATE_URL") or self.state.url or None

    @property
    def shared(self) -> bool:
        """True when operational state is in PostgreSQL: several instances may run, and the
        journey store is written by one elected writer and read from published copies."""
        return (self.shared_state_url or "").startswith(("postgresql", "postgres://"))

    @property
    def state_url(self) -> str:
        """Run keys, event ids, alert state, answer log: the shared database or state.sqlite."""
        return self.shared_state_url or f"sqlite:///{self.state_path}"

    @property
    def memory_url(self) -> str:
        """Conversation memory: the shared database or memory.sqlite."""
        return self.shared_state_url or f"sqlite:///{self.memory_path}"

    @property
    def jobstore_url(self) -> str:
        from tools.core.opsdb import driver_url

        url = self.scheduler.jobstore_url or self.shared_state_url or f"sqlite:///{self.home_path / 'jobs.sqlite'}"
        return driver_url(url)

    @property
    def log_format(self) -> str:
        value = (self.env.get("JOURNEYBOT_LOG_FORMAT") or self.service.log_format).strip().lower()
        return value if value in ("text", "json") else "text"

    def ops_db(self):  # -> tools.core.opsdb.OpsDB
        """The operational database (shared by every store that keeps operational state)."""
        from tools.core.opsdb import open_db

        return open_db(self.state_url)

    def model_api_key(self) -> str | None:
        return self.env.get(self.model.api_key_env) or None

    @property
    def models_dir(self) -> Path:
        return Path(self.predict.models_dir).expanduser() if self.predict.models_dir else self.home_path / "models"
    def kpi_settings(self):  # -> tools.analytics.kpis.KpiSettings
        from tools.analytics.kpis import KpiSettings

        return KpiSettings(
            churn_window_days=self.analytics.churn_window_days,
            cart_window_hours=self.analytics.cart_window_hours,
            delivery_promise_days=self.analytics.delivery_promise_days,
            min_sample=self.analytics.min_sample,
        )

    def touchpoint_map(self) -> TouchpointMap:
        return TouchpointMap.from_config(self.touchpoints)

    def secret(self, name: str) -> str | None:
        """Secrets come from the environment only."""
        return self.env.get(SECRET_ENV[name]) or None

    def source_credentials(self, spec: SourceSpec) -> dict[str, str]:
        """A source's token, from the environment variable it names."""
        token = self.env.get(spec.token_env or "") if spec.token_env else None
        return {"token": token} if token else {}

    def open_store(self, hold: bool = False):  # -> JourneyStore
        """The journey store; `hold`: held open until its release() (JourneyStore.held)."""
        from tools.data.store import JourneyStore

        return JourneyStore(
            self.store_path,
            profile=self.business.profile_keys(),
            profile_source=f"config {self.source}" if self.source else "config",
            memory_limit=self.store.memory_limit,
            threads=self.store.threads or None,
            hold=hold,
        )


    @property
    def feedback_path(self) -> Path:
        return Path(self.feedback.path).expanduser() if self.feedback.path else self.home_path / "feedback"

    def embedder(self):  # -> tools.feedback.embeddings.Embedder
        """The configured embedding model; the local one loads on first use, not here."""
        f = self.feedback
        if f.embedding == "openai":
            from bot.embeddings_openai import OpenAIEmbedder

            return OpenAIEmbedder(f.openai_model, api_key=self.secret("openai_api_key"),
                                  base_url=f.openai_base_url, batch_size=f.batch_size)
        if f.embedding == "multilingual":
            from tools.feedback.embeddings_multilingual import MultilingualEmbedder

            return MultilingualEmbedder(threads=f.threads or None)
        from tools.feedback.embeddings import LocalEmbedder

        # JOURNEYBOT_ENCODER=torch forces torch over onnxruntime (same vectors, half the speed);
        # JOURNEYBOT_MODEL_CACHE moves the ONNX export out of the user cache folder.
        # An int8 embedder cannot be torch: it says so and is fp32 then (LocalEmbedder).
        return LocalEmbedder(batch_size=min(f.batch_size, 128), threads=f.threads or None,
                             runtime=(self.env.get("JOURNEYBOT_ENCODER") or "auto").strip().lower(),
                             cache_dir=self.env.get("JOURNEYBOT_MODEL_CACHE") or None,
                             precision=self.encoder_precision())

    def encoder_precision(self) -> str:
        """[feedback] encoder_precision, unless JOURNEYBOT_ENCODER_PRECISION (int8 or fp32) says."""
        value = (self.env.get("JOURNEYBOT_ENCODER_PRECISION") or "").strip().lower()
        return value if value in ("int8", "fp32") else self.feedback.encoder_precision

    def business_timezone(self) -> str:
        """The business time zone: the profile kept with the data (which the config's
        [business] timezone, when set, is written into)."""
        if "timezone" in self.business.model_fields_set or not self.store_path.exists():
            return self.business.timezone
        return self.open_store().timezone

    def open_feedback(self, *, embedder: bool = True):  # -> tools.feedback.store.FeedbackStore
        """The feedback vector store; `embedder=False` for work that needs no model (erasure)."""
        from tools.feedback.store import FeedbackStore

        f = self.feedback
        where = {"url": f.chroma_url} if f.chroma_url else {"path": self.feedback_path}
        return FeedbackStore(**where, embedder=self.embedder() if embedder else None,
                             timezone=self.business_timezone(), collection=f.collection,
                             batch_size=f.batch_size)
