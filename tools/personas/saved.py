"""Saved personas: save draft cards as versions, list them, show one card, export them.

A saved persona keeps its members (tools/personas/store.py); `Filters.persona` reads the latest
version's members, so a saved persona filters every analysis.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Literal

from tools.core.errors import NoDataError, ToolInputError
from tools.data.store import JourneyStore
from tools.personas import store as ps
from tools.personas.card import Persona
from tools.personas.draft import card_position, load_draft
from tools.personas.params import (
    ListPersonasParams,
    PersonaCardResult,
    PersonaListResult,
    SavedPersonaResult,
    SavePersonaParams,
    ShowPersonaParams,
    persona_provenance,
)


def save_persona(store: JourneyStore, params: SavePersonaParams, *, conversation: str = "default") -> SavedPersonaResult:
    """Save draft card(s); the saved members drive `Filters.persona` from now on."""
    personas, focus, _ = load_draft(store, conversation)
    positions = range(1, len(personas) + 1) if params.all else [card_position(params.which, len(personas), focus)]
    if params.all and params.name:
        raise ToolInputError("A name can only be given when saving one persona.")
    saved = []
    for pos in positions:
        persona = personas[pos - 1]
        name = (params.name or persona.name).strip()
        name = ps.saved_name(store, name) or name
        card = dataclasses.replace(persona, name=name).to_record()
        version = ps.save_version(store, name, card, conversation, pos)
        saved.append((name, version, int(persona.facts["customers"])))
    prov = persona_provenance("save_persona", params, "draft card(s) saved with their members as a new version; "
                              "analyses filtered by persona use the latest version", [])
    return SavedPersonaResult(tuple(saved), prov, currency=store.profile.currency,
                              locale=store.profile.numbers.locale)


def list_personas(store: JourneyStore, params: ListPersonasParams | None = None, *,
                  conversation: str = "default") -> PersonaListResult:
    frame = ps.saved_list(store)
    frame["summary"] = [json.loads(c).get("summary", "") for c in frame["card"]]
    frame = frame.drop(columns=["card"])
    cards, _, _ = ps.read_draft(store, conversation)
    draft = tuple(c.get("name", "") for c in cards if c)
    prov = persona_provenance("list_personas", params or ListPersonasParams(), "saved personas (latest version each) "
                              "and this conversation's draft", [], row_counts={"personas": len(frame)})
    return PersonaListResult(frame, draft, prov, currency=store.profile.currency,
                             locale=store.profile.numbers.locale)


def show_persona(store: JourneyStore, params: ShowPersonaParams, *, conversation: str = "default") -> PersonaCardResult:
    if params.name:
        name = ps.saved_name(store, params.name)
        if name is None:
            known = ", ".join(ps.saved_list(store)["name"]) or "none yet"
            raise ToolInputError(f"No saved persona named {params.name!r}; saved personas: {known}.")
        found = ps.saved_card(store, name, params.version)
        if found is None:
            raise ToolInputError(f"{name} has no version {params.version}; versions: "
                                 f"{', '.join(map(str, ps.versions(store, name)))}.")
        card, version = found
        persona = dataclasses.replace(Persona.from_record(card), version=version)
        definition = f"saved persona {name}, version {version}"
    else:
        personas, focus, _ = load_draft(store, conversation)
        persona = personas[card_position(params.which, len(personas), focus) - 1]
        definition = "a draft persona of this conversation"
    return PersonaCardResult(persona, persona_provenance("show_persona", params, definition, []))


def export_personas(store: JourneyStore, names: list[str] | None = None, *, fmt: Literal["md", "json"] = "md") -> str:
    """Saved personas (latest versions; all when `names` is empty) as Markdown or JSON."""
    saved = ps.saved_list(store)
    if saved.empty:
        raise NoDataError("No saved personas to export yet.")
    wanted = list(saved["name"]) if not names else []
    for n in names or []:
        match = ps.saved_name(store, n)
        if match is None:
            raise ToolInputError(f"No saved persona named {n!r}; saved personas: {', '.join(saved['name'])}.")
        wanted.append(match)
    personas = []
    for n in wanted:
        card, version = ps.saved_card(store, n)  # type: ignore[misc]
        personas.append(dataclasses.replace(Persona.from_record(card), version=version))
    if fmt == "json":
        return json.dumps([p.to_record() for p in personas], indent=2, ensure_ascii=False)
    return "# Personas\n\n" + "\n\n".join(p.to_markdown() for p in personas) + "\n"
