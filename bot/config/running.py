"""Config sections for running journeybot: digests and alerts on a schedule, the scheduler,
where operational state lives, the service (health, logs) and Slack."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, field_validator

from bot.config.base import Clock, OptionalClock, Section, Zone, section_adapter

if TYPE_CHECKING:
    from tools.alerts.rules import AlertRule

# tools.alerts.rules.Severity, spelt here so that the config does not import the rule models
# for files without [[alerts.rules]] (bot.config.settings.section_adapter; a test checks both agree).
Severity = Literal["low", "medium", "high"]


class DigestScheduleConfig(Section):
    channel: str = Field(description="Slack channel id (C0123...) or name the digest is posted to")
    cadence: Literal["daily", "weekly"] = Field(default="daily", description="daily or weekly")
    time: Clock = Field(default="08:00", description="local time HH:MM")
    weekday: Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"] = Field(
        default="mon", description="weekly digests: the day they go out")
    timezone: Zone | None = Field(default=None, description="IANA zone; default [business] timezone")


class SchedulerConfig(Section):
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
    retrain_time: OptionalClock = Field(default="03:30", description="local time HH:MM the predictive "
                                     "models retrain when there is new data; empty = never")


class AlertsConfig(Section):
    enabled: bool = Field(default=True, description="evaluate alert rules on a schedule")
    channel: str | None = Field(default=None, description="Slack channel alerts are posted to")
    check_time: Clock = Field(default="07:30", description="local time HH:MM of the daily check")
    cooldown_hours: float = Field(default=72, ge=0, le=24 * 90,
                                  description="after a rule alerts, no new alert from it this long")
    clear_days: int = Field(default=1, ge=1, le=14,
                            description="days back within bounds before an alert is resolved")
    escalate: list[Severity] = Field(default_factory=lambda: ["high"],
                                     description="severities that escalate")
    escalation_channel: str | None = Field(default=None, description="second channel for escalations")
    escalation_mention: str | None = Field(
        default=None, description="who to mention on escalation: <!subteam^S0123>, <@U0123> or <!here>")
    rules: list[Any] = Field(default_factory=list, description="[[alerts.rules]] entries (AlertRule)")
    starter_rules: bool = Field(default=True, description="also use the built-in starter rules "
                                "(tools/alerts/rules.py STARTER_RULES) not replaced by a rule of the same id")

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
    def _unique(cls, v: list[Any]) -> list[AlertRule]:
        if not v:
            return v
        v = section_adapter("rules").validate_python(v)
        seen: set[str] = set()
        for rule in v:
            if rule.id in seen:
                raise ValueError(f"two rules are named {rule.id!r}; rule ids must be unique")
            seen.add(rule.id)
        return v



class StateConfig(Section):
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


class ServiceConfig(Section):
    """Running as a service: health, readiness and metrics over HTTP, log format."""

    health_host: str = Field(default="0.0.0.0", description="address of /health, /ready and /metrics")
    health_port: int = Field(default=8080, ge=0, le=65535,
                             description="Socket Mode: port of /health, /ready and /metrics (0 = "
                                         "off); HTTP mode serves them beside /slack/events")
    log_format: Literal["text", "json"] = Field(default="text", description="'json': one JSON object per "
                                                "log line (JOURNEYBOT_LOG_FORMAT overrides)")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(default="INFO", description="log level")


SLACK_API_URL = "https://slack.com/api/"


class SlackConfig(Section):
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
