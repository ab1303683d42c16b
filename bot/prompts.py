"""Prompt texts live in prompts/*.md; this fills their $placeholders."""

from __future__ import annotations

from importlib import resources
from string import Template


def load_prompt(name: str, **values: object) -> str:
    text = resources.files("prompts").joinpath(f"{name}.md").read_text(encoding="utf-8")
    # safe_substitute: a '$' in a prompt (prices) must not break it.
    return Template(text).safe_substitute({k: str(v) for k, v in values.items()}).strip()
