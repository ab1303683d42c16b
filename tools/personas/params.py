"""The persona tools' params models (the contract with the model) and their results.

Params: DraftPersonasParams, EditPersonaParams (with the `Focus` behaviours a card can be
narrowed to), SavePersonaParams, ListPersonasParams, ShowPersonaParams. Results:
PersonaDraftResult, SavedPersonaResult, PersonaListResult, PersonaCardResult.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin
from tools.personas.card import Persona, n_customers

Focus = Literal[
    "weekday", "weekend", "morning", "lunchtime", "evening", "pickup", "delivery", "in_store",
    "online", "phone", "frequent", "occasional", "high_value", "recent", "lapsed",
    "contacted_support", "unhappy", "happy", "buyers", "non_buyers",
]


class DraftPersonasParams(BaseModel):
    """Draft personas from customer behaviour: one card per data-driven segment."""

    model_config = ConfigDict(extra="forbid")
    segments: int | None = Field(
        default=None, ge=2, le=6,
        description="How many segments/personas; leave empty to let the data choose (best silhouette, 2-6).")


class EditPersonaParams(BaseModel):
    """Change the draft personas of this conversation."""

    model_config = ConfigDict(extra="forbid")
    action: Literal["merge", "narrow", "refocus", "add_pain_point", "remove_pain_point", "rename"] = Field(
        description="merge: combine two cards; narrow: keep only the members showing the `focus` behaviours; "
                    "refocus ('make the second one about weekday takeout customers'): the card becomes all "
                    "customers showing the `focus` behaviours, whichever segment they were in; "
                    "add_pain_point / remove_pain_point: edit the pain points with `text`; rename: new name in `text`.")
    which: list[int] = Field(
        default_factory=list, max_length=2,
        description="Draft card positions, 1 = first; -1 = the last, -2 = the one before it. Empty: the card "
                    "in focus ('her', 'it'): the first after a draft, then the one last edited. Merge needs two "
                    "(empty = the last two).")
    focus: list[Focus] = Field(
        default_factory=list, max_length=4,
        description="For narrow and refocus: behaviours the customers must show, e.g. ['weekday', 'pickup'] for weekday "
                    "takeout customers.")
    text: str | None = Field(
        default=None, min_length=1, max_length=60,
        description="For rename: the new name. For add_pain_point: the pain point in a few words. For "
                    "remove_pain_point: words of the pain point to remove.")


class SavePersonaParams(BaseModel):
    """Save a draft card as a persona (a new version if the name exists)."""

    model_config = ConfigDict(extra="forbid")
    which: int | None = Field(default=None, ge=-6, le=6,
                              description="Draft card position (1 = first, -1 = last); empty: the card in focus.")
    all: bool = Field(default=False, description="Save every card of the draft.")
    name: str | None = Field(default=None, min_length=1, max_length=60,
                             description="Save under this name instead of the card's.")


class ListPersonasParams(BaseModel):
    """No arguments: the saved personas, and this conversation's draft if any."""

    model_config = ConfigDict(extra="forbid")


class ShowPersonaParams(BaseModel):
    """One persona card: a saved persona by name, or a draft card."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, min_length=1, max_length=60,
                             description="A saved persona's name; empty: the draft card in focus.")
    which: int | None = Field(default=None, ge=-6, le=6, description="A draft card position (1 = first).")
    version: int | None = Field(default=None, ge=1, le=10_000, description="A saved version; empty: the latest.")


@dataclass(frozen=True)
class PersonaDraftResult(ResultMixin):
    personas: tuple[Persona, ...]
    provenance: Provenance
    headline: str = ""
    focus: int | None = None  # 1-based position "her"/"it" refers to
    method: str = ""  # how well the groups separate, with the statistics (shown with details)

    def to_text(self, details: bool = False) -> str:
        parts = [self.headline + (f" {self.method}" if details and self.method else "")] if self.headline else []
        for i, p in enumerate(self.personas, start=1):
            parts.append(f"**{i}.** " + p.to_text().replace("### ", "", 1))
        return "\n\n".join(parts)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([{
            "position": i, "name": p.name, "customers": p.facts["customers"],
            "share_of_customers": p.facts["share_of_customers"], "share_of_revenue": p.facts["share_of_revenue"],
            "avg_order": p.facts["avg_order"], "weakest_stage": (p.facts.get("weakest_stage") or {}).get("stage"),
            "top_pain_point": p.pain_points[0].label if p.pain_points else None,
        } for i, p in enumerate(self.personas, start=1)])


@dataclass(frozen=True)
class SavedPersonaResult(Priced, ResultMixin):
    saved: tuple[tuple[str, int, int], ...]  # (name, version, members)
    provenance: Provenance
    currency: str = "GBP"  # counts are written in the business's locale (the store's profile)
    locale: str | None = None

    def to_text(self) -> str:
        lines = [f"Saved **{n}** (version {v}, {n_customers(m, self.numbers)})." for n, v, m in self.saved]
        names = ", ".join(f'"{n}"' for n, _, _ in self.saved)
        lines.append(f"Use it in any analysis, e.g. funnel for {names.split(', ')[0].strip(chr(34))}.")
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.saved, columns=["name", "version", "members"])


@dataclass(frozen=True)
class PersonaListResult(Priced, ResultMixin):
    saved: pd.DataFrame  # name, version, versions, saved_at, members, summary
    draft: tuple[str, ...]  # names on this conversation's draft cards
    provenance: Provenance
    currency: str = "GBP"  # counts are written in the business's locale (the store's profile)
    locale: str | None = None

    def to_text(self) -> str:
        lines = []
        if self.saved.empty:
            lines.append("No saved personas yet.")
        else:
            lines.append("Saved personas:")
            for r in self.saved.itertuples():
                lines.append(f"- **{r.name}** (v{r.version} of {r.versions}, {n_customers(r.members, self.numbers)}): {r.summary}")
        if self.draft:
            lines.append("Draft in this conversation: " + "; ".join(f"{i}. {n}" for i, n in enumerate(self.draft, 1)))
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        return self.saved.copy()


@dataclass(frozen=True)
class PersonaCardResult(ResultMixin):
    persona: Persona
    provenance: Provenance

    def to_text(self) -> str:
        return self.persona.to_text()

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([self.persona.facts | {"name": self.persona.name}])


def persona_provenance(tool: str, params: BaseModel, definition: str, notes: list[str], **extra: Any) -> Provenance:
    return Provenance(tool=tool, definition=definition, params=params.model_dump(mode="json"),
                      tables=("customers", "events", "orders", "surveys", "tickets"),
                      notes=tuple(notes), **extra)
