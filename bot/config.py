"""Configuration: one TOML file plus environment variables for secrets.

This is the only module that reads os.environ. Where the file is found:
  1. --config PATH (the CLI passes it here), else JOURNEYBOT_CONFIG
  2. ./journeybot.toml in the working directory
  3. <data folder>/config.toml
and with none of them, the defaults below (the embedded, offline setup).

The data folder holds everything journeybot keeps (journey store, vector store, job store,
conversation memory). JOURNEYBOT_HOME wins over `home` in the file, which wins over the
per-user default, so two folders never mix.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.config_secrets import pasted_secret_problems
from tools.alerts.rules import AlertRule, Severity
from tools.core.money import check_currency, check_locale
from tools.core.profile import OrderStatuses, check_timezone
from tools.core.stages import TouchpointMap
from tools.data.mapping import Mapping
from tools.sources.spec import SourceSpec

DEFAULT_TIMEZONE = "Europe/London"
DEFAULT_MEMORY_LIMIT = "1GB"
SECRET_ENV = {
    "openai_api_key": "OPENAI_API_KEY",
    "slack_bot_token": "SLACK_BOT_TOKEN",
    "slack_app_token": "SLACK_APP_TOKEN",
    "slack_signing_secret": "SLACK_SIGNING_SECRET",
}
_SECRET_WORDS = ("token", "secret", "password", "api_key", "apikey")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BusinessConfig(_Section):
    """The business profile (tools/core/profile.py). Keys set here are kept in the journey
    store, so they travel with the data folder; keys left out keep what the store has (from a
    recipe's [profile] or `journeybot profile set`), else the defaults shown."""

    name: str = Field(default="My shop", description="shown in digests and the App Home")
    timezone: str = Field(default=DEFAULT_TIMEZONE, description="IANA zone; days and schedules use it")
    currency: str = Field(default="GBP", description="ISO code used when showing money")
    locale: str | None = Field(default=None, description="how numbers are written, e.g. en_GB, en_US, "
                               "pt_BR; default: the currency's usual locale")
    order_statuses: OrderStatuses | None = Field(
        default=None, description="raw order statuses by kind (completed, pending, cancelled, returned), "
        "added to the built-in vocabulary")
    delivery_promise: int | str | None = Field(
        default=None, description="when a delivery is due: days after the order, or the orders column "
        "with each order's promised date")

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        return check_timezone(v)

    @field_validator("currency")
    @classmethod
    def _currency(cls, v: str) -> str:
        return check_currency(v)

    @field_validator("locale")
    @classmethod
    def _locale(cls, v: str | None) -> str | None:
        return None if v is None else check_locale(v)

    def profile_keys(self) -> dict[str, Any]:
        """The profile keys this file sets (not the defaults of keys it leaves out)."""
        keys = ("currency", "timezone", "locale", "order_statuses", "delivery_promise")
        out = {k: getattr(self, k) for k in keys if k in self.model_fields_set and getattr(self, k) is not None}
        if "order_statuses" in out:
            out["order_statuses"] = out["order_statuses"].model_dump()
        return out


class StoreConfig(_Section):
    path: str | None = Field(default=None, description="journey database; <home>/journey.duckdb")
    memory_limit: str = Field(default=DEFAULT_MEMORY_LIMIT, description="DuckDB memory cap")
    threads: int = Field(default=0, ge=0, description="DuckDB threads; 0 = all cores")


class AnalyticsConfig(_Section):
    churn_window_days: int = Field(default=90, ge=1, description="no purchase for this long = churned")
    conversion_window_days: int = Field(default=30, ge=1, description="funnel conversion window")
    cart_window_hours: int = Field(default=24, ge=1, le=168,
                                   description="a cart with no purchase within this many hours is abandoned")
    delivery_promise_days: int = Field(default=2, ge=0, le=30,
                                       description="a delivery order is on time when it arrives by the end of "
                                                   "this many days after the order day")
    min_sample: int = Field(default=30, ge=1,
                            description="KPIs resting on fewer are flagged; top movers skip smaller groups")


class FeedbackConfig(_Section):
    path: str | None = Field(default=None, description="Chroma folder; <home>/feedback")
    chroma_url: str | None = Field(default=None, description="Chroma server, e.g. http://localhost:8000")
    collection: str = Field(default="feedback", min_length=3, max_length=63, pattern=r"^[a-z0-9][a-z0-9._-]*[a-z0-9]$",
                            description="collection name")
    embedding: Literal["local", "multilingual", "openai"] = Field(
        default="local", description="embedding model: local (English), multilingual (offline, 16 languages) or openai")
    openai_model: str = Field(default="text-embedding-3-small", description="OpenAI embedding model")
    openai_base_url: str | None = Field(default=None, description="OpenAI-compatible server URL")
    chunk_words: int = Field(default=120, ge=10, le=2000, description="longer texts are split")
    batch_size: int = Field(default=256, ge=1, le=5000, description="texts per embedding call")
    threads: int = Field(default=0, ge=0, le=256, description="CPU threads of the local model; 0 = torch default")
    sentiment: Literal["auto", "offline"] = Field(
        default="auto",
        description="'auto' = the chat model scores sentiment when [model] is configured (one call per 40 "
                    "texts, any language), else the offline scorer; 'offline' = always the offline scorer",
    )
    index_on_load: bool = Field(
        default=True,
        description="`journeybot ingest` and `sources sync` embed new survey and ticket texts as they load; "
                    "false leaves them to `journeybot feedback index` or serve's background indexer "
                    "(JOURNEYBOT_INDEX_ON_LOAD=0 overrides)",
    )


class ModelConfig(_Section):
    provider: Literal["none", "openai"] = Field(
        default="none",
        description="'none' = offline planner; 'openai' = OpenAI or any OpenAI-compatible server",
    )
    name: str = Field(default="gpt-4o-mini", description="model name as the server knows it")
    base_url: str | None = Field(default=None, description="OpenAI-compatible server URL")
    api_key_env: str = Field(default="OPENAI_API_KEY", description="environment variable with the key")
    api_version: str | None = Field(default=None, description="Azure OpenAI API version")
    timeout_seconds: float = Field(default=60.0, gt=0, le=600)
    max_retries: int = Field(default=2, ge=0, le=10, description="retries with backoff on errors")
    max_tool_steps: int = Field(default=8, ge=1, le=30, description="tool calls per answer, at most")
    tool_shortlist: int = Field(default=5, ge=0, le=50, description="tools whose schemas go with a "
                                "question (the planner's best matches, plus describe_data and more_tools); "
                                "0 = every tool")
    answer_budget_seconds: float = Field(
        default=120.0, gt=0, le=1200,
        description="the whole model path of one answer (every request, retry and tool call) must end within "
                    "this; after it the offline planner answers and says why. It is held 5 s below "
                    "[slack] answer_timeout_seconds when that is shorter")
    temperature: float = Field(default=0.0, ge=0, le=2)


def _check_clock(v: str) -> str:
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", v.strip()):
        raise ValueError(f"time {v!r} must be HH:MM on a 24-hour clock, e.g. 08:00")
    return v.strip()


class DigestScheduleConfig(_Section):
    channel: str = Field(description="Slack channel id (C0123...) or name the digest is posted to")
    cadence: Literal["daily", "weekly"] = Field(default="daily", description="daily or weekly")
    time: str = Field(default="08:00", description="local time HH:MM")
    weekday: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = Field(
        default="mon", description="weekly digests: the day they go out")
    timezone: str | None = Field(default=None, description="IANA zone; default [business] timezone")

    @field_validator("time")
    @classmethod
    def _clock(cls, v: str) -> str:
        return _check_clock(v)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str | None) -> str | None:
        return None if v is None else BusinessConfig._tz(v)


class SchedulerConfig(_Section):
    jobstore_url: str | None = Field(
        default=None, description="SQLAlchemy URL of the job store; default sqlite:///<home>/jobs.sqlite")
    misfire_grace_minutes: int = Field(default=360, ge=1, le=7 * 24 * 60,
                                       description="a run missed by less than this is caught up (once)")
    lease_seconds: int = Field(default=300, ge=10, le=3600,
                               description="how long a sender holds a run before another may take over")
    sweep_minutes: int = Field(default=5, ge=1, le=120,
                               description="how often interrupted runs are looked for and finished")
    retry_hours: int = Field(default=24, ge=1, le=24 * 7,
                             description="interrupted or failed runs older than this are given up")
    retrain_time: str | None = Field(default="03:30", description="local time HH:MM the predictive "
                                     "models retrain when there is new data; empty = never")

    @field_validator("retrain_time")
    @classmethod
    def _retrain_clock(cls, v: str | None) -> str | None:
        return _check_clock(v) if v else None


class AlertsConfig(_Section):
    enabled: bool = Field(default=True, description="evaluate alert rules on a schedule")
    channel: str | None = Field(default=None, description="Slack channel alerts are posted to")
    check_time: str = Field(default="07:30", description="local time HH:MM of the daily check")
    cooldown_hours: float = Field(default=72, ge=0, le=24 * 90,
                                  description="after a rule alerts, no new alert from it this long")
    clear_days: int = Field(default=1, ge=1, le=14,
                            description="days back within bounds before an alert is resolved")
    escalate: list[Severity] = Field(default_factory=lambda: ["high"],
                                     description="severities that escalate")
    escalation_channel: str | None = Field(default=None, description="second channel for escalations")
    escalation_mention: str | None = Field(
        default=None, description="who to mention on escalation: <!subteam^S0123>, <@U0123> or <!here>")
    rules: list[AlertRule] = Field(default_factory=list, description="[[alerts.rules]] entries")
    starter_rules: bool = Field(default=True, description="also use the built-in starter rules "
                                "(tools/alerts/rules.py STARTER_RULES) not replaced by a rule of the same id")

    @field_validator("check_time")
    @classmethod
    def _clock(cls, v: str) -> str:
        return _check_clock(v)

    @field_validator("escalation_mention")
    @classmethod
    def _mention(cls, v: str | None) -> str | None:
        if v is None or not v.strip():
            return None
        v = v.strip()
        if not (v.startswith("<!") or v.startswith("<@")) or not v.endswith(">"):
            raise ValueError(f"escalation_mention {v!r} must be Slack mention syntax: <!subteam^S0123> "
                             "for a user group, <@U0123> for a person, or <!here>")
        return v

    @field_validator("rules")
    @classmethod
    def _unique(cls, v: list[AlertRule]) -> list[AlertRule]:
        seen: set[str] = set()
        for rule in v:
            if rule.id in seen:
                raise ValueError(f"two rules are named {rule.id!r}; rule ids must be unique")
            seen.add(rule.id)
        return v


class PredictConfig(_Section):
    """The predictive models (tools/predict): windows, thresholds, retraining."""

    churn_window_days: int = Field(default=60, ge=7, le=365, description="churn label: no purchase for this many days after the data ends")
    propensity_days: int = Field(default=30, ge=1, le=365, description="purchase propensity horizon")
    clv_holdout_days: int = Field(default=60, ge=7, le=365, description="days held out to check the lifetime value model")
    forecast_days: int = Field(default=90, ge=1, le=730, description="revenue horizon behind expected value")
    min_history_days: int = Field(default=45, ge=0, le=730, description="history needed before a training cut-off")
    snapshot_step_days: int = Field(default=14, ge=1, le=180, description="days between stacked training cut-offs")
    max_snapshots: int = Field(default=4, ge=1, le=24, description="training cut-offs stacked, at most")
    high_risk: float = Field(default=0.6, gt=0, lt=1, description="churn probability counted as high risk")
    medium_risk: float = Field(default=0.35, gt=0, lt=1, description="churn probability counted as medium risk")
    high_value_quantile: float = Field(default=0.8, gt=0, lt=1, description="spend quantile from which a customer is high value")
    rising_risk: float = Field(default=0.15, gt=0, lt=1, description="risk increase counted as rising")
    compare_days: int = Field(default=30, ge=1, le=365, description="rising risk compares with this many days earlier")
    recent_days: int = Field(default=30, ge=1, le=365, description="a complaint this recent is recent")
    likely_buyer: float = Field(default=0.5, gt=0, lt=1, description="purchase probability of a likely buyer")
    lapsing_ratio: float = Field(default=0.5, gt=0, lt=1, description="share of their usual purchase rate at which a habitual customer is lapsing")
    lapsing_min_days: int = Field(default=6, ge=2, le=90, description="purchase days in the 90 days before the last 45 that make a habit")
    retrain_tolerance: float = Field(default=0.0, ge=0, le=1, description="score drop a retrain may have and still be activated")
    models_dir: str | None = Field(default=None, description="model files; <home>/models")

    def settings(self):  # -> tools.predict.settings.PredictSettings
        from tools.predict.settings import PredictSettings

        return PredictSettings(**self.model_dump(exclude={"models_dir"}))


class StateConfig(_Section):
    """Where operational state lives: run keys, Slack event ids, alert state, the answer log,
    the job store and conversation memory. SQLite files in the data folder by default; one
    PostgreSQL database shared by every instance when `url` (or JOURNEYBOT_STATE_URL) is set."""

    url: str | None = Field(
        default=None,
        description="postgresql://user@host:5432/db (no password here: PGPASSWORD or ~/.pgpass); "
                    "JOURNEYBOT_STATE_URL overrides")
    follow_seconds: float = Field(default=15.0, ge=1, le=3600,
                                  description="how often an instance looks for a newer published "
                                              "journey store version (PostgreSQL only)")
    keep_versions: int = Field(default=2, ge=1, le=20,
                               description="published journey store versions kept in PostgreSQL")

    @field_validator("url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        if not v:
            return None
        if not v.startswith(("postgresql://", "postgres://", "postgresql+psycopg://", "sqlite:///")):
            raise ValueError(f"expected postgresql://user@host:5432/database, got {v.split('@')[-1]!r}")
        return v


class ServiceConfig(_Section):
    """Running as a service: health, readiness and metrics over HTTP, log format."""

    health_host: str = Field(default="0.0.0.0", description="address of /health, /ready and /metrics")
    health_port: int = Field(default=8080, ge=0, le=65535,
                             description="Socket Mode: port of /health, /ready and /metrics (0 = "
                                         "off); HTTP mode serves them beside /slack/events")
    log_format: Literal["text", "json"] = Field(default="text", description="'json': one JSON object per "
                                                "log line (JOURNEYBOT_LOG_FORMAT overrides)")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(default="INFO", description="log level")


SLACK_API_URL = "https://slack.com/api/"


class SlackConfig(_Section):
    mode: Literal["socket", "http"] = Field(
        default="socket",
        description="'socket' = Socket Mode (app-level token, no public URL); 'http' = Slack posts "
                    "to this server (signing secret, public HTTPS URL)",
    )
    api_base_url: str = Field(default=SLACK_API_URL, description="Slack Web API; a proxy or test server")
    http_host: str = Field(default="0.0.0.0", description="HTTP mode: address to listen on")
    http_port: int = Field(default=3000, ge=1, le=65535, description="HTTP mode: port to listen on")
    http_path: str = Field(default="/slack/events", description="HTTP mode: request URL path")
    allowed_teams: list[str] = Field(default_factory=list, description="workspace ids; empty = any")
    allowed_channels: list[str] = Field(default_factory=list, description="channel ids; empty = any")
    allowed_users: list[str] = Field(default_factory=list, description="user ids; empty = any")
    working_text: str = Field(default=":hourglass_flowing_sand: Working on it…",
                              description="placeholder posted while an answer is prepared")
    answer_timeout_seconds: float = Field(default=180.0, gt=0, le=1800,
                                          description="longest wait for one answer")
    rate_limit_retries: int = Field(default=3, ge=0, le=10, description="retries after HTTP 429")
    request_timeout_seconds: int = Field(default=30, ge=1, le=300, description="per Web API call")
    event_memory_hours: float = Field(default=48.0, gt=0, description="how long event ids are "
                                      "remembered so Slack's retries are not answered twice")
    max_data_rows: int = Field(default=100_000, ge=1, description="'Show the data' CSV row cap")
    ai_app: bool = Field(default=True, description="the Slack app has the Agents & AI Apps feature (both "
                         "manifests turn it on): assistant threads, streamed replies in threads, Slack's "
                         "feedback buttons; false = 'working on it' messages replaced by the answer")

    @field_validator("api_base_url")
    @classmethod
    def _slash(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError(f"expected an http(s) URL such as {SLACK_API_URL}, got {v!r}")
        # slack_sdk joins method names onto the base URL, so it must end with a slash.
        return v if v.endswith("/") else v + "/"

    @field_validator("http_path")
    @classmethod
    def _path(cls, v: str) -> str:
        if not v.startswith("/"):
            raise ValueError(f"expected a path starting with '/', got {v!r}")
        return v


class Config(_Section):
    home: str | None = Field(default=None, description="data folder; JOURNEYBOT_HOME overrides")
    business: BusinessConfig = Field(default_factory=BusinessConfig)
    store: StoreConfig = Field(default_factory=StoreConfig)
    analytics: AnalyticsConfig = Field(default_factory=AnalyticsConfig)
    feedback: FeedbackConfig = Field(default_factory=FeedbackConfig)
    model: ModelConfig = Field(default_factory=ModelConfig)
    predict: PredictConfig = Field(default_factory=PredictConfig)
    touchpoints: dict[str, dict[str, Any]] = Field(default_factory=dict)
    mappings: dict[str, Mapping] = Field(default_factory=dict)
    sources: list[SourceSpec] = Field(default_factory=list, description="[[sources]]: data that syncs itself")
    digests: list[DigestScheduleConfig] = Field(default_factory=list)
    alerts: AlertsConfig = Field(default_factory=AlertsConfig)
    scheduler: SchedulerConfig = Field(default_factory=SchedulerConfig)
    slack: SlackConfig = Field(default_factory=SlackConfig)
    state: StateConfig = Field(default_factory=StateConfig)
    service: ServiceConfig = Field(default_factory=ServiceConfig)

    @field_validator("sources")
    @classmethod
    def _unique_sources(cls, v: list[SourceSpec]) -> list[SourceSpec]:
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

    def open_store(self):  # -> JourneyStore
        from tools.data.store import JourneyStore

        return JourneyStore(
            self.store_path,
            profile=self.business.profile_keys(),
            profile_source=f"config {self.source}" if self.source else "config",
            memory_limit=self.store.memory_limit,
            threads=self.store.threads or None,
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

        return LocalEmbedder(batch_size=min(f.batch_size, 128), threads=f.threads or None)

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


class ConfigError(Exception):
    """The config file is wrong; the message lists every problem with its key."""


def find_config_file(explicit: str | Path | None, env: dict[str, str]) -> Path | None:
    if explicit:
        return Path(explicit)
    if env.get("JOURNEYBOT_CONFIG"):
        return Path(env["JOURNEYBOT_CONFIG"])
    local = Path.cwd() / "journeybot.toml"
    if local.exists():
        return local
    return None


def load_config(path: str | Path | None = None, env: dict[str, str] | None = None) -> Config:
    """Read and validate config; raise ConfigError naming every wrong key."""
    env = dict(os.environ if env is None else env)
    file = find_config_file(path, env)
    data: dict[str, Any] = {}
    if file is None:
        home = Config(env=env).home_path
        candidate = home / "config.toml"
        if candidate.exists():
            file = candidate
    if file is not None:
        data = read_toml(file)
    problems = secret_problems(data)
    problems += [p for p in pasted_secret_problems(data) if p.split(":")[0] not in {q.split(":")[0] for q in problems}]
    try:
        cfg = Config.model_validate(data)
    except ValidationError as exc:
        problems += [_describe(err) for err in exc.errors()]
        raise ConfigError(_problem_text(file, problems)) from None
    if problems:
        raise ConfigError(_problem_text(file, problems))
    try:
        cfg.touchpoint_map()
    except ValueError as exc:
        raise ConfigError(_problem_text(file, [f"touchpoints: {exc}"])) from None
    try:
        cfg.predict.settings()
    except ValueError as exc:
        raise ConfigError(_problem_text(file, [f"predict: {exc}"])) from None
    cfg.source = str(file) if file else None
    cfg.env = env
    if env.get("JOURNEYBOT_CHROMA_URL"):  # containers point every instance at one Chroma server
        cfg.feedback.chroma_url = env["JOURNEYBOT_CHROMA_URL"]
    if env.get("JOURNEYBOT_INDEX_ON_LOAD", "").strip().lower() in ("0", "false", "no", "off"):
        cfg.feedback.index_on_load = False  # scripted loads; serve indexes in the background
    return cfg


def read_toml(file: Path) -> dict[str, Any]:
    if not file.exists():
        raise ConfigError(f"config file {file} does not exist")
    try:
        with file.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML: {exc}") from None


_URL_PASSWORD = re.compile(r"^[a-z][a-z0-9+.-]*://[^/@:]*:[^/@]+@", re.I)


def secret_problems(data: Any, prefix: str = "") -> list[str]:
    """Secrets in the file would end up in backups and screenshots: refuse them."""
    out: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            dotted = f"{prefix}{key}"
            lowered = str(key).lower()
            if isinstance(value, str) and _URL_PASSWORD.match(value):
                out.append(f"{dotted}: a password does not belong in the config file; leave it out of the "
                           "URL and set PGPASSWORD (or use ~/.pgpass), or put the whole URL in "
                           "JOURNEYBOT_STATE_URL")
                continue
            if any(w in lowered for w in _SECRET_WORDS) and not lowered.endswith("_env") \
                    and isinstance(value, str) and value:
                out.append(
                    f"{dotted}: secrets do not belong in the config file; set the environment "
                    f"variable instead ({', '.join(sorted(set(SECRET_ENV.values())))})"
                )
            out += secret_problems(value, dotted + ".")
    return out


def _describe(err: Any) -> str:
    loc = ".".join(str(p) for p in err.get("loc", ()))
    msg = err.get("msg", "invalid")
    if err.get("type") == "extra_forbidden":
        msg = "unknown key (check the spelling against config.example.toml)"
    return f"{loc or '(top level)'}: {msg}"


def _problem_text(file: Path | None, problems: list[str]) -> str:
    head = f"{file}: " if file else ""
    return head + f"{len(problems)} problem(s) in the config:\n" + "\n".join(f"  - {p}" for p in problems)
