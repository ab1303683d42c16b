"""Config sections for the data and its analysis: the business profile, the journey store,
analytics windows, the feedback store, the chat model and the predictive models."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from bot.config.base import DEFAULT_MEMORY_LIMIT, DEFAULT_TIMEZONE, Section, Zone
from tools.core.money import check_currency, check_locale
from tools.core.profile import OrderStatuses


class BusinessConfig(Section):
    """The business profile (tools/core/profile.py). Keys set here are kept in the journey
    store, so they travel with the data folder; keys left out keep what the store has (from a
    recipe's [profile] or `journeybot profile set`), else the defaults shown."""

    name: str = Field(default="My shop", description="shown in digests and the App Home")
    timezone: Zone = Field(default=DEFAULT_TIMEZONE, description="IANA zone; days and schedules use it")
    currency: str = Field(default="GBP", description="ISO code used when showing money")
    locale: str | None = Field(default=None, description="how numbers are written, e.g. en_GB, en_US, "
                               "pt_BR; default: the currency's usual locale")
    order_statuses: OrderStatuses | None = Field(
        default=None, description="raw order statuses by kind (completed, pending, cancelled, returned), "
        "added to the built-in vocabulary")
    delivery_promise: int | str | None = Field(
        default=None, description="when a delivery is due: days after the order, or the orders column "
        "with each order's promised date")

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


class StoreConfig(Section):
    path: str | None = Field(default=None, description="journey database; <home>/journey.duckdb")
    memory_limit: str = Field(default=DEFAULT_MEMORY_LIMIT, description="DuckDB memory cap")
    threads: int = Field(default=0, ge=0, description="DuckDB threads; 0 = all cores")


class AnalyticsConfig(Section):
    churn_window_days: int = Field(default=90, ge=1, description="no purchase for this long = churned")
    conversion_window_days: int = Field(default=30, ge=1, description="funnel conversion window")
    cart_window_hours: int = Field(default=24, ge=1, le=168,
                                   description="a cart with no purchase within this many hours is abandoned")
    delivery_promise_days: int = Field(default=2, ge=0, le=30,
                                       description="a delivery order is on time when it arrives by the end of "
                                                   "this many days after the order day")
    min_sample: int = Field(default=30, ge=1,
                            description="KPIs resting on fewer are flagged; top movers skip smaller groups")


class FeedbackConfig(Section):
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
    encoder_precision: Literal["int8", "fp32"] = Field(
        default="fp32",
        description="the local model's weights: fp32, or int8 (quantised: about 1.9x as fast, the embedding "
                    "process 70 MB smaller; vectors within 0.95 cosine of fp32's, median 0.99, but themes group "
                    "differently: ARI 0.75-0.78 against fp32, where fp32 keeps >= 0.92 "
                    "when a day or a text changes); a change re-embeds the store at the next index run",
    )
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


class ModelConfig(Section):
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
    planner_fallback: bool = Field(
        default=True,
        description="the offline planner reads a question none of its rules recognise by resemblance to "
                    "known questions (with the offline embedding model) instead of asking back; "
                    "JOURNEYBOT_PLANNER_FALLBACK=off overrides")
    planner_second_opinion: bool = Field(
        default=False,
        description="with the fallback on, a strong vote of near phrasings overrules an uncertain rules "
                    "reading (bot/agent/second_opinion.py); off by default: on the round tests it broke right "
                    "readings the vote cannot tell apart ('in each state' is a split, not one number); "
                    "JOURNEYBOT_PLANNER_SECOND_OPINION=on overrides")



class PredictConfig(Section):
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
