"""The persona features of bot/slack/services.py over the journey store: `personas()` for
/journey personas and the Home tab, `save_persona(conversation)` for the "Save persona" button."""

from __future__ import annotations

from typing import Any

from bot.slack.services import PersonaSummary


def slack_features(store: Any) -> dict[str, Any]:
    """The persona callables of bot/slack/services.py, over the journey store."""
    from tools.personas.params import ListPersonasParams, SavePersonaParams
    from tools.personas.saved import list_personas, save_persona

    def personas() -> list[PersonaSummary]:
        saved = list_personas(store, ListPersonasParams()).saved
        return [PersonaSummary(name=str(r.name), summary=str(r.summary), id=f"{r.name}:v{r.version}")
                for r in saved.itertuples()]

    def save(conversation_key: str) -> str:
        result = save_persona(store, SavePersonaParams(), conversation=conversation_key)
        name, version, _ = result.saved[0]
        return name if version == 1 else f"{name} (version {version})"

    return {"personas": personas, "save_persona": save}
