"""Tool schemas as the model sees them, without the weight pydantic gives them.

A params model's JSON schema repeats itself: a title for every field, `anyOf [X, null]` with
`default: null` for each optional one, `$defs` referenced from one place, and the model's
docstring again as the schema's description although the tool's own description says the
same. Each of those costs tokens on every model call of every answer, and local models with a
small context (Ollama, llama.cpp) run out of room. Here a schema keeps what the model needs
to call the tool right (types, enums, bounds, required fields, one-sentence descriptions,
non-null defaults) and loses the rest. The arguments are still validated against the full
params model before a tool runs (bot/agent/tools.py), so nothing is loosened.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from bot.agent.patterns import lazy, rx
from bot.agent.tools import ToolSpec

MAX_FIELD_DESCRIPTION = 140  # characters: one sentence of what the argument means
MAX_TOOL_DESCRIPTION = 400
MAX_DEFAULT_CHARS = 40  # a longer default (a list of every stage) is left to the description
_DROP = {"title", "examples"}
# A full stop that ends a sentence: not the one inside "e.g." or "i.e.", and followed by the
# next sentence (a capital) or the end of the text.
_SENTENCE_END = lazy(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)[.!?](?=\s+[A-Z(\"']|$)")


def compact_schema(params: type[BaseModel]) -> dict[str, Any]:
    """The JSON schema of `params` for the model: $refs inlined, titles, null branches and
    null defaults dropped, descriptions cut to their first sentence."""
    schema = params.model_json_schema()
    defs = schema.pop("$defs", {})
    schema.pop("description", None)  # the tool's description carries it
    return _compact(_inline(schema, defs), in_properties=False)


def tool_description(spec: ToolSpec) -> str:
    """What the tool is for, in its first paragraph: no worked examples (the planner's
    shortlist already picked the tool as a candidate; bot/agent/toolbox.py)."""
    first = rx.split(r"\n\s*\n", spec.description.strip(), maxsplit=1)[0]
    return _shorten(" ".join(first.split()), MAX_TOOL_DESCRIPTION)


def schema_size(spec: ToolSpec, *, compact: bool = True) -> int:
    """Characters of the tool's description and schema as sent (for tests and the bench)."""
    if compact:
        body = compact_schema(spec.params)
        return len(tool_description(spec)) + len(json.dumps(body, separators=(",", ":")))
    full = spec.params.model_json_schema()
    return len(spec.model_description()) + len(json.dumps(full, separators=(",", ":")))


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = dict(defs[ref.rsplit("/", 1)[-1]])
            # Keep the field's own description over the referenced model's docstring.
            extra = {k: v for k, v in node.items() if k != "$ref"}
            return _inline({**target, **extra}, defs)
        return {k: _inline(v, defs) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


def _compact(node: Any, *, in_properties: bool) -> Any:
    if isinstance(node, list):
        return [_compact(v, in_properties=False) for v in node]
    if not isinstance(node, dict):
        return node
    if in_properties:  # keys are field names, not schema keywords: keep every one
        return {k: _compact(v, in_properties=False) for k, v in node.items()}
    node = _drop_null_branch(node)
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROP:
            continue
        if key == "default" and (value is None or len(json.dumps(value)) > MAX_DEFAULT_CHARS):
            continue
        if key == "description" and isinstance(value, str):
            value = _first_sentence(value)
        out[key] = _compact(value, in_properties=key == "properties")
    return out


def _drop_null_branch(node: dict[str, Any]) -> dict[str, Any]:
    """`anyOf: [X, {type: null}]` -> X: an optional argument is simply left out, and saying
    "or null" for each costs more than it tells."""
    options = node.get("anyOf")
    if not isinstance(options, list):
        return node
    kept = [o for o in options if o != {"type": "null"}]
    if len(kept) == len(options):
        return node
    rest = {k: v for k, v in node.items() if k != "anyOf"}
    if len(kept) == 1 and isinstance(kept[0], dict):
        return {**kept[0], **rest}
    return {**rest, "anyOf": kept}


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    match = _SENTENCE_END.search(flat)
    sentence = flat[: match.end()] if match and match.end() >= 20 else flat
    return _shorten(sentence, MAX_FIELD_DESCRIPTION)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
