"""Secrets pasted where they do not belong in the config file.

bot/config/loading.py refuses keys named like secrets (`api_key = ...`). People also paste the key
itself as the *name* of the variable (`api_key_env = "sk-proj-..."`) or into a URL
(`base_url = "https://user:sk-...@host/v1"`, `...?api_key=...`). Both would put the secret in
backups, screenshots and `config show`, so `load_config` (and `journeybot config check`)
refuses them, naming the key and never echoing the secret.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlparse

# Shapes of well-known credentials (OpenAI and compatible, Anthropic, Slack, AWS, GitHub,
# Google, JWTs). Anything one of these matches is a secret wherever it appears.
_KNOWN = re.compile(
    r"(?:\bsk-(?:proj-|ant-|svcacct-)?[A-Za-z0-9_-]{16,}"
    r"|\bxox[abposr]-[A-Za-z0-9-]{10,}|\bxapp-[A-Za-z0-9-]{10,}"
    r"|\bAKIA[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{30,}|\bAIza[0-9A-Za-z_-]{30,}"
    r"|\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,})"
)
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SECRET_PARAMS = ("key", "token", "secret", "password", "passwd", "sig", "signature", "auth", "credential")


def _looks_random(value: str) -> bool:
    """A long run of letters and digits mixing cases and digits: a key of an unknown provider."""
    run = max(re.findall(r"[A-Za-z0-9_+/=-]{32,}", value), key=len, default="")
    return bool(run) and sum(bool(re.search(p, run)) for p in ("[a-z]", "[A-Z]", "[0-9]")) >= 3


def pasted_secret_problems(data: Any, prefix: str = "") -> list[str]:
    """One problem per config key that holds a pasted secret (the secret is not repeated)."""
    out: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            out += _check(f"{prefix}{key}", str(key).lower(), value)
            out += pasted_secret_problems(value, f"{prefix}{key}.")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += pasted_secret_problems(value, f"{prefix[:-1]}[{i}].")
    return out


def _check(dotted: str, key: str, value: Any) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    rotate = "Remove it from the file, set the environment variable instead, and rotate the key: it may be in backups."
    if key.endswith("_env"):
        if _KNOWN.search(value) or _looks_random(value):
            return [f"{dotted}: this looks like the key itself; it must be the NAME of the environment variable "
                    f"that holds the key (e.g. OPENAI_API_KEY). {rotate}"]
        if not _ENV_NAME.match(value):
            return [f"{dotted}: {value!r} is not an environment variable name (letters, digits and _, "
                    "e.g. OPENAI_API_KEY)"]
        return []
    if key.endswith("url"):
        return _check_url(dotted, value, rotate)
    if _KNOWN.search(value):
        return [f"{dotted}: this value looks like an API key or token. {rotate}"]
    return []


def _check_url(dotted: str, value: str, rotate: str) -> list[str]:
    try:
        parsed = urlparse(value.strip())
    except ValueError:
        return []
    # A user name alone is how PostgreSQL URLs name the role (postgresql://journeybot@db/...);
    # a password, or a "user" that is really a key, is a secret.
    user = parsed.username or ""
    if parsed.password or (user and (_KNOWN.search(user) or _looks_random(user))):
        return [f"{dotted}: the URL carries a user name or password (user:secret@host). Give the bare server URL; "
                f"credentials go in environment variables. {rotate}"]
    for name, _ in parse_qsl(parsed.query, keep_blank_values=True):
        if any(word in name.lower().replace("-", "_") for word in _SECRET_PARAMS):
            return [f"{dotted}: the URL carries a credential in its query (?{name}=...). Give the bare server URL; "
                    f"the key goes in the environment variable named by api_key_env. {rotate}"]
    if _KNOWN.search(value) or _looks_random(parsed.path + parsed.query + parsed.fragment):
        return [f"{dotted}: the URL holds what looks like an API key. {rotate}"]
    return []
