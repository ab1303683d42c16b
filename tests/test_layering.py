"""tools/ is the domain: it must not import the adapters, Slack, LangChain or OpenAI, nor read
the environment. A violation here is how the layers start to blur."""

from __future__ import annotations

import ast
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[1] / "tools"
FORBIDDEN = ("bot", "slack_bolt", "slack_sdk", "langchain", "langchain_core", "langgraph", "openai")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_tools_never_import_the_adapters_or_vendor_sdks():
    offenders = {
        str(p.relative_to(TOOLS)): sorted(_imports(p) & set(FORBIDDEN))
        for p in TOOLS.rglob("*.py")
        if _imports(p) & set(FORBIDDEN)
    }
    assert offenders == {}


def test_tools_never_read_the_environment():
    readers = [
        str(p.relative_to(TOOLS))
        for p in TOOLS.rglob("*.py")
        if "os.environ" in p.read_text(encoding="utf-8") or "getenv(" in p.read_text(encoding="utf-8")
    ]
    assert readers == []
