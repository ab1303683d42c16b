"""Configuration: one TOML file plus environment variables for secrets.

Where the file is found:
  1. --config PATH (the CLI passes it here), else JOURNEYBOT_CONFIG
  2. ./journeybot.toml in the working directory
  3. <data folder>/config.toml
and with none of them, the defaults (the embedded, offline setup).

The data folder holds everything journeybot keeps (journey store, vector store, job store,
conversation memory). JOURNEYBOT_HOME wins over `home` in the file, which wins over the
per-user default, so two folders never mix.

By what they configure:
- base.py: what every section shares (strict tables, clock times, time zones, secret names);
- data.py: [business], [store], [analytics], [feedback], [model], [predict];
- running.py: [[digests]], [scheduler], [alerts], [state], [service], [slack];
- settings.py: `Config`, the whole file, and the settings derived from it;
- loading.py: `load_config` (the only reader of os.environ), `ConfigError`;
- pasted.py: secrets pasted where they do not belong (as a variable's name, inside a URL).

Import from here (`from bot.config import load_config`): the names below are the interface.
"""

from bot.config.base import DEFAULT_MEMORY_LIMIT, DEFAULT_TIMEZONE, SECRET_ENV, switch
from bot.config.data import (
    AnalyticsConfig,
    BusinessConfig,
    FeedbackConfig,
    ModelConfig,
    PredictConfig,
    StoreConfig,
)
from bot.config.loading import (
    ConfigError,
    find_config_file,
    load_config,
    read_toml,
    secret_problems,
)
from bot.config.running import (
    SLACK_API_URL,
    AlertsConfig,
    DigestScheduleConfig,
    SchedulerConfig,
    ServiceConfig,
    SlackConfig,
    StateConfig,
)
from bot.config.settings import Config

__all__ = [
    "DEFAULT_MEMORY_LIMIT", "DEFAULT_TIMEZONE", "SECRET_ENV", "SLACK_API_URL",
    "AlertsConfig", "AnalyticsConfig", "BusinessConfig", "Config", "ConfigError", "DigestScheduleConfig",
    "FeedbackConfig", "ModelConfig", "PredictConfig", "SchedulerConfig", "ServiceConfig", "SlackConfig",
    "StateConfig", "StoreConfig", "find_config_file", "load_config", "read_toml", "secret_problems",
    "switch",
]
