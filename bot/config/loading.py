"""Reading the config: the file (where it is found), the environment, and every problem
named with its key (secrets in the file refused, whatever their shape).

This is the only module that reads os.environ."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.config.base import SECRET_ENV, switch
from bot.config.pasted import pasted_secret_problems
from bot.config.settings import Config

_SECRET_WORDS = ("token", "secret", "password", "api_key", "apikey")


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
    # Sections whose settings are checked as a whole when they are built (a touchpoint named
    # twice, risk thresholds out of order): built once here, so a mistake is named at start.
    # Only those the file has: the defaults are right by construction, and the predictive
    # settings would load tools.predict for every command.
    for section, build in (("touchpoints", cfg.touchpoint_map), ("predict", cfg.predict.settings)):
        if section not in data:
            continue
        try:
            build()
        except ValueError as exc:
            raise ConfigError(_problem_text(file, [f"{section}: {exc}"])) from None
    cfg.source = str(file) if file else None
    cfg.env = env
    if env.get("JOURNEYBOT_CHROMA_URL"):  # containers point every instance at one Chroma server
        cfg.feedback.chroma_url = env["JOURNEYBOT_CHROMA_URL"]
    if not switch(env, "JOURNEYBOT_INDEX_ON_LOAD", True):
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
