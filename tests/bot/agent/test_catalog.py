"""Every tool the agent and planner can call is fully declared: the contract with the model."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from bot.agent.catalog import MODEL_ONLY, all_tools

TOOLS = all_tools()


def _fields(model: type[BaseModel], seen: set[type] | None = None):
    seen = seen or set()
    if model in seen:
        return
    seen.add(model)
    for name, field in model.model_fields.items():
        yield model, name, field
        ann = field.annotation
        for inner in getattr(ann, "__args__", ()) + (ann,):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                yield from _fields(inner, seen)


def test_names_are_unique_snake_case():
    names = [t.name for t in TOOLS]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names)


@pytest.mark.parametrize("spec", TOOLS, ids=lambda s: s.name)
def test_each_tool_is_described_with_examples_and_described_params(spec):
    assert len(spec.description) >= 40
    assert spec.examples, "examples feed the planner and the help"
    if spec.name not in MODEL_ONLY:  # reached by the planner's post-step, ranked for the model
        assert spec.plan is not None or not spec.params.model_fields, "the offline planner needs a plan"
    for model, name, field in _fields(spec.params):
        assert field.description, f"{model.__name__}.{name} has no description"
    schema = spec.params.model_json_schema()
    assert schema["type"] == "object"


CHANGES = re.compile(r"^(?:create|change|delete|remove|save|forget|erase|update|set|add|drop|send)_")


@pytest.mark.parametrize("spec", TOOLS, ids=lambda s: s.name)
def test_a_tool_named_for_a_change_is_declared_as_one(spec):
    """A tool that creates, changes, saves, deletes or forgets something must say so: the
    planner then needs the request in so many words and every caller asks for a yes first."""
    if CHANGES.match(spec.name):
        assert spec.changes_state, f"{spec.name} changes what journeybot keeps: set changes_state"
    if spec.changes_state:
        assert spec.explicit, f"{spec.name}: the words a request must contain (explicit)"
        re.compile(spec.explicit)
    else:
        assert not spec.explicit
